import type { PayloadRequest } from 'payload'
import { QUOTA_SLUGS } from '../../../domain/slugs'
import { dropSpecs } from './firstDays'
import { ident, sql, tableOf, transactionRunner } from './sql'
import { STRUCTURE_SCOPE, bumpVersions } from './versions'

/** Removes every contribution, tally and first-day count of a deleted task or channel, in the deleting transaction. */
export async function forgetCounts(req: PayloadRequest, column: 'task' | 'channel', id: number): Promise<void> {
  const db = await transactionRunner(req, `Forgetting the counts of ${column} ${id}`)
  // Lock the tallies in the global order before deleting, like every other tally writer.
  await db.execute(sql`
    select 1 from ${ident(tableOf(QUOTA_SLUGS.tallies))} where ${ident(column)} = ${id}
    order by task, channel, content_type, day for update`)
  await db.execute(sql`delete from ${ident(tableOf(QUOTA_SLUGS.contributions))} where ${ident(column)} = ${id}`)
  await db.execute(sql`delete from ${ident(tableOf(QUOTA_SLUGS.tallies))} where ${ident(column)} = ${id}`)
  // Their first-day counts were taken over the deleted rows; a report that needs them rebuilds.
  await dropSpecs(db, column, id)
  // A deleted task or channel changes the reports' shape: every cached report goes.
  await bumpVersions(db, [STRUCTURE_SCOPE])
}
