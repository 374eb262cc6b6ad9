/**
 * Whether what a collection's read access answers for an anonymous visitor is exactly "published
 * items" (or everything, which the feed narrows to published itself). Only then may a public
 * reader that filters `_status = 'published'` in SQL stand in for Payload's access-controlled
 * find; any other answer (false, a unit filter, an embargo date…) must go through Payload.
 */
export function isPublishedOnlyAccess(result: unknown): boolean {
  if (result === true) return true
  if (!result || typeof result !== 'object' || Array.isArray(result)) return false
  const keys = Object.keys(result)
  if (keys.length !== 1 || keys[0] !== '_status') return false
  const status = (result as Record<string, unknown>)._status
  if (!status || typeof status !== 'object' || Array.isArray(status)) return false
  const ops = Object.entries(status as Record<string, unknown>)
  return ops.length === 1 && ops[0]![0] === 'equals' && ops[0]![1] === 'published'
}
