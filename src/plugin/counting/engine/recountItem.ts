import type { SQL } from 'drizzle-orm'
import type { PayloadRequest } from 'payload'
import type { SqlRunner } from '../../db/postgres'
import type { TallyDelta } from '../../../domain/counting'
import type { FirstDayDelta } from '../../../domain/firstDays'
import { QUOTA_SLUGS } from '../../../domain/slugs'
import { contributionsQuery } from './contributionsQuery'
import { FIRST_DAY_SCHEMA, lockTasksSharedQuery, specsTable } from './firstDays'
import { checkWritten, queueDeltas, writeCounts, writesDirectly } from './pendingTallies'
import { ident, sql, tableOf, transactionRunner } from './sql'

/**
 * Brings one item's contributions and the tallies in line with what the item contributes now,
 * inside the saving transaction, in one round trip: one call of the collection's count function
 * (ensureCountFunction), which
 *
 * 1. takes a per-item advisory lock, which serialises recounts of the same item (two editors, a
 *    job), and the shared locks of every task the item is tagged with or counted for
 *    (firstDays.ts), so no build of their specs runs until this transaction ends;
 * 2. then, in one statement with a snapshot taken after those locks, reads what the item should
 *    contribute (the database's published state, never the hook's doc/previousDoc) and what the
 *    ledger says it does, and works out the difference: the rows to add and remove, their ±1
 *    tally deltas and the moves of the item's first day under each spec of those tasks;
 * 3. writes the item's ledger rows (they are this item's alone, and its lock keeps other writers
 *    of it waiting);
 * 4. writes the tallies, first-day rows and counters at once (comms_quota.write_counts) when this
 *    is the operation's only recount (a save, delete or restore of one item); otherwise returns
 *    the deltas, which wait for the end of the operation and are written there, summed and in
 *    one global key order (pendingTallies.ts), so concurrent writers, bulk operations included,
 *    cannot deadlock.
 *
 * The rules of step 2 are the pure functions of src/domain/counting.ts (diffContributions,
 * tallyDeltas) and src/domain/firstDays.ts (firstDayDeltas); test/int/countFunction.test.ts
 * checks the SQL against them on random rows. One lock order for every writer: task locks,
 * ledger, tallies, first-day rows, counters. So deleting a task, which waits for its lock, never
 * holds a row this save waits for. Idempotent: a second run finds nothing to change.
 */
export async function recountItem(
  req: PayloadRequest,
  collection: string,
  id: number | string,
  timeZone: string,
): Promise<void> {
  const db = await transactionRunner(req, `Counting ${collection} ${id}`)
  const item = Number(id)
  if (!Number.isInteger(item))
    throw new Error(`[comms-quota] ${collection} ids must be integers to be counted, got ${String(id)}`)
  const direct = await writesDirectly(req)
  const { rows } = await db.execute(countCall(collection, item, timeZone, direct))
  if (direct) return checkWritten(rows)
  const tallies: TallyDelta[] = []
  const firstDays: FirstDayDelta[] = []
  for (const r of rows) {
    if (r.kind === 'tally')
      tallies.push({
        task: Number(r.task),
        channel: Number(r.channel),
        contentType: collection,
        day: String(r.day),
        delta: Number(r.count),
      })
    else firstDays.push({ spec: String(r.spec), day: String(r.day), delta: Number(r.count) })
  }
  await queueDeltas(req, db, tallies, firstDays)
}

/** One recount: the rows written (write: true) or the deltas to queue (write: false). */
const countCall = (collection: string, item: number, timeZone: string, write: boolean): SQL =>
  sql`select kind, task, channel, content_type, day, count, spec, year, ok
    from ${countFunction(collection)}(${item}::int, ${timeZone}::text, ${write}::boolean)`

const countFunction = (collection: string): SQL =>
  sql`${sql.identifier(FIRST_DAY_SCHEMA)}.${sql.identifier(`count_${tableOf(collection)}`)}`

const writeLedgerFunction = sql`${sql.identifier(FIRST_DAY_SCHEMA)}.write_ledger`

/**
 * Creates (or replaces, at every start) a counted collection's count function (recountItem
 * above): one per collection, so that each connection plans its statements once (planning them
 * took longer than running them). A volatile function takes a snapshot per statement, so the
 * statement that reads the rows sees what the locks before it waited for. It returns rows of
 * write_counts' shape: with p_write, what write_counts wrote (checkWritten checks them); without,
 * the deltas, `tally` rows (task, channel, day, count = ±1) and `firstDay` rows (spec, day,
 * count = ±1).
 *
 * (A database from before keeps the recount_<table> functions this replaced, unused: instances
 * of the previous version still call them until a rolling restart reaches them.)
 */
export async function ensureCountFunction(db: SqlRunner, collection: string, trash: boolean): Promise<void> {
  const ledger = ident(tableOf(QUOTA_SLUGS.contributions))
  // Every task the recount can touch: the item's tags (what it should contribute comes from
  // them) and its ledger rows (what it does now).
  const tasks = sql`select r.tasks_id::int from ${ident(`${tableOf(collection)}_rels`)} r where r.parent_id = p_item and r.path = 'tasks'
    union select task::int from ${ledger} where content_type = ${collection} and item = p_item`
  await db.execute(
    sql`create or replace function ${countFunction(collection)}(p_item int, p_tz text, p_write boolean)
      returns table (kind text, task int, channel int, content_type text, day text, count numeric, spec text, year int, ok boolean)
      language plpgsql volatile as $$
      #variable_conflict use_column
      declare
        v_locked int[];
        v_missing int[];
        a_task int[]; a_channel int[]; a_day text[];
        r_task int[]; r_channel int[]; r_day text[];
        f_spec text[]; f_day text[]; f_delta int[];
        t_task int[]; t_channel int[]; t_day text[]; t_delta int[];
        s_spec text[]; s_year int[]; s_day int[]; s_delta int[];
      begin
        perform pg_advisory_xact_lock(hashtext(${collection}), p_item);
        select coalesce(array_agg(l.task::int), '{}') into v_locked from (${lockTasksSharedQuery(tasks)}) l;
        loop
          with desired as (
            select distinct d.task::int as task, d.channel::int as channel, d.day::text as day
            from (${contributionsQuery(collection, sql.raw('p_tz'), trash)} and c.id = p_item) d),
          recorded as (
            select l.task::int as task, l.channel::int as channel, l.day::text as day
            from ${ledger} l where l.content_type = ${collection} and l.item = p_item),
          added as (select * from desired except select * from recorded),
          removed as (select * from recorded except select * from desired),
          -- firstDayOf under each spec of a task whose rows changed, before and after.
          moved as (
            select s.key, w.d as was, n.d as now
            from ${specsTable} s
            cross join lateral (select min(x.day collate "C") as d from recorded x
              where x.task = s.task and x.channel = any(s.channels) and x.day >= s.from_day collate "C") w
            cross join lateral (select min(x.day collate "C") as d from desired x
              where x.task = s.task and x.channel = any(s.channels) and x.day >= s.from_day collate "C") n
            where ${collection} = any(s.content_types)
              and s.task in (select a.task from added a union select r.task from removed r)
              and w.d is distinct from n.d),
          firsts as (
            select m.key, m.was as day, -1 as delta from moved m where m.was is not null
            union all select m.key, m.now, 1 from moved m where m.now is not null)
          select
            (select array_agg(a.task) from added a), (select array_agg(a.channel) from added a),
            (select array_agg(a.day) from added a),
            (select array_agg(r.task) from removed r), (select array_agg(r.channel) from removed r),
            (select array_agg(r.day) from removed r),
            (select array_agg(f.key) from firsts f), (select array_agg(f.day) from firsts f),
            (select array_agg(f.delta) from firsts f),
            (select array_agg(distinct u.task) from (select x.task from desired x union select x.task from recorded x) u
              where u.task <> all (v_locked))
          into a_task, a_channel, a_day, r_task, r_channel, r_day, f_spec, f_day, f_delta, v_missing;
          exit when v_missing is null;
          -- Not expected: every save of the item waits for its lock before it commits. A tag
          -- written without a recount (plain SQL) between the statements above lands here: its
          -- task is locked now, and the rows are read again after the lock.
          perform l.task from (${lockTasksSharedQuery(sql`select unnest(v_missing)`)}) l;
          v_locked := v_locked || v_missing;
        end loop;
        if a_task is null and r_task is null then
          return;
        end if;
        perform ${writeLedgerFunction}(${collection}::text, p_item,
          coalesce(a_task, '{}'), coalesce(a_channel, '{}'), coalesce(a_day, '{}'),
          coalesce(r_task, '{}'), coalesce(r_channel, '{}'), coalesce(r_day, '{}'));
        if not p_write then
          return query
            select 'tally'::text, x.task, x.channel, ${collection}::text, x.day, 1::numeric, null::text, null::int, null::boolean
            from unnest(a_task, a_channel, a_day) as x(task, channel, day)
            union all
            select 'tally', x.task, x.channel, ${collection}, x.day, -1, null, null, null
            from unnest(r_task, r_channel, r_day) as x(task, channel, day)
            union all
            select 'firstDay', null, null, null, x.day, x.delta, x.spec, null, null
            from unnest(f_spec, f_day, f_delta) as x(spec, day, delta);
          return;
        end if;
        -- The operation's only recount: its deltas, sorted as the end of an operation sorts
        -- them (tallies by compareTallyKey, first-day steps as yearSteps makes them).
        select array_agg(x.task order by x.task, x.channel, x.day collate "C"),
               array_agg(x.channel order by x.task, x.channel, x.day collate "C"),
               array_agg(x.day order by x.task, x.channel, x.day collate "C"),
               array_agg(x.delta order by x.task, x.channel, x.day collate "C")
        into t_task, t_channel, t_day, t_delta
        from (select u.task, u.channel, u.day, 1 as delta from unnest(a_task, a_channel, a_day) as u(task, channel, day)
              union all
              select u.task, u.channel, u.day, -1 from unnest(r_task, r_channel, r_day) as u(task, channel, day)) x;
        select array_agg(y.spec order by y.spec collate "C", y.year, y.doy),
               array_agg(y.year order by y.spec collate "C", y.year, y.doy),
               array_agg(y.doy order by y.spec collate "C", y.year, y.doy),
               array_agg(y.delta order by y.spec collate "C", y.year, y.doy)
        into s_spec, s_year, s_day, s_delta
        from (select x.spec, extract(year from x.day::date)::int as year, extract(doy from x.day::date)::int as doy,
                     sum(x.delta)::int as delta
              from unnest(f_spec, f_day, f_delta) as x(spec, day, delta)
              group by 1, 2, 3 having sum(x.delta) <> 0) y;
        return query
          select * from ${writeCounts}(t_task, t_channel, array_fill(${collection}::text, array[cardinality(t_task)]),
            t_day, t_delta, coalesce(s_spec, '{}'), coalesce(s_year, '{}'), coalesce(s_day, '{}'), coalesce(s_delta, '{}'),
            array(select distinct 'task:' || u.task from unnest(t_task) as u(task)));
      end $$`.inlineParams(),
  )
}

/**
 * Creates (or replaces, at every start) the ledger write of one item, so that each connection
 * plans its two statements once.
 */
export async function ensureLedgerFunction(db: SqlRunner): Promise<void> {
  const ledger = ident(tableOf(QUOTA_SLUGS.contributions))
  await db.execute(
    sql`create or replace function ${writeLedgerFunction}(p_type text, p_item int,
        a_task int[], a_channel int[], a_day text[], r_task int[], r_channel int[], r_day text[])
      returns void language plpgsql volatile as $$
      begin
        delete from ${ledger} l using unnest(r_task, r_channel, r_day) as x(task, channel, day)
        where l.content_type = p_type and l.item = p_item and l.task = x.task and l.channel = x.channel and l.day = x.day;
        insert into ${ledger} (content_type, item, task, channel, day)
        select p_type, p_item, x.task, x.channel, x.day from unnest(a_task, a_channel, a_day) as x(task, channel, day);
      end $$`.inlineParams(),
  )
}
