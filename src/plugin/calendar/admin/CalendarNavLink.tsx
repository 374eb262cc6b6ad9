import type { ServerProps } from 'payload'
import { isStaffUser } from '../../access/roles'

/** The plan calendar's entry in the admin navigation, for staff (not integration accounts). */
export function CalendarNavLink({ user }: ServerProps) {
  if (!isStaffUser(user)) return null
  return (
    <a href="/admin/calendar" className="nav__link" style={{ display: 'block', padding: '0.5rem 0' }}>
      Lịch kế hoạch
    </a>
  )
}
