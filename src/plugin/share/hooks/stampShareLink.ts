import type { CollectionBeforeChangeHook } from 'payload'
import { relId } from '../../../domain/relations'

/** Who made a link and when it was revoked are recorded here, never taken from the request. */
export const stampShareLink: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  const wasRevoked = operation === 'update' && originalDoc?.revoked === true
  const revoked = typeof data.revoked === 'boolean' ? data.revoked : wasRevoked
  data.createdBy = operation === 'create' ? (req.user?.id ?? null) : (relId(originalDoc?.createdBy) ?? null)
  data.revokedAt = !revoked ? null : wasRevoked ? (originalDoc?.revokedAt ?? null) : new Date().toISOString()
  return data
}
