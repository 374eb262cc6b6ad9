import type { Payload } from 'payload'
import { canonicalFeedQuery, parseFeedParams, type FeedRoute } from '../../domain/feedParams'
import { feedEtag, httpDate, isNotModified } from '../../domain/feedItems'
import { formatMessage } from '../../domain/i18n/messages'
import { requestLanguage } from '../../domain/i18n/requestLanguage'
import { feedSettings } from './feedSettings'
import { loadFeed } from './loadFeed'
import { renderFeed } from './renderFeed'
import { refuse } from '../endpoints/http'

/**
 * GET an RSS feed: /feeds/rss.xml?plan=&task=&channel=&unit=&type=&limit=, or a readable
 * /feeds/plans/<id>.xml or /feeds/tasks/<id>.xml (`route` carries the path's id). The same
 * public view for everyone who asks, signed in or not: published, untrashed items only.
 * 400 names the bad parameter, 404 the unknown plan/task/channel/unit (in Vietnamese, or English
 * for an English browser or admin), 304 answers a matching conditional GET. Mounted by the app's Next routes (src/app/(feeds)); a host app can mount it
 * the same way.
 */
export async function serveFeed(payload: Payload, request: Request, route: FeedRoute = {}): Promise<Response> {
  const lang = requestLanguage(request)
  try {
    const settings = feedSettings(payload)
    const url = new URL(request.url)
    const parsed = parseFeedParams(url.searchParams, route, settings)
    if (!parsed.ok) return refuse(400, { field: parsed.field, message: formatMessage(parsed.problem, lang) })
    const baseUrl = payload.config.serverURL || url.origin
    const feedUrl = new URL(url.pathname + canonicalFeedQuery(parsed.filter, route, settings), baseUrl).toString()
    const feed = await loadFeed(payload, parsed.filter, { baseUrl, feedUrl, settings })
    if (!feed.ok) return refuse(404, { field: feed.field, message: formatMessage(feed.problem, lang) })
    const etag = feedEtag(feed.model)
    const headers: Record<string, string> = {
      ETag: etag,
      'Cache-Control': `public, max-age=${settings.maxAge}`,
      ...(feed.lastModified ? { 'Last-Modified': httpDate(feed.lastModified) } : {}),
    }
    const conditional = {
      ifNoneMatch: request.headers.get('if-none-match'),
      ifModifiedSince: request.headers.get('if-modified-since'),
    }
    if (isNotModified(conditional, { etag, lastModified: feed.lastModified }, new Date()))
      return new Response(null, { status: 304, headers })
    return new Response(renderFeed(feed.model), {
      status: 200,
      headers: { ...headers, 'Content-Type': 'application/rss+xml; charset=utf-8' },
    })
  } catch (err) {
    // Bad input never gets here (it is a 400/404 above); this is the database or a bug. A 503
    // tells aggregators to come back later; the cause is in the log.
    payload.logger.error({ err, msg: 'RSS feed could not be built' })
    return refuse(503, { message: formatMessage({ key: 'feedUnavailable' }, lang) }, { 'Retry-After': '60' })
  }
}
