import type { CollectionBeforeOperationHook, Where } from 'payload'
import { foldSearchWhere } from '../src/domain/searchFold'

/**
 * "chuyen doi so", "CHUYỂN ĐỔI SỐ" and "Chuyển đổi số" must find the same items: the stored
 * search text is accent-folded, so the query on it is folded the same way before it runs.
 */
export const foldSearchQuery: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'read' && operation !== 'count') return args
  const where = (args as { where?: Where }).where
  if (where) (args as { where?: Where }).where = foldSearchWhere(where) as Where
  return args
}
