import type { SQL } from 'drizzle-orm'
import type { Payload, PayloadRequest } from 'payload'
import { QUOTA_SLUGS } from '../../slugs'
import { ident, sql, tableOf, type SqlRunner } from './sql'

/**
 * Read side of the counting engine, for reports, the dashboard and feeds. Windows are calendar
 * days (YYYY-MM-DD, inclusive) in the plan time zone. Reads run in the request's transaction
 * when there is one (so a report sees the request's own writes), else on the pool.
 */
export interface CountFilter {
  tasks: number[]
  channels?: number[]
  contentTypes?: string[]
  from?: string
  to?: string
}

export interface TallyRow {
  task: number
  channel: number
  contentType: string
  day: string
  count: number
}

async function runner(payload: Payload, req?: Partial<PayloadRequest>): Promise<SqlRunner> {
  const adapter = payload.db as unknown as {
    sessions?: Record<string | number, { db?: SqlRunner }>
    drizzle: SqlRunner
  }
  const id = req?.transactionID ? await req.transactionID : undefined
  return (id !== undefined && id !== null ? adapter.sessions?.[id]?.db : undefined) ?? adapter.drizzle
}

function where(f: CountFilter): SQL {
  const parts: SQL[] = [
    sql`task in (${sql.join(
      f.tasks.map((t) => sql`${t}`),
      sql`, `,
    )})`,
  ]
  if (f.channels)
    parts.push(
      f.channels.length
        ? sql`channel in (${sql.join(
            f.channels.map((c) => sql`${c}`),
            sql`, `,
          )})`
        : sql`false`,
    )
  if (f.contentTypes)
    parts.push(
      f.contentTypes.length
        ? sql`content_type in (${sql.join(
            f.contentTypes.map((c) => sql`${c}`),
            sql`, `,
          )})`
        : sql`false`,
    )
  if (f.from) parts.push(sql`day >= ${f.from}`)
  if (f.to) parts.push(sql`day <= ${f.to}`)
  return sql.join(parts, sql` and `)
}

/** Stored tallies (non-zero rows) matching the filter. */
export async function readTallies(
  payload: Payload,
  filter: CountFilter,
  req?: Partial<PayloadRequest>,
): Promise<TallyRow[]> {
  if (filter.tasks.length === 0) return []
  const db = await runner(payload, req)
  const { rows } = await db.execute(sql`
    select task, channel, content_type, day, count from ${ident(tableOf(QUOTA_SLUGS.tallies))}
    where count <> 0 and ${where(filter)} order by task, channel, content_type, day`)
  return rows.map((r) => ({
    task: Number(r.task),
    channel: Number(r.channel),
    contentType: String(r.content_type),
    day: String(r.day),
    count: Number(r.count),
  }))
}

/**
 * Distinct items per task (a pooled target): an item published on three of the target's
 * channels inside the window counts once.
 */
export async function countDistinctItems(
  payload: Payload,
  filter: CountFilter,
  req?: Partial<PayloadRequest>,
): Promise<Map<number, number>> {
  const out = new Map<number, number>(filter.tasks.map((t) => [t, 0]))
  if (filter.tasks.length === 0) return out
  const db = await runner(payload, req)
  const { rows } = await db.execute(sql`
    select task, count(distinct (content_type, item))::int as n from ${ident(tableOf(QUOTA_SLUGS.contributions))}
    where ${where(filter)} group by task`)
  for (const r of rows) out.set(Number(r.task), Number(r.n))
  return out
}

/** Distinct items per (task, channel): the per-channel view and per-channel targets. */
export async function countDistinctByChannel(
  payload: Payload,
  filter: CountFilter,
  req?: Partial<PayloadRequest>,
): Promise<Array<{ task: number; channel: number; count: number }>> {
  if (filter.tasks.length === 0) return []
  const db = await runner(payload, req)
  const { rows } = await db.execute(sql`
    select task, channel, count(distinct (content_type, item))::int as n from ${ident(tableOf(QUOTA_SLUGS.contributions))}
    where ${where(filter)} group by task, channel order by task, channel`)
  return rows.map((r) => ({ task: Number(r.task), channel: Number(r.channel), count: Number(r.n) }))
}

/**
 * Items that were late for a task: every publication they have on the target's channels is
 * after the deadline (domain rule 3).
 */
export async function countLateItems(
  payload: Payload,
  filter: Omit<CountFilter, 'from'> & { deadline: string },
  req?: Partial<PayloadRequest>,
): Promise<Map<number, number>> {
  const out = new Map<number, number>(filter.tasks.map((t) => [t, 0]))
  if (filter.tasks.length === 0) return out
  const db = await runner(payload, req)
  const scope = where(filter)
  const { rows } = await db.execute(sql`
    select task, count(*)::int as n from (
      select task, content_type, item from ${ident(tableOf(QUOTA_SLUGS.contributions))}
      where ${scope}
      group by task, content_type, item
      having bool_and(day > ${filter.deadline})
    ) late group by task`)
  for (const r of rows) out.set(Number(r.task), Number(r.n))
  return out
}

export interface ItemPublications {
  contentType: string
  item: number
  /** Each of the target's channels the item is on, with its day, earliest first. */
  publications: Array<{ channel: number; day: string }>
}

/**
 * The ledger rows behind one task's target, item by item, for the drill-down list and the
 * cumulative chart. Reads only one task's rows (indexed by task), never the content tables.
 */
export async function listItemPublications(
  payload: Payload,
  filter: Omit<CountFilter, 'tasks'> & { task: number },
  req?: Partial<PayloadRequest>,
): Promise<ItemPublications[]> {
  const db = await runner(payload, req)
  const { rows } = await db.execute(sql`
    select content_type, item, channel, day from ${ident(tableOf(QUOTA_SLUGS.contributions))}
    where ${where({ ...filter, tasks: [filter.task] })}
    order by content_type, item, day, channel`)
  const out = new Map<string, ItemPublications>()
  for (const r of rows) {
    const key = `${String(r.content_type)}:${String(r.item)}`
    let entry = out.get(key)
    if (!entry) {
      entry = { contentType: String(r.content_type), item: Number(r.item), publications: [] }
      out.set(key, entry)
    }
    entry.publications.push({ channel: Number(r.channel), day: String(r.day) })
  }
  return [...out.values()]
}
