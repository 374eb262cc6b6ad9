import type { Access } from 'payload'
import { isStaffUser } from './roles'

/** Staff see drafts; the public, and integrations pulling content, only what is published. */
export const readPublishedOrSignedIn: Access = ({ req }) => {
  if (isStaffUser(req.user)) return true
  return { _status: { equals: 'published' } }
}
