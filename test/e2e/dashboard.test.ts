/**
 * Issue 21 point 4, the dashboard a manager reads at a glance, in a real Chromium against the
 * built app with the demo seed (`npm run test:e2e -- test/e2e/dashboard.test.ts`): the weekly
 * burn-up, the tasks × channels heat map and the units' bars show the report API's numbers for
 * the demo plan on 20/8/2025; each filter changes the address and the page as it is chosen (no
 * button), a reload keeps it, Back undoes it; unknown filter values in the address are ignored
 * with a note. Full-page screenshots at 1440×900 go to test/e2e/artifacts/screenshots/.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser } from './browser'
import { signInAs } from './signIn'

const BASE = process.env.E2E_BASE_URL ?? ''
const SHOTS = path.join(process.env.E2E_ARTIFACTS ?? path.resolve(import.meta.dirname, 'artifacts'), 'screenshots')
const AS_OF = '2025-08-20'
const POLL = { timeout: 30_000 }

interface ApiTarget {
  kind: string
  status: string
  achieved: number
  target: number
  channels: number[]
  contentTypes: string[]
  byChannel: Array<{ channel: number; achieved: number }>
}
interface ApiReport {
  plan: { id: number }
  tasks: Array<{ id: number; code: string; leadUnits: Array<{ id: number }>; targets: ApiTarget[] }>
  channels: Array<{ id: number; name: string }>
}

let browser: Browser
const contexts: BrowserContext[] = []

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `21-04-${name}.png`), fullPage: true })
}

async function signIn(role: string): Promise<Page> {
  const { page, context } = await signInAs(browser, BASE, role, (p) => screenshot(p, 'FAILED'))
  contexts.push(context)
  return page
}

/** The dashboard at an address, once its controls are live. */
async function open(page: Page, query: string): Promise<void> {
  await page.goto(`${BASE}/admin/quota?${query}`)
  await page.locator('[data-testid="dashboard-filters"][data-ready="true"]').waitFor()
}

const params = (page: Page): URLSearchParams => new URL(page.url()).searchParams
const shownTasks = (page: Page): Promise<string[]> =>
  page
    .locator('[data-testid="quota-report"] article[data-testid^="task-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('task-'.length)))

describe.sequential('issue 21 point 4: the dashboard at a glance', () => {
  beforeAll(async () => {
    if (!BASE) throw new Error('E2E_BASE_URL is not set: run the suite with `npm run test:e2e`')
    mkdirSync(SHOTS, { recursive: true })
    browser = await launchBrowser()
  })

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined)
    await browser?.close()
  })

  test('burn-up, heat map and unit bars show the report API’s numbers; filters live in the address', async () => {
    const page = await signIn('manager')
    await open(page, `asOf=${AS_OF}`)
    // The running (here: the demo's only) plan is chosen without asking.
    const plan = await page.locator('select[name="plan"]').inputValue()
    expect(plan).toMatch(/^\d+$/)
    const res = await page.request.get(`${BASE}/api/quota/report?plan=${plan}&asOf=${AS_OF}`)
    expect(res.status()).toBe(200)
    const api = (await res.json()) as ApiReport
    const contentTargets = api.tasks.flatMap((t) => t.targets.filter((x) => x.kind === 'content'))
    expect(contentTargets.length).toBeGreaterThan(0)

    // The burn-up: recharts' SVG with both lines, ending on the report's content items only.
    const chart = page.getByTestId('burnup-chart')
    await expect.poll(() => chart.locator('svg .recharts-line').count(), POLL).toBe(2)
    const achieved = contentTargets.reduce((n, t) => n + t.achieved, 0)
    const target = contentTargets.reduce((n, t) => n + t.target, 0)
    expect(await page.getByTestId('burnup-achieved').textContent()).toBe(String(achieved))
    expect(await page.getByTestId('burnup-target').textContent()).toBe(String(target))
    // Task 1 counted (at least: the journeys may have added theirs) the seed's 2 of its 20 articles
    // by 20/8/2025; the 7 reports are not added to items.
    const task1 = api.tasks.find((t) => t.code === '1')
    expect(task1?.targets[0]?.target).toBe(20)
    expect(task1?.targets[0]?.achieved).toBeGreaterThanOrEqual(2)
    // The seed's five content tasks of 20; other journeys may add tasks of their own to the plan.
    expect(target).toBeGreaterThanOrEqual(100)
    const weeks = await page
      .getByTestId('burnup-table')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent)))
    const known = weeks.filter((w) => w[0] !== '—')
    expect(Number(known.at(-1)?.[0])).toBe(achieved)
    expect(weeks.length).toBeGreaterThan(20) // July to December, week by week

    // The heat map: each content task's cell per channel is the report's count for that channel.
    const heat = page.getByTestId('heatmap')
    await heat.locator('table').waitFor()
    expect(await heat.locator('thead th').count()).toBe(1 + api.channels.length)
    for (const t of api.tasks) {
      const content = t.targets.filter((x) => x.kind === 'content')
      if (content.length === 0) {
        expect(await heat.getByTestId(`heat-row-${t.code}`).count(), `task ${t.code} has no content`).toBe(0)
        continue
      }
      for (const c of api.channels) {
        const count = content.reduce((n, x) => n + (x.byChannel.find((b) => b.channel === c.id)?.achieved ?? 0), 0)
        // A channel none of the task's content targets names has an empty cell, without a count
        // (the calendar journey's task names one channel only).
        const named = content.some((x) => x.channels.includes(c.id))
        const cell = heat.getByTestId(`heat-${t.code}-${c.id}`)
        expect(await cell.getAttribute('data-count'), `task ${t.code}, ${c.name}`).toBe(named ? String(count) : null)
      }
    }
    expect(await heat.getByRole('table').getAttribute('aria-describedby')).toBe('heatmap-legend')
    expect(await page.locator('#heatmap-legend').textContent()).toMatch(/Số sản phẩm \(chỉ tiêu chung\)/)

    // The units' bars: each unit's content items are those of the tasks it leads.
    const bars = page.getByTestId('unit-bars')
    const rows = bars.locator('tbody tr')
    expect(await rows.count()).toBeGreaterThan(1)
    for (const row of await rows.all()) {
      const unit = Number((await row.getAttribute('data-testid'))?.replace('unit-bar-', ''))
      const led = api.tasks.filter((t) => t.leadUnits.some((u) => u.id === unit))
      const items = led.flatMap((t) => t.targets.filter((x) => x.kind === 'content'))
      const shown = await row.getByTestId('unit-content').getAttribute('data-achieved')
      expect(shown, `unit ${unit}`).toBe(items.length ? String(items.reduce((n, x) => n + x.achieved, 0)) : null)
    }
    // No decimals anywhere in the charts' words, and no button to apply a choice.
    expect(await page.getByTestId('quota-report').textContent()).not.toMatch(/\d[.,]\d+\s*%|\d[.,]\d+ sản phẩm/)
    expect(await page.getByRole('button', { name: 'Xem', exact: true }).count()).toBe(0)
    await screenshot(page, '01-dashboard')

    // A filter applies as it is chosen: the address changes, the page follows, with no click on a button.
    const everyTask = await shownTasks(page)
    expect(everyTask).toContain('6')
    // The seed's five article tasks, and any a journey added to the plan (the calendar's E2E-22).
    const articleTasks = everyTask.filter((code) =>
      api.tasks.some((t) => t.code === code && t.targets.some((x) => x.contentTypes.includes('articles'))),
    )
    expect(articleTasks.slice(0, 5)).toEqual(['1', '2', '3', '4', '5'])
    await page.getByTestId('filter-type').selectOption('articles')
    await page.waitForURL(/[?&]type=articles/)
    await expect.poll(() => shownTasks(page), POLL).toEqual(articleTasks)
    expect(params(page).get('plan')).toBe(plan)
    expect(params(page).get('asOf')).toBe(AS_OF)
    expect(await page.getByTestId('filtered-note').count()).toBe(1)

    const vnexpress = await page
      .getByTestId('filter-channel')
      .locator('option', { hasText: 'VnExpress' })
      .first()
      .getAttribute('value')
    await page.getByTestId('filter-channel').selectOption(vnexpress!)
    await page.waitForURL(new RegExp(`[?&]channel=${vnexpress}`))
    await expect.poll(() => heat.locator('thead th').count(), POLL).toBe(2)
    expect(await heat.locator('thead th').nth(1).textContent()).toMatch(/VnExpress/)
    expect(params(page).get('type')).toBe('articles')
    await screenshot(page, '02-filtered-articles-vnexpress')

    // A reload keeps the choices: the address is the state.
    await page.reload()
    await page.locator('[data-testid="dashboard-filters"][data-ready="true"]').waitFor()
    expect(await page.getByTestId('filter-type').inputValue()).toBe('articles')
    expect(await page.getByTestId('filter-channel').inputValue()).toBe(vnexpress)
    expect(await heat.locator('thead th').count()).toBe(2)
    // Article tasks with a target on VnExpress (the calendar's task names only the social page).
    const onVnexpress = articleTasks.filter((code) =>
      api.tasks.some((t) => t.code === code && t.targets.some((x) => x.channels.includes(Number(vnexpress)))),
    )
    expect(onVnexpress.slice(0, 5)).toEqual(['1', '2', '3', '4', '5'])
    expect(await shownTasks(page)).toEqual(onVnexpress)

    // Back undoes the last choice only.
    await page.goBack()
    await expect.poll(() => params(page).get('channel'), POLL).toBeNull()
    expect(params(page).get('type')).toBe('articles')
    await expect.poll(() => heat.locator('thead th').count(), POLL).toBe(1 + api.channels.length)
    await expect.poll(() => page.getByTestId('filter-channel').inputValue(), POLL).toBe('')

    // Status and unit filters, then all filters off with one click.
    const status = task1!.targets[0]!.status
    await page.getByTestId('filter-status').selectOption(status)
    await page.waitForURL(new RegExp(`[?&]status=${status}`))
    await expect
      .poll(() => page.locator('[data-testid="quota-report"] [data-status]').evaluateAll((e) => e.length), POLL)
      .toBeGreaterThan(0)
    const statuses = await page
      .locator('[data-testid="quota-report"] [data-status]')
      .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-status')))])
    expect(statuses).toEqual([status])
    await page.getByRole('button', { name: 'Bỏ lọc' }).click()
    await expect.poll(() => shownTasks(page), POLL).toEqual(everyTask)
    const lawUnit = await page
      .getByTestId('filter-unit')
      .locator('option', { hasText: 'Vụ Pháp chế' })
      .getAttribute('value')
    await page.getByTestId('filter-unit').selectOption(lawUnit!)
    await page.waitForURL(new RegExp(`[?&]unit=${lawUnit}`))
    await expect.poll(() => shownTasks(page), POLL).toEqual(['7'])
  })

  test('unknown filter values in the address are ignored, and the page says which', async () => {
    const page = await signIn('manager')
    await open(page, `asOf=${AS_OF}&status=late&channel=999999&type=podcasts&unit=abc`)
    const note = page.getByTestId('filters-ignored')
    await note.waitFor()
    const text = await note.textContent()
    expect(text).toMatch(/Tình trạng «late»/)
    expect(text).toMatch(/Kênh «999999»/)
    expect(text).toMatch(/Loại sản phẩm «podcasts»/)
    expect(text).toMatch(/Đơn vị chủ trì «abc»/)
    // The page is the unfiltered plan, not an error.
    expect(await page.getByText(/Tham số không hợp lệ|Không tìm thấy/).count()).toBe(0)
    expect(await shownTasks(page)).toContain('1')
    expect(await page.getByTestId('filtered-note').count()).toBe(0)
    expect(await page.getByTestId('filter-channel').inputValue()).toBe('')
    await screenshot(page, '03-unknown-filters')
  })
})
