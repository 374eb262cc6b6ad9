import { totals, type TargetStatus } from './quota'

export interface RollupTask {
  id: number
  leadUnits: Array<{ id: number }>
  targets: Array<{ kind: string; target: number; achieved: number; status: TargetStatus }>
}

export interface RollupNode {
  unit: { id: number; name: string } | null
  /** Tasks this unit leads itself. */
  taskIds: number[]
  /** Over the unit and every unit below it; a task led by two of them counts once. */
  totals: { target: number; achieved: number; percent: number; tasks: number }
  /** Targets needing attention (at risk, behind, overdue) in the subtree. */
  attention: number
  children: RollupNode[]
}

const ATTENTION: ReadonlySet<TargetStatus> = new Set(['at-risk', 'behind', 'overdue'])

/**
 * Tasks grouped by lead unit along the unit hierarchy (ministry → departments → centres), each
 * node with totals over its subtree. Units leading nothing in their subtree are left out; tasks
 * without a lead unit form a last group with `unit: null`. Indicator targets are excluded from
 * the sums, as in the report totals (a percentage is not a count).
 */
export function rollupByUnit(
  tasks: RollupTask[],
  units: Array<{ id: number; name: string; parent: number | null }>,
): RollupNode[] {
  const known = new Map(units.map((u) => [u.id, u]))
  const children = new Map<number | null, number[]>()
  for (const u of units) {
    // A parent outside the list (not visible to the reader) makes the unit a root, so none is lost.
    const parent = u.parent !== null && known.has(u.parent) ? u.parent : null
    children.set(parent, [...(children.get(parent) ?? []), u.id])
  }
  const led = new Map<number, number[]>()
  for (const t of tasks)
    for (const u of t.leadUnits) if (known.has(u.id)) led.set(u.id, [...(led.get(u.id) ?? []), t.id])
  const byId = new Map(tasks.map((t) => [t.id, t]))

  const summarise = (ids: Set<number>) => {
    const list = [...ids].flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []))
    const rows = list.flatMap((t) => t.targets.filter((x) => x.kind !== 'indicator'))
    return {
      totals: { ...totals(rows), tasks: list.length },
      attention: list.reduce((n, t) => n + t.targets.filter((x) => ATTENTION.has(x.status)).length, 0),
    }
  }
  const visited = new Set<number>()
  const build = (id: number): { node: RollupNode | null; ids: Set<number> } => {
    visited.add(id)
    const kids = (children.get(id) ?? []).filter((k) => !visited.has(k)).map(build)
    const ids = new Set<number>([...(led.get(id) ?? []), ...kids.flatMap((k) => [...k.ids])])
    if (ids.size === 0) return { node: null, ids }
    const unit = known.get(id)!
    return {
      ids,
      node: {
        unit: { id, name: unit.name },
        taskIds: led.get(id) ?? [],
        ...summarise(ids),
        children: kids.flatMap((k) => (k.node ? [k.node] : [])),
      },
    }
  }
  const roots = (children.get(null) ?? []).map(build).flatMap((r) => (r.node ? [r.node] : []))
  const orphans = tasks.filter((t) => !t.leadUnits.some((u) => known.has(u.id))).map((t) => t.id)
  if (orphans.length > 0) roots.push({ unit: null, taskIds: orphans, ...summarise(new Set(orphans)), children: [] })
  return roots
}
