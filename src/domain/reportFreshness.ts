/**
 * Whether a cached quota report still holds, from the change counters it was computed under and
 * the counters now (see src/plugin/report/reportCache.ts). A counter never seen reads as 0.
 * - `fresh`: nothing it depends on changed;
 * - `partial`: only some tasks' counts changed: recount those tasks' targets;
 * - `stale`: the plan's shape may have changed (or nothing is cached): compute it all again.
 */
export type Freshness = { kind: 'fresh' } | { kind: 'partial'; tasks: number[] } | { kind: 'stale' }

export interface CounterSnapshot {
  structure: number
  tasks: ReadonlyMap<number, number>
}

export function reportFreshness(cached: CounterSnapshot | undefined, now: CounterSnapshot): Freshness {
  if (!cached || cached.structure !== now.structure) return { kind: 'stale' }
  const tasks = [...cached.tasks].filter(([task, v]) => (now.tasks.get(task) ?? 0) !== v).map(([task]) => task)
  return tasks.length === 0 ? { kind: 'fresh' } : { kind: 'partial', tasks }
}
