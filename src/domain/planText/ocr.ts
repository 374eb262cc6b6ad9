/**
 * Reading OCR output that a Vietnamese-unaware engine produced: "Cén cir Nghi dinh s6 55/2025/ND-CP",
 * "Don vj thwc hien", "Qb/TW". Keywords and structure words are matched approximately, with an edit
 * distance that charges little for OCR's usual confusions (ô/ó/ơ → o, 6, é; đ → d, ð, b; ư → w, u;
 * "của" → cua/cia/ciia/cta; "cứ" → cir/ctr; l/I/1; rn/m), and repaired in a copy of the text.
 * Only structure words are repaired; names, titles and numbers stay as the OCR read them. The
 * parser then reads the repaired copy and marks every field that differs from its reading of the
 * original as approximate ("cần kiểm tra"), so nothing read this way passes without review.
 */
import { foldVi } from './normalize'

// Substitutions OCR makes, as folded pairs (either direction), and their cost (a plain one costs 1).
const CHEAP_SUBS = new Map<number, number>()
function pairKey(a: string, b: string): number {
  return a.charCodeAt(0) * 65536 + b.charCodeAt(0)
}
for (const [a, b, cost] of [
  ['o', '6', 0.3],
  ['o', 'e', 0.35],
  ['o', 'b', 0.5],
  ['o', '0', 0.3],
  ['a', 'e', 0.4],
  ['a', 'o', 0.5],
  ['u', 'w', 0.3],
  ['u', 'i', 0.5],
  ['u', 't', 0.5],
  ['u', 'v', 0.4],
  ['d', 'b', 0.4],
  ['d', 'p', 0.5],
  ['l', 'i', 0.3],
  ['l', '1', 0.3],
  ['i', '1', 0.3],
  ['i', 'j', 0.3],
  ['c', 'e', 0.4],
  ['h', 'b', 0.5],
  ['n', 'r', 0.5],
  ['y', 'v', 0.4],
  ['e', 'c', 0.4],
  ['g', 'q', 0.5],
] as Array<[string, string, number]>) {
  CHEAP_SUBS.set(pairKey(a, b), cost)
  CHEAP_SUBS.set(pairKey(b, a), cost)
}
// Two characters read for one ("rn" for "m", "ir"/"tr"/"lr"/"ii" for "ư").
const SPLITS: Array<[string, string, number]> = [
  ['m', 'rn', 0.3],
  ['u', 'ir', 0.3],
  ['u', 'tr', 0.35],
  ['u', 'lr', 0.35],
  ['u', 'ii', 0.3],
  ['d', 'cl', 0.4],
]
const SPLIT_PAIRS = new Set(SPLITS.map(([, two]) => two))
// Stray marks OCR inserts (a split-off diacritic: "ă" → "ia").
const CHEAP_INSERT: Record<string, number> = { i: 0.5, "'": 0.3, '`': 0.3, '.': 0.5, ',': 0.5 }

/**
 * Edit distance from `read` (OCR text, folded) to `word` (a keyword, folded) with OCR costs.
 */
export function ocrDistance(read: string, word: string): number {
  const n = read.length
  const m = word.length
  // Three rolling rows: the split rule ("rn" → "m") looks two characters back.
  let back2: number[] = []
  let back1: number[] = Array.from({ length: m + 1 }, (_, j) => j)
  for (let i = 1; i <= n; i++) {
    const row: number[] = new Array<number>(m + 1)
    const rc = read.charAt(i - 1)
    const ins = CHEAP_INSERT[rc] ?? 1
    row[0] = (back1[0] ?? 0) + ins
    const pair = i >= 2 && SPLIT_PAIRS.has(read.slice(i - 2, i)) ? read.slice(i - 2, i) : ''
    for (let j = 1; j <= m; j++) {
      const wc = word.charAt(j - 1)
      const sub = rc === wc ? 0 : (CHEAP_SUBS.get(pairKey(wc, rc)) ?? 1)
      let best = Math.min((back1[j - 1] ?? 0) + sub, (back1[j] ?? 0) + ins, (row[j - 1] ?? 0) + 1)
      if (pair !== '') {
        for (const [one, two, cost] of SPLITS) {
          if (one === wc && two === pair) best = Math.min(best, (back2[j - 1] ?? 0) + cost)
        }
      }
      row[j] = best
    }
    back2 = back1
    back1 = row
  }
  return back1[m] ?? Number.POSITIVE_INFINITY
}

// The lexicon words within reach of a read word, with their distances. Remembered across runs
// (the same words recur in every plan); cleared when full so odd input cannot grow it without bound.
const nearMemo = new Map<string, Map<string, number>>()

function near(read: string): ReadonlyMap<string, number> {
  const hit = nearMemo.get(read)
  if (hit) return hit
  const found = new Map<string, number>()
  if (read.length <= 14) {
    for (const w of LEXICON) {
      if (Math.abs(w.length - read.length) > 2) continue
      // Each letter of the word that the read text lacks costs at least a cheap substitution.
      let missing = 0
      for (const c of w) if (!read.includes(c)) missing += 1
      const limit = wordLimit(w.length)
      if (missing * 0.3 > limit) continue
      const d = ocrDistance(read, w)
      if (d <= limit) found.set(w, d)
    }
  }
  if (nearMemo.size >= 20_000) nearMemo.clear()
  nearMemo.set(read, found)
  return found
}

/** How far a read word may be from a keyword of this length. */
function wordLimit(len: number): number {
  // Under 1 for short words: one plain substitution ("Sen" → "den", "thong" → "phong") is a
  // different word, not a misreading.
  if (len <= 3) return 0.6
  if (len === 4) return 0.8
  return 0.8 + 0.15 * (len - 5)
}

// Structure phrases of plan documents (folded). Longest first within the matcher.
const PHRASES: string[][] = [
  'trien khai thuc hien',
  'to chuc thuc hien',
  'don vi thuc hien',
  'don vi chu tri',
  'don vi phoi hop',
  'co quan chu tri',
  'co quan phoi hop',
  'thoi gian thuc hien',
  'thoi gian hoan thanh',
  'ket qua du kien',
  'san pham du kien',
  'cong thong tin dien tu',
  'trang thong tin dien tu',
  'uy ban nhan dan',
  'cong hoa xa hoi chu nghia viet nam',
  'doc lap tu do hanh phuc',
  'muc dich yeu cau',
  'can cu',
  'thuc hien',
  'ke hoach',
  'quyet dinh',
  'nghi quyet',
  'nghi dinh',
  'chi thi',
  'cong van',
  'cong dien',
  'thong tu',
  'thong bao',
  'chuong trinh',
  'van ban',
  'ket luan',
  'quy dinh',
  'quy che',
  'huong dan',
  'ban hanh',
  'xay dung',
  've viec',
  'chu tri',
  'phoi hop',
  'thoi gian',
  'thoi han',
  'ket qua',
  'thuong xuyen',
  'hang thang',
  'hang nam',
  'hang quy',
  'bao cao',
  'muc tieu',
  'nhiem vu',
  'giai phap',
  'noi dung',
  'noi nhan',
  'tin bai',
  'giai doan',
  'den nam',
  'tu ngay',
  'den ngay',
  'truoc ngay',
  'khoa hoc',
  'cong nghe',
  'chuyen doi so',
  'trung tam',
  'van phong',
].map((p) => p.split(' '))

// Words repaired on their own when what OCR made of them is no Vietnamese syllable at all.
const WORDS = [
  ...new Set([
    ...PHRASES.flat(),
    ...'so ngay thang nam cua cac va ve tai theo voi cho trong tren duoc nhung mot nay dia ban tinh huyen xa phuong bo phong quy tin bai video infographic anh hien tieu vu truyen thong nguoi dan doanh nghiep kenh bao chi dien tu mang xa hoi thuc day phat trien dong nam 2025'
      .split(' ')
      .filter((w) => /^[a-z]+$/.test(w)),
  ]),
].sort((a, b) => b.length - a.length)
const LEXICON = [...new Set([...PHRASES.flat(), ...WORDS])]
const WORD_SET = new Set(WORDS)
const GARBLES: Record<string, string> = { cia: 'cua', ciia: 'cua', cta: 'cua', ctia: 'cua' }
const MULTI_WORD = PHRASES.filter((p) => p.length >= 2)

// Vietnamese syllables (folded): onset, vowel group, final. A group ending in a glide takes no final.
const SYLLABLE =
  /^(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdghklmnpqrstvx])?(?:(?:uyu|uya|oai|oay|uay|uoi|uou|ieu|yeu|ai|ao|au|ay|eo|eu|ia|iu|oi|ui|uu|ua|ya)|(?:uye|uy|oa|oe|oo|ie|ye|uo|ue|ua|a|e|i|o|u|y)(?:ch|ng|nh|[cmnpt])?)$/

/** True when a folded lowercase word could be a Vietnamese syllable. */
export function isSyllable(folded: string): boolean {
  return SYLLABLE.test(folded)
}

export interface OcrRepair {
  line: number
  read: string
  as: string
}

interface Token {
  start: number
  end: number
  text: string
  folded: string
}

function tokens(line: string): Token[] {
  const out: Token[] = []
  const folded = foldVi(line)
  for (const m of line.matchAll(/[\p{L}\p{M}0-9]+/gu)) {
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      folded: folded.slice(m.index, m.index + m[0].length),
    })
  }
  return out
}

/** The keyword written in the case of what OCR read: "Cén" → "Can", "KÉ" → "KE". */
function inCaseOf(read: string, word: string): string {
  const letters = read.replace(/[^\p{L}]/gu, '')
  if (letters.length > 1 && letters === letters.toUpperCase()) return word.toUpperCase()
  const first = read.charAt(0)
  return first !== first.toLowerCase() ? word.charAt(0).toUpperCase() + word.slice(1) : word
}

const WORDLIKE = /^[a-z0-9]+$/

function repairLine(line: string, no: number, repairs: OcrRepair[]): string {
  const toks = tokens(line)
  const edits: Array<{ start: number; end: number; as: string }> = []
  let i = 0
  while (i < toks.length) {
    let matched = 0
    const head = toks[i]
    const headNear = head && WORDLIKE.test(head.folded) ? near(head.folded) : null
    for (const phrase of MULTI_WORD) {
      if (i + phrase.length > toks.length || !head || !headNear) continue
      if (head.folded !== phrase[0] && !headNear.has(phrase[0] ?? '')) continue
      let changed = false
      let ok = true
      for (let k = 0; k < phrase.length && ok; k++) {
        const t = toks[i + k]
        const w = phrase[k] ?? ''
        if (!t || !WORDLIKE.test(t.folded) || t.folded.length > w.length + 2) ok = false
        else if (t.folded !== w) {
          changed = true
          // "TW", "VA": an abbreviation or a heading word in capitals is not misread text.
          ok = !(t.text.length <= 3 && t.text === t.text.toUpperCase()) && near(t.folded).has(w)
        }
      }
      // A real syllable is changed only when the rest of the phrase is read exactly or is no syllable
      // at all: "Cén cir" → "Can cu", but "tin dài" is left alone when "dài" could be meant.
      if (ok && changed) {
        const off = phrase.map((w, k) => toks[i + k]?.folded !== w)
        if (phrase.filter((_, k) => off[k] && isSyllable(toks[i + k]?.folded ?? '')).length > 1) ok = false
      }
      // The words of a phrase must follow each other with only spaces between.
      for (let k = 1; k < phrase.length && ok; k++) {
        const a = toks[i + k - 1]
        const b = toks[i + k]
        if (a && b && !/^\s+$/.test(line.slice(a.end, b.start))) ok = false
      }
      if (!ok) continue
      if (changed) {
        for (let k = 0; k < phrase.length; k++) {
          const t = toks[i + k]
          const w = phrase[k] ?? ''
          if (t && t.folded !== w) edits.push({ start: t.start, end: t.end, as: inCaseOf(t.text, w) })
        }
      }
      matched = phrase.length
      break
    }
    if (matched > 0) {
      i += matched
      continue
    }
    const t = toks[i]
    i += 1
    if (!t) continue
    const next = toks[i]
    // "s6 55/2025", "Sé 03-KH": "số" before a number.
    if (/^(?:s6|sb|se|s0|s5|s\u00f4)$/.test(t.folded) && next && /^\d/.test(next.text) && t.text !== 'Sẽ') {
      if (t.folded !== 'so') edits.push({ start: t.start, end: t.end, as: inCaseOf(t.text, 'so') })
      continue
    }
    // "cia", "cta": shapes of "của" that look like syllables but are no Vietnamese word.
    const garble = GARBLES[t.folded]
    if (garble) {
      edits.push({ start: t.start, end: t.end, as: inCaseOf(t.text, garble) })
      continue
    }
    // "2O25", "l0/5": letters read for digits inside a number.
    if (/\d/.test(t.text) && /^[0-9OolI]+$/.test(t.text) && /[OolI]/.test(t.text) && /\d.*\d|\d{2}/.test(t.text)) {
      edits.push({ start: t.start, end: t.end, as: t.text.replace(/[Oo]/g, '0').replace(/[lI]/g, '1') })
      continue
    }
    if (!WORDLIKE.test(t.folded) || isSyllable(t.folded) || WORD_SET.has(t.folded) || /^\d+$/.test(t.folded)) continue
    // An all-capitals short word is an abbreviation ("KH", "TW"), not a misread word.
    if (t.text.length <= 5 && t.text === t.text.toUpperCase() && !/\d/.test(t.text)) continue
    let best: { w: string; d: number } | null = null
    for (const [w, d] of near(t.folded)) {
      if (WORD_SET.has(w) && (!best || d < best.d || (d === best.d && w.length > best.w.length))) best = { w, d }
    }
    if (best) edits.push({ start: t.start, end: t.end, as: inCaseOf(t.text, best.w) })
  }
  let out = line
  for (const e of edits.sort((a, b) => b.start - a.start)) {
    if (line.slice(e.start, e.end) === e.as) continue
    repairs.push({ line: no, read: line.slice(e.start, e.end), as: e.as })
    out = out.slice(0, e.start) + e.as + out.slice(e.end)
  }
  return fixCodes(out, no, repairs)
}

/** "Qb/TW", "QD-TTg", "Nb-CP" in a document code: the "Đ" OCR lost. */
function fixCodes(line: string, no: number, repairs: OcrRepair[]): string {
  return line.replace(/(?<=\d[-/]|[-/])([QN])[bDPð](?=[-/][A-Z]|$|\s|[,;.)])/g, (whole, letter: string) => {
    repairs.push({ line: no, read: whole, as: `${letter}Đ` })
    return `${letter}Đ`
  })
}

/**
 * Whether a text reads like OCR output: few syllables keep a diacritic, or many words are not
 * Vietnamese syllables at all. Clean text (and its tests) is left alone.
 */
export function looksLikeOcr(text: string): boolean {
  let words = 0
  let marked = 0
  let broken = 0
  // Table cells keep their <p> tags; tag names are not words of the text.
  for (const m of text.replace(/<[^<>\n]{0,200}>/g, ' ').matchAll(/[\p{L}\p{M}]+/gu)) {
    const w = m[0]
    if (w.length < 2 || w.length > 7 || w === w.toUpperCase()) continue
    const f = foldVi(w)
    // Only Latin words tell: other scripts and symbols are neither Vietnamese nor its OCR.
    if (!/^[a-z]+$/.test(f)) continue
    words += 1
    if (f !== w.toLowerCase()) marked += 1
    if (!isSyllable(f)) broken += 1
    if (words >= 4000) break
  }
  if (words < 20) return false
  return marked / words < 0.2 || broken / words > 0.06
}

/** The text with OCR-misread structure words repaired, and each repair made. */
export function repairOcr(text: string): { text: string; repairs: OcrRepair[] } {
  const repairs: OcrRepair[] = []
  const lines = text.split('\n').map((l, i) => repairLine(l, i + 1, repairs))
  return { text: lines.join('\n'), repairs }
}
