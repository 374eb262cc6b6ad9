import type { Endpoint, PayloadRequest } from 'payload'
import { resolveSharedReport } from '../resolveSharedReport'

const json = (status: number, body: unknown) =>
  Response.json(body, {
    status,
    headers: {
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex, nofollow',
      'Referrer-Policy': 'no-referrer',
    },
  })

const GONE = {
  revoked: 'This share link was revoked.',
  expired: 'This share link has expired.',
} as const

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
    if (shared.state === 'not-found') return json(404, { errors: [{ message: 'No such share link.' }] })
    if (shared.state !== 'active') return json(410, { errors: [{ message: GONE[shared.state] }] })
    if (!shared.report) return json(200, { state: 'active', expiresAt: shared.expiresAt })
    return json(200, { ...shared.report, expiresAt: shared.expiresAt })
  },
}
