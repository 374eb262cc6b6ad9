import type { PayloadRequest } from 'payload'
import { ident, sql, tableOf, transactionRunner } from '../counting/engine/sql'

/**
 * Row locks on the item and its versions until the step commits, taken before the item is read,
 * so that the check (state, version seen) and the write are one: a second reviewer's step, or an
 * autosave landing between the read and the publish, waits and then sees what this step did
 * (409) instead of both going through. Main row first, then versions: the order Payload's own
 * publish writes them in, so the two cannot deadlock; a draft save writes only versions.
 */
export async function lockReviewedItem(req: PayloadRequest, collection: string, id: number): Promise<void> {
  const db = await transactionRunner(req, 'a review step or an approved scheduled publish')
  await db.execute(sql`select id from ${ident(tableOf(collection))} where id = ${id} for update`)
  await db.execute(sql`select id from ${ident(`_${tableOf(collection)}_v`)} where parent_id = ${id} for update`)
}
