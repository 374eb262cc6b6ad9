import type { Access } from 'payload'

/** Staff see drafts; the public sees only what is published. */
export const readPublishedOrSignedIn: Access = ({ req }) => {
  if (req.user) return true
  return { _status: { equals: 'published' } }
}
