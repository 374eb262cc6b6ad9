/**
 * Text normalisation for matching Vietnamese keywords in clean text and in OCR output that lost or
 * mangled its diacritics ("Thuong xuyen", "Ké hoach", "Ðơn vị" with an Icelandic Eth).
 */

/** Lowercase, strip diacritics, đ/Đ/Ð → d, collapse whitespace. For comparing and keying only. */
export function normalizeVi(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐðÐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

const foldCache = new Map<string, string>()

function foldChar(c: string): string {
  const hit = foldCache.get(c)
  if (hit !== undefined) return hit
  let out: string
  if (c === 'đ' || c === 'Đ' || c === 'ð' || c === 'Ð') out = 'd'
  else {
    const lower = c.toLowerCase()
    // Some code points lowercase to two (İ); keeping the original keeps positions aligned.
    const base = lower.length === 1 ? lower : c
    const parts = base.normalize('NFD')
    const first = parts[0]
    out = first !== undefined && parts.length > 1 && /^\p{M}+$/u.test(parts.slice(1)) ? first : base
  }
  // Random input could otherwise grow the cache without bound.
  if (foldCache.size < 4096) foldCache.set(c, out)
  return out
}

/**
 * Like `normalizeVi` but keeps every position: `foldVi(s)[i]` is the folded `s[i]`. Regexes run on
 * the folded text and their match offsets slice the original, so results keep their diacritics.
 * Expects NFC input (the parser normalises once at the start).
 */
export function foldVi(s: string): string {
  if (s.length >= 2048 && s === lastLong.input) return lastLong.output
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i)
    // ASCII needs no table lookup; most of a Vietnamese text is ASCII.
    out +=
      code < 128 ? (code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : s.charAt(i)) : foldChar(s.charAt(i))
  }
  // Whole-document searches (title/issuer copies) fold the same long text repeatedly.
  if (s.length >= 2048) lastLong = { input: s, output: out }
  return out
}

let lastLong: { input: string; output: string } = { input: '', output: '' }

/** A key for catalog matching: also drops punctuation, so "KH&CN" = "KHCN" and "TTĐT." = "ttdt". */
export function matchKey(s: string): string {
  return normalizeVi(s)
    .replace(/&/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^(cac|nhung) /, '')
}

/** Collapse runs of spaces/tabs and trim; keeps line breaks. */
export function cleanText(s: string): string {
  return s
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((l) => l.length > 0)
    .join('\n')
}

/** One line: all whitespace collapsed. */
export function cleanInline(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

/** Strip list bullets and trailing separators from a fragment: "- Báo Vnexpress." → "Báo Vnexpress". */
export function stripBullet(s: string): string {
  return cleanInline(s)
    .replace(/^[-–—+•*·]+\s*/, '')
    .replace(/[\s.;,:]+$/, '')
    .trim()
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return ENTITIES[name.toLowerCase()] ?? whole
  })
}

/** A table cell holding `<p>` HTML (or plain text) → clean text, one paragraph per line. */
export function htmlToText(cell: string): string {
  const text = cell
    .replace(/<\s*br\s*\/?\s*>/gi, '\n')
    .replace(/<\s*\/\s*(p|div|li)\s*>/gi, '\n')
    .replace(/<\s*(p|div|li)(\s[^<>]*)?>/gi, '\n')
    .replace(/<\/?[a-z][^<>]*>/gi, '')
  return cleanText(decodeEntities(text))
}

/** True for a line written in capitals ("KẾ HOẠCH", "BỘ TRƯỞNG BỘ KHOA HỌC VÀ CÔNG NGHỆ"). */
export function isAllCaps(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '')
  if (letters.length < 2) return false
  return letters === letters.toUpperCase() && letters !== letters.toLowerCase()
}

/** "PHÊ DUYỆT CHƯƠNG TRÌNH" → "Phê duyệt chương trình" (only for text with no mixed-case copy). */
export function sentenceCase(s: string): string {
  const lower = s.toLocaleLowerCase('vi')
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1)
}

/** Escape a string for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Find `needle` in `haystack` ignoring case, diacritics and spacing; returns the original slice.
 * Used to recover the mixed-case spelling of a heading written in capitals.
 */
export function findLoose(haystack: string, needle: string, from = 0): { index: number; text: string } | null {
  const words = normalizeVi(needle).split(' ').filter(Boolean)
  if (words.length === 0 || words.length > 200) return null
  const re = new RegExp(words.map(escapeRegExp).join('\\s+'), 'g')
  re.lastIndex = from
  const folded = foldVi(haystack)
  const m = re.exec(folded)
  if (!m) return null
  return { index: m.index, text: haystack.slice(m.index, m.index + m[0].length) }
}
