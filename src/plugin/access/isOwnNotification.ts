import type { Access } from 'payload'

/** A notification is its recipient's alone: every user, admins included, sees only their own. */
export const isOwnNotification: Access = ({ req }) => (req.user ? { user: { equals: req.user.id } } : false)
