import type { PayloadRequest } from 'payload'
import { dayOf } from '../../domain/calendar'
import type { ScheduledPublish } from '../../domain/calendarEvents'
import { wallClock } from '../../domain/schedule'
import { requestOrPoolRunner } from '../db/postgres'
import { countingTimeZone } from '../counting/engine/settings'
import { sql } from '../counting/engine/sql'

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * The pending scheduled publishes (Payload's `schedulePublish` jobs, as applyReviewStep and the
 * admin's "schedule publish" queue them) due in [start, end): not completed, not given up on,
 * of type publish (a scheduled unpublish is not a "Hẹn đăng"). Only the job rows: which items the
 * reader may see is decided by reading the items themselves with access control on (the caller).
 */
export async function readScheduledPublishes(
  req: PayloadRequest,
  collections: readonly string[],
  start: string,
  end: string,
): Promise<ScheduledPublish[]> {
  if (collections.length === 0) return []
  const tz = countingTimeZone(req.payload)
  const db = await requestOrPoolRunner(req.payload, req)
  const { rows } = await db.execute(sql`
    select input->'doc'->>'relationTo' as collection, input->'doc'->>'value' as id, wait_until
    from payload_jobs
    where task_slug = 'schedulePublish' and completed_at is null and has_error is not true
      and input->>'type' = 'publish'
      and wait_until >= ${start}::timestamptz and wait_until < ${end}::timestamptz
      and input->'doc'->>'relationTo' in (${sql.join(
        collections.map((c) => sql`${c}`),
        sql`, `,
      )})
    order by wait_until, id`)
  const out: ScheduledPublish[] = []
  for (const row of rows) {
    const id = Number(row.id)
    const at = row.wait_until instanceof Date ? row.wait_until : new Date(String(row.wait_until))
    const day = dayOf(at, tz)
    if (!Number.isInteger(id) || !day) continue
    const w = wallClock(at, tz)
    out.push({ collection: String(row.collection), id, day, time: `${pad(w.hour)}:${pad(w.minute)}` })
  }
  return out
}
