// @vitest-environment happy-dom
/**
 * The review screen following a scan (issue 25) in a DOM: the preview's 202, the progress polled
 * from GET /api/plan-import/:id ("Đang nhận dạng chữ: trang 1/2"), then the review with a page
 * crop beside the fields that have a box and a "cần kiểm tra" badge beside those read
 * approximately; a failed scan's message; badges for pasted OCR text too. The server is replaced
 * at the fetch boundary (the endpoints are tested in test/int/planImportPdf.test.ts).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { draftFromText, type ImportCatalog } from '../../src/domain/planImport'
import { PlanImportForm } from '../../src/plugin/import/admin/PlanImportForm'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const TEXT = readFileSync(path.resolve(import.meta.dirname, '../fixtures/planImport/du-lich-so.txt'), 'utf8')
const CATALOG: ImportCatalog = { units: [], channels: [], plans: [] }
const draft = draftFromText(TEXT, CATALOG)
const preview = {
  draft,
  problems: [],
  notes: [],
  catalog: CATALOG,
  existing: null,
  source: { fileName: 'ban-quet.pdf', text: TEXT },
}
const box = (y: number) => ({ page: 0, x: 0.1, y, w: 0.3, h: 0.02 })

let container: HTMLDivElement
let root: Root
let statuses: unknown[]
let requested: string[]

beforeEach(async () => {
  requested = []
  globalThis.fetch = (async (input: RequestInfo | URL) => {
    const url = String(input)
    requested.push(url)
    if (url.endsWith('/plan-import/preview'))
      return Response.json(
        { id: 5, status: 'queued', pagesDone: 0, pagesTotal: 2, fileName: 'ban-quet.pdf', url: '/api/plan-import/5' },
        { status: 202 },
      )
    return Response.json(statuses.length > 1 ? statuses.shift() : statuses[0])
  }) as typeof fetch
  container = document.createElement('div')
  document.body.appendChild(container)
  root = createRoot(container)
  await act(async () => root.render(createElement(PlanImportForm, { apiRoute: '/api', adminRoute: '/admin' })))
})

afterEach(async () => {
  await act(async () => root.unmount())
  container.remove()
})

/** Waits (real time: the screen polls every second) until `test` holds. */
async function until(test: () => boolean, ms = 8000): Promise<void> {
  const end = Date.now() + ms
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out; the screen shows: ${container.textContent?.slice(0, 400)}`)
    await act(async () => new Promise((r) => setTimeout(r, 50)))
  }
}

async function uploadScan() {
  const input = container.querySelector<HTMLInputElement>('input[type="file"]')!
  const file = new File([new Uint8Array([37, 80, 68, 70])], 'ban-quet.pdf', { type: 'application/pdf' })
  Object.defineProperty(input, 'files', { value: [file], configurable: true })
  await act(async () => input.dispatchEvent(new Event('change', { bubbles: true })))
  const analyse = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Phân tích')!
  await act(async () => analyse.click())
}

const progress = () => container.querySelector('[data-testid="scan-progress"]')?.textContent ?? ''

describe('the review screen and a scan', () => {
  it('shows the progress by page, then each field beside its crop, with "cần kiểm tra" where read approximately', async () => {
    statuses = [
      { id: 5, fileName: 'ban-quet.pdf', status: 'running', pagesDone: 1, pagesTotal: 2, error: null },
      {
        id: 5,
        fileName: 'ban-quet.pdf',
        status: 'done',
        pagesDone: 2,
        pagesTotal: 2,
        error: null,
        ...preview,
        review: {
          approximate: { fields: ['code'], tasks: [1] },
          boxes: {
            plan: { code: box(0.1), title: box(0.2), issuer: null },
            basisDocuments: [],
            fixedReportDates: [],
            tasks: [box(0.5), null],
          },
          pages: [{ page: 1, width: 1240, height: 1753, url: '/api/plan-import/5/pages/1' }],
        },
      },
    ]
    await uploadScan()
    await until(() => progress().startsWith('Đang nhận dạng chữ: trang 1/2'))
    await until(() => container.querySelector('[data-testid="plan-fields"]') !== null)
    expect(container.querySelector('[data-testid="scan-progress"]')).toBeNull()
    expect(requested.filter((u) => u === '/api/plan-import/5').length).toBeGreaterThanOrEqual(2)

    const crop = (field: string) => container.querySelector(`[data-testid="page-crop"][data-field="${field}"]`)
    const img = crop('plan.code')?.querySelector('img')
    expect(img?.getAttribute('src')).toBe('/api/plan-import/5/pages/1')
    expect(img?.getAttribute('alt')).toBe('Vùng trang 1 của bản quét nơi đọc được Số hiệu')
    expect(crop('plan.title')).not.toBeNull()
    expect(crop('plan.issuer')).toBeNull()
    expect(crop('tasks[0]')).not.toBeNull()
    expect(crop('tasks[1]')).toBeNull()
    const badges = [...container.querySelectorAll('[data-testid="approx-badge"]')]
    expect(badges.map((b) => [b.getAttribute('data-field'), b.textContent])).toEqual([
      ['plan.code', 'cần kiểm tra'],
      ['tasks[1]', 'cần kiểm tra'],
    ])
  })

  it('a failed scan: the screen says which file and why, and shows no review', async () => {
    statuses = [
      {
        id: 5,
        fileName: 'ban-quet.pdf',
        status: 'failed',
        pagesDone: 1,
        pagesTotal: 2,
        error: {
          status: 422,
          field: 'file',
          message: 'file: nhận dạng chữ (OCR) bản quét không xong trong 120 giây; hãy gửi ít trang hơn.',
        },
      },
    ]
    await uploadScan()
    await until(() => progress().startsWith('Không đọc được'))
    expect(progress()).toBe(
      'Không đọc được bản quét "ban-quet.pdf": file: nhận dạng chữ (OCR) bản quét không xong trong 120 giây; hãy gửi ít trang hơn.',
    )
    expect(container.querySelector('[data-testid="scan-progress"]')?.getAttribute('role')).toBe('alert')
    expect(container.querySelector('[data-testid="plan-fields"]')).toBeNull()
  })

  it('pasted OCR text: the fields read approximately get the badge, without crops', async () => {
    globalThis.fetch = (async () =>
      Response.json({ ...preview, approximate: { fields: ['title', 'basis'], tasks: [] } })) as typeof fetch
    const textarea = container.querySelector<HTMLTextAreaElement>('textarea[aria-label="Văn bản kế hoạch"]')!
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(textarea, TEXT)
      textarea.dispatchEvent(new Event('input', { bubbles: true }))
    })
    const analyse = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Phân tích')!
    await act(async () => analyse.click())
    await until(() => container.querySelector('[data-testid="plan-fields"]') !== null)
    const badges = [...container.querySelectorAll('[data-testid="approx-badge"]')]
    expect(badges.map((b) => b.getAttribute('data-field'))).toEqual(['plan.title', 'plan.basisDocuments'])
    expect(container.querySelectorAll('[data-testid="page-crop"]')).toHaveLength(0)
  })
})
