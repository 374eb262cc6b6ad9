import { describe, expect, it } from 'vitest'
import {
  attentionList,
  daysLeft,
  paceText,
  pickDefaultPlan,
  summarizeReport,
  targetBar,
} from '../../src/domain/dashboardModel'
import type { TargetStatus } from '../../src/domain/quota'

describe('dashboard model', () => {
  it('bars: achieved and pace as shares of the target, capped at 100', () => {
    expect(targetBar({ target: 20, achieved: 2, expected: 16.7, status: 'behind' })).toEqual({
      fill: 10,
      marker: 83.5,
      status: 'behind',
    })
    expect(targetBar({ target: 4, achieved: 9, expected: 4, status: 'done' })).toEqual({
      fill: 100,
      marker: 100,
      status: 'done',
    })
    expect(targetBar({ target: 0, achieved: 0, expected: 0, status: 'done' })).toEqual({
      fill: 0,
      marker: 0,
      status: 'done',
    })
  })
  it('days left, negative when overdue', () => {
    expect(daysLeft('2025-08-30', '2025-08-20')).toBe(10)
    expect(daysLeft('2025-08-30', '2025-09-02')).toBe(-3)
    expect(daysLeft(null, '2025-08-20')).toBeNull()
    expect(daysLeft('garbage', '2025-08-20')).toBeNull()
  })
})

describe('attentionList', () => {
  const task = (id: number, deadline: string | null, ...statuses: TargetStatus[]) => ({
    id,
    code: String(id),
    title: `T${id}`,
    deadline,
    targets: statuses.map((status) => ({ kind: 'content', status, achieved: 1, target: 4 })),
  })
  it('lists only tasks with a target at risk, behind or overdue, worst first then nearest deadline', () => {
    const rows = attentionList([
      task(1, '2025-09-30', 'on-track', 'at-risk'),
      task(2, '2025-08-30', 'done'),
      task(3, '2025-12-31', 'behind'),
      task(4, '2025-08-30', 'at-risk'),
      task(5, null, 'overdue', 'behind'),
    ])
    expect(rows.map((r) => [r.task.id, r.status])).toEqual([
      [5, 'overdue'],
      [3, 'behind'],
      [4, 'at-risk'],
      [1, 'at-risk'],
    ])
    expect(rows[0]).toMatchObject({ achieved: 2, target: 8 })
  })
})

describe('summary cards, pace wording and the default plan (#21 point 4)', () => {
  const t = (kind: string, status: TargetStatus, achieved: number, target: number) => ({
    kind,
    status,
    achieved,
    target,
  })

  it('counts targets by status and never adds unlike units', () => {
    const s = summarizeReport([
      { targets: [t('content', 'behind', 4, 100), t('deliverable', 'done', 1, 1)] },
      {
        targets: [t('deliverable', 'overdue', 0, 1), t('indicator', 'on-track', 60, 80), t('content', 'done', 20, 20)],
      },
    ])
    expect(s.byStatus).toEqual({ done: 2, 'on-track': 1, 'at-risk': 0, behind: 1, overdue: 1 })
    expect(s.content).toEqual({ achieved: 24, target: 120, targets: 2 })
    expect(s.deliverables).toEqual({ done: 1, total: 2 })
    expect(s.indicators).toEqual({ done: 0, total: 1 })
  })

  it('says the pace in whole numbers with labels', () => {
    expect(paceText({ kind: 'content', achieved: 11, target: 20, expected: 7.1, remaining: 9 })).toBe(
      'cần đạt 8 theo tiến độ · còn thiếu 9',
    )
    expect(paceText({ kind: 'content', achieved: 3, target: 20, expected: 20, remaining: 17 })).toBe(
      'cần đạt 20 theo tiến độ · còn thiếu 17',
    )
    expect(paceText({ kind: 'content', achieved: 20, target: 20, expected: 20, remaining: 0 })).toBe('đã đạt chỉ tiêu')
  })

  it('opens on the running plan, not the alphabetically first', () => {
    const day = (s: string) => s.slice(0, 10)
    const plans = [
      { id: 1, code: 'A-old', period: { from: '2024-01-01T12:00:00Z', to: '2024-12-31T12:00:00Z' } },
      { id: 2, code: 'B-now', period: { from: '2025-01-01T12:00:00Z', to: '2025-12-31T12:00:00Z' } },
      { id: 3, code: 'C-next', period: { from: '2026-01-01T12:00:00Z', to: '2026-12-31T12:00:00Z' } },
      { id: 4, code: 'D-undated', period: null },
    ]
    expect(pickDefaultPlan(plans, '2025-06-01', day)?.id).toBe(2)
    expect(pickDefaultPlan(plans, '2025-12-31', day)?.id).toBe(2)
    expect(
      pickDefaultPlan(
        plans.filter((p) => p.id !== 2),
        '2025-06-01',
        day,
      )?.id,
    ).toBe(3)
    expect(pickDefaultPlan(plans, '2027-06-01', day)?.id).toBe(3)
    expect(pickDefaultPlan([plans[3]!], '2027-06-01', day)?.id).toBe(4)
    expect(pickDefaultPlan([], '2027-06-01', day)).toBeUndefined()
  })
})
