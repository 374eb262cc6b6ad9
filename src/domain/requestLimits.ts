import type { Problem } from './i18n/messages'

/**
 * Caps on what one API request may ask for. Payload has `maxDepth` (it clamps silently) and no cap
 * at all on `limit` (`limit=0` or `pagination=false` return every row), on the length of `in`
 * lists, or on the request body; these are ours. Pure: the HTTP guard and the GraphQL hook apply
 * them, the unit tests exercise them without a server.
 */
export interface RequestLimits {
  /** Largest `limit` a read may ask for (the admin offers 5–100 per page). */
  maxLimit: number
  /**
   * Largest `limit` of a read bounded by a top-level id list (`where[id][in]`, at most `maxInList`
   * ids). At most the list's length can come back whatever `limit` says, so the row cap holds; the
   * admin's own relationship lookups (list cells, pickers' selected values) send `limit=250`, and
   * refusing them left every relationship label as "Chưa có tiêu đề - ID: n" (issue 21 point 3).
   */
  maxLookupLimit: number
  /** Largest population `depth` (Payload's default is 2). */
  maxDepth: number
  /** Most values in one `in` / `not_in` / `all` list (the admin sends at most a page of ids). */
  maxInList: number
  /** Most conditions in one `where` (every leaf counts). */
  maxWhereConditions: number
  /** Largest `page` number; deeper pages of a capped limit are a scan, not a reader. */
  maxPage: number
  /**
   * Deepest nesting of a document's data (objects and arrays). Rich text nests two levels per
   * node; Payload walks it recursively and a few thousand levels overflow the stack (a 500).
   */
  maxDataDepth: number
  /** Largest JSON (or other non-multipart) body, in bytes. */
  maxJsonBytes: number
  /**
   * Largest multipart body of an upload collection that declares no limit of its own
   * (`custom.maxUploadBytes`); the ones that do are held to theirs (see `multipartCap`).
   */
  maxMultipartBytes: number
  /**
   * Largest multipart body that carries no upload: the admin's form saves (`_payload` JSON) and
   * custom endpoints' forms (the plan import's 5 MB document).
   */
  maxFormBytes: number
}

export const DEFAULT_REQUEST_LIMITS: RequestLimits = Object.freeze({
  maxLimit: 200,
  maxLookupLimit: 1000,
  maxDepth: 3,
  maxInList: 200,
  maxWhereConditions: 100,
  maxPage: 100_000,
  maxDataDepth: 100,
  maxJsonBytes: 2 * 1024 * 1024,
  maxMultipartBytes: 501 * 1024 * 1024,
  maxFormBytes: 6 * 1024 * 1024,
})

/** A refused parameter: which one, and why (a message key with its values). */
export interface ParamProblem {
  param: string
  problem: Problem
}

const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
/** qs's `parameterLimit`, which Payload leaves at its default: later parameters are dropped. */
const QS_PARAMETER_LIMIT = 1000

const isWholeNumber = (raw: unknown): number | null => {
  if (typeof raw === 'number') return Number.isInteger(raw) ? raw : null
  if (typeof raw !== 'string' || !/^-?\d{1,12}$/.test(raw.trim())) return null
  return Number(raw)
}

function checkRange(param: string, raw: unknown, min: number, max: number): ParamProblem | null {
  const n = isWholeNumber(raw)
  if (n === null || n < min || n > max) {
    return { param, problem: { key: 'queryParamRange', vars: { param, min, max, value: shortValue(raw) } } }
  }
  return null
}

function shortValue(raw: unknown): string {
  const s = typeof raw === 'string' ? raw : JSON.stringify(raw)
  return s === undefined ? String(raw) : s.length > 20 ? `${s.slice(0, 20)}…` : s
}

/** How many values a list operator carries: an array, or Payload's comma-separated string. */
function listSize(value: unknown): number {
  if (Array.isArray(value)) return value.length
  if (typeof value === 'string') return value === '' ? 0 : value.split(',').length
  if (value && typeof value === 'object') return Object.keys(value).length
  return 1
}

/**
 * Walks a `where` object (as parsed JSON or GraphQL arguments): every list operator within the
 * `in` cap, the whole tree within the condition cap. The path names the offending list.
 */
export function checkWhere(where: unknown, limits: RequestLimits = DEFAULT_REQUEST_LIMITS): ParamProblem | null {
  let conditions = 0
  const walk = (node: unknown, path: string, depth: number): ParamProblem | null => {
    if (depth > 20) return { param: path, problem: { key: 'queryWhereTooDeep', vars: { param: path } } }
    if (!node || typeof node !== 'object') return null
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      const here = `${path}.${key}`
      if (LIST_OPERATORS.has(key)) {
        const size = listSize(value)
        if (size > limits.maxInList) {
          return {
            param: here,
            problem: { key: 'queryListTooLong', vars: { param: here, size, max: limits.maxInList } },
          }
        }
      }
      if ((key === 'and' || key === 'or') && Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const found = walk(value[i], `${here}.${i}`, depth + 1)
          if (found) return found
        }
        continue
      }
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        const found = walk(value, here, depth + 1)
        if (found) return found
      } else {
        conditions += 1
      }
      if (conditions > limits.maxWhereConditions) {
        return {
          param: 'where',
          problem: { key: 'queryTooManyConditions', vars: { max: limits.maxWhereConditions } },
        }
      }
    }
    return null
  }
  return walk(where, 'where', 0)
}

/**
 * The find arguments of one read, however they arrived (GraphQL arguments, or the REST query
 * once parsed). `read` is false for bulk update/delete, where Payload's `limit: 0` means "every
 * matching document" and the admin relies on it.
 */
export function checkFindArgs(
  args: { limit?: unknown; depth?: unknown; page?: unknown; pagination?: unknown; where?: unknown },
  read: boolean,
  limits: RequestLimits = DEFAULT_REQUEST_LIMITS,
): ParamProblem | null {
  return checkArgs(args, read, limits, idListBound(args.where))
}

function checkArgs(
  args: { limit?: unknown; depth?: unknown; page?: unknown; pagination?: unknown; where?: unknown },
  read: boolean,
  limits: RequestLimits,
  idList: number | null,
): ParamProblem | null {
  if (args.depth !== undefined && args.depth !== null) {
    const p = checkRange('depth', args.depth, 0, limits.maxDepth)
    if (p) return p
  }
  if (read && args.limit !== undefined && args.limit !== null) {
    const p = checkRange('limit', args.limit, 1, limitCeiling(idList, limits))
    if (p) return p
  }
  if (read && args.page !== undefined && args.page !== null) {
    const p = checkRange('page', args.page, 1, limits.maxPage)
    if (p) return p
  }
  if (read && (args.pagination === false || args.pagination === 'false')) {
    return { param: 'pagination', problem: { key: 'queryPaginationOff', vars: { max: limits.maxLimit } } }
  }
  if (args.where !== undefined && args.where !== null) return checkWhere(args.where, limits)
  return null
}

/**
 * How many ids a `where` given as an object bounds its read to: the length of a top-level
 * `id: { in: [...] }` (Payload ANDs top-level conditions, `or` included, so nothing else can
 * widen it); null when the read is not bounded that way.
 */
function idListBound(where: unknown): number | null {
  if (!where || typeof where !== 'object' || Array.isArray(where)) return null
  const id = (where as Record<string, unknown>).id
  if (!id || typeof id !== 'object' || Array.isArray(id)) return null
  const list = (id as Record<string, unknown>).in
  return list === undefined || list === null ? null : listSize(list)
}

/**
 * The largest `limit` a read may say: `maxLimit`, or `maxLookupLimit` when an id list within
 * `maxInList` already bounds the rows (a longer list is refused on its own, naming the list).
 */
function limitCeiling(idList: number | null, limits: RequestLimits): number {
  return idList !== null && idList <= limits.maxInList
    ? Math.max(limits.maxLimit, limits.maxLookupLimit)
    : limits.maxLimit
}

/** Bracket keys as `qs` writes them: `where[or][0][id][in][1]` → ['where','or','0','id','in','1']. */
function keyPath(key: string): string[] {
  const head = key.split('[', 1)[0] ?? key
  const rest = [...key.slice(head.length).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1] ?? '')
  return [head, ...rest]
}

/**
 * The raw query string of a REST request, before Payload parses it. `where` may come as JSON
 * (`where={"id":{"in":[…]}}`) or in bracket form, lists as repeated keys or comma-separated.
 * Payload answers malformed JSON in `where` with a 500; here it is a 400 naming `where`.
 */
export function checkQueryParams(
  entries: Iterable<[string, string]>,
  method: string,
  limits: RequestLimits = DEFAULT_REQUEST_LIMITS,
): ParamProblem | null {
  const read = method.toUpperCase() === 'GET'
  const scalars: Record<string, string> = {}
  const lists = new Map<string, number>()
  let conditions = 0
  let jsonWhere = false
  let otherIdCondition = false
  let count = 0
  for (const [key, value] of entries) {
    count += 1
    const path = keyPath(key)
    const name = path[0] ?? ''
    if (name === 'where' && path[1] === 'id' && path[2] !== 'in') otherIdCondition = true
    if (name === 'where' && path.length === 1) {
      jsonWhere = true
      let parsed: unknown
      try {
        parsed = JSON.parse(value)
      } catch {
        return { param: 'where', problem: { key: 'queryWhereInvalid', vars: {} } }
      }
      const p = checkWhere(parsed, limits)
      if (p) return p
      continue
    }
    if (name === 'where') {
      conditions += 1
      // The list operator, and the list it names: `where[id][in][3]` counts towards `where.id.in`.
      const at = path.findIndex((seg, i) => i > 0 && LIST_OPERATORS.has(seg))
      if (at > 0) {
        const listKey = path.slice(0, at + 1).join('.')
        const tail = path.slice(at + 1)
        const size = tail.length === 0 ? listSize(value) : 1
        const total = (lists.get(listKey) ?? 0) + size
        lists.set(listKey, total)
        if (total > limits.maxInList) {
          return {
            param: listKey,
            problem: { key: 'queryListTooLong', vars: { param: listKey, size: total, max: limits.maxInList } },
          }
        }
      } else if (conditions > limits.maxWhereConditions) {
        return {
          param: 'where',
          problem: { key: 'queryTooManyConditions', vars: { max: limits.maxWhereConditions } },
        }
      }
      continue
    }
    if (path.length === 1) scalars[name] = value
  }
  // Only the bracket form the admin sends, alone, bounds the rows: with a JSON `where`, another
  // `where[id]` key (qs would merge the two into something else), or more parameters than qs
  // parses (it drops those after the first 1 000, where the list could hide), what Payload reads
  // is not ours to guess.
  const bounded = !jsonWhere && !otherIdCondition && count <= QS_PARAMETER_LIMIT
  const idList = bounded ? (lists.get('where.id.in') ?? null) : null
  return checkArgs(
    { depth: scalars.depth, limit: scalars.limit, page: scalars.page, pagination: scalars.pagination },
    read,
    limits,
    idList,
  )
}

/**
 * A body over its cap, judged from the declared length. Multipart bodies carry uploads and get the
 * upload cap; everything else (JSON, GraphQL) the JSON cap.
 */
export function bodyCap(contentType: string | null, limits: RequestLimits = DEFAULT_REQUEST_LIMITS): number {
  return (contentType ?? '').toLowerCase().startsWith('multipart/') ? limits.maxMultipartBytes : limits.maxJsonBytes
}

export function checkBodySize(bytes: number, cap: number): Problem | null {
  return bytes > cap ? { key: 'requestTooLarge', vars: { size: formatMiB(bytes), max: formatMiB(cap) } } : null
}

export function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/**
 * How deep `data` nests, walked without recursion (a hostile document must not overflow this
 * check either). Returns the top-level field that goes too deep, or null.
 */
export function checkDataDepth(data: unknown, max: number = DEFAULT_REQUEST_LIMITS.maxDataDepth): ParamProblem | null {
  if (!data || typeof data !== 'object') return null
  for (const [field, value] of Object.entries(data as Record<string, unknown>)) {
    const stack: Array<[unknown, number]> = [[value, 1]]
    while (stack.length > 0) {
      const [node, depth] = stack.pop()!
      if (!node || typeof node !== 'object') continue
      if (depth > max) return { param: field, problem: { key: 'dataTooDeep', vars: { field, max } } }
      for (const child of Array.isArray(node) ? node : Object.values(node as Record<string, unknown>)) {
        if (child && typeof child === 'object') stack.push([child, depth + 1])
      }
    }
  }
  return null
}

/** `POST` with this header is run by Payload as a `GET` whose query is the body. */
export function isMethodOverrideGet(headers: { get(name: string): string | null }): boolean {
  return ['x-payload-http-method-override', 'x-http-method-override'].some(
    (name) => headers.get(name)?.trim().toUpperCase() === 'GET',
  )
}

/**
 * The body of a method-override read, checked as the query Payload makes of it. A form body is
 * appended to the URL exactly as Payload appends it (`${url}?${body}`, payload/dist/utilities/
 * handleEndpoints.js), so what is checked is what is parsed; a JSON body is checked as find
 * arguments (Payload reads only its locale today, but a custom endpoint may read the rest).
 * Payload matches the content type exactly; any charset suffix is checked too.
 */
export function checkOverrideBody(
  url: string,
  contentType: string | null,
  body: string,
  limits: RequestLimits = DEFAULT_REQUEST_LIMITS,
): ParamProblem | null {
  const type = (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase()
  if (type === 'application/x-www-form-urlencoded') {
    return checkQueryParams(new URL(`${url}?${body}`).searchParams.entries(), 'GET', limits)
  }
  if (type === 'application/json') {
    let data: unknown
    try {
      data = body.trim() === '' ? {} : JSON.parse(body)
    } catch {
      // Payload would answer a 500 for it.
      return { param: 'body', problem: { key: 'invalidJsonBody' } }
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) return null
    return checkFindArgs(data as Parameters<typeof checkFindArgs>[0], true, limits)
  }
  return null
}

/** What a multipart request writes: the collection, and the access its sender needs. */
export interface MultipartTarget {
  slug: string
  /** `create` / `update` for Payload's own routes; null for other routes under the collection. */
  operation: 'create' | 'update' | null
  id?: string
}

/**
 * The collection route a multipart body is sent to (`POST /api/media` creates, `PATCH
 * /api/media/12` updates one, `PATCH /api/media` updates by `where`); null outside the API.
 */
export function multipartTarget(method: string, pathname: string, apiRoute = '/api'): MultipartTarget | null {
  if (!pathname.startsWith(`${apiRoute}/`)) return null
  let segments: string[]
  try {
    segments = pathname
      .slice(apiRoute.length + 1)
      .split('/')
      .filter(Boolean)
      .map(decodeURIComponent)
  } catch {
    // A malformed escape names no collection.
    return null
  }
  const [slug, id] = segments
  if (!slug) return null
  const m = method.toUpperCase()
  const writes = m === 'PATCH' || m === 'PUT'
  if (segments.length === 1) return { slug, operation: m === 'POST' ? 'create' : writes ? 'update' : null }
  if (segments.length === 2 && writes && id) return { slug, operation: 'update', id }
  return { slug, operation: null }
}

/**
 * The largest multipart body a collection accepts: an upload collection's own file limit
 * (`custom.maxUploadBytes`, set from media/limits.ts) plus room for the form's JSON; other
 * collections get a form's size; an upload collection that declares no limit, the global one.
 */
export function multipartCap(
  collection: { upload?: unknown; custom?: Record<string, unknown> },
  limits: RequestLimits = DEFAULT_REQUEST_LIMITS,
): number {
  if (!collection.upload) return limits.maxFormBytes
  const own = collection.custom?.maxUploadBytes
  return typeof own === 'number' && Number.isSafeInteger(own) && own > 0
    ? own + limits.maxJsonBytes
    : limits.maxMultipartBytes
}
