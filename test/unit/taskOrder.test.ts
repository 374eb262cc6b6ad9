import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareTaskCodes, compareTasks, sortTasks } from '../../src/domain/taskOrder'

const codes = (list: string[]) => [...list].sort(compareTaskCodes)

describe('task numbers in natural order', () => {
  it('orders numbers by value, not as text', () => {
    expect(codes(['10', '2', '1', '3'])).toEqual(['1', '2', '3', '10'])
    expect(codes(['1.10', '1.2', '1.1', '2'])).toEqual(['1.1', '1.2', '1.10', '2'])
  })

  it('orders Roman section numbers by value, and letters within a section', () => {
    expect(codes(['IV.1', 'II.1.b', 'X', 'II.1.a', 'I.3', 'II.2', 'V'])).toEqual([
      'I.3',
      'II.1.a',
      'II.1.b',
      'II.2',
      'IV.1',
      'V',
      'X',
    ])
  })

  it('puts a parent before its children and numbers before letters at the same depth', () => {
    expect(codes(['II.1.1', 'II.1', 'II'])).toEqual(['II', 'II.1', 'II.1.1'])
    expect(codes(['1.a', '1.1'])).toEqual(['1.1', '1.a'])
  })

  it('reads Vietnamese letters in Vietnamese order and accepts "1a" and trailing dots', () => {
    expect(codes(['2.đ', '2.e', '2.d'])).toEqual(['2.d', '2.đ', '2.e'])
    expect(codes(['1b', '1a', '2.'])).toEqual(['1a', '1b', '2.'])
  })

  it('puts tasks without a number last', () => {
    expect(codes(['', '3', ' ', '1'])).toEqual(['1', '3', '', ' '])
  })

  it('is a total order: antisymmetric and transitive on any strings', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[0-9IVXabđ. ]{0,6}$/), { maxLength: 8 }), (list) => {
        const sorted = codes(list)
        for (let i = 1; i < sorted.length; i++)
          expect(compareTaskCodes(sorted[i - 1]!, sorted[i]!)).toBeLessThanOrEqual(0)
        for (const a of list)
          for (const b of list) expect(Math.sign(compareTaskCodes(a, b))).toBe(-Math.sign(compareTaskCodes(b, a)) || 0)
      }),
    )
  })
})

describe('task order', () => {
  it('follows the display order first, then STT for tasks without one, then creation order', () => {
    const tasks = [
      { id: 9, code: '10', sortOrder: null },
      { id: 8, code: '2', sortOrder: null },
      { id: 7, code: '3', sortOrder: 1 },
      { id: 6, code: '1', sortOrder: 2 },
      { id: 5, code: '2', sortOrder: null },
    ]
    expect(sortTasks(tasks).map((t) => t.id)).toEqual([7, 6, 5, 8, 9])
  })

  it('leaves its input as it was', () => {
    const tasks = Object.freeze([
      { id: 2, code: '2' },
      { id: 1, code: '1' },
    ])
    expect(sortTasks(tasks).map((t) => t.id)).toEqual([1, 2])
    expect(tasks.map((t) => t.id)).toEqual([2, 1])
  })

  it('gives the same order whatever order the database returned the rows in', () => {
    const task = fc.record({
      id: fc.integer({ min: 1, max: 50 }),
      code: fc.constantFrom('1', '2', '10', 'I', 'II.1', 'II.1.a', ''),
      sortOrder: fc.option(fc.integer({ min: 0, max: 3 })),
    })
    fc.assert(
      fc.property(fc.uniqueArray(task, { selector: (t) => t.id, maxLength: 10 }), (tasks) => {
        const once = sortTasks(tasks).map((t) => t.id)
        expect(sortTasks([...tasks].reverse()).map((t) => t.id)).toEqual(once)
        expect(compareTasks(tasks[0] ?? { id: 0 }, tasks[0] ?? { id: 0 })).toBe(0)
      }),
    )
  })
})
