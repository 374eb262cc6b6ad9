import type { PayloadRequest } from 'payload'
import { sql, transactionRunner } from '../counting/engine/sql'

/**
 * Withdraws the scheduled publish an approval queued for an item, once the approval no longer
 * holds (the item was edited, or submitted again, after it): the job runs as the approving
 * reviewer, so left alone it would publish content nobody approved. A scheduled unpublish (a
 * takedown) stays. Runs in the saving transaction, so a failed save keeps the job. Returns how
 * many jobs were withdrawn.
 */
export async function cancelApprovedPublish(
  req: PayloadRequest,
  collection: string,
  id: string | number,
): Promise<number> {
  const db = await transactionRunner(req, 'withdrawing an approved scheduled publish')
  const { rows } = await db.execute(sql`
    delete from payload_jobs
    where task_slug = 'schedulePublish' and completed_at is null and coalesce(processing, false) = false
      and input->>'type' = 'publish'
      and input->'doc'->>'relationTo' = ${collection} and input->'doc'->>'value' = ${String(id)}
    returning id`)
  return rows.length
}
