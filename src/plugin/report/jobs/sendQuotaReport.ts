import { calendarDay } from '../../../domain/calendar'
import { reportMail } from '../../../domain/mailText'
import { dueReports } from '../../../domain/schedule'
import { sendEmailOnce } from '../../email/sendEmailOnce'
import { reportWorkbook } from '../reportWorkbook'
import { buildReportDocument } from '../buildReportDocument'
import { DOCX_MIME } from '../reportDocx'
import {
  activePlans,
  adminPath,
  adminUrl,
  notifyOnce,
  planForJobs,
  planHasTargets,
  systemRequest,
  usersByIds,
} from '../../scheduler/records'
import { reportLabels, storeReportSnapshot, XLSX_MIME } from '../../scheduler/reportSnapshot'
import type { JobDefinition } from '../../scheduler/types'
import { SCHEDULE_SLUGS } from '../../../domain/slugs'

/**
 * The periodic report of a plan on a reporting day: store the snapshot (JSON + XLSX + counted
 * items) once, mail it to the plan's managers once with the XLSX and the report document
 * (.docx, dated that day, to complete, sign and send), tell them in the admin. Each step is
 * keyed by the slot, so a retry after a crash at any point completes the run without a second
 * snapshot or mail.
 */
export const sendQuotaReport: JobDefinition<'quota-report'> = {
  name: 'quota-report',
  title: 'Báo cáo định kỳ gửi lãnh đạo kế hoạch',
  async dueSlots({ payload, settings, window }) {
    return dueReports(await activePlans(payload), window, { at: settings.reportTime, timeZone: settings.timeZone })
  },
  async run(ctx, { slot, plan, day }) {
    const { payload } = ctx
    const planInfo = await planForJobs(payload, plan)
    // A plan without a single target has nothing to report: no "0 chỉ tiêu" report, no mail.
    if (planInfo && !(await planHasTargets(payload, plan))) return { skipped: `plan ${plan} has no targets yet` }
    const snapshot = await storeReportSnapshot(payload, {
      slot,
      plan,
      day,
      labels: reportLabels(planInfo ?? undefined, day),
    })
    if (!snapshot) return { skipped: `plan ${plan} does not exist` }
    await ctx.checkpoint('snapshot-stored')
    const managers = await usersByIds(payload, planInfo?.managers ?? [])
    if (managers.length === 0) {
      payload.logger.warn({
        msg: `[quota-report] ${slot}: the plan has no managers with an e-mail; report stored, not mailed`,
      })
      return { snapshot: snapshot.id, mailed: 0 }
    }
    const path = `/collections/${SCHEDULE_SLUGS.quotaReports}/${snapshot.id}`
    const mail = reportMail({ ...snapshot.report, labels: snapshot.labels, link: adminUrl(payload, path) })
    // The attachment is rebuilt from the stored JSON, so it does not depend on this instance's disk.
    const xlsx = await reportWorkbook(snapshot.report)
    const document = await buildReportDocument(
      await systemRequest(payload),
      { report: snapshot.report, evidence: snapshot.evidence, today: day },
      { overrideAccess: true },
    )
    const sent = await sendEmailOnce(payload, slot, {
      to: managers.map((m) => m.email),
      ...mail,
      attachments: [
        { filename: snapshot.filename || `bao-cao-${day}.xlsx`, content: xlsx, contentType: XLSX_MIME },
        ...(document
          ? [{ filename: `${document.document.filename}.docx`, content: document.docx, contentType: DOCX_MIME }]
          : []),
      ],
    })
    await ctx.checkpoint('email-sent')
    // Who got it, on the record itself: the report page shows it to managers, who cannot read the
    // e-mail log (admins only).
    await payload.update({
      collection: SCHEDULE_SLUGS.quotaReports,
      id: snapshot.id,
      data: { mailedTo: managers.map((m) => `${m.name} <${m.email}>`).join('\n'), mailedAt: ctx.now.toISOString() },
      depth: 0,
    })
    for (const m of managers) {
      await notifyOnce(payload, {
        key: `report:${slot}:user-${m.id}`,
        user: m.id,
        kind: 'report',
        title: mail.subject,
        body: mail.text,
        link: adminPath(payload, path),
      })
    }
    return {
      snapshot: snapshot.id,
      mailed: managers.length,
      email: sent.status,
      asOf: day,
      madeOn: calendarDay(ctx.now, ctx.settings.timeZone),
    }
  },
}
