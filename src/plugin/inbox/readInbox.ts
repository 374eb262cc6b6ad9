import type { PayloadRequest } from 'payload'
import { SCHEDULE_SLUGS } from '../../domain/slugs'

export interface InboxItem {
  id: number
  kind: string
  title: string
  body: string | null
  read: boolean
  createdAt: string
  /** Where "Mở" leads: the endpoint that marks it read and goes to its page. */
  openHref: string
}

/**
 * The signed-in user's notifications, newest first, and how many are unread. Read with the
 * user's own access (each user sees only their own), so an admin sees no one else's either.
 */
export async function readInbox(
  req: PayloadRequest,
  options: { limit: number; unreadOnly?: boolean },
): Promise<{ unread: number; items: InboxItem[] }> {
  if (!req.user) return { unread: 0, items: [] }
  const { payload } = req
  const api = `${payload.config.serverURL ?? ''}${payload.config.routes.api}`
  const [count, list] = await Promise.all([
    payload.count({
      collection: SCHEDULE_SLUGS.notifications,
      where: { read: { not_equals: true } },
      overrideAccess: false,
      req,
    }),
    // The bell needs the count only (limit 0 would mean "all" to Payload).
    options.limit <= 0
      ? { docs: [] }
      : payload.find({
          collection: SCHEDULE_SLUGS.notifications,
          where: options.unreadOnly ? { read: { not_equals: true } } : {},
          sort: '-createdAt',
          limit: options.limit,
          depth: 0,
          select: { kind: true, title: true, body: true, read: true, createdAt: true },
          overrideAccess: false,
          req,
        }),
  ])
  return {
    unread: count.totalDocs,
    items: list.docs.map((d) => {
      const row = d as unknown as Record<string, unknown>
      return {
        id: Number(row.id),
        kind: String(row.kind ?? ''),
        title: String(row.title ?? ''),
        body: typeof row.body === 'string' ? row.body : null,
        read: row.read === true,
        createdAt: String(row.createdAt ?? ''),
        openHref: `${api}/inbox/open/${String(row.id)}`,
      }
    }),
  }
}
