import type { Problem } from './i18n/messages'
import type { RecurrencePeriod, TimeframeKind } from './slugs'
import { calendarDay, compareDays, isValidDayMonth } from './calendar'

/**
 * Validation rules of the plan model, as pure functions. Each returns the problem (a message
 * key with variables) or null, so the Payload field validators stay one-liners and the rules
 * can be tested without a database.
 */

type DateInput = Date | string | null | undefined

export interface TimeframeInput {
  kind?: TimeframeKind | null
  deadline?: DateInput
  recurrence?: RecurrencePeriod | null
  year?: number | null
}

/**
 * A date as the API received it. Fields with their own validator replace Payload's date check,
 * so without this "garbage" reached the database (or `calendarDay`) and came back as a 500.
 */
export function isDateInput(value: unknown): value is Date | string {
  if (value instanceof Date) return !Number.isNaN(value.getTime())
  return typeof value === 'string' && value.length <= 40 && !Number.isNaN(new Date(value).getTime())
}

export function checkDateInput(value: unknown): Problem | null {
  if (value === null || value === undefined || value === '') return null
  return isDateInput(value) ? null : { key: 'invalidDate' }
}

export function checkDeadline(tf: TimeframeInput | undefined): Problem | null {
  if ((tf?.kind ?? 'deadline') === 'deadline' && !tf?.deadline) return { key: 'deadlineRequired' }
  return checkDateInput(tf?.deadline)
}

export function checkRecurrence(tf: TimeframeInput | undefined): Problem | null {
  if (tf?.kind === 'recurring' && !tf.recurrence) return { key: 'recurrenceRequired' }
  return null
}

export function checkYear(tf: TimeframeInput | undefined): Problem | null {
  if (tf?.kind !== 'byYear') return null
  const y = tf.year
  if (typeof y !== 'number' || !Number.isInteger(y) || y < 2000 || y > 2100) return { key: 'yearRequired' }
  return null
}

/** The last day a task's content may count towards it, when the task has one. */
export function taskEndDay(tf: TimeframeInput | undefined, timeZone?: string): string | null {
  if (!tf) return null
  if ((tf.kind ?? 'deadline') === 'deadline' && isDateInput(tf.deadline)) return calendarDay(tf.deadline, timeZone)
  if (tf.kind === 'byYear' && typeof tf.year === 'number') return `${tf.year}-12-31`
  return null
}

export function checkWindowStart(
  windowStart: DateInput,
  tf: TimeframeInput | undefined,
  timeZone?: string,
): Problem | null {
  if (!windowStart) return null
  if (!isDateInput(windowStart)) return { key: 'invalidDate' }
  const start = calendarDay(windowStart, timeZone)
  const end = taskEndDay(tf, timeZone)
  if (end && start > end) {
    return tf?.kind === 'byYear'
      ? { key: 'windowOutsideYear', vars: { start, year: tf.year ?? '' } }
      : { key: 'windowAfterDeadline', vars: { start, deadline: end } }
  }
  return null
}

export function checkQuantity(quantity: unknown): Problem | null {
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) {
    return { key: 'targetQuantityMin' }
  }
  return null
}

export function checkNonEmpty(values: unknown, key: 'targetNeedsChannel' | 'targetNeedsContentType'): Problem | null {
  return Array.isArray(values) && values.length > 0 ? null : { key }
}

export function checkPeriod(from: DateInput, to: DateInput, timeZone?: string): Problem | null {
  const invalid = checkDateInput(to)
  if (invalid) return invalid
  if (!isDateInput(from)) return null
  const cmp = compareDays(from, to, timeZone)
  if (cmp !== undefined && cmp > 0) {
    return {
      key: 'periodOrder',
      vars: { from: calendarDay(from as Date | string, timeZone), to: calendarDay(to as Date | string, timeZone) },
    }
  }
  return null
}

export function checkDayMonth(day: unknown, month: unknown): Problem | null {
  if (typeof day !== 'number' || typeof month !== 'number') return { key: 'required' }
  return isValidDayMonth(day, month) ? null : { key: 'invalidDayMonth', vars: { day, month } }
}

export function checkMonthlyDay(day: unknown): Problem | null {
  if (day === null || day === undefined) return null
  if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > 28) return { key: 'monthlyDayRange' }
  return null
}

export function checkDeliverable(submitted: unknown, document: unknown): Problem | null {
  return submitted === true && !document ? { key: 'deliverableNeedsDocument' } : null
}

export function checkIndicatorTarget(value: unknown, unit: unknown): Problem | null {
  if (typeof value !== 'number' || !(value > 0)) return { key: 'indicatorTargetValue' }
  if (unit === 'percent' && value > 100) return { key: 'percentMax' }
  return null
}

export function checkProgressValue(value: unknown, unit: unknown): Problem | null {
  if (typeof value !== 'number' || Number.isNaN(value)) return { key: 'required' }
  if (value < 0) return { key: 'progressValueMin' }
  if (unit === 'percent' && value > 100) return { key: 'percentMax' }
  return null
}

export function checkNotFuture(date: DateInput, now: Date, timeZone?: string): Problem | null {
  if (!date) return { key: 'required' }
  if (!isDateInput(date)) return { key: 'invalidDate' }
  const day = calendarDay(date, timeZone)
  return day > calendarDay(now, timeZone) ? { key: 'progressDateFuture', vars: { date: day } } : null
}

export function checkHttpUrl(value: unknown): Problem | null {
  if (value === null || value === undefined || value === '') return null
  if (typeof value !== 'string') return { key: 'invalidUrl' }
  try {
    const u = new URL(value)
    return u.protocol === 'http:' || u.protocol === 'https:' ? null : { key: 'invalidUrl' }
  } catch {
    // URL's constructor throws on anything unparsable; that is exactly the invalid case.
    return { key: 'invalidUrl' }
  }
}

/**
 * Walks a parent chain (units' parents, plans' bases) and reports a cycle if `selfId` is
 * reachable from `startIds`. `parentsOf` is injected so the rule stays pure.
 */
export async function findCycle(
  selfId: string | number | undefined,
  startIds: Array<string | number>,
  parentsOf: (id: string | number) => Promise<Array<string | number>>,
  limit = 1000,
): Promise<Problem | null> {
  if (selfId === undefined) return null
  const seen = new Set<string>()
  const stack: Array<{ id: string | number; path: Array<string | number> }> = startIds.map((id) => ({ id, path: [id] }))
  let steps = 0
  while (stack.length > 0 && steps++ < limit) {
    const next = stack.pop()
    if (!next) break
    if (String(next.id) === String(selfId)) {
      return next.path.length === 1
        ? { key: 'selfReference' }
        : { key: 'cycle', vars: { path: [selfId, ...next.path].join(' → ') } }
    }
    if (seen.has(String(next.id))) continue
    seen.add(String(next.id))
    for (const p of await parentsOf(next.id)) stack.push({ id: p, path: [...next.path, p] })
  }
  return null
}
