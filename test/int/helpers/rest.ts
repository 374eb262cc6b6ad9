import { REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { guardApiRequest } from '../../../src/http/guardApiRequest'

/**
 * Payload's REST API as the Next.js route mounts it (same handlers behind the same request guard,
 * real Request/Response,
 * real status codes and JSON), without opening a socket. The built app is exercised over a
 * real socket by test/smoke/appSmoke.ts.
 */
export interface RestResponse {
  status: number
  headers: Headers
  json: Record<string, unknown> & {
    errors?: Array<{ message: string; data?: { errors?: Array<{ path: string; message: string }> } }>
  }
}

/**
 * The Authorization header for a credential: a JWT from login, or an API key given as the whole
 * header value Payload expects (`users API-Key <key>`).
 */
export const authorization = (token: string): string => (/ API-Key /.test(token) ? token : `JWT ${token}`)

export function restClient(payload: Payload) {
  const config = Promise.resolve(payload.config)
  const handlers = {
    GET: guardApiRequest(REST_GET(config), { config }),
    POST: guardApiRequest(REST_POST(config), { config }),
    PATCH: guardApiRequest(REST_PATCH(config), { config }),
    DELETE: guardApiRequest(REST_DELETE(config), { config }),
  }
  async function call(
    method: keyof typeof handlers,
    path: string,
    init: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<RestResponse> {
    const url = new URL(`http://localhost/api/${path.replace(/^\//, '')}`)
    const headers = new Headers(init.headers)
    if (init.token) headers.set('Authorization', authorization(init.token))
    let body: BodyInit | undefined
    if (init.body instanceof FormData) body = init.body
    else if (init.body !== undefined) {
      headers.set('Content-Type', 'application/json')
      body = JSON.stringify(init.body)
    }
    const slug = url.pathname
      .replace(/^\/api\//, '')
      .split('/')
      .filter(Boolean)
    const res = await handlers[method](new Request(url, { method, headers, body }), {
      params: Promise.resolve({ slug }),
    })
    const text = await res.text()
    return { status: res.status, headers: res.headers, json: text ? (JSON.parse(text) as RestResponse['json']) : {} }
  }
  /** The raw Response, for downloads (CSV, XLSX). */
  async function raw(path: string, init: { token?: string } = {}): Promise<Response> {
    const url = new URL(`http://localhost/api/${path.replace(/^\//, '')}`)
    const headers = new Headers()
    if (init.token) headers.set('Authorization', authorization(init.token))
    const slug = url.pathname
      .replace(/^\/api\//, '')
      .split('/')
      .filter(Boolean)
    return handlers.GET(new Request(url, { headers }), { params: Promise.resolve({ slug }) })
  }
  return {
    raw,
    get: (path: string, init?: { token?: string }) => call('GET', path, init),
    post: (path: string, body?: unknown, init?: { token?: string; headers?: Record<string, string> }) =>
      call('POST', path, { ...init, body }),
    patch: (path: string, body?: unknown, init?: { token?: string }) => call('PATCH', path, { ...init, body }),
    delete: (path: string, init?: { token?: string }) => call('DELETE', path, init),
    async login(email: string, password: string): Promise<string> {
      const res = await call('POST', 'users/login', { body: { email, password } })
      const token = res.json.token
      if (res.status !== 200 || typeof token !== 'string')
        throw new Error(`login failed for ${email}: ${res.status} ${JSON.stringify(res.json)}`)
      return token
    },
  }
}
