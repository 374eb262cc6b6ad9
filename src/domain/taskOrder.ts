/**
 * The order a plan's tasks are read in: the display order a manager set, then the task's number
 * (STT) as a reader counts it, "1, 2, 10" and "I, II, IV, X" rather than "1, 10, 2" — so tasks
 * imported or created without a display order still come in the plan document's order.
 */

const ROMAN = /^[IVXL]+$/
const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 }

/** The value of an upper-case Roman numeral up to L (plans' sections), or null when it is not one. */
function romanValue(segment: string): number | null {
  if (!ROMAN.test(segment)) return null
  let total = 0
  for (let i = 0; i < segment.length; i++) {
    const value = ROMAN_VALUES[segment[i]!]!
    const next = ROMAN_VALUES[segment[i + 1] ?? ''] ?? 0
    total += value < next ? -value : value
  }
  return total
}

type Part = { n: number } | { s: string }

/**
 * A task number split at dots, spaces and dashes: numbers and Roman section numerals compare by
 * value, anything else (a, b, đ) by letters in Vietnamese order.
 */
function parts(code: string): Part[] {
  return code
    .trim()
    .split(/[.\s\-/)]+/)
    .filter(Boolean)
    .flatMap((segment) => {
      if (/^\d+$/.test(segment)) return [{ n: Number(segment) }]
      const roman = romanValue(segment)
      if (roman !== null) return [{ n: roman }]
      // "1a" reads as 1 then a
      const m = /^(\d+)(.*)$/.exec(segment)
      return m ? [{ n: Number(m[1]) }, { s: m[2]! }] : [{ s: segment }]
    })
}

const collator = new Intl.Collator('vi', { sensitivity: 'base' })

/** Natural order of two task numbers (STT): "2" < "10", "II.1.a" < "II.1.b" < "II.2", "" last. */
export function compareTaskCodes(a: string, b: string): number {
  if (!a.trim() || !b.trim()) return a.trim() ? -1 : b.trim() ? 1 : 0
  const pa = parts(a)
  const pb = parts(b)
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!
    const y = pb[i]!
    // A number sorts before a letter at the same depth ("1" before "a"), as in a plan's outline.
    if ('n' in x && 's' in y) return -1
    if ('s' in x && 'n' in y) return 1
    const c = 'n' in x && 'n' in y ? x.n - y.n : collator.compare((x as { s: string }).s, (y as { s: string }).s)
    if (c !== 0) return c
  }
  return pa.length - pb.length
}

/** The fields that decide a task's place: its display order (may be empty), its STT and its id. */
export interface OrderedTask {
  id?: unknown
  code?: unknown
  sortOrder?: unknown
}

/**
 * Display order first (tasks without one after those with one), then STT, then id (creation
 * order), so the order never depends on how the database returned the rows.
 */
export function compareTasks(a: OrderedTask, b: OrderedTask): number {
  const sa = typeof a.sortOrder === 'number' ? a.sortOrder : null
  const sb = typeof b.sortOrder === 'number' ? b.sortOrder : null
  if (sa !== sb) {
    if (sa === null) return 1
    if (sb === null) return -1
    return sa - sb
  }
  const byCode = compareTaskCodes(String(a.code ?? ''), String(b.code ?? ''))
  if (byCode !== 0) return byCode
  return Number(a.id) - Number(b.id)
}

/** A sorted copy; the input is left as it was. */
export function sortTasks<T extends OrderedTask>(tasks: readonly T[]): T[] {
  return [...tasks].sort(compareTasks)
}
