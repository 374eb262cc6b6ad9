import { addDays, dueDaily, zonedInstant } from '../../../domain/schedule'
import { plannedReminderMail } from '../../../domain/mailText'
import { reminderNotice } from '../../../domain/plannedItems'
import { dayOf } from '../../../domain/calendar'
import { relId, relIds } from '../../../domain/relations'
import { countedCollections } from '../../counting/engine/settings'
import { sendEmailOnce } from '../../email/sendEmailOnce'
import { adminPath, adminUrl, notifyOnce, usersByIds } from '../../scheduler/records'
import type { JobDefinition } from '../../scheduler/types'
import { taskCodeLabels } from '../../shared/readAccounts'

type Row = Record<string, unknown>

/**
 * Daily, with the deadline alerts: the assignee of every item planned for tomorrow and still a
 * draft gets one notice and one e-mail. Exactly once per item and day: the slot runs on one
 * instance, and the key (item, planned day, user) of the notice and of the mail log makes a
 * retried run add nothing. A failed e-mail is logged and fails the run once every item has been
 * tried, so the slot is retried (what went out is not sent again).
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
    let emails = 0
    let failed = 0
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
        select: { title: true, plannedDate: true, assignee: true, tasks: true },
      })
      const rows = docs as unknown as Row[]
      const people = new Map(
        (await usersByIds(payload, [...new Set(rows.flatMap((d) => relId(d.assignee) ?? []))])).map((u) => [
          String(u.id),
          u,
        ]),
      )
      const tasks = await taskCodeLabels(payload, [...new Set(rows.flatMap((d) => relIds(d.tasks)))])
      for (const doc of rows) {
        const user = relId(doc.assignee)
        const plannedDay = dayOf(doc.plannedDate, tz)
        if (user === undefined || plannedDay !== tomorrow) continue
        const key = `planned-due:${collection}-${String(doc.id)}:${plannedDay}:user-${user}`
        const path = `/collections/${collection}/${String(doc.id)}`
        const item = { collection, title: String(doc.title ?? `#${String(doc.id)}`), plannedDay }
        const made = await notifyOnce(payload, {
          key,
          user,
          kind: 'planned',
          ...reminderNotice(item),
          link: adminPath(payload, path),
        })
        if (made) notifications += 1
        const to = people.get(String(user))
        if (!to) continue
        try {
          const mail = plannedReminderMail(
            { ...item, tasks: relIds(doc.tasks).flatMap((t) => tasks.get(String(t)) ?? []) },
            to.name,
            adminUrl(payload, path),
          )
          const sent = await sendEmailOnce(payload, key, { to: to.email, ...mail })
          if (sent.status === 'sent') emails += 1
        } catch (err) {
          failed += 1
          payload.logger.error({ err, msg: `planned-item reminder e-mail to user ${user} failed (${key})` })
        }
      }
      await ctx.checkpoint(`reminded-${collection}`)
    }
    if (failed > 0) throw new Error(`${failed} planned-item reminder e-mail(s) failed; the slot will be retried`)
    return { day, notifications, emails }
  },
}
