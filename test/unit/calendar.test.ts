import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  calendarDay,
  compareDays,
  dayInstantIn,
  dayOf,
  dayToInstant,
  formatViDay,
  isIsoDay,
  isValidDayMonth,
  publicationInstant,
} from '../../src/domain/calendar'

describe('calendarDay (Asia/Ho_Chi_Minh)', () => {
  it('puts an instant late on the UTC day into the next Vietnamese day', () => {
    expect(calendarDay('2025-08-29T17:00:00.000Z')).toBe('2025-08-30')
    expect(calendarDay('2025-08-29T16:59:59.999Z')).toBe('2025-08-29')
  })
  it('keeps the day the admin date picker stores (12:00 UTC)', () => {
    expect(calendarDay(dayToInstant('2025-12-31'))).toBe('2025-12-31')
  })
  it('keeps a plain date sent by an API client', () => {
    expect(calendarDay('2025-08-30')).toBe('2025-08-30')
  })
  it('honours another zone when asked', () => {
    expect(calendarDay('2025-08-29T17:00:00.000Z', 'UTC')).toBe('2025-08-29')
  })
  it('throws on garbage instead of returning "Invalid Date"', () => {
    expect(() => calendarDay('not a date')).toThrow(/Not a date/)
  })
})

describe('day validity', () => {
  it('accepts real days and rejects impossible ones', () => {
    expect(isIsoDay('2024-02-29')).toBe(true)
    expect(isIsoDay('2025-02-29')).toBe(false)
    expect(isIsoDay('2025-13-01')).toBe(false)
    expect(isIsoDay('2025-8-30')).toBe(false)
    expect(isValidDayMonth(31, 4)).toBe(false)
    expect(isValidDayMonth(29, 2)).toBe(true)
    expect(isValidDayMonth(29, 2, 2025)).toBe(false)
    expect(isValidDayMonth(0, 1)).toBe(false)
  })
  it('dayToInstant refuses a malformed day', () => {
    expect(() => dayToInstant('30/8/2025')).toThrow(/YYYY-MM-DD/)
  })
})

describe('compareDays and formatting', () => {
  it('compares by Vietnamese calendar day, not by instant', () => {
    expect(compareDays('2025-08-30T01:00:00Z', '2025-08-30T12:00:00Z')).toBe(0)
    expect(compareDays('2025-08-29T18:00:00Z', '2025-08-30T12:00:00Z')).toBe(0)
    expect(compareDays('2025-08-29T12:00:00Z', '2025-08-30T12:00:00Z')).toBe(-1)
    expect(compareDays(undefined, '2025-08-30')).toBeUndefined()
  })
  it('formats the Vietnamese way', () => {
    expect(formatViDay('2025-08-05')).toBe('5/8/2025')
  })
})

describe('a publication day: a calendar day in the plan time zone', () => {
  it('stores a bare day as 12:00 UTC, which is that day in Vietnam, as the admin day picker does', () => {
    expect(dayInstantIn('2026-06-30')).toBe('2026-06-30T12:00:00.000Z')
    expect(publicationInstant('2026-06-30')).toBe('2026-06-30T12:00:00.000Z')
    expect(dayOf(publicationInstant('2026-06-30'))).toBe('2026-06-30')
  })

  it('keeps an instant as sent; its day is the day in Vietnam, so 17:00 UTC is the next day', () => {
    expect(publicationInstant('2026-06-30T17:00:00.000Z')).toBe('2026-06-30T17:00:00.000Z')
    expect(dayOf('2026-06-30T17:00:00.000Z')).toBe('2026-07-01')
    expect(dayOf('2026-06-30T16:59:59.999Z')).toBe('2026-06-30')
  })

  it('leaves what is not a real day to the field validation', () => {
    expect(publicationInstant('2026-02-30')).toBe('2026-02-30')
    expect(publicationInstant('30/6/2026')).toBe('30/6/2026')
    expect(publicationInstant(null)).toBeNull()
    expect(dayOf('not a date')).toBeNull()
    expect(dayOf(undefined)).toBeNull()
  })

  it('gives the same day back in any time zone, the far ones included', () => {
    const zones = [
      'Asia/Ho_Chi_Minh',
      'UTC',
      'America/Los_Angeles',
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
      'Pacific/Auckland',
    ]
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.constantFrom(...zones),
        (d, zone) => {
          const day = d.toISOString().slice(0, 10)
          expect(calendarDay(dayInstantIn(day, zone), zone)).toBe(day)
        },
      ),
    )
  })
})
