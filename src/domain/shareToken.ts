import { createHmac, timingSafeEqual } from 'node:crypto'

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

export function shareLinkState(link: { revoked?: boolean | null; expiresAt: string }, now: Date): ShareLinkState {
  if (link.revoked) return 'revoked'
  const expires = Date.parse(link.expiresAt)
  return Number.isNaN(expires) || expires <= now.getTime() ? 'expired' : 'active'
}

/** Longest a link may live: leaders get a fresh one for each reporting round. */
export const MAX_SHARE_DAYS = 366

/** Why an expiry is not acceptable, or null. New links must expire in the future. */
export function checkShareExpiry(expiresAt: unknown, now: Date, creating: boolean): string | null {
  const t = typeof expiresAt === 'string' || expiresAt instanceof Date ? new Date(expiresAt).getTime() : NaN
  if (Number.isNaN(t)) return 'expiresAt must be a date.'
  if (creating && t <= now.getTime()) return 'expiresAt must be in the future for a new link.'
  if (t > now.getTime() + MAX_SHARE_DAYS * 86_400_000) return `expiresAt must be within ${MAX_SHARE_DAYS} days.`
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
): ShareLinkChangeProblem | null {
  if (data.plan !== undefined && !sameId(data.plan, original.plan)) return { field: 'plan', key: 'shareLinkPlanFixed' }
  if (original.revoked === true && data.revoked !== undefined && data.revoked !== true)
    return { field: 'revoked', key: 'shareLinkRevokedFinal' }
  const expiresChanged =
    data.expiresAt !== undefined && new Date(String(data.expiresAt)).getTime() !== Date.parse(original.expiresAt)
  if (expiresChanged && shareLinkState({ revoked: false, expiresAt: original.expiresAt }, now) === 'expired')
    return { field: 'expiresAt', key: 'shareLinkExpiredFinal' }
  return null
}
