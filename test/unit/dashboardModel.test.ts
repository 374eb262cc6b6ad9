import { describe, expect, it } from 'vitest'
import { daysLeft, targetBar } from '../../src/domain/dashboardModel'

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
