/**
 * Targets inside task and objective text:
 * - content: a quantity with a content-type word, then the channels ("20 tin bài trên Cổng TTĐT, …");
 * - indicator: a percentage ("ít nhất 80% người dân …");
 * - deliverable: a document named as the result ("Báo cáo thực hiện nhiệm vụ").
 * Matching runs on folded text (OCR-safe); what is returned is sliced from the original.
 */
import { resolveChannels } from './catalog'
import { cleanInline, foldVi } from './normalize'
import { periodWord } from './timeframe'
import type {
  CatalogEntry,
  ContentTargetDraft,
  ContentType,
  DeliverableTargetDraft,
  FormatMention,
  IndicatorTargetDraft,
  Period,
} from './types'

interface FormatWord {
  re: string
  type: ContentType
  /** Recognised without a quantity too ("tin" and "bài" alone are too common to be). */
  bare: boolean
}

// Longest first, so "video clip" wins over "video" and "tin bài" over "tin". Photos count with
// infographics (static visuals made by multimedia staff); audio, talk shows and reportage with video.
const FORMAT_WORDS: FormatWord[] = [
  { re: 'motion\\s+graphics?', type: 'video', bare: true },
  { re: 'do\\s+hoa\\s+chuyen\\s+dong', type: 'video', bare: true },
  { re: 'do\\s+hoa\\s+thong\\s+tin', type: 'infographic', bare: true },
  { re: 'infographics?', type: 'infographic', bare: true },
  { re: 'video\\s+clips?', type: 'video', bare: true },
  { re: 'videos?', type: 'video', bare: true },
  { re: 'clips?', type: 'video', bare: true },
  { re: 'phong\\s+su', type: 'video', bare: true },
  { re: 'podcasts?', type: 'video', bare: true },
  { re: 'toa\\s+dam', type: 'video', bare: true },
  { re: 'phim', type: 'video', bare: true },
  { re: 'tin\\s+bai', type: 'article', bare: true },
  { re: 'tin\\s*,\\s*bai', type: 'article', bare: true },
  { re: 'bai\\s+viet', type: 'article', bare: true },
  { re: 'bai\\s+bao', type: 'article', bare: true },
  { re: 'anh', type: 'infographic', bare: true },
  { re: 'tin', type: 'article', bare: false },
  { re: 'bai', type: 'article', bare: false },
]

const ANY_FORMAT = FORMAT_WORDS.map((f) => `(${f.re})`).join('|')

function formatOf(match: RegExpExecArray, offset: number): FormatWord | null {
  for (let i = 0; i < FORMAT_WORDS.length; i++) {
    if (match[offset + i] !== undefined) return FORMAT_WORDS[i] ?? null
  }
  return null
}

/** "ảnh" counts only as the noun: not "phản ánh", "hình ảnh", "ảnh hưởng", nor "anh" (brother). */
function isPhotoWord(original: string, foldedBefore: string, foldedAfter: string): boolean {
  if (!/^ảnh$/i.test(original) && !/^anh$/i.test(original)) return false
  if (/^anh$/i.test(original) && !/\d\s*$/.test(foldedBefore)) return false
  return !/(phan|hinh|chup)\s*$/.test(foldedBefore) && !/^\s*huong/.test(foldedAfter)
}

const QUANTITY = new RegExp(
  `(?<![\\w.,/%-])(\\d{1,5})\\s+(?:(?:san\\s+pham|so|ban|chuyen\\s+muc)\\s+)?(?:${ANY_FORMAT})(?![a-z0-9])`,
  'g',
)
const MORE_FORMAT = new RegExp(`^\\s*(?:,|va|hoac|\\/)\\s*(?:${ANY_FORMAT})(?![a-z0-9])`)
const PERIOD_AFTER = /^\s*(?:\/|moi|mot|hang|trong\s+moi)\s*(thang|quy|nam)(?![a-z])/
const CHANNEL_LEAD =
  /^[\s,]*(?:\([^)]{0,80}\)[\s,]*)?(?:(?:duoc\s+)?(?:dang\s+tai|dang\s+phat|dang|phat\s+song|phat|xuat\s+ban|dua)\s+)?(?:tren|tai|len|qua)\s+(?:(?:moi|tung)\s+kenh[\s:]*|cac\s+kenh\s*:\s*)?/

// Channels named after a short description ("12 video giới thiệu điểm đến trên Fanpage …"); only
// "trên"/"lên" here, as "tại" after a description is usually a place ("tại xã vùng cao").
const CHANNEL_LATER =
  /\s(?:(?:dang|phat|dang\s+tai)\s+)?(?:tren|len)\s+(?!dia\s+ban|toan\s+quoc|ca\s+nuoc|co\s+so\b)(?:(?:moi|tung)\s+kenh[\s:]*|cac\s+kenh\s*:\s*)?/

const PERIOD_FROM_WORD: Record<string, Period> = { thang: 'month', quy: 'quarter', nam: 'year' }

export interface TargetContext {
  channels?: readonly CatalogEntry[]
  deadline: string | null
  from: string | null
  year: number | null
}

/** Where a sentence ends after `from`: ". " / ";"-free end, a line break, or the text's end. */
function sentenceEnd(folded: string, from: number): number {
  const re = /\.(?=\s|$)|\n/g
  re.lastIndex = from
  const m = re.exec(folded)
  return m ? m.index : folded.length
}

export function contentTargets(text: string, ctx: TargetContext): ContentTargetDraft[] {
  const folded = foldVi(text)
  const out: ContentTargetDraft[] = []
  const sharedUntil: boolean[] = []
  const matches = [...folded.matchAll(QUANTITY)]
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k]
    if (!m) continue
    const first = formatOf(m, 2)
    if (!first) continue
    const wordStart = m.index + m[0].length - (m.slice(2).find((g) => g !== undefined)?.length ?? 0)
    const firstWord = text.slice(wordStart, m.index + m[0].length)
    if (first.re === 'anh' && !isPhotoWord(firstWord, folded.slice(0, wordStart), folded.slice(m.index + m[0].length)))
      continue
    const types: ContentType[] = [first.type]
    const words: string[] = [cleanInline(firstWord)]
    let pos = m.index + m[0].length
    for (let guard = 0; guard < 8; guard++) {
      const more = MORE_FORMAT.exec(folded.slice(pos))
      const f = more ? formatOf(more, 1) : null
      if (!more || !f) break
      const w = more.slice(1).find((g) => g !== undefined) ?? ''
      words.push(cleanInline(text.slice(pos + more[0].length - w.length, pos + more[0].length)))
      if (!types.includes(f.type)) types.push(f.type)
      pos += more[0].length
    }
    let period: Period | null = null
    const per = PERIOD_AFTER.exec(folded.slice(pos))
    if (per) {
      period = PERIOD_FROM_WORD[per[1] ?? ''] ?? null
      pos += per[0].length
    }
    const nextStart = matches[k + 1]?.index ?? folded.length
    const end = Math.min(sentenceEnd(folded, pos), nextStart)
    const segment = folded.slice(m.index, end)
    let channelsText = ''
    const lead =
      CHANNEL_LEAD.exec(folded.slice(pos, end)) ?? CHANNEL_LATER.exec(folded.slice(pos, Math.min(end, pos + 100)))
    if (lead) channelsText = text.slice(pos + lead.index + lead[0].length, end)
    // Trailing "mỗi tháng" / "(mỗi kênh)" qualify the quantity, they are not channel names.
    channelsText = channelsText
      .replace(/\([^)]*\)/g, ' ')
      .replace(/[\s,]*(?:mỗi|moi|hằng|hang|hàng)\s+(?:tháng|thang|quý|quy|năm|nam|kênh|kenh)\s*$/i, '')
    out.push({
      kind: 'content',
      quantity: Number(m[1]),
      types,
      words,
      channels: resolveChannels(channelsText, ctx.channels),
      mode: /(moi|tung)\s+kenh|\/\s*kenh|moi\s+trang/.test(segment) ? 'perChannel' : 'pooled',
      period: period ?? (/(moi|hang)\s+(thang|quy|nam)/.test(segment) ? periodWord(segment) : null),
      from: ctx.from,
      deadline: ctx.deadline,
      source: cleanInline(text.slice(m.index, end)),
    })
    sharedUntil.push(end === nextStart)
  }
  // "24 podcast, 10 phóng sự trên Đài …": the channels named once apply to each quantity before them.
  for (let k = out.length - 2; k >= 0; k--) {
    const cur = out[k]
    const next = out[k + 1]
    if (cur && next && cur.channels.length === 0 && sharedUntil[k]) cur.channels = next.channels
  }
  return out
}

const PERCENT =
  /(?:(?<![a-z])(it\s+nhat|toi\s+thieu|khong\s+duoi|tren|dat)\s+)?(?<![\d.,])(\d{1,3}(?:[.,]\d{1,2})?)\s*%/g

export function indicatorTargets(text: string, year: number | null): IndicatorTargetDraft[] {
  const folded = foldVi(text)
  const out: IndicatorTargetDraft[] = []
  for (const m of folded.matchAll(PERCENT)) {
    const value = Number((m[2] ?? '').replace(',', '.'))
    if (!Number.isFinite(value) || value > 100) continue
    const after = m.index + m[0].length
    const endRe = /[.;](?=\s|$)|\n|\s\d{1,3}(?:[.,]\d{1,2})?\s*%/g
    endRe.lastIndex = after
    const end = endRe.exec(folded)?.index ?? folded.length
    const description = cleanInline(text.slice(after, Math.min(end, after + 400)))
    out.push({
      kind: 'indicator',
      value,
      unit: '%',
      atLeast: m[1] !== undefined && m[1] !== 'dat',
      description,
      year,
      source: cleanInline(text.slice(m.index, Math.min(end, after + 400))),
    })
  }
  return out
}

const DELIVERABLE_START =
  /^(bao\s+cao|ke\s+hoach|de\s+an|du\s+thao|quyet\s+dinh|van\s+ban|tai\s+lieu|so\s+tay|cam\s+nang|bo\s+tieu\s+chi|huong\s+dan|ky\s+yeu|an\s+pham|cong\s+van)(?![a-z])/

/** A result cell/field naming documents → one deliverable per ";"/line-separated document. */
export function deliverableTargets(result: string, dueDate: string | null): DeliverableTargetDraft[] {
  const out: DeliverableTargetDraft[] = []
  for (const piece of result.split(/[;\n]/)) {
    const title = cleanInline(piece)
      .replace(/^[-–+•]\s*/, '')
      .replace(/[.,]+$/, '')
    const folded = foldVi(title)
    if (!DELIVERABLE_START.test(folded)) continue
    if ([...folded.matchAll(QUANTITY)].length > 0) continue
    out.push({ kind: 'deliverable', title, dueDate, source: cleanInline(piece) })
  }
  return out
}

/** Content formats named anywhere in the text, quantity or not ("tin bài, ảnh, infographic …"). */
export function formatMentions(text: string): FormatMention[] {
  const folded = foldVi(text)
  const re = new RegExp(`(?<![a-z0-9])(?:${ANY_FORMAT})(?![a-z0-9])`, 'g')
  const out: FormatMention[] = []
  const seen = new Set<string>()
  for (const m of folded.matchAll(re)) {
    const f = formatOf(m, 1)
    if (!f || !f.bare) continue
    const word = cleanInline(text.slice(m.index, m.index + m[0].length))
    if (f.re === 'anh' && !isPhotoWord(word, folded.slice(0, m.index), folded.slice(m.index + m[0].length))) continue
    const key = foldVi(word).replace(/\W+/g, ' ')
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ word, type: f.type })
  }
  return out
}
