import type { Payload } from 'payload'
import { QUOTA_SLUGS } from '../../../domain/slugs'
import { poolRunner, type SqlRunner } from '../../db/postgres'
import { ident, sql, tableOf } from './sql'

/** The counter of everything a report's shape depends on (plans, tasks, units, channels, repairs). */
export const STRUCTURE_SCOPE = 'structure'
/** The counter of one task's ledger and tallies. */
export const taskScope = (task: number): string => `task:${task}`

/**
 * Moves the given counters by one, in the caller's transaction. Sorted, so two transactions
 * bumping overlapping counters lock them in the same order (like the tallies, which every
 * caller has already written or locked by then).
 */
export async function bumpVersions(db: SqlRunner, scopes: Iterable<string>): Promise<void> {
  const sorted = [...new Set(scopes)].sort()
  if (sorted.length === 0) return
  const table = ident(tableOf(QUOTA_SLUGS.versions))
  await db.execute(sql`
    insert into ${table} (scope, version) values ${sql.join(
      sorted.map((s) => sql`(${s}, 1)`),
      sql`, `,
    )}
    on conflict (scope) do update set version = ${table}.version + 1, updated_at = now()`)
}

/** Current committed values of the counters (0 for one never bumped), read on the pool. */
export async function readVersions(payload: Payload, scopes: string[]): Promise<Map<string, number>> {
  const out = new Map(scopes.map((s) => [s, 0]))
  if (scopes.length === 0) return out
  const { rows } = await poolRunner(payload).execute(sql`
    select scope, version from ${ident(tableOf(QUOTA_SLUGS.versions))}
    where scope = any(${`{${scopes.map((s) => `"${s}"`).join(',')}}`}::text[])`)
  for (const r of rows) out.set(String(r.scope), Number(r.version))
  return out
}
