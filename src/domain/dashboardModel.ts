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
