import { NextResponse, type NextRequest } from 'next/server'
import { inactiveSharePage, shareStateStatus, type InactiveShareState } from './plugin/share/shareMessages'

const LANGUAGE_COOKIE = 'payload-lng'
const DEFAULT_LANGUAGE = 'vi'

/**
 * The admin speaks Vietnamese unless the user chose otherwise. Payload picks the language from
 * its cookie, then Accept-Language, so an English browser would get English; pinning the cookie
 * when it is absent makes Vietnamese the default while the account menu can still switch.
 */
function pinAdminLanguage(request: NextRequest): NextResponse {
  if (request.cookies.has(LANGUAGE_COOKIE)) return NextResponse.next()
  request.cookies.set(LANGUAGE_COOKIE, DEFAULT_LANGUAGE)
  const response = NextResponse.next({ request: { headers: request.headers } })
  response.cookies.set(LANGUAGE_COOKIE, DEFAULT_LANGUAGE, { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 })
  return response
}

/**
 * This server's own address (`npm start` sets PORT and HOST): behind a load balancer the request's
 * host is the public one, which the server itself may not reach.
 */
function ownOrigin(request: NextRequest): string {
  if (!process.env.PORT) return request.nextUrl.origin
  const host =
    !process.env.HOST || process.env.HOST === '0.0.0.0' || process.env.HOST === '::' ? '127.0.0.1' : process.env.HOST
  return `http://${host.includes(':') ? `[${host}]` : host}:${process.env.PORT}`
}

const SHARE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'private, no-store',
  'X-Robots-Tag': 'noindex, nofollow',
  'Referrer-Policy': 'no-referrer',
}

/**
 * A share page that shows nothing answers 404 (unknown or forged token) or 410 (revoked or
 * expired), as the JSON endpoint does: a Next.js page can only answer 200 or 404. The link's
 * status comes from the endpoint (`?state=1`, no report built); a live link goes on to the page.
 */
async function answerInactiveShare(request: NextRequest): Promise<NextResponse> {
  const token = request.nextUrl.pathname.slice('/share/'.length)
  let res: Response
  try {
    res = await fetch(new URL(`/api/quota/shared/${token}?state=1`, ownOrigin(request)), { cache: 'no-store' })
  } catch (err) {
    // The page still shows the right message (with 200): degrade, and say why in the server log.
    process.stderr.write(`[share] link status check failed, serving the page: ${(err as Error).message}\n`)
    return NextResponse.next()
  }
  if (res.status !== 404 && res.status !== 410) return NextResponse.next()
  const body = (await res.json()) as { errors?: Array<{ message?: string }> }
  const state: InactiveShareState =
    res.status === 404 ? 'not-found' : /revoked/.test(String(body.errors?.[0]?.message)) ? 'revoked' : 'expired'
  return new NextResponse(inactiveSharePage(state), { status: shareStateStatus(state), headers: SHARE_HEADERS })
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  if (request.nextUrl.pathname.startsWith('/share/')) return answerInactiveShare(request)
  return pinAdminLanguage(request)
}

export const config = { matcher: ['/admin/:path*', '/share/:token'] }
