import type { CollectionBeforeChangeHook } from 'payload'
import { hasRole } from '../../access/roles'
import { relId } from '../../../domain/relations'
import { throwFieldError } from '../../shared/validation'

/**
 * The owner is whoever made the subscription, never taken from the request; only managers and
 * admins may subscribe to a whole plan (400 on `plan`); a plan, once chosen, stays; revocation is
 * final (a revoked URL may have leaked: make a new one).
 */
export const stampCalendarFeed: CollectionBeforeChangeHook = ({ collection, data, operation, originalDoc, req }) => {
  if (operation === 'create') {
    data.owner = req.user?.id ?? null
    if (relId(data.plan) !== undefined && !hasRole(req.user, 'admin', 'manager'))
      throwFieldError(req, collection.slug, 'plan', { key: 'calendarFeedForbidden' })
    data.revokedAt = data.revoked === true ? new Date().toISOString() : null
    return data
  }
  const wasRevoked = originalDoc?.revoked === true
  if (wasRevoked && data.revoked === false)
    throwFieldError(req, collection.slug, 'revoked', { key: 'shareLinkRevokedFinal' })
  if ('plan' in data && String(relId(data.plan) ?? '') !== String(relId(originalDoc?.plan) ?? ''))
    throwFieldError(req, collection.slug, 'plan', { key: 'shareLinkPlanFixed' })
  data.owner = relId(originalDoc?.owner) ?? null
  const revoked = typeof data.revoked === 'boolean' ? data.revoked : wasRevoked
  data.revokedAt = !revoked ? null : wasRevoked ? (originalDoc?.revokedAt ?? null) : new Date().toISOString()
  return data
}
