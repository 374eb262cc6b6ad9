/**
 * Calendar days in the plan's time zone. Every date in the domain (deadlines, windows,
 * publication dates) is a calendar day in Asia/Ho_Chi_Minh, whatever instant the database
 * stores, so a deadline picked as "30/8" in a browser at UTC+7 stays 30/8.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh'

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    formatters.set(timeZone, f)
  }
  return f
}

/**
 * Days of instants given as strings, remembered: a plan report asks for the same few deadlines
 * and window starts hundreds of times, and Intl formatting is most of its assembly time.
 */
const knownDays = new Map<string, string>()
const KNOWN_DAYS_MAX = 10_000

/** The calendar day (YYYY-MM-DD) of an instant, in the given time zone. */
export function calendarDay(instant: Date | string, timeZone = DEFAULT_TIME_ZONE): string {
  const key = typeof instant === 'string' ? `${timeZone}|${instant}` : undefined
  const known = key === undefined ? undefined : knownDays.get(key)
  if (known !== undefined) return known
  const d = typeof instant === 'string' ? new Date(instant) : instant
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not a date: ${String(instant)}`)
  const day = formatterFor(timeZone).format(d)
  if (key !== undefined) {
    if (knownDays.size >= KNOWN_DAYS_MAX) knownDays.clear()
    knownDays.set(key, day)
  }
  return day
}

/** True for a real calendar day written as YYYY-MM-DD (rejects 2025-02-30). */
export function isIsoDay(value: string): boolean {
  const m = ISO_DAY.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return isValidDayMonth(d, mo, y)
}

/**
 * False for a date string whose leading YYYY-MM-DD is not a day of the calendar (2026-02-30):
 * JavaScript rolls it over to 2 March, Postgres refuses it, so it must be caught before either.
 */
export function hasRealDay(value: string): boolean {
  const prefix = /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0]
  return prefix === undefined || isIsoDay(prefix)
}

export function daysInMonth(month: number, year = 2024): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Day/month validity; without a year, 29/2 is allowed (it exists in leap years). */
export function isValidDayMonth(day: number, month: number, year?: number): boolean {
  if (!Number.isInteger(day) || !Number.isInteger(month)) return false
  if (month < 1 || month > 12 || day < 1) return false
  return day <= daysInMonth(month, year ?? 2024)
}

/** Compares two optional instants by their calendar day; undefined when either is missing. */
export function compareDays(
  a: Date | string | null | undefined,
  b: Date | string | null | undefined,
  timeZone = DEFAULT_TIME_ZONE,
): number | undefined {
  if (!a || !b) return undefined
  const da = calendarDay(a, timeZone)
  const db = calendarDay(b, timeZone)
  return da < db ? -1 : da > db ? 1 : 0
}

/** Formats a calendar day the Vietnamese way: 30/8/2025. */
export function formatViDay(day: string): string {
  const m = ISO_DAY.exec(day)
  if (!m) return day
  return `${Number(m[3])}/${Number(m[2])}/${m[1]}`
}

/**
 * The instant Payload's day-only date picker stores for a calendar day (12:00 UTC), so days
 * written by code and days picked in the admin are indistinguishable.
 */
export function dayToInstant(day: string): string {
  if (!isIsoDay(day)) throw new RangeError(`Not a calendar day (YYYY-MM-DD): ${day}`)
  return `${day}T12:00:00.000Z`
}

/**
 * The instant stored for a calendar day in a time zone: 12:00 UTC, as Payload's day picker
 * stores it, when that instant falls on the day there (every zone from UTC−11 to UTC+11, Vietnam
 * among them); otherwise the nearest whole UTC hour that does (zones beyond ±11 h), so the day
 * read back in that zone is always the day given.
 */
export function dayInstantIn(day: string, timeZone = DEFAULT_TIME_ZONE): string {
  const noon = dayToInstant(day)
  if (calendarDay(noon, timeZone) === day) return noon
  const base = Date.parse(noon)
  for (let h = 1; h <= 14; h++) {
    for (const shift of [-h, h]) {
      const candidate = new Date(base + shift * 3_600_000).toISOString()
      if (calendarDay(candidate, timeZone) === day) return candidate
    }
  }
  throw new RangeError(`No instant of ${day} in ${timeZone}`)
}

/**
 * What a client sent as a publication date, as the instant to store: a bare `YYYY-MM-DD` is that
 * calendar day in the plan's time zone (dayInstantIn); anything else (an instant, or something
 * invalid for the field's own validation to refuse) is kept as sent.
 */
export function publicationInstant(value: unknown, timeZone = DEFAULT_TIME_ZONE): unknown {
  return typeof value === 'string' && isIsoDay(value) ? dayInstantIn(value, timeZone) : value
}

/** The calendar day of a stored instant in the plan's time zone, or null when there is none. */
export function dayOf(value: unknown, timeZone = DEFAULT_TIME_ZONE): string | null {
  if (typeof value !== 'string' && !(value instanceof Date)) return null
  const d = typeof value === 'string' ? new Date(value) : value
  return Number.isNaN(d.getTime()) ? null : calendarDay(d, timeZone)
}
