/**
 * Issue 21 points 8 and 9 in Chromium against the built app with the demo seed: a new document
 * is named, not numbered, until it has a title; what a reader meets outside the admin (an RSS
 * feed's refusal) is Vietnamese, English when asked for. Screenshots go to
 * test/e2e/artifacts/screenshots/21-*.png. The image sizes' names are checked in the journeys
 * (journeys.test.ts, step 2), where an infographic is uploaded.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser } from './browser'
import { signInAs } from './signIn'

const BASE = process.env.E2E_BASE_URL ?? ''
const SHOTS = path.join(process.env.E2E_ARTIFACTS ?? path.resolve(import.meta.dirname, 'artifacts'), 'screenshots')
const POLL = { timeout: 30_000 }

let browser: Browser

const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SHOTS, `21-${name}.png`), fullPage: true }).then(() => undefined)

describe.sequential('issue 21 points 8 and 9: names and words', () => {
  beforeAll(async () => {
    if (!BASE) throw new Error('E2E_BASE_URL is not set: run the suite with `npm run test:e2e`')
    mkdirSync(SHOTS, { recursive: true })
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  test('point 8: a new infographic or article is named by its kind until it has a title, never by its id', async () => {
    for (const [role, slug, kind] of [
      ['multimedia', 'infographics', 'Infographic'],
      ['editor', 'articles', 'Bài viết'],
    ] as const) {
      const { page } = await signInAs(browser, BASE, role, (p) => screenshot(p, 'FAILED'))
      await page.goto(`${BASE}/admin/collections/${slug}/create`)
      // Autosave stores the draft at once: the address gets the new id.
      await page.waitForURL(new RegExp(`/admin/collections/${slug}/(\\d+)`))
      const id = /\/(\d+)(?:\?|$)/.exec(page.url())?.[1] ?? ''
      const heading = page.locator('h1.render-title')
      await expect.poll(() => heading.textContent(), POLL).toBe(`${kind} mới (chưa có tiêu đề)`)
      await screenshot(page, `08-new-${slug}-title`)
      expect(await heading.textContent()).not.toBe(id)
      // A typed title takes its place as it is typed.
      const title = `Tiêu đề thử ${slug} (E2E)`
      await page.locator('input[name="title"]').fill(title)
      await expect.poll(() => heading.textContent(), POLL).toBe(title)
      // Emptied again, the name comes back rather than the id.
      await page.locator('input[name="title"]').fill('')
      await expect.poll(() => heading.textContent(), POLL).toBe(`${kind} mới (chưa có tiêu đề)`)
      // The empty draft is not left behind for the other journeys.
      const token = (await page.context().cookies()).find((c) => c.name === 'payload-token')?.value ?? ''
      const gone = await fetch(`${BASE}/api/${slug}/${id}`, {
        method: 'DELETE',
        headers: { Authorization: `JWT ${token}` },
      })
      expect(gone.status, `delete draft ${slug}/${id}`).toBe(200)
      await page.context().close()
    }
  })

  test('point 9: an RSS feed refuses a bad parameter in Vietnamese, in English when asked', async () => {
    // Feeds are public: no one signs in.
    const ask = async (lang: string) => {
      const res = await fetch(`${BASE}/feeds/rss.xml?type=podcasts`, { headers: { 'Accept-Language': lang } })
      const body = (await res.json()) as { errors: Array<{ field?: string; message: string }> }
      return { status: res.status, ...body.errors[0] }
    }
    expect(await ask('vi-VN,vi;q=0.9')).toEqual({
      status: 400,
      field: 'type',
      message:
        'Tham số type phải là articles, infographics, videos (hoặc vài loại, cách nhau bằng dấu phẩy); nhận được "podcasts".',
    })
    expect(await ask('en-US,en;q=0.9')).toMatchObject({ status: 400, field: 'type', message: /^type must be/ })
    const missing = await fetch(`${BASE}/feeds/plans/999999.xml`)
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as { errors: Array<{ message: string }> }).errors[0]?.message).toBe(
      'Không có kế hoạch 999999 (hoặc kế hoạch chưa ban hành).',
    )
  })
})
