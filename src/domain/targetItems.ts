import { evaluateContentTarget, expectedByToday, type DayWindow } from './quota'

/** One item's publications on a target's channels (from the counting ledger). */
export interface ItemOnChannels {
  contentType: string
  item: number
  publications: Array<{ channel: number; day: string }>
}

export interface ClassifiedItem extends ItemOnChannels {
  /** Counted toward the target as of the report day: published on one of its channels inside the window. */
  counted: boolean
  /** Every publication on the target's channels came after the deadline (domain rule 3). */
  late: boolean
  /** The day the item first counted (or first appeared, when late). */
  firstDay: string
}

const inWindow = (day: string, from: string, to: string): boolean => day >= from && day <= to

/**
 * Which of a target's items count as of `asOf`, and which were late. Publications after `asOf`
 * are not known yet on that day and are ignored, exactly as the report ignores them.
 */
export function classifyItems(items: ItemOnChannels[], window: DayWindow, asOf: string): ClassifiedItem[] {
  const countTo = window.to < asOf ? window.to : asOf
  const out: ClassifiedItem[] = []
  for (const it of items) {
    const known = it.publications.filter((p) => p.day <= asOf)
    if (known.length === 0) continue
    const inside = known.filter((p) => inWindow(p.day, window.from, countTo))
    const late = asOf > window.to && known.every((p) => p.day > window.to)
    if (inside.length === 0 && !late) continue
    const days = (inside.length > 0 ? inside : known).map((p) => p.day).sort()
    out.push({ ...it, counted: inside.length > 0, late, firstDay: days[0] ?? known[0]!.day })
  }
  return out.sort((a, b) => (a.firstDay === b.firstDay ? a.item - b.item : a.firstDay < b.firstDay ? -1 : 1))
}

export interface SeriesPoint {
  day: string
  /** Achieved as of that day; null for days after the report day (not known yet). */
  achieved: number | null
  /** What the pace rule expects by that day. */
  expected: number
}

const DAY_MS = 86_400_000
const toMs = (day: string): number => Date.parse(`${day}T00:00:00Z`)
const fromMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

/** A target's counts as of one day: pooled items and items per channel (see the report's rule). */
export interface CountsAsOf {
  pooled: number
  byChannel: ReadonlyMap<number, number>
}

/**
 * The cumulative line of a content target: achieved vs expected over its window, sampled to at
 * most `maxPoints` days (first, last and the report day always included). Every achieved value
 * is the report's own rule applied to the counts as of that day (`countsAt`, read from the
 * first-publication store), so the line ends on the report's number.
 */
export function cumulativeSeries(input: {
  mode: 'pooled' | 'perChannel'
  quantity: number
  channels: number[]
  window: DayWindow
  asOf: string
  maxPoints?: number
  countsAt: (day: string) => CountsAsOf
}): SeriesPoint[] {
  const { window, asOf } = input
  const start = toMs(window.from)
  const end = toMs(window.to)
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return []
  const maxPoints = Math.max(2, input.maxPoints ?? 120)
  const span = Math.round((end - start) / DAY_MS)
  const step = Math.max(1, Math.ceil(span / (maxPoints - 1)))
  const days = new Set<string>()
  for (let i = 0; i <= span; i += step) days.add(fromMs(start + i * DAY_MS))
  days.add(window.to)
  if (inWindow(asOf, window.from, window.to)) days.add(asOf)
  const target = input.mode === 'perChannel' ? input.quantity * input.channels.length : input.quantity

  return [...days].sort().map((day) => {
    const expected = Math.round(expectedByToday(target, window, day) * 10) / 10
    if (day > asOf) return { day, achieved: null, expected }
    const counts = input.countsAt(day)
    const r = evaluateContentTarget({
      mode: input.mode,
      quantity: input.quantity,
      channels: input.channels,
      pooledAchieved: counts.pooled,
      byChannel: [...counts.byChannel].flatMap(([channel, achieved]) => (achieved > 0 ? [{ channel, achieved }] : [])),
      late: 0,
      window,
      today: day,
    })
    return { day, achieved: r.achieved, expected }
  })
}
