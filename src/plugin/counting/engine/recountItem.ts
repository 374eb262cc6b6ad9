import type { SQL } from 'drizzle-orm'
import type { PayloadRequest } from 'payload'
import {
  diffContributions,
  normalizeContributions,
  tallyDeltas,
  type Contribution,
  type TallyDelta,
} from '../../../domain/counting'
import { firstDayDeltas, type FirstDaySpec } from '../../../domain/firstDays'
import { QUOTA_SLUGS } from '../../../domain/slugs'
import { contributionsQuery } from './contributionsQuery'
import { lockTasksShared, specsOfTasks } from './firstDays'
import { queueDeltas } from './pendingTallies'
import { hasTrash } from './settings'
import type { SqlRunner } from '../../db/postgres'
import { ident, sql, tableOf, transactionRunner } from './sql'

export interface RecountResult {
  added: Contribution[]
  removed: Contribution[]
  deltas: TallyDelta[]
}

/**
 * Brings one item's contributions and the tallies in line with what the item contributes now,
 * inside the saving transaction:
 *
 * 1. a per-item advisory lock serialises recounts of the same item (two editors, a job);
 * 2. what the item should contribute is read from the database's published state (the main
 *    table, which drafts and autosaves never touch), never from the hook's doc/previousDoc;
 * 3. the difference is applied to the item's ledger rows at once, and queued as +/- tally
 *    deltas that the end of the operation writes in one global key order (pendingTallies.ts),
 *    so concurrent writers, bulk operations included, cannot deadlock on tally rows;
 * 4. so are the moves of its first days under each kept spec of its tasks (firstDays.ts), which
 *    reports read instead of counting the ledger.
 *
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

  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${collection}), ${item})`)
  const { desired, current } = await readContributions(
    db,
    collection,
    item,
    timeZone,
    hasTrash(req.payload, collection),
  )
  const diff = diffContributions(current, desired)
  const deltas = tallyDeltas(collection, diff)
  // Only a changed ledger can move a first day. The tasks' locks come first, the ledger rows
  // after: one order for every writer (task locks, ledger, tallies, first-day rows, counters),
  // so deleting a task, which waits for its lock, never holds a row this save waits for.
  const moved = diff.add.length + diff.remove.length > 0
  const tasks = [...current, ...desired].map((c) => c.task)
  if (moved) await lockTasksShared(db, tasks)
  // The ledger write also reads the tasks' specs: one round trip, its snapshot after the locks.
  const specs = await writeLedger(db, collection, item, diff, specsOfTasks(tasks))
  await queueDeltas(req, db, deltas, firstDayDeltas(specs, collection, current, desired))
  return { added: diff.add, removed: diff.remove, deltas }
}

/** What the item should contribute and what the ledger says it does, in one round trip. */
async function readContributions(
  db: SqlRunner,
  collection: string,
  item: number,
  timeZone: string,
  trash: boolean,
): Promise<{ desired: Contribution[]; current: Contribution[] }> {
  const { rows } = await db.execute(sql`
    select 'desired' as source, task, channel, day from (${contributionsQuery(collection, timeZone, trash)} and c.id = ${item}) d
    union all
    select 'recorded', task, channel, day from ${ident(tableOf(QUOTA_SLUGS.contributions))}
    where content_type = ${collection} and item = ${item}`)
  return {
    desired: normalizeContributions(rows.filter((r) => r.source === 'desired').map(toContribution)),
    current: normalizeContributions(rows.filter((r) => r.source === 'recorded').map(toContribution)),
  }
}

function toContribution(row: Record<string, unknown>): Contribution {
  return { task: Number(row.task), channel: Number(row.channel), day: String(row.day) }
}

const row = (c: Contribution): SQL => sql`(${c.task}::int, ${c.channel}::int, ${c.day}::text)`

/**
 * The item's ledger rows, written at once (they belong to this item only, and the item's main
 * row lock or advisory lock keeps other writers of it waiting), in one statement that also reads
 * the specs of the item's tasks. Nothing to write, nothing read: no first day can move.
 */
async function writeLedger(
  db: SqlRunner,
  collection: string,
  item: number,
  diff: { add: Contribution[]; remove: Contribution[] },
  specs: ReturnType<typeof specsOfTasks>,
): Promise<FirstDaySpec[]> {
  if (diff.add.length === 0 && diff.remove.length === 0) return []
  const ledger = ident(tableOf(QUOTA_SLUGS.contributions))
  const removed =
    diff.remove.length > 0
      ? sql`removed as (
          delete from ${ledger} l using (values ${sql.join(diff.remove.map(row), sql`, `)}) as x(task, channel, day)
          where l.content_type = ${collection} and l.item = ${item} and l.task = x.task and l.channel = x.channel and l.day = x.day
          returning 1)`
      : sql`removed as (select 1 where false)`
  const added =
    diff.add.length > 0
      ? sql`added as (insert into ${ledger} (content_type, item, task, channel, day)
          select ${collection}, ${item}::int, task, channel, day from (values ${sql.join(diff.add.map(row), sql`, `)}) as x(task, channel, day)
          returning 1)`
      : sql`added as (select 1 where false)`
  // Data-modifying WITH parts run to completion whether or not the main query reads them.
  const { rows } = await db.execute(sql`with ${removed}, ${added} ${specs.query}`)
  return specs.read(rows)
}
