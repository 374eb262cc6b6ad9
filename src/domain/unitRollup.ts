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

/** One bar of the units' ranking: what a unit's own tasks delivered, each kind in its own unit. */
export interface UnitRank {
  unit: { id: number; name: string } | null
  /** Content items of the tasks the unit leads itself; null when they have no content target. */
  content: { achieved: number; target: number; percent: number } | null
  /** Reports and other deliverables of those tasks; null when there are none. */
  deliverables: { done: number; total: number; percent: number } | null
  tasks: number
  /** Targets at risk, behind or overdue among those tasks. */
  attention: number
}

/** Whole per cent, rounded down: 99.6 % is not yet 100 %. */
const percentOf = (n: number, of: number): number => (of > 0 ? Math.floor((n / of) * 100 + 1e-9) : 0)

/**
 * Units ranked by what the tasks they lead delivered: first those with content targets, by the
 * share of content items counted (then by items counted), then those with deliverables only, by
 * the share delivered; ties by name. A unit's bar is its own tasks' (the roll-up's subtree totals
 * would rank a ministry against its own departments); content items and deliverables are never
 * added together.
 */
export function rankUnits(nodes: readonly RollupNode[], tasks: readonly RollupTask[]): UnitRank[] {
  const byId = new Map(tasks.map((t) => [t.id, t]))
  const out: UnitRank[] = []
  const visit = (node: RollupNode) => {
    if (node.taskIds.length > 0) {
      const own = node.taskIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []))
      const targets = own.flatMap((t) => t.targets)
      const content = targets.filter((t) => t.kind === 'content')
      const deliverables = targets.filter((t) => t.kind === 'deliverable')
      const achieved = content.reduce((n, t) => n + t.achieved, 0)
      const target = content.reduce((n, t) => n + t.target, 0)
      const done = deliverables.filter((t) => t.achieved >= 1).length
      out.push({
        unit: node.unit,
        content: content.length > 0 ? { achieved, target, percent: percentOf(achieved, target) } : null,
        deliverables:
          deliverables.length > 0
            ? { done, total: deliverables.length, percent: percentOf(done, deliverables.length) }
            : null,
        tasks: own.length,
        attention: targets.filter((t) => ATTENTION.has(t.status)).length,
      })
    }
    node.children.forEach(visit)
  }
  nodes.forEach(visit)
  const name = (r: UnitRank) => r.unit?.name ?? '\uffff'
  return out.sort(
    (a, b) =>
      (a.content ? 0 : 1) - (b.content ? 0 : 1) ||
      (b.content?.percent ?? 0) - (a.content?.percent ?? 0) ||
      (b.content?.achieved ?? 0) - (a.content?.achieved ?? 0) ||
      (b.deliverables?.percent ?? 0) - (a.deliverables?.percent ?? 0) ||
      name(a).localeCompare(name(b), 'vi'),
  )
}
