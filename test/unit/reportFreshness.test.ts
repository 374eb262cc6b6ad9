import { describe, expect, it } from 'vitest'
import { reportFreshness } from '../../src/domain/reportFreshness'

const snap = (structure: number, tasks: Array<[number, number]>) => ({ structure, tasks: new Map(tasks) })

describe('reportFreshness', () => {
  it('is stale with nothing cached or when the structure counter moved', () => {
    expect(reportFreshness(undefined, snap(0, []))).toEqual({ kind: 'stale' })
    expect(reportFreshness(snap(3, [[1, 2]]), snap(4, [[1, 2]]))).toEqual({ kind: 'stale' })
  })

  it('is fresh when every counter is where it was', () => {
    expect(
      reportFreshness(
        snap(3, [
          [1, 2],
          [2, 0],
        ]),
        snap(3, [[1, 2]]),
      ),
    ).toEqual({ kind: 'fresh' })
  })

  it('names exactly the tasks whose counter moved, a counter never seen reading as 0', () => {
    expect(
      reportFreshness(
        snap(3, [
          [1, 2],
          [2, 5],
          [3, 0],
        ]),
        snap(3, [
          [1, 3],
          [2, 5],
          [3, 1],
        ]),
      ),
    ).toEqual({
      kind: 'partial',
      tasks: [1, 3],
    })
    expect(reportFreshness(snap(0, [[7, 4]]), snap(0, []))).toEqual({ kind: 'partial', tasks: [7] })
  })
})
