/**
 * Issue 25: importing a scanned plan in a real Chromium against the built app with the demo seed
 * (`npm run test:e2e -- test/e2e/planImportScan.test.ts`). A manager uploads a scan (page 1 of our
 * fixture plan, rasterised and wrapped as an image-only PDF); the screen answers at once with the
 * OCR's progress by page, then shows the review with the crop of the page region beside the plan
 * code (its image really loaded). A second scan, of an OCR-damaged copy ("Cén cir", "s6"), shows
 * the "cần kiểm tra" badge beside the fields read approximately. Bad inputs: an image bomb is
 * refused on the screen before any OCR, and another manager cannot read the import. Screenshots
 * under test/e2e/artifacts/screenshots/ (25-scan-*.png).
 */
import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { makeScannedFirstPage, pngBomb, renderTextScan } from '../fixtures/planImport/scannedPage'
import { launchBrowser } from './browser'
import { signInAs } from './signIn'

const BASE = process.env.E2E_BASE_URL ?? ''
const SHOTS = path.join(process.env.E2E_ARTIFACTS ?? path.resolve(import.meta.dirname, 'artifacts'), 'screenshots')
const DEGRADED = path.resolve(import.meta.dirname, '../fixtures/planText/ocr-no-diacritics.txt')

let browser: Browser

async function openImport(): Promise<Page> {
  const { page } = await signInAs(browser, BASE, 'manager', (p) =>
    p.screenshot({ path: path.join(SHOTS, '25-scan-FAILED.png'), fullPage: true }).then(() => undefined),
  )
  await page.goto(`${BASE}/admin/plan-import`)
  await page.getByTestId('plan-import').waitFor()
  return page
}

async function upload(page: Page, name: string, mimeType: string, buffer: Buffer): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer })
  await page.getByRole('button', { name: 'Phân tích' }).click()
}

/** The crop beside `field`: its image loaded (naturalWidth > 0) and shown. */
async function cropLoaded(page: Page, field: string): Promise<{ naturalWidth: number; shown: number }> {
  const img = page.locator(`[data-testid="page-crop"][data-field="${field}"] img`)
  await img.waitFor()
  await page.waitForFunction(
    (f) => {
      const el = document.querySelector<HTMLImageElement>(`[data-testid="page-crop"][data-field="${f}"] img`)
      return el !== null && el.complete && el.naturalWidth > 0
    },
    field,
    { timeout: 30_000 },
  )
  return img.evaluate((el: HTMLImageElement) => ({
    naturalWidth: el.naturalWidth,
    shown: el.parentElement?.getBoundingClientRect().width ?? 0,
  }))
}

describe.sequential('issue 25: a scanned plan, read in the background, reviewed beside its page', () => {
  beforeAll(async () => {
    if (!BASE) throw new Error('E2E_BASE_URL is not set: run the suite with `npm run test:e2e`')
    mkdirSync(SHOTS, { recursive: true })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  test('a manager uploads a scan, sees the progress, then the plan code beside its page crop', async () => {
    const page = await openImport()
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/plan-import/preview'))
    const started = Date.now()
    await upload(page, 'ban-quet.pdf', 'application/pdf', await makeScannedFirstPage())
    const preview = await answered
    expect(preview.status()).toBe(202)
    const answeredMs = Date.now() - started

    const progress = page.getByTestId('scan-progress')
    await progress.waitFor()
    // Queued for a moment, then page by page ("Trang 1/1" of this one-page scan).
    await expect
      .poll(() => progress.textContent(), { timeout: 60_000, interval: 200 })
      .toMatch(/^Đang nhận dạng chữ: trang 1\/1/)
    await page.screenshot({ path: path.join(SHOTS, '25-scan-progress.png'), fullPage: true })

    await page.getByTestId('plan-fields').waitFor({ timeout: 240_000 })
    process.stdout.write(`[e2e] scan: 202 after ${answeredMs} ms, review after ${Date.now() - started} ms\n`)
    await expect.poll(() => page.getByLabel('Số hiệu kế hoạch').inputValue()).toBe('45/KH-SVHDL')
    const code = await cropLoaded(page, 'plan.code')
    expect(code.naturalWidth).toBeGreaterThan(0)
    expect(code.shown).toBeGreaterThan(50)
    // Each task row of the scan has its crop too.
    await cropLoaded(page, 'tasks[0]')
    await page.getByTestId('plan-fields').scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(SHOTS, '25-scan-review.png'), fullPage: true })

    // The page image is the uploader's: another manager's session, and none, get nothing.
    const src = await page.locator('[data-testid="page-crop"][data-field="plan.code"] img').getAttribute('src')
    expect(src).toMatch(/^\/api\/plan-import\/\d+\/pages\/1$/)
    expect((await fetch(`${BASE}${src}`)).status).toBe(401)
    expect((await page.request.get(`${BASE}${src}`)).status()).toBe(200)
    await page.context().close()
  })

  test('fields read approximately from an OCR-damaged scan carry the "cần kiểm tra" badge', async () => {
    const page = await openImport()
    const damaged = readFileSync(DEGRADED, 'utf8')
      .replace('So: 58/KH-SKHCN', 'Sé 58/KH-SKHCN')
      .replace('Can cu Ke hoach so 07', 'Cén cir Ke hoach s6 07')
    await upload(page, 'ban-quet-hong.png', 'image/png', await renderTextScan(damaged.trim().split('\n')))
    await page.getByTestId('scan-progress').waitFor()
    await page.getByTestId('plan-fields').waitFor({ timeout: 240_000 })
    const badges = page.getByTestId('approx-badge')
    await expect.poll(() => badges.count()).toBeGreaterThan(0)
    expect(await badges.first().textContent()).toBe('cần kiểm tra')
    const fields = await badges.evaluateAll((els) => els.map((e) => e.getAttribute('data-field')))
    expect(fields).toContain('plan.title')
    expect(fields).toContain('plan.code')
    // "Sé 58/KH-SKHCN": the code read after repairs is shown beside the line it came from.
    await cropLoaded(page, 'plan.code')
    // The approximately read title is shown beside its crop.
    await cropLoaded(page, 'plan.title')
    await page.locator('[data-testid="scan-evidence"][data-field="plan.title"]').scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(SHOTS, '25-scan-approximate.png'), fullPage: true })
    await page.context().close()
  })

  test('an image bomb is refused on the screen before any OCR (413 naming the file)', async () => {
    const page = await openImport()
    // A PNG header claiming 100 000 × 100 000 pixels.
    const png = pngBomb()
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/plan-import/preview'))
    await upload(page, 'bom.png', 'image/png', png)
    expect((await answered).status()).toBe(413)
    await expect.poll(() => page.getByTestId('request-errors').textContent()).toMatch(/file: trang 1 .* vượt giới hạn/)
    expect(await page.getByTestId('scan-progress').count()).toBe(0)
    await page.context().close()
  })
})
