import type { FieldAccess } from 'payload'
import { hasRole } from './roles'

/**
 * A user's e-mail is personal data and the login name: admins see every address, each user sees
 * their own, and nobody else sees one, not even through an article's author relationship.
 */
export const isAdminOrSelfField: FieldAccess = ({ req, doc, id }) => {
  if (!req.user) return false
  if (hasRole(req.user, 'admin')) return true
  const target = doc?.id ?? id
  return target !== undefined && String(target) === String(req.user.id)
}
