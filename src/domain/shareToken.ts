import { createHmac, timingSafeEqual } from 'node:crypto'
import { calendarDay, DEFAULT_TIME_ZONE, dayInstantIn, dayOf, formatViDay, hasRealDay } from './calendar'
import type { Problem } from './i18n/messages'

/**
 * Share-link tokens: `<link id>.<signature>`, the signature an HMAC of the link's id and creation
 * time under the app secret. Nothing secret is stored, so a database dump reveals no working
 * link; the server recomputes the signature to check one. Revocation and expiry live on the
 * link record, so a token stops working the moment either changes.
 */
const SIG_LENGTH = 32

/**
 * What a token opens: the same record id in two collections must not give the same token, so a
 * share link's token never opens a calendar feed (or the other way round).
 */
export type TokenPurpose = 'quota-share' | 'calendar-feed'

function signature(secret: string, id: number, createdAt: string, purpose: TokenPurpose): string {
  return createHmac('sha256', secret)
    .update(`${purpose}:${id}:${new Date(createdAt).toISOString()}`)
    .digest('base64url')
    .slice(0, SIG_LENGTH)
}

export function signShareToken(
  secret: string,
  id: number,
  createdAt: string,
  purpose: TokenPurpose = 'quota-share',
): string {
  return `${id}.${signature(secret, id, createdAt, purpose)}`
}

/** The link id a token claims, or null when it is not shaped like a token at all. */
export function parseShareToken(token: string): { id: number; sig: string } | null {
  const m = /^([1-9]\d{0,9})\.([A-Za-z0-9_-]{32})$/.exec(token)
  return m ? { id: Number(m[1]), sig: m[2]! } : null
}

export function verifyShareToken(
  secret: string,
  token: string,
  link: { id: number; createdAt: string },
  purpose: TokenPurpose = 'quota-share',
): boolean {
  const parsed = parseShareToken(token)
  if (!parsed || parsed.id !== link.id) return false
  const expected = Buffer.from(signature(secret, link.id, link.createdAt, purpose))
  const given = Buffer.from(parsed.sig)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

export type ShareLinkState = 'active' | 'revoked' | 'expired'

/**
 * A link is valid through the whole of its expiry day in the plan's time zone: managers pick a
 * day ("hiệu lực đến 31/12/2026"), never an hour, and the share page says the same day.
 */
export function shareLinkState(
  link: { revoked?: boolean | null; expiresAt: string },
  now: Date,
  timeZone = DEFAULT_TIME_ZONE,
): ShareLinkState {
  if (link.revoked) return 'revoked'
  const last = dayOf(link.expiresAt, timeZone)
  return last === null || calendarDay(now, timeZone) > last ? 'expired' : 'active'
}

/** Longest a link may live: leaders get a fresh one for each reporting round. */
export const MAX_SHARE_DAYS = 366

/** How long a new link lasts unless the manager picks a day: about one monthly reporting round. */
export const DEFAULT_SHARE_DAYS = 30

/** The expiry day a new link starts with, stored the way the admin's day picker stores a day. */
export function defaultShareExpiry(now: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return dayInstantIn(calendarDay(new Date(now.getTime() + DEFAULT_SHARE_DAYS * 86_400_000), timeZone), timeZone)
}

/**
 * Why an expiry day is not acceptable, or null. A new link must be valid today at least; an
 * update may shorten a link to the past (that is how a manager ends it early without revoking).
 */
export function checkShareExpiry(
  expiresAt: unknown,
  now: Date,
  creating: boolean,
  timeZone = DEFAULT_TIME_ZONE,
): Problem | null {
  const day = typeof expiresAt === 'string' && !hasRealDay(expiresAt) ? null : dayOf(expiresAt, timeZone)
  if (day === null) return { key: 'shareExpiryInvalid' }
  const today = calendarDay(now, timeZone)
  if (creating && day < today) return { key: 'shareExpiryPast', vars: { today: formatViDay(today) } }
  const latest = calendarDay(new Date(now.getTime() + MAX_SHARE_DAYS * 86_400_000), timeZone)
  if (day > latest) return { key: 'shareExpiryTooFar', vars: { days: MAX_SHARE_DAYS, latest: formatViDay(latest) } }
  return null
}

export type ShareLinkChangeProblem = {
  field: 'plan' | 'revoked' | 'expiresAt'
  key: 'shareLinkPlanFixed' | 'shareLinkRevokedFinal' | 'shareLinkExpiredFinal'
}

const sameId = (a: unknown, b: unknown) => {
  const id = (v: unknown) => (v && typeof v === 'object' ? (v as { id?: unknown }).id : v)
  return String(id(a) ?? '') === String(id(b) ?? '')
}

/**
 * Why an edit of an issued link is refused, or null. The token names the link record, so the
 * record must not change what the token opens: a link stays bound to its plan, a revoked link
 * stays revoked and an expired one stays expired (issue 20: re-pointing or un-revoking revived
 * the old token). Sharing again means a new link, hence a new token.
 */
export function shareLinkChangeProblem(
  original: { plan?: unknown; revoked?: boolean | null; expiresAt: string },
  data: { plan?: unknown; revoked?: unknown; expiresAt?: unknown },
  now: Date,
  timeZone = DEFAULT_TIME_ZONE,
): ShareLinkChangeProblem | null {
  if (data.plan !== undefined && !sameId(data.plan, original.plan)) return { field: 'plan', key: 'shareLinkPlanFixed' }
  if (original.revoked === true && data.revoked !== undefined && data.revoked !== true)
    return { field: 'revoked', key: 'shareLinkRevokedFinal' }
  const expiresChanged =
    data.expiresAt !== undefined && new Date(String(data.expiresAt)).getTime() !== Date.parse(original.expiresAt)
  if (expiresChanged && shareLinkState({ revoked: false, expiresAt: original.expiresAt }, now, timeZone) === 'expired')
    return { field: 'expiresAt', key: 'shareLinkExpiredFinal' }
  return null
}
