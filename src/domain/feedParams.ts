import type { Problem } from './i18n/messages'
import type { CatalogKey } from './i18n/translate'
import { slugify } from './vietnamese'

/**
 * What a feed shows: published items of some content types, optionally narrowed to a plan, a
 * task, a channel (items with a publication on it) and a unit (with the units below it).
 * Every narrowing combines with the others (AND).
 */
export interface FeedFilter {
  plan: number | null
  task: number | null
  channel: number | null
  unit: number | null
  /** Never empty, in the order of the configured content collections. */
  types: string[]
  limit: number
}

export interface FeedLimits {
  defaultLimit: number
  maxLimit: number
  /** The content collections a feed may list, in their canonical order. */
  types: readonly string[]
}

/** The id a readable path names: /feeds/plans/<id>[-words].xml, /feeds/tasks/<id>[-words].xml. */
export interface FeedRoute {
  plan?: string
  task?: string
}

/** A refusal names its parameter and a catalog message, written in the reader's language by the route. */
export type FeedParamResult = { ok: true; filter: FeedFilter } | { ok: false; field: string; problem: Problem }

/** Postgres `integer` ids: anything larger cannot name a row and would make the query fail. */
const MAX_ID = 2_147_483_647

function positiveId(text: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(text)) return null
  const n = Number(text)
  return n <= MAX_ID ? n : null
}

const PATH_ID = /^([1-9]\d{0,9})(?:-[^/]*?)?(?:\.xml)?$/

/**
 * The id at the start of a readable path segment: "7", "7.xml" and "7-khtt-02-bkhcn-2025.xml"
 * all name 7 (the words after the id are for people and are not checked, so a renamed plan's
 * old links keep working).
 */
export function parsePathId(segment: string): number | null {
  const m = PATH_ID.exec(segment)
  return m?.[1] ? positiveId(m[1]) : null
}

const pathGiven = (route: FeedRoute, name: string): boolean =>
  (name === 'plan' || name === 'task') && route[name] !== undefined

function single(query: URLSearchParams, name: string): { value: string | undefined } | { error: Problem } {
  const all = query.getAll(name)
  if (all.length > 1) return { error: { key: 'feedParamRepeated', vars: { name, count: all.length } } }
  const v = all[0]?.trim()
  return { value: v === '' ? undefined : v }
}

/**
 * Validates a feed request: the readable path's id (if any) and the query. Every problem names
 * its parameter. A limit above the maximum is refused rather than clamped, so a subscriber who
 * asks for 500 items learns they get at most `maxLimit` instead of silently fewer. Parameters a
 * feed does not know (utm_*, cache busters) are ignored: aggregators add them.
 */
export function parseFeedParams(query: URLSearchParams, route: FeedRoute, limits: FeedLimits): FeedParamResult {
  const fail = (field: string, problem: Problem): FeedParamResult => ({ ok: false, field, problem })
  const ids: Record<'plan' | 'task' | 'channel' | 'unit', number | null> = {
    plan: null,
    task: null,
    channel: null,
    unit: null,
  }
  for (const name of ['plan', 'task'] as const) {
    const segment = route[name]
    if (segment === undefined) continue
    if (query.has(name)) return fail(name, { key: 'feedParamInPath', vars: { name } })
    const id = parsePathId(segment)
    if (id === null) {
      return fail(name, { key: 'feedPathId', vars: { name, example: `/feeds/${name}s/12.xml`, got: segment } })
    }
    ids[name] = id
  }
  for (const name of ['plan', 'task', 'channel', 'unit'] as const) {
    if (pathGiven(route, name)) continue
    const got = single(query, name)
    if ('error' in got) return fail(name, got.error)
    if (got.value === undefined) continue
    const id = positiveId(got.value)
    if (id === null) return fail(name, { key: 'feedParamId', vars: { name, got: got.value } })
    ids[name] = id
  }

  const typeParam = single(query, 'type')
  if ('error' in typeParam) return fail('type', typeParam.error)
  let types: string[] = [...limits.types]
  if (typeParam.value !== undefined) {
    const asked = typeParam.value.split(',').map((t) => t.trim().toLowerCase())
    const unknown = asked.find((t) => !limits.types.includes(t))
    if (unknown !== undefined) {
      return fail('type', { key: 'feedParamType', vars: { types: limits.types.join(', '), got: unknown } })
    }
    types = limits.types.filter((t) => asked.includes(t))
  }

  const limitParam = single(query, 'limit')
  if ('error' in limitParam) return fail('limit', limitParam.error)
  let limit = limits.defaultLimit
  if (limitParam.value !== undefined) {
    const n = /^\d{1,6}$/.test(limitParam.value) ? Number(limitParam.value) : Number.NaN
    if (!Number.isInteger(n) || n < 1 || n > limits.maxLimit) {
      return fail('limit', { key: 'feedParamLimit', vars: { max: limits.maxLimit, got: limitParam.value } })
    }
    limit = n
  }
  return { ok: true, filter: { ...ids, types, limit } }
}

/**
 * The filter written back as a query string, in a fixed order and without defaults: the feed's
 * self link, the same for every spelling of one request. Path-given ids are left to the path.
 */
export function canonicalFeedQuery(filter: FeedFilter, route: FeedRoute, limits: FeedLimits): string {
  const q = new URLSearchParams()
  for (const name of ['plan', 'task', 'channel', 'unit'] as const) {
    const id = filter[name]
    if (id !== null && !pathGiven(route, name)) q.set(name, String(id))
  }
  if (filter.types.length < limits.types.length) q.set('type', filter.types.join(','))
  if (filter.limit !== limits.defaultLimit) q.set('limit', String(filter.limit))
  const s = q.toString()
  return s ? `?${s}` : ''
}

export const FEED_BASE_PATH = '/feeds'

/** The readable path of a plan's or a task's feed: the id, then words for people. */
export function feedPath(kind: 'plan' | 'task', id: number | string, words: string | null | undefined): string {
  const tail = words ? slugify(words, '', 60) : ''
  return `${FEED_BASE_PATH}/${kind}s/${id}${tail ? `-${tail}` : ''}.xml`
}

export interface FeedLink {
  /** The link's name in the message catalog. */
  label: CatalogKey
  path: string
}

/** The feeds an admin edit view offers for a plan or a task: everything, then one per kind. */
export function feedLinks(kind: 'plan' | 'task', id: number | string, words: string | null | undefined): FeedLink[] {
  const path = feedPath(kind, id, words)
  return [
    { label: 'feedAllContent', path },
    { label: 'feedArticles', path: `${path}?type=articles` },
    { label: 'feedInfographics', path: `${path}?type=infographics` },
    { label: 'feedVideos', path: `${path}?type=videos` },
  ]
}
