/**
 * Whether a state-changing request rides on the browser's session cookie from another site.
 * Payload refuses such a cookie when its CSRF list (SERVER_URL) is configured and an Origin
 * header names another site, but with an empty list it accepts the cookie from anywhere: a page on
 * https://evil.example could then PATCH through a signed-in admin's browser (SameSite=Lax stops
 * only some of those). Without a list, the origin the request reached (its Host) is the one
 * allowed. Pure: header values in, a verdict out.
 */
export interface HeaderReader {
  get(name: string): string | null
}

function hasCookie(cookieHeader: string | null, name: string): boolean {
  if (!cookieHeader) return false
  return cookieHeader.split(';').some((part) => part.trim().startsWith(`${name}=`))
}

/**
 * True when the request carries the session cookie, no token of its own, and comes from another
 * origin than the host it was sent to: its Origin's host differs from Host (or the proxy's
 * X-Forwarded-Host), it says `Origin: null` (sandboxed frames, some redirects), or it has no
 * Origin and the browser marks it cross-site. A browser cannot forge Origin or Host on a
 * cross-site request, nor add X-Forwarded-Host without a CORS preflight Payload refuses.
 */
export function isCrossSiteWrite(headers: HeaderReader, cookieName: string, csrf: readonly string[]): boolean {
  // Payload enforces its own list; this covers only the unconfigured default.
  if (csrf.length > 0) return false
  if (!hasCookie(headers.get('cookie'), cookieName)) return false
  // A client sending its own token is not relying on the ambient cookie.
  if (headers.get('authorization')) return false
  const origin = headers.get('origin')
  if (origin === null) return headers.get('sec-fetch-site') === 'cross-site'
  if (origin === 'null') return true
  let originHost: string
  try {
    originHost = new URL(origin).host.toLowerCase()
  } catch {
    // An Origin that is not a URL comes from no browser page of ours.
    return true
  }
  const forwarded = headers.get('x-forwarded-host')?.split(',')[0]?.trim()
  const host = (forwarded || headers.get('host') || '').toLowerCase()
  return host === '' || originHost !== host
}
