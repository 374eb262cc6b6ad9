import type { EventEmitter } from 'node:events'
import { sql } from 'drizzle-orm'
import type {
  CollectionAfterOperationHook,
  CollectionBeforeChangeHook,
  CollectionConfig,
  Config,
  PayloadRequest,
  Plugin,
} from 'payload'
import pg from 'pg'

/**
 * Fault injection for the I6 tests: a plugin that appends one more afterOperation hook to the
 * articles collection. Passed through createAppConfig's `plugins` option, it runs after the
 * comms-quota plugin, so its hook comes after the engine's closing write: when it fires, the
 * engine has already written the ledger, the tallies and the first-publication counts inside the
 * saving transaction, which is still open.
 *
 * What it does is chosen per call through the local API's `context`:
 * - `failAfterCount: true`: throw an InjectedFault (a hook error after the tally write);
 * - `terminate`: terminate the transaction's own Postgres backend from a separate connection
 *   (a lost connection mid-transaction), at one of three moments:
 *   `'during-query'` while a statement of the transaction runs; `'next-statement'` between
 *   statements, the hook's next statement then meeting the dead connection; `'before-commit'`
 *   between statements, the hook then returning normally so that only COMMIT meets it;
 * - `block: true`: print READY on stdout and wait a minute (a worker is SIGKILLed meanwhile);
 * - `delayBeforeChange`: a beforeChange hook (so before the item's row is written and counted)
 *   holds the listed items for a while, to order the steps of concurrent transactions.
 */
export interface FaultContext {
  failAfterCount?: boolean
  terminate?: TerminateMoment
  block?: boolean
  /** Hold these items in beforeChange (before their row is written and counted) this long. */
  delayBeforeChange?: { ids: number[]; ms: number }
}

export type TerminateMoment = 'during-query' | 'next-statement' | 'before-commit'

export class InjectedFault extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InjectedFault'
  }
}

/** What the fault hook saw inside the transaction, so tests can prove the tally write happened. */
export interface FaultObservation {
  collection: string
  id: number
  /** Ledger rows of the item as the saving transaction sees them (the engine ran before us). */
  ledgerRowsInTransaction: number
  /** The backend pid that was terminated, for the terminate fault. */
  terminatedPid?: number
  /** Errors the transaction's pg client emitted after the termination. */
  clientErrors: string[]
}

export const observations: FaultObservation[] = []

export const BLOCK_READY = 'READY'

interface DrizzleTx {
  execute(query: ReturnType<typeof sql>): Promise<{ rows: Array<Record<string, unknown>> }>
  /** drizzle's node-postgres session; its client is the pg connection the transaction holds. */
  session?: { client?: EventEmitter }
}

async function transactionOf(req: PayloadRequest): Promise<DrizzleTx> {
  const id = await req.transactionID
  const sessions = (req.payload.db as unknown as { sessions?: Record<string, { db?: DrizzleTx } | undefined> }).sessions
  const tx = id === undefined || id === null ? undefined : sessions?.[String(id)]?.db
  // A fault that silently ran outside the transaction would make the test prove nothing.
  if (!tx) throw new Error('fault injection: the save has no transaction to fault')
  return tx
}

async function terminateBackend(databaseUri: string, pid: number): Promise<void> {
  const admin = new pg.Client({ connectionString: databaseUri, application_name: 'fault-terminator' })
  await admin.connect()
  try {
    // The timeout makes the call wait until the backend has really gone, so what follows in
    // the hook runs against a dead connection rather than racing the termination.
    const { rows } = await admin.query<{ ok: boolean }>('select pg_terminate_backend($1, 5000) as ok', [pid])
    if (!rows[0]?.ok) throw new Error(`fault injection: backend ${pid} did not terminate`)
  } finally {
    await admin.end()
  }
}

function faultHook(databaseUri: string): CollectionAfterOperationHook {
  return async ({ collection, operation, req, result }) => {
    const ctx = (req?.context ?? {}) as FaultContext
    if (!ctx.failAfterCount && !ctx.terminate && !ctx.block) return result // the common case: no fault
    // The I6 tests fault single saves; the result of those is the saved document.
    if (!req || (operation !== 'create' && operation !== 'updateByID')) return result
    const doc = result as { id: number | string }
    const tx = await transactionOf(req)
    const id = Number(doc.id)
    const { rows } = await tx.execute(
      sql`select count(*)::int as n from quota_contributions where content_type = ${collection.slug} and item = ${id}`,
    )
    const observation: FaultObservation = {
      collection: collection.slug,
      id,
      ledgerRowsInTransaction: Number(rows[0]?.n ?? -1),
      clientErrors: [],
    }
    observations.push(observation)

    if (ctx.failAfterCount) throw new InjectedFault(`injected failure after counting ${collection.slug} ${id}`)

    if (ctx.terminate) {
      const pidRows = (await tx.execute(sql`select pg_backend_pid() as pid`)).rows
      const pid = Number(pidRows[0]?.pid)
      observation.terminatedPid = pid
      // Payload leaves no 'error' listener on a transaction's checked-out pg client, and pg
      // emits one when the server drops the connection: unheard, that event is an uncaught
      // exception which would take the whole process down (vitest reports it as an unhandled
      // error). Listening here keeps the test about the save; the failures of the
      // transaction's statements still propagate as they would in the app.
      tx.session?.client?.on('error', (err: Error) => observation.clientErrors.push(err.message))
      if (ctx.terminate === 'during-query') {
        const running = tx.execute(sql`select pg_sleep(30)`)
        running.catch(() => undefined) // awaited below; this only keeps Node from flagging it early
        await new Promise((r) => setTimeout(r, 200))
        await terminateBackend(databaseUri, pid)
        await running
      } else {
        await terminateBackend(databaseUri, pid)
        // The engine's or any later hook's next statement would meet the dead connection.
        if (ctx.terminate === 'next-statement') await tx.execute(sql`select 1`)
      }
      return result
    }

    if (ctx.block) {
      // The killer waits for this line: the engine has counted, the transaction is still open.
      process.stdout.write(`${BLOCK_READY} ${id} ${observation.ledgerRowsInTransaction}\n`)
      await new Promise((r) => setTimeout(r, 60_000))
    }
    return result
  }
}

const delayHook: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const delay = (req.context as FaultContext).delayBeforeChange
  const id = Number(originalDoc?.id)
  if (delay?.ids.includes(id)) await new Promise((r) => setTimeout(r, delay.ms))
  return data
}

/** Appends the fault hooks to articles, after every hook already configured. */
export function faultInjectionPlugin(options: { databaseUri: string }): Plugin {
  return (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((c): CollectionConfig => {
      if (c.slug !== 'articles') return c
      return {
        ...c,
        hooks: {
          ...c.hooks,
          beforeChange: [...(c.hooks?.beforeChange ?? []), delayHook],
          afterOperation: [...(c.hooks?.afterOperation ?? []), faultHook(options.databaseUri)],
        },
      }
    }),
  })
}
