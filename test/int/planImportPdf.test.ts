/**
 * Plan import from PDFs and scans on a real Payload and Postgres, through the preview and commit
 * endpoints as a manager calls them: the text-layer PDF of our fixture (test/fixtures/planImport/
 * du-lich-so.pdf, LibreOffice's print of du-lich-so.txt), and a one-page scan of it (its first
 * page rasterised by poppler and wrapped as an image-only PDF by pdf-lib), OCR'd by Tesseract.
 * Needs Debian's poppler-utils, tesseract-ocr and tesseract-ocr-vie: installed here with apt-get
 * when missing, so `npm test` alone passes on a new machine (.ci/run also installs them first).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { PDFDocument } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportDraft } from '../../src/domain/planImport'
import { scanImportsIdle } from '../../src/plugin/import/jobs/runScanImport'
import { getScheduler } from '../../src/plugin/scheduler/scheduler'
import { ocrPdf, SCAN_LIMITS } from '../../src/plugin/import/ocrScan'
import { PlanSourceError } from '../../src/plugin/import/planSourceError'
import { ensureOcrTools } from '../e2e/officeTools'
import { makeScannedFirstPage, pngBomb } from '../fixtures/planImport/scannedPage'
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
/** The field the first error names. */
const fieldOf = (res: { json: { errors?: unknown[] } }) =>
  (res.json.errors?.[0] as { field?: string } | undefined)?.field
const plans = async () => (await payload.count({ collection: 'plans' })).totalDocs

let scan: Promise<Buffer> | null = null

/** Page 1 of the fixture as a scan (made once). */
const scannedFirstPage = (): Promise<Buffer> => (scan ??= makeScannedFirstPage())

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
  await scanImportsIdle()
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

interface ScanStatus {
  id: number
  status: 'queued' | 'running' | 'done' | 'failed'
  pagesDone: number
  pagesTotal: number
  error: { status: number; field: string; message: string } | null
  draft?: ImportDraft
  approximate?: { fields: string[]; tasks: number[] }
  review?: {
    approximate: { fields: string[]; tasks: number[] }
    boxes: {
      plan: Record<string, { page: number; x: number; y: number; w: number; h: number } | null>
      basisDocuments: Array<{ page: number } | null>
      tasks: Array<{ page: number; x: number; y: number; w: number; h: number } | null>
    }
    pages: Array<{ page: number; width: number; height: number; url: string }>
  }
}

/** Polls the import until it is read or failed; every state seen on the way, in order. */
async function untilSettled(id: number, as = token): Promise<{ final: ScanStatus; seen: string[] }> {
  const seen: string[] = []
  for (;;) {
    const res = await rest.get(`plan-import/${id}`, { token: as })
    expect(res.status).toBe(200)
    const body = res.json as unknown as ScanStatus
    const label = body.status === 'running' ? `running ${body.pagesDone}/${body.pagesTotal}` : body.status
    if (seen[seen.length - 1] !== label) seen.push(label)
    if (body.status === 'done' || body.status === 'failed') return { final: body, seen }
    await new Promise((r) => setTimeout(r, 100))
  }
}

describe('a scanned PDF (OCR job)', () => {
  let otherToken: string
  let editorToken: string
  beforeAll(async () => {
    const other = await createUser(payload, { role: 'manager' })
    otherToken = await rest.login(other.email as string, 'test-Password-1')
    const editor = await createUser(payload, { role: 'editor' })
    editorToken = await rest.login(editor.email as string, 'test-Password-1')
  })

  // ~10 s on an idle 2-core machine (one Tesseract thread); the cap leaves room for a shared one.
  it('202 at once, progress by page, then the preview with boxes; commits it', { timeout: 300_000 }, async () => {
    const pdf = await scannedFirstPage()
    const plansBefore = await plans()
    const started = Date.now()
    const res = await preview('ban-quet.pdf', pdf)
    const answeredIn = Date.now() - started
    expect(res.status).toBe(202)
    expect(answeredIn).toBeLessThan(5_000)
    process.stdout.write(`[plan-import] 202 after ${answeredIn} ms\n`)
    const { id, status, pagesTotal, url } = res.json as unknown as {
      id: number
      status: string
      pagesTotal: number
      url: string
    }
    expect([status, pagesTotal, url]).toEqual(['queued', 1, `/api/plan-import/${id}`])
    expect(res.headers.get('location')).toBe(url)
    expect(await plans()).toBe(plansBefore)

    const { final, seen } = await untilSettled(id)
    process.stdout.write(`[plan-import] OCR of 1 page: ${Date.now() - started} ms; states ${seen.join(' → ')}\n`)
    expect(seen[seen.length - 1]).toBe('done')
    expect(seen).toContain('running 0/1')
    expect(final.error).toBeNull()
    const d = final.draft!
    expect(d.plan).toMatchObject({ code: '45/KH-SVHDL', issueDate: '2026-01-20', monthlyDay: 25 })
    // Page 1 holds the table's first three rows (the third goes on over page 2).
    expect(d.tasks.map((x) => [x.code, x.leadUnits.map((u) => u.id)])).toEqual([
      ['1', [units.qldl!.id, units.ttdl!.id]],
      ['2', [units.ttdl!.id]],
      ['3', [units.vp!.id]],
    ])

    // Each header field and task row has its box on page 1; the code is above the table's rows.
    const review = final.review!
    expect(review.pages).toEqual([
      { page: 1, width: 1240, height: expect.any(Number), url: `/api/plan-import/${id}/pages/1` },
    ])
    const { plan, tasks } = review.boxes
    for (const f of ['code', 'issuer', 'issueDate', 'title', 'monthlyDay']) {
      const box = plan[f]
      expect(box, f).toMatchObject({ page: 0 })
      expect(box!.w, f).toBeGreaterThan(0.02)
      expect(box!.h, f).toBeGreaterThan(0.005)
      expect(box!.h, f).toBeLessThan(0.2)
    }
    expect(review.boxes.basisDocuments.every((b) => b?.page === 0)).toBe(true)
    expect(tasks).toHaveLength(3)
    for (const box of tasks) expect(box).toMatchObject({ page: 0 })
    expect(plan.code!.y).toBeLessThan(tasks[0]!.y)
    expect(tasks[0]!.y).toBeLessThan(tasks[1]!.y)
    expect(Array.isArray(review.approximate.fields)).toBe(true)

    const image = await rest.raw(`plan-import/${id}/pages/1`, { token })
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toBe('image/webp')
    expect(image.headers.get('cache-control')).toMatch(/^private/)
    const bytes = Buffer.from(await image.arrayBuffer())
    expect(bytes.subarray(8, 12).toString()).toBe('WEBP')

    const draft = structuredClone(d)
    draft.plan.code = '45/KH-SVHDL-SCAN'
    const commit = await rest.post('plan-import/commit', draft, { token })
    expect(commit.status).toBe(201)
    expect(commit.json).toMatchObject({ status: 'created', created: { plans: 1, tasks: 3 } })

    // Only its owner and admins see the import and its pages.
    const otherSees = await rest.get(`plan-import/${id}`, { token: otherToken })
    expect([otherSees.status, otherSees.json.errors?.[0]]).toEqual([
      404,
      { field: 'id', message: `Không tìm thấy bản quét có id ${id} (hoặc bạn không có quyền xem).` },
    ])
    expect((await rest.raw(`plan-import/${id}/pages/1`, { token: otherToken })).status).toBe(404)
    expect((await rest.get(`plan-import/${id}`, { token: editorToken })).status).toBe(403)
    expect((await rest.get(`plan-import/${id}`)).status).toBe(401)
    expect((await rest.raw(`plan-import/${id}/pages/1`)).status).toBe(401)
    const admin = await createUser(payload, { role: 'admin' })
    const adminToken = await rest.login(admin.email as string, 'test-Password-1')
    expect((await rest.get(`plan-import/${id}`, { token: adminToken })).status).toBe(200)
    // Nor through Payload's own REST API.
    expect((await rest.get(`plan-imports/${id}`, { token: otherToken })).status).toBe(404)
    const own = await rest.get('plan-imports', { token: otherToken })
    expect(own.json.totalDocs).toBe(0)
  })

  it('two scans at once: the second waits its turn, then both are read', { timeout: 300_000 }, async () => {
    const pdf = await scannedFirstPage()
    const first = await preview('mot.pdf', pdf)
    const second = await preview('hai.pdf', pdf)
    expect([first.status, second.status]).toEqual([202, 202])
    const ids = [first, second].map((r) => (r.json as unknown as { id: number }).id)
    // One OCR at a time: while the first is read, the second waits.
    await expect.poll(async () => (await rest.get(`plan-import/${ids[0]}`, { token })).json.status).toBe('running')
    expect((await rest.get(`plan-import/${ids[1]}`, { token })).json.status).toBe('queued')
    const [a, b] = await Promise.all(ids.map((id) => untilSettled(id)))
    expect(a!.seen[a!.seen.length - 1]).toBe('done')
    expect(b!.seen[b!.seen.length - 1]).toBe('done')
    expect(b!.final.draft?.plan.code).toBe('45/KH-SVHDL')
  })

  it('bad ids and pages: 400 naming the field, unknown 404', async () => {
    const bad = await rest.get('plan-import/abc', { token })
    expect([bad.status, bad.json.errors?.[0]]).toEqual([
      400,
      { field: 'id', message: 'id phải là số nguyên dương (đã gửi "abc").' },
    ])
    expect((await rest.get('plan-import/0', { token })).status).toBe(400)
    expect((await rest.get('plan-import/99999999999', { token })).status).toBe(400)
    const none = await rest.get('plan-import/987654', { token })
    expect([none.status, fieldOf(none)]).toEqual([404, 'id'])
    const ids = await payload.find({ collection: 'plan-imports', where: { status: { equals: 'done' } }, limit: 1 })
    const id = ids.docs[0]!.id
    for (const page of ['0', '2', 'x']) {
      const res = await rest.get(`plan-import/${id}/pages/${page}`, { token })
      expect([res.status, fieldOf(res)], page).toEqual([400, 'page'])
    }
  })

  it(
    'OCR over its time limit: the import fails with 422 naming the limit, nothing saved, no temporary files',
    { timeout: 120_000 },
    async () => {
      const pdf = await scannedFirstPage()
      const before = new Set(readdirTmp())
      const plansBefore = await plans()
      const tasksBefore = (await payload.count({ collection: 'tasks' })).totalDocs
      const limit = SCAN_LIMITS.timeoutMs
      SCAN_LIMITS.timeoutMs = 300
      try {
        const res = await preview('cham.pdf', pdf)
        expect(res.status).toBe(202)
        const { final } = await untilSettled((res.json as unknown as { id: number }).id)
        expect(final.status).toBe('failed')
        expect(final.error).toEqual({
          status: 422,
          field: 'file',
          message: 'file: nhận dạng chữ (OCR) bản quét không xong trong 1 giây; hãy gửi ít trang hơn.',
        })
        expect(final.draft).toBeUndefined()
      } finally {
        SCAN_LIMITS.timeoutMs = limit
      }
      await scanImportsIdle()
      expect(await plans()).toBe(plansBefore)
      expect((await payload.count({ collection: 'tasks' })).totalDocs).toBe(tasksBefore)
      expect(readdirTmp().filter((f) => !before.has(f))).toEqual([])
      // The synchronous reading (the command line) gives the same 422.
      const err = await ocrPdf(pdf, { ...SCAN_LIMITS, timeoutMs: 300 }).then(
        () => null,
        (e: unknown) => e,
      )
      expect(err).toBeInstanceOf(PlanSourceError)
      expect((err as PlanSourceError).status).toBe(422)
      expect((err as PlanSourceError).problem).toEqual({ key: 'scanTimeout', vars: { seconds: 1 } })
    },
  )

  it('limits checked before the 202: too many pages and an image bomb are 413, nothing queued', async () => {
    const queued = (await payload.count({ collection: 'plan-imports' })).totalDocs
    const doc = await PDFDocument.create()
    for (let i = 0; i < SCAN_LIMITS.ocrPages + 1; i++) doc.addPage([595, 842])
    const many = await preview('nhieu-trang.pdf', Buffer.from(await doc.save()))
    expect([many.status, fieldOf(many)]).toEqual([413, 'file'])
    // A PNG header claiming 100 000 × 100 000 pixels.
    const png = pngBomb()
    const bomb = await preview('bom.png', png)
    expect([bomb.status, fieldOf(bomb)]).toEqual([413, 'file'])
    expect((await payload.count({ collection: 'plan-imports' })).totalDocs).toBe(queued)
  })

  it('missing OCR programs: 503 naming the packages, nothing queued', async () => {
    const queued = (await payload.count({ collection: 'plan-imports' })).totalDocs
    const saved = process.env.OCR_PATH
    process.env.OCR_PATH = '/nonexistent'
    try {
      const res = await preview('ban-quet.pdf', await scannedFirstPage())
      expect(res.status).toBe(503)
      expect(res.json.errors?.[0]?.message).toMatch(/poppler-utils, tesseract-ocr, tesseract-ocr-vie/)
    } finally {
      if (saved === undefined) delete process.env.OCR_PATH
      else process.env.OCR_PATH = saved
    }
    expect((await payload.count({ collection: 'plan-imports' })).totalDocs).toBe(queued)
  })
})

describe('old scan imports (the daily prune-imports job)', () => {
  it('deletes imports made over 30 days before the run day, keeps the rest; the next day one more', async () => {
    const day = '2026-12-03'
    const make = async (fileName: string, createdAt: string) =>
      (await payload.create({
        collection: 'plan-imports',
        data: { fileName, status: 'done', pagesTotal: 1, createdAt } as never,
      })) as unknown as Doc
    // Cut-off: the start of 3/11/2026 in Asia/Ho_Chi_Minh, 2/11/2026 17:00 UTC.
    const old = await make('cu.pdf', '2026-11-02T16:59:59.000Z')
    const kept = await make('vua-du.pdf', '2026-11-02T17:00:00.000Z')
    const recent = await make('moi.pdf', '2026-12-01T03:00:00.000Z')
    const run = await getScheduler(payload).runSlot('prune-imports', `prune-imports:${day}`, { force: true })
    expect(run).toMatchObject({ outcome: 'done', result: { before: '2026-11-02T17:00:00.000Z' } })
    const left = await payload.find({
      collection: 'plan-imports',
      where: { fileName: { in: ['cu.pdf', 'vua-du.pdf', 'moi.pdf'] } },
    })
    expect(left.docs.map((d) => d.id).sort()).toEqual([kept.id, recent.id].sort())
    expect(left.docs.map((d) => d.id)).not.toContain(old.id)
    // The next day's run: the day-30 import has now had its 30 whole days.
    const next = await getScheduler(payload).runSlot('prune-imports', 'prune-imports:2026-12-04', { force: true })
    expect(next).toMatchObject({ outcome: 'done', result: { deleted: 1 } })
    const after = await payload.find({
      collection: 'plan-imports',
      where: { fileName: { in: ['vua-du.pdf', 'moi.pdf'] } },
    })
    expect(after.docs.map((d) => d.id)).toEqual([recent.id])
  })
})

function readdirTmp(): string[] {
  return readdirSync(tmpdir()).filter((f) => f.startsWith('plan-ocr-'))
}
