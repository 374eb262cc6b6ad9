import { isIsoDay } from './calendar'

/** The query of GET /api/quota/report, validated; every problem names its parameter. */
export interface ReportParams {
  plan: number
  asOf: string
  unit: number | null
  format: 'json' | 'csv' | 'xlsx'
}

export type ParamResult = { ok: true; params: ReportParams } | { ok: false; field: string; message: string }

const positiveInt = (v: string): number | null => (/^[1-9]\d{0,9}$/.test(v) ? Number(v) : null)

export function parseReportParams(query: Record<string, unknown>, today: string): ParamResult {
  const str = (name: string): string | undefined => {
    const v = query[name]
    return typeof v === 'string' ? v.trim() : undefined
  }
  const planText = str('plan')
  if (!planText) return { ok: false, field: 'plan', message: 'plan is required: the id of the plan to report on.' }
  const plan = positiveInt(planText)
  if (plan === null)
    return { ok: false, field: 'plan', message: `plan must be a positive whole number, got "${planText}".` }
  const asOf = str('asOf') || today
  if (!isIsoDay(asOf))
    return { ok: false, field: 'asOf', message: `asOf must be a calendar day written YYYY-MM-DD, got "${asOf}".` }
  const unitText = str('unit')
  const unit = unitText ? positiveInt(unitText) : null
  if (unitText && unit === null)
    return { ok: false, field: 'unit', message: `unit must be a positive whole number, got "${unitText}".` }
  const format = (str('format') || 'json').toLowerCase()
  if (format !== 'json' && format !== 'csv' && format !== 'xlsx') {
    return { ok: false, field: 'format', message: `format must be json, csv or xlsx, got "${format}".` }
  }
  return { ok: true, params: { plan, asOf, unit, format } }
}

/** The query of GET /api/quota/task: one task's attainment with its items. */
export type TaskParamResult =
  { ok: true; params: { task: number; asOf: string } } | { ok: false; field: string; message: string }

export function parseTaskParams(query: Record<string, unknown>, today: string): TaskParamResult {
  const raw = typeof query.task === 'string' ? query.task.trim() : ''
  if (!raw) return { ok: false, field: 'task', message: 'task is required: the id of the task.' }
  const task = positiveInt(raw)
  if (task === null) return { ok: false, field: 'task', message: `task must be a positive whole number, got "${raw}".` }
  const asOf = (typeof query.asOf === 'string' ? query.asOf.trim() : '') || today
  if (!isIsoDay(asOf))
    return { ok: false, field: 'asOf', message: `asOf must be a calendar day written YYYY-MM-DD, got "${asOf}".` }
  return { ok: true, params: { task, asOf } }
}
