/**
 * Issue 22, the plan calendar in a real Chromium against the built app with the demo seed
 * (`npm run test:e2e -- test/e2e/calendar.test.ts`): a manager sees a planned item and the plan's
 * deadlines, filters with the filters kept in the URL, drags the item to another day (a real save
 * through the API) and clicks through to it. Then the acceptance journey: a manager plans
 * three items for a task on the calendar's own form and assigns them to an editor (an assignee of
 * another unit is refused in the form); the editor finds them on their calendar and publishes
 * one; the calendar, the dashboard and the forecast move by exactly that one; a drag re-plans
 * another. Screenshots under test/e2e/artifacts/screenshots/.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest'
import { PLAN } from '../../src/seed/planData'
import { launchBrowser } from './browser'
import { apiToken, restCall, signInAs } from './signIn'

const BASE = process.env.E2E_BASE_URL ?? ''
const SHOTS = path.join(process.env.E2E_ARTIFACTS ?? path.resolve(import.meta.dirname, 'artifacts'), 'screenshots')
const TITLE = 'Bài dự kiến trên lịch (E2E)'

let browser: Browser

const vnToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date())
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

const api = (method: string, route: string, token: string, body?: unknown) => restCall(BASE, method, route, token, body)

/** The user signed in in the browser, and their API token for the checks made over HTTP. */
async function signIn(role: string): Promise<{ page: Page; token: string }> {
  const token = await apiToken(BASE, role)
  const { page } = await signInAs(browser, BASE, role, (p) =>
    p.screenshot({ path: path.join(SHOTS, '22-FAILED.png'), fullPage: true }).then(() => undefined),
  )
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

const JOURNEY = ['Lịch: bài kế hoạch một (E2E)', 'Lịch: bài kế hoạch hai (E2E)', 'Lịch: bài kế hoạch ba (E2E)']
const TASK_CODE = 'E2E-22'

type ViewEvent = { id: string; kind: string; day: string; title: string; item?: number }

/** The calendar's events as the endpoint gives them to `token`'s user. */
async function calendarEvents(token: string, from: string, to: string): Promise<ViewEvent[]> {
  const res = await api('GET', `calendar/events?from=${from}&to=${to}`, token)
  expect(res.status, JSON.stringify(res.json)).toBe(200)
  return res.json.events as ViewEvent[]
}

/** The journey's task as the dashboard shows it: achieved and the forecast ("Dự kiến: X/Y"). */
async function readDashboard(page: Page, plan: number, today: string): Promise<{ achieved: number; forecast: number }> {
  await page.goto(`${BASE}/admin/quota?plan=${plan}&asOf=${today}`)
  const target = page.getByTestId(`task-${TASK_CODE}`).locator('[data-testid^="target-"]').first()
  await target.waitFor()
  const achieved = Number(await target.getByTestId('achieved').textContent())
  const text = (await target.getByTestId('forecast').textContent()) ?? ''
  const m = /Dự kiến: (\d+)\//.exec(text)
  if (!m) throw new Error(`no forecast in "${text}"`)
  return { achieved, forecast: Number(m[1]) }
}

async function dragTo(page: Page, event: ReturnType<Page['locator']>, day: string): Promise<void> {
  const from = await event.boundingBox()
  const to = await page.locator(`td.fc-daygrid-day[data-date="${day}"]`).boundingBox()
  if (!from || !to) throw new Error('the event or the target day is not on screen')
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move(from.x + from.width / 2 + 5, from.y + from.height / 2 + 5, { steps: 5 })
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 20 })
  await page.mouse.up()
}

describe.sequential('issue 22 acceptance: planning on the calendar, publishing, counts and forecast', () => {
  beforeAll(async () => {
    if (!BASE) throw new Error('E2E_BASE_URL is not set: run the suite with `npm run test:e2e`')
    mkdirSync(SHOTS, { recursive: true })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  test('a manager plans three items for a task, the editor publishes one, a drag re-plans another', async () => {
    const today = vnToday()
    // Three days in one month (so one month view shows them all), inside the task's window.
    let first = addDays(today, 3)
    if (Number(first.slice(8, 10)) > 24) first = `${addDays(first, 10).slice(0, 7)}-02`
    const days = [first, addDays(first, 1), addDays(first, 2)]
    const deadline = addDays(today, 75)

    // The admin sets the stage: a content task of the demo plan due in 75 days, 10 articles on
    // the home channel counted from today, led by the demo unit; and a user of another unit.
    const adminToken = await apiToken(BASE, 'admin')
    const editorUser = (
      await api('GET', `users?where[email][equals]=${encodeURIComponent('editor@demo.gov.vn')}&depth=0`, adminToken)
    ).json.docs as Array<{ id: number; unit: number }>
    const editorId = editorUser[0]!.id
    const unit = editorUser[0]!.unit
    // The editor publishes straight from the item, so their unit must not require review for this
    // journey; the review journeys switch it on, and the file order is not fixed.
    const unitBefore = (await api('GET', `units/${unit}?depth=0`, adminToken)).json as { requiresReview?: boolean }
    await api('PATCH', `units/${unit}?depth=0`, adminToken, { requiresReview: false })
    onTestFinished(async () => {
      await api('PATCH', `units/${unit}?depth=0`, adminToken, { requiresReview: unitBefore.requiresReview === true })
    })
    const plan = (
      (await api('GET', `plans?where[code][equals]=${encodeURIComponent(PLAN.code)}&depth=0`, adminToken)).json
        .docs as Array<{ id: number }>
    )[0]!.id
    const home = (
      (await api('GET', 'channels?where[isHome][equals]=true&depth=0', adminToken)).json.docs as Array<{
        id: number
      }>
    )[0]!.id
    const task = await api('POST', 'tasks?depth=0', adminToken, {
      plan,
      code: TASK_CODE,
      title: 'Tuyên truyền trên lịch kế hoạch (E2E)',
      leadUnits: [unit],
      timeframe: { kind: 'deadline', deadline },
      targets: [
        {
          kind: 'content',
          quantity: 10,
          contentTypes: ['articles'],
          channels: [home],
          mode: 'pooled',
          windowStart: today,
        },
      ],
    })
    expect(task.status, JSON.stringify(task.json)).toBe(201)
    const taskId = (task.json.doc as { id: number }).id
    const otherUnit = await api('POST', 'units?depth=0', adminToken, { name: 'Vụ Kế hoạch (E2E lịch)' })
    expect(otherUnit.status, JSON.stringify(otherUnit.json)).toBe(201)
    const outsider = await api('POST', 'users?depth=0', adminToken, {
      email: 'ngoai-don-vi-e2e@demo.gov.vn',
      password: 'e2e-Password-2025',
      name: 'Người đơn vị khác (E2E)',
      role: 'editor',
      unit: (otherUnit.json.doc as { id: number }).id,
    })
    expect(outsider.status, JSON.stringify(outsider.json)).toBe(201)

    const { page, token } = await signIn('manager')
    const before = await readDashboard(page, plan, today)

    // The calendar, filtered to the plan: the task's target window is a bar, and a click on a day
    // opens the form with that day.
    await page.goto(`${BASE}/admin/calendar?plan=${plan}&view=dayGridMonth&date=${days[0]}`)
    await page
      .locator('.fc-event', { hasText: `Nhiệm vụ ${TASK_CODE}` })
      .first()
      .waitFor()
    const form = page.getByTestId('plan-item-form')
    const fill = async (title: string) => {
      await form.getByLabel('Tiêu đề').fill(title)
      await form.getByLabel('Loại nội dung').selectOption('articles')
      await form.getByLabel('Nhiệm vụ').selectOption(String(taskId))
    }

    // Bad input first: an assignee of another unit is the API's 400, shown in the form.
    await page.locator(`td.fc-daygrid-day[data-date="${days[0]}"] .fc-daygrid-day-top`).click()
    await form.waitFor()
    await expect(form.getByLabel('Ngày dự kiến đăng').inputValue()).resolves.toBe(days[0])
    await fill('Bài giao nhầm đơn vị (E2E)')
    await form.getByLabel('Người thực hiện').selectOption(String((outsider.json.doc as { id: number }).id))
    await form.getByRole('button', { name: 'Lưu kế hoạch' }).click()
    const error = page.getByTestId('plan-item-error')
    await expect.poll(() => error.textContent(), { timeout: 30_000 }).toContain('Người thực hiện')
    expect(await error.textContent()).toContain('thuộc đơn vị')
    await expect(form.getByLabel('Người thực hiện').getAttribute('aria-invalid')).resolves.toBe('true')
    await page.screenshot({ path: path.join(SHOTS, '22-plan-form-400.png'), fullPage: true })
    const refused = await api(
      'GET',
      `articles?where[title][equals]=${encodeURIComponent('Bài giao nhầm đơn vị (E2E)')}&draft=true`,
      token,
    )
    expect(refused.json.totalDocs).toBe(0)

    // Three items, each on its day, given to the editor: each appears without a reload.
    for (const [i, title] of JOURNEY.entries()) {
      if (i > 0) {
        await page.getByTestId('plan-item-open').click()
        await form.getByLabel('Ngày dự kiến đăng').fill(days[i]!)
      }
      await fill(title)
      await form.getByLabel('Người thực hiện').selectOption(String(editorId))
      if (i === 0) await page.screenshot({ path: path.join(SHOTS, '22-plan-form.png'), fullPage: true })
      await form.getByRole('button', { name: 'Lưu kế hoạch' }).click()
      await page.locator(`td.fc-daygrid-day[data-date="${days[i]}"] .fc-event`, { hasText: title }).waitFor()
      await expect.poll(() => page.getByTestId('calendar-message').textContent(), { timeout: 30_000 }).toContain(title)
    }
    await page.screenshot({ path: path.join(SHOTS, '22-planned-three.png'), fullPage: true })
    const planned = await readDashboard(page, plan, today)
    expect(planned).toEqual({ achieved: before.achieved, forecast: before.forecast + 3 })

    // The editor sees them on their own calendar (no filter), assigned to them, and publishes one.
    const editor = await signIn('editor')
    const range = [addDays(today, -1), addDays(days[2]!, 3)] as const
    const mine = (await calendarEvents(editor.token, ...range)).filter((e) => JOURNEY.includes(e.title))
    expect(mine.map((e) => [e.kind, e.day, e.title])).toEqual(JOURNEY.map((t, i) => ['planned', days[i], t]))
    await editor.page.goto(`${BASE}/admin/calendar?view=dayGridMonth&date=${days[0]}`)
    for (const title of JOURNEY) await editor.page.locator('.fc-event', { hasText: title }).first().waitFor()
    await editor.page.screenshot({ path: path.join(SHOTS, '22-editor-calendar.png'), fullPage: true })
    // Editors do not plan: no form, no button.
    expect(await editor.page.getByTestId('plan-item-open').count()).toBe(0)
    await editor.page.locator('.fc-event', { hasText: JOURNEY[0] }).first().click()
    await editor.page.waitForURL(/\/admin\/collections\/articles\/\d+/)
    await editor.page.getByRole('button', { name: 'Xuất bản', exact: true }).click()
    await expect
      .poll(() => editor.page.getByText('Cập nhật thành công').count(), { timeout: 60_000 })
      .toBeGreaterThan(0)

    // The calendar moves by one: one planned item fewer, one published chip (home channel, today).
    const after = (await calendarEvents(editor.token, ...range)).filter((e) => JOURNEY.includes(e.title))
    expect(after.filter((e) => e.kind === 'planned').map((e) => e.title)).toEqual(JOURNEY.slice(1))
    expect(after.filter((e) => e.kind === 'published').map((e) => [e.day, e.title])).toEqual([[today, JOURNEY[0]]])
    await editor.page.goto(`${BASE}/admin/calendar?view=dayGridMonth&date=${today}`)
    await editor.page.locator(`td.fc-daygrid-day[data-date="${today}"] .fc-event`, { hasText: JOURNEY[0] }).waitFor()
    await editor.page.screenshot({ path: path.join(SHOTS, '22-after-publish.png'), fullPage: true })

    // The dashboard moves by one; the forecast keeps its total (one planned item became achieved).
    const published = await readDashboard(page, plan, today)
    expect(published).toEqual({ achieved: before.achieved + 1, forecast: before.forecast + 3 })
    await page.screenshot({ path: path.join(SHOTS, '22-dashboard-forecast.png'), fullPage: true })

    // A drag re-plans the third item by a day: a real save, checked through the API.
    await page.goto(`${BASE}/admin/calendar?plan=${plan}&view=dayGridMonth&date=${days[2]}`)
    const third = page.locator(`td.fc-daygrid-day[data-date="${days[2]}"] .fc-event`, { hasText: JOURNEY[2] })
    await third.waitFor()
    const moved = addDays(days[2]!, 1)
    await dragTo(page, third, moved)
    await expect
      .poll(() => page.getByTestId('calendar-message').textContent(), { timeout: 30_000 })
      .toContain(moved.split('-').reverse().join('/'))
    const replanned = (await calendarEvents(editor.token, ...range)).find((e) => e.title === JOURNEY[2])
    expect(replanned).toMatchObject({ kind: 'planned', day: moved })
    // Re-planned inside the window: the forecast does not move.
    expect((await readDashboard(page, plan, today)).forecast).toBe(before.forecast + 3)
    await editor.page.context().close()
  })
})
