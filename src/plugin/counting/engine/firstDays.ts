import type { SQL } from 'drizzle-orm'
import type { Payload, PayloadRequest } from 'payload'
import {
  makeSpec,
  prefixQuestion,
  type PrefixAsk,
  specKey,
  stepsOfVector,
  yearSteps,
  yearVectors,
  YEAR_DAYS,
  type FirstDayDelta,
  type FirstDaySpec,
  type YearSteps,
} from '../../../domain/firstDays'
import { QUOTA_SLUGS } from '../../../domain/slugs'
import { inPoolTransaction, poolRunner, requestRunner, type SqlRunner } from '../../db/postgres'
import { executeBatch, ident, intArray, sql, tableOf, textArray } from './sql'

/**
 * The store of first-publication counts (src/domain/firstDays.ts), in a schema of its own:
 * `cum int[]` has no Payload field type, and tables Payload does not know about in `public`
 * would be dropped by a development schema push. The plugin creates them at start-up.
 *
 * Consistency rests on one lock per task (an advisory lock, `TASK_LOCK`):
 * - an item's recount takes it *shared* for each of the item's tasks before it reads which specs
 *   exist, and keeps it until commit, when its deltas are in;
 * - building a task's specs, or dropping a deleted task's, takes it *exclusive*, then reads the
 *   committed ledger.
 * So a spec built while an item is saved either waits for that save (and then sees its ledger
 * rows) or is seen by it (which then moves the spec's counts). A builder holds one task's lock
 * at a time, so it cannot be part of a deadlock cycle; a deleter takes it before any row (see
 * dropSpecs, and forgetCounts for the one order every writer locks in).
 */
export const FIRST_DAY_SCHEMA = 'comms_quota'
/** Which specs exist (key, task, channels, content types, first day); the rows below are theirs. */
export const specsTable = sql`${sql.identifier(FIRST_DAY_SCHEMA)}.first_day_specs`
const specs = specsTable
const rows = sql`${sql.identifier(FIRST_DAY_SCHEMA)}.first_days`
const TASK_LOCK = sql`hashtext('comms_quota.first_days')`
const addSteps = sql`${sql.identifier(FIRST_DAY_SCHEMA)}.add_steps`
/** The store's write of steps (a function created at start-up; its rows go through checkYearSteps). */
export const addYearSteps = sql`${sql.identifier(FIRST_DAY_SCHEMA)}.add_year_steps`

/** A spec not read by any report for this many days is dropped by reconciliation. */
export const SPEC_RETENTION_DAYS = 30

/**
 * Each built spec has a row for year 0 besides its real years: `cum[1]` there is the day (days
 * since 1970-01-01) a report last read it. The report's one read then also tells which specs
 * exist (a spec with no items has no other row) and which were not read today, in the same
 * index probe.
 */
const SENTINEL_YEAR = 0
const TODAY = sql`(current_date - date '1970-01-01')`

/**
 * Creates the store's schema, tables and functions, then what `more` creates, in one transaction
 * that instances starting together take in turn (`create ... if not exists` and `create or
 * replace function` race otherwise).
 */
export async function ensureFirstDayTables(
  payload: Payload,
  more: (db: SqlRunner) => Promise<void> = async () => {},
): Promise<void> {
  await inPoolTransaction(payload, async (db) => {
    await db.execute(sql`select pg_advisory_xact_lock(${TASK_LOCK}, -1)`)
    await db.execute(sql`create schema if not exists ${sql.identifier(FIRST_DAY_SCHEMA)}`)
    await db.execute(sql`create table if not exists ${specs} (
      key text primary key,
      task integer not null,
      channels integer[] not null,
      content_types text[] not null,
      from_day text not null,
      built_at timestamptz not null default now())`)
    await db.execute(sql`create index if not exists first_day_specs_task on ${specs} (task)`)
    await db.execute(sql`create table if not exists ${rows} (
      spec text not null,
      year integer not null,
      cum integer[] not null,
      primary key (spec, year))`)
    // Adds the vector steps stand for (domain stepVector) to a row in place: a write sends a few
    // numbers, not 366, and the row is walked once from its first step, without unnesting it.
    // (A database from before keeps the step_vector function this replaced, unused: instances of
    // the previous version still call it until a rolling restart reaches them.)
    await db.execute(sql`create or replace function ${addSteps}(v int[], days int[], deltas int[]) returns int[]
      language plpgsql immutable strict parallel safe as $$
      declare
        s int := 0;
      begin
        -- days ascending: from each step to the next, the running sum is added.
        for j in 1..coalesce(array_length(days, 1), 0) loop
          s := s + deltas[j];
          for i in days[j]..coalesce(days[j + 1] - 1, ${sql.raw(String(YEAR_DAYS))}) loop
            v[i] := v[i] + s;
          end loop;
        end loop;
        return v;
      end $$`)
    // The write of steps, as a function so that each connection plans it once (planning the
    // statement took longer than running it). Rows that exist are locked in (spec, year) order,
    // then stepped in place; rows the snapshot does not have are inserted in the same order, and
    // one committed meanwhile by another writer is a conflict, added to there. No check
    // constraint can hold I3 (Postgres checks the row to insert, a step down on its own, before
    // it finds the conflict): the rows written are returned with whether they stay >= 0.
    await db.execute(sql`create or replace function ${addYearSteps}(p_specs text[], p_years int[], p_days int[], p_deltas int[])
      returns table (spec text, year int, ok boolean)
      language plpgsql volatile as $$
      #variable_conflict use_column
      begin
        return query
        with x as (
          select s.spec, s.year, array_agg(s.day order by s.day) as days, array_agg(s.delta order by s.day) as deltas
          from unnest(p_specs, p_years, p_days, p_deltas) as s(spec, year, day, delta)
          group by s.spec, s.year),
        locked as (
          select f.spec, f.year from ${rows} f join x on f.spec = x.spec and f.year = x.year
          order by f.spec collate "C", f.year for update of f),
        updated as (
          update ${rows} f set cum = ${addSteps}(f.cum, x.days, x.deltas)
          from locked l join x on x.spec = l.spec and x.year = l.year
          where f.spec = l.spec and f.year = l.year
          returning f.spec, f.year, 0 <= all (f.cum) as ok),
        inserted as (
          insert into ${rows} as f (spec, year, cum)
          select x.spec, x.year, ${addSteps}(array_fill(0, array[${sql.raw(String(YEAR_DAYS))}]), x.days, x.deltas) from x
          where not exists (select from updated u where u.spec = x.spec and u.year = x.year)
          order by x.spec collate "C", x.year
          on conflict (spec, year) do update set cum = array(select a + b from unnest(f.cum, excluded.cum) as u(a, b))
          returning f.spec, f.year, 0 <= all (f.cum) as ok)
        select u.spec, u.year, u.ok from updated u union all select i.spec, i.year, i.ok from inserted i;
      end $$`)
    await more(db)
  })
}

const toSpec = (r: Record<string, unknown>): FirstDaySpec =>
  makeSpec(
    Number(r.task),
    (r.channels as unknown[]).map(Number),
    (r.content_types as unknown[]).map(String),
    String(r.from_day),
  )

/**
 * For an item's recount: waits for any build of the tasks a subquery names (one column). The
 * shared locks stay until the saving transaction ends; the recount reads the specs in a later
 * statement, whose snapshot is taken once the locks are held. Returns the tasks locked.
 */
export function lockTasksSharedQuery(tasks: SQL): SQL {
  return sql`select t as task, pg_advisory_xact_lock_shared(${TASK_LOCK}, t::int) from (select distinct t from (${tasks}) as x(t) where t is not null) u order by t`
}

/** Steps as the four arrays `add_year_steps` takes (spec, year, day, delta), or null for none. */
export function stepArrays(steps: readonly YearSteps[]): SQL | null {
  const list = steps.flatMap((r) => r.days.map((day, k) => ({ spec: r.spec, year: r.year, day, delta: r.deltas[k]! })))
  if (list.length === 0) return null
  return sql.join(
    [
      textArray(list.map((x) => x.spec)),
      intArray(list.map((x) => x.year)),
      intArray(list.map((x) => x.day)),
      intArray(list.map((x) => x.delta)),
    ],
    sql`, `,
  )
}

/** Fails the write (I3) when a stored first-day count went below zero. */
export function checkYearSteps(written: ReadonlyArray<Record<string, unknown>>): void {
  const negative = written.find((r) => r.ok !== true)
  if (negative)
    throw new Error(
      `[comms-quota] a first-publication count would go negative (${String(negative.spec)}, ${String(negative.year)}); the save was rolled back`,
    )
}

/** Adds steps to the stored rows (a build, a repair), checking I3 on the rows written. */
export async function writeYearSteps(db: SqlRunner, steps: readonly YearSteps[]): Promise<void> {
  const arrays = stepArrays(steps)
  if (arrays) checkYearSteps((await db.execute(sql`select spec, year, ok from ${addYearSteps}(${arrays})`)).rows)
}

/** First-day counts of the given specs, from the committed (or the transaction's) ledger. */
async function countFirstDays(db: SqlRunner, list: readonly FirstDaySpec[]): Promise<FirstDayDelta[]> {
  if (list.length === 0) return []
  const json = JSON.stringify(
    list.map((s) => ({ key: specKey(s), task: s.task, channels: s.channels, types: s.contentTypes, from_day: s.from })),
  )
  const ledger = ident(tableOf(QUOTA_SLUGS.contributions))
  // The tasks again as a literal: the planner cannot see into the JSON, and without them it
  // hashes the whole ledger for every build (seconds per task at a million items).
  const tasks = [...new Set(list.map((s) => s.task))].sort((a, b) => a - b)
  const { rows: counted } = await db.execute(sql`
    select key, day, count(*)::int as n from (
      select x.key, l.content_type, l.item, min(l.day) as day
      from jsonb_to_recordset(${json}::jsonb) as x(key text, task int, channels int[], types text[], from_day text)
      join ${ledger} l on l.task = x.task and l.channel = any(x.channels) and l.content_type = any(x.types) and l.day >= x.from_day
        and l.task = any(${intArray(tasks)})
      group by x.key, l.content_type, l.item
    ) first group by key, day`)
  return counted.map((r) => ({ spec: String(r.key), day: String(r.day), delta: Number(r.n) }))
}

/** Builds specs of one task under its exclusive lock; the caller's transaction commits them. */
async function buildTaskSpecs(db: SqlRunner, task: number, wanted: readonly FirstDaySpec[]): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${TASK_LOCK}, ${task})`)
  const keys = wanted.map(specKey)
  const { rows: present } = await db.execute(sql`select key from ${specs} where key = any(${textArray(keys)})`)
  const have = new Set(present.map((r) => String(r.key)))
  const missing = wanted.filter((s) => !have.has(specKey(s)))
  // Every wanted spec gets its year-0 row, which is how the next report knows it is built.
  await db.execute(sql`
    insert into ${rows} (spec, year, cum) select k, ${SENTINEL_YEAR}, array[${TODAY}] from unnest(${textArray(keys)}) k
    on conflict (spec, year) do nothing`)
  if (missing.length === 0) return
  const missingKeys = missing.map(specKey)
  // Rows of a spec dropped earlier (a deleted channel) must not add to the new ones.
  await db.execute(sql`delete from ${rows} where spec = any(${textArray(missingKeys)}) and year <> ${SENTINEL_YEAR}`)
  await db.execute(sql`
    insert into ${specs} (key, task, channels, content_types, from_day)
    select key, task, channels, types, from_day
    from jsonb_to_recordset(${JSON.stringify(
      missing.map((s) => ({
        key: specKey(s),
        task: s.task,
        channels: s.channels,
        types: s.contentTypes,
        from_day: s.from,
      })),
    )}::jsonb) as x(key text, task int, channels int[], types text[], from_day text)`)
  await writeYearSteps(db, yearSteps(await countFirstDays(db, missing)))
}

/**
 * Builds specs a report found missing (the first report that asks for a target's window pays
 * this once; later ones read the kept rows). Inside a request's transaction the build is part of
 * it (it must see, and commit or roll back with, the request's own writes); otherwise each task's
 * build is a short transaction of its own. Another instance may build the same spec meanwhile:
 * each build checks again under the task's lock.
 */
export async function buildSpecs(
  payload: Payload,
  req: Partial<PayloadRequest> | undefined,
  wanted: readonly FirstDaySpec[],
): Promise<void> {
  const inRequest = await requestRunner(payload, req)
  const byTask = new Map<number, Map<string, FirstDaySpec>>()
  for (const s of wanted) {
    const mine = byTask.get(s.task) ?? new Map<string, FirstDaySpec>()
    byTask.set(s.task, mine.set(specKey(s), s))
  }
  for (const [task, list] of [...byTask].sort((a, b) => a[0] - b[0])) {
    if (inRequest) await buildTaskSpecs(inRequest, task, [...list.values()])
    else await inPoolTransaction(payload, (tx) => buildTaskSpecs(tx, task, [...list.values()]))
  }
}

/** Marks specs as read today (what keeps reconciliation from dropping them). */
export async function markSpecsRead(db: SqlRunner, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return
  // Two reports marking the same specs must not wait for (or deadlock on) each other: a row
  // another one is marking is left to it.
  await db.execute(sql`
    update ${rows} f set cum = array[${TODAY}]
    from (select spec from ${rows} where year = ${SENTINEL_YEAR} and spec = any(${textArray(keys)})
          order by spec for update skip locked) x
    where f.year = ${SENTINEL_YEAR} and f.spec = x.spec`)
}

export interface PrefixAnswer {
  n: number
  /** The spec has been built. */
  known: boolean
  /** Its last read was before today. */
  stale: boolean
}

/**
 * Answers prefix questions (spec, day) in one statement, one index probe each: the sum of one
 * array element per stored year, and the spec's year-0 row (built? read today?). The keys go as
 * one newline-separated text (no key holds a newline; an array literal of thousands of quoted
 * keys costs a millisecond to parse), and the answers come back as two arrays in one row: a
 * plan's thousands of rows cost more to parse than to find.
 */
export async function answerPrefixes(db: SqlRunner, questions: readonly PrefixAsk[]): Promise<PrefixAnswer[]> {
  if (questions.length === 0) return []
  const { rows: answered } = await db.execute(answerQuery(questions))
  return readAnswers(questions.length, answered[0])
}

function answerQuery(questions: readonly PrefixAsk[]): SQL {
  const asked = questions.map(prefixQuestion)
  // Both sums read the rows up to the later day; `since` (or null) subtracts the earlier one.
  const upTo = (year: SQL, doy: SQL) =>
    sql`case when f.year = ${SENTINEL_YEAR} or f.year > ${year} then 0 when f.year < ${year} then f.cum[${YEAR_DAYS}] else f.cum[${doy}] end`
  return sql`
    select array_agg(case when a.known then a.n else -1 end order by x.i) as n,
      coalesce(array_agg(x.i) filter (where a.read_day < ${TODAY}), '{}') as stale
    from unnest(string_to_array(${asked.map((q) => q.spec).join('\n')}::text, E'\n'), ${intArray(asked.map((q) => q.year))}, ${intArray(asked.map((q) => q.doy))},
      ${intArray(asked.map((q) => q.since?.year ?? null))}, ${intArray(asked.map((q) => q.since?.doy ?? null))})
      with ordinality as x(spec, year, doy, since_year, since_doy, i)
    cross join lateral (
      select coalesce(sum(${upTo(sql`x.year`, sql`x.doy`)}
          - case when x.since_year is null then 0 else ${upTo(sql`x.since_year`, sql`x.since_doy`)} end), 0)::int as n,
        bool_or(f.year = ${SENTINEL_YEAR}) is true as known,
        max(f.cum[1]) filter (where f.year = ${SENTINEL_YEAR}) as read_day
      from ${rows} f where f.spec = x.spec and f.year <= x.year
    ) a`
}

function readAnswers(count: number, row: Record<string, unknown> = {}): PrefixAnswer[] {
  const n = ((row.n ?? []) as unknown[]).map(Number)
  const out = Array.from({ length: count }, (_, i): PrefixAnswer => {
    const v = n[i] ?? -1
    return { n: Math.max(0, v), known: v >= 0, stale: false }
  })
  for (const i of (row.stale ?? []) as unknown[]) {
    const answer = out[Number(i) - 1]
    if (answer) answer.stale = true
  }
  return out
}

/**
 * answerPrefixes on a pool connection, planned as plain index probes: the planner's estimate
 * picks a bitmap scan per question, which costs half again as much when a plan asks thousands
 * (measured in bench:report's profile). One round trip: a multi-statement query is one implicit
 * transaction, so `set local` ends with it (a transaction of its own took four round trips, 3 ms).
 */
export async function answerPrefixesAlone(payload: Payload, questions: readonly PrefixAsk[]): Promise<PrefixAnswer[]> {
  if (questions.length === 0) return []
  const [, answered = []] = await executeBatch(poolRunner(payload), [
    sql`set local enable_bitmapscan = off`,
    answerQuery(questions),
  ])
  return readAnswers(questions.length, answered[0])
}

export interface SpecRows {
  /** The spec has been built. */
  known: boolean
  /** Its last read was before today. */
  stale: boolean
  /** Its year rows (prefixFrom answers any day from them). */
  years: Array<{ year: number; cum: number[] }>
}

/**
 * The stored rows of a few specs, for answering many days of them in memory (a cumulative line
 * asks 120 days of each: a hundred index probes per spec with answerPrefixes, one read here).
 */
export async function readSpecRows(db: SqlRunner, keys: readonly string[]): Promise<Map<string, SpecRows>> {
  const out = new Map<string, SpecRows>()
  if (keys.length === 0) return out
  const { rows: found } = await db.execute(sql`
    select spec, year, cum, year = ${SENTINEL_YEAR} and cum[1] < ${TODAY} as stale
    from ${rows} where spec = any(${textArray(keys)}) order by spec, year`)
  for (const r of found) {
    const key = String(r.spec)
    let entry = out.get(key)
    if (!entry) out.set(key, (entry = { known: false, stale: false, years: [] }))
    if (Number(r.year) === SENTINEL_YEAR) {
      entry.known = true
      entry.stale = r.stale === true
    } else entry.years.push({ year: Number(r.year), cum: (r.cum as unknown[]).map(Number) })
  }
  return out
}

/** A task's exclusive lock, held to the end of the deleting transaction (see dropSpecs). */
export async function lockTaskForDrop(db: SqlRunner, task: number): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${TASK_LOCK}, ${task})`)
}

/**
 * Drops the specs (and their rows) of a deleted task, or those naming a deleted channel, in the
 * deleting transaction: the next report that needs them builds them again. Rows are locked in
 * (spec, year) order first, the order saves add to them in.
 * - A task: under its exclusive lock (taken first by the caller, forgetCounts), so no save of
 *   the task is in flight.
 * - A channel: under no task lock. A save in flight may still add to a dropped spec's rows; such
 *   rows belong to no spec, are never read (no target names a deleted channel), are cleared if
 *   the spec is ever built again, and are removed by the nightly pruning.
 */
export async function dropSpecs(db: SqlRunner, column: 'task' | 'channel', id: number): Promise<void> {
  if (column === 'task') await lockTaskForDrop(db, id)
  const which = column === 'task' ? sql`task = ${id}` : sql`${id} = any(channels)`
  await db.execute(sql`
    select 1 from ${rows} where spec in (select key from ${specs} where ${which})
    order by spec collate "C", year for update`)
  await db.execute(sql`
    with gone as (delete from ${specs} where ${which} returning key)
    delete from ${rows} where spec in (select key from gone)`)
}

/**
 * Drops specs no report has read for SPEC_RETENTION_DAYS (past periods of recurring targets,
 * windows of edited targets), and rows of no spec: every kept spec costs every save of its task.
 */
export async function pruneUnreadSpecs(db: SqlRunner): Promise<number> {
  const { rows: gone } = await db.execute(sql`
    with gone as (
      delete from ${specs} s using ${rows} f
      where f.spec = s.key and f.year = ${SENTINEL_YEAR} and f.cum[1] < ${TODAY} - ${SPEC_RETENTION_DAYS}::int
      returning s.key),
    orphans as (delete from ${rows} f where f.spec in (select key from gone)
      or not exists (select 1 from ${specs} s where s.key = f.spec) returning 1)
    select (select count(*) from gone)::int as n, (select count(*) from orphans)::int as rows`)
  return Number(gone[0]?.n ?? 0)
}

export interface FirstDayDrift {
  spec: string
  year: number
  /** Days of the year whose stored cumulative count differs (1-based), at most 5 listed. */
  days: number[]
}

/**
 * Reconciliation's part: every spec's rows recomputed from the ledger and compared with the
 * stored ones; with `repair` the stored rows become the recomputed ones. Specs unread for
 * SPEC_RETENTION_DAYS and rows of no spec are dropped (with `repair`). The caller holds the
 * ledger against writers; this takes the store too.
 */
export async function reconcileFirstDays(
  db: SqlRunner,
  repair: boolean,
): Promise<{ drift: FirstDayDrift[]; specs: number; pruned: number }> {
  await db.execute(sql`lock table ${specs}, ${rows} in share row exclusive mode`)
  const pruned = repair ? await pruneUnreadSpecs(db) : 0
  const { rows: all } = await db.execute(sql`select task, channels, content_types, from_day from ${specs}`)
  const expected = yearVectors(await countFirstDays(db, all.map(toSpec)))
  const { rows: stored } = await db.execute(
    sql`select f.spec, f.year, f.cum from ${rows} f join ${specs} s on s.key = f.spec
      where f.year <> ${SENTINEL_YEAR} order by f.spec, f.year`,
  )
  const want = new Map(expected.map((v) => [`${v.spec}\u0000${v.year}`, v]))
  const drift: FirstDayDrift[] = []
  const seen = new Set<string>()
  const differs = (a: readonly number[], b: readonly number[]) => {
    const days: number[] = []
    for (let k = 0; k < YEAR_DAYS && days.length < 5; k++) if ((a[k] ?? 0) !== (b[k] ?? 0)) days.push(k + 1)
    return days
  }
  const zero = new Array<number>(YEAR_DAYS).fill(0)
  for (const r of stored) {
    const key = `${String(r.spec)}\u0000${Number(r.year)}`
    seen.add(key)
    const days = differs((r.cum as unknown[]).map(Number), want.get(key)?.cum ?? zero)
    if (days.length > 0) drift.push({ spec: String(r.spec), year: Number(r.year), days })
  }
  for (const [key, v] of want)
    if (!seen.has(key)) {
      const days = differs(zero, v.cum)
      if (days.length > 0) drift.push({ spec: v.spec, year: v.year, days })
    }
  if (repair && drift.length > 0) {
    const fix = drift.map((d) => want.get(`${d.spec}\u0000${d.year}`) ?? { spec: d.spec, year: d.year, cum: zero })
    await db.execute(sql`
      delete from ${rows} f using jsonb_to_recordset(${JSON.stringify(fix.map((v) => ({ spec: v.spec, year: v.year })))}::jsonb) as x(spec text, year int)
      where f.spec = x.spec and f.year = x.year and f.year <> ${SENTINEL_YEAR}`)
    await writeYearSteps(db, fix.map(stepsOfVector))
  }
  return { drift, specs: all.length, pruned }
}
