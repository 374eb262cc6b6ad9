import type { FieldHook } from 'payload'
import { requestOrigin } from '../../../domain/requestOrigin'
import { signShareToken } from '../../../domain/shareToken'

/**
 * The link's full address, recomputed on every read from the app secret (nothing secret is
 * stored), so what a manager copies works when pasted anywhere. Only managers and admins can read
 * share links at all.
 */
export const computeShareLinkUrl: FieldHook = ({ siblingData, req }) => {
  const id = Number(siblingData?.id)
  const createdAt = siblingData?.createdAt as string | undefined
  if (!Number.isInteger(id) || !createdAt) return null
  const path = `/share/${signShareToken(req.payload.secret, id, createdAt)}`
  return `${req.headers ? requestOrigin(req.payload.config.serverURL, req.headers) : (req.payload.config.serverURL ?? '')}${path}`
}
