import { describe, expect, it } from 'vitest'
import type { TargetStatus } from '../../src/domain/quota'
import { rollupByUnit, type RollupTask } from '../../src/domain/unitRollup'

const units = [
  { id: 1, name: 'Bộ', parent: null },
  { id: 2, name: 'Vụ A', parent: 1 },
  { id: 3, name: 'Trung tâm', parent: 2 },
  { id: 4, name: 'Cục B', parent: 1 },
  { id: 5, name: 'Sở (không có nhiệm vụ)', parent: null },
]
const task = (id: number, lead: number[], ...targets: Array<[number, number, TargetStatus, string?]>): RollupTask => ({
  id,
  leadUnits: lead.map((u) => ({ id: u })),
  targets: targets.map(([target, achieved, status, kind]) => ({ kind: kind ?? 'content', target, achieved, status })),
})

describe('rollupByUnit', () => {
  it('sums each subtree once per task and leaves out units leading nothing', () => {
    const tree = rollupByUnit(
      [
        task(10, [3], [20, 5, 'behind']),
        task(11, [2, 3], [10, 10, 'done']),
        task(12, [4], [1, 0, 'overdue'], [100, 80, 'at-risk', 'indicator']),
        task(13, [], [5, 1, 'at-risk']),
      ],
      units,
    )
    expect(tree.map((n) => n.unit?.name ?? null)).toEqual(['Bộ', null])
    const ministry = tree[0]!
    expect(ministry.totals).toEqual({ target: 31, achieved: 15, percent: 48.4, tasks: 3 })
    expect(ministry.attention).toBe(3)
    const [dept, cuc] = ministry.children
    expect(dept?.unit?.name).toBe('Vụ A')
    expect(dept?.taskIds).toEqual([11])
    // Task 11 is led by both Vụ A and its centre: counted once in Vụ A's subtree.
    expect(dept?.totals).toEqual({ target: 30, achieved: 15, percent: 50, tasks: 2 })
    expect(dept?.children[0]?.totals).toEqual({ target: 30, achieved: 15, percent: 50, tasks: 2 })
    expect(cuc?.totals).toEqual({ target: 1, achieved: 0, percent: 0, tasks: 1 })
    expect(tree[1]).toMatchObject({ unit: null, taskIds: [13], totals: { target: 5, achieved: 1, tasks: 1 } })
  })

  it('treats a unit whose parent is not visible as a root', () => {
    const tree = rollupByUnit([task(1, [3], [2, 2, 'done'])], [{ id: 3, name: 'Trung tâm', parent: 99 }])
    expect(tree).toHaveLength(1)
    expect(tree[0]?.unit).toEqual({ id: 3, name: 'Trung tâm' })
  })

  it('is empty for no tasks', () => {
    expect(rollupByUnit([], units)).toEqual([])
  })
})
