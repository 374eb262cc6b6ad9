import { describe, expect, it } from 'vitest'
import { mayFollowTask } from '../../src/plugin/access/mayFollowTask'

describe('who sees a task progress on its page', () => {
  const task = { leadUnits: [3], coordinatingUnits: [{ id: 4 }] }
  it('managers and admins: every task', () => {
    expect(mayFollowTask({ id: 1, role: 'manager' }, task)).toBe(true)
    expect(mayFollowTask({ id: 1, role: 'admin' }, {})).toBe(true)
  })
  it('producers: the tasks their unit leads or coordinates, not others', () => {
    expect(mayFollowTask({ id: 2, role: 'editor', unit: 3 }, task)).toBe(true)
    expect(mayFollowTask({ id: 2, role: 'multimedia', unit: { id: 4 } }, task)).toBe(true)
    expect(mayFollowTask({ id: 2, role: 'editor', unit: 5 }, task)).toBe(false)
    expect(mayFollowTask({ id: 2, role: 'editor' }, task)).toBe(false)
  })
  it('nobody else', () => {
    expect(mayFollowTask({ id: 3, role: 'integration', unit: 3 }, task)).toBe(false)
    expect(mayFollowTask(null, task)).toBe(false)
  })
})
