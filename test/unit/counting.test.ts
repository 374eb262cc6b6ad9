import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { diffContributions, normalizeContributions, tallyDeltas, type Contribution } from '../../src/domain/counting'

const contribution = fc.record({
  task: fc.integer({ min: 1, max: 4 }),
  channel: fc.integer({ min: 1, max: 4 }),
  day: fc.constantFrom('2025-07-01', '2025-07-02', '2025-07-03'),
})
const set = fc.array(contribution, { maxLength: 12 })
const key = (c: Contribution) => `${c.task}|${c.channel}|${c.day}`

describe('diffContributions', () => {
  it('applying the diff to the current set gives exactly the desired set', () => {
    fc.assert(
      fc.property(set, set, (current, desired) => {
        const { add, remove } = diffContributions(current, desired)
        const after = new Set(normalizeContributions(current).map(key))
        for (const r of remove) after.delete(key(r))
        for (const a of add) after.add(key(a))
        expect([...after].sort()).toEqual(normalizeContributions(desired).map(key).sort())
      }),
    )
  })
  it('is empty when nothing changed (a draft save), whatever the order or duplicates', () => {
    fc.assert(
      fc.property(set, (s) => {
        expect(diffContributions(s, [...s].reverse().concat(s))).toEqual({ add: [], remove: [] })
      }),
    )
  })
})

describe('tallyDeltas', () => {
  it('replaying any history of an item leaves tallies equal to its final contributions', () => {
    fc.assert(
      fc.property(fc.array(set, { minLength: 1, maxLength: 8 }), (history) => {
        const tallies = new Map<string, number>()
        let current: Contribution[] = []
        for (const desired of history) {
          for (const d of tallyDeltas('articles', diffContributions(current, desired))) {
            const k = key(d)
            tallies.set(k, (tallies.get(k) ?? 0) + d.delta)
            expect(tallies.get(k)).toBeGreaterThanOrEqual(0)
          }
          current = normalizeContributions(desired)
        }
        const final = new Map(normalizeContributions(current).map((c) => [key(c), 1]))
        expect(new Map([...tallies].filter(([, n]) => n !== 0))).toEqual(final)
      }),
    )
  })
  it('comes in one global order with no zero deltas', () => {
    fc.assert(
      fc.property(set, set, (a, b) => {
        const deltas = tallyDeltas('videos', diffContributions(a, b))
        expect(deltas.every((d) => d.delta === 1 || d.delta === -1)).toBe(true)
        const order = deltas.map((d) => [d.task, d.channel, d.day].join('|'))
        const sorted = [...deltas]
          .sort((x, y) => x.task - y.task || x.channel - y.channel || x.day.localeCompare(y.day))
          .map((d) => [d.task, d.channel, d.day].join('|'))
        expect(order).toEqual(sorted)
      }),
    )
  })
})
