import type { PayloadRequest } from 'payload'
import type { Problem } from '../../domain/i18n/messages'
import { checkAssignee } from '../../domain/plannedItems'
import { relId } from '../../domain/relations'
import { pluginUsersSlug } from '../counting/engine/settings'
import { toValidation } from '../shared/validation'

type Args = { req: PayloadRequest; data: Partial<Record<string, unknown>> }

/**
 * What is wrong with giving the item to `value`, or null: the assignee must be a user of the
 * item's unit (`unit`, or the saver's for a new item). The user is read past access control: this
 * checks the value sent, and shows nothing of the user to the sender.
 */
export async function assigneeProblem(req: PayloadRequest, value: unknown, unit: unknown): Promise<Problem | null> {
  const assignee = relId(value) ?? null
  if (assignee === null) return null
  const user = (await req.payload.findByID({
    collection: pluginUsersSlug(req.payload) as 'users',
    id: assignee,
    depth: 0,
    disableErrors: true,
    req,
  })) as { unit?: unknown } | null
  // A new item has no unit yet: it takes its author's (see editOwnUnitContent).
  const itemUnit = relId(unit) ?? relId((req.user as { unit?: unknown } | null)?.unit) ?? null
  return checkAssignee({ assignee, assigneeFound: user !== null, assigneeUnit: relId(user?.unit) ?? null, itemUnit })
}

/** An item's assignee is a user of the item's unit; a 400 on `assignee` otherwise. */
export async function validateAssignee(value: unknown, { req, data }: Args): Promise<true | string> {
  return toValidation(await assigneeProblem(req, value, data.unit), req)
}
