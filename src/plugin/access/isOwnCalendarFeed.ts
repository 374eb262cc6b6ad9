import type { Access } from 'payload'
import { hasRole, isStaffUser } from './roles'

/** A calendar subscription is its owner's (admins see all of them, to revoke one). */
export const isOwnCalendarFeed: Access = ({ req }) => {
  if (!isStaffUser(req.user) || !req.user) return false
  if (hasRole(req.user, 'admin')) return true
  return { owner: { equals: req.user.id } }
}
