import type { ServerProps } from 'payload'
import { hasRole } from '../../access/roles'
import { reviewUnitsOf } from '../reviewers'

/** The review queue's entry in the admin navigation, for managers, admins and units' reviewers. */
export function ReviewNavLink({ user }: ServerProps) {
  if (!hasRole(user, 'admin', 'manager') && reviewUnitsOf(user).length === 0) return null
  return (
    <a href="/admin/review" className="nav__link" style={{ display: 'block', padding: '0.5rem 0' }}>
      Nội dung chờ duyệt
    </a>
  )
}
