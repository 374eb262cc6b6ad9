/**
 * The plan-import admin view in a real browser (Chromium via playwright-core) against a running
 * app with the demo data (`npm start` or `npm run dev` on a fresh embedded database seeds it):
 * sign in as the demo manager, paste a plan, resolve what the screen asks for, confirm, open the
 * created plan; then upload a .docx with a unit the catalog lacks and resolve it once for both
 * mentions. Each run creates two plans with unique codes.
 *
 *   BASE_URL=http://localhost:3000 node --import ./src/cli/register.mjs test/e2e/planImportBrowser.ts
 *
 * Env: BASE_URL (default http://localhost:3000; use "localhost" with `next dev`, which refuses
 * its dev assets to other host names), CHROMIUM (default /usr/bin/chromium), PLAN_TEXT (a plan
 * document to paste; default the seed document 000 next to the repository, else the test fixture).
 * Exit code 0 when every check passed, 1 otherwise.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { buildDocx } from '../fixtures/docx'

const ROOT = path.resolve(import.meta.dirname, '../..')
const BASE = process.env.BASE_URL ?? 'http://localhost:3000'
const SEEDS = path.resolve(ROOT, '../shared/seeds')
const seed000 = existsSync(SEEDS) ? readdirSync(SEEDS).find((f) => f.startsWith('000_')) : undefined
const TEXT_FILE =
  process.env.PLAN_TEXT ??
  (seed000 ? path.join(SEEDS, seed000) : path.join(ROOT, 'test/fixtures/planImport/du-lich-so.txt'))
// Up to five digits: a document number ("Số: 12345/KH-…") starts with them.
const stamp = String(Date.now()).slice(-5)

let failures = 0
function check(name: string, ok: boolean, detail = ''): void {
  if (!ok) failures++
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}\n`)
}

const problems = (page: Page) => page.locator('[data-testid="problems"] li')

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' })
  const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } })
  page.setDefaultTimeout(120_000)
  page.on('pageerror', (e) => check('no script error on the page', false, e.message))
  try {
    await page.goto(`${BASE}/admin/login`)
    await page.fill('input[name="email"]', 'manager@demo.gov.vn')
    await page.fill('input[name="password"]', 'demo-Password-2025')
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/admin(?!\/login)/)
    check('the navigation links to the import', (await page.locator('a[href="/admin/plan-import"]').count()) === 1)

    // Paste a plan; give it a code when the document has none; confirm; open the plan.
    await page.goto(`${BASE}/admin/plan-import`)
    await page.fill('textarea[aria-label="Văn bản kế hoạch"]', readFileSync(TEXT_FILE, 'utf8'))
    await page.click('button:has-text("Phân tích")')
    await page.waitForSelector('[data-testid="tasks-table"]')
    const rows = await page.locator('[data-testid^="task-"]').count()
    check('the preview lists the tasks', rows > 0, `${rows} rows`)
    check('each task shows its source line', (await page.locator('[data-testid="task-0"] [data-line]').count()) > 0)
    const code = `E2E-${stamp}`
    await page.fill('input[aria-label="Số hiệu kế hoạch"]', code)
    // Whatever else is unresolved (a fixture unit unknown to the demo catalog): pick the first record.
    for (let guard = 0; guard < 50 && (await problems(page).count()) > 0; guard++) {
      const field = await problems(page).first().getAttribute('data-field')
      const select = page.locator(`select[data-field="${field}"]`)
      if ((await select.count()) === 0) break
      await select.selectOption({ index: 1 })
    }
    check('nothing left to resolve', (await problems(page).count()) === 0)
    await page.click('[data-testid="confirm-import"]')
    await page.waitForSelector('[data-testid="import-result"]')
    const result = (await page.locator('[data-testid="import-result"]').textContent()) ?? ''
    check('the plan is created', result.includes(`Đã tạo kế hoạch ${code}`), result)
    const href = await page.locator('[data-testid="import-result"] a').getAttribute('href')
    await page.goto(`${BASE}${href}`)
    await page.waitForSelector('input[name="code"]')
    check('the link opens the created plan', (await page.inputValue('input[name="code"]')) === code)

    // A .docx with a unit the catalog lacks, named twice: one choice resolves both.
    const docx = path.join(tmpdir(), `plan-import-e2e-${stamp}.docx`)
    writeFileSync(
      docx,
      await buildDocx([
        { p: `Số: ${stamp}/KH-THU` },
        { p: 'KẾ HOẠCH' },
        { p: 'Truyền thông ngày Khoa học và Công nghệ Việt Nam năm 2026' },
        { p: 'Phụ lục' },
        {
          table: [
            ['STT', 'Nội dung nhiệm vụ', 'Đơn vị thực hiện', 'Thời gian hoàn thành', 'Kết quả'],
            [
              '1',
              ['- Đưa tin các hoạt động ngày 18/5.'],
              ['- Trung tâm Truyền thông KH&CN', '- Phòng Sự kiện E2E'],
              '31/5/2026',
              '15 tin bài trên Cổng TTĐT, Mạng xã hội Bộ KH&CN',
            ],
            ['2', 'Tổng kết hoạt động.', 'Phòng Sự kiện E2E', '30/6/2026', 'Báo cáo tổng kết'],
          ],
        },
      ]),
    )
    await page.goto(`${BASE}/admin/plan-import`)
    await page.setInputFiles('input[type="file"]', docx)
    await page.click('button:has-text("Phân tích")')
    await page.waitForSelector('[data-testid="tasks-table"]')
    check('the .docx table becomes two tasks', (await page.locator('[data-testid^="task-"]').count()) === 2)
    const asked = await problems(page).allTextContents()
    check('the unknown unit is asked for twice', asked.length === 2, asked.join(' | '))
    await page.locator('select[data-field="tasks[0].leadUnits[1]"]').selectOption({ index: 1 })
    check('one choice resolves both mentions', (await problems(page).count()) === 0)
    await page.click('[data-testid="confirm-import"]')
    await page.waitForSelector('[data-testid="import-result"]')
    const second = (await page.locator('[data-testid="import-result"]').textContent()) ?? ''
    check('the .docx plan is created', second.includes(`${stamp}/KH-THU`) && second.includes('2 nhiệm vụ'), second)
  } finally {
    await browser.close()
  }
}

main().then(
  () => process.exit(failures === 0 ? 0 : 1),
  (err: unknown) => {
    process.stderr.write(`[e2e] ${(err as Error).stack ?? String(err)}\n`)
    process.exit(1)
  },
)
