import type { FieldHook } from 'payload'
import { shareLinkUrl } from '../shareLinkUrl'

/**
 * The link's full address, so what a manager copies works when pasted anywhere. Only managers and
 * admins can read share links at all.
 */
export const computeShareLinkUrl: FieldHook = ({ siblingData, req }) => {
  const id = Number(siblingData?.id)
  const createdAt = siblingData?.createdAt as string | undefined
  if (!Number.isInteger(id) || !createdAt) return null
  return shareLinkUrl(req, id, createdAt)
}
