import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Contribution, TargetCountQuery, TargetCounts } from '../../src/domain/counting'
import {
  answerFrom,
  dayReaching,
  firstDayDeltas,
  firstDayOf,
  makeSpec,
  prefixFrom,
  specKey,
  targetPrefixes,
  yearDay,
  stepsOfVector,
  stepVector,
  yearSteps,
  yearVectors,
  type FirstDaySpec,
  type YearVector,
} from '../../src/domain/firstDays'

const TYPES = ['articles', 'videos'] as const
// Days over two years, a leap day and the year's edges included.
const DAYS = [
  '2023-12-31',
  '2024-01-01',
  '2024-02-29',
  '2024-03-01',
  '2024-12-31',
  '2025-01-01',
  '2025-06-15',
  '2025-12-31',
]

const contribution = fc.record({
  task: fc.integer({ min: 1, max: 2 }),
  channel: fc.integer({ min: 1, max: 3 }),
  day: fc.constantFrom(...DAYS),
})
const itemState = fc.array(contribution, { maxLength: 6 })

/** Ledger-style counts straight from items, as the old SQL did: the reference. */
function bruteForce(items: ReadonlyArray<{ type: string; rows: Contribution[] }>, q: TargetCountQuery): TargetCounts {
  const on = (r: Contribution, channels: number[]) => r.task === q.task && channels.includes(r.channel)
  const typed = items.filter((i) => q.contentTypes.includes(i.type))
  const inWindow = (rows: Contribution[], channels: number[]) =>
    rows.some((r) => on(r, channels) && r.day >= q.from && r.day <= q.to)
  const pooled = typed.filter((i) => inWindow(i.rows, q.channels)).length
  const byChannel = [...new Set(q.channels)]
    .sort((a, b) => a - b)
    .map((channel) => ({ channel, count: typed.filter((i) => inWindow(i.rows, [channel])).length }))
    .filter((r) => r.count > 0)
  let late = 0
  if (q.deadline !== undefined && q.lateTo !== undefined) {
    for (const i of typed) {
      const upTo = i.rows.filter((r) => on(r, q.channels) && r.day <= q.lateTo!)
      if (upTo.length > 0 && upTo.every((r) => r.day > q.deadline!)) late++
    }
  }
  return { pooled, byChannel, late }
}

/** Stored rows after applying vectors, the way the SQL upsert adds them. */
function apply(store: Map<string, YearVector>, vectors: YearVector[]): void {
  for (const v of vectors) {
    const k = `${v.spec}|${v.year}`
    const have = store.get(k)
    store.set(k, { ...v, cum: have ? have.cum.map((n, i) => n + (v.cum[i] ?? 0)) : [...v.cum] })
  }
}

function answer(store: Map<string, YearVector>, q: TargetCountQuery): TargetCounts {
  const plan = targetPrefixes(q)
  return plan.combine(
    plan.questions.map((p) =>
      answerFrom(
        [...store.values()].filter((r) => r.spec === p.spec),
        p,
      ),
    ),
  )
}

describe('first days', () => {
  it('yearDay counts from 1 January, leap days included', () => {
    expect(yearDay('2024-01-01')).toEqual({ year: 2024, doy: 1 })
    expect(yearDay('2024-12-31')).toEqual({ year: 2024, doy: 366 })
    expect(yearDay('2025-12-31')).toEqual({ year: 2025, doy: 365 })
    expect(yearDay('2024-03-01')).toEqual({ year: 2024, doy: 61 })
    expect(yearDay('0001-01-01')).toEqual({ year: 1, doy: 1 })
  })

  it('an item counts once under a spec, on its earliest qualifying day', () => {
    const spec = makeSpec(1, [2, 1, 2], ['articles'], '2025-01-01')
    expect(spec.channels).toEqual([1, 2])
    const rows: Contribution[] = [
      { task: 1, channel: 1, day: '2025-03-01' },
      { task: 1, channel: 2, day: '2025-02-01' },
      { task: 1, channel: 3, day: '2025-01-15' }, // not a channel of the spec
      { task: 1, channel: 1, day: '2024-12-31' }, // before the spec's first day
      { task: 2, channel: 1, day: '2025-01-02' }, // another task
    ]
    expect(firstDayOf(spec, 'articles', rows)).toBe('2025-02-01')
    expect(firstDayOf(spec, 'videos', rows)).toBeNull()
    expect(firstDayOf(makeSpec(1, [1], ['articles'], ''), 'articles', rows)).toBe('2024-12-31')
  })

  it('a move of the first day is -1 on the old day and +1 on the new; no move, no delta', () => {
    const spec = makeSpec(1, [1, 2], ['articles'], '')
    const before: Contribution[] = [{ task: 1, channel: 1, day: '2025-03-01' }]
    const after: Contribution[] = [...before, { task: 1, channel: 2, day: '2025-02-01' }]
    expect(firstDayDeltas([spec], 'articles', before, after)).toEqual([
      { spec: specKey(spec), day: '2025-03-01', delta: -1 },
      { spec: specKey(spec), day: '2025-02-01', delta: 1 },
    ])
    expect(firstDayDeltas([spec], 'articles', after, [...after, { task: 1, channel: 1, day: '2025-04-01' }])).toEqual(
      [],
    )
  })

  it('vectors are cumulative per year, sorted by spec then year, and cancelled moves leave nothing', () => {
    const v = yearVectors([
      { spec: 'b', day: '2025-01-03', delta: 1 },
      { spec: 'a', day: '2025-01-02', delta: 1 },
      { spec: 'a', day: '2024-12-31', delta: 1 },
      { spec: 'c', day: '2025-05-05', delta: 1 },
      { spec: 'c', day: '2025-05-05', delta: -1 },
    ])
    expect(v.map((r) => [r.spec, r.year])).toEqual([
      ['a', 2024],
      ['a', 2025],
      ['b', 2025],
    ])
    expect(v[1]!.cum.slice(0, 3)).toEqual([0, 1, 1])
    expect(v[1]!.cum[365]).toBe(1)
    expect(v[0]!.cum[364]).toBe(0)
    expect(v[0]!.cum[365]).toBe(1)
    expect(
      prefixFrom(
        v.filter((r) => r.spec === 'a'),
        '2025-01-01',
      ),
    ).toBe(1)
    expect(
      prefixFrom(
        v.filter((r) => r.spec === 'a'),
        '2025-01-02',
      ),
    ).toBe(2)
    expect(
      prefixFrom(
        v.filter((r) => r.spec === 'a'),
        '2023-06-01',
      ),
    ).toBe(0)
  })

  it('a target with no channel or no content type asks nothing and counts 0', () => {
    const q: TargetCountQuery = {
      key: 'k',
      task: 1,
      channels: [],
      contentTypes: ['articles'],
      from: '2025-01-01',
      to: '2025-12-31',
    }
    const plan = targetPrefixes(q)
    expect(plan.questions).toEqual([])
    expect(plan.combine([])).toEqual({ pooled: 0, byChannel: [], late: 0 })
  })

  it('property: counts kept at write time equal a count over the items, for any window and report day', () => {
    const spec = (): fc.Arbitrary<TargetCountQuery> =>
      fc
        .record({
          task: fc.integer({ min: 1, max: 2 }),
          channels: fc.uniqueArray(fc.integer({ min: 1, max: 3 }), { maxLength: 3 }),
          contentTypes: fc.subarray([...TYPES]),
          from: fc.constantFrom('0001-01-01', ...DAYS),
          to: fc.constantFrom(...DAYS),
          deadline: fc.option(fc.constantFrom(...DAYS), { nil: undefined }),
          lateTo: fc.constantFrom(...DAYS),
        })
        .map((r) => ({
          key: 'q',
          task: r.task,
          channels: r.channels,
          contentTypes: r.contentTypes,
          from: r.from,
          to: r.to,
          ...(r.deadline !== undefined ? { deadline: r.deadline, lateTo: r.lateTo } : {}),
        }))
    const step = fc.record({ item: fc.integer({ min: 0, max: 5 }), type: fc.constantFrom(...TYPES), rows: itemState })
    fc.assert(
      fc.property(
        fc.array(spec(), { minLength: 1, maxLength: 4 }),
        fc.array(step, { maxLength: 25 }),
        fc.integer({ min: 0, max: 25 }),
        (queries, steps, buildAt) => {
          const items = new Map<number, { type: string; rows: Contribution[] }>()
          const store = new Map<string, YearVector>()
          let kept: FirstDaySpec[] = []
          // The specs are built from the items at some step (a report asks), then kept by deltas.
          const build = () => {
            // Kept once per key, as the store keeps them (targets may share a spec).
            kept = [...new Map(queries.flatMap((q) => targetPrefixes(q).specs).map((x) => [specKey(x), x])).values()]
            store.clear()
            const deltas = [...items.values()].flatMap((i) => firstDayDeltas(kept, i.type, [], i.rows))
            apply(store, yearVectors(deltas))
          }
          steps.forEach((s, i) => {
            if (i === buildAt) build()
            const was = items.get(s.item)
            // A saved item keeps its type; a new state replaces its rows.
            const type = was?.type ?? s.type
            const now = { type, rows: s.rows }
            const moved = was
              ? firstDayDeltas(kept, type, was.rows, now.rows)
              : firstDayDeltas(kept, type, [], now.rows)
            apply(store, yearVectors(moved))
            items.set(s.item, now)
            if (kept.length > 0)
              for (const q of queries) expect(answer(store, q)).toEqual(bruteForce([...items.values()], q))
          })
          if (kept.length === 0) build()
          for (const q of queries) expect(answer(store, q)).toEqual(bruteForce([...items.values()], q))
          for (const r of store.values()) expect(Math.min(...r.cum)).toBeGreaterThanOrEqual(0)
        },
      ),
      { numRuns: 400 },
    )
  })

  it('steps, what a save sends, stand for the same rows as the vectors, in the same order (property)', () => {
    const delta = fc.record({
      spec: fc.constantFrom('a', 'b', 'B', 'a/1'),
      day: fc.constantFrom(...DAYS),
      delta: fc.integer({ min: -2, max: 2 }),
    })
    fc.assert(
      fc.property(fc.array(delta, { maxLength: 30 }), (deltas) => {
        const steps = yearSteps(deltas)
        const vectors = yearVectors(deltas)
        expect(steps.map((r) => ({ spec: r.spec, year: r.year, cum: stepVector(r) }))).toEqual(vectors)
        for (const r of steps) {
          expect(r.days).toEqual([...r.days].sort((x, y) => x - y))
          expect(new Set(r.days).size).toBe(r.days.length)
          expect(r.deltas.every((d) => d !== 0)).toBe(true)
        }
        for (const v of vectors) expect(stepVector(stepsOfVector(v))).toEqual(v.cum)
      }),
      { numRuns: 500 },
    )
  })

  it('dayReaching: the first day the prefix reaches n, within [from, to] (property)', () => {
    // Every day of 2023-12-01 .. 2025-01-31 (a leap year and two year ends), as a plain list.
    const all: string[] = []
    for (let t = Date.UTC(2023, 11, 1); t <= Date.UTC(2025, 0, 31); t += 86_400_000)
      all.push(new Date(t).toISOString().slice(0, 10))
    const anyDay = fc.integer({ min: 0, max: all.length - 1 }).map((i) => all[i]!)
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: anyDay, count: fc.integer({ min: 1, max: 3 }) }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 30 }),
        anyDay,
        anyDay,
        (firsts, n, a, b) => {
          const [from, to] = a < b ? [a, b] : [b, a]
          const rows = yearVectors(firsts.map((f) => ({ spec: 's', day: f.day, delta: f.count })))
          const plain = all.find((d) => d >= from && d <= to && prefixFrom(rows, d) >= n) ?? null
          expect(dayReaching(rows, n, from, to)).toBe(plain)
        },
      ),
      { numRuns: 500 },
    )
  })
})
