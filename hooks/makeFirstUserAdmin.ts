import type { CollectionBeforeChangeHook } from 'payload'

/**
 * The account created on /admin/create-first-user of an empty database must be able to
 * administer the system; without this it would get the default editor role and lock everyone
 * out. Only that flow (Payload's first-register endpoint, which itself refuses when any user
 * exists) is affected: seeds, scripts and admins creating users keep the role they ask for.
 */
export const makeFirstUserAdmin: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation === 'create' && req.pathname?.endsWith('/first-register')) data.role = 'admin'
  return data
}
