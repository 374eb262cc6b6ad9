import type { CollectionAfterChangeHook } from 'payload'
import { dayOf } from '../../../domain/calendar'
import { assignmentNotice } from '../../../domain/plannedItems'
import { relId } from '../../../domain/relations'
import { countingTimeZone } from '../../counting/engine/settings'
import { adminPath, notifyOnce } from '../../scheduler/records'

/**
 * The assignee hears of an item given to them, in the save's transaction (a failed save leaves no
 * notice). Once per item and assignee: the key says so, so autosaves and later edits stay quiet.
 * Nobody is told of an item they assigned to themselves.
 */
export const notifyAssigneeAfterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, collection, req }) => {
  const assignee = relId(doc.assignee)
  if (assignee === undefined || String(assignee) === String(relId(previousDoc?.assignee))) return doc
  if (req.user && String(req.user.id) === String(assignee)) return doc
  const by = req.user ? String((req.user as { name?: unknown }).name ?? req.user.email ?? req.user.id) : 'Hệ thống'
  const notice = assignmentNotice(
    {
      collection: collection.slug,
      title: String(doc.title ?? `#${doc.id}`),
      plannedDay: dayOf(doc.plannedDate, countingTimeZone(req.payload)),
    },
    by,
  )
  await notifyOnce(
    req.payload,
    {
      key: `planned-assigned:${collection.slug}-${doc.id}:user-${assignee}`,
      user: assignee,
      kind: 'planned',
      ...notice,
      link: adminPath(req.payload, `/collections/${collection.slug}/${doc.id}`),
    },
    req,
  )
  return doc
}
