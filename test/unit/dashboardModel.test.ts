import { describe, expect, it } from 'vitest'
import { attentionList, daysLeft, targetBar } from '../../src/domain/dashboardModel'
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
