import { describe, expect, it } from 'vitest'
import { formatMessage } from '../../src/domain/i18n/messages'
import {
  checkDayMonth,
  checkDeadline,
  checkDeliverable,
  checkHttpUrl,
  checkIndicatorTarget,
  checkMonthlyDay,
  checkNonEmpty,
  checkNotFuture,
  checkPeriod,
  checkProgressValue,
  checkQuantity,
  checkRecurrence,
  checkWindowStart,
  checkYear,
  findCycle,
  taskEndDay,
} from '../../src/domain/planRules'

describe('timeframe rules', () => {
  it('a deadline task needs a deadline (deadline is the default kind)', () => {
    expect(checkDeadline({ kind: 'deadline' })?.key).toBe('deadlineRequired')
    expect(checkDeadline({})?.key).toBe('deadlineRequired')
    expect(checkDeadline({ kind: 'deadline', deadline: '2025-08-30' })).toBeNull()
    expect(checkDeadline({ kind: 'recurring' })).toBeNull()
  })
  it('a recurring task needs a period; a by-year task a sane year', () => {
    expect(checkRecurrence({ kind: 'recurring' })?.key).toBe('recurrenceRequired')
    expect(checkRecurrence({ kind: 'recurring', recurrence: 'month' })).toBeNull()
    expect(checkYear({ kind: 'byYear' })?.key).toBe('yearRequired')
    expect(checkYear({ kind: 'byYear', year: 26 })?.key).toBe('yearRequired')
    expect(checkYear({ kind: 'byYear', year: 2026.5 })?.key).toBe('yearRequired')
    expect(checkYear({ kind: 'byYear', year: 2026 })).toBeNull()
  })
  it('the end day of a task', () => {
    expect(taskEndDay({ kind: 'deadline', deadline: '2025-08-30T12:00:00Z' })).toBe('2025-08-30')
    expect(taskEndDay({ kind: 'byYear', year: 2026 })).toBe('2026-12-31')
    expect(taskEndDay({ kind: 'recurring', recurrence: 'month' })).toBeNull()
  })
})

describe('target rules', () => {
  it('rejects a window that starts after the deadline, naming both days', () => {
    const p = checkWindowStart('2025-09-01', { kind: 'deadline', deadline: '2025-08-30T12:00:00Z' })
    expect(p?.key).toBe('windowAfterDeadline')
    expect(formatMessage(p!, 'en')).toBe('The window start (2025-09-01) is after the task deadline (2025-08-30).')
    expect(checkWindowStart('2025-08-30', { kind: 'deadline', deadline: '2025-08-30T12:00:00Z' })).toBeNull()
    expect(checkWindowStart('2027-01-01', { kind: 'byYear', year: 2026 })?.key).toBe('windowOutsideYear')
    expect(checkWindowStart(undefined, { kind: 'deadline', deadline: '2025-08-30' })).toBeNull()
  })
  it('quantity is a whole number ≥ 1', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, '3', null, undefined])
      expect(checkQuantity(bad)?.key).toBe('targetQuantityMin')
    expect(checkQuantity(20)).toBeNull()
  })
  it('channels and content types must not be empty', () => {
    expect(checkNonEmpty([], 'targetNeedsChannel')?.key).toBe('targetNeedsChannel')
    expect(checkNonEmpty(undefined, 'targetNeedsContentType')?.key).toBe('targetNeedsContentType')
    expect(checkNonEmpty([1], 'targetNeedsChannel')).toBeNull()
  })
  it('a deliverable is submitted only with its document', () => {
    expect(checkDeliverable(true, null)?.key).toBe('deliverableNeedsDocument')
    expect(checkDeliverable(true, 7)).toBeNull()
    expect(checkDeliverable(false, null)).toBeNull()
  })
  it('indicator values', () => {
    expect(checkIndicatorTarget(0, 'percent')?.key).toBe('indicatorTargetValue')
    expect(checkIndicatorTarget(101, 'percent')?.key).toBe('percentMax')
    expect(checkIndicatorTarget(150, 'number')).toBeNull()
    expect(checkProgressValue(-1, 'number')?.key).toBe('progressValueMin')
    expect(checkProgressValue(120, 'percent')?.key).toBe('percentMax')
    expect(checkProgressValue(undefined, 'percent')?.key).toBe('required')
    expect(checkProgressValue(80, 'percent')).toBeNull()
  })
  it('a progress date cannot be in the future (Vietnamese calendar)', () => {
    const now = new Date('2025-08-29T18:00:00Z') // already 30/8 in Hanoi
    expect(checkNotFuture('2025-08-30T12:00:00Z', now)).toBeNull()
    expect(checkNotFuture('2025-08-31T12:00:00Z', now)?.key).toBe('progressDateFuture')
    expect(checkNotFuture(undefined, now)?.key).toBe('required')
  })
})

describe('plan rules', () => {
  it('the period must not end before it starts', () => {
    expect(checkPeriod('2025-12-31', '2025-07-01')?.key).toBe('periodOrder')
    expect(checkPeriod('2025-07-01', '2025-07-01')).toBeNull()
    expect(checkPeriod(undefined, '2025-07-01')).toBeNull()
  })
  it('report days exist', () => {
    expect(checkDayMonth(31, 6)?.key).toBe('invalidDayMonth')
    expect(checkDayMonth(20, 6)).toBeNull()
    expect(checkMonthlyDay(31)?.key).toBe('monthlyDayRange')
    expect(checkMonthlyDay(20)).toBeNull()
    expect(checkMonthlyDay(null)).toBeNull()
  })
  it('URLs must be http(s)', () => {
    expect(checkHttpUrl('javascript:alert(1)')?.key).toBe('invalidUrl')
    expect(checkHttpUrl('vnexpress.net')?.key).toBe('invalidUrl')
    expect(checkHttpUrl('https://vnexpress.net/a')).toBeNull()
    expect(checkHttpUrl('')).toBeNull()
  })
})

describe('findCycle', () => {
  const graph: Record<string, string[]> = { a: ['b'], b: ['c'], c: [], d: ['d'] }
  const parents = async (id: string | number) => graph[String(id)] ?? []
  it('finds self-reference and longer cycles, with the path', async () => {
    expect((await findCycle('a', ['a'], parents))?.key).toBe('selfReference')
    const p = await findCycle('c', ['a'], parents)
    expect(p?.key).toBe('cycle')
    expect(p?.vars?.path).toBe('c → a → b → c')
  })
  it('accepts acyclic chains and new records', async () => {
    expect(await findCycle('a', ['b'], parents)).toBeNull()
    expect(await findCycle(undefined, ['a'], parents)).toBeNull()
  })
  it('terminates on a pre-existing cycle elsewhere', async () => {
    expect(await findCycle('a', ['d'], parents)).toBeNull()
  })
})

describe('messages', () => {
  it('default to Vietnamese and fill variables', () => {
    expect(formatMessage({ key: 'duplicateTaskCode', vars: { code: '3' } }, undefined)).toBe(
      'Kế hoạch này đã có nhiệm vụ mã "3".',
    )
    expect(formatMessage({ key: 'duplicateTaskCode', vars: { code: '3' } }, 'en')).toBe(
      'This plan already has a task with code "3".',
    )
  })
})
