/**
 * The counting rules that need no database: what a contribution is, how a change of an item's
 * contributions becomes tally deltas, and the order those deltas are written in.
 *
 * A contribution is one (task, channel, day) an item counts for: the item is published in the
 * CMS, tagged with the task, and has a publication on the channel dated that day.
 */
export interface Contribution {
  task: number
  channel: number
  /** Calendar day in the plan time zone, YYYY-MM-DD. */
  day: string
}

export interface TallyKey extends Contribution {
  contentType: string
}

export interface TallyDelta extends TallyKey {
  delta: number
}

/** One content target's counting question, for answering many in one round trip. */
export interface TargetCountQuery {
  key: string
  task: number
  channels: number[]
  contentTypes: string[]
  from: string
  to: string
  /** Set after the deadline: count items whose every publication up to `lateTo` is after it. */
  deadline?: string
  lateTo?: string
}

/** The ledger's answer to a TargetCountQuery. */
export interface TargetCounts {
  pooled: number
  byChannel: Array<{ channel: number; count: number }>
  late: number
}

const keyOf = (c: Contribution): string => `${c.task}\u0000${c.channel}\u0000${c.day}`

/** Deduplicates and sorts contributions (task, channel, day), so diffs are deterministic. */
export function normalizeContributions(list: Contribution[]): Contribution[] {
  const seen = new Map<string, Contribution>()
  for (const c of list) seen.set(keyOf(c), { task: c.task, channel: c.channel, day: c.day })
  return [...seen.values()].sort(compareContribution)
}

export function compareContribution(a: Contribution, b: Contribution): number {
  return a.task - b.task || a.channel - b.channel || (a.day < b.day ? -1 : a.day > b.day ? 1 : 0)
}

/** What to add and what to remove to go from the recorded contributions to the desired ones. */
export function diffContributions(
  current: Contribution[],
  desired: Contribution[],
): { add: Contribution[]; remove: Contribution[] } {
  const have = new Set(current.map(keyOf))
  const want = new Set(desired.map(keyOf))
  return {
    add: normalizeContributions(desired.filter((c) => !have.has(keyOf(c)))),
    remove: normalizeContributions(current.filter((c) => !want.has(keyOf(c)))),
  }
}

/**
 * The tally changes for one item's diff, in the one global order every writer uses (task,
 * channel, content type, day): writers that lock tally rows in the same order cannot deadlock.
 */
export function tallyDeltas(contentType: string, diff: { add: Contribution[]; remove: Contribution[] }): TallyDelta[] {
  const deltas = new Map<string, TallyDelta>()
  const bump = (c: Contribution, by: number) => {
    const k = keyOf(c)
    const d = deltas.get(k) ?? { ...c, contentType, delta: 0 }
    d.delta += by
    deltas.set(k, d)
  }
  for (const c of diff.add) bump(c, 1)
  for (const c of diff.remove) bump(c, -1)
  return [...deltas.values()].filter((d) => d.delta !== 0).sort(compareTallyKey)
}

export function compareTallyKey(a: TallyKey, b: TallyKey): number {
  return (
    a.task - b.task ||
    a.channel - b.channel ||
    (a.contentType < b.contentType ? -1 : a.contentType > b.contentType ? 1 : 0) ||
    (a.day < b.day ? -1 : a.day > b.day ? 1 : 0)
  )
}
