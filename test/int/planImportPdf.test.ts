/**
 * Plan import from PDFs and scans on a real Payload and Postgres, through the preview and commit
 * endpoints as a manager calls them: the text-layer PDF of our fixture (test/fixtures/planImport/
 * du-lich-so.pdf, LibreOffice's print of du-lich-so.txt), and a one-page scan of it (its first
 * page rasterised by poppler and wrapped as an image-only PDF by pdf-lib), OCR'd by Tesseract.
 * Needs Debian's poppler-utils, tesseract-ocr and tesseract-ocr-vie: installed here with apt-get
 * when missing, so `npm test` alone passes on a new machine (.ci/run also installs them first).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { PDFDocument } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportDraft } from '../../src/domain/planImport'
import { ocrPdf, SCAN_LIMITS } from '../../src/plugin/import/ocrScan'
import { PlanSourceError } from '../../src/plugin/import/planSourceError'
import { ensureOcrTools } from '../e2e/officeTools'
import { restClient } from './helpers/rest'
import { createUser, startTestPayload, type TestPayload } from './helpers/testPayload'

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/planImport')
const PDF = readFileSync(path.join(FIXTURES, 'du-lich-so.pdf'))

type Doc = Record<string, unknown> & { id: number }
interface Preview {
  draft: ImportDraft
  problems: Array<{ field: string; message: string }>
  source: { fileName: string; text: string }
}

let t: TestPayload
let payload: Payload
let rest: ReturnType<typeof restClient>
let token: string
const units: Record<string, Doc> = {}

const upload = (name: string, data: Buffer) => {
  const form = new FormData()
  form.append('file', new File([new Uint8Array(data)], name, { type: 'application/octet-stream' }))
  return form
}
const preview = (name: string, data: Buffer) => rest.post('plan-import/preview', upload(name, data), { token })
const plans = async () => (await payload.count({ collection: 'plans' })).totalDocs

let scan: Promise<Buffer> | null = null

/**
 * Page 1 of the fixture as a 200-dpi grey JPEG in a PDF with no text layer: a scan (made once; a
 * JPEG goes into the PDF as it is, where pdf-lib would decode a PNG in JavaScript).
 */
const scannedFirstPage = (): Promise<Buffer> => (scan ??= makeScan())

async function makeScan(): Promise<Buffer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-scan-'))
  try {
    const out = path.join(dir, 'page')
    execFileSync('pdftoppm', [
      '-r',
      '200',
      '-gray',
      '-jpeg',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      path.join(FIXTURES, 'du-lich-so.pdf'),
      out,
    ])
    const doc = await PDFDocument.create()
    const image = await doc.embedJpg(readFileSync(`${out}.jpg`))
    doc.addPage([595.3, 841.9]).drawImage(image, { x: 0, y: 0, width: 595.3, height: 841.9 })
    return Buffer.from(await doc.save())
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

// apt-get on a new machine takes a minute or two; a machine that has the tools only checks them.
beforeAll(() => ensureOcrTools((msg) => process.stdout.write(`${msg}\n`)), 600_000)

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  rest = restClient(payload)
  const unit = async (key: string, name: string, shortName?: string) => {
    units[key] = (await payload.create({ collection: 'units', data: { name, shortName } })) as unknown as Doc
  }
  await unit('qldl', 'Phòng Quản lý du lịch')
  await unit('ttdl', 'Trung tâm Thông tin Du lịch')
  await unit('vp', 'Văn phòng Sở Văn hóa và Du lịch', 'Văn phòng Sở')
  await unit('bao', 'Báo Hoa Mai')
  await unit('ttso', 'Phòng Truyền thông số')
  for (const [name, kind, isHome] of [
    ['Cổng Thông tin điện tử Sở Văn hóa và Du lịch', 'portal', true],
    ['Fanpage Sở VHDL', 'social', false],
    ['Kênh YouTube Sở VHDL', 'social', false],
  ] as const)
    await payload.create({ collection: 'channels', data: { name, kind, isHome } as never })
  await payload.create({ collection: 'plans', data: { code: '15/KH-UBND', title: 'Kế hoạch phát triển du lịch số' } })
  const manager = await createUser(payload, { role: 'manager' })
  token = await rest.login(manager.email as string, 'test-Password-1')
})

afterAll(async () => {
  await t?.cleanup()
})

describe('a PDF with a text layer', () => {
  it('previews the plan with its appendix table and commits it', async () => {
    const res = await preview('du-lich-so.pdf', PDF)
    expect(res.status).toBe(200)
    const body = res.json as unknown as Preview
    expect(body.source.fileName).toBe('du-lich-so.pdf')
    expect(body.problems).toEqual([])
    const d = body.draft
    expect(d.plan).toMatchObject({ code: '45/KH-SVHDL', issuer: 'Sở Văn hóa và Du lịch', monthlyDay: 25 })
    expect(d.tasks.map((x) => [x.code, x.leadUnits.map((u) => u.id), x.timeframe.kind])).toEqual([
      ['1', [units.qldl!.id, units.ttdl!.id], 'deadline'],
      ['2', [units.ttdl!.id], 'deadline'],
      ['3', [units.vp!.id], 'deadline'],
      ['4', [units.ttso!.id], 'recurring'],
    ])
    expect(await plans()).toBe(1)

    const commit = await rest.post('plan-import/commit', d, { token })
    expect(commit.status).toBe(201)
    expect(commit.json).toMatchObject({ status: 'created', created: { plans: 1, tasks: 4, targets: 4 } })
    const tasks = await payload.find({ collection: 'tasks', where: { 'plan.code': { equals: '45/KH-SVHDL' } } })
    expect(tasks.totalDocs).toBe(4)
  })

  it('an encrypted or damaged PDF: 400 naming the file, nothing saved', async () => {
    const before = await plans()
    const encrypted = await preview('mat-khau.pdf', readFileSync(path.join(FIXTURES, 'encrypted.pdf')))
    expect([encrypted.status, encrypted.json.errors?.[0]]).toEqual([
      400,
      { field: 'file', message: 'file: tệp PDF có mật khẩu; hãy gửi bản không đặt mật khẩu.' },
    ])
    const damaged = await preview('hong.pdf', PDF.subarray(0, PDF.length / 3))
    expect(damaged.status).toBe(400)
    expect(damaged.json.errors?.[0]?.message).toMatch(/^file: không đọc được tệp PDF/)
    expect(await plans()).toBe(before)
  })
})

describe('a scanned PDF (OCR)', () => {
  // ~10 s on an idle 2-core machine (one Tesseract thread); the cap leaves room for a shared one.
  it("previews the OCR'd page with its table rows and commits it", { timeout: 300_000 }, async () => {
    const res = await preview('ban-quet.pdf', await scannedFirstPage())
    expect(res.status).toBe(200)
    const d = (res.json as unknown as Preview).draft
    expect(d.plan).toMatchObject({ code: '45/KH-SVHDL', issueDate: '2026-01-20', monthlyDay: 25 })
    // Page 1 holds the table's first three rows (the third goes on over page 2).
    expect(d.tasks.map((x) => [x.code, x.leadUnits.map((u) => u.id)])).toEqual([
      ['1', [units.qldl!.id, units.ttdl!.id]],
      ['2', [units.ttdl!.id]],
      ['3', [units.vp!.id]],
    ])
    const draft = structuredClone(d)
    draft.plan.code = '45/KH-SVHDL-SCAN'
    const commit = await rest.post('plan-import/commit', draft, { token })
    expect(commit.status).toBe(201)
    expect(commit.json).toMatchObject({ status: 'created', created: { plans: 1, tasks: 3 } })
  })

  it('OCR over its time limit: 422 naming the limit, and no temporary files left', async () => {
    const pdf = await scannedFirstPage()
    const before = new Set(readdirTmp())
    const err = await ocrPdf(pdf, { ...SCAN_LIMITS, timeoutMs: 300 }).then(
      () => null,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(PlanSourceError)
    expect((err as PlanSourceError).status).toBe(422)
    expect((err as PlanSourceError).problem).toEqual({ key: 'scanTimeout', vars: { seconds: 1 } })
    expect(readdirTmp().filter((f) => !before.has(f))).toEqual([])
  })
})

function readdirTmp(): string[] {
  return readdirSync(tmpdir()).filter((f) => f.startsWith('plan-ocr-'))
}
