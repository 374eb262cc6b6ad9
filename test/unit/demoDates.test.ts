import { describe, expect, it } from 'vitest'
import { demoToday } from '../../src/config/env'
import { evaluateDeliverable, expectedByToday, targetStatus, targetWindow } from '../../src/domain/quota'
import { addDays, daysBetween } from '../../src/domain/schedule'
import { demoOffset, demoReportDay, shiftedDemo, type DemoData } from '../../src/seed/demoDates'
import { DEMO_ANCHOR, DEMO_ITEMS, DEMO_PACE_ITEMS, PLAN } from '../../src/seed/planData'
import { DEMO_STATUS_MIX } from '../fixtures/demoStatusMix'

/**
 * The status of each task of the shifted demo as of its "today", by the domain's rules (quota.ts)
 * over the data itself: published articles (the tasks' only content type) with a publication on
 * one of the task's channels inside its window. The int test checks the same through the database.
 */
function statusesOf(demo: DemoData): Record<string, string> {
  const out: Record<string, string> = {}
  for (const task of demo.plan.tasks) {
    const window = targetWindow({
      timeframe: { kind: 'deadline', deadline: task.deadline },
      planFrom: demo.plan.period.from,
      planTo: demo.plan.period.to,
      today: demo.today,
    })!
    if (task.target.kind === 'deliverable') {
      const submitted = demo.submittedReport.task === task.code
      out[task.code] = evaluateDeliverable({ submitted, hasDocument: submitted, window, today: demo.today }).status
      continue
    }
    const channels = task.target.channels
    const achieved = demo.items.filter(
      (i) =>
        i.task === task.code &&
        i.collection === 'articles' &&
        i.status === 'published' &&
        i.publications.some((p) => channels.includes(p.channel) && p.day >= window.from && p.day <= window.to),
    ).length
    const total = task.target.quantity
    out[task.code] = targetStatus({
      total,
      achieved,
      expected: expectedByToday(total, window, demo.today),
      window,
      today: demo.today,
    })
  }
  return out
}

describe('the demo dated relative to the day it is loaded', () => {
  it('loaded on the anchor day, the data is as written', () => {
    expect(demoOffset(DEMO_ANCHOR)).toBe(0)
    const demo = shiftedDemo(0)
    expect(demo.today).toBe(DEMO_ANCHOR)
    expect(demo.plan.period).toEqual(PLAN.period)
    expect(demo.plan.tasks.map((t) => t.deadline)).toEqual(PLAN.tasks.map((t) => t.deadline))
    expect(demo.items).toEqual([...DEMO_ITEMS, ...DEMO_PACE_ITEMS])
  })

  it('as written, the tasks show a mix: one overdue, behind, on track, at risk and a report handed in', () => {
    expect(statusesOf(shiftedDemo(0))).toEqual(DEMO_STATUS_MIX)
  })

  it.each(['2026-03-15', '2026-12-03', '2028-02-29', '2031-01-01', '2024-01-10'])(
    'loaded on %s, every date moves by the same days: the plan runs that day with the same mix',
    (today) => {
      const offset = demoOffset(today)
      expect(offset).toBe(daysBetween(DEMO_ANCHOR, today))
      const demo = shiftedDemo(offset)
      expect(demo.today).toBe(today)
      expect(demo.plan.period.from <= today && today <= demo.plan.period.to).toBe(true)
      expect(demo.plan.tasks.map((t) => t.deadline)).toEqual(PLAN.tasks.map((t) => addDays(t.deadline, offset)))
      const days = demo.items.flatMap((i) => i.publications.map((p) => p.day))
      const written = [...DEMO_ITEMS, ...DEMO_PACE_ITEMS].flatMap((i) => i.publications.map((p) => p.day))
      expect(days).toEqual(written.map((d) => addDays(d, offset)))
      // Nothing is published after the day the demo is loaded.
      expect(days.every((d) => d <= today)).toBe(true)
      expect(statusesOf(demo)).toEqual(DEMO_STATUS_MIX)
    },
  )

  it('the written data is not changed by shifting it (the next seed starts from the same data)', () => {
    const before = JSON.stringify([PLAN, DEMO_ITEMS, DEMO_PACE_ITEMS])
    shiftedDemo(365)
    expect(JSON.stringify([PLAN, DEMO_ITEMS, DEMO_PACE_ITEMS])).toBe(before)
  })

  it('a plan seeded before keeps its offset, whatever today is', () => {
    const seededFrom = addDays(PLAN.period.from, 172)
    expect(demoOffset('2027-06-01', seededFrom)).toBe(172)
    expect(demoOffset(DEMO_ANCHOR, PLAN.period.from)).toBe(0)
  })

  it('refuses days that are not days', () => {
    expect(() => demoOffset('2026-02-30')).toThrow(/Not a day/)
    expect(() => demoOffset(DEMO_ANCHOR, '15/03/2026')).toThrow(/Not a day/)
    expect(() => shiftedDemo(1.5)).toThrow(/whole days/)
  })
})

describe('demoToday', () => {
  it('reads DEMO_TODAY as YYYY-MM-DD', () => {
    expect(demoToday({ DEMO_TODAY: '2026-03-15' })).toBe('2026-03-15')
    expect(demoToday({ DEMO_TODAY: ' 2026-03-15 ' })).toBe('2026-03-15')
  })

  it('without it, today in Asia/Ho_Chi_Minh (UTC+7)', () => {
    expect(demoToday({}, new Date('2026-12-02T16:59:59Z'))).toBe('2026-12-02')
    expect(demoToday({ DEMO_TODAY: '' }, new Date('2026-12-02T17:00:00Z'))).toBe('2026-12-03')
  })

  it.each(['15/03/2026', '2026-02-30', '2026-3-15', 'today'])('refuses "%s" naming the variable', (value) => {
    expect(() => demoToday({ DEMO_TODAY: value })).toThrow(`DEMO_TODAY must be a day as YYYY-MM-DD`)
  })
})

describe('the demo sample report day', () => {
  it('is the last monthly reporting day before the demo today, on the calendar', () => {
    // Written for 24/9/2025: the report of 20/9/2025.
    expect(demoReportDay(0, 20)).toBe('2025-09-20')
    // Loaded on 3/12/2026 (offset 435): the report of 20/11/2026, the 20th of the calendar.
    expect(demoReportDay(daysBetween(DEMO_ANCHOR, '2026-12-03'), 20)).toBe('2026-11-20')
    // On the reporting day itself, the scheduler sends today's: the sample is the month before.
    expect(demoReportDay(daysBetween(DEMO_ANCHOR, '2026-12-20'), 20)).toBe('2026-11-20')
    expect(demoReportDay(daysBetween(DEMO_ANCHOR, '2027-01-21'), 20)).toBe('2027-01-20')
    expect(demoReportDay(daysBetween(DEMO_ANCHOR, '2027-01-05'), 20)).toBe('2026-12-20')
  })

  it('counts a first-of-month reporting day the same way', () => {
    expect(demoReportDay(0, 1)).toBe('2025-09-01')
    expect(demoReportDay(daysBetween(DEMO_ANCHOR, '2026-12-01'), 1)).toBe('2026-11-01')
  })
})
