import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { SQL } from 'drizzle-orm'
import type { Payload, PayloadRequest } from 'payload'
import type pg from 'pg'

/**
 * The one place that reaches into @payloadcms/db-postgres's adapter. Payload's public adapter
 * type has no drizzle handle, pool or typed sessions, and the plugin's SQL needs all three; kept
 * here, an adapter upgrade that moves them breaks one file (and its type check below), not ten.
 */

/** The drizzle handle of the pool or of a transaction, as much of it as the plugin uses. */
export interface SqlRunner {
  execute(query: SQL): Promise<{ rows: Array<Record<string, unknown>> }>
}

/** One of the adapter's open transactions; the object lives exactly as long as the transaction. */
export interface PostgresSession {
  db: SqlRunner
  /** Commits (the adapter's lifted drizzle resolve); wrapped by afterCommit. */
  resolve?: () => Promise<void>
}

export const POSTGRES_ADAPTER_PACKAGE = '@payloadcms/db-postgres'

/** Drizzle's own transaction on a pool connection, apart from Payload's sessions. */
type DrizzleTransaction = <T>(work: (tx: SqlRunner) => Promise<T>) => Promise<T>

/** What the plugin reads of the adapter. Optional: another adapter, or one not yet connected, lacks them. */
interface PostgresInternals {
  name?: unknown
  packageName?: unknown
  drizzle?: SqlRunner & { transaction?: DrizzleTransaction }
  sessions?: Record<string | number, PostgresSession | undefined>
  pool?: pg.Pool
  poolOptions?: pg.PoolConfig
  readReplicaOptions?: unknown
}

/**
 * Type-level only: if @payloadcms/db-postgres renames or retypes a part read here, tsc fails on
 * this line, instead of the cast in `internals` going quietly wrong at run time.
 */
export type CheckedAgainstPostgresAdapter = Fits<
  Pick<PostgresAdapter, 'drizzle' | 'name' | 'packageName' | 'pool' | 'poolOptions' | 'readReplicaOptions' | 'sessions'>
>
type Fits<T extends PostgresInternals> = T

/** Only `db` is read, so tests can pass a small fake. */
type WithAdapter = Pick<Payload, 'db'>

function internals(payload: WithAdapter): PostgresInternals {
  // `?? {}`: a Payload caught half-built (shutdown during start) may not have its adapter yet.
  return (payload.db as unknown as PostgresInternals | undefined) ?? {}
}

/**
 * Fails fast, at start, with a readable message, when the app's database is not Postgres; the
 * alternative is a TypeError deep in the first save that counts.
 */
export function assertPostgresAdapter(payload: WithAdapter): void {
  const db = internals(payload)
  if (db.packageName === POSTGRES_ADAPTER_PACKAGE) return
  const used =
    typeof db.packageName === 'string' && db.packageName
      ? db.packageName
      : typeof db.name === 'string' && db.name
        ? db.name
        : 'an unnamed database adapter'
  throw new Error(`[comms-quota] needs ${POSTGRES_ADAPTER_PACKAGE}; this config uses ${used}`)
}

/**
 * The adapter's session for the request's transaction, or undefined when the request has none
 * (or it has already ended). The session object itself is returned so callers can key per-
 * transaction state on it.
 */
export async function requestSession(
  payload: WithAdapter,
  req: Partial<PayloadRequest> | undefined,
): Promise<PostgresSession | undefined> {
  const id = await req?.transactionID
  if (id === undefined || id === null) return undefined
  const session = internals(payload).sessions?.[id]
  return session?.db ? session : undefined
}

/** The drizzle handle of the request's transaction, or undefined outside one. */
export async function requestRunner(
  payload: WithAdapter,
  req: Partial<PayloadRequest> | undefined,
): Promise<SqlRunner | undefined> {
  return (await requestSession(payload, req))?.db
}

/**
 * The adapter's own drizzle handle, outside any transaction (each statement autocommits on a
 * pool connection): for reads that must not see a request's uncommitted writes, and for writes
 * that must not wait for one.
 */
export function poolRunner(
  payload: WithAdapter,
  what = 'the plugin',
): SqlRunner & { transaction?: DrizzleTransaction } {
  const drizzle = internals(payload).drizzle
  if (!drizzle) throw new Error(`[comms-quota] ${what} needs the Postgres adapter (payload.db.drizzle)`)
  return drizzle
}

/**
 * Runs `work` in a short transaction of drizzle's own on a pool connection, not one of Payload's
 * sessions: for `set local` settings that must end with the work. Without drizzle's
 * `transaction` the work runs on the pool as it is.
 */
export async function inPoolTransaction<T>(payload: WithAdapter, work: (db: SqlRunner) => Promise<T>): Promise<T> {
  const drizzle = poolRunner(payload)
  return drizzle.transaction ? drizzle.transaction(work) : work(drizzle)
}

/** The request's transaction when it has one, else the pool. */
export async function requestOrPoolRunner(
  payload: WithAdapter,
  req: Partial<PayloadRequest> | undefined,
): Promise<SqlRunner> {
  return (await requestRunner(payload, req)) ?? poolRunner(payload)
}

/**
 * Runs `work` in a transaction of its own, committed when it resolves and rolled back when it
 * throws. `what` names the caller in the error when the adapter cannot start one (transactions
 * turned off with `transactionOptions: false`).
 */
export async function inTransaction<T>(
  payload: WithAdapter,
  what: string,
  work: (db: SqlRunner) => Promise<T>,
): Promise<T> {
  const id = await payload.db.beginTransaction()
  const db = id === null ? undefined : internals(payload).sessions?.[id]?.db
  if (id === null || !db) {
    // Not reached with db-postgres (a started transaction always has a session), but a started
    // one must not stay open holding a connection.
    if (id !== null) await payload.db.rollbackTransaction(id)
    throw new Error(`[comms-quota] ${what} needs a database transaction`)
  }
  try {
    const result = await work(db)
    await payload.db.commitTransaction(id)
    return result
  } catch (err) {
    await payload.db.rollbackTransaction(id)
    throw err
  }
}

/** The adapter's pg pool, or undefined when there is none (another adapter, or not connected). */
export function findPool(payload: WithAdapter): pg.Pool | undefined {
  return internals(payload).pool
}

/** The adapter's pg pool and the settings it was made with (to open a connection beside it). */
export function requirePool(payload: WithAdapter, what: string): { pool: pg.Pool; poolOptions: pg.PoolConfig } {
  const { pool, poolOptions } = internals(payload)
  if (!pool || !poolOptions) throw new Error(`${what} needs the Postgres adapter (payload.db.pool)`)
  return { pool, poolOptions }
}

/** Read replicas are configured: Payload may then read documents from a copy that lags. */
export function hasReadReplicas(payload: WithAdapter): boolean {
  const replicas = internals(payload).readReplicaOptions
  return Array.isArray(replicas) && replicas.length > 0
}

/**
 * Runs `work` once the request's transaction has committed, or at once when the request has none
 * (its writes are already in). A rolled-back transaction never runs it. For side effects that
 * must not happen for a save that is then undone, and must not hold the transaction's
 * connection while they wait (an e-mail). `work` must not throw: its failure would otherwise be
 * reported as the commit's; callers log their own errors.
 */
export async function afterCommit(
  payload: WithAdapter,
  req: Partial<PayloadRequest> | undefined,
  work: () => Promise<void>,
): Promise<void> {
  const session = await requestSession(payload, req)
  const commit = session?.resolve
  if (!session || !commit) return work()
  session.resolve = async () => {
    await commit()
    await work()
  }
}
