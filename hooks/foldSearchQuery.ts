import type { CollectionBeforeOperationHook, Where } from 'payload'
import { normalizeForSearch } from '../src/domain/vietnamese'

const TEXT_OPERATORS = new Set(['like', 'contains', 'equals'])

function fold(where: Where): Where {
  const out: Where = {}
  for (const [key, value] of Object.entries(where)) {
    if ((key === 'and' || key === 'or') && Array.isArray(value)) out[key] = value.map((w) => fold(w as Where))
    else if (key === 'searchText' && value && typeof value === 'object') {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([op, v]) => [
          op,
          TEXT_OPERATORS.has(op) && typeof v === 'string' ? normalizeForSearch(v) : v,
        ]),
      )
    } else out[key] = value as Where[string]
  }
  return out
}

/**
 * "chuyen doi so", "CHUYỂN ĐỔI SỐ" and "Chuyển đổi số" must find the same items: the stored
 * search text is accent-folded, so the query on it is folded the same way before it runs.
 */
export const foldSearchQuery: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'read' && operation !== 'count') return args
  const where = (args as { where?: Where }).where
  if (where) (args as { where?: Where }).where = fold(where)
  return args
}
