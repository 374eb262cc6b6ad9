import type { CollectionBeforeChangeHook } from 'payload'
import { SLUGS } from '../src/slugs'

/**
 * The first account (created on /admin/create-first-user of an empty database) must be able to
 * administer the system; without this it would get the default editor role and lock everyone out.
 */
export const makeFirstUserAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: SLUGS.users, req })
  if (totalDocs === 0) data.role = 'admin'
  return data
}
