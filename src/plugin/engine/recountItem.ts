import type { SQL } from 'drizzle-orm'
import type { PayloadRequest } from 'payload'
import {
  diffContributions,
  normalizeContributions,
  tallyDeltas,
  type Contribution,
  type TallyDelta,
} from '../../domain/counting'
import { QUOTA_SLUGS } from '../../slugs'
import { contributionsQuery } from './contributionsQuery'
import { hasTrash } from './settings'
import { ident, sql, tableOf, transactionRunner, type SqlRunner } from './sql'

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
 * 3. the difference to the ledger is applied to the ledger and, as +/- deltas, to the tallies,
 *    in one global key order so concurrent writers cannot deadlock.
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
  await writeChanges(db, collection, item, diff, deltas)
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
 * Ledger and tallies in one statement (data-modifying CTEs), so a publish costs one write round
 * trip. Tally rows are upserted in the global key order, so Postgres takes their locks in that
 * order and concurrent writers cannot deadlock.
 */
async function writeChanges(
  db: SqlRunner,
  collection: string,
  item: number,
  diff: { add: Contribution[]; remove: Contribution[] },
  deltas: TallyDelta[],
): Promise<void> {
  if (diff.add.length === 0 && diff.remove.length === 0) return
  const ledger = ident(tableOf(QUOTA_SLUGS.contributions))
  const tallies = ident(tableOf(QUOTA_SLUGS.tallies))
  const steps: SQL[] = []
  if (diff.remove.length > 0) {
    steps.push(sql`removed as (
      delete from ${ledger} l using (values ${sql.join(diff.remove.map(row), sql`, `)}) as x(task, channel, day)
      where l.content_type = ${collection} and l.item = ${item} and l.task = x.task and l.channel = x.channel and l.day = x.day)`)
  }
  if (diff.add.length > 0) {
    steps.push(sql`added as (
      insert into ${ledger} (content_type, item, task, channel, day)
      select ${collection}, ${item}::int, task, channel, day from (values ${sql.join(diff.add.map(row), sql`, `)}) as x(task, channel, day))`)
  }
  const values = sql.join(
    deltas.map(
      (d) => sql`(${d.task}::int, ${d.channel}::int, ${d.contentType}::text, ${d.day}::text, ${d.delta}::numeric)`,
    ),
    sql`, `,
  )
  const { rows } = await db.execute(sql`
    with ${sql.join(steps, sql`, `)}
    insert into ${tallies} (task, channel, content_type, day, count) values ${values}
    on conflict (task, channel, content_type, day) do update set count = ${tallies}.count + excluded.count, updated_at = now()
    returning task, channel, content_type, day, count`)
  const negative = rows.find((r) => Number(r.count) < 0)
  if (negative) {
    // Invariant I3. Throwing rolls the whole save back; reconciliation repairs the cause.
    throw new Error(`[comms-quota] tally would go negative: ${JSON.stringify(negative)}; the save was rolled back`)
  }
}
