import type { CollectionBeforeChangeHook } from 'payload'
import { hasRole, type RoleUser } from '../src/plugin/access/roles'
import { relId } from '../src/domain/relations'

/**
 * A new item belongs to its author's unit. Producers (editors, multimedia staff) cannot file an
 * item under another unit; managers and admins may choose any unit.
 */
export const assignAuthorUnit: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation !== 'create' || !req.user) return data
  const own = relId((req.user as unknown as RoleUser).unit)
  if (!hasRole(req.user, 'admin', 'manager') || data.unit === undefined || data.unit === null) data.unit = own ?? null
  return data
}
