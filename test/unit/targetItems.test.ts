import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { firstDayOf, makeSpec, prefixFrom, vectorsFromCounts } from '../../src/domain/firstDays'
import { evaluateContentTarget } from '../../src/domain/quota'
import { classifyItems, cumulativeSeries, type CountsAsOf, type ItemOnChannels } from '../../src/domain/targetItems'
import { plainCounts } from '../helpers/plainCounts'

const item = (id: number, ...pubs: Array<[number, string]>): ItemOnChannels => ({
  contentType: 'articles',
  item: id,
  publications: pubs.map(([channel, day]) => ({ channel, day })),
})
const window = { from: '2025-08-01', to: '2025-08-31' }

/**
 * Counts as of any day the way the drill-down reads them: each item's first day under the
 * target's specs (pooled, and one per channel), kept as cumulative year rows, asked by prefix.
 */
const fromStore = (items: readonly ItemOnChannels[], channels: number[], from: string) => {
  const TASK = 1
  const rowsOf = (chs: number[]) => {
    const spec = makeSpec(TASK, chs, ['articles'], from)
    const counts = new Map<string, number>()
    for (const it of items) {
      const first = firstDayOf(
        spec,
        it.contentType,
        it.publications.map((p) => ({ task: TASK, ...p })),
      )
      if (first !== null) counts.set(first, (counts.get(first) ?? 0) + 1)
    }
    return vectorsFromCounts([...counts].map(([day, count]) => ({ spec: 's', day, count })))
  }
  const pooled = rowsOf(channels)
  const byChannel = channels.map((c) => [c, rowsOf([c])] as const)
  return (day: string): CountsAsOf => ({
    pooled: prefixFrom(pooled, day),
    byChannel: new Map(byChannel.map(([c, rows]) => [c, prefixFrom(rows, day)])),
  })
}

describe('classifyItems', () => {
  it('counts items inside the window up to the report day and lists late ones only after the deadline', () => {
    const items = [
      item(1, [1, '2025-08-03']),
      item(2, [2, '2025-09-02']),
      item(3, [1, '2025-08-30'], [2, '2025-09-01']),
    ]
    expect(classifyItems(items, window, '2025-08-20').map((i) => i.item)).toEqual([1])
    const after = classifyItems(items, window, '2025-09-10')
    expect(after.map((i) => [i.item, i.counted, i.late, i.firstDay])).toEqual([
      [1, true, false, '2025-08-03'],
      [3, true, false, '2025-08-30'],
      [2, false, true, '2025-09-02'],
    ])
  })

  it('ignores publications after the report day and before the window', () => {
    expect(classifyItems([item(1, [1, '2025-07-31'])], window, '2025-08-20')).toEqual([])
    expect(classifyItems([item(1, [1, '2025-08-25'])], window, '2025-08-20')).toEqual([])
  })
})

describe('cumulativeSeries', () => {
  it('rises on the days items count and stops at the report day', () => {
    const s = cumulativeSeries({
      mode: 'pooled',
      quantity: 4,
      channels: [1, 2],
      window,
      asOf: '2025-08-15',
      countsAt: fromStore(
        [item(1, [1, '2025-08-03'], [2, '2025-08-04']), item(2, [2, '2025-08-10'])],
        [1, 2],
        window.from,
      ),
    })
    expect(s).toHaveLength(31)
    expect(s.find((p) => p.day === '2025-08-02')?.achieved).toBe(0)
    expect(s.find((p) => p.day === '2025-08-04')?.achieved).toBe(1)
    expect(s.find((p) => p.day === '2025-08-15')?.achieved).toBe(2)
    expect(s.find((p) => p.day === '2025-08-16')?.achieved).toBeNull()
    expect(s.at(-1)).toEqual({ day: '2025-08-31', achieved: null, expected: 4 })
  })

  it('samples a long window to at most maxPoints, keeping the ends and the report day', () => {
    const s = cumulativeSeries({
      mode: 'perChannel',
      quantity: 1,
      channels: [1],
      countsAt: () => ({ pooled: 0, byChannel: new Map() }),
      window: { from: '2025-01-01', to: '2025-12-31' },
      asOf: '2025-06-17',
      maxPoints: 50,
    })
    expect(s.length).toBeLessThanOrEqual(52)
    expect(s[0]?.day).toBe('2025-01-01')
    expect(s.at(-1)?.day).toBe('2025-12-31')
    expect(s.some((p) => p.day === '2025-06-17')).toBe(true)
  })

  it('the point on the report day equals the report rule for any items (property)', () => {
    const day = fc.integer({ min: 1, max: 40 }).map((d) => new Date(Date.UTC(2025, 7, d)).toISOString().slice(0, 10))
    const items = fc.array(fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), day), { minLength: 1, maxLength: 3 }), {
      maxLength: 12,
    })
    fc.assert(
      fc.property(items, day, fc.constantFrom('pooled' as const, 'perChannel' as const), (raw, asOf, mode) => {
        const list = raw.map((pubs, i) => item(i + 1, ...pubs))
        const inWin = (d: string) => d >= window.from && d <= (asOf < window.to ? asOf : window.to)
        const counted = list.filter((it) => it.publications.some((p) => inWin(p.day)))
        const byChannel = new Map<number, number>()
        for (const it of counted)
          for (const c of new Set(it.publications.filter((p) => inWin(p.day)).map((p) => p.channel)))
            byChannel.set(c, (byChannel.get(c) ?? 0) + 1)
        const expected = evaluateContentTarget({
          mode,
          quantity: 3,
          channels: [1, 2, 3],
          pooledAchieved: counted.length,
          byChannel: [...byChannel].map(([channel, achieved]) => ({ channel, achieved })),
          late: 0,
          window,
          today: asOf,
        }).achieved
        const s = cumulativeSeries({
          mode,
          quantity: 3,
          channels: [1, 2, 3],
          window,
          asOf,
          countsAt: fromStore(list, [1, 2, 3], window.from),
        })
        const last = s.filter((p) => p.achieved !== null).at(-1)
        expect(last?.achieved).toBe(expected)
      }),
    )
  })
})

describe('cumulativeSeries from the store against a pass over every item per day', () => {
  // Days cross a year end: the store keeps one row per year.
  const day = fc.integer({ min: 0, max: 60 }).map((i) => new Date(Date.UTC(2024, 11, 1 + i)).toISOString().slice(0, 10))
  it('property: the same line for random items, windows and report days', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            contentType: fc.constant('articles'),
            item: fc.nat(),
            publications: fc.array(fc.record({ channel: fc.integer({ min: 1, max: 4 }), day }), { maxLength: 4 }),
          }),
          { maxLength: 30 },
        ),
        day,
        day,
        day,
        fc.constantFrom('pooled' as const, 'perChannel' as const),
        fc.integer({ min: 1, max: 20 }),
        (items, a, b, asOf, mode, quantity) => {
          const window = { from: a < b ? a : b, to: a < b ? b : a }
          // Channel 4 is not the target's: its publications must not count.
          const channels = [1, 2, 3]
          const onTarget = items.map((it) => ({ ...it, publications: it.publications.filter((p) => p.channel !== 4) }))
          const input = { mode, quantity, channels, window, asOf, maxPoints: 15 }
          expect(cumulativeSeries({ ...input, countsAt: fromStore(items, channels, window.from) })).toEqual(
            cumulativeSeries({ ...input, countsAt: plainCounts(onTarget, window.from) }),
          )
        },
      ),
      { numRuns: 300 },
    )
  })
})
