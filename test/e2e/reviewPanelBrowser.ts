/**
 * The review panel of the content edit view in a real browser (Chromium via playwright-core)
 * against a running app with the demo data (`npm run seed -- --demo`, or a fresh embedded
 * database that seeds itself): the admin turns review on for the editor's unit; the editor
 * creates an article, saves it and submits it; the manager returns it with a reason; the editor
 * sees the reason and submits again; the manager tries a past publishing time (the server's
 * message shows), then approves; the article is published. Run by hand, not part of the suite:
 *
 *   BASE_URL=http://localhost:3950 node --import tsx test/e2e/reviewPanelBrowser.ts
 *
 * Env: BASE_URL (default http://localhost:3000; use "localhost" with `next dev`), CHROMIUM_PATH,
 * SHOTS (a folder for screenshots, default the system temp folder). Leaves the unit's
 * requiresReview on. Exit code 0 when every check passed, 1 otherwise.
 */
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from './browser'

const BASE = process.env.BASE_URL ?? 'http://localhost:3000'
const SHOTS = process.env.SHOTS ?? path.join(tmpdir(), 'review-panel-shots')
const PASSWORD = 'demo-Password-2025'
const stamp = String(Date.now()).slice(-6)

let failures = 0
function check(name: string, ok: boolean, detail = ''): void {
  if (!ok) failures++
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}\n`)
}

async function signIn(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1500, height: 1100 }, locale: 'vi-VN' })
  const page = await context.newPage()
  page.setDefaultTimeout(120_000)
  page.on('pageerror', (e) => check(`no script error on the page (${email})`, false, e.message))
  await page.goto(`${BASE}/admin/login`)
  await page.fill('input[name="email"]', email)
  await page.fill('input[name="password"]', PASSWORD)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin(?!\/login)/)
  return { context, page }
}

const panel = (page: Page) => page.locator('[data-testid="review-panel"]')
const stateOf = async (page: Page) => (await page.locator('[data-testid="review-state"]').textContent())?.trim()
const shot = (page: Page, name: string) =>
  page.locator('[data-testid="review-panel"]').screenshot({ path: path.join(SHOTS, `${name}.png`) })

async function openArticle(page: Page, id: string | number): Promise<void> {
  await page.goto(`${BASE}/admin/collections/articles/${id}`)
  await panel(page).waitFor()
  // The server's HTML comes first; typing before React hydrates the form would be lost.
  await page.waitForSelector('#field-title:not([disabled])')
}

async function main(): Promise<void> {
  mkdirSync(SHOTS, { recursive: true })
  const browser = await launchBrowser()
  try {
    // The admin turns review on for the editor's unit.
    const admin = await signIn(browser, 'admin@demo.gov.vn')
    const users = await admin.context.request.get(`${BASE}/api/users?where[email][equals]=editor@demo.gov.vn&depth=0`)
    const unit = ((await users.json()) as { docs: Array<{ unit: number }> }).docs[0]?.unit
    check('the demo editor has a unit', unit !== undefined)
    const patched = await admin.context.request.patch(`${BASE}/api/units/${unit}`, { data: { requiresReview: true } })
    check('the admin turns review on for that unit', patched.ok(), String(patched.status()))
    await admin.context.close()

    // The editor creates and saves an article, and cannot submit unsaved changes.
    const editor = await signIn(browser, 'editor@demo.gov.vn')
    const title = `Bài duyệt thử ${stamp}`
    // Drafts autosave: the create view makes the draft at once and saves each change after ~2 s.
    await editor.page.goto(`${BASE}/admin/collections/articles/create`)
    await editor.page.waitForURL(/\/admin\/collections\/articles\/\d+/)
    const id = /articles\/(\d+)/.exec(editor.page.url())?.[1]
    check('the create view makes a draft', id !== undefined, editor.page.url())
    await panel(editor.page).waitFor()
    const submit = editor.page.locator('#review-submit')
    await editor.page.fill('#field-title', title)
    await editor.page.locator('[data-testid="review-unsaved"]').waitFor()
    check('unsaved changes disable "Gửi duyệt"', await submit.isDisabled())
    await shot(editor.page, '1-editor-unsaved')
    await editor.page.locator('[data-testid="review-unsaved"]').waitFor({ state: 'detached' })
    check('once autosaved, "Gửi duyệt" is enabled', await submit.isEnabled())
    await openArticle(editor.page, id!)
    check('the saved draft has the title', (await editor.page.inputValue('#field-title')) === title)
    check('the panel shows a draft', (await stateOf(editor.page)) === 'Bản nháp')
    check(
      'the panel says the unit requires review',
      ((await panel(editor.page).textContent()) ?? '').includes('yêu cầu duyệt trước khi xuất bản'),
    )
    check(
      'the editor is offered "Gửi duyệt" only',
      (await submit.count()) === 1 && (await panel(editor.page).locator('button').count()) === 1,
    )
    await editor.page.screenshot({ path: path.join(SHOTS, '0-editor-draft.png') })
    await submit.click()
    await editor.page.waitForFunction(
      () => document.querySelector('[data-testid="review-state"]')?.textContent?.trim() === 'Chờ duyệt',
    )
    check('after submitting, the state is "Chờ duyệt"', (await stateOf(editor.page)) === 'Chờ duyệt')
    check('the editor may withdraw', (await editor.page.locator('#review-withdraw').count()) === 1)
    await shot(editor.page, '2-editor-submitted')

    // The manager returns it; the return needs a reason.
    const manager = await signIn(browser, 'manager@demo.gov.vn')
    await openArticle(manager.page, id!)
    check('the manager sees "Chờ duyệt"', (await stateOf(manager.page)) === 'Chờ duyệt')
    check('the manager is offered approval', (await manager.page.locator('#review-approve').count()) === 1)
    const ret = manager.page.locator('#review-return')
    check('"Trả lại" is disabled without a reason', await ret.isDisabled())
    const reason = `Thiếu nguồn trích dẫn ở đoạn 2 (${stamp})`
    await manager.page.fill('textarea[aria-label="Lý do trả lại"]', reason)
    const enabled = await manager.page
      .waitForFunction(() => !(document.querySelector('#review-return') as HTMLButtonElement | null)?.disabled, null, {
        timeout: 10_000,
      })
      .then(
        () => true,
        () => false,
      )
    check('"Trả lại" is enabled with a reason', enabled)
    await shot(manager.page, '3-manager-before-return')
    await ret.click()
    await manager.page.waitForFunction(
      () => document.querySelector('[data-testid="review-state"]')?.textContent?.trim() === 'Trả lại',
    )
    check('after returning, the manager sees "Trả lại"', (await stateOf(manager.page)) === 'Trả lại')

    // The editor sees the reason and submits again.
    await openArticle(editor.page, id!)
    check('the editor sees "Trả lại"', (await stateOf(editor.page)) === 'Trả lại')
    const shown = (await editor.page.locator('[data-testid="review-reason"]').textContent()) ?? ''
    check('the editor sees the reason', shown.includes(reason), shown)
    const historyText = (await editor.page.locator('[data-testid="review-history"]').textContent()) ?? ''
    check('the history names the manager', historyText.includes('Lãnh đạo Demo'), historyText)
    await shot(editor.page, '4-editor-returned')
    await editor.page.click('#review-submit')
    await editor.page.waitForFunction(
      () => document.querySelector('[data-testid="review-state"]')?.textContent?.trim() === 'Chờ duyệt',
    )

    // The manager tries a publishing time in the past: the server's message shows; then approves now.
    await openArticle(manager.page, id!)
    await manager.page.fill('input[aria-label="Hẹn xuất bản"]', '2020-01-01T08:00')
    const scheduledLabel = await manager.page
      .waitForFunction(() => document.querySelector('#review-approve')?.textContent?.includes('hẹn xuất bản'), null, {
        timeout: 10_000,
      })
      .then(
        () => true,
        () => false,
      )
    check('a date makes the button a scheduled approval', scheduledLabel)
    await manager.page.click('#review-approve')
    const error = manager.page.locator('[data-testid="review-error"]')
    await error.waitFor()
    check('a past publishing time shows the server message', ((await error.textContent()) ?? '').includes('tương lai'))
    await shot(manager.page, '5-manager-past-date')
    await manager.page.fill('input[aria-label="Hẹn xuất bản"]', '')
    await manager.page.click('#review-approve')
    await manager.page.waitForFunction(
      () => document.querySelector('[data-testid="review-state"]')?.textContent?.trim() === 'Đã duyệt',
    )
    check('after approving, the state is "Đã duyệt"', (await stateOf(manager.page)) === 'Đã duyệt')
    await shot(manager.page, '6-manager-approved')
    const doc = (await (await manager.context.request.get(`${BASE}/api/articles/${id}?depth=0`)).json()) as {
      _status?: string
      review?: { state?: string }
    }
    check('the article is published', doc._status === 'published', String(doc._status))
    const anonymous = await browser.newContext()
    const pub = await anonymous.request.get(`${BASE}/api/articles/${id}?depth=0`)
    check('the public reads it', pub.ok(), String(pub.status()))
    await anonymous.close()
    await editor.context.close()
    await manager.context.close()
  } finally {
    await browser.close()
  }
  process.stdout.write(
    `${failures === 0 ? 'all checks passed' : `${failures} check(s) failed`}; screenshots in ${SHOTS}\n`,
  )
  process.exit(failures === 0 ? 0 : 1)
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`)
  process.exit(1)
})
