import type { Payload } from 'payload'
import { sql } from '../counting/engine/sql'
import { db } from './slots'

/**
 * Payload leaves a job whose runner died mid-run marked `processing` for good, and its runner
 * never picks such a job again. Only the scheduler runs the queue, one instance per minute, and
 * every step of a run touches `updated_at`; so a job still `processing` with no update for a
 * whole lease is orphaned, and is handed back to the queue (publishing is idempotent).
 */
export async function releaseOrphanedJobs(payload: Payload, olderThanMs: number): Promise<number> {
  const { rows } = await db(payload).execute(sql`
    update payload_jobs set processing = false, updated_at = now()
    where processing = true and completed_at is null and has_error is not true
      and updated_at < now() - ${Math.round(olderThanMs)}::int * interval '1 millisecond'
    returning id`)
  if (rows.length > 0)
    payload.logger.warn({ msg: `[scheduler] released ${rows.length} job(s) left processing by a crashed runner` })
  return rows.length
}
