import { sql, type SQL } from 'drizzle-orm'
import type { Payload, PayloadRequest } from 'payload'

/** The drizzle handle of a Postgres transaction, as much of it as the engine uses. */
export interface SqlRunner {
  execute(query: SQL): Promise<{ rows: Array<Record<string, unknown>> }>
}

interface PostgresSessions {
  sessions?: Record<string | number, { db?: SqlRunner } | undefined>
  drizzle?: SqlRunner
}

export class CountingOutsideTransactionError extends Error {
  constructor(what: string) {
    super(
      `[comms-quota] ${what} must run inside the saving transaction (req.transactionID is missing); refusing to count outside it, which could leave tallies out of step with the item.`,
    )
    this.name = 'CountingOutsideTransactionError'
  }
}

/**
 * The transaction the request is saving in. The engine refuses to run without one: counting on
 * another connection could not see the uncommitted item, or could commit when the item does not.
 */
export async function transactionRunner(req: PayloadRequest, what: string): Promise<SqlRunner> {
  const id = await req.transactionID
  const runner =
    id === undefined || id === null ? undefined : (req.payload.db as unknown as PostgresSessions).sessions?.[id]?.db
  if (!runner) throw new CountingOutsideTransactionError(what)
  return runner
}

/** The adapter's pool (outside any transaction): reads that must not see a request's uncommitted writes. */
export function poolRunner(payload: Payload): SqlRunner {
  return (payload.db as unknown as { drizzle: SqlRunner }).drizzle
}

/** Postgres table name of a collection slug, as @payloadcms/db-postgres names it. */
export function tableOf(slug: string): string {
  return slug.replace(/-/g, '_')
}

export const ident = (name: string): SQL => sql`${sql.identifier(name)}`
export { sql }
