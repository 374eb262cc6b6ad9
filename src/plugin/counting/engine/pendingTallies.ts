import type { PayloadRequest } from 'payload'
import { compareTallyKey, type TallyDelta } from '../../../domain/counting'
import { yearSteps, type FirstDayDelta } from '../../../domain/firstDays'
import { QUOTA_SLUGS } from '../../../domain/slugs'
import { requestSession, type SqlRunner } from '../../db/postgres'
import { addYearSteps, checkYearSteps, FIRST_DAY_SCHEMA, stepArrays } from './firstDays'
import { ident, intArray, sql, tableOf, textArray } from './sql'
import { taskScope } from './versions'

/**
 * In a bulk operation, tally deltas wait until the end of the operation that caused them, then
 * are written in one statement in the global key order. A bulk update recounts many items in one
 * transaction; if each recount wrote its own tallies, that transaction would lock tally rows in
 * document order and could deadlock with a concurrent single save. Written last and sorted, the
 * tally locks of any two transactions are taken in the same order, and nothing else is locked
 * after them. An operation on one item has one recount, whose deltas are already in that order:
 * it writes them itself (writesDirectly), saving a round trip. A host's hook that saves another
 * counted item with the same request after that recount (a later afterChange hook, an
 * afterOperation hook) writes a second sorted batch in the transaction; a deadlock that could
 * cause is one Postgres detects and fails, never a wrong count.
 *
 * State lives per transaction (keyed by Payload's session object, which disappears on commit or
 * rollback, so an aborted transaction leaves nothing behind).
 */
interface Scope {
  depth: number
  deltas: Map<string, TallyDelta>
  /** First-publication count changes (engine/firstDays.ts), written after the tallies. */
  firstDays: FirstDayDelta[]
  /**
   * The outermost operation writes one item (a save, delete or restore of one document): its
   * only recount may write everything at once, there being nothing to sort it with.
   */
  single: boolean
}

const scopes = new WeakMap<object, Scope>()

async function sessionOf(req: Partial<PayloadRequest>): Promise<{ key: object; db: SqlRunner } | undefined> {
  if (!req.payload) return undefined
  const session = await requestSession(req.payload, req)
  return session ? { key: session, db: session.db } : undefined
}

const emptyScope = (): Scope => ({ depth: 0, deltas: new Map(), firstDays: [], single: false })

/**
 * An operation on a counted collection begins: its tally deltas wait for its end, unless it is
 * the outermost and writes one item (`single`: a create, restore, or update or delete by id).
 */
export async function openScope(req: Partial<PayloadRequest>, single: boolean): Promise<void> {
  const session = await sessionOf(req)
  if (!session) return
  const scope = scopes.get(session.key) ?? emptyScope()
  if (scope.depth === 0) scope.single = single
  scope.depth += 1
  scopes.set(session.key, scope)
}

/**
 * Whether a recount now writes its tallies, first-day rows and counters itself, in its own
 * round trip, rather than leaving them for the end of the operation: outside any operation, and
 * in an operation on one item before anything is queued (a hook's nested save, which opens a
 * deeper scope, queues as before).
 */
export async function writesDirectly(req: Partial<PayloadRequest>): Promise<boolean> {
  const session = await sessionOf(req)
  const scope = session && scopes.get(session.key)
  if (!scope || scope.depth === 0) return true
  return scope.single && scope.depth === 1 && scope.deltas.size === 0 && scope.firstDays.length === 0
}

/** The operation ends (still inside its transaction): the outermost one writes the tallies. */
export async function closeScope(req: Partial<PayloadRequest>): Promise<void> {
  const session = await sessionOf(req)
  if (!session) return
  const scope = scopes.get(session.key)
  if (!scope) return
  scope.depth = Math.max(0, scope.depth - 1)
  if (scope.depth === 0) await flush(session.db, scope)
}

/** Queues an item's deltas; outside any open operation they are written at once. */
export async function queueDeltas(
  req: PayloadRequest,
  db: SqlRunner,
  deltas: TallyDelta[],
  firstDays: FirstDayDelta[] = [],
): Promise<void> {
  if (deltas.length === 0 && firstDays.length === 0) return
  const session = await sessionOf(req)
  const scope = (session && scopes.get(session.key)) ?? emptyScope()
  scope.firstDays.push(...firstDays)
  for (const d of deltas) {
    const k = `${d.task}|${d.channel}|${d.contentType}|${d.day}`
    const sum = scope.deltas.get(k)
    scope.deltas.set(k, sum ? { ...sum, delta: sum.delta + d.delta } : { ...d })
  }
  if (scope.depth === 0) await flush(db, scope)
}

/** Writes what the scope gathered, in one round trip. */
async function flush(db: SqlRunner, scope: Scope): Promise<void> {
  // Every task whose ledger moved, even where the deltas cancel out (one item's publication
  // swapped for another's on the same day): its distinct-item counts may still have changed.
  const touched = [...new Set([...scope.deltas.values()].map((d) => taskScope(d.task)))].sort()
  const deltas = [...scope.deltas.values()].filter((d) => d.delta !== 0).sort(compareTallyKey)
  const steps = stepArrays(yearSteps(scope.firstDays))
  scope.deltas.clear()
  scope.firstDays = []
  if (touched.length === 0 && !steps) return
  const { rows } = await db.execute(
    sql`select kind, task, channel, content_type, day, count, spec, year, ok from ${writeCounts}(
      ${intArray(deltas.map((d) => d.task))}, ${intArray(deltas.map((d) => d.channel))},
      ${textArray(deltas.map((d) => d.contentType))}, ${textArray(deltas.map((d) => d.day))},
      ${intArray(deltas.map((d) => d.delta))}, ${steps ?? sql`'{}'::text[], '{}'::int[], '{}'::int[], '{}'::int[]`},
      ${textArray(touched)})`,
  )
  checkWritten(rows)
}

/** Fails the operation (I3) when a tally or first-day count it wrote went below zero. */
export function checkWritten(written: ReadonlyArray<Record<string, unknown>>): void {
  const negative = written.find((r) => r.kind === 'tally' && r.ok !== true)
  if (negative) {
    const { task, channel, content_type, day, count } = negative
    // Invariant I3. Throwing fails the operation, which rolls the whole transaction back.
    throw new Error(
      `[comms-quota] tally would go negative: ${JSON.stringify({ task, channel, content_type, day, count })}; the save was rolled back`,
    )
  }
  checkYearSteps(written.filter((r) => r.kind === 'firstDay'))
}

/** Writes an operation's tallies, first-day rows and counters (ensureWriteCountsFunction). */
export const writeCounts = sql`${sql.identifier(FIRST_DAY_SCHEMA)}.write_counts`

/**
 * Creates (or replaces, at every start) the function that writes what an operation counted, so
 * that each connection plans its statements once (planning them took longer than running them).
 * Every writer takes tallies, then first-day rows, then counters, each in one sorted order: the
 * tallies in the order given (compareTallyKey), the first-day rows by add_year_steps, the
 * counters by scope. Returns the tallies and first-day rows written, with whether they stay >= 0.
 */
export async function ensureWriteCountsFunction(db: SqlRunner): Promise<void> {
  const tallies = ident(tableOf(QUOTA_SLUGS.tallies))
  const versions = ident(tableOf(QUOTA_SLUGS.versions))
  await db.execute(
    sql`create or replace function ${writeCounts}(
        t_task int[], t_channel int[], t_type text[], t_day text[], t_delta int[],
        s_spec text[], s_year int[], s_day int[], s_delta int[], scopes text[])
      returns table (kind text, task int, channel int, content_type text, day text, count numeric, spec text, year int, ok boolean)
      language plpgsql volatile as $$
      #variable_conflict use_column
      begin
        return query
          with w as (
            insert into ${tallies} as t (task, channel, content_type, day, count)
            select x.task, x.channel, x.type, x.day, x.delta
            from unnest(t_task, t_channel, t_type, t_day, t_delta) with ordinality as x(task, channel, type, day, delta, n)
            order by x.n
            on conflict (task, channel, content_type, day) do update set count = t.count + excluded.count, updated_at = now()
            returning t.task, t.channel, t.content_type, t.day, t.count)
          select 'tally'::text, w.task::int, w.channel::int, w.content_type::text, w.day::text, w.count, null::text, null::int, w.count >= 0
          from w;
        return query
          select 'firstDay'::text, null::int, null::int, null::text, null::text, null::numeric, f.spec, f.year, f.ok
          from ${addYearSteps}(s_spec, s_year, s_day, s_delta) f;
        -- The upsert of bumpVersions (versions.ts), which also runs where counting, and so this
        -- function, is off.
        insert into ${versions} as v (scope, version) select s, 1 from unnest(scopes) s order by s collate "C"
          on conflict (scope) do update set version = v.version + 1, updated_at = now();
      end $$`.inlineParams(),
  )
}
