/**
 * The address the app is reached at, for absolute links shown to users (feed URLs, share links):
 * SERVER_URL when set, otherwise the host the request came to (behind a proxy, the forwarded one).
 * Empty when neither is known; callers then show a path.
 */
export function requestOrigin(
  serverURL: string | null | undefined,
  headers: { get(name: string): string | null },
): string {
  if (serverURL) return serverURL.replace(/\/+$/, '')
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host')
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || 'http'
  return host ? `${proto}://${host}` : ''
}
