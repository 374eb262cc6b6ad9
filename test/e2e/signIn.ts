import type { Browser, BrowserContext, Page } from 'playwright-core'
import { onTestFailed } from 'vitest'
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/seed/planData'

/**
 * A demo user (by role) signed in through the login form, as people do, in a new context at the
 * audit's 1440×900, in Vietnamese and the ministry's time zone. `onFail` runs when the calling
 * test fails (a screenshot, usually). The caller closes the context, or the browser.
 */
export async function signInAs(
  browser: Browser,
  base: string,
  role: string,
  onFail?: (page: Page) => Promise<void>,
  options: { clipboard?: boolean } = {},
): Promise<{ page: Page; context: BrowserContext }> {
  const user = DEMO_USERS.find((u) => u.role === role)
  if (!user) throw new Error(`no demo ${role} in the seed`)
  const context = await browser.newContext({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1440, height: 900 },
  })
  // The share link's copy button writes to the clipboard, which the test then reads.
  if (options.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base })
  const page = await context.newPage()
  page.setDefaultTimeout(60_000)
  page.setDefaultNavigationTimeout(90_000)
  if (onFail) onTestFailed(() => onFail(page).catch(() => undefined))
  await page.goto(`${base}/admin/login`)
  await page.getByLabel('Email').fill(user.email)
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await page.waitForURL(/\/admin\/?$/)
  return { page, context }
}

/** A demo user's API token (JWT), for the checks a test makes over HTTP beside the browser. */
export async function apiToken(base: string, role: string): Promise<string> {
  const user = DEMO_USERS.find((u) => u.role === role)
  if (!user) throw new Error(`no demo ${role} in the seed`)
  const res = await fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: DEMO_PASSWORD }),
  })
  return ((await res.json()) as { token?: string }).token ?? ''
}

/** One REST call as a user: the status and the JSON answer (an empty object when there is none). */
export async function restCall(
  base: string,
  method: string,
  route: string,
  token: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${base}/api/${route}`, {
    method,
    headers: { Authorization: `JWT ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, json: (await res.json().catch(() => ({}))) as Record<string, unknown> }
}
