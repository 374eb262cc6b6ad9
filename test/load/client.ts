/**
 * The virtual users' HTTP client: undici (Node's own HTTP engine, from npm) with a keep-alive
 * agent and hard timeouts, so a request that never gets an answer is recorded as such (status 0)
 * instead of hanging the run. Every call is timed and judged against the statuses its caller
 * expects.
 */
import { Agent, FormData, request } from 'undici'
import type { Sample } from './stats'

export interface CallOptions {
  token?: string
  /** Sent as the admin's session cookie (pages under /admin read the cookie, not a header). */
  cookie?: string
  json?: unknown
  form?: FormData
  /** Statuses that are a correct answer for this request; anything else is a failure. */
  expect?: readonly number[]
}

export interface CallResult {
  status: number
  ms: number
  body: Record<string, unknown>
  text: string
}

/** An answer not received within this is counted as "no answer". */
export const ANSWER_TIMEOUT_MS = 60_000

export class LoadClient {
  readonly samples: Sample[] = []
  private readonly agent: Agent

  constructor(
    readonly base: string,
    connections = 256,
  ) {
    this.agent = new Agent({
      connections,
      headersTimeout: ANSWER_TIMEOUT_MS,
      bodyTimeout: ANSWER_TIMEOUT_MS,
      keepAliveTimeout: 10_000,
    })
  }

  async call(kind: string, method: string, path: string, opts: CallOptions = {}): Promise<CallResult> {
    const headers: Record<string, string> = {}
    if (opts.token) headers.authorization = `JWT ${opts.token}`
    if (opts.cookie) headers.cookie = `payload-token=${opts.cookie}`
    let body: string | FormData | undefined
    if (opts.form) body = opts.form
    else if (opts.json !== undefined) {
      headers['content-type'] = 'application/json'
      body = JSON.stringify(opts.json)
    }
    const started = performance.now()
    let status = 0
    let text = ''
    try {
      const res = await request(`${this.base}${path}`, {
        method: method as 'GET',
        headers,
        body,
        dispatcher: this.agent,
      })
      status = res.statusCode
      text = await res.body.text()
    } catch (err) {
      text = (err as Error).message
    }
    const ms = performance.now() - started
    const expected = opts.expect ?? [200, 201]
    this.samples.push({ kind, ms, status, failed: !expected.includes(status), endedAt: Date.now() })
    let parsed: Record<string, unknown> = {}
    if (text.startsWith('{')) {
      try {
        parsed = JSON.parse(text) as Record<string, unknown>
      } catch {
        // Not JSON after all (a truncated body): the status already tells the caller.
      }
    }
    return { status, ms, body: parsed, text }
  }

  async close(): Promise<void> {
    await this.agent.close()
  }
}

export { FormData }
