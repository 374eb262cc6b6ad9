import type { Payload } from 'payload'
import { QUOTA_SLUGS } from '../../../domain/slugs'
import { contributionsQuery } from './contributionsQuery'
import { reconcileFirstDays, type FirstDayDrift } from './firstDays'
import { countedCollections, countingTimeZone, hasTrash } from './settings'
import { STRUCTURE_SCOPE, bumpVersions } from './versions'
import { inTransaction, type SqlRunner } from '../../db/postgres'
import { ident, sql, tableOf } from './sql'

export interface LedgerRow {
  contentType: string
  item: number
  task: number
  channel: number
  day: string
}

export interface TallyDrift {
  task: number
  channel: number
  contentType: string
  day: string
  stored: number
  expected: number
}

export interface ReconcileReport {
  checkedAt: string
  /** The drifted rows, at most `maxRows` of each kind (see `counts` for the totals). */
  drift: { ledgerMissing: LedgerRow[]; ledgerExtra: LedgerRow[]; tallies: TallyDrift[] }
  counts: { ledgerMissing: number; ledgerExtra: number; tallies: number }
  /**
   * The first-publication store (firstDays.ts) checked against the repaired ledger: the (spec,
   * year) rows that differed, the specs kept, and the specs dropped as unread.
   */
  firstDays: { drift: FirstDayDrift[]; specs: number; pruned: number }
  /** True when drift was found and written back (only with `repair`). */
  repaired: boolean
}

/**
 * Recomputes every contribution and tally from the content tables, and every kept first-day
 * count from the ledger, reports where the stored ones differ and, with `repair`, makes them equal. Runs in one transaction holding the ledger
 * and tallies against concurrent writers (saves wait, then recount on top of the repaired
 * state), so the report is a consistent picture. Running it twice changes nothing the second
 * time.
 */
export async function reconcile(
  payload: Payload,
  options: { repair: boolean; maxRows?: number },
): Promise<ReconcileReport> {
  return inTransaction(payload, 'reconciliation', (db) =>
    reconcileIn(db, payload, options.repair, options.maxRows ?? 1000),
  )
}

async function reconcileIn(
  db: SqlRunner,
  payload: Payload,
  repair: boolean,
  maxRows: number,
): Promise<ReconcileReport> {
  const ledger = ident(tableOf(QUOTA_SLUGS.contributions))
  const tallies = ident(tableOf(QUOTA_SLUGS.tallies))
  const timeZone = countingTimeZone(payload)
  await db.execute(sql`lock table ${ledger}, ${tallies} in share row exclusive mode`)

  const parts = countedCollections(payload).map((slug) => contributionsQuery(slug, timeZone, hasTrash(payload, slug)))
  const truth =
    parts.length > 0
      ? sql.join(parts, sql` union all `)
      : sql`select null::text as content_type, null::int as item, null::int as task, null::int as channel, null::text as day where false`
  await db.execute(sql`create temp table quota_truth on commit drop as ${truth}`)

  // The differences are kept in temp tables: counted in full, listed up to maxRows, repaired
  // set-based. A rebuild from an empty ledger is millions of rows and must not pass through JS.
  await db.execute(sql`create temp table quota_missing on commit drop as
    select content_type, item, task, channel, day from quota_truth
    except select content_type, item, task, channel, day from ${ledger}`)
  await db.execute(sql`create temp table quota_extra on commit drop as
    select content_type, item, task, channel, day from ${ledger}
    except select content_type, item, task, channel, day from quota_truth`)
  await db.execute(sql`create temp table quota_tally_drift on commit drop as
    with expected as (
      select task, channel, content_type, day, count(distinct item)::int as n from quota_truth group by 1, 2, 3, 4
    )
    select coalesce(s.task, e.task) as task, coalesce(s.channel, e.channel) as channel,
           coalesce(s.content_type, e.content_type) as content_type, coalesce(s.day, e.day) as day,
           coalesce(s.count, 0)::int as stored, coalesce(e.n, 0) as expected
    from ${tallies} s full outer join expected e
      on s.task = e.task and s.channel = e.channel and s.content_type = e.content_type and s.day = e.day
    where coalesce(s.count, 0) <> coalesce(e.n, 0)`)
  const count = async (table: string) =>
    Number((await db.execute(sql`select count(*)::int as n from ${ident(table)}`)).rows[0]?.n ?? 0)
  const counts = {
    ledgerMissing: await count('quota_missing'),
    ledgerExtra: await count('quota_extra'),
    tallies: await count('quota_tally_drift'),
  }
  const list = (table: string) => db.execute(sql`select * from ${ident(table)} order by 1, 2, 3, 4, 5 limit ${maxRows}`)
  const ledgerMissing = (await list('quota_missing')).rows.map(toLedgerRow)
  const ledgerExtra = (await list('quota_extra')).rows.map(toLedgerRow)
  const tallyDrift = (await list('quota_tally_drift')).rows.map(toTallyDrift)

  const drifted = counts.ledgerMissing + counts.ledgerExtra + counts.tallies > 0
  if (repair && drifted) {
    await db.execute(sql`
      delete from ${ledger} l using quota_extra x
      where l.content_type = x.content_type and l.item = x.item and l.task = x.task and l.channel = x.channel and l.day = x.day`)
    await db.execute(sql`
      insert into ${ledger} (content_type, item, task, channel, day)
      select content_type, item, task, channel, day from quota_missing`)
    await db.execute(sql`
      insert into ${tallies} (task, channel, content_type, day, count)
      select task, channel, content_type, day, expected from quota_tally_drift
      on conflict (task, channel, content_type, day) do update set count = excluded.count, updated_at = now()`)
  }
  // Against the ledger as repaired (or as it is, without repair): a ledger repair moves first days.
  const firstDays = await reconcileFirstDays(db, repair)
  const firstDaysDrifted = firstDays.drift.length > 0
  if (repair && (drifted || firstDaysDrifted)) {
    // Cached reports may hold the drifted numbers; a repair is rare, so all of them go.
    await bumpVersions(db, [STRUCTURE_SCOPE])
  }
  return {
    checkedAt: new Date().toISOString(),
    drift: { ledgerMissing, ledgerExtra, tallies: tallyDrift },
    counts,
    firstDays,
    repaired: repair && (drifted || firstDaysDrifted),
  }
}

function toLedgerRow(r: Record<string, unknown>): LedgerRow {
  return {
    contentType: String(r.content_type),
    item: Number(r.item),
    task: Number(r.task),
    channel: Number(r.channel),
    day: String(r.day),
  }
}

function toTallyDrift(r: Record<string, unknown>): TallyDrift {
  return {
    task: Number(r.task),
    channel: Number(r.channel),
    contentType: String(r.content_type),
    day: String(r.day),
    stored: Number(r.stored),
    expected: Number(r.expected),
  }
}
