import type { Endpoint, PayloadRequest } from 'payload'
import { json, refuseWith } from '../../endpoints/http'
import { resolveSharedReport } from '../resolveSharedReport'

/** The token is in the address: no shared cache, no search engine and no referrer may keep it. */
const HEADERS = {
  'Cache-Control': 'private, no-store',
  'X-Robots-Tag': 'noindex, nofollow',
  'Referrer-Policy': 'no-referrer',
}

// The share page's proxy (src/proxy.ts) tells revoked from expired by the word in the message.
const GONE = { revoked: 'shareLinkRevoked', expired: 'shareLinkExpired' } as const

/**
 * GET /api/quota/shared/:token — one plan's numbers for a holder of a share link, no account
 * needed. 404 for anything that is not a live link of ours, 410 once revoked or expired;
 * `?state=1` gives the status alone, without building the report.
 */
export const getSharedReport: Endpoint = {
  path: '/quota/shared/:token',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const token = String(req.routeParams?.token ?? '')
    // `?state=1` answers only the link's status (the share page's proxy asks it before rendering).
    const stateOnly = req.searchParams?.get('state') === '1'
    const shared = await resolveSharedReport(req.payload, req, token, new Date(), { stateOnly })
    if (shared.state === 'not-found') return refuseWith(req, 404, 'shareLinkNotFound', { headers: HEADERS })
    if (shared.state !== 'active') return refuseWith(req, 410, GONE[shared.state], { headers: HEADERS })
    if (!shared.report) return json(200, { state: 'active', expiresAt: shared.expiresAt }, HEADERS)
    return json(200, { ...shared.report, expiresAt: shared.expiresAt }, HEADERS)
  },
}
