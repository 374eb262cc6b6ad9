import type { Payload, PayloadRequest } from 'payload'
import { calendarDay } from '../../domain/calendar'
import { relId } from '../../domain/relations'
import { parseShareToken, shareLinkState, verifyShareToken } from '../../domain/shareToken'
import { SLUGS } from '../../domain/slugs'
import { countingTimeZone } from '../counting/engine/settings'
import { buildReport, type QuotaReport } from '../report/buildReport'

export type SharedReport =
  | { state: 'active'; report: QuotaReport | null; expiresAt: string; label: string }
  | { state: 'not-found' }
  | { state: 'revoked' | 'expired'; expiresAt: string }

/**
 * What a share link shows: its plan's report as of today, or why it shows nothing. The token
 * is the capability: once it verifies against the link record, the one plan it names is read
 * as the system, and nothing else. A token that is malformed, forged or names no link is
 * "not found", so guessing learns nothing.
 */
export async function resolveSharedReport(
  payload: Payload,
  req: PayloadRequest,
  token: string,
  now: Date,
  options: { stateOnly?: boolean } = {},
): Promise<SharedReport> {
  const parsed = parseShareToken(token)
  if (!parsed) return { state: 'not-found' }
  const link = (await payload.findByID({
    collection: SLUGS.shareLinks,
    id: parsed.id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as Record<string, unknown> | null
  if (!link || typeof link.createdAt !== 'string') return { state: 'not-found' }
  if (!verifyShareToken(payload.secret, token, { id: Number(link.id), createdAt: link.createdAt }))
    return { state: 'not-found' }
  const expiresAt = String(link.expiresAt)
  const timeZone = countingTimeZone(payload)
  const state = shareLinkState({ revoked: link.revoked === true, expiresAt }, now, timeZone)
  if (state !== 'active') return { state, expiresAt }
  const plan = relId(link.plan)
  // Only the status was asked (report: null); the report is built for those who show it.
  if (options.stateOnly && plan !== undefined)
    return { state, report: null, expiresAt, label: String(link.label ?? '') }
  const asOf = calendarDay(now, timeZone)
  const report =
    plan === undefined
      ? null
      : await buildReport(req, { plan: Number(plan), asOf, unit: null }, { overrideAccess: true })
  if (!report) return { state: 'not-found' }
  return { state: 'active', report, expiresAt, label: String(link.label ?? '') }
}
