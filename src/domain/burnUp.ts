/**
 * The plan's burn-up: content items counted so far against what the pace rule expects, week by
 * week over the plan period. Only content targets (articles, infographics, videos counted against
 * content quotas) take part: a report or a deliverable is a different unit and is never added to
 * articles. Each week's number is the report's own rule applied as of that week's last day, so
 * the line ends on the report's number. Pure: the plugin passes the report, the ledger rows of its
 * tasks and the clock.
 */
import { calendarDay } from './calendar'
import { expectedByToday, type DayWindow } from './quota'
import type { QuotaReport } from './reportAssembly'
import type { LedgerRow } from './reportEvidence'

export interface BurnUpPoint {
  /** Monday of the week (weeks run Monday to Sunday, as Vietnamese calendars print them). */
  weekStart: string
  /** The week's last day inside the range: its Sunday, or the range's last day. */
  weekEnd: string
  /** Items counted as of the week's end, or as of the cut-off day in the week that contains it; null after it. */
  achieved: number | null
  /** Items the pace rule expects by the week's end, whole (7.1 expected means the 8th is due). */
  expected: number
}

export interface BurnUp {
  /** The range drawn: the plan period, else the span of the content targets' windows. */
  range: DayWindow | null
  /** Sum of the content targets (items). */
  target: number
  /** The day the achieved line stops: the report's day, or today when the report is dated later. */
  cutOff: string
  /** Items the pace rule expects by the cut-off day itself, whole (the week's point is its end). */
  expectedAtCutOff: number
  points: BurnUpPoint[]
  /** Why there is nothing to draw. */
  empty: 'no-content' | 'no-dates' | null
}

const DAY_MS = 86_400_000
const toMs = (day: string): number => Date.parse(`${day}T00:00:00Z`)
const fromMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10)
const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !isNaN(toMs(v))

/** Monday of the week containing the day. */
export function weekStartOf(day: string): string {
  const ms = toMs(day)
  const weekday = new Date(ms).getUTCDay() // 0 = Sunday
  return fromMs(ms - ((weekday + 6) % 7) * DAY_MS)
}

const addDays = (day: string, n: number): string => fromMs(toMs(day) + n * DAY_MS)
const minDay = (a: string, b: string): string => (a < b ? a : b)
/** Whole items, rounding up what is due (as paceText does); float noise never adds one. */
const wholeDue = (n: number): number => Math.ceil(n - 1e-9)

interface ContentTarget {
  task: number
  window: DayWindow | null
  channels: Set<number>
  contentTypes: Set<string>
  mode: 'pooled' | 'perChannel'
  target: number
  /** A per-channel target's quota on each of its channels. */
  quota: number
}

function contentTargets(report: QuotaReport): ContentTarget[] {
  return report.tasks.flatMap((task) =>
    task.targets.flatMap((t) =>
      t.kind === 'content' && t.mode
        ? [
            {
              task: task.id,
              window: t.window,
              channels: new Set(t.channels),
              contentTypes: new Set(t.contentTypes),
              mode: t.mode,
              target: t.target,
              quota: t.mode === 'perChannel' ? t.target / Math.max(1, new Set(t.channels).size) : t.target,
            },
          ]
        : [],
    ),
  )
}

/**
 * What a target counted as of a day: its items (of its types, on its channels) with a publication
 * inside its window up to that day; on a per-channel target each channel counts up to its quota.
 * Without a window the report counts everything up to its day, and so does this.
 */
function achievedAsOf(t: ContentTarget, rows: readonly LedgerRow[], day: string): number {
  const from = t.window?.from ?? '0001-01-01'
  const to = t.window ? minDay(t.window.to, day) : day
  if (to < from) return 0
  const items = new Set<string>()
  const byChannel = new Map<number, Set<string>>()
  for (const r of rows) {
    if (r.day < from || r.day > to || !t.channels.has(r.channel) || !t.contentTypes.has(r.contentType)) continue
    const key = `${r.contentType}:${r.item}`
    items.add(key)
    let set = byChannel.get(r.channel)
    if (!set) byChannel.set(r.channel, (set = new Set()))
    set.add(key)
  }
  if (t.mode === 'pooled') return items.size
  let sum = 0
  for (const set of byChannel.values()) sum += Math.min(set.size, t.quota)
  return sum
}

/** Without a window a target has no pace: the report expects all of it, and so does the line. */
const expectedAsOf = (t: ContentTarget, day: string): number =>
  t.window ? expectedByToday(t.target, t.window, day) : t.target

/**
 * The weekly burn-up of the report's content targets. The range is the plan period when it has
 * both days, else the span of the targets' windows; the achieved line stops at the report's day
 * or at today in the plan's time zone, whichever comes first (nothing published later is known).
 */
export function planBurnUp(input: {
  report: QuotaReport
  rows: readonly LedgerRow[]
  period: { from: string | null; to: string | null } | null
  now: Date
  timeZone: string
}): BurnUp {
  const { report } = input
  const cutOff = minDay(report.asOf, calendarDay(input.now, input.timeZone))
  const targets = contentTargets(report)
  const target = targets.reduce((n, t) => n + t.target, 0)
  if (targets.length === 0)
    return { range: null, target: 0, cutOff, expectedAtCutOff: 0, points: [], empty: 'no-content' }
  const expectedAtCutOff = wholeDue(targets.reduce((n, t) => n + expectedAsOf(t, cutOff), 0))
  const range = rangeOf(input.period, targets)
  if (!range) return { range: null, target, cutOff, expectedAtCutOff, points: [], empty: 'no-dates' }

  const byTask = new Map<number, LedgerRow[]>()
  for (const r of input.rows) {
    const list = byTask.get(r.task)
    if (list) list.push(r)
    else byTask.set(r.task, [r])
  }
  const points: BurnUpPoint[] = []
  for (let week = weekStartOf(range.from); week <= range.to; week = addDays(week, 7)) {
    const weekEnd = minDay(addDays(week, 6), range.to)
    const countTo = minDay(weekEnd, cutOff)
    const known = week <= cutOff
    let achieved = 0
    let expected = 0
    for (const t of targets) {
      expected += expectedAsOf(t, weekEnd)
      if (known) achieved += achievedAsOf(t, byTask.get(t.task) ?? [], countTo)
    }
    points.push({ weekStart: week, weekEnd, achieved: known ? achieved : null, expected: wholeDue(expected) })
  }
  return { range, target, cutOff, expectedAtCutOff, points, empty: null }
}

function rangeOf(
  period: { from: string | null; to: string | null } | null,
  targets: ContentTarget[],
): DayWindow | null {
  if (period && isDay(period.from) && isDay(period.to) && period.from <= period.to)
    return { from: period.from, to: period.to }
  const windows = targets.flatMap((t) => (t.window && isDay(t.window.from) && isDay(t.window.to) ? [t.window] : []))
  if (windows.length === 0) return null
  return {
    from: windows.map((w) => w.from).reduce(minDay),
    to: windows.map((w) => w.to).reduce((a, b) => (a > b ? a : b)),
  }
}
