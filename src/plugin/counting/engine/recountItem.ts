import type { SQL } from 'drizzle-orm'
import type { PayloadRequest } from 'payload'
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
import { lockTasksSharedQuery, readSpecs, specsOfTasksQuery } from './firstDays'
import { queueDeltas, takeQueuedWrites } from './pendingTallies'
import { hasTrash } from './settings'
import { executeBatch, ident, intArray, sql, tableOf, transactionRunner } from './sql'

export interface RecountResult {
  added: Contribution[]
  removed: Contribution[]
  deltas: TallyDelta[]
}

/**
 * Brings one item's contributions and the tallies in line with what the item contributes now,
 * inside the saving transaction, in two round trips (executeBatch):
 *
 * 1. a per-item advisory lock serialises recounts of the same item (two editors, a job); then
 *    the shared locks of every task the item is tagged with or counted for (firstDays.ts), so no
 *    build of their specs runs until this transaction ends; then, each statement with a snapshot
 *    taken after those locks, what the item should contribute (read from the database's published
 *    state, the main table, which drafts and autosaves never touch, never from the hook's
 *    doc/previousDoc), what the ledger says it does, and the specs of those tasks;
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

  const ledger = ident(tableOf(QUOTA_SLUGS.contributions))
  // Every task the recount can touch: the item's tags (what it should contribute comes from
  // them) and its ledger rows (what it does now).
  const tasks = sql`select r.tasks_id::int from ${ident(`${tableOf(collection)}_rels`)} r where r.parent_id = ${item} and r.path = 'tasks'
    union select task from ${ledger} where content_type = ${collection} and item = ${item}`
  // Ledger writes the operation queued for items recounted before this one go first.
  const queued = await takeQueuedWrites(req)
  const results = await executeBatch(db, [
    ...queued,
    sql`select pg_advisory_xact_lock(hashtext(${collection}), ${item})`,
    lockTasksSharedQuery(tasks),
    sql`select 'desired' as source, task, channel, day from (${contributionsQuery(collection, timeZone, hasTrash(req.payload, collection))} and c.id = ${item}) d
      union all
      select 'recorded', task, channel, day from ${ledger} where content_type = ${collection} and item = ${item}`,
    specsOfTasksQuery(tasks),
  ])
  const [, locked = [], contributions = [], specRows = []] = results.slice(queued.length)
  const desired = normalizeContributions(contributions.filter((r) => r.source === 'desired').map(toContribution))
  const current = normalizeContributions(contributions.filter((r) => r.source === 'recorded').map(toContribution))
  const diff = diffContributions(current, desired)
  const deltas = tallyDeltas(collection, diff)
  if (diff.add.length + diff.remove.length === 0) return { added: [], removed: [], deltas }

  let specs = readSpecs(specRows)
  const lockedTasks = new Set(locked.map((r) => Number(r.task)))
  const touched = [...new Set([...current, ...desired].map((c) => c.task))]
  if (touched.some((t) => !lockedTasks.has(t))) {
    // Not expected: every save of the item waits for its lock above before it commits. A tag
    // written without a recount (plain SQL) between the statements would land here: its task is
    // locked now, and the specs read again after the lock.
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

function toContribution(row: Record<string, unknown>): Contribution {
  return { task: Number(row.task), channel: Number(row.channel), day: String(row.day) }
}

const row = (c: Contribution): SQL => sql`(${c.task}::int, ${c.channel}::int, ${c.day}::text)`

/**
 * The statement that writes the item's ledger rows (they belong to this item only, and the
 * item's lock keeps other writers of it waiting).
 */
function ledgerWrite(collection: string, item: number, diff: { add: Contribution[]; remove: Contribution[] }): SQL {
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
  return sql`with ${removed}, ${added} select 1`
}
