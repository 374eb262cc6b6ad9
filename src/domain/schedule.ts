/**
 * When scheduled work is due, as pure functions of the plans and a time window (domain.md:
 * "a reporting schedule (e.g. monthly on day 20; 20/6 and 20/12)"). Every run is named by a
 * slot key, `<job>:<period>`, which the scheduler claims once in the database so that several
 * app instances never run the same period twice. Wall-clock times are in the plan time zone
 * (Asia/Ho_Chi_Minh, UTC+7): the 20th at 08:00 there is 01:00 UTC.
 */
import { DEFAULT_TIME_ZONE, calendarDay, isIsoDay } from './calendar'
import type { DayWindow, TargetStatus } from './quota'

export const JOB_NAMES = [
  'quota-report',
  'deadline-alerts',
  'reconcile',
  'publish-scheduled',
  'planned-reminders',
  'prune-imports',
] as const
export type JobName = (typeof JOB_NAMES)[number]

export const isJobName = (value: string): value is JobName => (JOB_NAMES as readonly string[]).includes(value)

/** A time of day on the plan's wall clock. */
export interface WallTime {
  hour: number
  minute: number
}

/** Instants after `after` up to and including `upTo`. */
export interface TimeWindow {
  after: Date
  upTo: Date
}

// ---------------------------------------------------------------------------------------------
// Wall clock ↔ instants

const wallFormatters = new Map<string, Intl.DateTimeFormat>()
function wallFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = wallFormatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    wallFormatters.set(timeZone, f)
  }
  return f
}

/** The wall clock of an instant in a time zone. */
export function wallClock(
  instant: Date,
  timeZone = DEFAULT_TIME_ZONE,
): { day: string; hour: number; minute: number; second: number } {
  const parts: Record<string, number> = {}
  for (const p of wallFormatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value)
  }
  const { year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0 } = parts
  return { day: isoDay(year, month, day), hour, minute, second }
}

/** Milliseconds the zone is ahead of UTC at an instant (seconds ignored: no zone uses them today). */
function offsetMs(instant: number, timeZone: string): number {
  const w = wallClock(new Date(instant), timeZone)
  const asUtc = Date.UTC(
    Number(w.day.slice(0, 4)),
    Number(w.day.slice(5, 7)) - 1,
    Number(w.day.slice(8, 10)),
    w.hour,
    w.minute,
  )
  return asUtc - Math.floor(instant / 60_000) * 60_000
}

/** The instant a wall-clock time on a calendar day happens in a time zone (08:00 ICT → 01:00Z). */
export function zonedInstant(day: string, time: WallTime, timeZone = DEFAULT_TIME_ZONE): Date {
  if (!isIsoDay(day)) throw new RangeError(`Not a calendar day (YYYY-MM-DD): ${day}`)
  const wall = Date.UTC(
    Number(day.slice(0, 4)),
    Number(day.slice(5, 7)) - 1,
    Number(day.slice(8, 10)),
    time.hour,
    time.minute,
  )
  // Twice, so a zone whose offset changes between the guess and the answer (DST) still lands right.
  const guess = wall - offsetMs(wall, timeZone)
  return new Date(wall - offsetMs(guess, timeZone))
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')
const isoDay = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`

/** Days from a to b (b − a), both YYYY-MM-DD. */
export function daysBetween(a: string, b: string): number {
  const idx = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)))
  return Math.round((idx(b) - idx(a)) / 86_400_000)
}

export function addDays(day: string, n: number): string {
  const d = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) + n))
  return isoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}

/** The calendar days a window touches, in order (each day on the zone's calendar). */
function daysOf(window: TimeWindow, timeZone: string): string[] {
  if (window.upTo.getTime() <= window.after.getTime()) return []
  const first = calendarDay(window.after, timeZone)
  const last = calendarDay(window.upTo, timeZone)
  const out: string[] = []
  for (let d = first; d <= last; d = addDays(d, 1)) out.push(d)
  return out
}

const inWindow = (t: Date, w: TimeWindow) => t.getTime() > w.after.getTime() && t.getTime() <= w.upTo.getTime()

// ---------------------------------------------------------------------------------------------
// Reporting schedule

export interface FixedReportDate {
  day: number
  month: number
  label?: string | null
}

/** A plan's reporting schedule as stored on the plan (src/plugin/plan/collections/Plans.ts `reporting`). */
export interface ReportingSchedule {
  /** Day of every month (1–28), or null for no monthly report. */
  monthlyDay: number | null
  /** Yearly dates ("trước ngày 20/6 và 20/12"). */
  fixedDates: FixedReportDate[]
}

export interface ReportOccasion {
  day: string
  /** What the report is, in Vietnamese: "Báo cáo tháng 11/2026", a fixed date's own label… */
  labels: string[]
}

/**
 * The day a yearly date falls on in a year. A report "before 29/2" is due on the last day of
 * February in a common year: it may not be skipped for three years out of four.
 */
export function fixedDateIn(year: number, date: { day: number; month: number }): string {
  const last = new Date(Date.UTC(year, date.month, 0)).getUTCDate()
  return isoDay(year, date.month, Math.min(date.day, last))
}

/** The reporting days from `from` to `to` (inclusive), one entry per day even when rules coincide. */
export function reportOccasions(schedule: ReportingSchedule, from: string, to: string): ReportOccasion[] {
  const byDay = new Map<string, string[]>()
  const add = (day: string, label: string) => {
    if (day < from || day > to) return
    const labels = byDay.get(day) ?? []
    if (!labels.includes(label)) labels.push(label)
    byDay.set(day, labels)
  }
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (let month = 1; month <= 12; month++) {
      const md = schedule.monthlyDay
      if (md !== null && Number.isInteger(md) && md >= 1 && md <= 28) {
        add(isoDay(year, month, md), `Báo cáo tháng ${month}/${year}`)
      }
    }
    for (const f of schedule.fixedDates) {
      if (!Number.isInteger(f.day) || !Number.isInteger(f.month) || f.month < 1 || f.month > 12 || f.day < 1) continue
      const label = f.label?.trim() || `Báo cáo định kỳ (hạn ${f.day}/${f.month})`
      add(fixedDateIn(year, f), label)
    }
  }
  return [...byDay.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, labels]) => ({ day, labels }))
}

export interface SchedulablePlan {
  id: number
  status: string | null
  /** The plan's period (YYYY-MM-DD); reports stop after it ends. */
  periodFrom: string | null
  periodTo: string | null
  /**
   * The day the plan was entered: a reporting day before it is not reported (the catch-up after
   * a save would otherwise fire last month's report at once, on a plan still without tasks).
   */
  createdOn?: string | null
  schedule: ReportingSchedule
}

export interface DueReport {
  slot: string
  plan: number
  day: string
  fireAt: Date
  labels: string[]
}

/** The report slot of a plan on a day: `quota-report:plan-7:2026-11-20`. */
export const reportSlot = (plan: number, day: string) => `quota-report:plan-${plan}:${day}`

/**
 * The periodic reports that fall due in a window: each active plan's reporting days inside its
 * period, fired at `at` (default 08:00) on the plan's wall clock. Draft and closed plans report
 * nothing. One slot per plan and day, so a monthly report and a fixed date on the same day make
 * one report.
 */
export function dueReports(
  plans: SchedulablePlan[],
  window: TimeWindow,
  options: { at?: WallTime; timeZone?: string } = {},
): DueReport[] {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE
  const at = options.at ?? DEFAULT_REPORT_TIME
  const days = daysOf(window, timeZone)
  const first = days[0]
  const last = days[days.length - 1]
  if (!first || !last) return []
  const out: DueReport[] = []
  for (const plan of plans) {
    if (plan.status !== 'active') continue
    for (const o of reportOccasions(plan.schedule, first, last)) {
      if (plan.periodFrom && o.day < plan.periodFrom) continue
      if (plan.periodTo && o.day > plan.periodTo) continue
      if (plan.createdOn && o.day < plan.createdOn) continue
      const fireAt = zonedInstant(o.day, at, timeZone)
      if (inWindow(fireAt, window))
        out.push({ slot: reportSlot(plan.id, o.day), plan: plan.id, day: o.day, fireAt, labels: o.labels })
    }
  }
  return out.sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime() || a.plan - b.plan)
}

export const DEFAULT_REPORT_TIME: WallTime = { hour: 8, minute: 0 }
export const DEFAULT_ALERT_TIME: WallTime = { hour: 7, minute: 0 }
export const DEFAULT_RECONCILE_TIME: WallTime = { hour: 2, minute: 0 }

export interface DueDaily {
  slot: string
  day: string
  fireAt: Date
}

/** A once-a-day job's slots in a window: `deadline-alerts:2026-11-20`, fired at `at` local time. */
export function dueDaily(job: JobName, at: WallTime, window: TimeWindow, timeZone = DEFAULT_TIME_ZONE): DueDaily[] {
  return daysOf(window, timeZone)
    .map((day) => ({ slot: `${job}:${day}`, day, fireAt: zonedInstant(day, at, timeZone) }))
    .filter((d) => inWindow(d.fireAt, window))
}

/** The once-a-minute slot containing an instant: `publish-scheduled:2026-11-20T08:01` (local time). */
export function minuteSlot(job: JobName, now: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const w = wallClock(now, timeZone)
  return `${job}:${w.day}T${pad(w.hour)}:${pad(w.minute)}`
}

// ---------------------------------------------------------------------------------------------
// Slot keys

export type ParsedSlot =
  | { ok: true; job: 'quota-report'; slot: string; plan: number; day: string }
  | {
      ok: true
      job: 'deadline-alerts' | 'reconcile' | 'planned-reminders' | 'prune-imports'
      slot: string
      day: string
    }
  | { ok: true; job: 'publish-scheduled'; slot: string; day: string; time: WallTime }
  | { ok: false; message: string }

const PERIOD_FORMATS: Record<JobName, string> = {
  'quota-report': 'plan-<id>:YYYY-MM-DD',
  'deadline-alerts': 'YYYY-MM-DD',
  reconcile: 'YYYY-MM-DD',
  'publish-scheduled': 'YYYY-MM-DDTHH:mm',
  'planned-reminders': 'YYYY-MM-DD',
  'prune-imports': 'YYYY-MM-DD',
}

/**
 * Reads a slot for a job: the full key (`quota-report:plan-7:2026-11-20`) or just its period
 * (`plan-7:2026-11-20`). Bad input gets a message saying what was expected.
 */
export function parseSlot(job: string, text: string): ParsedSlot {
  if (!isJobName(job)) return { ok: false, message: `Unknown job "${job}"; the jobs are ${JOB_NAMES.join(', ')}.` }
  const raw = text.trim()
  const period = raw.startsWith(`${job}:`) ? raw.slice(job.length + 1) : raw
  const bad = (): ParsedSlot => ({
    ok: false,
    message: `Slot "${text}" is not a ${job} slot: expected ${job}:${PERIOD_FORMATS[job]} (or just ${PERIOD_FORMATS[job]}).`,
  })
  if (job === 'quota-report') {
    const m = /^plan-([1-9]\d{0,9}):(\d{4}-\d{2}-\d{2})$/.exec(period)
    if (!m?.[1] || !m[2] || !isIsoDay(m[2])) return bad()
    return { ok: true, job, slot: reportSlot(Number(m[1]), m[2]), plan: Number(m[1]), day: m[2] }
  }
  if (job === 'publish-scheduled') {
    const m = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/.exec(period)
    if (!m?.[1] || !isIsoDay(m[1])) return bad()
    return { ok: true, job, slot: `${job}:${period}`, day: m[1], time: { hour: Number(m[2]), minute: Number(m[3]) } }
  }
  if (!isIsoDay(period)) return bad()
  return { ok: true, job, slot: `${job}:${period}`, day: period }
}

// ---------------------------------------------------------------------------------------------
// Deadline alerts

export interface AlertTargetInput {
  kind: string
  label: string | null
  status: TargetStatus
  target: number
  achieved: number
  window: DayWindow | null
}

export interface AlertTaskInput {
  id: number
  code: string
  title: string
  leadUnits: Array<{ id: number; name: string }>
  targets: AlertTargetInput[]
}

export interface DeadlineAlert {
  task: number
  code: string
  title: string
  leadUnits: Array<{ id: number; name: string }>
  /** The nearest end of an alerted target's window (the task's deadline, or a period's end). */
  due: string
  /** Days from today to `due`; negative when overdue. */
  daysLeft: number
  /** The worst status among the alerted targets. */
  status: 'at-risk' | 'behind' | 'overdue'
  targets: AlertTargetInput[]
}

const ALERT_RANK: Record<string, number> = { 'at-risk': 1, behind: 2, overdue: 3 }

/**
 * The tasks the lead units must hear about today: a target at risk or behind whose window ends
 * within the next `windowDays` days, or a target overdue whose window ended within the last
 * `windowDays` days (so an overdue task is chased for a week, not forever). A recurring target's
 * window is its current period, so its period end counts as the deadline. Most urgent first.
 */
export function selectDeadlineAlerts(tasks: AlertTaskInput[], today: string, windowDays: number): DeadlineAlert[] {
  const out: DeadlineAlert[] = []
  for (const task of tasks) {
    const hit = task.targets.filter((t) => {
      if (!t.window || !ALERT_RANK[t.status]) return false
      const left = daysBetween(today, t.window.to)
      return t.status === 'overdue' ? left < 0 && left >= -windowDays : left >= 0 && left <= windowDays
    })
    if (hit.length === 0) continue
    const due = hit.map((t) => t.window?.to ?? today).sort()[0] ?? today
    const status = hit.reduce<DeadlineAlert['status']>(
      (worst, t) => ((ALERT_RANK[t.status] ?? 0) > ALERT_RANK[worst]! ? (t.status as DeadlineAlert['status']) : worst),
      'at-risk',
    )
    out.push({
      task: task.id,
      code: task.code,
      title: task.title,
      leadUnits: task.leadUnits,
      due,
      daysLeft: daysBetween(today, due),
      status,
      targets: hit,
    })
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft || a.task - b.task)
}
