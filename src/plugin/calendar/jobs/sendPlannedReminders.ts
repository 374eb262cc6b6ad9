import { addDays, dueDaily, zonedInstant } from '../../../domain/schedule'
import { reminderNotice } from '../../../domain/plannedItems'
import { dayOf } from '../../../domain/calendar'
import { relId } from '../../../domain/relations'
import { countedCollections } from '../../counting/engine/settings'
import { adminPath, notifyOnce } from '../../scheduler/records'
import type { JobDefinition } from '../../scheduler/types'

type Row = Record<string, unknown>

/**
 * Daily, with the deadline alerts: the assignee of every item planned for tomorrow and still a
 * draft gets one notice. Exactly once per item and day: the slot runs on one instance, and the
 * notice's key (item, planned day, user) makes a retried run add nothing.
 */
export const sendPlannedReminders: JobDefinition<'planned-reminders'> = {
  name: 'planned-reminders',
  title: 'Nhắc người thực hiện trước ngày dự kiến đăng',
  async dueSlots({ settings, window }) {
    return dueDaily('planned-reminders', settings.alertTime, window, settings.timeZone)
  },
  async run(ctx, { day }) {
    const { payload } = ctx
    const tz = ctx.settings.timeZone
    const tomorrow = addDays(day, 1)
    const from = zonedInstant(tomorrow, { hour: 0, minute: 0 }, tz).toISOString()
    const to = zonedInstant(addDays(tomorrow, 1), { hour: 0, minute: 0 }, tz).toISOString()
    let notifications = 0
    for (const collection of countedCollections(payload)) {
      const { docs } = await payload.find({
        collection: collection as 'articles',
        where: {
          and: [
            { _status: { not_equals: 'published' } },
            { assignee: { exists: true } },
            { plannedDate: { greater_than_equal: from } },
            { plannedDate: { less_than: to } },
          ],
        },
        depth: 0,
        pagination: false,
        select: { title: true, plannedDate: true, assignee: true },
      })
      for (const doc of docs as unknown as Row[]) {
        const user = relId(doc.assignee)
        const plannedDay = dayOf(doc.plannedDate, tz)
        if (user === undefined || plannedDay !== tomorrow) continue
        const made = await notifyOnce(payload, {
          key: `planned-due:${collection}-${String(doc.id)}:${plannedDay}:user-${user}`,
          user,
          kind: 'planned',
          ...reminderNotice({ collection, title: String(doc.title ?? `#${String(doc.id)}`), plannedDay }),
          link: adminPath(payload, `/collections/${collection}/${String(doc.id)}`),
        })
        if (made) notifications += 1
      }
      await ctx.checkpoint(`reminded-${collection}`)
    }
    return { day, notifications }
  },
}
