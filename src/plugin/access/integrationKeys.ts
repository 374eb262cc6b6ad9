import type { CollectionConfig, Field } from 'payload'
import { isAdminField } from './isAdmin'
import { isStaffUser } from './roles'

/**
 * Payload's API keys on the users collection, for integration accounts. Payload lets anyone who
 * may open the admin give themselves a key, a credential that never expires: here only an
 * administrator gives, changes or sees whether an account has one (Payload applies the access
 * of a host-declared `apiKey` field to all its key fields). Integration accounts may not open the
 * admin panel, whatever the host's own rule says. A host that already declares `apiKey` keeps its
 * own rules for it.
 */
export function withIntegrationKeys(users: CollectionConfig): CollectionConfig {
  const auth = typeof users.auth === 'object' ? users.auth : {}
  const hasKeyField = users.fields.some((f) => 'name' in f && f.name === 'apiKey')
  const keyField: Field = {
    name: 'apiKey',
    type: 'text',
    access: { create: isAdminField, update: isAdminField },
  }
  const hostAdmin = users.access?.admin
  type AdminAccess = NonNullable<NonNullable<CollectionConfig['access']>['admin']>
  const admin: AdminAccess = async (args) => isStaffUser(args.req.user) && (hostAdmin ? await hostAdmin(args) : true)
  return {
    ...users,
    auth: { ...auth, useAPIKey: true },
    fields: hasKeyField ? users.fields : [...users.fields, keyField],
    access: { ...users.access, admin },
  }
}
