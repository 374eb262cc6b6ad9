import type { TargetStatus } from './quota'

/** What the dashboard draws for a target, derived from the report's numbers. */
export interface TargetBar {
  /** 0–100: achieved as a share of the target (capped, over-delivery shows full). */
  fill: number
  /** 0–100: where the pace marker (expected by today) sits. */
  marker: number
  status: TargetStatus
}

export function targetBar(t: { target: number; achieved: number; expected: number; status: TargetStatus }): TargetBar {
  const share = (n: number) => (t.target > 0 ? Math.max(0, Math.min(100, (n / t.target) * 100)) : 0)
  return {
    fill: Math.round(share(t.achieved) * 10) / 10,
    marker: Math.round(share(t.expected) * 10) / 10,
    status: t.status,
  }
}

/** Whole days from `today` to `deadline` (negative when past), both YYYY-MM-DD. */
export function daysLeft(deadline: string | null, today: string): number | null {
  if (!deadline) return null
  const ms = Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)
  return Number.isNaN(ms) ? null : Math.round(ms / 86_400_000)
}

export const STATUS_COLORS: Record<TargetStatus, string> = {
  done: '#2e7d32',
  'on-track': '#1565c0',
  'at-risk': '#f9a825',
  behind: '#ef6c00',
  overdue: '#c62828',
}

const SEVERITY: Record<TargetStatus, number> = { overdue: 0, behind: 1, 'at-risk': 2, 'on-track': 3, done: 4 }

export interface AttentionRow {
  task: { id: number; code: string; title: string; deadline: string | null }
  /** The worst status among the task's targets. */
  status: TargetStatus
  achieved: number
  target: number
}

/**
 * Tasks needing a manager's attention (a target at risk, behind or overdue), worst first, then
 * nearest deadline. Indicator targets count by status like the others.
 */
export function attentionList(
  tasks: Array<{
    id: number
    code: string
    title: string
    deadline: string | null
    targets: Array<{ kind: string; status: TargetStatus; achieved: number; target: number }>
  }>,
): AttentionRow[] {
  const rows: AttentionRow[] = []
  for (const t of tasks) {
    const flagged = t.targets.filter((x) => SEVERITY[x.status] <= SEVERITY['at-risk'])
    if (flagged.length === 0) continue
    const worst = flagged.reduce((a, b) => (SEVERITY[b.status] < SEVERITY[a.status] ? b : a))
    const counted = t.targets.filter((x) => x.kind !== 'indicator')
    rows.push({
      task: { id: t.id, code: t.code, title: t.title, deadline: t.deadline },
      status: worst.status,
      achieved: counted.reduce((n, x) => n + x.achieved, 0),
      target: counted.reduce((n, x) => n + x.target, 0),
    })
  }
  return rows.sort(
    (a, b) =>
      SEVERITY[a.status] - SEVERITY[b.status] ||
      (a.task.deadline ?? '9999').localeCompare(b.task.deadline ?? '9999') ||
      a.task.id - b.task.id,
  )
}

/**
 * The dashboard's summary cards: how many targets are in each status, and the attainment of each
 * kind in its own unit (content items, deliverables delivered, indicators reached), so unlike
 * things are never added up ("4/107" adding 100 articles to 7 reports was meaningless).
 */
export interface ReportSummary {
  byStatus: Record<TargetStatus, number>
  content: { achieved: number; target: number; targets: number }
  deliverables: { done: number; total: number }
  indicators: { done: number; total: number }
}

export function summarizeReport(
  tasks: ReadonlyArray<{
    targets: ReadonlyArray<{ kind: string; status: TargetStatus; achieved: number; target: number }>
  }>,
): ReportSummary {
  const summary: ReportSummary = {
    byStatus: { done: 0, 'on-track': 0, 'at-risk': 0, behind: 0, overdue: 0 },
    content: { achieved: 0, target: 0, targets: 0 },
    deliverables: { done: 0, total: 0 },
    indicators: { done: 0, total: 0 },
  }
  for (const t of tasks.flatMap((x) => x.targets)) {
    summary.byStatus[t.status] += 1
    if (t.kind === 'content') {
      summary.content.achieved += t.achieved
      summary.content.target += t.target
      summary.content.targets += 1
    } else if (t.kind === 'deliverable') {
      summary.deliverables.total += 1
      if (t.achieved >= 1) summary.deliverables.done += 1
    } else if (t.kind === 'indicator') {
      summary.indicators.total += 1
      if (t.status === 'done') summary.indicators.done += 1
    }
  }
  return summary
}

/**
 * A target's pace in plain words and whole numbers: "cần đạt 7 theo tiến độ · còn thiếu 9".
 * Expected is rounded up (7.1 items expected means the 8th is due), the shortfall is whole.
 */
export function paceText(t: {
  kind: string
  achieved: number
  target: number
  expected: number
  remaining: number
}): string {
  if (t.remaining <= 0) return 'đã đạt chỉ tiêu'
  const expected = Math.min(Math.ceil(t.expected - 1e-9), Math.ceil(t.target))
  return `cần đạt ${expected} theo tiến độ · còn thiếu ${Math.ceil(t.remaining - 1e-9)}`
}

/**
 * The plan the dashboard opens on: one running today (its period contains today; the latest
 * started first), else the next to start, else the last to end, else the first given. A plan
 * without a period is a candidate only when no dated one is.
 */
export function pickDefaultPlan<
  P extends { id: unknown; period?: { from?: string | null; to?: string | null } | null },
>(plans: readonly P[], today: string, dayOf: (instant: string) => string): P | undefined {
  const dated = plans.flatMap((p) => {
    const from = p.period?.from ? dayOf(p.period.from) : null
    const to = p.period?.to ? dayOf(p.period.to) : null
    return from && to ? [{ p, from, to }] : []
  })
  const running = dated.filter((d) => d.from <= today && today <= d.to).sort((a, b) => (a.from < b.from ? 1 : -1))
  if (running[0]) return running[0].p
  const next = dated.filter((d) => d.from > today).sort((a, b) => (a.from < b.from ? -1 : 1))
  if (next[0]) return next[0].p
  const last = [...dated].sort((a, b) => (a.to < b.to ? 1 : -1))
  return last[0]?.p ?? plans[0]
}
