/**
 * Issue 22, the plan calendar in a real Chromium against the built app with the demo seed
 * (`npm run test:e2e -- test/e2e/calendar.test.ts`): a manager sees a planned item and the plan's
 * deadlines, filters with the filters kept in the URL, drags the item to another day (a real save
 * through the API) and clicks through to it. Screenshots under test/e2e/artifacts/screenshots/.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from 'vitest'
import { DEMO_PASSWORD, DEMO_USERS, PLAN } from '../../src/seed/planData'
import { launchBrowser } from './browser'

const BASE = process.env.E2E_BASE_URL ?? ''
const SHOTS = path.join(process.env.E2E_ARTIFACTS ?? path.resolve(import.meta.dirname, 'artifacts'), 'screenshots')
const TITLE = 'Bài dự kiến trên lịch (E2E)'

let browser: Browser

const vnToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date())
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

async function api(method: string, route: string, token: string, body?: unknown) {
  const res = await fetch(`${BASE}/api/${route}`, {
    method,
    headers: { Authorization: `JWT ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, json: (await res.json().catch(() => ({}))) as Record<string, unknown> }
}

async function signIn(role: string): Promise<{ page: Page; token: string }> {
  const user = DEMO_USERS.find((u) => u.role === role)
  if (!user) throw new Error(`no demo ${role}`)
  const login = await fetch(`${BASE}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: DEMO_PASSWORD }),
  })
  const token = ((await login.json()) as { token?: string }).token ?? ''
  const context = await browser.newContext({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1440, height: 900 },
  })
  const page = await context.newPage()
  page.setDefaultTimeout(60_000)
  onTestFailed(async () => {
    await page.screenshot({ path: path.join(SHOTS, '22-FAILED.png'), fullPage: true }).catch(() => undefined)
  })
  await page.goto(`${BASE}/admin/login`)
  await page.getByLabel('Email').fill(user.email)
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await page.waitForURL(/\/admin\/?$/)
  return { page, token }
}

describe.sequential('issue 22: the plan calendar', () => {
  beforeAll(async () => {
    if (!BASE) throw new Error('E2E_BASE_URL is not set: run the suite with `npm run test:e2e`')
    mkdirSync(SHOTS, { recursive: true })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  test('a manager finds a planned item, filters in the URL, drags it to the next day and opens it', async () => {
    const { page, token } = await signIn('manager')
    const tasks = await api('GET', `tasks?where[code][equals]=1&depth=0&limit=5`, token)
    const task = (tasks.json.docs as Array<{ id: number; plan: number }>).find(Boolean)
    expect(task, JSON.stringify(tasks.json)).toBeTruthy()
    const planned = addDays(vnToday(), 3)
    const created = await api('POST', 'articles?depth=0', token, {
      title: TITLE,
      _status: 'draft',
      tasks: [task?.id],
      plannedDate: planned,
    })
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    const id = (created.json.doc as { id: number }).id

    await page.goto(`${BASE}/admin/calendar?view=dayGridMonth&date=${planned}`)
    const item = page.locator('.fc-event', { hasText: TITLE })
    await item.first().waitFor()
    await page.screenshot({ path: path.join(SHOTS, '22-calendar-month.png'), fullPage: true })

    // A filter is applied as it changes and kept in the address.
    await page.getByTestId('calendar-filter-type').selectOption('articles')
    await expect.poll(() => page.url(), { timeout: 30_000 }).toMatch(/[?&]type=articles/)
    await item.first().waitFor()
    await page.getByTestId('calendar-filter-type').selectOption('videos')
    await expect.poll(() => item.count(), { timeout: 30_000 }).toBe(0)
    await page.getByTestId('calendar-filter-type').selectOption('')
    await item.first().waitFor()

    // Dragged to the next day: saved through the API, and still there after a reload.
    const next = addDays(planned, 1)
    const from = await item.first().boundingBox()
    const to = await page.locator(`td.fc-daygrid-day[data-date="${next}"]`).boundingBox()
    if (!from || !to) throw new Error('the event or the target day is not on screen')
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await page.mouse.down()
    await page.mouse.move(from.x + from.width / 2 + 5, from.y + from.height / 2 + 5, { steps: 5 })
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 20 })
    await page.mouse.up()
    await expect
      .poll(() => page.getByTestId('calendar-message').textContent(), { timeout: 30_000 })
      .toContain(next.split('-').reverse().join('/'))
    const saved = await api('GET', `articles/${id}?depth=0&draft=true`, token)
    const savedDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
      new Date(String((saved.json as { plannedDate?: string }).plannedDate)),
    )
    expect(savedDay).toBe(next)
    await page.reload()
    await page.locator(`td.fc-daygrid-day[data-date="${next}"] .fc-event`, { hasText: TITLE }).waitFor()

    // The plan's deadlines are on it too (the demo's task 1 is due on 30/8/2025).
    await page.goto(`${BASE}/admin/calendar?view=listMonth&date=2025-08-15&plan=${task?.plan}`)
    await page
      .locator('.fc-list-event', { hasText: `Hạn nhiệm vụ 1 (${PLAN.code})` })
      .first()
      .waitFor()
    // In the list, under its day's heading: 30/8/2025.
    expect(await page.locator('.fc-list-day[data-date="2025-08-30"]').count()).toBe(1)
    await page.screenshot({ path: path.join(SHOTS, '22-calendar-deadlines.png'), fullPage: true })

    // A click opens the item.
    await page.goto(`${BASE}/admin/calendar?view=dayGridMonth&date=${next}`)
    await page.locator('.fc-event', { hasText: TITLE }).first().click()
    await page.waitForURL(new RegExp(`/admin/collections/articles/${id}`))
  })
})
