/**
 * The calendar view's query (GET /api/calendar/events): a day range and optional filters, the
 * same names the admin view keeps in its URL. Bad input names the parameter.
 */
import { isIsoDay } from './calendar'
import type { ParamProblem } from './reportParams'
import { daysBetween } from './schedule'

/** Longer ranges are refused: a month or a week view asks for ~6 weeks, a list view a year at most. */
export const MAX_CALENDAR_DAYS = 400

export interface CalendarParams {
  from: string
  to: string
  plan: number | null
  unit: number | null
  channel: number | null
  /** A content collection (one of the counted ones). */
  type: string | null
  assignee: number | null
}

const refuse = (
  field: string,
  key: ParamProblem['problem']['key'],
  vars: Record<string, string> = {},
): ParamProblem => ({
  ok: false,
  field,
  problem: { key, vars: { param: field, ...vars } },
})

export function parseCalendarParams(
  query: Record<string, unknown>,
  types: readonly string[],
): { ok: true; params: CalendarParams } | ParamProblem {
  const str = (name: string) => (typeof query[name] === 'string' ? (query[name] as string).trim() : '')
  const from = str('from')
  if (!isIsoDay(from)) return refuse('from', 'paramDay', { value: from })
  const to = str('to')
  if (!isIsoDay(to)) return refuse('to', 'paramDay', { value: to })
  if (to < from || daysBetween(from, to) > MAX_CALENDAR_DAYS)
    return refuse('to', 'paramDayRange', { max: String(MAX_CALENDAR_DAYS) })
  const ids: Record<'plan' | 'unit' | 'channel' | 'assignee', number | null> = {
    plan: null,
    unit: null,
    channel: null,
    assignee: null,
  }
  for (const name of ['plan', 'unit', 'channel', 'assignee'] as const) {
    const text = str(name)
    if (!text) continue
    if (!/^[1-9]\d{0,9}$/.test(text)) return refuse(name, 'paramPositiveInteger', { value: text })
    ids[name] = Number(text)
  }
  const typeText = str('type')
  if (typeText && !types.includes(typeText))
    return refuse('type', 'paramContentType', { value: typeText, types: types.join(', ') })
  return { ok: true, params: { from, to, ...ids, type: typeText || null } }
}
