import type { CollectionAfterChangeHook } from 'payload'
import { dayOf } from '../../../domain/calendar'
import { plannedAssignmentMail } from '../../../domain/mailText'
import { assignmentNotice } from '../../../domain/plannedItems'
import { relId, relIds } from '../../../domain/relations'
import { countingTimeZone } from '../../counting/engine/settings'
import { afterCommit } from '../../db/postgres'
import { sendEmailOnce } from '../../email/sendEmailOnce'
import { adminPath, adminUrl, notifyOnce } from '../../scheduler/records'
import { readAccount, taskCodeLabels } from '../../shared/readAccounts'

/**
 * The assignee hears of an item given to them: an in-app notice in the save's transaction (a
 * failed save leaves no notice) and, once the save has committed, an e-mail. Once per item and
 * assignee: the key says so (the notice's, and the mail log's), so autosaves and later edits stay
 * quiet. Nobody is told of an item they assigned to themselves. A failed e-mail is logged; the
 * save stands.
 */
export const notifyAssigneeAfterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, collection, req }) => {
  const assignee = relId(doc.assignee)
  if (assignee === undefined || String(assignee) === String(relId(previousDoc?.assignee))) return doc
  if (req.user && String(req.user.id) === String(assignee)) return doc
  const by = req.user ? String((req.user as { name?: unknown }).name ?? req.user.email ?? req.user.id) : 'Hệ thống'
  const item = {
    collection: collection.slug,
    title: String(doc.title ?? `#${doc.id}`),
    plannedDay: dayOf(doc.plannedDate, countingTimeZone(req.payload)),
  }
  const key = `planned-assigned:${collection.slug}-${doc.id}:user-${assignee}`
  const path = `/collections/${collection.slug}/${doc.id}`
  const made = await notifyOnce(
    req.payload,
    { key, user: assignee, kind: 'planned', ...assignmentNotice(item, by), link: adminPath(req.payload, path) },
    req,
  )
  if (!made) return doc
  const to = await readAccount(req, assignee)
  if (!to?.email) return doc
  const tasks = [...(await taskCodeLabels(req.payload, relIds(doc.tasks), req)).values()]
  const mail = plannedAssignmentMail({ ...item, tasks }, by, to.name, adminUrl(req.payload, path))
  await afterCommit(req.payload, req, async () => {
    try {
      await sendEmailOnce(req.payload, key, { to: to.email, ...mail })
    } catch (err) {
      req.payload.logger.error({ err, msg: `planned-item assignment e-mail to user ${assignee} failed (${key})` })
    }
  })
  return doc
}
