import type { Access, Where } from 'payload'
import { relId, relIds } from '../../domain/relations'
import type { Role } from '../../domain/slugs'
import { hasRole, type RoleUser } from './roles'

/**
 * Content is written by the role that produces it (editors: articles; multimedia staff:
 * infographics, videos, images), within their own unit; managers and admins may edit any.
 * A user without a unit can edit nothing of a unit-scoped collection.
 */
export const editOwnUnitContent =
  (...producers: Role[]): Access =>
  ({ req }) => {
    if (!req.user) return false
    if (hasRole(req.user, 'admin', 'manager')) return true
    if (!hasRole(req.user, ...producers)) return false
    const unit = relId((req.user as unknown as RoleUser).unit)
    return unit === undefined ? false : { unit: { equals: unit } }
  }

/** Creating is checked against the role; the unit of a new item is forced by a hook. */
export const createAsProducer =
  (...producers: Role[]): Access =>
  ({ req }) =>
    hasRole(req.user, 'admin', 'manager', ...producers)

/**
 * Updating: the producers of the unit as above, plus the unit's reviewers (any role), who may
 * correct an item before approving it and whose approval saves it.
 */
export const updateAsProducerOrReviewer =
  (...producers: Role[]): Access =>
  (args) => {
    const own = editOwnUnitContent(...producers)(args)
    if (own === true || !args.req.user) return own
    const reviewed = relIds((args.req.user as { reviewUnits?: unknown }).reviewUnits)
    if (reviewed.length === 0) return own
    const asReviewer = { unit: { in: reviewed } }
    return own === false ? asReviewer : { or: [own as Where, asReviewer] }
  }
