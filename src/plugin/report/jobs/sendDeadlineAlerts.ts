import { deadlineAlertMail, deadlineAlertTitle } from '../../../domain/mailText'
import { dueDaily, selectDeadlineAlerts } from '../../../domain/schedule'
import { sendEmailOnce } from '../../email/sendEmailOnce'
import { buildReport } from '../buildReport'
import { activePlans, adminPath, adminUrl, notifyOnce, systemRequest, usersOfUnits } from '../../scheduler/records'
import type { JobDefinition } from '../../scheduler/types'
import { SLUGS } from '../../../domain/slugs'

/**
 * Daily: every task of an active plan with a target at risk, behind or overdue near its deadline
 * (src/domain/schedule.ts selectDeadlineAlerts) gets one e-mail to its lead units' staff and one
 * notification per person, both keyed by task and day: at most one alert per task per day.
 */
export const sendDeadlineAlerts: JobDefinition<'deadline-alerts'> = {
  name: 'deadline-alerts',
  title: 'Cảnh báo hạn cho đơn vị chủ trì',
  async dueSlots({ settings, window }) {
    return dueDaily('deadline-alerts', settings.alertTime, window, settings.timeZone)
  },
  async run(ctx, { day }) {
    const { payload } = ctx
    const req = await systemRequest(payload)
    let alerts = 0
    let emails = 0
    let notifications = 0
    for (const plan of await activePlans(payload)) {
      const report = await buildReport(req, { plan: plan.id, asOf: day, unit: null }, { overrideAccess: true })
      for (const alert of selectDeadlineAlerts(report?.tasks ?? [], day, ctx.settings.alertWindowDays)) {
        alerts += 1
        const staff = await usersOfUnits(
          payload,
          alert.leadUnits.map((u) => u.id),
        )
        if (staff.length === 0) continue
        const path = `/collections/${SLUGS.tasks}/${alert.task}`
        const mail = deadlineAlertMail(alert, plan.code, adminUrl(payload, path))
        const sent = await sendEmailOnce(payload, `deadline-alert:task-${alert.task}:${day}`, {
          to: staff.map((u) => u.email),
          ...mail,
        })
        if (sent.status === 'sent') emails += 1
        await ctx.checkpoint('alert-mailed')
        for (const u of staff) {
          const made = await notifyOnce(payload, {
            key: `deadline:task-${alert.task}:${day}:user-${u.id}`,
            user: u.id,
            kind: 'deadline',
            title: deadlineAlertTitle(alert),
            body: mail.text,
            link: adminPath(payload, path),
          })
          if (made) notifications += 1
        }
      }
    }
    return { day, alerts, emails, notifications }
  },
}
