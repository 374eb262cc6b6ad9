/**
 * The demo dated relative to the day it is loaded. The data in planData.ts is written as of
 * DEMO_ANCHOR; loaded on another day, every date that makes the plan "running" (period,
 * deadlines, publications, the submitted report) moves by the same number of days, so a new
 * user sees the mix of done, on-track, at-risk and behind tasks the data was written to show,
 * instead of a plan that ended long ago. Pure: `today` is an argument, nothing is read here.
 */
import { isIsoDay } from '../domain/calendar'
import { addDays, daysBetween } from '../domain/schedule'
import { DEMO_ANCHOR, DEMO_ITEMS, DEMO_PACE_ITEMS, DEMO_SUBMITTED_REPORT, PLAN, type DemoItemSeed } from './planData'

/**
 * Days to move the written data by. A plan already seeded keeps the offset it was seeded with
 * (read from its period's first day against the data's), so re-seeding on a later day neither
 * moves nor duplicates anything; otherwise the days from DEMO_ANCHOR to `today`.
 */
export function demoOffset(today: string, seededPeriodFrom?: string | null): number {
  if (seededPeriodFrom) {
    if (!isIsoDay(seededPeriodFrom)) throw new RangeError(`Not a day: ${seededPeriodFrom}`)
    return daysBetween(PLAN.period.from, seededPeriodFrom)
  }
  if (!isIsoDay(today)) throw new RangeError(`Not a day: ${today}`)
  return daysBetween(DEMO_ANCHOR, today)
}

export type DemoPlan = typeof PLAN

export interface DemoData {
  /** The day the shifted data reads as "today" (DEMO_ANCHOR moved by the offset). */
  today: string
  plan: DemoPlan
  items: DemoItemSeed[]
  submittedReport: typeof DEMO_SUBMITTED_REPORT
}

/**
 * The plan and demo content moved by `offset` days. The basis documents and the parent plan
 * keep their dates: they are real documents cited by number and date (the plan's title names
 * "02-KH/BCĐTW ngày 19/6/2025"), and nothing about the plan's progress depends on them.
 */
export function shiftedDemo(offset: number): DemoData {
  if (!Number.isInteger(offset)) throw new RangeError(`The demo moves by whole days, got ${offset}`)
  const day = (d: string) => addDays(d, offset)
  return {
    today: day(DEMO_ANCHOR),
    plan: {
      ...PLAN,
      period: { from: day(PLAN.period.from), to: day(PLAN.period.to) },
      tasks: PLAN.tasks.map((t) => ({ ...t, deadline: day(t.deadline) })),
    },
    items: [...DEMO_ITEMS, ...DEMO_PACE_ITEMS].map((item) => ({
      ...item,
      publications: item.publications.map((p) => ({ ...p, day: day(p.day) })),
    })),
    submittedReport: { ...DEMO_SUBMITTED_REPORT, submittedOn: day(DEMO_SUBMITTED_REPORT.submittedOn) },
  }
}

/**
 * The day of the demo's sample periodic report: the last monthly reporting day (the plan's
 * `monthlyDay` of a month, on the calendar, not shifted) before the demo's today, inside the
 * plan's shifted period; null when the period has not reached one yet. The seed runs that report
 * so a new user finds one to read (the scheduler never reports a day before the plan was entered).
 */
export function demoReportDay(offset: number, monthlyDay: number): string | null {
  const today = addDays(DEMO_ANCHOR, offset)
  const from = addDays(PLAN.period.from, offset)
  const [year = 0, month = 1, day = 1] = today.split('-').map(Number)
  const back = day > monthlyDay ? 0 : 1
  const m0 = year * 12 + (month - 1) - back
  const candidate = `${String(Math.floor(m0 / 12)).padStart(4, '0')}-${String((m0 % 12) + 1).padStart(2, '0')}-${String(monthlyDay).padStart(2, '0')}`
  return candidate >= from ? candidate : null
}
