/**
 * First-publication counts: what a report needs from the ledger, kept at write time so that a
 * report reads rows bounded by its targets and the years they span, never by items.
 *
 * A counting spec names which ledger rows of one task qualify: its channels, its content types,
 * and a first day (`from`, '' for no lower bound). An item's *first day* under a spec is the
 * earliest day of its qualifying rows. The items a target achieved in a window [from, to] are
 * exactly the items whose first day under (channels, types, from) is on or before `to`, so a
 * count is a prefix sum over first days. The store keeps, per (spec, year), the cumulative count
 * of first days up to each day of the year: a prefix sum is one array element per year.
 *
 * Everything a report asks becomes such prefix sums (targetPrefixes):
 * - pooled: distinct items on any of the target's channels in its window;
 * - per channel: the same for the spec of that one channel (distinct items there);
 * - late: items whose earliest publication on the target's channels is after the deadline and on
 *   or before the report day (a spec with no lower bound: the difference of two prefixes, asked
 *   in one probe).
 */
import type { Contribution, TargetCountQuery, TargetCounts } from './counting'

export interface FirstDaySpec {
  task: number
  /** Sorted, distinct. */
  channels: number[]
  /** Sorted, distinct. */
  contentTypes: string[]
  /** Rows before this day do not qualify; '' when every day qualifies. */
  from: string
}

/** A change of one item's first day under a spec: -1 on the old day, +1 on the new one. */
export interface FirstDayDelta {
  spec: string
  day: string
  delta: number
}

/** One stored row's change: cumulative additions for each day of the year (index 0 = 1 January). */
export interface YearVector {
  spec: string
  year: number
  cum: number[]
}

/**
 * Read the cumulative count of first days under `spec` up to and including `day`, less the
 * count up to `since` when one is given (the first days in (since, day]: one probe where two
 * prefixes would read the same rows twice).
 */
export interface PrefixAsk {
  spec: string
  day: string
  /** Before `day`. */
  since?: string
}

/** A PrefixAsk as the store reads it: years and days of the year (1–366). */
export interface PrefixQuestion {
  spec: string
  year: number
  doy: number
  since: { year: number; doy: number } | null
}

/** Days in a stored year row: a leap year's; in other years day 366 repeats the 365th. */
export const YEAR_DAYS = 366

const sortedUnique = <T>(values: readonly T[]): T[] => [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))

export function makeSpec(
  task: number,
  channels: readonly number[],
  contentTypes: readonly string[],
  from: string,
): FirstDaySpec {
  return { task, channels: sortedUnique(channels), contentTypes: sortedUnique(contentTypes), from }
}

/** The spec's identity in the store: equal specs share their rows, whatever target asks. */
export function specKey(spec: FirstDaySpec): string {
  return `${spec.task}/${spec.channels.join(',')}/${spec.contentTypes.join(',')}/${spec.from}`
}

/** The earliest qualifying day of one item's contributions under a spec, or null. */
export function firstDayOf(
  spec: FirstDaySpec,
  contentType: string,
  contributions: readonly Contribution[],
): string | null {
  if (!spec.contentTypes.includes(contentType)) return null
  let first: string | null = null
  for (const c of contributions) {
    if (c.task !== spec.task || c.day < spec.from || !spec.channels.includes(c.channel)) continue
    if (first === null || c.day < first) first = c.day
  }
  return first
}

/** How an item's change of contributions moves its first days under each spec of its tasks. */
export function firstDayDeltas(
  specs: readonly FirstDaySpec[],
  contentType: string,
  before: readonly Contribution[],
  after: readonly Contribution[],
): FirstDayDelta[] {
  const out: FirstDayDelta[] = []
  for (const spec of specs) {
    const was = firstDayOf(spec, contentType, before)
    const now = firstDayOf(spec, contentType, after)
    if (was === now) continue
    const key = specKey(spec)
    if (was !== null) out.push({ spec: key, day: was, delta: -1 })
    if (now !== null) out.push({ spec: key, day: now, delta: 1 })
  }
  return out
}

/** Year and day of the year (1-based) of a YYYY-MM-DD day. */
export function yearDay(day: string): { year: number; doy: number } {
  const year = Number(day.slice(0, 4))
  const start = Date.UTC(year, 0, 1)
  const at = Date.UTC(year, Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)))
  // Date.UTC maps years 0–99 to 1900–1999; both ends move alike, so the difference holds.
  return { year, doy: Math.round((at - start) / 86_400_000) + 1 }
}

/**
 * Deltas (of many items, in any order) as per-(spec, year) cumulative vectors, sorted by spec
 * then year: the one order every writer locks stored rows in. Vectors that sum to nothing
 * everywhere (an item moved away and back) are left out.
 */
export function yearVectors(deltas: readonly FirstDayDelta[]): YearVector[] {
  const byRow = new Map<string, { spec: string; year: number; at: number[] }>()
  for (const d of deltas) {
    const { year, doy } = yearDay(d.day)
    const k = `${d.spec}\u0000${year}`
    let row = byRow.get(k)
    if (!row) byRow.set(k, (row = { spec: d.spec, year, at: new Array<number>(YEAR_DAYS).fill(0) }))
    row.at[doy - 1] = (row.at[doy - 1] ?? 0) + d.delta
  }
  const out: YearVector[] = []
  for (const row of byRow.values()) {
    let sum = 0
    const cum = row.at.map((v) => (sum += v))
    if (cum.some((v) => v !== 0)) out.push({ spec: row.spec, year: row.year, cum })
  }
  return out.sort((a, b) => (a.spec < b.spec ? -1 : a.spec > b.spec ? 1 : a.year - b.year))
}

/**
 * One stored row's change as steps, what a write sends (a few numbers instead of 366): from day
 * of the year `days[i]` on, every cumulative count moves by `deltas[i]`. Days ascending, each
 * once, no zero delta; `stepVector` is the vector they stand for.
 */
export interface YearSteps {
  spec: string
  year: number
  days: number[]
  deltas: number[]
}

/**
 * Deltas (of many items, in any order) as per-(spec, year) steps, sorted by spec then year (code
 * unit order, as the store's writes lock rows: `collate "C"`). Days whose deltas cancel are left
 * out, and so are rows left with no step (an item moved away and back).
 */
export function yearSteps(deltas: readonly FirstDayDelta[]): YearSteps[] {
  const byRow = new Map<string, { spec: string; year: number; at: Map<number, number> }>()
  for (const d of deltas) {
    const { year, doy } = yearDay(d.day)
    const k = `${d.spec}\u0000${year}`
    let row = byRow.get(k)
    if (!row) byRow.set(k, (row = { spec: d.spec, year, at: new Map() }))
    row.at.set(doy, (row.at.get(doy) ?? 0) + d.delta)
  }
  const out: YearSteps[] = []
  for (const row of byRow.values()) {
    const days = [...row.at.keys()].filter((doy) => row.at.get(doy) !== 0).sort((a, b) => a - b)
    if (days.length > 0) out.push({ spec: row.spec, year: row.year, days, deltas: days.map((doy) => row.at.get(doy)!) })
  }
  return out.sort((a, b) => (a.spec < b.spec ? -1 : a.spec > b.spec ? 1 : a.year - b.year))
}

/** The cumulative vector steps stand for (the reference for the store's `step_vector`). */
export function stepVector(steps: Pick<YearSteps, 'days' | 'deltas'>): number[] {
  const cum = new Array<number>(YEAR_DAYS).fill(0)
  let sum = 0
  let j = 0
  for (let doy = 1; doy <= YEAR_DAYS; doy++) {
    while (j < steps.days.length && steps.days[j]! <= doy) sum += steps.deltas[j++]!
    cum[doy - 1] = sum
  }
  return cum
}

/** Steps that stand for a cumulative vector (a repaired row, written as the difference). */
export function stepsOfVector(v: YearVector): YearSteps {
  const days: number[] = []
  const deltas: number[] = []
  let before = 0
  v.cum.forEach((value, k) => {
    if (value !== before) {
      days.push(k + 1)
      deltas.push(value - before)
    }
    before = value
  })
  return { spec: v.spec, year: v.year, days, deltas }
}

/** Cumulative vectors from first-day counts (a rebuild from the ledger). */
export function vectorsFromCounts(rows: ReadonlyArray<{ spec: string; day: string; count: number }>): YearVector[] {
  return yearVectors(rows.map((r) => ({ spec: r.spec, day: r.day, delta: r.count })))
}

/** The prefix sum a stored set of year rows gives up to a day (the reference for the SQL read). */
export function prefixFrom(rows: ReadonlyArray<{ year: number; cum: readonly number[] }>, day: string): number {
  const { year, doy } = yearDay(day)
  let total = 0
  for (const r of rows) {
    if (r.year < year) total += r.cum[YEAR_DAYS - 1] ?? 0
    else if (r.year === year) total += r.cum[doy - 1] ?? 0
  }
  return total
}

/**
 * The first day, from `from` to `to`, by which the prefix sum of the stored rows reaches `n`; null
 * when it does not by `to`. Lets a list ordered by first day read only the rows up to that day.
 */
export function dayReaching(
  rows: ReadonlyArray<{ year: number; cum: readonly number[] }>,
  n: number,
  from: string,
  to: string,
): string | null {
  let before = 0
  for (const r of [...rows].sort((a, b) => a.year - b.year)) {
    const last = r.cum[YEAR_DAYS - 1] ?? 0
    if (before + last < n) {
      before += last
      continue
    }
    let lo = 0
    let hi = YEAR_DAYS - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (before + (r.cum[mid] ?? 0) >= n) hi = mid
      else lo = mid + 1
    }
    const at = new Date(Date.UTC(2000, 0, lo + 1))
    at.setUTCFullYear(r.year, 0, lo + 1)
    const day = at.toISOString().slice(0, 10)
    const reached = day < from ? from : day
    return reached <= to ? reached : null
  }
  return null
}

/** What the store must answer for one target, and how the answers make its counts. */
export interface TargetPrefixes {
  specs: FirstDaySpec[]
  /** Prefix questions in a fixed order; `combine` reads their answers in the same order. */
  questions: PrefixAsk[]
  combine: (answers: readonly number[]) => TargetCounts
}

/**
 * The prefix sums behind a TargetCountQuery (src/domain/counting.ts): the same numbers the
 * ledger's distinct counts give for it (see the module comment).
 */
export function targetPrefixes(q: TargetCountQuery): TargetPrefixes {
  const channels = sortedUnique(q.channels)
  const types = sortedUnique(q.contentTypes)
  const specs = new Map<string, FirstDaySpec>()
  const questions: PrefixAsk[] = []
  // Built from the sorted lists directly: a plan report asks thousands of these.
  const ask = (chs: number[], from: string, day: string, since?: string) => {
    const spec: FirstDaySpec = { task: q.task, channels: chs, contentTypes: types, from }
    const key = specKey(spec)
    if (!specs.has(key)) specs.set(key, spec)
    questions.push(since === undefined ? { spec: key, day } : { spec: key, day, since })
  }
  const counting = channels.length > 0 && types.length > 0 && q.from <= q.to
  if (counting) {
    ask(channels, q.from, q.to)
    for (const c of channels) ask([c], q.from, q.to)
  }
  const late =
    channels.length > 0 &&
    types.length > 0 &&
    q.deadline !== undefined &&
    q.lateTo !== undefined &&
    q.lateTo > q.deadline
  // Late: first days after the deadline, up to the report day.
  if (late) ask(channels, '', q.lateTo!, q.deadline!)
  return {
    specs: [...specs.values()],
    questions,
    combine: (answers) => {
      let i = 0
      const next = () => answers[i++] ?? 0
      const pooled = counting ? next() : 0
      const byChannel = counting
        ? channels.map((channel) => ({ channel, count: next() })).filter((r) => r.count !== 0)
        : []
      const lateCount = late ? next() : 0
      return { pooled, byChannel, late: lateCount }
    },
  }
}

/** The question for a PrefixAsk (days before year 1 ask nothing and answer 0). */
export function prefixQuestion(ask: PrefixAsk): PrefixQuestion {
  return { spec: ask.spec, ...yearDay(ask.day), since: ask.since === undefined ? null : yearDay(ask.since) }
}

/** What the store answers to a PrefixAsk, from a spec's stored rows (the reference for the SQL). */
export function answerFrom(rows: ReadonlyArray<{ year: number; cum: readonly number[] }>, ask: PrefixAsk): number {
  return prefixFrom(rows, ask.day) - (ask.since === undefined ? 0 : prefixFrom(rows, ask.since))
}
