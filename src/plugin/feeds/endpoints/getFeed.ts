import type { Endpoint, PayloadRequest } from 'payload'
import type { FeedRoute } from '../../../domain/feedParams'
import { serveFeed } from '../serveFeed'

/**
 * The feeds as Payload endpoints, so a host that adds only the plugin has them at
 * /api/feeds/rss.xml, /api/feeds/plans/<id>.xml and /api/feeds/tasks/<id>.xml. Public, like the
 * app's /feeds/… Next routes that serve the same answer: published, untrashed items only.
 */
const feedEndpoint = (path: string, route: (req: PayloadRequest) => FeedRoute): Endpoint => ({
  path,
  method: 'get',
  // serveFeed reads only the URL and the conditional headers of the request.
  handler: (req) => serveFeed(req.payload, req as unknown as Request, route(req)),
})

const param = (req: PayloadRequest, name: string): string | undefined => {
  const v = req.routeParams?.[name]
  return typeof v === 'string' ? v : undefined
}

export const getSiteFeed = feedEndpoint('/feeds/rss.xml', () => ({}))
export const getPlanFeed = feedEndpoint('/feeds/plans/:plan', (req) => ({ plan: param(req, 'plan') }))
export const getTaskFeed = feedEndpoint('/feeds/tasks/:task', (req) => ({ task: param(req, 'task') }))
