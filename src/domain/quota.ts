/**
 * How a target stands: the window it counts in, how much should be done by today (pace), and
 * its status (domain.md, "Counting rules" 3–5). Pure functions over calendar days
 * (YYYY-MM-DD, Asia/Ho_Chi_Minh) with `today` passed in, so the admin, reports and tests all
 * see the same numbers for the same day, whatever the server clock says.
 */
import { daysInMonth, isIsoDay } from './calendar'

export type TargetStatus = 'done' | 'on-track' | 'at-risk' | 'behind' | 'overdue'

/** Inclusive calendar days YYYY-MM-DD. */
export interface DayWindow {
  from: string
  to: string
}

export interface TimeframeSpec {
  kind: 'deadline' | 'recurring' | 'byYear'
  /** YYYY-MM-DD */
  deadline?: string | null
  recurrence?: 'month' | 'quarter' | 'year' | null
  year?: number | null
}

/**
 * The numbers every target reports (rules 3–5), in the order the report's tables and exports show
 * them. The one list: the Attainment type, the report's target rows (reportAssembly.ts) and the
 * CSV and workbook columns derive from it, so a new number cannot be shown in one and missed in another.
 */
export const ATTAINMENT_FIELDS = ['target', 'achieved', 'late', 'percent', 'remaining', 'expected', 'status'] as const

export type AttainmentField = (typeof ATTAINMENT_FIELDS)[number]

/** How a target stands: every field of ATTAINMENT_FIELDS, the status a word, the rest numbers. */
export type Attainment = { [K in AttainmentField]: K extends 'status' ? TargetStatus : number }

/** Just the attainment numbers of a row that carries more (a report target, an export row). */
export function attainmentOf(row: Attainment): Attainment {
  return Object.fromEntries(ATTAINMENT_FIELDS.map((field) => [field, row[field]])) as Attainment
}

/** Below this share of the expected amount a target is behind rather than at risk (rule 5). */
const AT_RISK_SHARE = 0.7

// ---------------------------------------------------------------------------------------------
// Calendar-day arithmetic

/** Days since 1970-01-01 for a valid day, null otherwise; UTC so no DST or zone can shift it. */
/** Days asked are few (windows, report days) and asked for every target: remembered. */
const dayIndexes = new Map<string, number | null>()

function dayIndex(day: string): number | null {
  if (typeof day !== 'string') return null
  const known = dayIndexes.get(day)
  if (known !== undefined) return known
  let index: number | null = null
  if (isIsoDay(day)) {
    const d = new Date(0)
    // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
    d.setUTCFullYear(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)))
    index = Math.round(d.getTime() / 86_400_000)
  }
  if (dayIndexes.size >= 4096) dayIndexes.clear()
  dayIndexes.set(day, index)
  return index
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')
const isoDay = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`

/** Bad input must yield null rather than throw, so tell "not given" (null) from "unreadable" (undefined). */
function optionalDay(value: string | null | undefined): string | null | undefined {
  if (value === null || value === undefined) return null
  return typeof value === 'string' && isIsoDay(value) ? value : undefined
}

const later = (a: string, b: string) => (a > b ? a : b)
const earlier = (a: string, b: string) => (a < b ? a : b)

function periodContaining(day: string, recurrence: 'month' | 'quarter' | 'year'): DayWindow {
  const year = Number(day.slice(0, 4))
  const month = Number(day.slice(5, 7))
  if (recurrence === 'year') return { from: isoDay(year, 1, 1), to: isoDay(year, 12, 31) }
  const first = recurrence === 'quarter' ? Math.floor((month - 1) / 3) * 3 + 1 : month
  const last = recurrence === 'quarter' ? first + 2 : month
  return { from: isoDay(year, first, 1), to: isoDay(year, last, daysInMonth(last, year)) }
}

// ---------------------------------------------------------------------------------------------
// Windows

/**
 * The window a target counts in, as of `today`:
 * - deadline: from = windowStart ?? planFrom ?? (1 January of the deadline's year), to = deadline;
 * - byYear: from = windowStart ?? max(planFrom, YEAR-01-01), to = YEAR-12-31;
 * - recurring: the period (month / quarter / year) containing `today`, clipped to the plan period.
 *   When `today` lies outside the plan period, the plan's first or last period is used, so a
 *   finished plan still reports how its final period ended instead of showing nothing.
 *   `windowStart` does not apply: every period is a window of its own.
 * Null when the window cannot be determined (missing or unreadable days, a window that would
 * start after it ends); never throws.
 */
export function targetWindow(input: {
  timeframe: TimeframeSpec
  windowStart?: string | null
  planFrom?: string | null
  planTo?: string | null
  today: string
}): DayWindow | null {
  const { timeframe, today } = input
  if (!timeframe || typeof today !== 'string' || !isIsoDay(today)) return null

  let window: DayWindow | null = null
  if (timeframe.kind === 'deadline') {
    const deadline = optionalDay(timeframe.deadline)
    if (!deadline) return null
    const start = optionalDay(input.windowStart)
    if (start === undefined) return null
    const planFrom = start === null ? optionalDay(input.planFrom) : null
    if (planFrom === undefined) return null
    window = { from: start ?? planFrom ?? `${deadline.slice(0, 4)}-01-01`, to: deadline }
  } else if (timeframe.kind === 'byYear') {
    const year = timeframe.year
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 1 || year > 9999) return null
    const start = optionalDay(input.windowStart)
    if (start === undefined) return null
    const planFrom = start === null ? optionalDay(input.planFrom) : null
    if (planFrom === undefined) return null
    const newYear = isoDay(year, 1, 1)
    window = { from: start ?? (planFrom ? later(planFrom, newYear) : newYear), to: isoDay(year, 12, 31) }
  } else if (timeframe.kind === 'recurring') {
    const recurrence = timeframe.recurrence
    if (recurrence !== 'month' && recurrence !== 'quarter' && recurrence !== 'year') return null
    const planFrom = optionalDay(input.planFrom)
    const planTo = optionalDay(input.planTo)
    if (planFrom === undefined || planTo === undefined) return null
    if (planFrom && planTo && planFrom > planTo) return null
    let anchor = today
    if (planFrom && anchor < planFrom) anchor = planFrom
    if (planTo && anchor > planTo) anchor = planTo
    const period = periodContaining(anchor, recurrence)
    window = {
      from: planFrom ? later(period.from, planFrom) : period.from,
      to: planTo ? earlier(period.to, planTo) : period.to,
    }
  }
  return window && window.from <= window.to ? window : null
}

// ---------------------------------------------------------------------------------------------
// Pace and status

/**
 * Share of the window elapsed by the end of `today`: the first day already counts (1/n), the
 * last day counts fully, so a one-day window is 0 before it and 1 on it.
 */
function elapsedFraction(from: number, to: number, today: number): number {
  if (today < from) return 0
  if (today >= to) return 1
  return (today - from + 1) / (to - from + 1)
}

const nonNegative = (n: number) => (Number.isFinite(n) && n > 0 ? n : 0)

/**
 * Pace: total × the elapsed fraction of the window as of today (days elapsed inclusive of
 * today / window length in days), 0 before the window, total from its last day on. A window
 * with unreadable days expects nothing rather than throwing in the middle of a report.
 */
export function expectedByToday(total: number, window: DayWindow, today: string): number {
  const t = dayIndex(today)
  const from = dayIndex(window.from)
  const to = dayIndex(window.to)
  if (t === null || from === null || to === null) return 0
  return nonNegative(total) * elapsedFraction(from, to, t)
}

/** Rule 5 without the calendar: how achieved compares to the expected amount. */
function paceStatus(achieved: number, expected: number): TargetStatus {
  if (achieved >= expected) return 'on-track'
  // Scaled by 10 so 0.7 × expected is not rounded in binary (0.7 × 3 = 2.0999…).
  return achieved * 10 >= expected * (AT_RISK_SHARE * 10) ? 'at-risk' : 'behind'
}

/**
 * Status per domain.md rule 5: done (achieved ≥ total), overdue (today after window.to and not
 * done; the deadline day itself is not overdue), on-track before the window opens (nothing can
 * be expected yet), otherwise on-track / at-risk / behind against `expected`.
 */
export function targetStatus(input: {
  total: number
  achieved: number
  expected: number
  window: DayWindow
  today: string
}): TargetStatus {
  const { total, achieved, expected, window } = input
  if (achieved >= total) return 'done'
  const t = dayIndex(input.today)
  const from = dayIndex(window.from)
  const to = dayIndex(window.to)
  if (t !== null && to !== null && t > to) return 'overdue'
  if (t !== null && from !== null && t < from) return 'on-track'
  return paceStatus(achieved, expected)
}

// ---------------------------------------------------------------------------------------------
// Evaluations

const round1 = (n: number) => Math.round(n * 10) / 10

function percentOf(achieved: number, total: number): number {
  return total > 0 ? round1((achieved / total) * 100) : 0
}

/** Strips binary noise (100 − 85.3 = 14.700000000000003) from sums of decimal inputs. */
const tidy = (n: number) => Number(n.toPrecision(12))

/**
 * Expected and status together. The status is judged on the expected value as shown (rounded to
 * one decimal), so a row never reads "expected 8.0, achieved 8, at risk". Without a window
 * there is no pace: the whole target is expected, and nothing can be overdue.
 */
function paceOf(
  total: number,
  achieved: number,
  window: DayWindow | null,
  today: string,
): { expected: number; status: TargetStatus } {
  if (!window) {
    return { expected: total, status: achieved >= total ? 'done' : paceStatus(achieved, total) }
  }
  const expected = round1(expectedByToday(total, window, today))
  return { expected, status: targetStatus({ total, achieved, expected, window, today }) }
}

/** One channel of a content target: its uncapped count and, on a per-channel target, its quota. */
export interface ChannelAttainment {
  channel: number
  achieved: number
  quota: number | null
}

/**
 * The numbers of a content target (rule 3–5):
 * - pooled: total = quantity, achieved = the distinct items counted for the target (given);
 * - perChannel: total = quantity × channels, achieved = Σ_c min(achieved_c, quantity) over the
 *   target's channels, so one channel over-delivering cannot make up for another.
 * `byChannel` in the result lists every channel of the target in the target's order with its
 * uncapped count (0 when missing), so a manager sees over-delivery the total hides, and its own
 * quota (the quantity on a per-channel target; null on a pooled one, which has no per-channel
 * share), so a client need not divide. Counts for channels outside the target are dropped.
 * Duplicate channel entries in the input are summed.
 */
export function evaluateContentTarget(input: {
  mode: 'pooled' | 'perChannel'
  quantity: number
  channels: number[]
  pooledAchieved: number
  byChannel: Array<{ channel: number; achieved: number }>
  late: number
  window: DayWindow
  today: string
}): Attainment & { byChannel: ChannelAttainment[] } {
  const quantity = nonNegative(input.quantity)
  // A channel listed twice is still one channel; counting it twice would double its share.
  const channels = [...new Set(input.channels)]
  const counts = new Map<number, number>()
  for (const row of input.byChannel) {
    counts.set(row.channel, (counts.get(row.channel) ?? 0) + nonNegative(row.achieved))
  }
  const quota = input.mode === 'perChannel' ? quantity : null
  const byChannel = channels.map((channel) => ({ channel, achieved: counts.get(channel) ?? 0, quota }))

  let target: number
  let achieved: number
  if (input.mode === 'perChannel') {
    target = quantity * channels.length
    achieved = byChannel.reduce((sum, c) => sum + Math.min(c.achieved, quantity), 0)
  } else {
    target = quantity
    achieved = nonNegative(input.pooledAchieved)
  }
  return {
    target,
    achieved,
    late: nonNegative(input.late),
    percent: percentOf(achieved, target),
    remaining: Math.max(0, target - achieved),
    ...paceOf(target, achieved, input.window, input.today),
    byChannel,
  }
}

/**
 * A deliverable reports 0 or 1: done when submitted with a document attached (either alone is
 * not a delivered report); otherwise overdue after the deadline, else behind. Behind, not on
 * track, even early: nothing partial can be delivered, so 0 of 1 is simply not done yet.
 */
export function evaluateDeliverable(input: {
  submitted: boolean
  hasDocument: boolean
  window: DayWindow | null
  today: string
}): Omit<Attainment, 'late' | 'target' | 'achieved'> & { target: 1; achieved: 0 | 1 } {
  const achieved: 0 | 1 = input.submitted && input.hasDocument ? 1 : 0
  const expected = input.window ? round1(expectedByToday(1, input.window, input.today)) : 1
  let status: TargetStatus = 'behind'
  if (achieved === 1) status = 'done'
  else if (input.window) {
    const t = dayIndex(input.today)
    const to = dayIndex(input.window.to)
    if (t !== null && to !== null && t > to) status = 'overdue'
  }
  return { target: 1, achieved, percent: achieved * 100, remaining: 1 - achieved, expected, status }
}

/**
 * An indicator reports its latest progress entry as of `today` (latest date not after today; on
 * the same date the later entry in the list, i.e. the correction entered last) against the
 * target value: a report as of a past day shows what was known then. Entries with an
 * unreadable date or value are ignored rather than allowed to win or crash.
 */
export function evaluateIndicator(input: {
  targetValue: number
  progress: Array<{ date: string; value: number }>
  window: DayWindow | null
  today: string
}): Omit<Attainment, 'late'> & { asOf: string | null } {
  const target = nonNegative(input.targetValue)
  let latest: { date: string; value: number } | null = null
  for (const entry of input.progress) {
    if (typeof entry.date !== 'string' || !isIsoDay(entry.date) || !Number.isFinite(entry.value)) continue
    if (entry.date > input.today) continue
    if (!latest || entry.date >= latest.date) latest = entry
  }
  const achieved = latest?.value ?? 0
  return {
    target,
    achieved,
    percent: percentOf(achieved, target),
    remaining: tidy(Math.max(0, target - achieved)),
    ...paceOf(target, achieved, input.window, input.today),
    asOf: latest?.date ?? null,
  }
}

/** Totals over many targets: target and achieved summed (deliverables are rows of 1), percent as above. */
export function totals(rows: Array<{ target: number; achieved: number }>): {
  target: number
  achieved: number
  percent: number
} {
  let target = 0
  let achieved = 0
  for (const row of rows) {
    target += row.target
    achieved += row.achieved
  }
  target = tidy(target)
  achieved = tidy(achieved)
  return { target, achieved, percent: percentOf(achieved, target) }
}
