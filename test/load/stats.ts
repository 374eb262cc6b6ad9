/**
 * What a load run measured, per kind of request: count, throughput, latency percentiles and
 * failures. Pure, so the summary is unit-tested (test/unit/loadStats.test.ts).
 */

export interface Sample {
  kind: string
  ms: number
  /** HTTP status, or 0 when no answer came (connection refused, reset or timed out). */
  status: number
  /** The request's own rule said this answer is wrong (a 5xx, no answer, or an unexpected 4xx). */
  failed: boolean
  /** Wall-clock time (epoch ms) the answer arrived; it was sent `ms` earlier. */
  endedAt: number
}

export interface KindSummary {
  kind: string
  n: number
  perSecond: number
  p50: number
  p95: number
  p99: number
  max: number
  failed: number
  /** Count per status; "0" is no answer. */
  statuses: Record<string, number>
}

/** Nearest-rank percentile of sorted values (p in 0..100); 0 for no values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number
}

export function summarize(samples: readonly Sample[], seconds: number): KindSummary[] {
  const byKind = new Map<string, Sample[]>()
  for (const s of samples) byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), s])
  const all = [...byKind.entries()].sort(([a], [b]) => a.localeCompare(b))
  all.push(['(all)', [...samples]])
  return all.map(([kind, list]) => {
    const ms = list.map((s) => s.ms).sort((a, b) => a - b)
    const statuses: Record<string, number> = {}
    for (const s of list) statuses[String(s.status)] = (statuses[String(s.status)] ?? 0) + 1
    return {
      kind,
      n: list.length,
      perSecond: seconds > 0 ? list.length / seconds : 0,
      p50: percentile(ms, 50),
      p95: percentile(ms, 95),
      p99: percentile(ms, 99),
      max: ms[ms.length - 1] ?? 0,
      failed: list.filter((s) => s.failed).length,
      statuses,
    }
  })
}

export function formatSummary(rows: readonly KindSummary[]): string {
  const head = ['kind', 'n', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'failed', 'statuses']
  const lines = rows.map((r) => [
    r.kind,
    String(r.n),
    r.perSecond.toFixed(1),
    r.p50.toFixed(0),
    r.p95.toFixed(0),
    r.p99.toFixed(0),
    r.max.toFixed(0),
    String(r.failed),
    Object.entries(r.statuses)
      .map(([k, v]) => `${k}×${v}`)
      .join(' '),
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)))
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ')
  return [fmt(head), ...lines.map(fmt)].join('\n')
}
