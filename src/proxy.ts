import { NextResponse, type NextRequest } from 'next/server'

const LANGUAGE_COOKIE = 'payload-lng'
const DEFAULT_LANGUAGE = 'vi'

/**
 * The admin speaks Vietnamese unless the user chose otherwise. Payload picks the language from
 * its cookie, then Accept-Language, so an English browser would get English; pinning the cookie
 * when it is absent makes Vietnamese the default while the account menu can still switch.
 */
export function proxy(request: NextRequest): NextResponse {
  if (request.cookies.has(LANGUAGE_COOKIE)) return NextResponse.next()
  request.cookies.set(LANGUAGE_COOKIE, DEFAULT_LANGUAGE)
  const response = NextResponse.next({ request: { headers: request.headers } })
  response.cookies.set(LANGUAGE_COOKIE, DEFAULT_LANGUAGE, { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 })
  return response
}

export const config = { matcher: ['/admin/:path*'] }
