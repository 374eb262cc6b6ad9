import type { Endpoint, PayloadRequest } from 'payload'
import { SCHEDULE_SLUGS } from '../../../domain/slugs'
import { json, refuseWith } from '../../endpoints/http'

/**
 * POST /api/inbox/read-all — "Đánh dấu tất cả đã đọc": marks the signed-in user's unread
 * notifications read (their own access: nobody else's). From the inbox's form it goes back to
 * the inbox (303); a client asking for JSON gets the number marked.
 */
export const markAllNotificationsRead: Endpoint = {
  path: '/inbox/read-all',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    if (!req.user) return refuseWith(req, 401, 'signInForInbox')
    const { payload } = req
    const result = await payload.update({
      collection: SCHEDULE_SLUGS.notifications,
      where: { and: [{ user: { equals: req.user.id } }, { read: { not_equals: true } }] },
      data: { read: true },
      depth: 0,
      overrideAccess: false,
      req,
    })
    const marked = result.docs.length
    if ((req.headers.get('accept') ?? '').includes('application/json')) return json(200, { marked })
    return new Response(null, {
      status: 303,
      headers: { Location: `${payload.config.routes.admin}/inbox`, 'Cache-Control': 'no-store' },
    })
  },
}
