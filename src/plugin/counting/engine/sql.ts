import { sql, type SQL } from 'drizzle-orm'
import type { PayloadRequest } from 'payload'
import { requestRunner, type SqlRunner } from '../../db/postgres'

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
  const runner = await requestRunner(req.payload, req)
  if (!runner) throw new CountingOutsideTransactionError(what)
  return runner
}

/** Postgres table name of a collection slug, as @payloadcms/db-postgres names it. */
export function tableOf(slug: string): string {
  return slug.replace(/-/g, '_')
}

export const ident = (name: string): SQL => sql`${sql.identifier(name)}`
export { sql }
