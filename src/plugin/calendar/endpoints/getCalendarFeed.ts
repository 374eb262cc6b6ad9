import type { Endpoint, PayloadRequest } from 'payload'
import { calendarDay } from '../../../domain/calendar'
import { countingTimeZone } from '../../counting/engine/settings'
import { refuseWith } from '../../endpoints/http'
import { loadCalendarEvents } from '../loadCalendarEvents'
import { renderCalendarFeed } from '../renderCalendarFeed'
import { resolveCalendarFeed } from '../resolveCalendarFeed'

/** The token is in the address: no shared cache, no search engine and no referrer may keep it. */
const HEADERS = {
  'Cache-Control': 'private, no-store',
  'X-Robots-Tag': 'noindex, nofollow',
  'Referrer-Policy': 'no-referrer',
}

/**
 * GET /api/calendar/feeds/:token(.ics) — a calendar subscription as iCalendar, no session needed
 * (calendar apps poll without one). 404 for anything that is not a subscription of ours, 410 once
 * revoked.
 */
export const getCalendarFeed: Endpoint = {
  path: '/calendar/feeds/:token',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const token = String(req.routeParams?.token ?? '').replace(/\.ics$/, '')
    const feed = await resolveCalendarFeed(req, token)
    if (feed.state === 'not-found') return refuseWith(req, 404, 'calendarFeedNotFound', { headers: HEADERS })
    if (feed.state === 'revoked') return refuseWith(req, 410, 'calendarFeedRevoked', { headers: HEADERS })
    const tz = countingTimeZone(req.payload)
    const today = calendarDay(new Date(), tz)
    const events = await loadCalendarEvents(feed.ownerReq, feed.scope, today)
    const server = req.payload.config.serverURL || new URL(req.url ?? 'http://localhost').origin
    const body = renderCalendarFeed(events, {
      name: feed.label || 'Lịch kế hoạch truyền thông',
      adminBase: `${server}${req.payload.config.routes.admin}`,
      host: new URL(server).host,
      timeZone: tz,
    })
    return new Response(body, {
      status: 200,
      headers: { ...HEADERS, 'Content-Type': 'text/calendar; charset=utf-8' },
    })
  },
}
