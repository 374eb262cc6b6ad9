import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  evaluateContentTarget,
  evaluateDeliverable,
  evaluateIndicator,
  expectedByToday,
  targetStatus,
  targetWindow,
  totals,
  type DayWindow,
  type TimeframeSpec,
} from '../../src/domain/quota'

// The seed plan's first content target: 20 articles pooled over 5 channels, 1/7 → 30/8/2025.
const SEED_WINDOW: DayWindow = { from: '2025-07-01', to: '2025-08-30' }
const SEED_CHANNELS = [1, 2, 3, 4, 5]
const seed = (achieved: number, today: string) =>
  evaluateContentTarget({
    mode: 'pooled',
    quantity: 20,
    channels: SEED_CHANNELS,
    pooledAchieved: achieved,
    byChannel: [],
    late: 0,
    window: SEED_WINDOW,
    today,
  })

// Days as offsets from 2023-01-01, so generated days cover two non-leap years and 2024.
const BASE = Date.UTC(2023, 0, 1)
const dayAt = (offset: number) => new Date(BASE + offset * 86_400_000).toISOString().slice(0, 10)
const day = fc.integer({ min: 0, max: 3 * 366 }).map(dayAt)
const window = fc
  .tuple(fc.integer({ min: 0, max: 3 * 366 }), fc.integer({ min: 0, max: 200 }))
  .map(([start, length]): DayWindow => ({ from: dayAt(start), to: dayAt(start + length) }))

describe('targetWindow', () => {
  const deadline = (d: string | null): TimeframeSpec => ({ kind: 'deadline', deadline: d })
  const byYear = (year: number | null): TimeframeSpec => ({ kind: 'byYear', year })
  const recurring = (recurrence: 'month' | 'quarter' | 'year' | null): TimeframeSpec => ({
    kind: 'recurring',
    recurrence,
  })

  it.each([
    [
      'window start given',
      { windowStart: '2025-07-01', planFrom: '2025-01-15' },
      { from: '2025-07-01', to: '2025-08-30' },
    ],
    ['falls back to the plan start', { planFrom: '2025-03-01' }, { from: '2025-03-01', to: '2025-08-30' }],
    ['falls back to 1 January of the deadline year', {}, { from: '2025-01-01', to: '2025-08-30' }],
    ['one-day window', { windowStart: '2025-08-30' }, { from: '2025-08-30', to: '2025-08-30' }],
    ['window start after the deadline', { windowStart: '2025-08-31' }, null],
    ['plan start after the deadline', { planFrom: '2025-09-01' }, null],
    ['unreadable window start', { windowStart: '2025-02-30' }, null],
  ])('deadline: %s', (_name, extra, expected) => {
    expect(targetWindow({ timeframe: deadline('2025-08-30'), today: '2025-08-01', ...extra })).toEqual(expected)
  })

  it('deadline: null without a (readable) deadline', () => {
    expect(targetWindow({ timeframe: deadline(null), today: '2025-08-01' })).toBeNull()
    expect(targetWindow({ timeframe: { kind: 'deadline' }, today: '2025-08-01' })).toBeNull()
    expect(targetWindow({ timeframe: deadline('2025-02-29'), today: '2025-08-01' })).toBeNull()
    expect(targetWindow({ timeframe: deadline('30/8/2025'), today: '2025-08-01' })).toBeNull()
  })

  it('deadline: accepts 29 February in a leap year', () => {
    expect(targetWindow({ timeframe: deadline('2024-02-29'), today: '2024-01-10' })).toEqual({
      from: '2024-01-01',
      to: '2024-02-29',
    })
  })

  it.each([
    [
      'whole year when the plan started earlier',
      2025,
      { planFrom: '2024-06-01' },
      { from: '2025-01-01', to: '2025-12-31' },
    ],
    ['whole year without a plan start', 2025, {}, { from: '2025-01-01', to: '2025-12-31' }],
    ['from the plan start inside the year', 2025, { planFrom: '2025-04-15' }, { from: '2025-04-15', to: '2025-12-31' }],
    [
      'window start wins',
      2025,
      { windowStart: '2025-09-01', planFrom: '2025-04-15' },
      { from: '2025-09-01', to: '2025-12-31' },
    ],
    ['plan starting after the year', 2025, { planFrom: '2026-01-01' }, null],
    ['window start after the year', 2025, { windowStart: '2026-01-01' }, null],
    ['leap year', 2024, {}, { from: '2024-01-01', to: '2024-12-31' }],
  ])('byYear: %s', (_name, year, extra, expected) => {
    expect(targetWindow({ timeframe: byYear(year), today: '2025-08-01', ...extra })).toEqual(expected)
  })

  it('byYear: null without a sensible year', () => {
    expect(targetWindow({ timeframe: byYear(null), today: '2025-08-01' })).toBeNull()
    expect(targetWindow({ timeframe: byYear(2025.5), today: '2025-08-01' })).toBeNull()
    expect(targetWindow({ timeframe: byYear(Number.NaN), today: '2025-08-01' })).toBeNull()
  })

  it.each([
    ['month', '2025-08-01', { from: '2025-08-01', to: '2025-08-31' }],
    ['month', '2024-02-10', { from: '2024-02-01', to: '2024-02-29' }],
    ['month', '2025-02-10', { from: '2025-02-01', to: '2025-02-28' }],
    ['month', '2025-12-31', { from: '2025-12-01', to: '2025-12-31' }],
    ['month', '2025-04-30', { from: '2025-04-01', to: '2025-04-30' }],
    ['quarter', '2025-01-01', { from: '2025-01-01', to: '2025-03-31' }],
    ['quarter', '2025-03-31', { from: '2025-01-01', to: '2025-03-31' }],
    ['quarter', '2025-04-01', { from: '2025-04-01', to: '2025-06-30' }],
    ['quarter', '2025-08-15', { from: '2025-07-01', to: '2025-09-30' }],
    ['quarter', '2025-09-30', { from: '2025-07-01', to: '2025-09-30' }],
    ['quarter', '2025-10-01', { from: '2025-10-01', to: '2025-12-31' }],
    ['year', '2025-06-01', { from: '2025-01-01', to: '2025-12-31' }],
  ] as const)('recurring %s containing %s', (recurrence, today, expected) => {
    expect(targetWindow({ timeframe: recurring(recurrence), today })).toEqual(expected)
  })

  it.each([
    ['quarter clipped at the plan start', 'quarter', '2025-03-20', { from: '2025-03-15', to: '2025-03-31' }],
    ['month clipped at the plan end', 'month', '2025-11-05', { from: '2025-11-01', to: '2025-11-20' }],
    ['year clipped at both ends', 'year', '2025-06-01', { from: '2025-03-15', to: '2025-11-20' }],
    ['before the plan: its first period', 'month', '2025-01-10', { from: '2025-03-15', to: '2025-03-31' }],
    ['after the plan: its last period', 'quarter', '2026-02-01', { from: '2025-10-01', to: '2025-11-20' }],
  ] as const)('recurring: %s', (_name, recurrence, today, expected) => {
    expect(
      targetWindow({ timeframe: recurring(recurrence), planFrom: '2025-03-15', planTo: '2025-11-20', today }),
    ).toEqual(expected)
  })

  it('recurring: ignores the window start (each period is its own window)', () => {
    expect(targetWindow({ timeframe: recurring('month'), windowStart: '2025-08-20', today: '2025-08-01' })).toEqual({
      from: '2025-08-01',
      to: '2025-08-31',
    })
  })

  it('recurring: null without a recurrence, or with an inverted or unreadable plan period', () => {
    expect(targetWindow({ timeframe: recurring(null), today: '2025-08-01' })).toBeNull()
    expect(
      targetWindow({
        timeframe: recurring('month'),
        planFrom: '2025-12-01',
        planTo: '2025-01-01',
        today: '2025-08-01',
      }),
    ).toBeNull()
    expect(targetWindow({ timeframe: recurring('month'), planTo: '2025-13-01', today: '2025-08-01' })).toBeNull()
  })

  it('null, never a throw, for an unreadable today', () => {
    for (const today of ['', '2025-8-1', '2025-02-29', 'garbage']) {
      expect(targetWindow({ timeframe: deadline('2025-08-30'), today })).toBeNull()
      expect(targetWindow({ timeframe: recurring('month'), today })).toBeNull()
    }
  })

  it('property: never throws; a window it returns is ordered and made of real days', () => {
    const maybeDay = fc.option(fc.oneof(day, fc.string({ maxLength: 12 })), { nil: null })
    const timeframe = fc.record({
      kind: fc.constantFrom('deadline' as const, 'recurring' as const, 'byYear' as const),
      deadline: maybeDay,
      recurrence: fc.constantFrom('month' as const, 'quarter' as const, 'year' as const, null),
      year: fc.option(fc.integer({ min: 2022, max: 2027 }), { nil: null }),
    })
    fc.assert(
      fc.property(timeframe, maybeDay, maybeDay, maybeDay, day, (tf, windowStart, planFrom, planTo, today) => {
        const w = targetWindow({ timeframe: tf, windowStart, planFrom, planTo, today })
        if (w === null) return
        expect(w.from <= w.to).toBe(true)
        expect(w.from).toMatch(/^\d{4}-\d{2}-\d{2}$/)
        expect(w.to).toMatch(/^\d{4}-\d{2}-\d{2}$/)
        expect(Number.isNaN(Date.parse(w.from)) || Number.isNaN(Date.parse(w.to))).toBe(false)
      }),
    )
  })

  it('property: a recurring window contains today when today is in the plan period', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('month' as const, 'quarter' as const, 'year' as const),
        window,
        day,
        (recurrence, plan, today) => {
          const w = targetWindow({
            timeframe: { kind: 'recurring', recurrence },
            planFrom: plan.from,
            planTo: plan.to,
            today,
          })
          expect(w).not.toBeNull()
          if (!w) return
          expect(w.from >= plan.from && w.to <= plan.to).toBe(true)
          if (today >= plan.from && today <= plan.to) expect(w.from <= today && today <= w.to).toBe(true)
        },
      ),
    )
  })
})

describe('expectedByToday', () => {
  it.each([
    ['before the window', '2025-06-30', 0],
    ['first day counts as elapsed', '2025-07-01', 20 / 61],
    ['seed check-in day (32 of 61 days)', '2025-08-01', (20 * 32) / 61],
    ['deadline day', '2025-08-30', 20],
    ['after the deadline', '2025-08-31', 20],
    ['long after', '2026-01-01', 20],
  ])('%s', (_name, today, expected) => {
    expect(expectedByToday(20, SEED_WINDOW, today)).toBeCloseTo(expected, 10)
  })

  it('one-day window: 0 before, everything on the day and after', () => {
    const w = { from: '2025-08-30', to: '2025-08-30' }
    expect(expectedByToday(5, w, '2025-08-29')).toBe(0)
    expect(expectedByToday(5, w, '2025-08-30')).toBe(5)
    expect(expectedByToday(5, w, '2025-08-31')).toBe(5)
  })

  it('counts 29 February in a leap year, not in others', () => {
    expect(expectedByToday(29, { from: '2024-02-01', to: '2024-02-29' }, '2024-02-15')).toBeCloseTo(15, 10)
    expect(expectedByToday(28, { from: '2025-02-01', to: '2025-02-28' }, '2025-02-14')).toBeCloseTo(14, 10)
    expect(expectedByToday(366, { from: '2024-01-01', to: '2024-12-31' }, '2024-03-01')).toBeCloseTo(61, 10)
  })

  it('expects nothing from unreadable days or a negative total', () => {
    expect(expectedByToday(20, SEED_WINDOW, '2025-02-30')).toBe(0)
    expect(expectedByToday(20, { from: 'x', to: '2025-08-30' }, '2025-08-01')).toBe(0)
    expect(expectedByToday(-5, SEED_WINDOW, '2025-08-01')).toBe(0)
  })

  it('property: 0 ≤ expected ≤ total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), window, day, (total, w, today) => {
        const e = expectedByToday(total, w, today)
        expect(e).toBeGreaterThanOrEqual(0)
        expect(e).toBeLessThanOrEqual(total)
      }),
    )
  })

  it('property: monotonic in today, 0 before the window and total from its last day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), window, day, day, (total, w, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a]
        expect(expectedByToday(total, w, early)).toBeLessThanOrEqual(expectedByToday(total, w, late))
        if (a < w.from) expect(expectedByToday(total, w, a)).toBe(0)
        if (a >= w.to) expect(expectedByToday(total, w, a)).toBe(total)
      }),
    )
  })
})

describe('targetStatus', () => {
  const at = (achieved: number, expected: number, today: string, total = 20) =>
    targetStatus({ total, achieved, expected, window: SEED_WINDOW, today })

  it.each([
    ['done when achieved reaches the total', at(20, 10, '2025-08-01'), 'done'],
    ['done beats overdue', at(21, 20, '2025-09-15'), 'done'],
    ['overdue the day after the deadline', at(19, 20, '2025-08-31'), 'overdue'],
    ['not overdue on the deadline day', at(19, 20, '2025-08-30'), 'at-risk'],
    ['on track at exactly the expected amount', at(10, 10, '2025-08-01'), 'on-track'],
    ['at risk at exactly 70 %', at(7, 10, '2025-08-01'), 'at-risk'],
    ['at risk at 70 % of a non-round expectation', at(2.1, 3, '2025-08-01'), 'at-risk'],
    ['behind below 70 %', at(6, 10, '2025-08-01'), 'behind'],
    ['on track before the window even with an expectation passed in', at(0, 5, '2025-06-01'), 'on-track'],
    ['done with a zero total', at(0, 0, '2025-09-15', 0), 'done'],
    ['on track on the first day with nothing expected', at(0, 0, '2025-07-01'), 'on-track'],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected)
  })

  it('one-day window: on track before, behind on the day, overdue after', () => {
    const w = { from: '2025-08-30', to: '2025-08-30' }
    const s = (today: string) =>
      targetStatus({ total: 3, achieved: 0, expected: expectedByToday(3, w, today), window: w, today })
    expect([s('2025-08-29'), s('2025-08-30'), s('2025-08-31')]).toEqual(['on-track', 'behind', 'overdue'])
  })

  it('property: done iff achieved ≥ total', () => {
    fc.assert(
      fc.property(fc.nat(100), fc.nat(120), window, day, (total, achieved, w, today) => {
        const status = targetStatus({ total, achieved, expected: expectedByToday(total, w, today), window: w, today })
        expect(status === 'done').toBe(achieved >= total)
        if (status === 'overdue') expect(today > w.to).toBe(true)
      }),
    )
  })
})

describe('evaluateContentTarget', () => {
  it.each([
    [8, 'at-risk'],
    [6, 'behind'],
    [11, 'on-track'],
    [20, 'done'],
  ] as const)('seed plan at 2025-08-01 with %i achieved: %s', (achieved, status) => {
    const r = seed(achieved, '2025-08-01')
    expect(r.expected).toBe(10.5) // 20 × 32/61 = 10.49…
    expect(r.status).toBe(status)
    expect(r.target).toBe(20)
    expect(r.achieved).toBe(achieved)
    expect(r.remaining).toBe(20 - achieved)
    expect(r.percent).toBe(achieved * 5)
  })

  it('seed plan: 19 of 20 is overdue the day after the deadline, not on the deadline', () => {
    expect(seed(19, '2025-08-31')).toMatchObject({ status: 'overdue', expected: 20, remaining: 1, percent: 95 })
    expect(seed(19, '2025-08-30').status).toBe('at-risk')
    expect(seed(0, '2025-06-15')).toMatchObject({ status: 'on-track', expected: 0 })
  })

  it('pooled: achieved may exceed the total; remaining stays 0', () => {
    expect(seed(23, '2025-08-01')).toMatchObject({ achieved: 23, percent: 115, remaining: 0, status: 'done' })
  })

  it('pooled: lists the target channels with their counts, in target order', () => {
    const r = evaluateContentTarget({
      mode: 'pooled',
      quantity: 20,
      channels: [3, 1],
      pooledAchieved: 4,
      byChannel: [
        { channel: 1, achieved: 3 },
        { channel: 7, achieved: 9 },
      ],
      late: 2,
      window: SEED_WINDOW,
      today: '2025-08-01',
    })
    // A pooled target has no per-channel share: the quota is null, not quantity ÷ channels.
    expect(r.byChannel).toEqual([
      { channel: 3, achieved: 0, quota: null },
      { channel: 1, achieved: 3, quota: null },
    ])
    expect(r.achieved).toBe(4)
    expect(r.late).toBe(2)
  })

  it('per channel: over-delivery on one channel is capped; missing channels count 0', () => {
    const r = evaluateContentTarget({
      mode: 'perChannel',
      quantity: 3,
      channels: [1, 2, 3],
      pooledAchieved: 99,
      byChannel: [
        { channel: 1, achieved: 5 },
        { channel: 2, achieved: 1 },
        { channel: 9, achieved: 4 },
      ],
      late: 0,
      window: SEED_WINDOW,
      today: '2025-08-01',
    })
    expect(r).toMatchObject({ target: 9, achieved: 4, remaining: 5, percent: 44.4 })
    expect(r.byChannel).toEqual([
      { channel: 1, achieved: 5, quota: 3 },
      { channel: 2, achieved: 1, quota: 3 },
      { channel: 3, achieved: 0, quota: 3 },
    ])
  })

  it('per channel: done only when every channel reaches the quantity', () => {
    const base = {
      mode: 'perChannel' as const,
      quantity: 2,
      channels: [1, 2],
      pooledAchieved: 0,
      late: 0,
      window: SEED_WINDOW,
      today: '2025-08-01',
    }
    const almost = evaluateContentTarget({
      ...base,
      byChannel: [
        { channel: 1, achieved: 10 },
        { channel: 2, achieved: 1 },
      ],
    })
    expect(almost).toMatchObject({ achieved: 3, target: 4, status: 'on-track' })
    const all = evaluateContentTarget({
      ...base,
      byChannel: [
        { channel: 1, achieved: 2 },
        { channel: 2, achieved: 2 },
      ],
    })
    expect(all).toMatchObject({ achieved: 4, status: 'done', percent: 100 })
  })

  it('per channel: a channel listed twice counts once', () => {
    const r = evaluateContentTarget({
      mode: 'perChannel',
      quantity: 1,
      channels: [1, 1],
      pooledAchieved: 0,
      byChannel: [{ channel: 1, achieved: 1 }],
      late: 0,
      window: SEED_WINDOW,
      today: '2025-08-01',
    })
    expect(r).toMatchObject({ target: 1, achieved: 1, status: 'done' })
  })

  it('rounds percent and expected to one decimal; percent 0 for an empty target', () => {
    expect(seed(1, '2025-07-01')).toMatchObject({ percent: 5, expected: 0.3 }) // 20/61 = 0.327…
    const third = evaluateContentTarget({
      mode: 'pooled',
      quantity: 3,
      channels: [1],
      pooledAchieved: 1,
      byChannel: [],
      late: 0,
      window: SEED_WINDOW,
      today: '2025-08-01',
    })
    expect(third.percent).toBe(33.3)
    const empty = evaluateContentTarget({
      mode: 'perChannel',
      quantity: 5,
      channels: [],
      pooledAchieved: 0,
      byChannel: [],
      late: 0,
      window: SEED_WINDOW,
      today: '2025-08-01',
    })
    expect(empty).toMatchObject({ target: 0, achieved: 0, percent: 0, remaining: 0, status: 'done' })
  })

  it('never reports negative counts', () => {
    const r = evaluateContentTarget({
      mode: 'pooled',
      quantity: 20,
      channels: [1],
      pooledAchieved: -3,
      byChannel: [{ channel: 1, achieved: -2 }],
      late: -1,
      window: SEED_WINDOW,
      today: '2025-08-01',
    })
    expect(r).toMatchObject({ achieved: 0, late: 0, byChannel: [{ channel: 1, achieved: 0 }] })
  })

  const contentInput = fc.record({
    mode: fc.constantFrom('pooled' as const, 'perChannel' as const),
    quantity: fc.nat(30),
    channels: fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { maxLength: 6 }),
    pooledAchieved: fc.nat(40),
    byChannel: fc.array(fc.record({ channel: fc.integer({ min: 1, max: 10 }), achieved: fc.nat(40) }), {
      maxLength: 10,
    }),
    late: fc.nat(5),
    window,
    today: day,
  })

  it('property: percent, remaining and status agree with achieved and target', () => {
    fc.assert(
      fc.property(contentInput, (input) => {
        const r = evaluateContentTarget(input)
        expect(r.remaining).toBe(Math.max(0, r.target - r.achieved))
        expect(r.percent).toBe(r.target === 0 ? 0 : Math.round((r.achieved / r.target) * 1000) / 10)
        expect(r.status === 'done').toBe(r.achieved >= r.target)
        expect(r.remaining === 0).toBe(r.status === 'done')
        expect(r.expected).toBeGreaterThanOrEqual(0)
        expect(r.expected).toBeLessThanOrEqual(r.target)
        if (r.target > 0 && r.percent >= 100) expect(r.status).toBe('done')
      }),
    )
  })

  it('property: per-channel achieved ≤ quantity × channels, and equals it only when every channel is full', () => {
    fc.assert(
      fc.property(contentInput, (input) => {
        const r = evaluateContentTarget({ ...input, mode: 'perChannel' })
        expect(r.target).toBe(input.quantity * input.channels.length)
        expect(r.achieved).toBeGreaterThanOrEqual(0)
        expect(r.achieved).toBeLessThanOrEqual(r.target)
        const full = r.byChannel.every((c) => c.achieved >= input.quantity)
        expect(r.achieved === r.target).toBe(full)
        expect(r.byChannel.map((c) => c.channel)).toEqual(input.channels)
      }),
    )
  })
})

describe('evaluateDeliverable', () => {
  const w = { from: '2025-01-01', to: '2025-06-20' }
  it.each([
    [
      'submitted with a document',
      true,
      true,
      w,
      '2025-06-25',
      { achieved: 1, percent: 100, remaining: 0, status: 'done' },
    ],
    [
      'submitted without a document',
      true,
      false,
      w,
      '2025-06-10',
      { achieved: 0, percent: 0, remaining: 1, status: 'behind' },
    ],
    ['document but not submitted', false, true, w, '2025-06-10', { achieved: 0, status: 'behind' }],
    ['nothing, on the deadline day', false, false, w, '2025-06-20', { status: 'behind', expected: 1 }],
    ['nothing, after the deadline', false, false, w, '2025-06-21', { status: 'overdue', expected: 1 }],
    ['nothing, before the window', false, false, w, '2024-12-01', { status: 'behind', expected: 0 }],
    ['nothing, no window', false, false, null, '2030-01-01', { status: 'behind', expected: 1 }],
    ['done, no window', true, true, null, '2030-01-01', { status: 'done', achieved: 1 }],
  ] as const)('%s', (_name, submitted, hasDocument, window, today, expected) => {
    const r = evaluateDeliverable({ submitted, hasDocument, window, today })
    expect(r.target).toBe(1)
    expect(r).toMatchObject(expected)
  })
})

describe('evaluateIndicator', () => {
  it('ignores entries dated after the report day (a report as of a past day shows what was known then)', () => {
    const progress = [
      { date: '2025-03-01', value: 40 },
      { date: '2025-06-01', value: 65 },
    ]
    const window = { from: '2025-01-01', to: '2025-12-31' }
    expect(evaluateIndicator({ targetValue: 80, progress, window, today: '2025-04-01' })).toMatchObject({
      achieved: 40,
      asOf: '2025-03-01',
    })
    expect(evaluateIndicator({ targetValue: 80, progress, window, today: '2025-06-01' })).toMatchObject({
      achieved: 65,
      asOf: '2025-06-01',
    })
    expect(evaluateIndicator({ targetValue: 80, progress, window, today: '2025-02-01' })).toMatchObject({
      achieved: 0,
      asOf: null,
    })
  })

  const w = { from: '2025-01-01', to: '2025-12-31' }
  it('reports the latest entry by date, then by order on the same date', () => {
    const r = evaluateIndicator({
      targetValue: 100,
      progress: [
        { date: '2025-06-01', value: 60 },
        { date: '2025-07-15', value: 80 },
        { date: '2025-07-15', value: 85.3 },
        { date: '2025-03-01', value: 95 },
      ],
      window: w,
      today: '2025-08-01',
    })
    expect(r).toMatchObject({ target: 100, achieved: 85.3, percent: 85.3, remaining: 14.7, asOf: '2025-07-15' })
    expect(r.expected).toBe(58.4) // 213 of 365 days
    expect(r.status).toBe('on-track')
  })

  it.each([
    ['no progress yet', [], w, '2025-08-01', { achieved: 0, asOf: null, percent: 0, remaining: 100, status: 'behind' }],
    ['reached', [{ date: '2025-05-01', value: 100 }], w, '2025-08-01', { status: 'done', remaining: 0, percent: 100 }],
    ['over the target', [{ date: '2025-05-01', value: 120 }], w, '2026-02-01', { status: 'done', percent: 120 }],
    ['short after the window', [{ date: '2025-12-01', value: 90 }], w, '2026-01-01', { status: 'overdue' }],
    ['at risk', [{ date: '2025-07-01', value: 45 }], w, '2025-08-01', { status: 'at-risk' }],
    [
      'no window: the whole target is expected',
      [{ date: '2025-07-01', value: 75 }],
      null,
      '2025-08-01',
      { status: 'at-risk', expected: 100 },
    ],
    [
      'ignores unreadable entries',
      [
        { date: '2025-07-01', value: 50 },
        { date: '2025-13-01', value: 100 },
        { date: '2025-07-02', value: Number.NaN },
      ],
      w,
      '2025-08-01',
      { achieved: 50, asOf: '2025-07-01' },
    ],
  ] as const)('%s', (_name, progress, window, today, expected) => {
    expect(evaluateIndicator({ targetValue: 100, progress: [...progress], window, today })).toMatchObject(expected)
  })

  it('property: reports the value of the latest entry dated on or before the report day', () => {
    const today = '2025-08-01'
    fc.assert(
      fc.property(
        fc.array(fc.record({ date: day, value: fc.nat(200) }), { minLength: 1, maxLength: 8 }),
        (progress) => {
          const r = evaluateIndicator({ targetValue: 100, progress, window: w, today })
          const known = progress.filter((p) => p.date <= today)
          const maxDate = known
            .map((p) => p.date)
            .sort()
            .at(-1)
          expect(r.asOf).toBe(maxDate ?? null)
          expect(r.achieved).toBe(known.filter((p) => p.date === maxDate).at(-1)?.value ?? 0)
          expect(r.status === 'done').toBe(r.achieved >= 100)
        },
      ),
    )
  })
})

describe('totals', () => {
  it.each([
    ['nothing', [], { target: 0, achieved: 0, percent: 0 }],
    [
      'content and deliverables',
      [
        { target: 20, achieved: 8 },
        { target: 1, achieved: 1 },
        { target: 9, achieved: 4 },
      ],
      { target: 30, achieved: 13, percent: 43.3 },
    ],
    ['over-delivery shows above 100 %', [{ target: 10, achieved: 12 }], { target: 10, achieved: 12, percent: 120 }],
  ])('%s', (_name, rows, expected) => {
    expect(totals(rows)).toEqual(expected)
  })

  it('property: sums the rows', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ target: fc.nat(50), achieved: fc.nat(60) }), { maxLength: 10 }), (rows) => {
        const t = totals(rows)
        expect(t.target).toBe(rows.reduce((s, r) => s + r.target, 0))
        expect(t.achieved).toBe(rows.reduce((s, r) => s + r.achieved, 0))
        // The same rounding as the implementation (× 100, then to one decimal), not an equivalent
        // formula: floating point makes x × 1000 and x × 100 × 10 differ at the .x5 boundary.
        expect(t.percent).toBe(t.target === 0 ? 0 : Math.round((t.achieved / t.target) * 100 * 10) / 10)
      }),
    )
  })
})
