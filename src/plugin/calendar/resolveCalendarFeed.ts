import { createLocalReq, type PayloadRequest } from 'payload'
import { relId } from '../../domain/relations'
import { parseShareToken, verifyShareToken } from '../../domain/shareToken'
import { SLUGS } from '../../domain/slugs'
import { pluginUsersSlug } from '../counting/engine/settings'
import type { CalendarScope } from './loadCalendarEvents'

export type ResolvedFeed =
  | { state: 'active'; scope: CalendarScope; ownerReq: PayloadRequest; label: string }
  | { state: 'not-found' }
  | { state: 'revoked' }

/**
 * What a calendar token opens. Malformed, forged, or naming no subscription or no owner: not
 * found, so guessing learns nothing. A live one gives a request acting as its owner, so the feed
 * shows only what the owner may open (an owner demoted from manager loses the plan feed too).
 */
export async function resolveCalendarFeed(req: PayloadRequest, token: string): Promise<ResolvedFeed> {
  const { payload } = req
  const parsed = parseShareToken(token)
  if (!parsed) return { state: 'not-found' }
  const feed = (await payload.findByID({
    collection: SLUGS.calendarFeeds,
    id: parsed.id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as Record<string, unknown> | null
  if (!feed || typeof feed.createdAt !== 'string') return { state: 'not-found' }
  if (!verifyShareToken(payload.secret, token, { id: Number(feed.id), createdAt: feed.createdAt }, 'calendar-feed'))
    return { state: 'not-found' }
  if (feed.revoked === true) return { state: 'revoked' }
  const ownerId = relId(feed.owner)
  const owner =
    ownerId === undefined
      ? null
      : ((await payload.findByID({
          collection: pluginUsersSlug(payload) as typeof SLUGS.users,
          id: ownerId,
          depth: 0,
          overrideAccess: true,
          disableErrors: true,
          req,
        })) as Record<string, unknown> | null)
  if (!owner) return { state: 'not-found' }
  const ownerReq = await createLocalReq({ user: { ...owner, collection: pluginUsersSlug(payload) } as never }, payload)
  const plan = relId(feed.plan)
  return {
    state: 'active',
    scope: plan === undefined ? { user: true } : { plan: Number(plan) },
    ownerReq,
    label: String(feed.label ?? ''),
  }
}
