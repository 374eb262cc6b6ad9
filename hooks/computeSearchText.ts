import type { CollectionBeforeChangeHook } from 'payload'
import { normalizeForSearch } from '../src/domain/vietnamese'

/** Keeps the hidden, accent-folded search text in step with the fields people search by. */
export const computeSearchText =
  (fields: string[]): CollectionBeforeChangeHook =>
  ({ data, originalDoc }) => {
    data.searchText = normalizeForSearch(fields.map((f) => data[f] ?? originalDoc?.[f] ?? '').join(' '))
    return data
  }
