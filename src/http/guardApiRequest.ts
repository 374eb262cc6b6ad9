import {
  bodyCap,
  checkBodySize,
  checkQueryParams,
  DEFAULT_REQUEST_LIMITS,
  formatMiB,
  type RequestLimits,
} from '../domain/requestLimits'
import { formatMessage } from '../i18n/messages'

const WITH_BODY = new Set(['POST', 'PATCH', 'PUT'])

/** The admin's language cookie first, then the browser's; Vietnamese otherwise (as Payload does). */
function requestLanguage(request: Request): 'vi' | 'en' {
  const cookie = /(?:^|;\s*)payload-lng=(\w+)/.exec(request.headers.get('cookie') ?? '')?.[1]
  if (cookie) return cookie === 'en' ? 'en' : 'vi'
  return /^\s*en\b/i.test(request.headers.get('accept-language') ?? '') ? 'en' : 'vi'
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

/**
 * Wraps a Payload route handler (REST or GraphQL) with what Payload does not check before it
 * parses a request: the query parameters' caps (a 400 naming the parameter) and the body size
 * (a 413 before a byte is parsed; Payload reads any JSON body whole and turns its own multipart
 * limit into a 500).
 */
export function guardApiRequest<A>(
  handler: (request: Request, args: A) => Promise<Response>,
  limits: RequestLimits = DEFAULT_REQUEST_LIMITS,
): (request: Request, args: A) => Promise<Response> {
  return async (request, args) => {
    const lang = requestLanguage(request)
    const url = new URL(request.url)
    const param = checkQueryParams(url.searchParams.entries(), request.method, limits)
    if (param) return refuse(400, param.param, formatMessage(param.problem, lang))
    if (!WITH_BODY.has(request.method.toUpperCase()) || !request.body) return handler(request, args)

    const cap = bodyCap(request.headers.get('content-type'), limits)
    const declared = request.headers.get('content-length')
    if (declared !== null) {
      const bytes = Number(declared)
      if (!Number.isSafeInteger(bytes) || bytes < 0) return refuse(400, 'Content-Length', 'Invalid Content-Length.')
      const tooLarge = checkBodySize(bytes, cap)
      return tooLarge ? refuse(413, 'body', formatMessage(tooLarge, lang)) : handler(request, args)
    }
    // A chunked body declares no length: buffer it up to the cap (Payload buffers it anyway).
    const body = await readCapped(request.body, cap)
    if (!body) {
      const max = formatMiB(cap)
      return refuse(413, 'body', formatMessage({ key: 'requestTooLarge', vars: { size: `> ${max}`, max } }, lang))
    }
    const buffered = new Request(request.url, {
      method: request.method,
      headers: request.headers,
      body: body as BodyInit,
      signal: request.signal,
    })
    return handler(buffered, args)
  }
}
