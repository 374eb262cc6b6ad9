import { Kind, type DocumentNode, type FieldNode, type SelectionSetNode, type ValueNode } from 'graphql'
import type { Problem } from './i18n/messages'

/**
 * What one GraphQL request may ask for, judged from its parsed document before anything runs.
 * Payload's complexity rule gives a list query the same price whatever its `limit`, and a
 * count-only selection (`Articles(limit: 200) { totalDocs }`) almost nothing, while each one is
 * a query and a count on the database: 300 such aliases held the server for 50 s. Here a field
 * with a `limit` pays for the rows it reads, and aliases and top-level fields are capped.
 * Pure (the graphql package's AST only): the request guard parses, this judges.
 */
export interface GraphQLLimits {
  /** Most tokens the parser may read; a longer document is refused before it is parsed. */
  maxTokens: number
  /** Most top-level fields of one request (each is at least one database query). */
  maxRootFields: number
  /** Most aliased fields in the whole request (aliases are how one field is asked N times). */
  maxAliases: number
  /** Most nested selection levels. */
  maxDepth: number
  /** Largest total cost (see `graphqlCost`). */
  maxCost: number
  /** Rows Payload reads for a paginated query without `limit` (its default). */
  defaultLimit: number
  /** The `limit` assumed when it is not a usable number (the hook refuses it anyway). */
  maxLimit: number
}

export const DEFAULT_GRAPHQL_LIMITS: GraphQLLimits = Object.freeze({
  maxTokens: 20_000,
  maxRootFields: 20,
  maxAliases: 20,
  // GraphQL's own introspection query nests 13 levels (types of types); documents rarely go past 8.
  maxDepth: 20,
  // One full page (200 rows, a dozen fields each) is about 2 600; this leaves room for a
  // page and a few small lists, never for many full pages at once.
  maxCost: 5_000,
  defaultLimit: 10,
  maxLimit: 200,
})

export interface GraphQLCost {
  cost: number
  rootFields: number
  aliases: number
  depth: number
}

/** A refused query: the part at fault (`query`) and why. */
export interface GraphQLProblem {
  param: string
  problem: Problem
}

/** Selections that mark a Payload paginated result: it reads a page of rows even without `limit`. */
const PAGINATED_FIELDS = new Set(['docs', 'totalDocs', 'totalPages', 'hasNextPage', 'hasPrevPage'])

function numericArg(value: ValueNode | undefined, variables: Record<string, unknown>): number | undefined {
  if (!value) return undefined
  if (value.kind === Kind.INT || value.kind === Kind.FLOAT) return Number(value.value)
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value]
    return typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : undefined
  }
  return Number.NaN
}

/**
 * Walks every operation of the document, with fragments expanded where they are spread (a
 * fragment of 10 aliases spread 10 times is 100 aliases), and sums:
 *   cost(field) = 1 + rows + rows × cost(its selections)
 * where rows is the field's `limit` (Payload's default for a paginated result without one, 0
 * for a plain field, whose selections then cost once). Stops counting once over the caps, so a
 * hostile document costs the walk no more than the caps allow.
 */
export function graphqlCost(
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  limits: GraphQLLimits = DEFAULT_GRAPHQL_LIMITS,
): GraphQLCost {
  const fragments = new Map<string, SelectionSetNode>()
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def.selectionSet)
  }
  const totals: GraphQLCost = { cost: 0, rootFields: 0, aliases: 0, depth: 0 }
  const over = () =>
    totals.cost > limits.maxCost ||
    totals.aliases > limits.maxAliases ||
    totals.rootFields > limits.maxRootFields ||
    totals.depth > limits.maxDepth

  /** The fields of a selection set, through inline fragments and fragment spreads. */
  const fieldsOf = (set: SelectionSetNode, visiting: Set<string>, out: FieldNode[]): void => {
    for (const sel of set.selections) {
      if (over()) return
      if (sel.kind === Kind.FIELD) out.push(sel)
      else if (sel.kind === Kind.INLINE_FRAGMENT) fieldsOf(sel.selectionSet, visiting, out)
      else {
        const name = sel.name.value
        const frag = fragments.get(name)
        // An unknown or cyclic spread is the validator's to refuse; it adds nothing here.
        if (!frag || visiting.has(name)) continue
        visiting.add(name)
        fieldsOf(frag, visiting, out)
        visiting.delete(name)
      }
    }
  }

  const setCost = (set: SelectionSetNode, depth: number, visiting: Set<string>): number => {
    totals.depth = Math.max(totals.depth, depth)
    const fields: FieldNode[] = []
    fieldsOf(set, visiting, fields)
    let sum = 0
    for (const field of fields) {
      if (over()) return sum
      if (field.alias) totals.aliases += 1
      if (field.name.value === '__typename') continue
      const children = field.selectionSet
      const limitArg = field.arguments?.find((a) => a.name.value === 'limit')
      let rows = 0
      if (limitArg) {
        const n = numericArg(limitArg.value, variables)
        // limit: 0 means "every row" to Payload; anything unusable is priced as the cap.
        rows =
          n === undefined
            ? limits.defaultLimit
            : Number.isFinite(n) && n >= 1
              ? Math.min(n, limits.maxLimit)
              : limits.maxLimit
      } else if (children?.selections.some((s) => s.kind === Kind.FIELD && PAGINATED_FIELDS.has(s.name.value))) {
        rows = limits.defaultLimit
      }
      const inner = children ? setCost(children, depth + 1, visiting) : 0
      sum += 1 + rows + Math.max(rows, 1) * inner
      if (sum > limits.maxCost) return sum
    }
    return sum
  }

  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue
    const roots: FieldNode[] = []
    fieldsOf(def.selectionSet, new Set(), roots)
    totals.rootFields += roots.filter((f) => f.name.value !== '__typename').length
    if (over()) break
    totals.cost += setCost(def.selectionSet, 1, new Set())
    if (over()) break
  }
  return totals
}

/** The first cap a document breaks, as a 400 naming `query`; null when it is within all of them. */
export function checkGraphQLCost(
  cost: GraphQLCost,
  limits: GraphQLLimits = DEFAULT_GRAPHQL_LIMITS,
): GraphQLProblem | null {
  if (cost.rootFields > limits.maxRootFields)
    return { param: 'query', problem: { key: 'graphqlTooManyFields', vars: { max: limits.maxRootFields } } }
  if (cost.aliases > limits.maxAliases)
    return { param: 'query', problem: { key: 'graphqlTooManyAliases', vars: { max: limits.maxAliases } } }
  if (cost.depth > limits.maxDepth)
    return { param: 'query', problem: { key: 'graphqlTooDeep', vars: { max: limits.maxDepth } } }
  if (cost.cost > limits.maxCost)
    return { param: 'query', problem: { key: 'graphqlTooCostly', vars: { cost: cost.cost, max: limits.maxCost } } }
  return null
}
