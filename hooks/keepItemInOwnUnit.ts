import type { CollectionBeforeOperationHook } from 'payload'
import { hasRole, isStaffUser, type RoleUser } from '../src/plugin/access/roles'
import { isSingleRelationValue, relId } from '../src/domain/relations'
import { throwFieldError } from '../src/plugin/shared/validation'

/**
 * Editors and multimedia staff work inside their own unit: asking to file an item under another
 * unit, on create or by moving it, is refused with a 400 on `unit` rather than silently ignored
 * (field access alone would drop the value and report success). Managers and admins may choose.
 */
export const keepItemInOwnUnit: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const { data, overrideAccess } = args as { data?: Record<string, unknown>; overrideAccess?: boolean }
  // Anonymous and integration accounts write nothing: collection access refuses them (403).
  if (overrideAccess === true || !isStaffUser(req.user)) return args
  if (!data || typeof data !== 'object' || !('unit' in data)) return args
  // `{ relationTo, value }` or `[13]` would be dropped in silence and the save reported a success.
  if (!isSingleRelationValue(data.unit)) throwFieldError(req, collection.slug, 'unit', { key: 'unitInvalid' })
  if (hasRole(req.user, 'admin', 'manager')) return args
  const sent = relId(data.unit)
  const own = relId((req.user as unknown as RoleUser).unit)
  if (sent === undefined || String(sent) === String(own)) return args
  throwFieldError(req, collection.slug, 'unit', { key: 'unitNotOwn' })
}
