import type { PayloadRequest } from 'payload'
import { QUOTA_SLUGS } from '../../../domain/slugs'
import { dropSpecs, lockTaskForDrop } from './firstDays'
import { ident, sql, tableOf, transactionRunner } from './sql'
import { STRUCTURE_SCOPE, bumpVersions } from './versions'

/**
 * Removes every contribution, tally and first-day count of a deleted task or channel, in the
 * deleting transaction, taking locks in the order every writer takes them: the task's lock (a
 * task only: it waits for saves in flight on the task), the ledger rows, the tallies, the
 * first-day rows, the counters. A channel takes no task lock: it would wait for the saves of
 * every task using it, while holding what they wait for.
 */
export async function forgetCounts(req: PayloadRequest, column: 'task' | 'channel', id: number): Promise<void> {
  const db = await transactionRunner(req, `Forgetting the counts of ${column} ${id}`)
  if (column === 'task') await lockTaskForDrop(db, id)
  await db.execute(sql`delete from ${ident(tableOf(QUOTA_SLUGS.contributions))} where ${ident(column)} = ${id}`)
  // Lock the tallies in the global order before deleting, like every other tally writer.
  await db.execute(sql`
    select 1 from ${ident(tableOf(QUOTA_SLUGS.tallies))} where ${ident(column)} = ${id}
    order by task, channel, content_type, day for update`)
  await db.execute(sql`delete from ${ident(tableOf(QUOTA_SLUGS.tallies))} where ${ident(column)} = ${id}`)
  // Their first-day counts were taken over the deleted rows; a report that needs them rebuilds.
  await dropSpecs(db, column, id)
  // A deleted task or channel changes the reports' shape: every cached report goes.
  await bumpVersions(db, [STRUCTURE_SCOPE])
}
