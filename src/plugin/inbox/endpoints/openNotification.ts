import type { Endpoint, PayloadRequest } from 'payload'
import { safeAdminLink } from '../../../domain/inbox'
import { SCHEDULE_SLUGS } from '../../../domain/slugs'
import { refuseWith } from '../../endpoints/http'

/**
 * GET /api/inbox/open/:id — what "Mở" on a notification does: mark it read and go to the page
 * it is about. Only the recipient (their own access); only to a page of this admin, so a stored
 * link can never send anyone to another site. A notice without a page goes back to the inbox.
 */
export const openNotification: Endpoint = {
  path: '/inbox/open/:id',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    if (!req.user) return refuseWith(req, 401, 'signInForInbox')
    const id = Number(req.routeParams?.id)
    if (!Number.isSafeInteger(id) || id <= 0) return refuseWith(req, 400, 'notificationNotFound', { field: 'id' })
    const { payload } = req
    const notice = await payload.findByID({
      collection: SCHEDULE_SLUGS.notifications,
      id,
      depth: 0,
      overrideAccess: false,
      req,
      disableErrors: true,
    })
    if (!notice) return refuseWith(req, 404, 'notificationNotFound', { field: 'id' })
    if (notice.read !== true)
      await payload.update({
        collection: SCHEDULE_SLUGS.notifications,
        id,
        data: { read: true },
        depth: 0,
        overrideAccess: false,
        req,
      })
    const admin = payload.config.routes.admin
    const to = safeAdminLink((notice as { link?: unknown }).link, admin) ?? `${admin}/inbox`
    return new Response(null, { status: 303, headers: { Location: to, 'Cache-Control': 'no-store' } })
  },
}
