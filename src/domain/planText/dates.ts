/**
 * Dates as Vietnamese plans write them: "30/8/2025", "30-8-2025", "30.8.2025",
 * "ngày 19 tháng 6 năm 2025", "ngày 02/6/2025", and "30/8" (year taken from the reference year).
 * All matching runs on folded text (see foldVi) so OCR output without diacritics parses too.
 */
import { foldVi } from './normalize'

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

export function daysInMonth(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** `YYYY-MM-DD` for a real calendar day, else null (31/2, month 13 …). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null
  if (day > daysInMonth(month, year)) return null
  return `${year}-${pad2(month)}-${pad2(day)}`
}

/** Day/month validity without a year (29/2 allowed). */
export function isDayMonth(day: number, month: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(month, 2024)
}

function fullYear(y: string | undefined): number | null {
  if (y === undefined || y === '') return null
  const n = Number(y)
  return y.length === 2 ? 2000 + n : n
}

export interface FoundDate {
  day: number
  month: number
  /** As written; null when the text gave none. */
  year: number | null
  /** Null when the date is not a real day or has no year and no reference year was known. */
  iso: string | null
  index: number
  length: number
  text: string
}

// "ngày 19 tháng 6 năm 2025" / "ngày 19 tháng 6" (the year may be left for the reference year).
const WORDY = /ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})(?:\s*nam\s*(\d{4}))?/g
// "30/8/2025", "30/8", "30-8-2025", "30.8.2025". A dash or dot needs the year: "5-10 bài" and the
// outline number "2.4." are not dates. The look-arounds keep "55/2025/NĐ-CP" from yielding "55/20".
const NUMERIC = /(?<![\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})(?:\s*\2\s*(\d{4}|\d{2}))?(?![\d])(?!\s*[/.-]\s*\d)/g

/** Every well-formed date in `text`, in order, with its position. */
export function findDates(text: string, referenceYear: number | null): FoundDate[] {
  const folded = foldVi(text)
  const found: FoundDate[] = []
  const taken: Array<[number, number]> = []
  const push = (index: number, length: number, d: number, m: number, y: number | null): void => {
    if (taken.some(([a, b]) => index < b && index + length > a)) return
    if (!isDayMonth(d, m)) return
    taken.push([index, index + length])
    const year = y ?? referenceYear
    found.push({
      day: d,
      month: m,
      year: y,
      iso: year === null ? null : isoDate(year, m, d),
      index,
      length,
      text: text.slice(index, index + length),
    })
  }
  for (const m of folded.matchAll(WORDY)) {
    push(m.index, m[0].length, Number(m[1]), Number(m[2]), fullYear(m[3]))
  }
  for (const m of folded.matchAll(NUMERIC)) {
    const sep = m[2]
    const year = fullYear(m[4])
    if (sep !== '/' && year === null) continue
    push(m.index, m[0].length, Number(m[1]), Number(m[3]), year)
  }
  return found.sort((a, b) => a.index - b.index)
}

export interface ParsedDate {
  iso: string | null
  /** Why `iso` is null, for a warning: 'invalid' (31/2), 'noYear' (no year and no reference). */
  problem: 'invalid' | 'noYear' | null
}

/**
 * The single date of a cell such as "30/8/2025". Unlike `findDates` it reports a date-shaped text
 * that is not a real day, so the reviewer hears about "31/2/2025".
 */
export function parseDate(text: string, referenceYear: number | null): ParsedDate | null {
  const folded = foldVi(text)
  const m =
    /(?<![\d/.-])(\d{1,2})\s*[/.-]\s*(\d{1,2})(?!\d)(?:\s*[/.-]\s*(\d{4}|\d{2})(?!\d))?|ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})(?:\s*nam\s*(\d{4}))?/.exec(
      folded,
    )
  if (!m) return null
  const d = Number(m[1] ?? m[4])
  const mo = Number(m[2] ?? m[5])
  const y = fullYear(m[3] ?? m[6]) ?? referenceYear
  if (!isDayMonth(d, mo)) return { iso: null, problem: 'invalid' }
  if (y === null) return { iso: null, problem: 'noYear' }
  const iso = isoDate(y, mo, d)
  return { iso, problem: iso === null ? 'invalid' : null }
}

const ROMAN_QUARTER: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 }

/** "Quý III/2025", "quý 3 năm 2025" → last day of that quarter. */
export function quarterEnd(text: string, referenceYear: number | null): string | null {
  const m = /quy\s+(iv|iii|ii|i|[1-4])(?![a-z0-9])(?:\s*(?:\/|-|nam)\s*(\d{4}))?/.exec(foldVi(text))
  if (!m) return null
  const q = ROMAN_QUARTER[m[1] ?? '']
  const y = fullYear(m[2]) ?? referenceYear
  if (q === undefined || y === null) return null
  return isoDate(y, q * 3, daysInMonth(q * 3, y))
}

/** "tháng 9/2025", "tháng 9 năm 2025" → last day of that month. */
export function monthEnd(text: string, referenceYear: number | null): string | null {
  const m = /thang\s*(\d{1,2})(?:\s*(?:\/|-|nam)\s*(\d{4}))?/.exec(foldVi(text))
  if (!m) return null
  const mo = Number(m[1])
  const y = fullYear(m[2]) ?? referenceYear
  if (y === null || mo < 1 || mo > 12) return null
  return isoDate(y, mo, daysInMonth(mo, y))
}

/** Every 4-digit year 1990–2100 written after "năm" ("năm 2026", "Năm 2025"). */
export function yearAfterNam(text: string): number | null {
  const m = /(?:^|[^a-z])nam\s+(\d{4})(?!\d)/.exec(foldVi(text))
  if (!m) return null
  const y = Number(m[1])
  return y >= 1990 && y <= 2100 ? y : null
}
