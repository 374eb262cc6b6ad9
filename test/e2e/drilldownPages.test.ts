/**
 * Issue 24: a task's drill-down at national scale lists its items a page at a time, in a real
 * Chromium against the built app (`npm run test:e2e -- test/e2e/drilldownPages.test.ts`). A task
 * of its own plan gets 101 published articles over HTTP; the manager's drill-down shows the first
 * 100 with the count of all, "Trang sau →" opens the 101st (the latest first day) and
 * "← Trang trước" goes back, the numbers unchanged. Screenshots go to test/e2e/artifacts/screenshots/.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest'
import { launchBrowser } from './browser'
import { apiToken, restCall, signInAs } from './signIn'

const BASE = process.env.E2E_BASE_URL ?? ''
const SHOTS = path.join(process.env.E2E_ARTIFACTS ?? path.resolve(import.meta.dirname, 'artifacts'), 'screenshots')
const ITEMS = 101
const AS_OF = '2025-12-31'

let browser: Browser
const api = (method: string, route: string, token: string, body?: unknown) => restCall(BASE, method, route, token, body)
const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SHOTS, `24-${name}.png`), fullPage: true }).then(() => undefined)

describe.sequential('issue 24: the drill-down a page at a time', () => {
  beforeAll(async () => {
    if (!BASE) throw new Error('E2E_BASE_URL is not set: run the suite with `npm run test:e2e`')
    mkdirSync(SHOTS, { recursive: true })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  test('101 counted items: the first page shows 100 of 101, the next page the last one, and back', async () => {
    const admin = await apiToken(BASE, 'admin')
    const me = (await api('GET', 'users/me', admin)).json as { user?: { unit?: number | { id: number } } }
    const unitRef = me.user?.unit
    const unit = typeof unitRef === 'object' ? unitRef.id : unitRef
    expect(unit, JSON.stringify(me)).toBeTruthy()
    // Publishing straight from the item needs a unit without review; the review journeys switch
    // it on, and the file order is not fixed.
    const before = (await api('GET', `units/${unit}?depth=0`, admin)).json as { requiresReview?: boolean }
    await api('PATCH', `units/${unit}?depth=0`, admin, { requiresReview: false })
    onTestFinished(async () => {
      await api('PATCH', `units/${unit}?depth=0`, admin, { requiresReview: before.requiresReview === true })
    })
    const home = (
      (await api('GET', 'channels?where[isHome][equals]=true&depth=0', admin)).json.docs as Array<{
        id: number
      }>
    )[0]!.id
    const plan = await api('POST', 'plans?depth=0', admin, {
      code: `KH-TRANG-${Date.now()}`,
      title: 'Kế hoạch thử phân trang (E2E)',
      // Ending before the demo plan does, so the dashboard's default stays the demo plan for the
      // other journeys (pickDefaultPlan: the latest to end, when none is running).
      period: { from: '2025-01-01T00:00:00.000+07:00', to: '2025-12-30T00:00:00.000+07:00' },
    })
    expect(plan.status, JSON.stringify(plan.json)).toBe(201)
    const planId = (plan.json.doc as { id: number }).id
    const task = await api('POST', 'tasks?depth=0', admin, {
      plan: planId,
      code: '1',
      title: 'Tin bài trên cổng (phân trang)',
      leadUnits: [unit],
      timeframe: { kind: 'deadline', deadline: '2025-12-31T00:00:00.000+07:00' },
      targets: [{ kind: 'content', quantity: 150, contentTypes: ['articles'], channels: [home], mode: 'pooled' }],
    })
    expect(task.status, JSON.stringify(task.json)).toBe(201)
    const taskId = (task.json.doc as { id: number }).id
    // One a day from 1 January 2025, so the 101st has the latest first day.
    for (let i = 1; i <= ITEMS; i++) {
      const day = new Date(Date.UTC(2025, 0, i)).toISOString().slice(0, 10)
      const made = await api('POST', 'articles?depth=0', admin, {
        title: `Bài phân trang số ${i}`,
        _status: 'published',
        tasks: [taskId],
        publications: [{ channel: home, publishedAt: `${day}T09:00:00.000+07:00` }],
      })
      expect(made.status, JSON.stringify(made.json)).toBe(201)
    }
    const detail = (await api('GET', `quota/task?task=${taskId}&asOf=${AS_OF}`, admin)).json as {
      targets: Array<{ id: string; achieved: number; itemsTotal: number; itemsTruncated: boolean; items: unknown[] }>
    }
    const target = detail.targets[0]!
    expect(target).toMatchObject({ achieved: ITEMS, itemsTotal: ITEMS, itemsTruncated: true })
    expect(target.items).toHaveLength(100)

    const { page } = await signInAs(browser, BASE, 'manager', (p) => screenshot(p, 'FAILED'))
    await page.goto(`${BASE}/admin/quota?plan=${planId}&asOf=${AS_OF}&task=${taskId}`)
    const view = page.getByTestId('task-detail')
    await view.waitFor()
    const rows = view.getByTestId(`items-${target.id}`).locator('tbody tr')
    const pages = view.getByTestId(`items-pages-${target.id}`)
    expect(await rows.count()).toBe(100)
    expect(await pages.textContent()).toContain('Sản phẩm 1–100 trong 101.')
    // Said above the list too, where a long page is read from.
    expect(await view.getByTestId(`items-pages-top-${target.id}`).textContent()).toContain('Sản phẩm 1–100 trong 101.')
    expect(await rows.first().textContent()).toContain('Bài phân trang số 1')
    await screenshot(page, 'drilldown-page-1')

    await pages.getByRole('link', { name: 'Trang sau →' }).click()
    await page.waitForURL(/[?&]page=2(&|$)/)
    await expect.poll(() => rows.count()).toBe(1)
    expect(await pages.textContent()).toContain('Sản phẩm 101–101 trong 101.')
    expect(await rows.first().textContent()).toContain('Bài phân trang số 101')
    expect(await pages.getByRole('link', { name: 'Trang sau →' }).count()).toBe(0)
    // The numbers do not depend on the page.
    expect(await view.textContent()).toContain('101')
    await screenshot(page, 'drilldown-page-2')

    await pages.getByRole('link', { name: '← Trang trước' }).click()
    await page.waitForURL((url) => !url.searchParams.has('page'))
    await expect.poll(() => rows.count()).toBe(100)
    await page.context().close()
  })
})
