/**
 * Resolving unit and channel names from plan text against the caller's catalogs. Matching ignores
 * case, diacritics and punctuation ("Báo Vnexpress" ~ "Báo điện tử VnExpress" via an alias,
 * "Bộ KHCN" = "Bộ KH&CN"). Names nothing matches are kept as raw strings for the reviewer.
 */
import { foldVi, matchKey, stripBullet } from './normalize'
import type { CatalogEntry, CatalogRef } from './types'

interface Keyed {
  entry: CatalogEntry
  keys: string[]
}

function keyed(catalog: readonly CatalogEntry[]): Keyed[] {
  return catalog.map((entry) => ({
    entry,
    keys: [entry.name, ...(entry.aliases ?? [])].map(matchKey).filter((k) => k.length > 0),
  }))
}

function containsWords(hay: string, needle: string): boolean {
  return ` ${hay} `.includes(` ${needle} `)
}

/**
 * Best catalog entry for a name: an exact key beats the name containing a catalog name/alias
 * (longest wins: "Tạp chí KH&CN Việt Nam" over "Việt Nam"), which beats a catalog name containing
 * the text (only for texts of 2+ words, so "Báo" alone matches nothing).
 */
export function matchCatalog(raw: string, catalog: readonly CatalogEntry[] | undefined): CatalogRef {
  const name = stripBullet(raw)
  if (!catalog || catalog.length === 0) return { id: null, name, raw }
  const key = matchKey(name)
  if (key === '') return { id: null, name, raw }
  let best: { entry: CatalogEntry; score: number } | null = null
  for (const { entry, keys } of keyed(catalog)) {
    for (const k of keys) {
      let score = 0
      if (k === key) score = 3000
      else if (containsWords(key, k)) score = 2000 + k.length
      else if (key.includes(' ') && containsWords(k, key)) score = 1000 + key.length
      if (score > 0 && (!best || score > best.score)) best = { entry, score }
    }
  }
  return best ? { id: best.entry.id, name: best.entry.name, raw } : { id: null, name, raw }
}

// Words that begin a unit's name; a capitalised one in the middle of a cell starts a new unit
// ("Văn phòng Bộ Trung tâm Truyền thông KH&CN" is two units whose separator was lost).
const UNIT_HEADS =
  /^(trung tam|van phong|vu|cuc|so|uy ban|vien|tap chi|phong|bao|dai truyen hinh|dai phat thanh|dai tieng noi|ban quan ly|thanh tra)(?![a-z])/

function splitRunTogetherUnits(piece: string): string[] {
  const folded = foldVi(piece)
  const cuts: number[] = []
  const wordStart = /(?<=\s)\S/g
  for (const m of piece.matchAll(wordStart)) {
    const i = m.index
    const ch = piece.charAt(i)
    if (ch !== ch.toUpperCase() || ch === ch.toLowerCase()) continue
    const head = UNIT_HEADS.exec(folded.slice(i))
    if (!head) continue
    const afterHead = i + head[0].length
    const next = piece.slice(afterHead).trimStart().charAt(0)
    // The head must itself be followed by a capitalised word ("Sở Khoa học", not "Sở hữu").
    if (next === '' || next !== next.toUpperCase() || next === next.toLowerCase()) continue
    // "Văn phòng Sở Phòng Kế hoạch": "Sở" qualifies the unit before it, as another head follows.
    if (UNIT_HEADS.test(folded.slice(afterHead).trimStart())) continue
    const left = folded.slice(cuts[cuts.length - 1] ?? 0, i).trim()
    // The left part must be a whole name: a head alone ("Văn phòng") still needs its owner.
    const leftRest = left.replace(UNIT_HEADS, '').trim()
    if (leftRest === '' || /(^| )(cua|thuoc|va|voi|ve|tai|cho)$/.test(left)) continue
    cuts.push(i)
  }
  if (cuts.length === 0) return [piece]
  const out: string[] = []
  let start = 0
  for (const c of cuts) {
    out.push(piece.slice(start, c))
    start = c
  }
  out.push(piece.slice(start))
  return out.map((s) => s.trim()).filter(Boolean)
}

/**
 * A cell or field listing units → one string per unit. Units are separated by ";", line breaks and
 * bullets, never by commas: "Bộ Văn hóa, Thể thao và Du lịch" is one unit.
 */
export function splitUnitList(text: string): string[] {
  const pieces = text
    .split(/\n|;/)
    .map(stripBullet)
    .filter((p) => p.length > 0)
  return pieces
    .flatMap(splitRunTogetherUnits)
    .map(stripBullet)
    .filter((p) => p.length > 0)
}

export function resolveUnits(text: string, catalog: readonly CatalogEntry[] | undefined): CatalogRef[] {
  const refs = splitUnitList(text).map((p) => matchCatalog(p, catalog))
  return dedupeRefs(refs)
}

/** A channel list after a quantity: split on ";" and ",", as the plans write them. */
export function splitChannelList(text: string): string[] {
  return text
    .split(/[;,\n]/)
    .map(stripBullet)
    .map((s) => s.replace(/^(va|và|hoac|hoặc)\s+/i, ''))
    .filter((s) => s.length > 0 && s.length <= 160)
}

export function resolveChannels(text: string, catalog: readonly CatalogEntry[] | undefined): CatalogRef[] {
  const refs: CatalogRef[] = []
  for (const piece of splitChannelList(text)) {
    if (catalog && catalog.length > 0 && /\s(và|va)\s/i.test(piece)) {
      // "Cổng TTĐT và Fanpage": split on "và" only when every part is a known channel, so
      // "Đài Phát thanh và Truyền hình tỉnh" stays one name.
      const parts = piece.split(/\s+(?:và|va)\s+/i).map((p) => matchCatalog(p, catalog))
      if (
        parts.length > 1 &&
        parts.every((p) => p.id !== null) &&
        new Set(parts.map((p) => p.id)).size === parts.length
      ) {
        refs.push(...parts)
        continue
      }
    }
    refs.push(matchCatalog(piece, catalog))
  }
  return dedupeRefs(refs)
}

function dedupeRefs(refs: CatalogRef[]): CatalogRef[] {
  const seen = new Set<string>()
  return refs.filter((r) => {
    const k = r.id ?? `raw:${matchKey(r.name)}`
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}
