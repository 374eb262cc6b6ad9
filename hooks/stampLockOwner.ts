import type { CollectionBeforeChangeHook } from 'payload'

/**
 * A lock written through the API belongs to the caller and carries the server's clock: a
 * client-sent `user` or a lock "updated" in 2099 (which never expires) is replaced (issue 20).
 */
export const stampLockOwner: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (!req.user) return data
  const now = new Date().toISOString()
  data.user = { relationTo: req.user.collection, value: req.user.id }
  data.updatedAt = now
  if (operation === 'create') data.createdAt = now
  return data
}
