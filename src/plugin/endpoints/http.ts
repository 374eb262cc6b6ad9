import type { PayloadRequest } from 'payload'
import type { Role } from '../../domain/slugs'
import { hasRole } from '../access/roles'
import { t, type CatalogKey, type Vars } from '../i18n'

/**
 * The plugin endpoints' HTTP side, in one place: answers, refusals in Payload's REST error shape,
 * the role checks and reading a body. Messages come from the catalog in the request's language.
 */

/** One entry of Payload's REST error shape, `{ errors: [{ message, field? }] }`. */
export interface ErrorEntry {
  message: string
  /** The parameter or body field at fault; `(body)` when it is the body as a whole. */
  field?: string | null
}

/** A JSON answer that no cache keeps (quota numbers change with every publish); `headers` add to or override that. */
export const json = (status: number, body: unknown, headers?: Record<string, string>): Response =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } })

const serialized = new WeakMap<object, string>()

/**
 * `json` for a value that may be frozen: a frozen one (a cached report, shared by every reader
 * and never changed) is serialized once, which is most of a warm report's time at 200 tasks.
 */
export function jsonOnce(status: number, body: object): Response {
  const frozen = Object.isFrozen(body)
  let text = frozen ? serialized.get(body) : undefined
  if (text === undefined) {
    text = JSON.stringify(body)
    if (frozen) serialized.set(body, text)
  }
  return new Response(text, { status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } })
}

/** A refusal: `{ errors: [{ message, field? }] }` with its status. */
export function refuse(
  status: number,
  errors: ErrorEntry | readonly ErrorEntry[],
  headers?: Record<string, string>,
): Response {
  const list = (Array.isArray(errors) ? errors : [errors]) as readonly ErrorEntry[]
  // `field` only when there is one: Payload's own errors have no `field: null`.
  const entries = list.map(({ message, field }) => (field ? { message, field } : { message }))
  return json(status, { errors: entries }, headers)
}

/** A refusal with one catalog message, in the request's language. */
export function refuseWith(
  req: PayloadRequest,
  status: number,
  key: CatalogKey,
  options: { field?: string; vars?: Vars; headers?: Record<string, string> } = {},
): Response {
  return refuse(status, { message: t(req, key, options.vars), field: options.field }, options.headers)
}

/** 401 for anonymous users, 403 for users without one of `roles`, null when allowed. */
function refuseUnlessRole(
  req: PayloadRequest,
  roles: readonly Role[],
  messages: { signIn: CatalogKey; forbidden: CatalogKey },
): Response | null {
  if (!req.user) return refuseWith(req, 401, messages.signIn)
  if (!hasRole(req.user, ...roles)) return refuseWith(req, 403, messages.forbidden)
  return null
}

/** The quota endpoints' own access check: 401 anonymous, 403 other roles, null when allowed. */
export const refuseUnlessManager = (req: PayloadRequest): Response | null =>
  refuseUnlessRole(req, ['admin', 'manager'], { signIn: 'signInToReport', forbidden: 'reportForManagers' })

/**
 * Reading reports (the report and the task drill-down): managers and admins, and integration
 * accounts pulling them with an API key. 401 anonymous, 403 other roles, null when allowed.
 */
export const refuseUnlessReportReader = (req: PayloadRequest): Response | null =>
  refuseUnlessRole(req, ['admin', 'manager', 'integration'], {
    signIn: 'signInToReport',
    forbidden: 'reportForManagers',
  })

/** Importing creates plans: managers and admins only. The answer to send, or null to go on. */
export const refuseNonImporter = (req: PayloadRequest): Response | null =>
  refuseUnlessRole(req, ['admin', 'manager'], { signIn: 'signInToImport', forbidden: 'planImportForManagers' })

/** A body that cannot be read as the endpoint needs: answer `status` naming `(body)`. */
export class BodyError extends Error {
  readonly field = '(body)'
  constructor(
    readonly status: 400 | 415,
    readonly key: CatalogKey,
  ) {
    super(key)
    this.name = 'BodyError'
  }
}

/** The refusal for a BodyError, in the request's language. */
export const refuseBody = (req: PayloadRequest, err: BodyError): Response =>
  refuseWith(req, err.status, err.key, { field: err.field })

/** What the request says it sends: JSON, a multipart form, or something else (or nothing). */
export function bodyKind(req: PayloadRequest): 'json' | 'form' | 'other' {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase()
  if (type === 'application/json') return 'json'
  if (type === 'multipart/form-data') return 'form'
  return 'other'
}

/**
 * The body parsed as JSON, or undefined when it is empty. Whatever the content type says: a client
 * that forgets the header still means JSON here. Malformed JSON is the client's mistake: a 400.
 */
export async function readJson(req: PayloadRequest): Promise<unknown> {
  const text = (await req.text?.()) ?? ''
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    // JSON.parse throws a SyntaxError on malformed JSON, nothing else.
    throw new BodyError(400, 'bodyNotJson')
  }
}

/** The body as a JSON object; an empty body is `{}`. Arrays and scalars are refused (400). */
export async function readJsonObject(req: PayloadRequest): Promise<Record<string, unknown>> {
  const body = await readJson(req)
  if (body === undefined) return {}
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BodyError(400, 'bodyNotObject')
  return body as Record<string, unknown>
}

/** The body as a multipart form (a file upload). A form that cannot be parsed is a 400. */
export async function readForm(req: PayloadRequest): Promise<FormData> {
  try {
    const form = await req.formData?.()
    if (form) return form
  } catch {
    // undici's formData() throws a TypeError on a malformed or truncated form: the client's mistake.
  }
  throw new BodyError(400, 'bodyFormUnreadable')
}
