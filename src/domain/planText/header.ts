/**
 * The document header: number ("Số: 1169/QĐ-TTg"), place and date, title, issuing body, the
 * documents it is based on ("Căn cứ …", "Thực hiện …") and the plan period.
 */
import { findDates, isoDate } from './dates'
import { detectMarker, type Line, type Paragraph } from './lines'
import { cleanInline, findLoose, foldVi, isAllCaps, sentenceCase } from './normalize'
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
    const m = /^so\s*:\s*(.*)$/.exec(foldVi(t))
    if (!m) continue
    const rest = t.slice(t.length - (m[1] ?? '').length).trim()
    const code = findCode(rest)
    if (code && rest.indexOf(code) <= 2) return { code, blankSuffix: null, line: l.no }
    const blank = /^[\s.…_]*\/\s*(\S+)/.exec(rest)
    return { code: null, blankSuffix: blank?.[1] ?? (rest || null), line: l.no }
  }
  return { code: null, blankSuffix: null, line: null }
}

/** "Hà Nội, ngày 16 tháng 6 năm 2025" → date; a blank day ("ngày tháng năm 2025") gives only the year. */
export function issueDate(header: readonly Line[]): { iso: string | null; year: number | null } {
  for (const l of header) {
    const folded = foldVi(l.text.trim())
    if (!/^[^,]{1,40},\s*ngay(?![a-z])/.test(folded)) continue
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

/**
 * "…, Sở Khoa học và Công nghệ ban hành Kế hoạch …": where the issuing clause's subject starts
 * (after the last comma followed by a capital; commas inside a name are followed by lower case)
 * and where "ban hành" is.
 */
export function issuingClause(text: string): { subjectStart: number; verbIndex: number } | null {
  const m = /\sban\s+hanh\s+(?:kem\s+theo\s+)?(?:ke\s+hoach|chuong\s+trinh)/.exec(foldVi(text))
  if (!m) return null
  let subjectStart = 0
  for (const c of text.slice(0, m.index).matchAll(/[,;]\s+(?=\p{Lu})/gu)) subjectStart = c.index + c[0].length
  if (m.index - subjectStart > 200) return null
  return { subjectStart, verbIndex: m.index }
}

const HEADER_NOISE = /^(cong hoa xa hoi chu nghia viet nam|doc lap\s*-\s*tu do\s*-\s*hanh phuc|[-_=*\s]+)$/

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

/**
 * Title: the lines after the "KẾ HOẠCH" heading (the plan itself, also when a decision issues it),
 * else after "QUYẾT ĐỊNH". A title in capitals is replaced by its mixed-case copy from the body
 * when there is one ("Điều 1. Phê duyệt Chương trình …"), else sentence-cased.
 */
export function findTitle(
  lines: readonly Line[],
  fullText: string,
  wrapped: boolean,
): { title: string | null; line: number | null } {
  const headingAt = (re: RegExp): number =>
    lines.findIndex((l) => {
      const t = l.text.trim().replace(/\*/g, '')
      return isAllCaps(t) && re.test(foldVi(t))
    })
  let idx = headingAt(/^ke hoach\b/)
  let prefix = ''
  if (idx >= 0) {
    const heading = cleanInline((lines[idx]?.text ?? '').replace(/\*/g, ''))
    if (foldVi(heading) !== 'ke hoach') prefix = sentenceCase(heading)
  } else idx = headingAt(/^quyet dinh$/)
  if (idx < 0) return { title: null, line: null }
  const parts: string[] = []
  let line: number | null = null
  for (let i = idx + 1; i < lines.length && parts.length < 10; i++) {
    const l = lines[i]
    if (!l) break
    const t = l.text.trim()
    if (t === '') {
      if (parts.length > 0 && !wrapped) break
      continue
    }
    if (HEADER_NOISE.test(foldVi(t))) continue
    if (parts.length > 0 && isTitleStop(t)) break
    if (parts.length === 0 && isTitleStop(t) && !isAllCaps(t)) break
    line ??= l.no
    parts.push(t)
    if (isAllCaps(t) && parts.length === 1 && !wrapped) break
  }
  let body = cleanInline(parts.join(' ').replace(/(\S)-\s+(?=[A-ZĐ0-9])/g, '$1-'))
  if (body && isAllCaps(body)) body = mixedCaseCopy(fullText, body) ?? sentenceCase(body)
  const title = cleanInline([prefix, body].filter(Boolean).join(' '))
  return { title: title || null, line }
}

const AUTHORITY_PREFIX =
  /^(bo truong|thu truong|chu tich|pho chu tich|giam doc|pho giam doc|truong ban|vien truong|cuc truong|vu truong)\s+/

/**
 * Issuing body. In order: the authority line in capitals right before "Căn cứ" ("BỘ TRƯỞNG BỘ
 * KHOA HỌC VÀ CÔNG NGHỆ" → "Bộ Khoa học và Công nghệ", "THỦ TƯỚNG CHÍNH PHỦ"); the subject of
 * "… ban hành Kế hoạch"; "(Kèm theo … của X)".
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
  for (const p of paragraphs.slice(0, 60)) {
    const clause = issuingClause(p.text)
    if (!clause) continue
    const subject = cleanInline(p.text.slice(clause.subjectStart, clause.verbIndex))
    if (!subject || !/^\p{Lu}/u.test(subject) || subject.length > 160) continue
    if (/^(can\s+cu|thuc\s+hien|dieu\s+\d|theo\s|quyet\s+dinh|ban\s+hanh)/.test(foldVi(subject))) continue
    return subject
  }
  const m = /\(\s*kem\s+theo[^()]*?\s+cua\s+([^()]+)\)/.exec(foldVi(fullText))
  if (m && m[1] !== undefined) {
    const start = m.index + m[0].length - 1 - m[1].length
    const raw = cleanInline(fullText.slice(start, start + m[1].length))
    const f = foldVi(raw)
    return raw.slice(f.length - f.replace(AUTHORITY_PREFIX, '').length) || null
  }
  return null
}

const BASIS_START = /^(?:[-–+•]\s*)?(can\s+cu|thuc\s+hien)\s+/
const DOC_KIND =
  /^(luat|nghi\s+dinh|nghi\s+quyet|quyet\s+dinh|quy\s+dinh|quy\s+che(?:\s+lam\s+viec)?|ke\s+hoach|chuong\s+trinh|chi\s+thi|thong\s+tu|cong\s+van|thong\s+bao|huong\s+dan|ket\s+luan|de\s+an|hien\s+phap|van\s+ban|to\s+trinh)(?![a-z])/

/** The "Căn cứ …" / "Thực hiện …" paragraphs before the body starts. */
export function basisDocuments(paragraphs: readonly Paragraph[], referenceYear: number | null): BasisDocument[] {
  const out: BasisDocument[] = []
  for (const p of paragraphs) {
    if (p.marker && (p.marker.kind === 'roman' || p.marker.kind === 'article')) break
    const f = foldVi(p.text)
    const m = BASIS_START.exec(f)
    if (!m) continue
    const relation = m[1]?.startsWith('can') ? 'basedOn' : 'implements'
    let body = p.text.slice(m[0].length)
    if (relation === 'implements' && !DOC_KIND.test(foldVi(body))) continue
    const issuing = issuingClause(body)
    if (issuing && issuing.subjectStart > 0) body = body.slice(0, issuing.subjectStart)
    body = cleanInline(body).replace(/[\s;:,.]+$/, '')
    const kind = DOC_KIND.exec(foldVi(body))
    const date = findDates(body, referenceYear).find((d) => d.iso !== null)
    out.push({
      kind: kind ? body.slice(0, kind[0].length) : null,
      code: findCode(body),
      date: date?.iso ?? null,
      title: body,
      relation,
      line: p.line,
    })
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
