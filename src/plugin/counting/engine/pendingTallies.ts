import type { SQL } from 'drizzle-orm'
import type { PayloadRequest } from 'payload'
import { compareTallyKey, type TallyDelta } from '../../../domain/counting'
import { yearSteps, type FirstDayDelta } from '../../../domain/firstDays'
import { QUOTA_SLUGS } from '../../../domain/slugs'
import { requestSession, type SqlRunner } from '../../db/postgres'
import { addYearStepsQuery, checkYearSteps } from './firstDays'
import { executeBatch, ident, sql, tableOf } from './sql'
import { bumpVersionsQuery, taskScope } from './versions'

/**
 * Tally deltas wait until the end of the operation that caused them, then are written in one
 * statement in the global key order. A bulk update recounts many items in one transaction; if
 * each recount wrote its own tallies, that transaction would lock tally rows in document order
 * and could deadlock with a concurrent single save. Written last and sorted, the tally locks of
 * any two transactions are taken in the same order, and nothing else is locked after them.
 *
 * State lives per transaction (keyed by Payload's session object, which disappears on commit or
 * rollback, so an aborted transaction leaves nothing behind).
 */
interface Scope {
  depth: number
  deltas: Map<string, TallyDelta>
  /** First-publication count changes (engine/firstDays.ts), written after the tallies. */
  firstDays: FirstDayDelta[]
  /**
   * Items' ledger writes not sent yet: they go first in the operation's next round trip (the
   * next recount's, which must read them, or the closing one), not in one of their own.
   */
  writes: SQL[]
}

const scopes = new WeakMap<object, Scope>()
const WRITE_OPERATIONS = new Set(['create', 'update', 'updateByID', 'delete', 'deleteByID', 'restoreVersion'])

async function sessionOf(req: Partial<PayloadRequest>): Promise<{ key: object; db: SqlRunner } | undefined> {
  if (!req.payload) return undefined
  const session = await requestSession(req.payload, req)
  return session ? { key: session, db: session.db } : undefined
}

export const isWriteOperation = (operation: string): boolean => WRITE_OPERATIONS.has(operation)

/** An operation on a counted collection begins: its tally deltas wait for its end. */
export async function openScope(req: Partial<PayloadRequest>): Promise<void> {
  const session = await sessionOf(req)
  if (!session) return
  const scope = scopes.get(session.key) ?? { depth: 0, deltas: new Map(), firstDays: [], writes: [] }
  scope.depth += 1
  scopes.set(session.key, scope)
}

/** The operation ends (still inside its transaction): the outermost one writes the tallies. */
export async function closeScope(req: Partial<PayloadRequest>): Promise<void> {
  const session = await sessionOf(req)
  if (!session) return
  const scope = scopes.get(session.key)
  if (!scope) return
  scope.depth = Math.max(0, scope.depth - 1)
  if (scope.depth === 0) await flush(session.db, scope)
}

/**
 * Queues an item's ledger write and deltas; outside any open operation they are written at once,
 * in one round trip.
 */
export async function queueDeltas(
  req: PayloadRequest,
  db: SqlRunner,
  deltas: TallyDelta[],
  firstDays: FirstDayDelta[] = [],
  write: SQL | null = null,
): Promise<void> {
  if (!write && deltas.length === 0 && firstDays.length === 0) return
  const session = await sessionOf(req)
  const scope = (session && scopes.get(session.key)) ?? {
    depth: 0,
    deltas: new Map<string, TallyDelta>(),
    firstDays: [],
    writes: [],
  }
  if (write) scope.writes.push(write)
  scope.firstDays.push(...firstDays)
  for (const d of deltas) {
    const k = `${d.task}|${d.channel}|${d.contentType}|${d.day}`
    const sum = scope.deltas.get(k)
    scope.deltas.set(k, sum ? { ...sum, delta: sum.delta + d.delta } : { ...d })
  }
  if (scope.depth === 0) await flush(db, scope)
}

/**
 * The ledger writes the request's open operation has queued, handed to a recount to send first
 * in its own round trip, before it reads the ledger.
 */
export async function takeQueuedWrites(req: Partial<PayloadRequest>): Promise<SQL[]> {
  const session = await sessionOf(req)
  const scope = session && scopes.get(session.key)
  if (!scope) return []
  const writes = scope.writes
  scope.writes = []
  return writes
}

/** Writes what the scope gathered, in one round trip. */
async function flush(db: SqlRunner, scope: Scope): Promise<void> {
  // Every task whose ledger moved, even where the deltas cancel out (one item's publication
  // swapped for another's on the same day): its distinct-item counts may still have changed.
  const touched = new Set([...scope.deltas.values()].map((d) => taskScope(d.task)))
  const deltas = [...scope.deltas.values()].filter((d) => d.delta !== 0).sort(compareTallyKey)
  const steps = yearSteps(scope.firstDays)
  const writes = scope.writes
  scope.deltas.clear()
  scope.firstDays = []
  scope.writes = []
  // Every writer takes tallies, then first-day rows, then counters, each in one sorted order.
  const tallies = deltas.length > 0 ? addTalliesQuery(deltas) : null
  const firstDayRows = addYearStepsQuery(steps)
  const statements = [...writes, tallies, firstDayRows, bumpVersionsQuery(touched)].filter((q): q is SQL => q !== null)
  const results = await executeBatch(db, statements)
  const rowsOf = (query: SQL | null) => (query ? (results[statements.indexOf(query)] ?? []) : [])
  const negative = rowsOf(tallies).find((r) => Number(r.count) < 0)
  if (negative) {
    // Invariant I3. Throwing fails the operation, which rolls the whole transaction back.
    throw new Error(`[comms-quota] tally would go negative: ${JSON.stringify(negative)}; the save was rolled back`)
  }
  checkYearSteps(rowsOf(firstDayRows))
}

function addTalliesQuery(deltas: TallyDelta[]): SQL {
  const tallies = ident(tableOf(QUOTA_SLUGS.tallies))
  const values = sql.join(
    deltas.map(
      (d) => sql`(${d.task}::int, ${d.channel}::int, ${d.contentType}::text, ${d.day}::text, ${d.delta}::numeric)`,
    ),
    sql`, `,
  )
  return sql`
    insert into ${tallies} (task, channel, content_type, day, count) values ${values}
    on conflict (task, channel, content_type, day) do update set count = ${tallies}.count + excluded.count, updated_at = now()
    returning task, channel, content_type, day, count`
}
