import type { Role } from '../../domain/slugs'

/** The shape of the signed-in user the access rules need; kept narrow on purpose. */
export interface RoleUser {
  id: string | number
  role?: Role | null
  unit?: string | number | { id: string | number } | null
  collection?: string
}

export function hasRole(user: unknown, ...roles: Role[]): boolean {
  const role = (user as RoleUser | null | undefined)?.role
  return typeof role === 'string' && roles.includes(role)
}

/**
 * A signed-in member of staff: anyone but an integration account, which reads what the public
 * reads plus the reports (and the plans, tasks, units and channels they are about).
 */
export function isStaffUser(user: unknown): boolean {
  return Boolean(user) && !hasRole(user, 'integration')
}
