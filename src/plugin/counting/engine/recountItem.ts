import type { SQL } from 'drizzle-orm'
import type { PayloadRequest } from 'payload'
import type { SqlRunner } from '../../db/postgres'
import {
  diffContributions,
  normalizeContributions,
  tallyDeltas,
  type Contribution,
  type TallyDelta,
} from '../../../domain/counting'
import { firstDayDeltas } from '../../../domain/firstDays'
import { QUOTA_SLUGS } from '../../../domain/slugs'
import { contributionsQuery } from './contributionsQuery'
import { FIRST_DAY_SCHEMA, lockTasksSharedQuery, readSpecs, specsOfTasksQuery } from './firstDays'
import { queueDeltas, takeQueuedWrites } from './pendingTallies'
import { executeBatch, ident, intArray, sql, tableOf, textArray, transactionRunner } from './sql'

export interface RecountResult {
  added: Contribution[]
  removed: Contribution[]
  deltas: TallyDelta[]
}

/**
 * Brings one item's contributions and the tallies in line with what the item contributes now,
 * inside the saving transaction, in two round trips (executeBatch):
 *
 * 1. the collection's recount function (ensureRecountFunction) takes a per-item advisory lock,
 *    which serialises recounts of the same item (two editors, a job), and the shared locks of
 *    every task the item is tagged with or counted for (firstDays.ts), so no build of their specs
 *    runs until this transaction ends; then, each statement with a snapshot taken after those
 *    locks, it reads what the item should contribute (the database's published state, never the
 *    hook's doc/previousDoc), what the ledger says it does, and the specs of those tasks;
 * 2. the difference is queued: the item's ledger rows, +/- tally deltas and the moves of its
 *    first days under each spec. The end of the operation writes them in one round trip, the
 *    tallies and first-day rows in one global key order (pendingTallies.ts), so concurrent
 *    writers, bulk operations included, cannot deadlock. In a bulk operation an item's ledger
 *    rows go first in the next item's round trip, before it reads the ledger.
 *
 * One lock order for every writer: task locks, ledger, tallies, first-day rows, counters. So
 * deleting a task, which waits for its lock, never holds a row this save waits for.
 * Idempotent: a second run finds nothing to change.
 */
export async function recountItem(
  req: PayloadRequest,
  collection: string,
  id: number | string,
  timeZone: string,
): Promise<RecountResult> {
  const db = await transactionRunner(req, `Counting ${collection} ${id}`)
  const item = Number(id)
  if (!Number.isInteger(item))
    throw new Error(`[comms-quota] ${collection} ids must be integers to be counted, got ${String(id)}`)

  // Ledger writes the operation queued for items recounted before this one go first.
  const queued = await takeQueuedWrites(req)
  const results = await executeBatch(db, [
    ...queued,
    sql`select source, task, channel, day, channels, content_types, from_day from ${recountFunction(collection)}(${item}::int, ${timeZone}::text)`,
  ])
  const rows = results[queued.length] ?? []
  const of = (source: string) => rows.filter((r) => r.source === source)
  const desired = normalizeContributions(of('desired').map(toContribution))
  const current = normalizeContributions(of('recorded').map(toContribution))
  const diff = diffContributions(current, desired)
  const deltas = tallyDeltas(collection, diff)
  if (diff.add.length + diff.remove.length === 0) return { added: [], removed: [], deltas }

  let specs = readSpecs(of('spec'))
  const lockedTasks = new Set(of('locked').map((r) => Number(r.task)))
  const touched = [...new Set([...current, ...desired].map((c) => c.task))]
  if (touched.some((t) => !lockedTasks.has(t))) {
    // Not expected: every save of the item waits for its lock before it commits. A tag written
    // without a recount (plain SQL) between the function's statements would land here: its task
    // is locked now, and the specs read again after the lock.
    const all = sql`select unnest(${intArray(touched)})`
    const [, again = []] = await executeBatch(db, [lockTasksSharedQuery(all), specsOfTasksQuery(all)])
    specs = readSpecs(again)
  }
  await queueDeltas(
    req,
    db,
    deltas,
    firstDayDeltas(specs, collection, current, desired),
    ledgerWrite(collection, item, diff),
  )
  return { added: diff.add, removed: diff.remove, deltas }
}

/** The function that reads a collection's item for its recount (ensureRecountFunction). */
const recountFunction = (collection: string): SQL =>
  sql`${sql.identifier(FIRST_DAY_SCHEMA)}.${sql.identifier(`recount_${tableOf(collection)}`)}`

/**
 * Creates (or replaces, at every start) a counted collection's recount read: one function per
 * collection, so that each connection plans its statements once (planning them took longer than
 * running them). Its statements run in this order, each with a snapshot of its own (a volatile
 * function takes one per statement):
 * 1. the item's advisory lock, which serialises recounts of the same item (two editors, a job);
 * 2. the shared locks of every task the item is tagged with or counted for (firstDays.ts), so no
 *    build of their specs runs until the saving transaction ends;
 * 3. what the item should contribute (the database's published state, the main table, which
 *    drafts and autosaves never touch, never the hook's doc/previousDoc) and what the ledger says
 *    it does;
 * 4. the specs of those tasks.
 */
export async function ensureRecountFunction(db: SqlRunner, collection: string, trash: boolean): Promise<void> {
  const ledger = ident(tableOf(QUOTA_SLUGS.contributions))
  // Every task the recount can touch: the item's tags (what it should contribute comes from
  // them) and its ledger rows (what it does now).
  const tasks = sql`select r.tasks_id::int from ${ident(`${tableOf(collection)}_rels`)} r where r.parent_id = p_item and r.path = 'tasks'
    union select task::int from ${ledger} where content_type = ${collection} and item = p_item`
  const none = sql`null::int, null::text, null::int[], null::text[], null::text`
  await db.execute(
    sql`create or replace function ${recountFunction(collection)}(p_item int, p_tz text)
      returns table (source text, task int, channel int, day text, channels int[], content_types text[], from_day text)
      language plpgsql volatile as $$
      #variable_conflict use_column
      begin
        perform pg_advisory_xact_lock(hashtext(${collection}), p_item);
        return query select 'locked'::text, l.task::int, ${none} from (${lockTasksSharedQuery(tasks)}) l;
        return query select 'desired'::text, d.task::int, d.channel::int, d.day::text, null::int[], null::text[], null::text
          from (${contributionsQuery(collection, sql.raw('p_tz'), trash)} and c.id = p_item) d
          union all
          select 'recorded', l.task::int, l.channel::int, l.day::text, null, null, null
          from ${ledger} l where l.content_type = ${collection} and l.item = p_item;
        return query select 'spec'::text, s.task::int, null::int, null::text, s.channels, s.content_types, s.from_day::text
          from (${specsOfTasksQuery(tasks)}) s;
      end $$`.inlineParams(),
  )
}

function toContribution(row: Record<string, unknown>): Contribution {
  return { task: Number(row.task), channel: Number(row.channel), day: String(row.day) }
}

const writeLedgerFunction = sql`${sql.identifier(FIRST_DAY_SCHEMA)}.write_ledger`

/**
 * The statement that writes the item's ledger rows (they belong to this item only, and the
 * item's lock keeps other writers of it waiting): a call, with the rows as arrays.
 */
function ledgerWrite(collection: string, item: number, diff: { add: Contribution[]; remove: Contribution[] }): SQL {
  const arrays = (rows: Contribution[]) =>
    sql.join(
      [intArray(rows.map((c) => c.task)), intArray(rows.map((c) => c.channel)), textArray(rows.map((c) => c.day))],
      sql`, `,
    )
  return sql`select ${writeLedgerFunction}(${collection}::text, ${item}::int, ${arrays(diff.add)}, ${arrays(diff.remove)})`
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
