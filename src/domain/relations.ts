/** The id of a relationship value, whether Payload gave us an id or a populated document. */
export function relId(value: unknown): string | number | undefined {
  if (value === null || value === undefined || value === '') return undefined
  if (typeof value === 'object') return (value as { id?: string | number }).id
  if (typeof value === 'string' || typeof value === 'number') return value
  return undefined
}

/** Ids of a hasMany relationship value, in order, without duplicates. */
export function relIds(value: unknown): Array<string | number> {
  if (!Array.isArray(value)) return []
  const out: Array<string | number> = []
  const seen = new Set<string>()
  for (const v of value) {
    const id = relId(v)
    if (id !== undefined && !seen.has(String(id))) {
      seen.add(String(id))
      out.push(id)
    }
  }
  return out
}

/**
 * Whether a value sent for a single (non-polymorphic) relationship is one: nothing (null or
 * missing), an id, or a populated document with an id. Payload silently drops other shapes
 * (`{ relationTo, value }`, `[13]`), so a request that sends one is refused instead.
 */
export function isSingleRelationValue(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0
  if (typeof value === 'string') return /^\d{1,15}$/.test(value)
  if (typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>
    return (
      !('relationTo' in o) &&
      !('value' in o) &&
      (typeof o.id === 'number' || typeof o.id === 'string') &&
      isSingleRelationValue(o.id)
    )
  }
  return false
}
