import type { ServerProps } from 'payload'
import { hasRole } from '../../access/roles'

/** The plan import's entry in the admin navigation, for the roles that may import. */
export function PlanImportNavLink({ user }: ServerProps) {
  if (!hasRole(user, 'admin', 'manager')) return null
  return (
    <a href="/admin/plan-import" className="nav__link" style={{ display: 'block', padding: '0.5rem 0' }}>
      Nhập kế hoạch
    </a>
  )
}
