/**
 * The document header: number ("Số: 1169/QĐ-TTg"), place and date, title, issuing body, the
 * documents it is based on ("Căn cứ …", "Thực hiện …") and the plan period.
 */
import { findDates, isoDate } from './dates'
import { detectMarker, type Line, type Paragraph } from './lines'
import { cleanInline, findLoose, foldVi, isAllCaps, normalizeVi, sentenceCase } from './normalize'
import type { BasisDocument, PlanPeriod } from './types'

/** A Vietnamese document code: "1169/QĐ-TTg", "55/2025/NĐ-CP", "02-KH/BCĐTW", "41/TTr-BKHCN". */
export const CODE_RE = /(?<![\p{L}\d/])(\d{1,5}(?:\/\d{4})?[-/]\p{Lu}[\p{L}&]*(?:[-/]\p{Lu}[\p{L}&]*)*)/u

export function findCode(text: string): string | null {
  return CODE_RE.exec(text)?.[1] ?? null
}

/** Lines before the body starts (first "I."/"Điều 1."), where the header lives. */
export function headerLines(lines: readonly Line[]): Line[] {
  const out: Line[] = []
  for (const l of lines) {
    const m = detectMarker(l.text)
    if (m && (m.kind === 'roman' || m.kind === 'article')) break
    out.push(l)
    if (out.length >= 80) break
  }
  return out
}

export interface DocNumber {
  code: string | null
  blankSuffix: string | null
  line: number | null
}

/** "Số: 1169/QĐ-TTg" → code; "Số: /QĐ-BKHHCN" (number left blank) → blankSuffix "QĐ-BKHHCN". */
export function documentNumber(header: readonly Line[]): DocNumber {
  for (const l of header) {
    const t = l.text.trim()
    // "Số: 12/KH-UBND"; OCR often loses the colon ("Sé 03-KH/BCĐTW"), then a code must follow at once.
    const m = /^so\s*:\s*(.*)$/.exec(foldVi(t)) ?? /^so\s+(\d.*)$/.exec(foldVi(t))
    if (!m) continue
    const rest = t.slice(t.length - (m[1] ?? '').length).trim()
    if (!t.includes(':') && !findCode(rest)) continue
    const code = findCode(rest)
    if (code && rest.indexOf(code) <= 2) return { code, blankSuffix: null, line: l.no }
    const blank = /^[\s.…_]*\/\s*(\S+)/.exec(rest)
    return { code: null, blankSuffix: blank?.[1] ?? (rest || null), line: l.no }
  }
  return { code: null, blankSuffix: null, line: null }
}

const WEEKDAY = /^(?:thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s+nhat)\s*,/

/** "Hà Nội, ngày 16 tháng 6 năm 2025" → date; a blank day ("ngày tháng năm 2025") gives only the year. */
export function issueDate(header: readonly Line[]): { iso: string | null; year: number | null } {
  for (const l of header) {
    const folded = foldVi(l.text.trim())
    if (!/^[^,]{1,40},\s*ngay(?![a-z])/.test(folded)) continue
    // "Thứ hai, ngày 12 tháng 01 năm 2026": a web portal's publication date, not the place and date line.
    if (WEEKDAY.test(folded)) continue
    const date = findDates(l.text, null).find((d) => d.iso !== null)
    if (date?.iso) return { iso: date.iso, year: date.year }
    const y = /nam\s+(\d{4})/.exec(folded)
    return { iso: null, year: y ? Number(y[1]) : null }
  }
  return { iso: null, year: null }
}

function exactMixedCopy(fullText: string, caps: string): string | null {
  let from = 0
  for (let i = 0; i < 50; i++) {
    const found = findLoose(fullText, caps, from)
    if (!found) return null
    if (!isAllCaps(found.text)) return found.text
    from = found.index + 1
  }
  return null
}

function titleCaseWord(w: string): string {
  const lower = w.toLocaleLowerCase('vi')
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1)
}

/**
 * A capitals-only phrase in mixed case, copied from elsewhere in the text. When only a prefix has
 * a copy ("ỦY BAN NHÂN DÂN TỈNH" of "… TỈNH HOA SEN"), the rest is taken to be a proper name and
 * capitalised word by word.
 */
export function mixedCaseCopy(fullText: string, caps: string): string | null {
  const words = cleanInline(caps).split(' ')
  if (words.length > 80) return null
  const whole = exactMixedCopy(fullText, words.join(' '))
  if (whole) return whole
  // Prefixes only for short lines (authority lines); each try searches the whole text.
  if (words.length > 12) return null
  for (let k = words.length - 1; k >= Math.min(2, words.length); k--) {
    const copy = exactMixedCopy(fullText, words.slice(0, k).join(' '))
    if (copy) return [copy, ...words.slice(k).map(titleCaseWord)].join(' ')
  }
  return null
}

// A subject naming a document by its number is a citation ("Thực hiện Quyết định số 5/QĐ-UBND …").
const CITATION_IN_SUBJECT = /(?:^|\s)so\s+\d|^\s*(?:can\s+cu|thuc\s+hien|trien\s+khai)(?![a-z])/

/**
 * "…, Sở Khoa học và Công nghệ ban hành Kế hoạch …" / "Bộ Y tế xây dựng Kế hoạch …": where the
 * issuing clause's subject starts (after the last comma followed by a capital; commas inside a name
 * are followed by lower case), where the verb is and where the words after "Kế hoạch" start.
 * A verb inside a cited document's title ("Quyết định số 88/QĐ-TTg … về việc ban hành Kế hoạch …")
 * is skipped: its subject is a citation, not the body issuing this plan.
 */
export function issuingClause(text: string): { subjectStart: number; verbIndex: number; objectEnd: number } | null {
  const folded = foldVi(text)
  const verbs = /\s(?:ban\s+hanh|xay\s+dung)\s+(?:kem\s+theo\s+)?(?:ke\s+hoach|chuong\s+trinh)/g
  for (const m of folded.matchAll(verbs)) {
    let subjectStart = 0
    for (const c of text.slice(0, m.index).matchAll(/[,;]\s+(?=\p{Lu})/gu)) subjectStart = c.index + c[0].length
    if (m.index - subjectStart > 200) continue
    const subject = folded.slice(subjectStart, m.index)
    if (/(?:^|\s)(?:ve\s+viec|ve|viec|cua|nham)$/.test(subject.trim())) continue
    if (CITATION_IN_SUBJECT.test(subject)) continue
    return { subjectStart, verbIndex: m.index, objectEnd: m.index + m[0].length }
  }
  return null
}

const HEADER_NOISE = /^(cong hoa xa hoi chu nghia viet nam|doc lap\s*-\s*tu do\s*-\s*hanh phuc|[-_=*|\s]+)$/

/** A line naming who issues or signs ("THỦ TƯỚNG CHÍNH PHỦ", "ỦY BAN NHÂN DÂN TỈNH …"), not a title's next line. */
const AUTHORITY_LINE =
  /^(?:bo\s+truong|thu\s+truong|thu\s+tuong|chu\s+tich|pho\s+chu\s+tich|giam\s+doc|truong\s+ban|uy\s+ban\s+nhan\s+dan|ubnd|hoi\s+dong\s+nhan\s+dan|quyet\s+dinh\s*:?$)(?![a-z])/

// "Triển khai thực hiện …"/"Thực hiện …" with a capital: the preamble after the title, not its next line.
const PREAMBLE_START = /^(?:trien\s+khai|thuc\s+hien|can\s+cu|de\s+trien\s+khai)(?![a-z])/

function isTitleStop(t: string): boolean {
  const f = foldVi(t)
  return (
    t === '' ||
    t.startsWith('(') ||
    detectMarker(t) !== null ||
    isAllCaps(t) ||
    /^(can\s+cu|thuc\s+hien\s+\S+\s+\S+\s+so|theo\s+de\s+nghi|so\s*:|kinh\s+gui)/.test(f)
  )
}

/** Markdown image and table residue a web page or PDF converter leaves on a line ("![]() |"). */
export function stripResidue(t: string): string {
  return t
    .replace(/!\[[^\]\n]*\]\([^)\n]*\)/g, ' ')
    .replace(/(?:^|\s)\|(?=\s|$)/g, ' ')
    .trim()
}

/**
 * Title: the lines after the "KẾ HOẠCH" heading (the plan itself, also when a decision issues it),
 * else after "QUYẾT ĐỊNH". A title in capitals is replaced by its mixed-case copy from the body
 * when there is one ("Điều 1. Phê duyệt Chương trình …"), else sentence-cased. A title in capitals
 * goes on over the next capitals lines ("… TRÊN ĐỊA / BÀN TỈNH …") until a line naming an authority.
 */
export function findTitle(
  lines: readonly Line[],
  fullText: string,
  wrapped: boolean,
): { title: string | null; line: number | null } {
  const headingAt = (re: RegExp): number =>
    lines.findIndex((l) => {
      const t = stripResidue(l.text).replace(/\*/g, '')
      return isAllCaps(t) && re.test(foldVi(t))
    })
  let idx = headingAt(/^ke hoach\b/)
  let prefix = ''
  if (idx >= 0) {
    const heading = cleanInline(stripResidue(lines[idx]?.text ?? '').replace(/\*/g, ''))
    if (foldVi(heading) !== 'ke hoach') prefix = sentenceCase(heading)
  } else idx = headingAt(/^quyet dinh$/)
  if (idx < 0) return { title: null, line: null }
  const parts: string[] = []
  let line: number | null = null
  for (let i = idx + 1; i < lines.length && parts.length < 10; i++) {
    const l = lines[i]
    if (!l) break
    const t = stripResidue(l.text)
    const capsSoFar = parts.length > 0 && parts.every(isAllCaps)
    if (t === '') {
      if (parts.length > 0 && !wrapped && !capsSoFar) break
      continue
    }
    const f = foldVi(t)
    if (HEADER_NOISE.test(f)) continue
    if (capsSoFar) {
      // After a capitals line only another capitals line, not an authority, continues the title.
      if (!isAllCaps(t) || detectMarker(t) !== null || AUTHORITY_LINE.test(f)) break
    } else {
      if (parts.length > 0 && isTitleStop(t)) break
      if (parts.length > 0 && /^\p{Lu}/u.test(t) && PREAMBLE_START.test(f)) break
      if (parts.length === 0 && isTitleStop(t) && !isAllCaps(t)) break
    }
    line ??= l.no
    parts.push(t)
  }
  let body = cleanInline(parts.join(' ').replace(/(\S)-\s+(?=[A-ZĐ0-9])/g, '$1-'))
  if (body && isAllCaps(body)) body = mixedCaseCopy(fullText, body) ?? sentenceCase(body)
  // A lone quote or comma after the last word is a speck read by OCR ("… năm 2026 „"), not text.
  const title = cleanInline([prefix, body].filter(Boolean).join(' ')).replace(/\s+[„“”"'‘’,.;:]+$/u, '')
  return { title: title || null, line }
}

const AUTHORITY_PREFIX =
  /^(bo truong|thu truong|chu tich|pho chu tich|giam doc|pho giam doc|truong ban|vien truong|cuc truong|vu truong)\s+/

// The first words of an issuing body's name in the header's left column.
const BODY_START =
  /^(?:bo|uy\s+ban|ubnd|so|phong|ban|tinh\s+uy|huyen\s+uy|thanh\s+uy|dang\s+uy|hoi\s+dong|van\s+phong|cuc|vu|tong\s+cuc|trung\s+tam|thu\s+tuong|chinh\s+phu|dai|vien|mat\s+tran|cong\s+an|tinh|huyen|thanh\s+pho|quan|thi\s+xa|xa|phuong)(?![a-z])/
// A body under a parent named on the line above ("UBND TỈNH X / SỞ Y TẾ"): the plan's issuer is the lower one.
const SUBORDINATE_START = /^(?:so|phong|ban|van\s+phong|cuc|vu|trung\s+tam|tong\s+cuc)(?![a-z])/

/**
 * The issuing body as the header's left column names it in capitals ("BỘ Y TẾ", "ỦY BAN NHÂN DÂN /
 * TỈNH HOA SEN", "UBND HUYỆN X / PHÒNG VĂN HÓA VÀ THÔNG TIN"), before the "KẾ HOẠCH" heading.
 */
export function headerBody(header: readonly Line[], fullText: string): string | null {
  const names: string[] = []
  for (const l of header) {
    // Two columns on one line ("BỘ Y TẾ<tab>CỘNG HÒA …"): the body is the left one.
    const t = cleanInline(stripResidue(l.text.split(/\t| {3,}/)[0] ?? '').replace(/\*/g, ''))
    if (t === '') continue
    const f = foldVi(t)
    if (HEADER_NOISE.test(f)) continue
    if (/^(ke\s+hoach|quyet\s+dinh|chuong\s+trinh)(?![a-z])/.test(f)) break
    if (!isAllCaps(t) || !/^[\p{Lu}\s\-–&,.]+$/u.test(t)) {
      if (names.length > 0) break
      continue
    }
    if (names.length === 0 && !BODY_START.test(f)) continue
    names.push(t)
    if (names.length >= 3) break
  }
  if (names.length === 0) return null
  const last = names[names.length - 1] ?? ''
  const caps = names.length > 1 && SUBORDINATE_START.test(foldVi(last)) ? last : names.join(' ')
  return mixedCaseCopy(fullText, caps) ?? sentenceCase(caps)
}

/**
 * Issuing body. In order: the authority line in capitals right before "Căn cứ" ("BỘ TRƯỞNG BỘ
 * KHOA HỌC VÀ CÔNG NGHỆ" → "Bộ Khoa học và Công nghệ", "THỦ TƯỚNG CHÍNH PHỦ"); the subject of
 * "… ban hành Kế hoạch"/"… xây dựng Kế hoạch" (the header's fuller name when it starts the same
 * way); the header's body name; "(Kèm theo … của X)".
 */
export function findIssuer(header: readonly Line[], paragraphs: readonly Paragraph[], fullText: string): string | null {
  const firstBasis = header.findIndex((l) => /^(?:[-–]\s*)?can\s+cu/.test(foldVi(l.text.trim())))
  if (firstBasis > 0) {
    for (let i = firstBasis - 1; i >= 0 && i >= firstBasis - 4; i--) {
      const t = cleanInline((header[i]?.text ?? '').replace(/\*/g, ''))
      if (t === '') continue
      if (!isAllCaps(t) || /^(quyet dinh|ke hoach)/.test(foldVi(t))) break
      const body = t.slice(foldVi(t).length - foldVi(t).replace(AUTHORITY_PREFIX, '').length)
      return mixedCaseCopy(fullText, body) ?? sentenceCase(body)
    }
  }
  const named = headerBody(header, fullText)
  for (const p of paragraphs.slice(0, 60)) {
    const clause = issuingClause(p.text)
    if (!clause) continue
    const subject = cleanInline(p.text.slice(clause.subjectStart, clause.verbIndex))
    if (!subject || !/^\p{Lu}/u.test(subject) || subject.length > 160) continue
    if (/^(can\s+cu|thuc\s+hien|dieu\s+\d|theo\s|quyet\s+dinh|ban\s+hanh)/.test(foldVi(subject))) continue
    return named && normalizeVi(named).startsWith(normalizeVi(subject)) ? named : subject
  }
  if (named) return named
  const m = /\(\s*kem\s+theo[^()]*?\s+cua\s+([^()]+)\)/.exec(foldVi(fullText))
  if (m && m[1] !== undefined) {
    const start = m.index + m[0].length - 1 - m[1].length
    const raw = cleanInline(fullText.slice(start, start + m[1].length))
    const f = foldVi(raw)
    return raw.slice(f.length - f.replace(AUTHORITY_PREFIX, '').length) || null
  }
  return null
}

/** "…, Ủy ban nhân dân tỉnh ban hành Kế hoạch số 20/KH-UBND …": the plan's number given only in prose. */
export function proseNumber(paragraphs: readonly Paragraph[]): { code: string; line: number } | null {
  for (const p of paragraphs.slice(0, 60)) {
    if (p.marker && (p.marker.kind === 'roman' || p.marker.kind === 'article')) break
    const clause = issuingClause(p.text)
    if (!clause) continue
    const after = p.text.slice(clause.objectEnd)
    const m = /^\s+so\s*:?\s*/.exec(foldVi(after))
    const code = m ? findCode(after.slice(m[0].length, m[0].length + 40)) : null
    if (
      code &&
      after
        .slice(m?.[0].length ?? 0)
        .trimStart()
        .startsWith(code)
    )
      return { code, line: p.line }
  }
  return null
}

const BASIS_START = /^(?:[-–+•]\s*)?(can\s+cu|(?:trien\s+khai\s+)?thuc\s+hien|trien\s+khai)\s+/
const KINDS =
  'luat|nghi\\s+dinh|nghi\\s+quyet|quyet\\s+dinh|quy\\s+dinh|quy\\s+che(?:\\s+lam\\s+viec)?|ke\\s+hoach|chuong\\s+trinh|chi\\s+thi|thong\\s+tu|cong\\s+van|cong\\s+dien|thong\\s+bao|huong\\s+dan|ket\\s+luan|de\\s+an|hien\\s+phap|van\\s+ban|to\\s+trinh'
const DOC_KIND = new RegExp(`^(${KINDS})(?![a-z])`)
// "…; Kế hoạch số 45/KH-UBND …", ", và Văn bản số …": the next document of a list in one sentence.
const NUMBERED_DOC = new RegExp(`^(?:${KINDS})\\s+so\\s*:?\\s*\\d`)
const NEXT_DOC = new RegExp(`[;,]\\s*(?:va\\s+)?(?=(?:${KINDS})\\s+so\\s*:?\\s*\\d)`, 'g')

/** "A; B và C" → the documents of one "Thực hiện …" sentence, each as written. */
function splitDocuments(body: string): string[] {
  const folded = foldVi(body)
  const cuts = [0]
  for (const m of folded.matchAll(NEXT_DOC)) cuts.push(m.index, m.index + m[0].length)
  cuts.push(body.length)
  const out: string[] = []
  for (let i = 0; i + 1 < cuts.length; i += 2) out.push(body.slice(cuts[i], cuts[i + 1]))
  return out
}

/** The "Căn cứ …" / "Thực hiện …" / "Triển khai thực hiện …" paragraphs before the body starts. */
export function basisDocuments(
  paragraphs: readonly Paragraph[],
  referenceYear: number | null,
  titleLine: number | null = null,
): BasisDocument[] {
  const out: BasisDocument[] = []
  for (const p of paragraphs) {
    if (p.marker && (p.marker.kind === 'roman' || p.marker.kind === 'article')) break
    // A title may itself start "Triển khai thực hiện Chương trình …": it names what the plan does.
    if (p.line === titleLine) continue
    const f = foldVi(p.text)
    const m = BASIS_START.exec(f)
    if (!m) continue
    const relation = m[1]?.startsWith('can') ? 'basedOn' : 'implements'
    let body = p.text.slice(m[0].length)
    if (relation === 'implements' && !DOC_KIND.test(foldVi(body))) continue
    // "Triển khai …" reads as a basis only with a numbered document ("Triển khai thực hiện Quyết định số …").
    if (m[1]?.startsWith('trien') && !NUMBERED_DOC.test(foldVi(body))) continue
    const issuing = issuingClause(body)
    if (issuing && issuing.subjectStart > 0) body = body.slice(0, issuing.subjectStart)
    for (const piece of splitDocuments(body)) {
      const text = cleanInline(piece).replace(/[\s;:,.]+$/, '')
      if (text === '') continue
      const kind = DOC_KIND.exec(foldVi(text))
      const date = findDates(text, referenceYear).find((d) => d.iso !== null)
      out.push({
        kind: kind ? text.slice(0, kind[0].length) : null,
        code: findCode(text),
        date: date?.iso ?? null,
        title: text,
        relation,
        line: p.line,
      })
    }
  }
  return out
}

/** The plan this one carries out: a "Thực hiện …" basis, else "thực hiện Kế hoạch số X" in the title. */
export function implementsCode(title: string | null, basis: readonly BasisDocument[]): string | null {
  const impl = basis.find((b) => b.relation === 'implements' && b.code)
  if (impl?.code) return impl.code
  if (!title) return null
  const f = foldVi(title)
  const m = /thuc\s+hien\s+(?:ke\s+hoach|chuong\s+trinh|nghi\s+quyet|quyet\s+dinh|chi\s+thi|ket\s+luan)\s+so\s+/.exec(f)
  return m ? findCode(title.slice(m.index + m[0].length)) : null
}

/**
 * The plan period, most explicit first: "từ ngày 01/7/2025 đến hết ngày 31/12/2025" anywhere; then
 * the title ("… giai đoạn 2025 - 2030", "… năm 2025", "… đến năm 2030" which leaves `from` unknown);
 * then "giai đoạn 2025 - 2030" in the body. `text` should not include the "Căn cứ" paragraphs,
 * whose periods belong to other documents.
 */
export function findPeriod(title: string | null, text: string, referenceYear: number | null): PlanPeriod | null {
  const folded = foldVi(text)
  const range =
    /tu\s+ngay\s+([^,;]{3,40}?)\s+den\s+(?:het\s+)?ngay\s+([\d/.\-\s]{3,12}\d|\d{1,2}\s+thang\s+\d{1,2}(?:\s+nam\s+\d{4})?)/.exec(
      folded,
    )
  if (range) {
    const src = text.slice(range.index, range.index + range[0].length)
    const dates = findDates(src.replace(/^(từ|tu)\s+(ngày|ngay)\s+/i, ''), referenceYear)
    const from = dates[0]?.iso ?? null
    const to = dates[dates.length - 1]?.iso ?? null
    if (from || to) return { from, to: to ?? from, source: cleanInline(src) }
  }
  const stageIn = (t: string): PlanPeriod | null => {
    const m = /giai\s+doan\s+(\d{4})\s*(?:-|–|den)\s*(\d{4})/.exec(foldVi(t))
    if (!m) return null
    return {
      from: isoDate(Number(m[1]), 1, 1),
      to: isoDate(Number(m[2]), 12, 31),
      source: cleanInline(t.slice(m.index, m.index + m[0].length)),
    }
  }
  if (title) {
    const ft = foldVi(title)
    const stage = stageIn(title)
    if (stage) return stage
    const until = /(?:den|toi)\s+nam\s+(\d{4})/.exec(ft)
    // "năm 2025" on its own (not the year of a date "tháng 6 năm 2025", not "đến năm 2030").
    const year = /(?<!thang\s+\d{1,2}\s+|den\s+|toi\s+)(?:trong\s+)?nam\s+(\d{4})(?!\d)/.exec(ft)
    if (year && (!until || year.index < until.index)) {
      const y = Number(year[1])
      return {
        from: isoDate(y, 1, 1),
        to: isoDate(y, 12, 31),
        source: cleanInline(title.slice(year.index, year.index + year[0].length)),
      }
    }
    if (until) {
      return {
        from: null,
        to: isoDate(Number(until[1]), 12, 31),
        source: cleanInline(title.slice(until.index, until.index + until[0].length)),
      }
    }
  }
  return stageIn(text)
}
