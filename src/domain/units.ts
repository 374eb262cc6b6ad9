/**
 * A unit and every unit below it (ministry → departments → …), for reports that roll up by
 * unit. Cycle-safe: a broken parent chain cannot loop forever.
 */
export function unitWithDescendants(units: Array<{ id: number; parent: number | null }>, root: number): number[] {
  const children = new Map<number, number[]>()
  for (const u of units) {
    if (u.parent === null) continue
    const list = children.get(u.parent) ?? []
    list.push(u.id)
    children.set(u.parent, list)
  }
  const out: number[] = []
  const seen = new Set<number>()
  const stack = [root]
  while (stack.length > 0) {
    const id = stack.pop() as number
    if (seen.has(id)) continue
    seen.add(id)
    out.push(id)
    for (const c of children.get(id) ?? []) stack.push(c)
  }
  return out.sort((a, b) => a - b)
}
