/**
 * Reporting schedule ("định kỳ vào ngày 20 hàng tháng gửi báo cáo …", "trước ngày 20/6 và trước
 * ngày 20/12 hằng năm … báo cáo") and key days ("Ngày Chuyển đổi số quốc gia (10/10)").
 */
import { isDayMonth } from './dates'
import type { Paragraph } from './lines'
import { cleanInline, foldVi } from './normalize'
import type { KeyDay, ReportingRule } from './types'

/** Sentences of a paragraph with their offsets (a "." before a capital ends one). */
function sentences(text: string): Array<{ text: string; index: number }> {
  const out: Array<{ text: string; index: number }> = []
  let start = 0
  for (const m of text.matchAll(/[.;!?](?=\s+(?:\p{Lu}|[a-zđ]\)|-\s))/gu)) {
    out.push({ text: text.slice(start, m.index + 1), index: start })
    start = m.index + 1
  }
  out.push({ text: text.slice(start), index: start })
  return out.filter((s) => s.text.trim() !== '')
}

const DAY_MONTH = '(\\d{1,2})\\s*(?:\\/\\s*|\\s+thang\\s+)(\\d{1,2})'
const FIXED = new RegExp(
  `truoc\\s+(?:ngay\\s+)?${DAY_MONTH}(?:\\s*(?:,|va|hoac)\\s*(?:truoc\\s+)?(?:ngay\\s+)?${DAY_MONTH})*`,
  'g',
)
const MONTHLY =
  /(?:ngay\s+(\d{1,2})\s+(?:hang|moi|cua\s+moi|cua\s+hang)\s+thang)|(?:(?:hang|moi)\s+thang\s*(?:,\s*)?(?:vao\s+)?(?:truoc\s+)?ngay\s+(\d{1,2}))/

function recipientOf(original: string): string | null {
  const f = foldVi(original)
  const sent = /gui\s+bao\s+cao[^.]{0,120}?\sve\s+/.exec(f)
  const own = /bao\s+cao\s+(?=(?:lanh\s+dao|giam\s+doc|thu\s+truong|chu\s+tich|bo\s+truong)\s)/.exec(f)
  const m = sent ?? own
  if (!m) return null
  const start = m.index + m[0].length
  const endRe = /\s(?:de|ket\s+qua|tinh\s+hinh|tien\s+do|theo|dong\s+thoi|qua)\s|[,.;(]|$/g
  endRe.lastIndex = start
  const end = endRe.exec(f)?.index ?? f.length
  const r = cleanInline(original.slice(start, end))
  return r || null
}

function isInternal(recipient: string | null): boolean {
  return recipient !== null && /^(lanh\s+dao|giam\s+doc|thu\s+truong)/.test(foldVi(recipient))
}

export function reportingRules(paragraphs: readonly Paragraph[]): ReportingRule[] {
  const out: ReportingRule[] = []
  const seen = new Set<string>()
  const add = (key: string, rule: ReportingRule): void => {
    if (seen.has(key)) return
    seen.add(key)
    out.push(rule)
  }
  for (const p of paragraphs) {
    for (const s of sentences(p.text)) {
      const f = foldVi(s.text)
      if (!/bao\s+cao/.test(f)) continue
      const source = cleanInline(s.text)
      const recipient = recipientOf(s.text)
      const internal = isInternal(recipient)
      const everyYear = /(hang|moi)\s+nam/.test(f)
      const monthly = MONTHLY.exec(f)
      const day = monthly ? Number(monthly[1] ?? monthly[2]) : NaN
      if (monthly && day >= 1 && day <= 31) {
        add(`m:${day}:${recipient ?? ''}`, { kind: 'monthly', day, recipient, internal, source, line: p.line })
      }
      for (const m of f.matchAll(FIXED)) {
        const dates: Array<{ day: number; month: number }> = []
        for (const d of m[0].matchAll(new RegExp(DAY_MONTH, 'g'))) {
          const dm = { day: Number(d[1]), month: Number(d[2]) }
          if (isDayMonth(dm.day, dm.month)) dates.push(dm)
        }
        if (dates.length === 0) continue
        const key = `f:${dates.map((d) => `${d.day}/${d.month}`).join(',')}:${recipient ?? ''}`
        add(key, {
          kind: 'fixedDates',
          dates,
          yearly: everyYear || dates.length > 1,
          recipient,
          internal,
          source,
          line: p.line,
        })
      }
    }
  }
  return out
}

/** "Ngày Khoa học và Công nghệ Việt Nam (18/5)": named days written with their date in brackets. */
export function keyDays(paragraphs: readonly Paragraph[]): KeyDay[] {
  const out: KeyDay[] = []
  const seen = new Set<string>()
  for (const p of paragraphs) {
    const f = foldVi(p.text)
    for (const m of f.matchAll(/\(\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*\)/g)) {
      const day = Number(m[1])
      const month = Number(m[2])
      if (!isDayMonth(day, month)) continue
      const windowStart = Math.max(0, m.index - 120)
      const before = p.text.slice(windowStart, m.index)
      // Only named days ("Ngày …"): a bare "(1/3)" is as likely a ratio as a date.
      const ngay = [...before.matchAll(/Ngày|NGÀY|Ngay(?=\s)|NGAY(?=\s)/g)].pop()
      if (!ngay) continue
      const name = cleanInline(before.slice(ngay.index))
      if (!name || name.length > 120) continue
      const key = `${day}/${month}`
      if (seen.has(key)) continue
      seen.add(key)
      out.push({ day, month, name, line: p.line })
    }
  }
  return out
}
