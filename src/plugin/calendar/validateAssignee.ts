import type { PayloadRequest } from 'payload'
import { checkAssignee } from '../../domain/plannedItems'
import { relId } from '../../domain/relations'
import { pluginUsersSlug } from '../counting/engine/settings'
import { toValidation } from '../shared/validation'

type Args = { req: PayloadRequest; data: Partial<Record<string, unknown>> }

/**
 * An item's assignee is a user of the item's unit; a 400 on `assignee` otherwise. The user is read
 * past access control: this checks the value sent, and shows nothing of the user to the sender.
 */
export async function validateAssignee(value: unknown, { req, data }: Args): Promise<true | string> {
  const assignee = relId(value) ?? null
  if (assignee === null) return true
  const user = (await req.payload.findByID({
    collection: pluginUsersSlug(req.payload) as 'users',
    id: assignee,
    depth: 0,
    disableErrors: true,
    req,
  })) as { unit?: unknown } | null
  // A new item has no unit yet: it takes its author's (see editOwnUnitContent).
  const itemUnit = relId(data.unit) ?? relId((req.user as { unit?: unknown } | null)?.unit) ?? null
  const problem = checkAssignee({
    assignee,
    assigneeFound: user !== null,
    assigneeUnit: relId(user?.unit) ?? null,
    itemUnit,
  })
  return toValidation(problem, req)
}
