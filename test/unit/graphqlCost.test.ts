import { getIntrospectionQuery, parse } from 'graphql'
import { describe, expect, it } from 'vitest'
import { checkGraphQLCost, DEFAULT_GRAPHQL_LIMITS as G, graphqlCost } from '../../src/domain/graphqlCost'

const cost = (query: string, variables?: Record<string, unknown>) => graphqlCost(parse(query), variables)
const refused = (query: string, variables?: Record<string, unknown>) => checkGraphQLCost(cost(query, variables))

describe('GraphQL cost (finding 3)', () => {
  it('300 count-only aliases are refused on the number of fields', () => {
    const q = `{ ${Array.from({ length: 300 }, (_, i) => `a${i}: Articles(limit: 200) { totalDocs }`).join(' ')} }`
    expect(refused(q)?.problem.key).toBe('graphqlTooManyFields')
  })

  it('the cost grows with limit: ten pages of 200 are refused, ten pages of 5 pass', () => {
    const q = (limit: number) =>
      `{ ${Array.from({ length: 10 }, (_, i) => `a${i}: Articles(limit: ${limit}) { docs { id title } }`).join(' ')} }`
    expect(cost(q(200)).cost).toBeGreaterThan(cost(q(5)).cost * 10)
    expect(refused(q(200))?.problem.key).toBe('graphqlTooCostly')
    expect(refused(q(5))).toBeNull()
  })

  it('a variable limit is priced by its value; limit 0 ("all rows") as the cap', () => {
    const q = 'query($l: Int) { Articles(limit: $l) { docs { id } } }'
    expect(cost(q, { l: 200 }).cost).toBeGreaterThan(cost(q, { l: 2 }).cost)
    expect(cost('{ Articles(limit: 0) { docs { id } } }').cost).toBe(
      cost('{ Articles(limit: 200) { docs { id } } }').cost,
    )
  })

  it('a paginated query without limit pays Payload’s default page', () => {
    expect(cost('{ Articles { totalDocs } }').cost).toBe(1 + G.defaultLimit + G.defaultLimit)
  })

  it('aliases are counted through fragments, once per spread', () => {
    const frag = `fragment F on Article { ${Array.from({ length: 5 }, (_, i) => `t${i}: title`).join(' ')} }`
    const q = `{ Articles(limit: 1) { docs { ...F ...F ...F ...F ...F } } } ${frag}`
    // The walk stops counting at the first cap it passes (21 of the 25).
    expect(cost(q).aliases).toBeGreaterThan(G.maxAliases)
    const three = `{ Articles(limit: 1) { docs { ...F ...F ...F } } } ${frag}`
    expect(cost(three).aliases).toBe(15)
    expect(refused(q)?.problem.key).toBe('graphqlTooManyAliases')
  })

  it('a cyclic fragment does not loop; deep nesting is refused', () => {
    expect(() => cost('{ Articles { docs { ...A } } } fragment A on Article { id ...A }')).not.toThrow()
    const deep = `{ ${'a { '.repeat(25)}id${' }'.repeat(25)} }`
    expect(refused(deep)?.problem.key).toBe('graphqlTooDeep')
  })

  it('GraphQL’s own introspection query passes (development tools send it)', () => {
    expect(refused(getIntrospectionQuery())).toBeNull()
  })

  it('an ordinary page with relations passes', () => {
    const q =
      '{ Articles(limit: 200, where: { _status: { equals: published } }) { docs { id title summary slug tasks { id title } } totalDocs } }'
    expect(refused(q)).toBeNull()
  })
})
