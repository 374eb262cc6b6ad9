import type { Payload } from 'payload'
import { dayToInstant, formatViDay } from '../../domain/calendar'
import { reportOccasions, type SchedulablePlan } from '../../domain/schedule'
import { slugify } from '../../domain/vietnamese'
import { SCHEDULE_SLUGS } from '../../domain/slugs'
import type { AppendixItem } from '../../domain/reportDocument'
import { buildReport, type QuotaReport } from '../report/buildReport'
import { readEvidence } from '../report/buildReportDocument'
import { reportWorkbook } from '../report/reportWorkbook'
import { systemRequest } from './records'

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export interface ReportSnapshot {
  id: number
  title: string
  filename: string
  labels: string[]
  report: QuotaReport
  /** The items the report counted that day (the document's appendix); null on reports stored before it was kept. */
  evidence: AppendixItem[] | null
}

type Row = Record<string, unknown>

/** What the report of that day is called: the schedule's own names, or a plain one for a day run by hand. */
export function reportLabels(plan: SchedulablePlan | undefined, day: string): string[] {
  const labels = plan ? (reportOccasions(plan.schedule, day, day)[0]?.labels ?? []) : []
  return labels.length > 0 ? labels : ['Báo cáo tiến độ']
}

const toSnapshot = (doc: Row, labels: string[]): ReportSnapshot => ({
  id: Number(doc.id),
  title: String(doc.title),
  filename: String(doc.filename ?? ''),
  labels,
  report: doc.report as QuotaReport,
  evidence: Array.isArray(doc.evidence) ? (doc.evidence as AppendixItem[]) : null,
})

/**
 * The stored report of a slot: the one already there (a retried run reuses it, so a slot never
 * has two), or a new one built as of the day, with its XLSX and the items it counted (the
 * evidence the report document lists, kept as of that day). Null when the plan is gone.
 */
export async function storeReportSnapshot(
  payload: Payload,
  args: { slot: string; plan: number; day: string; labels: string[] },
): Promise<ReportSnapshot | null> {
  const existing = await payload.find({
    collection: SCHEDULE_SLUGS.quotaReports,
    where: { slot: { equals: args.slot } },
    depth: 0,
    limit: 1,
  })
  const found = existing.docs[0] as Row | undefined
  if (found) return toSnapshot(found, args.labels)
  const req = await systemRequest(payload)
  const report = await buildReport(req, { plan: args.plan, asOf: args.day, unit: null }, { overrideAccess: true })
  if (!report) return null
  const xlsx = await reportWorkbook(report)
  const evidence = await readEvidence(req, report, { overrideAccess: true })
  const doc = (await payload.create({
    collection: SCHEDULE_SLUGS.quotaReports,
    data: {
      title: `${report.plan.code} — ${args.labels.join(', ')} (${formatViDay(args.day)})`,
      slot: args.slot,
      plan: args.plan,
      asOf: dayToInstant(args.day),
      totals: report.totals,
      report,
      evidence,
    } as never,
    file: {
      data: xlsx,
      mimetype: XLSX_MIME,
      name: `bao-cao-${slugify(report.plan.code, 'ke-hoach', 60)}-${args.day}.xlsx`,
      size: xlsx.length,
    },
  })) as unknown as Row
  return toSnapshot(doc, args.labels)
}
