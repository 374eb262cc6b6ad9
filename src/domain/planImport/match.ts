/**
 * Matching names from plan text against the records in the system. Plans abbreviate freely
 * ("Tạp chí KH&CN Việt Nam" for "Tạp chí Khoa học và Công nghệ Việt Nam", "Cổng TTĐT" for "Cổng
 * Thông tin điện tử …"), so both sides are keyed with the usual administrative abbreviations
 * expanded. A name that matches nothing, or several records equally well, stays unresolved for the
 * reviewer: nothing is guessed.
 */
import { matchKey } from '../planText/normalize'
import type { CatalogRecord, Id } from './types'

// Whole-word abbreviations, on keys (lowercase, no diacritics, "&" dropped, punctuation → space).
const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bkh ?cn\b/g, 'khoa hoc cong nghe'],
  [/\bkh va cn\b/g, 'khoa hoc cong nghe'],
  [/\bttdt\b/g, 'thong tin dien tu'],
  [/\bdvcqg\b/g, 'dich vu cong quoc gia'],
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\bmxh\b/g, 'mang xa hoi'],
  [/\bcds\b/g, 'chuyen doi so'],
  [/\btcdlcl\b/g, 'tieu chuan do luong chat luong'],
  [/\bgd ?dt\b/g, 'giao duc dao tao'],
  [/\bkh ?dt\b/g, 'ke hoach dau tu'],
  [/\bvhttdl\b/g, 'van hoa the thao du lich'],
  [/\bvhdl\b/g, 'van hoa du lich'],
  [/\bpt ?th\b/g, 'phat thanh truyen hinh'],
  [/\btw\b/g, 'trung uong'],
  [/\bvn\b/g, 'viet nam'],
]

/** The key two names are compared by: `matchKey`, abbreviations expanded, "và" dropped. */
export function nameKey(name: string): string {
  let key = matchKey(name)
  for (const [re, full] of ABBREVIATIONS) key = key.replace(re, full)
  return key
    .split(' ')
    .filter((w) => w !== 'va' && w !== '')
    .join(' ')
}

const within = (hay: string, needle: string) => ` ${hay} `.includes(` ${needle} `)
const startsWith = (hay: string, needle: string) => hay === needle || hay.startsWith(`${needle} `)

/**
 * How well a record key fits a text key: exact; the record's name begins the text ("Văn phòng Bộ"
 * in "Văn phòng Bộ Khoa học …": the head noun comes first in Vietnamese names, so this beats a
 * longer name found later in the text); the record's name inside the text; the text (2+ words)
 * beginning or inside the record's name ("Cổng Thông tin điện tử" of "Cổng TTĐT Bộ KH&CN").
 */
function score(text: string, record: string): number {
  if (text === record) return 5000
  const distinctive = record.includes(' ') || record.length >= 6
  if (distinctive && startsWith(text, record)) return 4000 + record.length
  if (distinctive && within(text, record)) return 3000 + record.length
  if (text.includes(' ') && startsWith(record, text)) return 2000 + text.length
  if (text.includes(' ') && within(record, text)) return 1000 + text.length
  return 0
}

export interface MatchResult {
  id: Id | null
  /** Set when several records tie for the best match and none is preferred. */
  candidates?: Id[]
}

export function matchName(name: string, records: readonly CatalogRecord[]): MatchResult {
  const key = nameKey(name)
  if (key === '') return { id: null }
  let best = 0
  let tied: CatalogRecord[] = []
  for (const r of records) {
    const s = Math.max(0, ...[r.name, ...r.aliases].map((n) => score(key, nameKey(n))))
    if (s === 0 || s < best) continue
    if (s > best) {
      best = s
      tied = [r]
    } else tied.push(r)
  }
  if (tied.length === 0) return { id: null }
  if (tied.length === 1) return { id: tied[0]?.id ?? null }
  const preferred = tied.filter((r) => r.preferred)
  if (preferred.length === 1) return { id: preferred[0]?.id ?? null }
  return { id: null, candidates: tied.map((r) => r.id) }
}

/** Plan codes compare without case, diacritics or spacing ("02-KH/BCĐTW" = "02-kh/bcdtw"). */
export function codeKey(code: string): string {
  return code
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, '')
}
