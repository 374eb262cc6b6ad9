/**
 * From raw text to paragraphs. Plan texts come in two shapes: one paragraph per line (exported from
 * Word) or hard-wrapped at ~80 characters with page furniture (PDF/OCR). Paragraph boundaries are
 * recovered from list markers, capitals and line lengths; table lines are left to table.ts.
 */
import { foldVi, isAllCaps } from './normalize'

export interface Line {
  text: string
  /** 1-based line number in the input. */
  no: number
}

export type MarkerKind = 'article' | 'roman' | 'number' | 'subnumber' | 'letter' | 'bullet' | 'plus'

export interface Marker {
  kind: MarkerKind
  /** "III", "1", "1.2", "a", "đ"; '' for bullets. */
  label: string
  /** Nesting: a lower rank contains higher ranks. */
  rank: number
  /** Characters of the line the marker takes, to strip it from the text. */
  length: number
}

export interface Paragraph {
  text: string
  line: number
  marker: Marker | null
}

/** Canonical text: NFC, "\n" line ends, Icelandic Ð/ð (OCR look-alikes) as Vietnamese Đ/đ. */
export function preprocess(input: string): string {
  return (
    input
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      // Tesseract sometimes reads one Đ as two ("QĐÐ/TW"); Vietnamese never doubles it.
      .replace(/\u0110\u00d0|\u00d0\u0110/g, '\u0110')
      .replace(/\u00d0/g, '\u0110')
      .replace(/\u00f0/g, '\u0111')
      .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
      .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
      // Other control characters would only confuse the line logic.
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ')
  )
}

export function splitLines(text: string): Line[] {
  return text.split('\n').map((t, i) => ({ text: t, no: i + 1 }))
}

const ROMAN = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/

/** Words in capitals (at least two letters, no lower-case letter): a section's title. */
function isCapitalsHeading(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '')
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()
}

export function detectMarker(line: string): Marker | null {
  const t = line.trimStart()
  const lead = line.length - t.length
  const folded = foldVi(t)
  let m = /^dieu\s+(\d{1,3})\s*[.:]\s*/.exec(folded)
  if (m) return { kind: 'article', label: m[1] ?? '', rank: 0, length: lead + m[0].length }
  m = /^([IVX]{1,6})\s*[.\-–)]\s*(?=\S)/.exec(t)
  if (m && m[1] && ROMAN.test(m[1]) && !/^[IVX]{1,6}\s*-\s*\d/.test(t)) {
    return { kind: 'roman', label: m[1], rank: 1, length: lead + m[0].length }
  }
  // OCR reads the I of a section numeral as l or | ("l. QUAN ĐIỂM", "lII. NHIỆM VỤ"): taken as
  // I only before a heading in capitals, the shape of a section title.
  m = /^([IVXl|]{1,6})\.\s*(?=\S)/.exec(t)
  const numeral = m?.[1]?.replace(/[l|]/g, 'I')
  if (m && numeral && /[l|]/.test(m[1] ?? '') && ROMAN.test(numeral) && isCapitalsHeading(t.slice(m[0].length))) {
    return { kind: 'roman', label: numeral, rank: 1, length: lead + m[0].length }
  }
  m = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{1,2}))?\.?\s+(?=\D)/.exec(t)
  if (m) {
    const label = [m[1], m[2], m[3]].filter((x) => x !== undefined).join('.')
    return { kind: 'subnumber', label, rank: m[3] === undefined ? 3 : 3.5, length: lead + m[0].length }
  }
  m = /^(\d{1,2})\s*[.)]\s+(?=\D)/.exec(t)
  if (m) return { kind: 'number', label: m[1] ?? '', rank: 2, length: lead + m[0].length }
  m = /^([a-zđ])\s*[)]\s*(?=\S)|^([a-zđ])\.\s+(?=\S)/.exec(t)
  if (m) return { kind: 'letter', label: m[1] ?? m[2] ?? '', rank: 4, length: lead + m[0].length }
  m = /^\+\s*(?=[^\s+])/.exec(t)
  if (m) return { kind: 'plus', label: '', rank: 6, length: lead + m[0].length }
  m = /^[-–—•·*]\s*(?=[^\s\-–—*])/.exec(t)
  if (m) return { kind: 'bullet', label: '', rank: 5, length: lead + m[0].length }
  return null
}

const FIELD_LABEL =
  /^(?:[-–+•]\s*)?(don\s+vi\s+(?:thuc\s+hien|chu\s+tri)|co\s+quan\s+(?:thuc\s+hien|chu\s+tri)|chu\s+tri|don\s+vi\s+phoi\s+hop|co\s+quan\s+phoi\s+hop|phoi\s+hop\s+thuc\s+hien|phoi\s+hop|thoi\s+gian(?:\s+thuc\s+hien|\s+hoan\s+thanh)?|thoi\s+han(?:\s+hoan\s+thanh)?|tien\s+do|ket\s+qua(?:\s+du\s+kien|\s+dau\s+ra)?|san\s+pham(?:\s+du\s+kien|\s+dau\s+ra)?)\s*:\s*/

export type FieldKind = 'lead' | 'coordinating' | 'timeframe' | 'result'

/** "- Đơn vị thực hiện: …" → the field and its value; null for any other paragraph. */
export function detectField(text: string): { field: FieldKind; value: string } | null {
  const folded = foldVi(text)
  const m = FIELD_LABEL.exec(folded)
  if (!m || m[1] === undefined) return null
  const label = m[1]
  const field: FieldKind = /phoi\s+hop/.test(label)
    ? 'coordinating'
    : /thoi\s+gian|thoi\s+han|tien\s+do/.test(label)
      ? 'timeframe'
      : /ket\s+qua|san\s+pham/.test(label)
        ? 'result'
        : 'lead'
  return { field, value: text.slice(m[0].length).trim() }
}

/** Lines that start a paragraph even without a list marker. */
function isStarter(folded: string): boolean {
  return (
    /^(?:[-–+•]\s*)?(can\s+cu|theo\s+de\s+nghi|noi\s+nhan|quyet\s+dinh\s*:|(?:trien\s+khai\s+)?thuc\s+hien\s+(?:ke\s+hoach|quyet\s+dinh|chuong\s+trinh|nghi\s+quyet|chi\s+thi|cong\s+van|cong\s+dien|van\s+ban|ket\s+luan)\s+so)/.test(
      folded,
    ) || FIELD_LABEL.test(folded)
  )
}

const PAGE_NUMBER = /^\s*(?:trang\s+\d{1,3}(?:\s*\/\s*\d{1,3})?|-\s*\d{1,3}\s*-)\s*$/

/**
 * Page furniture: page numbers, and a footer/header line repeated on every page ("Tài liệu này
 * thuộc sở hữu …") — three or more identical long unmarked lines.
 */
export function furnitureLines(lines: readonly Line[]): Set<number> {
  const counts = new Map<string, number[]>()
  const drop = new Set<number>()
  for (const l of lines) {
    const t = l.text.trim()
    if (PAGE_NUMBER.test(foldVi(t))) drop.add(l.no)
    if (t.length < 30 || t.includes('\t') || detectMarker(t) || isStarter(foldVi(t))) continue
    const key = foldVi(t).replace(/\s+/g, ' ')
    const seen = counts.get(key) ?? []
    seen.push(l.no)
    counts.set(key, seen)
  }
  for (const nos of counts.values()) if (nos.length >= 3) for (const n of nos) drop.add(n)
  return drop
}

export interface WrapInfo {
  wrapped: boolean
  width: number
}

/** Hard-wrapped text has nearly all lines under ~100 characters. */
export function wrapInfo(lines: readonly Line[]): WrapInfo {
  const lengths = lines
    .map((l) => l.text.trim())
    .filter((t) => t.length > 0 && !t.includes('\t'))
    .map((t) => t.length)
    .sort((a, b) => a - b)
  if (lengths.length < 8) return { wrapped: false, width: 0 }
  const p90 = lengths[Math.floor(lengths.length * 0.9)] ?? 0
  return { wrapped: p90 <= 100, width: p90 }
}

const LONE_MARKER = /^(?:\d{1,2}(?:\.\d{1,2}){0,2}\.?|[IVX]{1,6}\.|[a-zđ]\))$/

const FUNCTION_WORD_END =
  /(?:^|\s)(cua|va|ve|cac|nhung|trong|voi|cho|tai|la|de|theo|tu|den|tren|so|ngay|thang|nam|o|hoac|nham|khi|duoc|mot)$/

function isUpperStart(t: string): boolean {
  const c = t.charAt(0)
  return c !== c.toLowerCase() && c === c.toUpperCase()
}

/**
 * Paragraphs from lines, skipping `skip` (table rows, furniture). A non-marker line continues the
 * previous paragraph when it starts in lower case, or — in hard-wrapped text — when the previous
 * line ran to the wrap width (or ended mid-phrase) without closing its sentence.
 */
export function toParagraphs(lines: readonly Line[], skip: ReadonlySet<number>): Paragraph[] {
  const wrap = wrapInfo(lines.filter((l) => !skip.has(l.no)))
  const out: Paragraph[] = []
  let cur: { parts: string[]; line: number; lastLine: string } | null = null
  const flush = (): void => {
    if (!cur) return
    const text = cur.parts.join('').replace(/\s+/g, ' ').trim()
    if (text) out.push({ text, line: cur.line, marker: detectMarker(text) })
    cur = null
  }
  // "1." alone on its line (a PDF/Word export keeps the number apart): joined to the next line's text.
  let pending: { marker: string; line: number } | null = null
  for (const l of lines) {
    let t = l.text.trim()
    if (skip.has(l.no) || t === '') {
      if (!wrap.wrapped || skip.has(l.no)) flush()
      continue
    }
    if (LONE_MARKER.test(t)) {
      if (pending) t = `${pending.marker} ${t}`
      else {
        pending = { marker: t, line: l.no }
        continue
      }
    }
    const lone = pending
    pending = null
    if (lone) t = `${lone.marker} ${t}`
    const folded = foldVi(t)
    // Capitals that close a wrapped sentence ("… Kênh Zalo" / "OA."): its tail, not a heading,
    // which never ends in a full stop or comma.
    const capsTail =
      cur !== null &&
      wrap.wrapped &&
      /[.,;]$/.test(t) &&
      !isAllCaps(cur.lastLine) &&
      !/[.:!?;]["”)]?$/.test(cur.lastLine) &&
      cur.lastLine.length >= wrap.width * 0.8
    let startsNew = cur === null || detectMarker(t) !== null || isStarter(folded) || (isAllCaps(t) && !capsTail)
    if (!startsNew && cur) {
      const prev = cur.lastLine
      const prevFolded = foldVi(prev)
      if (isAllCaps(prev) || /^\*\*|\*\*$/.test(prev)) startsNew = true
      else if (isUpperStart(t)) {
        if (!wrap.wrapped || /[.:!?]["”)]?$/.test(prev)) startsNew = true
        else {
          // Wrapped: the line's first word would not have fitted after the previous one (with a
          // margin for proportional type). A heading's last line stops short of that.
          const firstWord = t.split(/\s/, 1)[0] ?? ''
          const full = prev.length + 1 + firstWord.length >= wrap.width * 0.8
          startsNew = !(full || FUNCTION_WORD_END.test(prevFolded) || /-$/.test(prev))
        }
      }
    }
    if (startsNew || !cur) {
      flush()
      cur = { parts: [t], line: lone?.line ?? l.no, lastLine: t }
    } else {
      const glue = /\S-$/.test(cur.lastLine) && /^[A-ZĐ0-9]/.test(t) ? '' : ' '
      cur.parts.push(glue, t)
      cur.lastLine = t
    }
  }
  flush()
  return out
}
