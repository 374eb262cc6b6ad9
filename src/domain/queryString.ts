/**
 * A query in the bracket notation Payload's REST API reads (`where[and][0][id][in][0]=3`), built
 * without the `qs` package so browser components can send `where` trees. Pure.
 */
export function toQueryString(query: Record<string, unknown>): string {
  const pairs: string[] = []
  const add = (key: string, value: unknown): void => {
    if (value === undefined) return
    if (value !== null && typeof value === 'object') {
      const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value)
      for (const [k, v] of entries) add(`${key}[${k}]`, v)
      return
    }
    pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(value === null ? '' : String(value))}`)
  }
  for (const [key, value] of Object.entries(query)) add(key, value)
  return pairs.join('&')
}
