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

/** An int[] literal (null for SQL NULL): one parameter, however many values. */
export const intArray = (values: Iterable<number | null>): SQL =>
  sql`${`{${[...values].map((v) => (v === null ? 'NULL' : String(v))).join(',')}}`}::int[]`

/** A text[] literal: one parameter, however many values. */
export const textArray = (values: Iterable<string>): SQL =>
  sql`${`{${[...values].map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`

/**
 * Several statements in one round trip: the simple query protocol, with the values inlined as
 * literals (the extended protocol takes one statement a message): a report's read sets a
 * planner setting for the one statement after it (answerPrefixesAlone). Each statement still
 * takes its own snapshot (READ COMMITTED); the first that fails aborts the rest and the
 * transaction, as separate statements would. The inlined values
 * are the engine's own (ids, slugs, days, spec keys, JSON of them); standard_conforming_strings is
 * set for the transaction so that their quoting is exact whatever the server's default.
 * Returns each statement's rows, in order.
 */
export async function executeBatch(
  db: SqlRunner,
  statements: readonly SQL[],
): Promise<Array<Array<Record<string, unknown>>>> {
  if (statements.length === 0) return []
  const batch = sql.join([sql`set local standard_conforming_strings = on`, ...statements], sql`;\n`).inlineParams()
  // pg answers a multi-statement query with one result per statement.
  const results = (await db.execute(batch)) as unknown as Array<{ rows: Array<Record<string, unknown>> }>
  return results.slice(1).map((r) => r.rows)
}
export { sql }
