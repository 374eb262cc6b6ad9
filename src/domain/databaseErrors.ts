/**
 * Which errors mean "the database cannot serve right now" (answer 503 and let the client retry)
 * rather than "this request is wrong" or "our code is wrong" (4xx / 500). Pure, so the rule is
 * unit-tested without a database; the afterError hook only applies it.
 */

export type DatabaseUnavailableReason =
  /** every pooled connection is busy and none came free within the acquire timeout */
  | 'pool-exhausted'
  /** the server cannot be reached, is starting, shutting down or refuses connections */
  | 'unreachable'
  /** the statement or the transaction ran past its timeout and Postgres cut it */
  | 'timeout'

/** The fields of an Error (pg, drizzle, Payload) that say what happened; causes are followed. */
export interface ErrorLike {
  message?: unknown
  code?: unknown
  cause?: unknown
}

// SQLSTATEs: 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300
// too_many_connections, 08000/08001/08003/08004/08006 connection exceptions.
const UNREACHABLE_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
])
// 57014 query_canceled (statement_timeout), 25P03 idle_in_transaction_session_timeout.
const TIMEOUT_CODES = new Set(['57014', '25P03'])

// pg and pg-pool report these without a code.
const POOL_EXHAUSTED = /timeout exceeded when trying to connect/i
const UNREACHABLE_TEXT =
  /ECONNREFUSED|ECONNRESET|connection terminated|terminating connection|Connection terminated unexpectedly|Client has encountered a connection error|cannot use a pool after calling end|the database system is (starting up|shutting down|in recovery mode)/i

const MAX_CAUSES = 8

/** The reason, or null when the error is not about the database's availability. */
export function databaseUnavailableReason(err: unknown): DatabaseUnavailableReason | null {
  let current: unknown = err
  for (let depth = 0; depth < MAX_CAUSES && current && typeof current === 'object'; depth++) {
    const e = current as ErrorLike
    const code = typeof e.code === 'string' ? e.code : undefined
    const message = typeof e.message === 'string' ? e.message : ''
    if (POOL_EXHAUSTED.test(message)) return 'pool-exhausted'
    if (code && TIMEOUT_CODES.has(code)) return 'timeout'
    if ((code && UNREACHABLE_CODES.has(code)) || UNREACHABLE_TEXT.test(message)) return 'unreachable'
    current = e.cause
  }
  return null
}

/** Seconds a client should wait before retrying, by reason: a busy pool frees sooner than a restart. */
export function retryAfterSeconds(reason: DatabaseUnavailableReason): number {
  return reason === 'unreachable' ? 5 : 2
}

export interface PoolStats {
  /** connections the pool holds (busy + idle) */
  total: number
  idle: number
  /** requests waiting for a connection */
  waiting: number
  max: number
  /** How long ago a request last gave up waiting for a connection (the acquire timeout), if ever. */
  lastExhaustedAgoMs?: number
}

/** A pool that refused a request for lack of connections this recently is reported starved. */
export const STARVED_WINDOW_MS = 30_000

/**
 * The pool's side of the health verdict. Busy connections and waiting requests are normal under
 * load (the waits are short); the pool is starved when requests are being refused because no
 * connection came free within the acquire timeout.
 */
export function poolVerdict(stats: PoolStats): { ok: true; detail: string } | { ok: false; problem: string } {
  const detail = `${stats.total - stats.idle}/${stats.max} busy, ${stats.idle} idle, ${stats.waiting} waiting`
  const ago = stats.lastExhaustedAgoMs
  if (ago !== undefined && ago <= STARVED_WINDOW_MS)
    return {
      ok: false,
      problem: `starved: ${detail}; a request got no connection within the acquire timeout ${Math.round(ago / 1000)} s ago`,
    }
  return { ok: true, detail }
}
