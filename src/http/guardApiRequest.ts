import { parse, GraphQLError } from 'graphql'
import { executeAuthStrategies, getPayload, type SanitizedConfig } from 'payload'
import { checkGraphQLCost, DEFAULT_GRAPHQL_LIMITS, graphqlCost, type GraphQLLimits } from '../domain/graphqlCost'
import { isCrossSiteWrite } from '../domain/sameOrigin'
import {
  bodyCap,
  checkBodySize,
  checkOverrideBody,
  checkQueryParams,
  DEFAULT_REQUEST_LIMITS,
  formatMiB,
  isMethodOverrideGet,
  multipartCap,
  multipartTarget,
  type RequestLimits,
} from '../domain/requestLimits'
import { formatMessage, type Problem } from '../domain/i18n/messages'
import { requestLanguage } from '../domain/i18n/requestLanguage'
import { mayWriteCollection } from './mayWriteCollection'

const WITH_BODY = new Set(['POST', 'PATCH', 'PUT'])

export interface GuardOptions {
  /**
   * The app's config. With it, a multipart body is refused before it is read when its sender may
   * not create (or update) in the collection it is sent to, and is held to that collection's own
   * size limit; cookie-authenticated writes from another origin are refused when no CSRF list
   * (SERVER_URL) is configured.
   */
  config?: Promise<SanitizedConfig> | SanitizedConfig
  limits?: RequestLimits
  graphql?: GraphQLLimits
}

/** The same shape as Payload's field errors, so clients read `errors[0].data.errors[0].path`. */
function refuse(status: number, path: string, message: string): Response {
  return Response.json(
    { errors: [{ message, data: { errors: [{ path, message }] } }] },
    { status, headers: { 'Cache-Control': 'no-store' } },
  )
}

/** Reads a body of undeclared length up to `cap` bytes; null as soon as it is longer. */
async function readCapped(body: ReadableStream<Uint8Array>, cap: number): Promise<Uint8Array | null> {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > cap) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  const out = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.byteLength
  }
  return out
}

/** The request again, with a body already read (a stream can be read once). */
function withBody(request: Request, body: BodyInit | ReadableStream<Uint8Array>): Request {
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body,
    signal: request.signal,
    // A stream body must say so (Node's fetch); a buffer ignores it.
    duplex: 'half',
  } as RequestInit)
}

/** A body over its cap while it streams: the stream errors, and the guard answers 413 itself. */
class BodyTooLarge extends Error {
  constructor(readonly cap: number) {
    super(`request body over ${cap} bytes`)
    this.name = 'BodyTooLarge'
  }
}

/**
 * Passes the body through while counting it; past `cap` it errors the stream (the parser stops
 * and nothing more is read or buffered) and records that the answer must be a 413.
 */
function countedBody(
  body: ReadableStream<Uint8Array>,
  cap: number,
): { stream: ReadableStream<Uint8Array>; over: () => boolean } {
  let size = 0
  let exceeded = false
  const stream = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength
        if (size > cap) {
          exceeded = true
          controller.error(new BodyTooLarge(cap))
          return
        }
        controller.enqueue(chunk)
      },
    }),
  )
  return { stream, over: () => exceeded }
}

const tooLarge = (problem: Problem, lang: 'vi' | 'en') => refuse(413, 'body', formatMessage(problem, lang))
const overCap = (cap: number, lang: 'vi' | 'en') =>
  tooLarge({ key: 'requestTooLarge', vars: { size: `> ${formatMiB(cap)}`, max: formatMiB(cap) } }, lang)

/** The GraphQL document's caps (aliases, top-level fields, depth, cost growing with `limit`). */
function checkGraphQLBody(text: string, limits: GraphQLLimits, lang: 'vi' | 'en'): Response | null {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    // Not JSON: GraphQL's handler answers that itself (400), nothing is executed.
    return null
  }
  if (!body || typeof body !== 'object') return null
  const { query, variables } = body as { query?: unknown; variables?: unknown }
  if (typeof query !== 'string') return null
  let document
  try {
    document = parse(query, { maxTokens: limits.maxTokens, noLocation: true })
  } catch (err) {
    if (!(err instanceof GraphQLError)) throw err
    // A syntax error is GraphQL's own 400; only a document over the token cap is ours to refuse.
    if (!/token/i.test(err.message)) return null
    return refuse(400, 'query', formatMessage({ key: 'graphqlTooManyTokens', vars: { max: limits.maxTokens } }, lang))
  }
  const vars = variables && typeof variables === 'object' ? (variables as Record<string, unknown>) : {}
  const problem = checkGraphQLCost(graphqlCost(document, vars, limits), limits)
  return problem ? refuse(400, problem.param, formatMessage(problem.problem, lang)) : null
}

/**
 * Wraps a Payload route handler (REST or GraphQL) with what Payload does not check before it
 * parses a request:
 * - the query's caps (a 400 naming the parameter), in the URL and, for `POST` with
 *   `X-Payload-HTTP-Method-Override: GET`, in the body Payload reads as the query;
 * - a GraphQL document's aliases, top-level fields and cost (a 400 before anything runs);
 * - cookie-authenticated writes from another origin when no CSRF list is configured (403);
 * - the body size (a 413 before a byte is parsed; Payload reads any JSON body whole);
 * - multipart bodies: the sender is signed in from the headers and must be allowed to create
 *   (or update) in the collection before a byte is read (403), and the body is held to that
 *   collection's own limit while it streams (413), so a refused upload never sits in memory.
 */
export function guardApiRequest<A>(
  handler: (request: Request, args: A) => Promise<Response>,
  options: GuardOptions = {},
): (request: Request, args: A) => Promise<Response> {
  const limits = options.limits ?? DEFAULT_REQUEST_LIMITS
  const graphqlLimits = options.graphql ?? DEFAULT_GRAPHQL_LIMITS
  const payloadOf = async () => (options.config ? getPayload({ config: options.config, cron: true }) : null)
  return async (request, args) => {
    const lang = requestLanguage(request)
    const url = new URL(request.url)
    const method = request.method.toUpperCase()
    // Payload runs such a POST as a GET (a read): the read caps apply to it.
    const override = method === 'POST' && isMethodOverrideGet(request.headers)
    const param = checkQueryParams(url.searchParams.entries(), override ? 'GET' : method, limits)
    if (param) return refuse(400, param.param, formatMessage(param.problem, lang))

    const payload = await payloadOf()
    if (payload && method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
      const cookieName = `${payload.config.cookiePrefix}-token`
      if (isCrossSiteWrite(request.headers, cookieName, payload.config.csrf)) {
        return refuse(403, 'Origin', formatMessage({ key: 'crossOriginRefused', vars: {} }, lang))
      }
    }
    if (!WITH_BODY.has(method) || !request.body) return handler(request, args)

    const contentType = request.headers.get('content-type')
    const declaredHeader = request.headers.get('content-length')
    const declared = declaredHeader === null ? null : Number(declaredHeader)
    if (declared !== null && (!Number.isSafeInteger(declared) || declared < 0))
      return refuse(400, 'Content-Length', 'Invalid Content-Length.')

    if (bodyCap(contentType, limits) !== limits.maxJsonBytes) {
      // Multipart: who sends it, and to which collection, decide before anything is read.
      const target = multipartTarget(method, url.pathname)
      let cap = limits.maxFormBytes
      const collection =
        payload && target ? payload.collections[target.slug as keyof typeof payload.collections] : undefined
      if (payload && target && collection) {
        if (target.operation) {
          const { user } = await executeAuthStrategies({ headers: request.headers, payload, canSetHeaders: false })
          const allowed = await mayWriteCollection(payload, collection.config, target.operation, target.id, user)
          if (!allowed) return refuse(403, 'body', formatMessage({ key: 'uploadNotAllowed', vars: {} }, lang))
        }
        cap = multipartCap(collection.config, limits)
      } else if (!payload) {
        cap = limits.maxMultipartBytes
      }
      if (declared !== null) {
        const problem = checkBodySize(declared, cap)
        if (problem) return tooLarge(problem, lang)
      }
      const counted = countedBody(request.body, cap)
      const response = await handler(withBody(request, counted.stream), args)
      if (counted.over()) {
        await response.body?.cancel()
        return overCap(cap, lang)
      }
      return response
    }

    const cap = limits.maxJsonBytes
    if (declared !== null) {
      const problem = checkBodySize(declared, cap)
      if (problem) return tooLarge(problem, lang)
    }
    const graphql = /\/graphql\/?$/.test(url.pathname)
    // Only a body we must look into, or one of undeclared length, is read here.
    if (declared !== null && !override && !graphql) return handler(request, args)
    const body = await readCapped(request.body, cap)
    if (!body) return overCap(cap, lang)
    if (override) {
      const text = new TextDecoder().decode(body)
      const problem = checkOverrideBody(request.url, contentType, text, limits)
      if (problem) return refuse(400, problem.param, formatMessage(problem.problem, lang))
    }
    if (graphql) {
      const refused = checkGraphQLBody(new TextDecoder().decode(body), graphqlLimits, lang)
      if (refused) return refused
    }
    return handler(withBody(request, body as BodyInit), args)
  }
}
