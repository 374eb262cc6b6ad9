import type { SQL } from 'drizzle-orm'
import type { Payload, PayloadRequest } from 'payload'
import type { TargetCountQuery, TargetCounts } from '../../../domain/counting'
import { QUOTA_SLUGS } from '../../../domain/slugs'
import { inPoolTransaction, poolRunner, requestOrPoolRunner, requestRunner, type SqlRunner } from '../../db/postgres'
import { specKey, targetPrefixes, type FirstDaySpec, type PrefixAsk } from '../../../domain/firstDays'
import type { DayWindow } from '../../../domain/quota'
import type { ClassifiedItem } from '../../../domain/targetItems'
import { answerPrefixes, answerPrefixesAlone, buildSpecs, markSpecsRead, readSpecRows } from './firstDays'
import { ident, sql, tableOf } from './sql'

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
  const db = await requestOrPoolRunner(payload, req)
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
  const db = await requestOrPoolRunner(payload, req)
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
  const db = await requestOrPoolRunner(payload, req)
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
  const db = await requestOrPoolRunner(payload, req)
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

/** What the drill-down lists of one content target (see listTargetItems). */
export interface TargetItemsQuery {
  task: number
  channels: number[]
  contentTypes: string[]
  window: DayWindow
  asOf: string
  /** Items listed before this page, and the longest page; `truncated`: more items follow it. */
  offset: number
  limit: number
  /**
   * A day of the window by which more than `offset + limit` items had counted (from the
   * first-publication store): the page is then made of counted items only, and only ledger rows
   * from the window's start to that day need reading (a few days' instead of a year's).
   */
  countedBy?: string | null
}

/**
 * A target's items as the drill-down lists them: classifyItems' rule (src/domain/targetItems.ts)
 * applied in SQL over the task's ledger rows, first days first, so that only the listed page
 * leaves the database (a task of a national plan has thousands of items). Late items' first days
 * are after the deadline, so they follow every counted one. The drill-down's property test holds
 * it to classifyItems.
 */
export async function listTargetItems(
  payload: Payload,
  q: TargetItemsQuery,
  req?: Partial<PayloadRequest>,
): Promise<{ items: ClassifiedItem[]; truncated: boolean }> {
  if (q.channels.length === 0 || q.contentTypes.length === 0) return { items: [], truncated: false }
  const db = await requestOrPoolRunner(payload, req)
  const table = ident(tableOf(QUOTA_SLUGS.contributions))
  const countTo = q.window.to < q.asOf ? q.window.to : q.asOf
  // Late items exist only once the deadline has passed (domain rule 3).
  const lateOpen = q.asOf > q.window.to
  const mine = where({ tasks: [q.task], channels: q.channels, contentTypes: q.contentTypes, to: q.asOf })
  const scanned = q.countedBy
    ? where({
        tasks: [q.task],
        channels: q.channels,
        contentTypes: q.contentTypes,
        from: q.window.from,
        to: q.countedBy,
      })
    : mine
  const { rows } = await db.execute(sql`
    with item as (
      select content_type, item,
        min(day) filter (where day >= ${q.window.from} and day <= ${countTo}) as first_inside,
        min(day) as first_known,
        bool_and(day > ${q.window.to}) as all_after
      from ${table} where ${scanned} group by content_type, item
    ), listed as (
      select content_type, item, first_inside is not null as counted,
        first_inside is null and ${lateOpen}::boolean and all_after as late,
        coalesce(first_inside, first_known) as first_day
      from item where first_inside is not null or (${lateOpen}::boolean and all_after)
      order by coalesce(first_inside, first_known) collate "C", item, content_type collate "C"
      limit ${q.limit + 1} offset ${q.offset}
    )
    select l.content_type, l.item, l.counted, l.late, l.first_day,
      (select json_agg(json_build_array(c.channel, c.day) order by c.day collate "C", c.channel)
        from ${table} c where c.content_type = l.content_type and c.item = l.item and ${mine}) as publications
    from listed l order by l.first_day collate "C", l.item, l.content_type collate "C"`)
  const items = rows.slice(0, q.limit).map((r): ClassifiedItem => {
    const pubs = (typeof r.publications === 'string' ? JSON.parse(r.publications) : r.publications) as Array<
      [unknown, unknown]
    >
    return {
      contentType: String(r.content_type),
      item: Number(r.item),
      publications: pubs.map(([channel, day]) => ({ channel: Number(channel), day: String(day) })),
      counted: r.counted === true,
      late: r.late === true,
      firstDay: String(r.first_day),
    }
  })
  return { items, truncated: rows.length > q.limit }
}

/**
 * The stored first-day rows of a few specs (building any not built yet), for answering every day
 * of a target's window in memory: its cumulative line.
 */
export async function readFirstDayRows(
  payload: Payload,
  specs: FirstDaySpec[],
  req?: Partial<PayloadRequest>,
): Promise<Map<string, Array<{ year: number; cum: number[] }>>> {
  const db = await requestOrPoolRunner(payload, req)
  const keys = [...new Set(specs.map(specKey))]
  let found = await readSpecRows(db, keys)
  const missing = specs.filter((s) => !found.get(specKey(s))?.known)
  if (missing.length > 0) {
    await buildSpecs(payload, req, missing)
    found = new Map([...found, ...(await readSpecRows(db, [...new Set(missing.map(specKey))]))])
  }
  await markSpecsRead(
    db,
    keys.filter((k) => found.get(k)?.stale),
  )
  return new Map(keys.map((k) => [k, found.get(k)?.years ?? []]))
}

/**
 * Every ledger row of the given tasks up to a day: which item is on which channel on which day
 * for which task. One query for a whole plan's report document (its appendix of counted items),
 * which applies the report's own rules to them (src/domain/reportEvidence.ts).
 */
export async function listLedgerRows(
  payload: Payload,
  filter: { tasks: number[]; to: string },
  req?: Partial<PayloadRequest>,
): Promise<Array<{ task: number; contentType: string; item: number; channel: number; day: string }>> {
  if (filter.tasks.length === 0) return []
  const db = await requestOrPoolRunner(payload, req)
  const { rows } = await db.execute(sql`
    select task, content_type, item, channel, day from ${ident(tableOf(QUOTA_SLUGS.contributions))}
    where ${where({ tasks: filter.tasks, to: filter.to })}
    order by task, content_type, item, day, channel`)
  return rows.map((r) => ({
    task: Number(r.task),
    contentType: String(r.content_type),
    item: Number(r.item),
    channel: Number(r.channel),
    day: String(r.day),
  }))
}

// The question and its answer are plain data the report rules build and read (src/domain).
export type { TargetCountQuery, TargetCounts } from '../../../domain/counting'

/**
 * The counts of many targets from the first-publication store (firstDays.ts): every number is a
 * prefix sum of kept rows, so a report costs the same at a thousand items or a million, for any
 * report day. A target window no report asked for before is built once from the ledger.
 * Same answers as countTargetsFromLedger, which the property test and reconciliation hold it to.
 */
export async function countTargets(
  payload: Payload,
  targets: TargetCountQuery[],
  req?: Partial<PayloadRequest>,
): Promise<Map<string, TargetCounts>> {
  // Each distinct (spec, day) once: targets of one task share their channels' specs. Each
  // target keeps where its answers are (`slots`).
  const index = new Map<string, number>()
  const questions: PrefixAsk[] = []
  const plans = targets.map((t) => {
    const p = targetPrefixes(t)
    const slots = p.questions.map((q) => {
      const k = `${q.spec}\u0000${q.day}\u0000${q.since ?? ''}`
      let i = index.get(k)
      if (i === undefined) index.set(k, (i = questions.push(q) - 1))
      return i
    })
    return { key: t.key, p, slots }
  })
  const inRequest = await requestRunner(payload, req)
  const db = inRequest ?? poolRunner(payload)
  const answer = (asked: PrefixAsk[]) =>
    inRequest ? answerPrefixes(inRequest, asked) : answerPrefixesAlone(payload, asked)
  const answers = await answer(questions)
  // Windows no report asked for before: built once, then asked again.
  const missing = new Set(questions.flatMap((q, i) => (answers[i]?.known ? [] : [q.spec])))
  if (missing.size > 0) {
    await buildSpecs(
      payload,
      req,
      plans.flatMap(({ p }) => p.specs.filter((s) => missing.has(specKey(s)))),
    )
    const again = questions.flatMap((q, i) => (missing.has(q.spec) ? [i] : []))
    const redone = await answer(again.map((i) => questions[i]!))
    again.forEach((i, k) => (answers[i] = redone[k]!))
  }
  await markSpecsRead(db, [...new Set(questions.flatMap((q, i) => (answers[i]?.stale ? [q.spec] : [])))])
  const out = new Map<string, TargetCounts>()
  for (const { key, p, slots } of plans) out.set(key, p.combine(slots.map((i) => answers[i]?.n ?? 0)))
  return out
}

/**
 * The same counts straight from the ledger, in three queries (pooled distinct items, per
 * channel, late items), whatever the number of targets: the reference the first-publication
 * store is checked against. Reads every ledger row of the targets (seconds at a million items).
 */
export async function countTargetsFromLedger(
  payload: Payload,
  targets: TargetCountQuery[],
  req?: Partial<PayloadRequest>,
): Promise<Map<string, TargetCounts>> {
  const out = new Map<string, TargetCounts>(targets.map((t) => [t.key, { pooled: 0, byChannel: [], late: 0 }]))
  if (targets.length === 0) return out
  // The distinct counts sort a few rows per ledger row; Postgres' default 4 MB spills them to
  // disk at a few hundred thousand rows. A read-only transaction of our own lets `set local`
  // raise it for these three statements only (inside a request's transaction, for its rest).
  const count = async (db: SqlRunner) => {
    await db.execute(sql`set local work_mem = '64MB'`)
    return countTargetsWith(db, targets, out)
  }
  const inRequest = await requestRunner(payload, req)
  return inRequest ? count(inRequest) : inPoolTransaction(payload, count)
}

async function countTargetsWith(
  db: SqlRunner,
  targets: TargetCountQuery[],
  out: Map<string, TargetCounts>,
): Promise<Map<string, TargetCounts>> {
  const spec = JSON.stringify(
    targets.map((t) => ({
      key: t.key,
      task: t.task,
      channels: t.channels,
      types: t.contentTypes,
      from_day: t.from,
      to_day: t.to,
      deadline: t.deadline ?? null,
      late_to: t.lateTo ?? null,
    })),
  )
  const table = ident(tableOf(QUOTA_SLUGS.contributions))
  // One row per (target, channel), so each probes the (task, channel, day) index for its range.
  const specs = sql`select x.key, x.task, ch.channel, x.types, x.from_day, x.to_day, x.deadline, x.late_to
    from jsonb_to_recordset(${spec}::jsonb)
      as x(key text, task numeric, channels numeric[], types text[], from_day text, to_day text, deadline text, late_to text)
    cross join lateral unnest(x.channels) as ch(channel)`
  // The task list again as a literal: the planner cannot see into the JSON, and without it a
  // report of a few targets (the report cache recounting one task) hashes the whole ledger.
  const taskList = sql`${`{${[...new Set(targets.map((t) => t.task))].join(',')}}`}::int[]`
  const inWindow = sql`c.task = t.task and c.channel = t.channel and c.day >= t.from_day and c.day <= t.to_day
    and c.content_type = any(t.types) and c.task = any(${taskList})`
  // One after another: inside a transaction the three share one connection.
  // Distinct first, then count: a hash of (target, item) beats sorting row values.
  const pooled = await db.execute(sql`with t as materialized (${specs})
    select key, count(*)::int as n from (
      select distinct t.key, c.content_type, c.item from t join ${table} c on ${inWindow}
    ) d group by key`)
  const byChannel = await db.execute(sql`with t as materialized (${specs})
    select key, channel, count(*)::int as n from (
      select distinct t.key, c.channel, c.content_type, c.item from t join ${table} c on ${inWindow}
    ) d group by key, channel order by key, channel`)
  const late = await db.execute(sql`with t as materialized (${specs})
    select key, count(*)::int as n from (
      select t.key from t join ${table} c
        on c.task = t.task and c.channel = t.channel and c.day <= t.late_to and c.content_type = any(t.types)
          and c.task = any(${taskList})
      where t.late_to is not null
      group by t.key, c.content_type, c.item
      having bool_and(c.day > t.deadline)
    ) late group by key`)
  for (const r of pooled.rows) out.get(String(r.key))!.pooled = Number(r.n)
  for (const r of byChannel.rows)
    out.get(String(r.key))!.byChannel.push({ channel: Number(r.channel), count: Number(r.n) })
  for (const r of late.rows) out.get(String(r.key))!.late = Number(r.n)
  return out
}
