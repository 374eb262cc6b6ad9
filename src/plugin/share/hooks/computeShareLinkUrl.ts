import type { FieldHook } from 'payload'
import { signShareToken } from '../../../domain/shareToken'

/**
 * The link's address, recomputed on every read from the app secret (nothing secret is stored).
 * Only managers and admins can read share links at all.
 */
export const computeShareLinkUrl: FieldHook = ({ siblingData, req }) => {
  const id = Number(siblingData?.id)
  const createdAt = siblingData?.createdAt as string | undefined
  if (!Number.isInteger(id) || !createdAt) return null
  const path = `/share/${signShareToken(req.payload.secret, id, createdAt)}`
  return `${req.payload.config.serverURL || ''}${path}`
}
