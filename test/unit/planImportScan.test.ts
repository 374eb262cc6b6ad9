/**
 * The pure side of reading scans for import (issue 25): each line of the plan text keeps the page
 * and box it was read from (pdfLayout.ts, Tesseract's TSV via ocrTsv.ts), each field of the draft
 * gets the box of its line(s) (fieldBoxes.ts), and the state of an import record, including one
 * left behind by a stopped server (scanImport.ts).
 */
import { describe, expect, it } from 'vitest'
import { draftFromText, reviewFromText, type ImportCatalog } from '../../src/domain/planImport'
import { fieldBoxes, lineContaining, lineStarting, spanBox, unionLineBox } from '../../src/domain/planImport/fieldBoxes'
import { tsvToPages } from '../../src/domain/planImport/ocrTsv'
import { pdfPagesToPlanLayout, type LineBox, type PdfTextRun } from '../../src/domain/planImport/pdfLayout'
import {
  errorToStore,
  QUEUED_HEARTBEAT_MS,
  scanImportCutoff,
  scanImportState,
  STALE_GRACE_MS,
  storedError,
} from '../../src/domain/planImport/scanImport'

const CATALOG: ImportCatalog = { units: [], channels: [], plans: [] }
/** An A4 page in points. */
const A4 = { width: 595, height: 842 }
const run = (text: string, x: number, y: number): PdfTextRun => ({ text, x, y, width: text.length * 5.5, size: 11 })
const close = (box: LineBox | null | undefined, want: Partial<LineBox>) => {
  expect(box).not.toBeNull()
  for (const [k, v] of Object.entries(want)) expect(box?.[k as keyof LineBox], k).toBeCloseTo(v as number, 3)
}

describe('plan text lines keep their page and box', () => {
  it('gives each body line its box as fractions of its page, and null to blank lines', () => {
    const layout = pdfPagesToPlanLayout([
      { ...A4, runs: [run('KẾ HOẠCH', 59.5, 84.2), run('Căn cứ Kế hoạch số 1/KH-X;', 59.5, 168.4)] },
      { ...A4, runs: [run('I. MỤC ĐÍCH', 59.5, 84.2)] },
    ])
    expect(layout.text).toBe('KẾ HOẠCH\nCăn cứ Kế hoạch số 1/KH-X;\nI. MỤC ĐÍCH')
    expect(layout.boxes).toHaveLength(3)
    // x from the run's left, top one font size above the baseline, bottom a fifth below.
    close(layout.boxes[0], { page: 0, x: 0.1, y: (84.2 - 11) / 842, w: (8 * 5.5) / 595, h: 13.2 / 842 })
    close(layout.boxes[1], { page: 0, x: 0.1, y: (168.4 - 11) / 842 })
    close(layout.boxes[2], { page: 1, x: 0.1, y: (84.2 - 11) / 842 })
    // A paragraph gap gives a blank line, which has no box.
    const gapped = pdfPagesToPlanLayout([
      { ...A4, runs: [run('A b', 72, 100), run('C d', 72, 113), run('E f', 72, 126), run('G h', 72, 200)] },
    ])
    expect(gapped.text).toBe('A b\nC d\nE f\n\nG h')
    expect(gapped.boxes.map((b) => b === null)).toEqual([false, false, false, true, false])
  })

  it('a table row gets the box of all its visual lines', () => {
    const runs = [
      run('STT', 72, 100),
      run('Nội dung', 100, 100),
      run('Đơn vị', 220, 100),
      run('Thời gian', 320, 100),
      run('1', 72, 133),
      run('Giới thiệu bản đồ', 100, 133),
      run('Phòng Quản lý', 220, 133),
      run('30/6/2026', 320, 133),
      run('du lịch số.', 100, 146),
      run('2', 72, 179),
      run('Sản xuất video.', 100, 179),
      run('Quý III/2026', 320, 179),
    ]
    const layout = pdfPagesToPlanLayout([{ ...A4, runs }])
    const lines = layout.text.split('\n')
    expect(lines[1]).toBe('1\tGiới thiệu bản đồ du lịch số.\tPhòng Quản lý\t30/6/2026')
    // Row 1 runs from the top of its first line (133 - 11) to below its second (146 + 2.2).
    close(layout.boxes[1], { page: 0, x: 72 / 595, y: 122 / 842, h: (148.2 - 122) / 842 })
    close(layout.boxes[2], { y: 168 / 842 })
  })

  it('without the page size there are no boxes (a text PDF), and the text is the same', () => {
    const layout = pdfPagesToPlanLayout([{ runs: [run('KẾ HOẠCH', 72, 84)] }])
    expect(layout).toEqual({ text: 'KẾ HOẠCH', boxes: [null] })
  })

  it("takes the page's size and each word's line height from Tesseract's TSV", () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t',
      '4\t1\t1\t1\t1\t0\t248\t351\t900\t50\t-1\t',
      '5\t1\t1\t1\t1\t1\t248\t360\t200\t40\t96\tTrung',
      '5\t1\t1\t1\t1\t2\t468\t351\t100\t30\t96\ttâm',
    ].join('\n')
    const pages = tsvToPages(tsv, 300)
    expect(pages[0]?.width).toBeCloseTo(595.2, 6)
    expect(pages[0]?.height).toBeCloseTo(841.92, 6)
    const layout = pdfPagesToPlanLayout(pages)
    expect(layout.text).toBe('Trung tâm')
    // The line's box: its left at 248 px of 2480, from the top to the bottom of the line (351–401 of 3508).
    close(layout.boxes[0], { page: 0, x: 0.1, y: 0.1, h: 50 / 3508 })
  })
})

describe('fields of the draft → their boxes', () => {
  const text = [
    'ỦY BAN NHÂN DÂN TỈNH HOA MAI',
    'Số: 45/KH-UBND',
    'Hoa Mai, ngày 20 tháng 01 năm 2026',
    'KẾ HOẠCH',
    'Truyền thông chuyển đổi số trên địa',
    'bàn tỉnh năm 2026',
    'Căn cứ Kế hoạch số 02-KH/BCĐTW ngày 10/01/2025 của Ban Chỉ đạo;',
    'I. NHIỆM VỤ',
    '1. Sản xuất 10 tin bài trên Cổng TTĐT tỉnh.',
    '- Thời gian thực hiện: 30/6/2026.',
    'II. TỔ CHỨC THỰC HIỆN',
    'Các đơn vị báo cáo vào ngày 25 hằng tháng.',
  ].join('\n')
  /** Line n (1-based) at y = 0.05 n of page 0; lines 9 and on are on page 1. */
  const boxes: LineBox[] = text
    .split('\n')
    .map((_, i) => ({ page: i >= 8 ? 1 : 0, x: 0.1, y: 0.05 * (i + 1), w: 0.5 + i / 100, h: 0.02 }))
  const draft = draftFromText(text, CATALOG)

  it('maps each header field, basis document and task to its line, a wrapped title to both lines', () => {
    // The parser gives the wrapped title no line; its first line is found by its words.
    expect(draft.plan.lines).toMatchObject({ code: 2, issueDate: 3, title: null })
    const b = fieldBoxes(draft, text, boxes)
    expect(b.plan.code).toEqual(boxes[1])
    expect(b.plan.issueDate).toEqual(boxes[2])
    // "KẾ HOẠCH / Truyền thông … trên địa / bàn tỉnh năm 2026": the title's lines as one box.
    close(b.plan.title, { page: 0, y: 0.05 * 5, h: 0.05 + 0.02 })
    expect(b.plan.period).toEqual(boxes[4])
    expect(b.plan.issuer).toEqual(boxes[0])
    expect(b.basisDocuments).toEqual([boxes[6]])
    expect(b.plan.monthlyDay).toEqual(boxes[11])
    expect(b.tasks).toHaveLength(1)
    expect(b.tasks[0]).toMatchObject({ page: 1, y: 0.05 * 9 })
  })

  it('finds the first line of a value assembled over wrapped lines', () => {
    const lines = text.split('\n')
    expect(lineStarting(lines, 'Truyền thông chuyển đổi số trên địa bàn tỉnh năm 2026')).toBe(5)
    expect(lineStarting(lines, 'Không có trong văn bản')).toBeNull()
    expect(lineStarting(lines, null)).toBeNull()
    expect(lineContaining(['Sé 45/KH-UBND', 'x'], '45/KH-UBND')).toBe(1)
    expect(lineContaining(lines, '99/KH-X')).toBeNull()
  })

  it('leaves out what has no line or no box (an edited field, a text upload)', () => {
    const b = fieldBoxes(draft, text, [])
    expect(b.plan).toEqual({ code: null, issuer: null, issueDate: null, title: null, period: null, monthlyDay: null })
    expect(b.tasks).toEqual([null])
    expect(spanBox(boxes, text.split('\n'), null, 'x')).toBeNull()
  })

  it('never joins boxes across pages, and a union covers both boxes', () => {
    const a: LineBox = { page: 0, x: 0.1, y: 0.1, w: 0.2, h: 0.02 }
    expect(unionLineBox(a, { ...a, page: 1, y: 0.5 })).toEqual(a)
    close(unionLineBox(a, { page: 0, x: 0.05, y: 0.13, w: 0.1, h: 0.02 }), { x: 0.05, y: 0.1, w: 0.25, h: 0.05 })
    // The wrapped line "bàn tỉnh năm 2026" is on page 0, the next task line on page 1: not joined.
    const lines = text.split('\n')
    expect(spanBox(boxes, lines, 8, 'Sản xuất 10 tin bài trên Cổng TTĐT tỉnh. I NHIỆM VỤ')?.page).toBe(0)
  })

  it('reports the fields read only after repairing OCR-misread words', () => {
    const ocr = text.replace('Số: 45/KH-UBND', 'Sé 45/KH-UBND').replace('Căn cứ Kế hoạch số', 'Cén cir Ke hoach s6')
    const { approximate } = reviewFromText(ocr.normalize('NFD').replace(/[\u0300-\u036f]/g, ''), CATALOG)
    expect(approximate.fields).toContain('basis')
    expect(reviewFromText(text, CATALOG).approximate).toEqual({ fields: [], tasks: [] })
  })
})

describe('the state of a scan import', () => {
  const at = Date.parse('2026-12-03T06:00:00Z')
  const iso = (msAgo: number) => new Date(at - msAgo).toISOString()
  const record = (status: string, updatedMsAgo: number, extra: Record<string, unknown> = {}) => ({
    status,
    pagesDone: 1,
    pagesTotal: 3,
    createdAt: iso(updatedMsAgo + 1000),
    updatedAt: iso(updatedMsAgo),
    ...extra,
  })

  it('reports progress as stored while the job is alive', () => {
    expect(scanImportState(record('running', 5_000), at, 120_000)).toEqual({
      status: 'running',
      pagesDone: 1,
      pagesTotal: 3,
      error: null,
    })
    expect(scanImportState(record('done', 5_000), at, 120_000).status).toBe('done')
  })

  it('a job silent past its time limit died with its server: failed, "upload again"', () => {
    const dead = scanImportState(record('running', 120_000 + STALE_GRACE_MS + 1), at, 120_000)
    expect(dead).toMatchObject({
      status: 'failed',
      error: { status: 503, field: 'file', message: { key: 'scanInterrupted' } },
    })
    // A waiting job touches its record every 30 s: silent for two of those and the grace, it is lost.
    const lost = 2 * QUEUED_HEARTBEAT_MS + STALE_GRACE_MS
    expect(scanImportState(record('queued', lost + 1), at, 600_000).status).toBe('failed')
    expect(scanImportState(record('queued', lost - 1), at, 600_000).status).toBe('queued')
  })

  it('a failed job gives back its stored error; an unreadable one is a server error', () => {
    const stored = errorToStore({ status: 422, field: 'file', message: { key: 'scanTimeout', vars: { seconds: 120 } } })
    expect(stored).toEqual({ status: 422, field: 'file', key: 'scanTimeout', vars: { seconds: 120 } })
    expect(scanImportState(record('failed', 0, { error: stored }), at, 120_000).error).toEqual({
      status: 422,
      field: 'file',
      message: { key: 'scanTimeout', vars: { seconds: 120 } },
    })
    expect(storedError('nonsense')).toBeNull()
    expect(scanImportState(record('failed', 0, { error: { status: 'x' } }), at, 120_000).error).toEqual({
      status: 500,
      field: 'file',
      message: { key: 'scanFailed' },
    })
    expect(scanImportState(record('bogus', 0), at, 120_000).status).toBe('failed')
  })
})

describe('how long a scan import is kept', () => {
  it('until the start of the day 30 days before the prune run, in the plan time zone', () => {
    expect(scanImportCutoff('2026-12-03', 'Asia/Ho_Chi_Minh').toISOString()).toBe('2026-11-02T17:00:00.000Z')
    expect(scanImportCutoff('2026-03-01', 'Asia/Ho_Chi_Minh', 1).toISOString()).toBe('2026-02-27T17:00:00.000Z')
  })
  it('refuses a retention that is not a whole number of days', () => {
    expect(() => scanImportCutoff('2026-12-03', 'Asia/Ho_Chi_Minh', 0)).toThrow(RangeError)
    expect(() => scanImportCutoff('2026-12-03', 'Asia/Ho_Chi_Minh', 1.5)).toThrow(/whole number of days/)
  })
})
