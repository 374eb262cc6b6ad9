import { describe, expect, it } from 'vitest'
import { unitWithDescendants } from '../../src/domain/units'

describe('unitWithDescendants', () => {
  const units = [
    { id: 1, parent: null }, // ministry
    { id: 2, parent: 1 }, // department
    { id: 3, parent: 2 }, // office of the department
    { id: 4, parent: 1 },
    { id: 5, parent: null }, // another ministry
  ]
  it('includes the unit and everything below it, nothing else', () => {
    expect(unitWithDescendants(units, 1)).toEqual([1, 2, 3, 4])
    expect(unitWithDescendants(units, 2)).toEqual([2, 3])
    expect(unitWithDescendants(units, 5)).toEqual([5])
  })
  it('an unknown unit is just itself; a cycle terminates', () => {
    expect(unitWithDescendants(units, 99)).toEqual([99])
    expect(
      unitWithDescendants(
        [
          { id: 1, parent: 2 },
          { id: 2, parent: 1 },
        ],
        1,
      ),
    ).toEqual([1, 2])
  })
})
