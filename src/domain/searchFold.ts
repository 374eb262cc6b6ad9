/**
 * Accent-folded search (issue 21 point 2): a collection stores its searchable text folded
 * (`searchText`, see vietnamese.ts), and every text condition on it is folded the same way
 * before the query runs, so "ket noi", "KẾT NỐI" and "kết nối" find the same rows. Pure: the
 * collections' beforeOperation hooks apply it.
 */
import { normalizeForSearch } from './vietnamese'

const TEXT_OPERATORS = new Set(['like', 'contains', 'equals'])

/** A `where` as Payload takes it, without importing Payload. */
export type WhereTree = { [key: string]: unknown }

/**
 * The `where` with every text condition on `folded` folded, and every condition on one of
 * `aliases` (a display field such as the picker's label, searched by the admin) moved onto
 * `folded` and folded too. Other conditions are kept as they are.
 */
export function foldSearchWhere(where: WhereTree, folded = 'searchText', aliases: readonly string[] = []): WhereTree {
  const out: WhereTree = {}
  const moved: WhereTree[] = []
  const foldOps = (ops: object) =>
    Object.fromEntries(
      Object.entries(ops).map(([op, v]) => [
        op,
        TEXT_OPERATORS.has(op) && typeof v === 'string' ? normalizeForSearch(v) : v,
      ]),
    )
  for (const [key, value] of Object.entries(where)) {
    if ((key === 'and' || key === 'or') && Array.isArray(value)) {
      out[key] = value.map((w) => (w && typeof w === 'object' ? foldSearchWhere(w as WhereTree, folded, aliases) : w))
    } else if (key === folded && value && typeof value === 'object') out[key] = foldOps(value)
    else if (aliases.includes(key) && value && typeof value === 'object') moved.push({ [folded]: foldOps(value) })
    else out[key] = value
  }
  // Top-level keys are ANDed: a moved condition joins them as one more.
  if (moved.length > 0) out.and = [...(Array.isArray(out.and) ? out.and : []), ...moved]
  return out
}

/**
 * Whether `text` matches what was typed, accents and case aside: every word typed occurs in the
 * folded text, in any order, as the server's `like` matches. The admin's pickers filter their
 * options in the browser too, and Payload's own filter compares the accented label, so "ket noi"
 * would hide "kết nối" the server has just found (issue 21 point 2).
 */
export function matchesFoldedSearch(text: string | null | undefined, search: string | null | undefined): boolean {
  const words = normalizeForSearch(search).split(' ').filter(Boolean)
  if (words.length === 0) return true
  const folded = normalizeForSearch(text)
  return words.every((word) => folded.includes(word))
}
