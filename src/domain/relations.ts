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
