/**
 * A degraded copy of a plan text, as OCR without a Vietnamese model makes it: diacritics stripped,
 * then some words mangled the way such OCR mangles them ("của" → "cia", "số" → "s6", "cứ" → "cir",
 * ô/ơ → "6"/"é", ư → "w", m → "rn", l → "I"/"1", "QĐ" → "Qb", 0 → "O" in numbers). Deterministic: the same
 * text and seed always give the same copy. Pure.
 */
import { normalizeVi } from '../planText/normalize'

/** mulberry32: a small seeded generator, enough for picking which words to mangle. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Strip diacritics, keeping case and every other character. */
export function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC')
}

// Whole-word garbles, keyed by the folded word (OCR of the accented original).
const WORD_GARBLES: Record<string, string[]> = {
  cua: ['cia', 'ciia', 'cta', 'cua'],
  so: ['s6', 'sb', 'sé'],
  cu: ['cir', 'ctr', 'clr'],
  can: ['Cén', 'Cian', 'can'],
  ke: ['Ké', 'ké', 'kc'],
  hoach: ['hoach', 'hoạeh', 'hoaeh'],
  ngay: ['ngáy', 'ngav'],
  thang: ['thamg', 'tháng'],
  nam: ['narn', 'nãm'],
  nhiem: ['nhiérn', 'nhicm'],
  thuc: ['thwc', 'thuc'],
  hien: ['hién', 'hicn'],
  don: ['d6n', 'ðon'],
  vi: ['vj', 'vi'],
  thoi: ['th6i', 'thòi'],
  gian: ['gian', 'gjan'],
}

// Letter-level confusions, applied to the original (accented) letter before stripping.
function mangleLetters(word: string, rnd: () => number): string {
  let out = ''
  for (const c of word) {
    const r = rnd()
    if (/[ôơóồốổỗộờớởỡợ]/i.test(c) && r < 0.5) out += r < 0.25 ? '6' : 'é'
    else if (/[ưừứửữự]/i.test(c) && r < 0.5) out += r < 0.25 ? 'w' : 'u'
    else if (c === 'đ' && r < 0.5) out += 'ð'
    else if (c === 'm' && r < 0.3) out += 'rn'
    else if (c === 'l' && r < 0.3) out += r < 0.15 ? 'I' : '1'
    else out += stripDiacritics(c)
  }
  return out
}

export interface DegradeOptions {
  seed: number
  /** Share of words mangled beyond losing their diacritics. */
  rate?: number
}

/** The degraded copy: every word loses its diacritics; about `rate` of them are mangled too. */
export function degradeText(text: string, opts: DegradeOptions): string {
  const rnd = seededRandom(opts.seed)
  const rate = opts.rate ?? 0.12
  return text.replace(/[\p{L}\p{M}\d/-]+/gu, (word) => {
    // Codes: "QĐ" → "Qb", a zero → "O" now and then; the rest only loses its diacritics.
    if (/\d/.test(word) || /^[\p{Lu}Đ/-]{2,}$/u.test(word)) {
      let w = word
      if (rnd() < rate) w = w.replace(/QĐ/g, 'Qb').replace(/NĐ/g, 'ND')
      if (rnd() < rate / 2) w = w.replace(/(?<=\d)0|0(?=\d)/, 'O')
      return stripDiacritics(w)
    }
    if (rnd() >= rate) return stripDiacritics(word)
    const garbles = WORD_GARBLES[normalizeVi(word)]
    if (garbles && garbles.length > 0) {
      const g = garbles[Math.floor(rnd() * garbles.length)] ?? word
      return word.charAt(0) === word.charAt(0).toUpperCase() ? g.charAt(0).toUpperCase() + g.slice(1) : g
    }
    return mangleLetters(word, rnd)
  })
}
