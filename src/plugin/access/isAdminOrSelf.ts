import type { Access } from 'payload'
import { hasRole } from './roles'

/** Admins and managers see every account; everyone else only their own. */
export const readUsers: Access = ({ req }) => {
  if (!req.user) return false
  if (hasRole(req.user, 'admin', 'manager')) return true
  return { id: { equals: req.user.id } }
}

/** Admins change any account; a user their own, except an integration's, which is the admin's. */
export const isAdminOrSelf: Access = ({ req }) => {
  if (!req.user || hasRole(req.user, 'integration')) return false
  if (hasRole(req.user, 'admin')) return true
  return { id: { equals: req.user.id } }
}
