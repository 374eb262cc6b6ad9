/**
 * The users' journeys in a real Chromium, against the built app on its embedded database with the
 * demo seed (run by `npm run test:e2e`, see run.ts). Every number asserted here is read from the
 * screen before and after the users' clicks; nothing is computed on the side.
 *
 * The seeded task 1 ("Truyền thông kết quả kết nối…", deadline 30/8/2025) counts articles only,
 * so the manager first widens its target to infographics in the task editor (a manager's job);
 * then the numbers are read, an editor and a multimedia staff member publish one item each with
 * publications dated 25/8/2025, and the dashboard as of 30/8/2025 must show exactly two more.
 * The home channel is entered by hand with that date: the row the CMS adds on publish carries
 * today's date, outside the task's 2025 window.
 *
 * Journey 5 turns editorial review on for the editor's unit and takes an article through it
 * (submit, return with a reason, resubmit, a stale approval refused, approval): it runs last,
 * since journeys 1–2 publish directly in that unit.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import Parser from 'rss-parser'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from 'vitest'
import { IMAGE_SIZES } from '../../media/uploadConfig'
import { CHANNELS, DEMO_PASSWORD, DEMO_USERS, PLAN } from '../../src/seed/planData'
import { launchBrowser } from './browser'

const BASE = process.env.E2E_BASE_URL ?? ''
const ARTIFACTS = process.env.E2E_ARTIFACTS ?? path.resolve(import.meta.dirname, 'artifacts')

const email = (role: string): string => {
  const user = DEMO_USERS.find((u) => u.role === role)
  if (!user) throw new Error(`no demo ${role} in the seed`)
  return user.email
}
const channelName = (key: string): string => {
  const channel = CHANNELS.find((c) => c.key === key)
  if (!channel) throw new Error(`no channel ${key} in the seed`)
  return channel.name
}
const seededTask = PLAN.tasks.find((t) => t.code === '1')
if (!seededTask) throw new Error('the seed has no task 1')
const TASK_CODE = seededTask.code
const TASK_TITLE = seededTask.title
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
/** The task in the picker: "<plan code> · <STT>. <title> · hạn d/M/yyyy" (#21 point 2). */
const TASK_OPTION = new RegExp(`^${escapeRegExp(PLAN.code)} · ${TASK_CODE}\\. ${escapeRegExp(TASK_TITLE)} · `)
const HOME = channelName('portal')
const VNEXPRESS = channelName('vnexpress')
/** Inside task 1's window (1/7–30/8/2025), typed the way the date picker shows it. */
const PUBLISHED_ON = '25/8/2025'
const AS_OF = '2025-08-30'
/** expect.poll's default second is too short for a page under a loaded build. */
const POLL = { timeout: 30_000 }

const ARTICLE = 'Cổng Dịch vụ công quốc gia: 9 triệu hồ sơ trực tuyến sau đồng bộ (E2E)'
const DRAFT = 'Bản nháp chưa xuất bản về Cổng Dịch vụ công (E2E)'
const INFOGRAPHIC = 'Infographic: tỷ lệ hồ sơ trực tuyến theo tỉnh (E2E)'

interface TargetNumbers {
  achieved: number
  target: number
  totals: number
  /** Channel name → the number its bar shows. */
  channels: Map<string, number>
}

/** Shared across the journeys, in order: what the manager saw before, and where things are. */
const state: { before?: TargetNumbers; dashboardUrl?: string; feedUrl?: string } = {}

let browser: Browser
const contexts: BrowserContext[] = []
let shots = 0

async function screenshot(page: Page, name: string): Promise<void> {
  shots += 1
  await page.screenshot({ path: path.join(ARTIFACTS, `${String(shots).padStart(2, '0')}-${name}.png`), fullPage: true })
}

/** A fresh browser profile per person, as on their own machines; Vietnamese locale and time zone. */
async function newPage(): Promise<Page> {
  const context = await browser.newContext({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
  })
  contexts.push(context)
  const page = await context.newPage()
  page.setDefaultTimeout(60_000)
  page.setDefaultNavigationTimeout(90_000)
  // What the user was looking at when a step failed.
  onTestFailed(() => screenshot(page, 'FAILED').catch(() => undefined))
  return page
}

async function signIn(role: string): Promise<Page> {
  const page = await newPage()
  await page.goto(`${BASE}/admin/login`)
  await page.getByLabel('Email').fill(email(role))
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await page.waitForURL(/\/admin\/?$/)
  return page
}

/** Picks an option of a react-select (Payload's relationship and hasMany select fields). */
async function choose(page: Page, field: Locator, search: string, option: string | RegExp): Promise<void> {
  await field.locator('.rs__input').fill(search)
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click()
  await page.keyboard.press('Escape')
}

/** Adds a row to the item's "Đã đăng trên các kênh" array: channel, day and optional URL. */
async function addPublication(page: Page, channel: string, day: string, url?: string): Promise<void> {
  const index = await page.locator('[id^="publications-row-"]').count()
  await page.getByRole('button', { name: 'Thêm: Kênh đăng' }).click()
  const row = page.locator(`#publications-row-${index}`)
  // The row's fields render after a loading shimmer.
  await row.locator('.collapsible__content .shimmer-effect').waitFor({ state: 'detached' })
  await choose(page, row.locator(`#field-publications__${index}__channel`), channel, channel)
  const date = row.locator(`#field-publications__${index}__publishedAt input`)
  await date.fill(day)
  await date.press('Enter')
  if (url) await row.locator(`input[name="publications.${index}.url"]`).fill(url)
}

async function publish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Xuất bản', exact: true }).click()
  await expect.poll(() => page.getByText('Cập nhật thành công').count(), { timeout: 60_000 }).toBeGreaterThan(0)
  await expect(page.getByText('Đã xuất bản', { exact: true }).first().isVisible()).resolves.toBe(true)
}

/** Task 1's first target as the dashboard shows it: the big number, the total and every channel bar. */
async function readTask(page: Page): Promise<TargetNumbers> {
  const target = page.getByTestId(`task-${TASK_CODE}`).locator('[data-testid^="target-"]').first()
  const achieved = Number(await target.getByTestId('achieved').textContent())
  const total = Number(await target.getByTestId('target').textContent())
  const totals = Number(await page.getByTestId('quota-totals').locator('strong').first().textContent())
  const channels = new Map<string, number>()
  for (const bar of await target.locator('li[data-testid^="channel-"]').all()) {
    const text = (await bar.textContent()) ?? ''
    const name = text.slice(0, text.lastIndexOf(':')).trim()
    const shown = Number(await bar.locator('strong').textContent())
    // The bar's label and its data attribute must agree, or a test could read one and users the other.
    expect(Number(await bar.getAttribute('data-achieved')), `bar ${name}`).toBe(shown)
    channels.set(name, shown)
  }
  return { achieved, target: total, totals, channels }
}

/** The manager's way to the numbers: the admin home's quota widget, then the day (applied as it changes). */
async function openDashboard(page: Page): Promise<void> {
  await page.goto(`${BASE}/admin`)
  await page.getByRole('link', { name: 'Bảng tiến độ chỉ tiêu' }).click()
  await page.waitForURL(/\/admin\/quota/)
  await page.locator('[data-testid="dashboard-filters"][data-ready="true"]').waitFor()
  await page.locator('input[name="asOf"]').fill(AS_OF)
  await page.waitForURL(new RegExp(`asOf=${AS_OF}`))
  await page.getByTestId(`task-${TASK_CODE}`).waitFor()
}

/** An infographic-looking PNG (bars and labels), large enough for every derivative. */
function infographicPng(): Promise<Buffer> {
  const bars = [62, 81, 47, 93, 70]
    .map((v, i) => `<rect x="${160 + i * 270}" y="${900 - v * 7}" width="180" height="${v * 7}" fill="#0a5aa0"/>`)
    .join('')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000">
    <rect width="1600" height="1000" fill="#f4f7fb"/>
    <text x="80" y="110" font-size="64" font-family="sans-serif" fill="#102a43">Hồ sơ trực tuyến 2025 (%)</text>
    ${bars}</svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

/** Journey 5: the editorial review (it turns review on for the editor's unit, so it runs last). */
const REVIEWED = 'Thủ tục trực tuyến toàn trình: hướng dẫn cho người dân (E2E duyệt)'
const REASON = 'Thiếu nguồn số liệu ở đoạn 2 (E2E)'

const panel = (page: Page): Locator => page.getByTestId('review-panel')
const reviewState = (page: Page): Locator => page.getByTestId('review-state')

/** The edit view, hydrated: typing or clicking before React takes over the server's HTML is lost. */
async function openItem(page: Page, id: string): Promise<void> {
  await page.goto(`${BASE}/admin/collections/articles/${id}`)
  await panel(page).waitFor()
  await page.locator('#field-title:not([disabled])').waitFor()
}

/** A review step from the panel; the panel reloads the page once the server has answered. */
async function stepTo(page: Page, button: string, state: string): Promise<void> {
  await page.locator(button).click()
  await expect.poll(() => reviewState(page).textContent(), { timeout: 60_000 }).toBe(state)
}

/** What an anonymous visitor gets for the article over HTTP. */
async function asVisitor(id: string): Promise<{ status: number; doc: Record<string, unknown> }> {
  const res = await fetch(`${BASE}/api/articles/${id}?depth=0`)
  return { status: res.status, doc: (await res.json()) as Record<string, unknown> }
}

describe.sequential('users’ journeys in Chromium', () => {
  beforeAll(async () => {
    if (!BASE) throw new Error('E2E_BASE_URL is not set: run the suite with `npm run test:e2e`')
    mkdirSync(ARTIFACTS, { recursive: true })
    browser = await launchBrowser()
  })

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined)
    await browser?.close()
  })

  test('0. the manager counts infographics on task 1 too, notes its feed address and the numbers before', async () => {
    const page = await signIn('manager')
    await openDashboard(page)
    // To the task's editor through the drill-down, as a manager would.
    await page.getByTestId(`task-${TASK_CODE}`).getByRole('link').first().click()
    await page.getByTestId('task-detail').waitFor()
    await page.getByRole('link', { name: 'Sửa nhiệm vụ' }).click()
    await page.locator('input[name="title"]').waitFor()
    await expect(page.locator('input[name="title"]').inputValue()).resolves.toBe(TASK_TITLE)

    await choose(page, page.locator('#field-targets__0__contentTypes'), 'Infographic', 'Infographic')
    await page.getByRole('button', { name: 'Lưu', exact: true }).click()
    await expect.poll(() => page.getByText('thành công').count(), { timeout: 60_000 }).toBeGreaterThan(0)
    const feed = page.getByTestId('feed-links').getByRole('link').first()
    state.feedUrl = (await feed.getAttribute('href')) ?? undefined
    expect(state.feedUrl).toMatch(/^\/feeds\/tasks\/\d+/)
    await screenshot(page, 'manager-task-target-with-infographics')

    await openDashboard(page)
    state.dashboardUrl = page.url()
    state.before = await readTask(page)
    expect(state.before.channels.has(HOME), `bars: ${[...state.before.channels.keys()].join(', ')}`).toBe(true)
    expect(state.before.channels.has(VNEXPRESS)).toBe(true)
    await screenshot(page, 'manager-dashboard-before')
  })

  test('1. an editor writes an article in the Vietnamese admin, tags task 1, records VnExpress and publishes it', async () => {
    const page = await signIn('editor')
    // The admin speaks Vietnamese: the navigation and the collection's own labels.
    await expect(page.getByRole('button', { name: 'Nội dung' }).count()).resolves.toBeGreaterThan(0)
    await page.goto(`${BASE}/admin/collections/articles`)
    await page.getByRole('link', { name: 'Tạo mới' }).first().click()
    // Autosave creates the draft at once and moves to its URL.
    await page.waitForURL(/\/admin\/collections\/articles\/\d+/)
    await page.locator('input[name="title"]').fill(ARTICLE)
    await page
      .locator('textarea[name="summary"]')
      .fill('Các bộ, tỉnh đã đồng bộ hồ sơ thủ tục hành chính với Cổng DVCQG.')
    await page.locator('[contenteditable="true"]').first().click()
    await page.keyboard.type('Sau khi kết nối, người dân nộp hồ sơ trực tuyến một lần cho mọi thủ tục.')
    await choose(page, page.locator('#field-tasks'), 'kết nối các hệ thống', TASK_OPTION)
    await addPublication(page, VNEXPRESS, PUBLISHED_ON, 'https://vnexpress.net/cong-dich-vu-cong-9-trieu-ho-so-e2e')
    await addPublication(page, HOME, PUBLISHED_ON)
    await screenshot(page, 'editor-article-filled')
    await publish(page)
    await screenshot(page, 'editor-article-published')
    // The sidebar tells the editor that the article counts toward task 1, on which channels, and
    // where the task stands (#21 point 1).
    await page.reload()
    const counting = page.getByTestId('item-counting')
    await counting.waitFor()
    await expect(counting.locator('li[data-verdict]').first().getAttribute('data-verdict')).resolves.toBe('counts')
    await expect(counting.textContent()).resolves.toMatch(/Được tính \(.*VnExpress/)
    await expect(counting.getByTestId('item-counting-warning').count()).resolves.toBe(0)
    await screenshot(page, 'editor-article-counts')

    // A second article, tagged and with a VnExpress row too, left as an autosaved draft: it must
    // count nowhere and appear in no feed.
    await page.goto(`${BASE}/admin/collections/articles`)
    await page.getByRole('link', { name: 'Tạo mới' }).first().click()
    await page.waitForURL(/\/admin\/collections\/articles\/\d+/)
    const id = page.url().match(/articles\/(\d+)/)?.[1]
    const draftLink = 'https://vnexpress.net/ban-nhap-e2e'
    // The autosave that carries the last edit (an earlier one may still be in flight).
    const autosaved = page.waitForResponse(
      (r) =>
        r.url().includes(`/api/articles/${id}`) &&
        r.request().method() === 'PATCH' &&
        (r.request().postData() ?? '').includes(draftLink) &&
        r.ok(),
      { timeout: 60_000 },
    )
    await page.locator('input[name="title"]').fill(DRAFT)
    await choose(page, page.locator('#field-tasks'), 'kết nối các hệ thống', TASK_OPTION)
    await addPublication(page, VNEXPRESS, PUBLISHED_ON, draftLink)
    await autosaved
    await page.reload()
    await expect(page.locator('input[name="title"]').inputValue()).resolves.toBe(DRAFT)
    await expect(page.locator('input[name="publications.0.url"]').inputValue()).resolves.toBe(draftLink)
    await expect(page.getByText('Bản nháp', { exact: true }).first().isVisible()).resolves.toBe(true)
    await screenshot(page, 'editor-draft-autosaved')
  })

  test('2. a multimedia staff member uploads a PNG infographic, sees its derivatives, tags task 1 and publishes it', async () => {
    const page = await signIn('multimedia')
    await page.goto(`${BASE}/admin/collections/infographics`)
    await page.getByRole('link', { name: 'Tạo mới' }).first().click()
    await page.waitForURL(/\/admin\/collections\/infographics\/\d+/)
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'ty-le-ho-so-truc-tuyen.png', mimeType: 'image/png', buffer: await infographicPng() })
    await page.locator('input[name="title"]').fill(INFOGRAPHIC)
    await page.locator('input[name="alt"]').fill('Biểu đồ cột tỷ lệ hồ sơ trực tuyến của năm tỉnh')
    await choose(page, page.locator('#field-tasks'), 'kết nối các hệ thống', TASK_OPTION)
    await addPublication(page, HOME, PUBLISHED_ON)
    // The sidebar follows the form: tagged, the infographic is said to count (an infographic on
    // task 1, whose target counts infographics since step 0), before any save or reload.
    const counting = page.getByTestId('item-counting')
    await expect.poll(() => counting.getByTestId('item-counting-untagged').count(), POLL).toBe(0)
    await screenshot(page, 'multimedia-infographic-filled')
    await publish(page)
    await expect
      .poll(() => counting.locator('li[data-verdict]').first().getAttribute('data-verdict'), POLL)
      .toBe('counts')

    // The derivatives, as the sidebar lists them: every configured size named for its use in
    // Vietnamese (no code names like "og" or "cardWebp", no "Original"), at its width, and loadable.
    const sizes = page.getByTestId('image-sizes')
    await expect.poll(() => sizes.locator('li').count(), POLL).toBe(1 + IMAGE_SIZES.length)
    const listed = (await sizes.textContent()) ?? ''
    expect(listed).toContain('Ảnh gốc')
    expect(listed).toContain('Ảnh chia sẻ mạng xã hội')
    expect(listed).not.toMatch(/\b(Original|thumbnail|cardWebp|webWebp|og|square)\b/)
    for (const size of IMAGE_SIZES) {
      const row = sizes.getByTestId(`image-size-${size.name}`)
      expect(await row.getAttribute('data-width'), size.name).toBe(String(size.width))
      expect(await row.getAttribute('data-format'), size.name).toBe(
        size.formatOptions?.format === 'webp' ? 'WEBP' : 'PNG',
      )
    }
    // Payload's drawer with the code names is gone.
    expect(await page.getByRole('button', { name: 'Kích cỡ xem trước' }).isVisible()).toBe(false)
    // Every listed image actually came from the server and decoded.
    await expect
      .poll(
        () =>
          sizes
            .locator('img')
            .evaluateAll((imgs) =>
              imgs.every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0),
            ),
        POLL,
      )
      .toBe(true)
    await screenshot(page, 'multimedia-infographic-derivatives')
  })

  test('3. the manager sees exactly the two new items on the dashboard, per channel, in the drill-down and the XLSX', async () => {
    const before = state.before
    if (!before || !state.dashboardUrl) throw new Error('journey 0 did not record the numbers before')
    const page = await signIn('manager')
    await openDashboard(page)
    const after = await readTask(page)
    await screenshot(page, 'manager-dashboard-after')

    expect(after.target).toBe(before.target)
    expect(after.achieved, 'task 1 attainment').toBe(before.achieved + 2)
    expect(after.totals, 'plan total').toBe(before.totals + 2)
    // The article is on VnExpress and the home portal, the infographic on the home portal.
    const moved = new Map([
      [VNEXPRESS, 1],
      [HOME, 2],
    ])
    expect([...after.channels.keys()]).toEqual([...before.channels.keys()])
    for (const [name, was] of before.channels) {
      expect(after.channels.get(name), `bar ${name}`).toBe(was + (moved.get(name) ?? 0))
    }

    // The drill-down lists the two items by title, and not the draft.
    await page.getByTestId(`task-${TASK_CODE}`).getByRole('link').first().click()
    const detail = page.getByTestId('task-detail')
    await detail.waitFor()
    await expect(detail.getByRole('link', { name: ARTICLE }).count()).resolves.toBe(1)
    await expect(detail.getByRole('link', { name: INFOGRAPHIC }).count()).resolves.toBe(1)
    await expect(detail.getByText(DRAFT).count()).resolves.toBe(0)
    await expect(detail.getByTestId('achieved').first().textContent()).resolves.toBe(String(after.achieved))
    // The big number is the count of the items listed as counted, one by one.
    await expect(detail.locator('tr[data-counted="true"]').count()).resolves.toBe(after.achieved)
    await page.getByTestId('cumulative-chart').first().waitFor()
    await screenshot(page, 'manager-task-drilldown')

    // The export, downloaded from the dashboard's own link, carries the same numbers.
    await page.goto(state.dashboardUrl)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải XLSX' }).click(),
    ])
    const file = path.join(ARTIFACTS, 'bao-cao-chi-tieu.xlsx')
    await download.saveAs(file)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(file)
    const targets = workbook.getWorksheet('Chỉ tiêu')
    const byChannel = workbook.getWorksheet('Theo kênh')
    if (!targets || !byChannel) throw new Error(`sheets: ${workbook.worksheets.map((w) => w.name).join(', ')}`)
    const header = (sheet: ExcelJS.Worksheet, name: string): number => {
      const values = sheet.getRow(1).values as unknown[]
      const index = values.indexOf(name)
      if (index < 1) throw new Error(`no column "${name}" in sheet ${sheet.name}`)
      return index
    }
    const rows = (sheet: ExcelJS.Worksheet) =>
      sheet.getRows(2, sheet.rowCount - 1)?.filter((r) => String(r.getCell(1).value) === TASK_CODE) ?? []
    const taskRows = rows(targets)
    expect(taskRows.length).toBeGreaterThan(0)
    expect(Number(taskRows[0]?.getCell(header(targets, 'Đã đạt')).value)).toBe(after.achieved)
    expect(Number(taskRows[0]?.getCell(header(targets, 'Chỉ tiêu')).value)).toBe(after.target)
    const exported = new Map(
      rows(byChannel).map((r) => [
        String(r.getCell(header(byChannel, 'Kênh')).value),
        Number(r.getCell(header(byChannel, 'Đã đạt')).value),
      ]),
    )
    expect(exported).toEqual(after.channels)
  })

  test('4. an anonymous visitor reads the task’s RSS feed: both items are there, the draft is not', async () => {
    if (!state.feedUrl) throw new Error('journey 0 did not find the task’s feed address')
    const page = await newPage()
    const response = await page.goto(`${BASE}${state.feedUrl}`)
    expect(response?.status()).toBe(200)
    expect(response?.headers()['content-type']).toMatch(/^application\/rss\+xml/)
    const xml = (await response?.text()) ?? ''
    writeFileSync(path.join(ARTIFACTS, 'task-feed.xml'), xml)
    await screenshot(page, 'visitor-task-feed')

    const feed = await new Parser().parseString(xml)
    const titles = feed.items.map((i) => i.title)
    expect(titles).toContain(ARTICLE)
    expect(titles).toContain(INFOGRAPHIC)
    expect(titles).not.toContain(DRAFT)
    const infographic = feed.items.find((i) => i.title === INFOGRAPHIC)
    expect(infographic?.enclosure?.type).toBe('image/png')
  })

  test('5. review on: the editor submits (no Publish button), the manager returns with a reason, the editor resubmits, a stale approval is refused, the approval publishes and counts', async () => {
    // The admin turns review on for the editor's unit (the demo units publish directly).
    const admin = await signIn('admin')
    const users = await admin.request.get(`${BASE}/api/users?where[email][equals]=${email('editor')}&depth=0`)
    const unit = ((await users.json()) as { docs: Array<{ unit: number }> }).docs[0]?.unit
    expect(unit).toBeDefined()
    await admin.goto(`${BASE}/admin/collections/units/${unit}`)
    const requires = admin.locator('#field-requiresReview')
    await requires.waitFor()
    await admin.locator('#field-name:not([disabled]), input[name="name"]:not([disabled])').first().waitFor()
    if (!(await requires.isChecked())) await requires.check()
    await admin.getByRole('button', { name: 'Lưu', exact: true }).click()
    await expect.poll(() => admin.getByText('thành công').count(), { timeout: 60_000 }).toBeGreaterThan(0)
    const unitNow = await admin.request.get(`${BASE}/api/units/${unit}?depth=0`)
    expect(((await unitNow.json()) as { requiresReview?: boolean }).requiresReview).toBe(true)

    const manager = await signIn('manager')
    await openDashboard(manager)
    const before = await readTask(manager)

    // The editor writes an article for task 1, published on the portal on 25/8/2025 once approved.
    const editor = await signIn('editor')
    await editor.goto(`${BASE}/admin/collections/articles/create`)
    await editor.waitForURL(/\/admin\/collections\/articles\/\d+/)
    const id = editor.url().match(/articles\/(\d+)/)?.[1]
    if (!id) throw new Error(`no article id in ${editor.url()}`)
    await panel(editor).waitFor()
    await editor.locator('#field-title:not([disabled])').waitFor()
    await editor.locator('input[name="title"]').fill(REVIEWED)
    // Review steps act on the saved draft: while the form holds unsaved changes the step waits.
    await editor.getByTestId('review-unsaved').waitFor()
    await expect(editor.locator('#review-submit').isDisabled()).resolves.toBe(true)
    await choose(editor, editor.locator('#field-tasks'), 'kết nối các hệ thống', TASK_OPTION)
    await addPublication(editor, HOME, PUBLISHED_ON)
    // Autosave has stored all of it (read back over the API as the editor).
    await expect
      .poll(
        async () => {
          const res = await editor.request.get(`${BASE}/api/articles/${id}?draft=true&depth=0`)
          const doc = (await res.json()) as {
            title?: string
            tasks?: unknown[]
            publications?: Array<{ channel?: unknown; publishedAt?: unknown }>
          }
          // A row counts once its channel and day are saved too: autosave stores the empty row
          // first, and leaving the page before the next autosave would keep it empty.
          const complete = (doc.publications ?? []).filter((p) => p.channel && p.publishedAt).length
          return `${doc.title}|${doc.tasks?.length ?? 0}|${doc.publications?.length ?? 0}|${complete}`
        },
        { timeout: 60_000 },
      )
      .toBe(`${REVIEWED}|1|1|1`)
    await openItem(editor, id)
    await expect(reviewState(editor).textContent()).resolves.toBe('Bản nháp')
    await expect(panel(editor).textContent()).resolves.toContain('yêu cầu duyệt trước khi xuất bản')
    // Payload's Publish button (and its schedule menu) is not offered; saving a draft is.
    await expect(editor.getByRole('button', { name: 'Xuất bản', exact: true }).count()).resolves.toBe(0)
    await expect(editor.getByRole('button', { name: 'Lưu bản nháp' }).count()).resolves.toBe(1)
    await screenshot(editor, 'review-editor-draft')
    await stepTo(editor, '#review-submit', 'Chờ duyệt')
    await expect(editor.locator('#review-withdraw').count()).resolves.toBe(1)
    expect((await asVisitor(id)).status).toBe(404)

    // The manager finds it in the Vietnamese review queue and returns it with a reason.
    await manager.goto(`${BASE}/admin/review`)
    await manager.getByRole('heading', { name: 'Nội dung chờ duyệt' }).waitFor()
    await screenshot(manager, 'review-queue')
    await manager.getByRole('link', { name: REVIEWED }).click()
    await manager.waitForURL(new RegExp(`/admin/collections/articles/${id}`))
    await panel(manager).waitFor()
    await manager.locator('#field-title:not([disabled])').waitFor()
    await expect(reviewState(manager).textContent()).resolves.toBe('Chờ duyệt')
    await expect(manager.getByRole('button', { name: 'Xuất bản', exact: true }).count()).resolves.toBe(1)
    await expect(manager.locator('#review-return').isDisabled()).resolves.toBe(true)
    await manager.locator('textarea[aria-label="Lý do trả lại"]').fill(REASON)
    await expect.poll(() => manager.locator('#review-return').isEnabled()).toBe(true)
    await stepTo(manager, '#review-return', 'Trả lại')

    // The editor is told (a notification with the reason), sees the reason on the item, resubmits.
    await editor.goto(`${BASE}/admin/collections/notifications`)
    await editor.getByRole('link', { name: `Bị trả lại: ${REVIEWED}` }).waitFor()
    await openItem(editor, id)
    await expect(reviewState(editor).textContent()).resolves.toBe('Trả lại')
    await expect(editor.getByTestId('review-reason').textContent()).resolves.toContain(REASON)
    await expect(editor.getByTestId('review-history').textContent()).resolves.toContain('Lãnh đạo Demo')
    await screenshot(editor, 'review-editor-returned')
    await stepTo(editor, '#review-submit', 'Chờ duyệt')

    // The manager opens it; a past publishing time is refused with the server's message.
    await openItem(manager, id)
    await manager.locator('input[aria-label="Hẹn xuất bản"]').fill('2020-01-01T08:00')
    await expect.poll(() => manager.locator('#review-approve').textContent()).toContain('hẹn xuất bản')
    await manager.locator('#review-approve').click()
    await expect.poll(() => manager.getByTestId('review-error').textContent()).toContain('tương lai')
    await manager.locator('input[aria-label="Hẹn xuất bản"]').fill('')

    // Meanwhile the editor changes the draft (what an autosave sends): approving what the manager
    // has on screen would publish text nobody reviewed, so the server refuses it and says why.
    const newer = `${REVIEWED}, bản cập nhật`
    const edit = await editor.request.patch(`${BASE}/api/articles/${id}?draft=true&autosave=true`, {
      data: { title: newer },
    })
    expect(edit.status()).toBe(200)
    await manager.locator('#review-approve').click()
    await expect.poll(() => manager.getByTestId('review-error').textContent()).toContain('đã được sửa sau khi bạn mở')
    await screenshot(manager, 'review-stale-approval')
    await expect(reviewState(manager).textContent()).resolves.toBe('Chờ duyệt')
    expect((await asVisitor(id)).status).toBe(404)

    // Reloaded (the panel offers it), the manager sees the new title and approves it: it goes live.
    await manager.locator('#review-reload').click()
    await manager.getByTestId('review-error').waitFor({ state: 'detached' })
    await manager.locator('#field-title:not([disabled])').waitFor()
    await expect(manager.locator('input[name="title"]').inputValue()).resolves.toBe(newer)
    // Approved without a later time, it is published at once: the panel says so, in one word.
    await stepTo(manager, '#review-approve', 'Đã xuất bản')
    expect(await panel(manager).locator('#review-submit').count()).toBe(0)
    await screenshot(manager, 'review-approved')
    const visitor = await asVisitor(id)
    expect(visitor.status).toBe(200)
    expect(visitor.doc).toMatchObject({ _status: 'published', title: newer })

    // It counts: task 1 and the portal's bar move by one on the manager's dashboard.
    await openDashboard(manager)
    const after = await readTask(manager)
    expect(after.achieved, 'task 1 attainment').toBe(before.achieved + 1)
    expect(after.channels.get(HOME), `bar ${HOME}`).toBe((before.channels.get(HOME) ?? 0) + 1)
  })
})
