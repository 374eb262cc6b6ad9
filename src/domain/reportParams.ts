import { isIsoDay } from './calendar'
import type { Problem } from './i18n/messages'

/** The query of GET /api/quota/report, validated; every problem names its parameter. */
export interface ReportParams {
  plan: number
  asOf: string
  unit: number | null
  format: ReportFormat
}

/** What GET /api/quota/report answers in: the numbers (json, csv, xlsx) or the signed document (docx, pdf). */
export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'docx', 'pdf'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]
const isReportFormat = (v: string): v is ReportFormat => (REPORT_FORMATS as readonly string[]).includes(v)

/** A parameter the endpoint cannot use: its name and the message for the client, in any language. */
export type ParamProblem = { ok: false; field: string; problem: Problem }

export type ParamResult = { ok: true; params: ReportParams } | ParamProblem

const positiveInt = (v: string): number | null => (/^[1-9]\d{0,9}$/.test(v) ? Number(v) : null)

const refuse = (field: string, key: Problem['key'], value?: string): ParamProblem => ({
  ok: false,
  field,
  problem: { key, vars: { param: field, ...(value === undefined ? {} : { value }) } },
})

export function parseReportParams(query: Record<string, unknown>, today: string): ParamResult {
  const str = (name: string): string | undefined => {
    const v = query[name]
    return typeof v === 'string' ? v.trim() : undefined
  }
  const planText = str('plan')
  if (!planText) return refuse('plan', 'paramPlanRequired')
  const plan = positiveInt(planText)
  if (plan === null) return refuse('plan', 'paramPositiveInteger', planText)
  const asOf = str('asOf') || today
  if (!isIsoDay(asOf)) return refuse('asOf', 'paramDay', asOf)
  const unitText = str('unit')
  const unit = unitText ? positiveInt(unitText) : null
  if (unitText && unit === null) return refuse('unit', 'paramPositiveInteger', unitText)
  const format = (str('format') || 'json').toLowerCase()
  if (!isReportFormat(format)) return refuse('format', 'paramFormat', format)
  return { ok: true, params: { plan, asOf, unit, format } }
}

/** The query of GET /api/quota/task: one task's attainment with its items. */
export type TaskParamResult = { ok: true; params: { task: number; asOf: string; page: number } } | ParamProblem

export function parseTaskParams(query: Record<string, unknown>, today: string): TaskParamResult {
  const raw = typeof query.task === 'string' ? query.task.trim() : ''
  if (!raw) return refuse('task', 'paramTaskRequired')
  const task = positiveInt(raw)
  if (task === null) return refuse('task', 'paramPositiveInteger', raw)
  const asOf = (typeof query.asOf === 'string' ? query.asOf.trim() : '') || today
  if (!isIsoDay(asOf)) return refuse('asOf', 'paramDay', asOf)
  // Which page of each target's items (1 = the first); the counts do not depend on it.
  const pageText = typeof query.page === 'string' ? query.page.trim() : ''
  const page = pageText ? positiveInt(pageText) : 1
  if (page === null) return refuse('page', 'paramPositiveInteger', pageText)
  return { ok: true, params: { task, asOf, page } }
}

/** The query of GET /api/quota/periodic-report: a stored periodic report as a document. */
export type PeriodicReportParamResult = { ok: true; params: { id: number; format: 'docx' | 'pdf' } } | ParamProblem

export function parsePeriodicReportParams(query: Record<string, unknown>): PeriodicReportParamResult {
  const raw = typeof query.id === 'string' ? query.id.trim() : ''
  if (!raw) return refuse('id', 'paramReportRequired')
  const id = positiveInt(raw)
  if (id === null) return refuse('id', 'paramPositiveInteger', raw)
  const format = ((typeof query.format === 'string' ? query.format.trim() : '') || 'docx').toLowerCase()
  if (format !== 'docx' && format !== 'pdf') return refuse('format', 'paramDocumentFormat', format)
  return { ok: true, params: { id, format } }
}
