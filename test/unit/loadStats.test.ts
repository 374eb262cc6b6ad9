import { describe, expect, it } from 'vitest'
import { formatSummary, percentile, summarize, type Sample } from '../load/stats'

describe('percentile (nearest rank)', () => {
  it('picks the value at the rank, not an interpolation', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1)
    expect(percentile(sorted, 50)).toBe(50)
    expect(percentile(sorted, 95)).toBe(95)
    expect(percentile(sorted, 99)).toBe(99)
    expect(percentile(sorted, 100)).toBe(100)
  })

  it('is the only value for one sample and 0 for none', () => {
    expect(percentile([7], 99)).toBe(7)
    expect(percentile([], 50)).toBe(0)
  })
})

describe('summarize', () => {
  const samples: Sample[] = [
    { kind: 'publish', ms: 100, status: 200, failed: false, endedAt: 0 },
    { kind: 'publish', ms: 300, status: 503, failed: true, endedAt: 0 },
    { kind: 'feed', ms: 10, status: 200, failed: false, endedAt: 0 },
    { kind: 'feed', ms: 20, status: 0, failed: true, endedAt: 0 },
  ]

  it('counts per kind and in all, with throughput over the run’s seconds', () => {
    const rows = summarize(samples, 2)
    expect(rows.map((r) => [r.kind, r.n, r.perSecond, r.failed])).toEqual([
      ['feed', 2, 1, 1],
      ['publish', 2, 1, 1],
      ['(all)', 4, 2, 2],
    ])
    expect(rows.find((r) => r.kind === 'publish')).toMatchObject({ p50: 100, p95: 300, max: 300 })
    expect(rows.find((r) => r.kind === 'feed')?.statuses).toEqual({ '0': 1, '200': 1 })
  })

  it('prints one aligned line per kind', () => {
    const text = formatSummary(summarize(samples, 2))
    expect(text.split('\n')).toHaveLength(4)
    expect(text).toContain('503×1')
  })
})
