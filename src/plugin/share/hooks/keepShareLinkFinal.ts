import type { CollectionBeforeChangeHook } from 'payload'
import { shareLinkChangeProblem } from '../../../domain/shareToken'
import { countingTimeZone } from '../../counting/engine/settings'
import { throwFieldError } from '../../shared/validation'

/** An issued link keeps its plan, and revocation and expiry are final (400 naming the field). */
export const keepShareLinkFinal: CollectionBeforeChangeHook = ({ collection, data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc) return data
  const problem = shareLinkChangeProblem(
    { plan: originalDoc.plan, revoked: originalDoc.revoked, expiresAt: String(originalDoc.expiresAt) },
    data,
    new Date(),
    countingTimeZone(req.payload),
  )
  if (problem) throwFieldError(req, collection.slug, problem.field, { key: problem.key })
  return data
}
