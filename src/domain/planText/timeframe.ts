/**
 * Timeframes of tasks: a deadline ("30/8/2025", "Quý III/2025"), recurring ("Thường xuyên",
 * "Nhiệm vụ thường xuyên, bắt đầu từ năm 2026") or a year ("Hoàn thành năm 2026").
 */
import { findDates, monthEnd, quarterEnd, yearAfterNam } from './dates'
import { foldVi } from './normalize'
import type { Period, Timeframe } from './types'

export function periodWord(folded: string): Period | null {
  if (/(hang|moi|tung)\s+thang/.test(folded)) return 'month'
  if (/(hang|moi|tung)\s+quy/.test(folded)) return 'quarter'
  if (/(hang|moi|tung)\s+nam/.test(folded)) return 'year'
  return null
}

/** Parse a timeframe cell/field; null when it says nothing we recognise. */
export function parseTimeframe(text: string, referenceYear: number | null): Timeframe | null {
  const folded = foldVi(text)
  if (/thuong\s*xuyen|lien\s+tuc|dinh\s+ky/.test(folded)) {
    const tf: Timeframe = { kind: 'recurring' }
    const period = periodWord(folded)
    if (period) tf.period = period
    const from = /tu\s+nam\s+(\d{4})/.exec(folded)
    if (from) tf.fromYear = Number(from[1])
    return tf
  }
  const dates = findDates(text, referenceYear).filter((d) => d.iso !== null)
  const last = dates[dates.length - 1]
  const first = dates[0]
  if (last?.iso) {
    const tf: Timeframe = { kind: 'deadline', date: last.iso }
    if (first?.iso && dates.length > 1 && first.iso < last.iso) tf.from = first.iso
    return tf
  }
  const q = quarterEnd(text, referenceYear)
  if (q) return { kind: 'deadline', date: q }
  const me = monthEnd(text, referenceYear)
  if (me) return { kind: 'deadline', date: me }
  const year = yearAfterNam(text)
  if (year !== null) return { kind: 'byYear', year }
  const bare = /^\s*(\d{4})\s*$/.exec(folded)
  if (bare) return { kind: 'byYear', year: Number(bare[1]) }
  const periodic = periodWord(folded)
  if (periodic) return { kind: 'recurring', period: periodic }
  return null
}

// A sentence of a task's text that is only its timeframe, as 1169/QĐ-TTg writes them.
const INLINE =
  /(?:^|[.;]\s*)((?:nhiem\s+vu\s+thuong\s+xuyen|thuc\s+hien\s+thuong\s+xuyen)(?:\s*,\s*bat\s+dau\s+tu\s+nam\s+\d{4})?|hoan\s+thanh\s+(?:trong\s+)?(?:nam\s+\d{4}|quy\s+[ivx1-4]+(?:\s*\/\s*\d{4})?|truoc\s+ngay\s+[\d/]+)|thoi\s+gian(?:\s+thuc\s+hien|\s+hoan\s+thanh)?\s*:\s*[^.;]{1,60})[\s.;]*$/

/**
 * A timeframe written as the task text's last sentence ("… Nhiệm vụ thường xuyên."). Returns the
 * timeframe, the phrase as written, and the text without it.
 */
export function inlineTimeframe(
  text: string,
  referenceYear: number | null,
): { timeframe: Timeframe; phrase: string; rest: string } | null {
  const folded = foldVi(text)
  const m = INLINE.exec(folded)
  if (!m || m[1] === undefined) return null
  const start = m.index + m[0].indexOf(m[1])
  const phrase = text.slice(start, start + m[1].length).trim()
  const tf = parseTimeframe(phrase, referenceYear)
  if (!tf) return null
  const rest = text.slice(0, start).replace(/[\s,;]+$/, '')
  return { timeframe: tf, phrase, rest: /[.!?]$/.test(rest) || rest === '' ? rest : `${rest}.` }
}
