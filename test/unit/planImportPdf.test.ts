/**
 * PDF → plan text: the layout rules on hand-placed runs, Tesseract's TSV, and the real PDF reader
 * (unpdf) on PDFs made here: the committed du-lich-so.pdf (LibreOffice's print of our own fixture
 * text, see test/fixtures/planImport/makePdf.ts), encrypted.pdf (a one-page pdf-lib document
 * encrypted by `qpdf --encrypt user-pw owner-pw 256`), and pdf-lib documents built in the test.
 * OCR itself (Tesseract, poppler) is covered by test/int/planImportPdf.test.ts.
 */
import { readFileSync } from 'node:fs'
import { crc32, deflateSync } from 'node:zlib'
import path from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { afterEach, describe, expect, it } from 'vitest'
import { draftFromText, type ImportCatalog } from '../../src/domain/planImport'
import { tsvToPages } from '../../src/domain/planImport/ocrTsv'
import { pdfPagesToPlanText, type PdfTextRun } from '../../src/domain/planImport/pdfLayout'
import { PlanSourceError } from '../../src/plugin/import/planSourceError'
import { pdfToPlanText } from '../../src/plugin/import/readPdf'
import { planTextFromFile } from '../../src/plugin/import/readPlanSource'

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/planImport')
const CATALOG: ImportCatalog = { units: [], channels: [], plans: [] }

/** A run of `text` at (x, y) in 11-pt type, ~5.5 pt a character. */
const run = (text: string, x: number, y: number): PdfTextRun => ({ text, x, y, width: text.length * 5.5, size: 11 })

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])))
  return Buffer.concat([length, Buffer.from(type), data, crc])
}

async function refusal(p: Promise<unknown>): Promise<{ status: number; key: string; vars?: unknown }> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(PlanSourceError)
  const e = err as PlanSourceError
  return { status: e.status, key: e.problem.key, ...(e.problem.vars ? { vars: e.problem.vars } : {}) }
}

describe('positioned runs → plan text', () => {
  it('keeps reading order, drops page numbers, marks a paragraph gap with a blank line', () => {
    const text = pdfPagesToPlanText([
      {
        runs: [
          run('Truyền thông', 72, 100),
          run('KẾ HOẠCH', 72, 86),
          run('năm 2026', 72 + 13 * 5.5, 100),
          run('Căn cứ Kế hoạch số 1/KH-X;', 72, 140),
          run('2', 300, 800),
        ],
      },
      { runs: [run('I. MỤC ĐÍCH', 72, 72)] },
    ])
    expect(text).toBe('KẾ HOẠCH\nTruyền thông năm 2026\n\nCăn cứ Kế hoạch số 1/KH-X;\nI. MỤC ĐÍCH')
  })

  it('rebuilds a table: wrapped cells joined, bullets as <p>, rows by number and by gap', () => {
    // Columns at x = 72 (STT), 100 (content, to ~210), 220 (unit), 320 (deadline); leading 13,
    // a row gap of 20. Row 3 has no number: only the gap starts it.
    const runs = [
      run('STT', 72, 100),
      run('Nội dung', 100, 100),
      run('Đơn vị chủ', 220, 100),
      run('Thời gian', 320, 100),
      run('trì', 220, 113),
      run('1', 72, 133),
      run('- Giới thiệu bản đồ', 100, 133),
      run('Phòng Quản lý', 220, 133),
      run('30/6/2026', 320, 133),
      run('du lịch số.', 100, 146),
      run('du lịch', 220, 146),
      run('- Hướng dẫn.', 100, 159),
      run('2', 72, 179),
      run('Sản xuất video.', 100, 179),
      run('Quý III/2026', 320, 179),
      run('Đăng infographic.', 100, 199),
      run('Thường xuyên', 320, 199),
      run('Nơi nhận:', 72, 240),
    ]
    expect(pdfPagesToPlanText([{ runs }]).split('\n')).toEqual([
      'STT\tNội dung\tĐơn vị chủ trì\tThời gian',
      '1\t<p>- Giới thiệu bản đồ du lịch số.</p> <p>- Hướng dẫn.</p>\tPhòng Quản lý du lịch\t30/6/2026',
      '2\tSản xuất video.\t\tQuý III/2026',
      '\tĐăng infographic.\t\tThường xuyên',
      '',
      'Nơi nhận:',
    ])
  })

  it("keeps a cell's wrapped lines one paragraph when OCR read a table rule as characters", () => {
    // OCR gives a run per word, and reads a rule as "______": that run must not widen the unit
    // column, or each wrapped line would look as if it had fitted after the one before, a new
    // paragraph.
    const runs = [
      run('STT', 72, 100),
      run('Nội dung', 100, 100),
      run('Đơn vị', 220, 100),
      run('Thời gian', 340, 100),
      run('1', 72, 120),
      run('Đăng', 100, 120),
      run('tin.', 130, 120),
      run('Trung', 220, 120),
      run('tâm', 255, 120),
      run('30/6/2026', 340, 120),
      run('truyền', 220, 133),
      run('thông', 260, 133),
      run('______', 286, 150),
    ]
    expect(pdfPagesToPlanText([{ runs }]).split('\n')[1]).toBe('1\tĐăng tin.\tTrung tâm truyền thông\t30/6/2026')
  })

  it('joins the lines of paragraphs set with a first-line indent, and starts one at each indent', () => {
    // Margin 72, first lines indented 1 cm (28 pt), 11-pt type, leading 13: "2. …" wraps over two
    // lines, its second line nearly full; "Bộ Giáo dục…" opens the next paragraph by its indent alone.
    const lines: Array<[string, number]> = [
      ['2. Tăng cường các hoạt động truyền thông nâng cao nhận thức', 100],
      ['về vai trò của khoa học tại các cơ sở giáo dục, đào tạo, bồi dưỡng', 72],
      ['Bộ Giáo dục và Đào tạo chủ trì tổ chức thực hiện các nhiệm', 100],
      ['vụ sau đây, với sự phối hợp của các bộ, ngành và địa phương:', 72],
      ['a) Xây dựng kế hoạch truyền thông về khoa học, công nghệ một', 100],
      ['cách chủ động, thường xuyên, có hệ thống. Hoàn thành năm 2025.', 72],
      ['b) Tổ chức các cuộc thi tìm hiểu về chuyển đổi số trong học', 100],
      ['sinh, sinh viên. Nhiệm vụ thường xuyên.', 72],
    ]
    const text = pdfPagesToPlanText([{ runs: lines.map(([t, x], i) => run(t, x, 100 + 13 * i)) }])
    expect(text.split('\n')).toEqual([
      '2. Tăng cường các hoạt động truyền thông nâng cao nhận thức về vai trò của khoa học tại các cơ sở giáo dục, đào tạo, bồi dưỡng',
      'Bộ Giáo dục và Đào tạo chủ trì tổ chức thực hiện các nhiệm vụ sau đây, với sự phối hợp của các bộ, ngành và địa phương:',
      'a) Xây dựng kế hoạch truyền thông về khoa học, công nghệ một cách chủ động, thường xuyên, có hệ thống. Hoàn thành năm 2025.',
      'b) Tổ chức các cuộc thi tìm hiểu về chuyển đổi số trong học sinh, sinh viên. Nhiệm vụ thường xuyên.',
    ])
    // Without indents (every line at the margin) the lines stay as they are, for lines.ts to join.
    const flat = pdfPagesToPlanText([{ runs: lines.map(([t], i) => run(t, 72, 100 + 13 * i)) }])
    expect(flat.split('\n')).toHaveLength(8)
  })

  it("places Tesseract's words by their line's box, leaving out table rules read as characters", () => {
    const header = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext'
    const tsv = [
      header,
      '4\t1\t1\t1\t1\t0\t300\t300\t900\t50\t-1\t',
      '5\t1\t1\t1\t1\t1\t300\t310\t200\t40\t96\tTrung',
      '5\t1\t1\t1\t1\t2\t520\t300\t100\t30\t96\ttâm',
      '5\t1\t1\t1\t1\t3\t700\t300\t10\t50\t40\t|',
    ].join('\n')
    const [page] = tsvToPages(tsv, 300)
    expect(page?.runs.map((r) => [r.text, r.x, r.y])).toEqual([
      ['Trung', 72, 84],
      ['tâm', 124.8, 84],
    ])
  })
})

describe('a PDF with a text layer', { timeout: 30_000 }, () => {
  it('reads the fixture PDF into the same draft as its text (line numbers aside)', async () => {
    const fromPdf = draftFromText(await pdfToPlanText(readFileSync(path.join(FIXTURES, 'du-lich-so.pdf'))), CATALOG)
    const fromTxt = draftFromText(readFileSync(path.join(FIXTURES, 'du-lich-so.txt'), 'utf8'), CATALOG)
    const withoutLines = (d: unknown) => JSON.parse(JSON.stringify(d, (k, v: unknown) => (/lines?$/i.test(k) ? 0 : v)))
    expect(fromPdf.tasks).toHaveLength(4)
    expect(withoutLines({ plan: fromPdf.plan, tasks: fromPdf.tasks })).toEqual(
      withoutLines({ plan: fromTxt.plan, tasks: fromTxt.tasks }),
    )
  })

  it('is chosen by the .pdf extension', async () => {
    const text = await planTextFromFile('KE-HOACH.PDF', readFileSync(path.join(FIXTURES, 'du-lich-so.pdf')))
    expect(text).toContain('Số: 45/KH-SVHDL')
  })
})

describe('a PDF or image that cannot be read: a PlanSourceError on `file`, before any OCR', { timeout: 30_000 }, () => {
  const ocrPath = process.env.OCR_PATH
  afterEach(() => {
    if (ocrPath === undefined) delete process.env.OCR_PATH
    else process.env.OCR_PATH = ocrPath
  })

  it('not a PDF, a damaged one, an encrypted one, one without pages: 400', async () => {
    expect(await refusal(pdfToPlanText(Buffer.from('KẾ HOẠCH')))).toMatchObject({ status: 400, key: 'pdfInvalid' })
    const good = readFileSync(path.join(FIXTURES, 'du-lich-so.pdf'))
    expect(await refusal(pdfToPlanText(good.subarray(0, 900)))).toMatchObject({ status: 400, key: 'pdfUnreadable' })
    const encrypted = readFileSync(path.join(FIXTURES, 'encrypted.pdf'))
    expect(await refusal(pdfToPlanText(encrypted))).toEqual({ status: 400, key: 'pdfEncrypted' })
    // pdf-lib adds a blank page to an empty document unless told not to.
    const empty = Buffer.from(await (await PDFDocument.create()).save({ addDefaultPage: false }))
    expect(await refusal(pdfToPlanText(empty))).toMatchObject({ status: 400, key: 'pdfNoPages' })
  })

  it('a 500-page scan: 413 naming the page limit, refused before any OCR program is looked for', async () => {
    // With no OCR programs reachable, any attempt at OCR would answer 503 instead.
    process.env.OCR_PATH = ''
    const doc = await PDFDocument.create()
    for (let i = 0; i < 500; i++) doc.addPage([595, 842])
    const res = await refusal(pdfToPlanText(Buffer.from(await doc.save())))
    expect(res).toEqual({ status: 413, key: 'pdfTooManyPages', vars: { pages: 500, max: 300 } })
    const eleven = await PDFDocument.create()
    for (let i = 0; i < 11; i++) eleven.addPage([595, 842])
    expect(await refusal(pdfToPlanText(Buffer.from(await eleven.save())))).toEqual({
      status: 413,
      key: 'scanTooManyPages',
      vars: { pages: 11, max: 10 },
    })
  })

  it('a page that would rasterise to a bomb, and an image that decodes to one: 413', async () => {
    process.env.OCR_PATH = ''
    const doc = await PDFDocument.create()
    doc.addPage([14_400, 14_400]) // 200 × 200 inches: 3.7 billion pixels at 300 dpi
    expect(await refusal(pdfToPlanText(Buffer.from(await doc.save())))).toMatchObject({
      status: 413,
      key: 'scanPageTooLarge',
    })
    // A 74-byte PNG of 100 000 × 100 000 pixels (1 bit each, a few rows of zeros): refused from
    // its header, never decoded.
    const ihdr = Buffer.alloc(13)
    ihdr.writeUInt32BE(100_000, 0)
    ihdr.writeUInt32BE(100_000, 4)
    ihdr.set([1, 0, 0, 0, 0], 8)
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', ihdr),
      pngChunk('IDAT', deflateSync(Buffer.alloc(1000))),
      pngChunk('IEND', Buffer.alloc(0)),
    ])
    expect(await refusal(planTextFromFile('scan.png', png))).toMatchObject({
      status: 413,
      key: 'scanPageTooLarge',
      vars: { mp: 10_000 },
    })
  })

  it('a scan when the OCR programs are missing: 503 naming the Debian packages', async () => {
    process.env.OCR_PATH = ''
    const doc = await PDFDocument.create()
    doc.addPage([595, 842])
    expect(await refusal(pdfToPlanText(Buffer.from(await doc.save())))).toEqual({
      status: 503,
      key: 'ocrMissing',
      vars: { packages: 'poppler-utils, tesseract-ocr, tesseract-ocr-vie' },
    })
  })

  it('a scan carrying only a digital signature stamp is still a scan (sent to OCR)', async () => {
    process.env.OCR_PATH = ''
    const doc = await PDFDocument.create()
    doc.addPage([595, 842]).drawText('Ky boi: So Van hoa va Du lich. Thoi gian ky: 20.01.2026 09:15:00 +07:00', {
      x: 300,
      y: 40,
      size: 7,
    })
    expect(await refusal(pdfToPlanText(Buffer.from(await doc.save())))).toMatchObject({
      status: 503,
      key: 'ocrMissing',
    })
  })

  it('a file that is not an image under an image name: 400', async () => {
    expect(await refusal(planTextFromFile('scan.jpg', Buffer.from('not an image')))).toMatchObject({
      status: 400,
      key: 'imageUnreadable',
    })
  })
})
