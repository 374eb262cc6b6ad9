import { relId, relIds } from '../../domain/relations'
import { hasRole } from './roles'

/**
 * Who sees a task's progress on its page: managers and admins every task; editors and
 * multimedia staff the tasks their unit leads or coordinates (read-only), so the people asked
 * for the work know where it stands. Integration accounts have no admin pages.
 */
export function mayFollowTask(user: unknown, task: Record<string, unknown> | undefined): boolean {
  if (hasRole(user, 'admin', 'manager')) return true
  if (!hasRole(user, 'editor', 'multimedia')) return false
  const unit = relId((user as { unit?: unknown }).unit)
  if (unit === undefined) return false
  const units = [...relIds(task?.leadUnits), ...relIds(task?.coordinatingUnits)].map(String)
  return units.includes(String(unit))
}
