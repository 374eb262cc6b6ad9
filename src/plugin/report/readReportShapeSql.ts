import type { SQL } from 'drizzle-orm'
import type { Payload, PayloadRequest } from 'payload'
import { reportNameIds, type ReportParams, type ReportShape } from '../../domain/reportAssembly'
import { SLUGS } from '../../domain/slugs'
import { sortTasks } from '../../domain/taskOrder'
import { countingTimeZone, hasTrash } from '../counting/engine/settings'
import { ident, sql, tableOf } from '../counting/engine/sql'
import { requestOrPoolRunner } from '../db/postgres'

type Row = Record<string, unknown>

/**
 * The report's shape in one SQL statement, for readers who see every plan, task, unit and
 * channel as stored (readerSeesEverything.ts; buildReport.ts decides). Payload's find spends
 * 40-60 ms of Node CPU on a national plan's 200 tasks (select and where building, then walking
 * every array row and relationship), where this takes a few ms (bench/reportScale.ts,
 * BENCH_PROFILE); the report must stay under 50 ms cold (issue #24).
 *
 * Returns what readReportShape's Payload reads return, in the same shapes: tasks with the fields
 * it selects (dates as Payload prints them, numbers as numbers, relationships as ids in their
 * order, array rows in theirs), in report order, and the names of the lead units and of the
 * content targets' channels. Of the plan, what the report reads: id, code, title and period.
 * test/int/reportShapeSql.test.ts compares the two paths.
 */
export async function readReportShapeSql(req: PayloadRequest, params: ReportParams): Promise<ReportShape | null> {
  const { payload } = req
  const db = await requestOrPoolRunner(payload, req)
  const { rows } = await db.execute(shapeQuery(payload, params))
  const r = (rows[0] ?? {}) as Record<keyof Columns, unknown>
  const plan = parsed(r.plan) as PlanRow | null
  if (!plan) return null
  const tasks = sortTasks(assembleTasks(r))
  const named = reportNameIds(tasks)
  return {
    plan: {
      id: plan.id,
      code: plan.code,
      title: plan.title,
      period: { from: iso(plan.period_from), to: iso(plan.period_to) },
    },
    tasks,
    unitNames: namesOf(r.unit_names, named.units),
    channelNames: namesOf(r.channel_names, named.channels),
    tz: countingTimeZone(payload),
  }
}

/** The statement's columns: each a json array of plain rows (or one row), joined up in Node. */
interface Columns {
  plan: PlanRow | null
  tasks: TaskRow[] | null
  targets: TargetRow[] | null
  rels: Array<[number, string, number[]]> | null
  content_types: Array<[string, string[]]> | null
  progress: ProgressRow[] | null
  unit_names: Array<[number, string]> | null
  channel_names: Array<[number, string]> | null
}
interface PlanRow {
  id: number
  code: string
  title: string
  period_from: string | null
  period_to: string | null
}
interface TaskRow {
  id: number
  code: string
  title: string
  sort_order: number | null
  timeframe_kind: string | null
  timeframe_deadline: string | null
  timeframe_recurrence: string | null
  timeframe_year: number | null
}
interface TargetRow {
  _parent_id: number
  id: string
  kind: string
  label: string | null
  quantity: number | null
  mode: string | null
  window_start: string | null
  document_id: number | null
  submitted: boolean | null
  submitted_at: string | null
  indicator_unit: string | null
  target_value: number | null
}
interface ProgressRow {
  _parent_id: string
  id: string
  date: string | null
  value: number | null
  evidence: string | null
  evidence_file_id: number | null
}

/** node-postgres parses json columns already; a driver that does not leaves text. */
const parsed = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v)
const list = <T>(v: unknown): T[] => (parsed(v) as T[] | null) ?? []

/** A timestamp as Payload prints a date field (its own conversion: ISO 8601, UTC, milliseconds). */
const iso = (v: string | null): string | null => (v === null ? null : new Date(v).toISOString())

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>()
  for (const row of rows) {
    const group = out.get(key(row))
    if (group) group.push(row)
    else out.set(key(row), [row])
  }
  return out
}

/**
 * The tasks as Payload's find returns them with readReportShape's select. Relationship ids are
 * stored per task under their field's path, a target's under its position in the array
 * (`targets.<index>.channels`, counted from 0 in `_order` order, as Payload reads them back).
 */
function assembleTasks(r: Record<keyof Columns, unknown>): Row[] {
  const rels = new Map<number, Map<string, number[]>>()
  for (const [task, path, ids] of list<[number, string, number[]]>(r.rels)) {
    let paths = rels.get(task)
    if (!paths) rels.set(task, (paths = new Map()))
    paths.set(path, ids)
  }
  const contentTypes = new Map(list<[string, string[]]>(r.content_types))
  const progress = groupBy(list<ProgressRow>(r.progress), (p) => p._parent_id)
  const targets = groupBy(list<TargetRow>(r.targets), (x) => x._parent_id)
  return list<TaskRow>(r.tasks).map((t) => {
    const paths = rels.get(t.id)
    return {
      id: t.id,
      code: t.code,
      title: t.title,
      sortOrder: t.sort_order,
      timeframe: {
        kind: t.timeframe_kind,
        deadline: iso(t.timeframe_deadline),
        recurrence: t.timeframe_recurrence,
        year: t.timeframe_year,
      },
      leadUnits: paths?.get('leadUnits') ?? [],
      targets: (targets.get(t.id) ?? []).map((x, index) => ({
        id: x.id,
        kind: x.kind,
        label: x.label,
        quantity: x.quantity,
        mode: x.mode,
        windowStart: iso(x.window_start),
        contentTypes: contentTypes.get(x.id) ?? [],
        channels: paths?.get(`targets.${index}.channels`) ?? [],
        document: x.document_id,
        submitted: x.submitted,
        submittedAt: iso(x.submitted_at),
        indicatorUnit: x.indicator_unit,
        targetValue: x.target_value,
        progress: (progress.get(x.id) ?? []).map((p) => ({
          id: p.id,
          date: iso(p.date),
          value: p.value,
          evidence: p.evidence,
          evidenceFile: p.evidence_file_id,
        })),
      })),
    }
  })
}

/** The names of the given ids, as Payload's find by these ids gives them. */
function namesOf(v: unknown, ids: readonly number[]): Map<number, string> {
  const all = new Map(list<[number, string]>(v))
  return new Map(ids.flatMap((id) => (all.has(id) ? [[id, all.get(id)!] as const] : [])))
}

/** Payload's find leaves trashed documents out; the table has the column only with trash on. */
const live = (payload: Payload, slug: string, alias: string): SQL =>
  hasTrash(payload, slug) ? sql` and ${ident(alias)}.deleted_at is null` : sql``

const idArray = (ids: readonly number[]): string => `{${ids.map((id) => Math.trunc(Number(id))).join(',')}}`

/**
 * The plan, the tasks in scope, their targets, lead-unit and channel relationships, content
 * types and progress rows, and the names of the units and channels they point to: each table
 * read once, as plain rows aggregated into json (row_to_json over a row type is several times
 * cheaper in Postgres than building nested objects with json_build_object per row).
 */
function shapeQuery(payload: Payload, params: ReportParams): SQL {
  const table = (name: string): SQL => ident(name)
  const tasks = tableOf(SLUGS.tasks)
  const rels = table(`${tasks}_rels`)
  // Ids as bigint: a well-formed but too large id (reportParams allows ten digits) finds
  // nothing rather than failing the statement (Payload's find fails with a database error).
  const scope: SQL[] = [sql`t.plan_id = ${params.plan}::bigint`]
  // A unit's report rolls up: tasks led by it or by any unit below it.
  if (params.unit)
    scope.push(sql`exists (select 1 from ${rels} r
      where r.parent_id = t.id and r.path = 'leadUnits' and r.units_id in (select id from scope_units))`)
  if (params.tasks) scope.push(sql`t.id = any(${idArray(params.tasks)}::bigint[])`)
  // As unitWithDescendants over Payload's units: the unit itself, then the children of any unit
  // reached; `union` drops repeats, so a parent cycle ends.
  const unitTree = params.unit
    ? sql`scope_units(id) as (
    select ${params.unit}::bigint
    union
    select u.id::bigint from ${table(tableOf(SLUGS.units))} u join scope_units s on u.parent_id = s.id
    where true${live(payload, SLUGS.units, 'u')}
  ),`
    : sql``
  return sql`with recursive ${unitTree}
  st as (
    select t.id, t.code, t.title, t.sort_order, t.timeframe_kind, t.timeframe_deadline, t.timeframe_recurrence,
      t.timeframe_year
    from ${table(tasks)} t where ${sql.join(scope, sql` and `)}${live(payload, SLUGS.tasks, 't')}
  ),
  tg as (
    select x._parent_id, x._order, x.id, x.kind, x.label, x.quantity, x.mode, x.window_start, x.document_id,
      x.submitted, x.submitted_at, x.indicator_unit, x.target_value
    from ${table(`${tasks}_targets`)} x where x._parent_id in (select id from st)
  ),
  rel as (
    select r.parent_id, r.path, r."order", r.id, coalesce(r.units_id, r.channels_id) as ref
    from ${rels} r where r.parent_id in (select id from st)
      and ((r.path = 'leadUnits' and r.units_id is not null)
        or (r.path like 'targets.%.channels' and r.channels_id is not null))
  )
select
  (select row_to_json(p) from (
     select p.id, p.code, p.title, p.period_from, p.period_to from ${table(tableOf(SLUGS.plans))} p
     where p.id = ${params.plan}::bigint${live(payload, SLUGS.plans, 'p')}) p) as plan,
  (select json_agg(st) from st) as tasks,
  (select json_agg(tg order by tg._parent_id, tg._order) from tg) as targets,
  (select json_agg(json_build_array(g.parent_id, g.path, g.ids)) from (
     select rel.parent_id, rel.path, array_agg(rel.ref order by rel."order", rel.id) as ids
     from rel group by rel.parent_id, rel.path) g) as rels,
  (select json_agg(json_build_array(g.parent_id, g.types)) from (
     select c.parent_id, array_agg(c.value order by c."order") as types
     from ${table(`${tasks}_targets_content_types`)} c where c.parent_id in (select id from tg)
     group by c.parent_id) g) as content_types,
  (select json_agg(p order by p._parent_id, p._order) from (
     select p._parent_id, p._order, p.id, p.date, p.value, p.evidence, p.evidence_file_id
     from ${table(`${tasks}_targets_progress`)} p where p._parent_id in (select id from tg)) p) as progress,
  (select json_agg(json_build_array(u.id, u.name)) from ${table(tableOf(SLUGS.units))} u
   where u.id in (select ref from rel where path = 'leadUnits')${live(payload, SLUGS.units, 'u')}) as unit_names,
  (select json_agg(json_build_array(c.id, c.name)) from ${table(tableOf(SLUGS.channels))} c
   where c.id in (select ref from rel where path <> 'leadUnits')${live(payload, SLUGS.channels, 'c')}) as channel_names`
}
