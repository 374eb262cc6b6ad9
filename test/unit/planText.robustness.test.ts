/**
 * Property: parsePlanText never throws, never hits its internal safety net, and always returns a
 * well-formed draft — on random strings and on mutated plan texts (cut, shuffled, OCR-damaged).
 * A seeded generator keeps failures reproducible: the failing seed/case is in the message.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { normalizeVi, parsePlanText } from '../../src/domain/planText'
import type { PlanDraft } from '../../src/domain/planText'
import { rng } from '../helpers/rng'

const PIECES = [
  'I. ',
  'II- ',
  '1. ',
  '1.1. ',
  'a) ',
  'đ) ',
  '- ',
  '+ ',
  '\t',
  '\n',
  '\n\n',
  ' ',
  '<p>',
  '</p>',
  '<br>',
  '&amp;',
  '&#99999999;',
  'Số: ',
  '/QĐ-',
  '1169/QĐ-TTg',
  '30/8/2025',
  '31/2/2025',
  '20/6',
  'ngày 19 tháng 6 năm 2025',
  'ngày tháng năm',
  '30-8-2025',
  'Quý IV/2025',
  'tháng 13/2025',
  'Thường xuyên',
  'Thuong xuyen',
  'Hoàn thành năm 2026',
  'Nhiệm vụ thường xuyên.',
  '20 tin bài trên ',
  'Cổng TTĐT, ',
  'mỗi kênh: ',
  '02 video/tháng',
  '100%',
  'ít nhất 80% ',
  '999%',
  'Báo cáo thực hiện nhiệm vụ',
  'STT\tNội dung\tĐơn vị thực hiện\tThời gian\tKết quả\n',
  '\t\t\t\n',
  '--\t---\t--\n',
  'KẾ HOẠCH\n',
  'QUYẾT ĐỊNH\n',
  'Căn cứ Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025; ',
  'Thực hiện Kế hoạch số 58/KH-UBND, ',
  'Sở X ban hành Kế hoạch ',
  '- Đơn vị thực hiện: ',
  '- Đơn vị phối hợp: ',
  '- Thời gian thực hiện: ',
  'chủ trì, phối hợp với ',
  ':',
  ';',
  ',',
  '.',
  './.',
  'Ngày Chuyển đổi số quốc gia (10/10)',
  '(1/3)',
  'định kỳ vào ngày 20 hàng tháng gửi báo cáo ',
  'trước ngày 20/6 và 20/12 ',
  '\u00d0',
  '\u0300',
  '\u0323',
  '\ud83d',
  '\ude00',
  '\ud83d\ude00',
  '\u0000',
  '\r',
  '\r\n',
  '\u00a0',
  '\u200b',
  'İ',
  'ﬁ',
  '**',
  'Tài liệu này thuộc sở hữu của các cơ quan Đảng.\n',
  'trên 4 kênh chính',
  'tọa đàm',
  'ảnh',
  'phản ánh',
  '57-\nNQ/TW',
]

function randomText(r: () => number): string {
  const n = Math.floor(r() * 120)
  let s = ''
  for (let i = 0; i < n; i++) {
    if (r() < 0.7) s += PIECES[Math.floor(r() * PIECES.length)] ?? ''
    else s += String.fromCharCode(Math.floor(r() * 0x3000))
  }
  return s
}

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/planText')
const SEEDS = path.resolve(import.meta.dirname, '../../../shared/seeds')
const corpus: string[] = [
  ...readdirSync(FIXTURES).map((f) => readFileSync(path.join(FIXTURES, f), 'utf8')),
  ...(existsSync(SEEDS)
    ? readdirSync(SEEDS)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => readFileSync(path.join(SEEDS, f), 'utf8'))
    : []),
]

function mutate(text: string, r: () => number): string {
  let lines = text.split('\n')
  const ops = 1 + Math.floor(r() * 6)
  for (let k = 0; k < ops; k++) {
    const i = Math.floor(r() * lines.length)
    const op = Math.floor(r() * 9)
    if (op === 0)
      lines = lines.slice(0, i) // cut the text short
    else if (op === 1)
      lines.splice(i, Math.floor(r() * 5)) // lose a block
    else if (op === 2)
      lines.splice(i, 0, ...lines.slice(Math.max(0, i - 3), i)) // duplicate lines
    else if (op === 3)
      lines = lines.map((l) => (r() < 0.5 ? normalizeVi(l) : l)) // OCR lost diacritics
    else if (op === 4)
      lines = lines.map((l) => (r() < 0.2 ? l.replace(/ /g, '\t') : l)) // stray tabs
    else if (op === 5) lines = lines.map((l) => (r() < 0.3 ? l.toUpperCase() : l))
    else if (op === 6) lines[i] = (lines[i] ?? '').slice(0, Math.floor(r() * 40)) + randomText(r).slice(0, 30)
    else if (op === 7) lines = lines.map((l) => l.replace(/Đ/g, '\u00d0').replace(/ế/g, 'é'))
    else lines.sort(() => r() - 0.5)
  }
  return lines.join(r() < 0.5 ? '\n' : '\r\n')
}

const ISO = /^\d{4}-\d{2}-\d{2}$/

function checkShape(d: PlanDraft, label: string): void {
  expect(
    d.warnings.filter((w) => w.kind === 'internalError'),
    label,
  ).toEqual([])
  for (const key of [
    'basis',
    'reporting',
    'keyDays',
    'themes',
    'objectives',
    'taskGroups',
    'tasks',
    'warnings',
  ] as const) {
    expect(Array.isArray(d[key]), `${label}: ${key}`).toBe(true)
  }
  const dates = [
    d.issueDate,
    d.period?.from ?? null,
    d.period?.to ?? null,
    ...d.basis.map((b) => b.date),
    ...d.tasks.flatMap((t) => [
      t.timeframe?.kind === 'deadline' ? t.timeframe.date : null,
      ...t.targets.map((x) => (x.kind === 'content' ? x.deadline : x.kind === 'deliverable' ? x.dueDate : null)),
    ]),
  ]
  for (const v of dates) if (v !== null) expect(v, label).toMatch(ISO)
  for (const t of d.tasks) {
    expect(typeof t.code, label).toBe('string')
    for (const x of t.targets) {
      if (x.kind === 'content') expect(x.quantity, label).toBeGreaterThanOrEqual(0)
      if (x.kind === 'indicator') expect(x.value, label).toBeLessThanOrEqual(100)
    }
  }
  for (const k of d.keyDays) expect(k.month >= 1 && k.month <= 12 && k.day >= 1 && k.day <= 31, label).toBe(true)
}

describe('parsePlanText robustness', () => {
  it('never throws on random strings', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const text = randomText(rng(seed))
      checkShape(parsePlanText(text), `random seed ${seed}`)
    }
    // Random Latin letters read like OCR output, which is parsed twice (as written and repaired):
    // a busy CI machine needs more than the default 5 s for 300 of them.
  }, 30_000)

  it('never throws on mutated plan texts', () => {
    for (let seed = 1; seed <= 120; seed++) {
      const r = rng(seed * 7919)
      const base = corpus[seed % corpus.length] ?? ''
      checkShape(parsePlanText(mutate(base, r), { referenceYear: 2025 }), `mutation seed ${seed}`)
    }
    // A loop of 120 parses: correctness, not speed, is under test; a busy CI machine needs room.
  }, 60_000)

  it('never throws on every prefix cut of a fixture', () => {
    const text = readFileSync(path.join(FIXTURES, 'appendix-table.txt'), 'utf8')
    for (let cut = 0; cut <= text.length; cut += 37) checkShape(parsePlanText(text.slice(0, cut)), `cut at ${cut}`)
  })

  it('tolerates odd option values and non-string input at runtime', () => {
    // Callers in plain JS (or a form posting nothing) can pass anything; the contract still holds.
    const loose = parsePlanText as (text: unknown, opts?: unknown) => PlanDraft
    checkShape(loose(undefined), 'undefined')
    checkShape(loose(null, null), 'null')
    checkShape(loose(12345, { channels: [], units: [], referenceYear: Number.NaN }), 'number')
  })

  // No timed assertions here (speed claims belong in bench/): the test timeout only stops a
  // catastrophic (exponential) regex backtrack from hanging the suite.
  it('finishes on pathological shapes with capped warnings', () => {
    const shapes: Record<string, string> = {
      manyBullets: '- a\n'.repeat(15000),
      oneHugeSentence: 'báo cáo trước ngày 20/6 và '.repeat(5000),
      longCapsLine: `BỘ TRƯỞNG ${'BỘ KHOA HỌC '.repeat(10000)}\nCăn cứ Luật X;\n`,
      bigTable: `STT\tNội dung\tĐơn vị\tThời gian\tKết quả\n${'1\ta\tb\t30/8/2025\t20 tin bài trên Cổng\n'.repeat(2000)}`,
      garbageTable: `STT\tNội dung\tĐơn vị\tThời gian\tKết quả\n${`${'\t'.repeat(50)}\n`.repeat(500)}`,
      blankRuns: `a) 20 tin bài trên${' '.repeat(20000)}mỗi kênh${'\t'.repeat(20000)}: Cổng${' \n'.repeat(5000)}* * KT.${' '.repeat(9000)}Nhiệm vụ thường xuyên${' '.repeat(20000)}.`,
    }
    for (const [name, text] of Object.entries(shapes)) {
      const d = parsePlanText(text)
      checkShape(d, name)
      // Hundreds of identical notes are capped, with a count.
      expect(d.warnings.length, name).toBeLessThan(60)
    }
  }, 120_000)

  it('parses a long document (the corpus four times over)', () => {
    checkShape(parsePlanText(corpus.join('\n').repeat(4)), 'big')
  }, 120_000)
})
