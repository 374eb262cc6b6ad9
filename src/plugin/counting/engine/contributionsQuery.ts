import type { SQL } from 'drizzle-orm'
import { ident, sql, tableOf } from './sql'

/**
 * The one definition of what a collection's items contribute, shared by the per-item recount
 * and by reconciliation: published in the CMS (main table, which drafts and autosaves never
 * write), not trashed, tagged with a task, published on a channel on a calendar day in the plan
 * time zone. Ends in a `where` clause so callers can narrow it with `and …`.
 */
export function contributionsQuery(collection: string, timeZone: string | SQL, trash: boolean): SQL {
  const main = tableOf(collection)
  return sql`
    select distinct ${collection}::text as content_type, c.id as item, r.tasks_id as task, p.channel_id as channel,
           to_char((p.published_at at time zone ${timeZone})::date, 'YYYY-MM-DD') as day
    from ${ident(main)} c
    join ${ident(`${main}_rels`)} r on r.parent_id = c.id and r.path = 'tasks' and r.tasks_id is not null
    join ${ident(`${main}_publications`)} p on p._parent_id = c.id and p.channel_id is not null and p.published_at is not null
    where c._status = 'published' ${trash ? sql`and c.deleted_at is null` : sql``}`
}
