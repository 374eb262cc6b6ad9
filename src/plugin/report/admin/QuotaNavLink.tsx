import { hasRole } from '../../access/roles'
import type { ServerProps } from 'payload'

/** The dashboard's entry in the admin navigation, for the roles that may open it. */
export function QuotaNavLink({ user }: ServerProps) {
  if (!hasRole(user, 'admin', 'manager')) return null
  return (
    <a href="/admin/quota" className="nav__link" style={{ display: 'block', padding: '0.5rem 0' }}>
      Tiến độ chỉ tiêu
    </a>
  )
}
