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
