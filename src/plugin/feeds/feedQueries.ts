import type { SQL } from 'drizzle-orm'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import type { FeedFilter } from '../../domain/feedParams'
import { isPublishedOnlyAccess } from '../../domain/publicRead'
import { SLUGS } from '../../domain/slugs'
import { hasTrash } from '../counting/engine/settings'
import { ident, sql, tableOf } from '../counting/engine/sql'
import { poolRunner } from '../db/postgres'
import type { FeedContentFields } from './feedContent'

/**
 * The feed's reads in plain SQL. A feed is one public page read by every aggregator every few
 * minutes; through Payload's find, its dozen small reads cost about 13 ms of Node CPU (where,
 * access and select building, drizzle, afterRead shaping) while Postgres needs under 2 ms
 * (bench/RESULTS.md, "RSS feeds"). These readers return the same rows, in the same shapes, as
 * the Payload reads they replace; `test/int/feeds.test.ts` compares the two paths' feeds.
 *
 * Upload documents (infographics, posters, covers) are not read here: their URLs are made by
 * Payload's afterRead (local disk or a storage adapter), so they stay a Payload find.
 */
export type Row = Record<string, unknown> & { id: number }

const iso = (v: unknown): string | null =>
  v === null || v === undefined ? null : new Date(v instanceof Date ? v : String(v)).toISOString()

/** A Payload field name as its Postgres column (Payload's own snake_case). */
const column = (field: string): string => field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()
const COMMON_FIELDS = ['title', 'slug', 'firstPublishedAt', 'updatedAt', 'tasks', 'unit']

interface FieldLike {
  name?: string
  access?: { read?: unknown }
}

// Keyed by the access function itself, so a host that swaps it at run time gets a new verdict.
const verdicts = new WeakMap<object, Map<string, boolean>>()

/**
 * Whether the SQL item reader may stand in for Payload's public find on a collection: anonymous
 * read access is "published only" (or everything), and every field the feed shows exists and
 * has no field-level read rule. A host app that narrows public reads any other way keeps the
 * Payload path. Decided once per access function: for an anonymous request it depends on
 * nothing else.
 */
export async function sqlItemsAllowed(
  payload: Payload,
  collection: string,
  shown: FeedContentFields,
): Promise<boolean> {
  const config = (
    payload.collections as unknown as Record<
      string,
      { config: { access?: { read?: unknown }; flattenedFields?: FieldLike[] } } | undefined
    >
  )[collection]?.config
  const read = config?.access?.read
  if (!config || typeof read !== 'function') return false
  let perAccess = verdicts.get(read)
  if (!perAccess) verdicts.set(read, (perAccess = new Map()))
  const known = perAccess.get(collection)
  if (known !== undefined) return known
  const fields = new Map((config.flattenedFields ?? []).map((f) => [f.name, f]))
  const wanted = [...COMMON_FIELDS, shown.summary, shown.image].filter((n): n is string => n !== null)
  const fieldsOk = wanted.every((n) => fields.has(n) && fields.get(n)?.access?.read === undefined)
  // A whole request without a user, as Payload builds one: the rule may read any part of it.
  const anonymous = await createLocalReq({}, payload)
  const allowed =
    fieldsOk && isPublishedOnlyAccess(await (read as (args: { req: PayloadRequest }) => unknown)({ req: anonymous }))
  perAccess.set(collection, allowed)
  return allowed
}

export interface ScopeRows {
  plan: Row | null
  task: (Row & { planDoc: Row | null }) | null
  channel: Row | null
  units: Row[] | null
  planTaskIds: number[] | null
  home: Row | null
  /** Newest updatedAt per requested content type, drafts and trash included. */
  watermarks: Array<string | null>
}

const parsed = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v)

/** Plan, task (with its plan), channel, units, the plan's task ids, home channel, watermarks: one query. */
export async function readScopeRows(payload: Payload, filter: FeedFilter): Promise<ScopeRows> {
  const watermark = (t: string): SQL => sql`(select max(updated_at) from ${ident(tableOf(t))})`
  const { rows } = await poolRunner(payload).execute(sql`select
    (select json_build_object('id', p.id, 'code', p.code, 'title', p.title, 'status', p.status, 'updatedAt', p.updated_at)
       from ${ident(tableOf(SLUGS.plans))} p where p.id = ${filter.plan}::int) as plan,
    (select json_build_object('id', t.id, 'code', t.code, 'title', t.title, 'updatedAt', t.updated_at,
       'planDoc', (select json_build_object('id', p.id, 'code', p.code, 'status', p.status, 'updatedAt', p.updated_at)
                     from ${ident(tableOf(SLUGS.plans))} p where p.id = t.plan_id))
       from ${ident(tableOf(SLUGS.tasks))} t where t.id = ${filter.task}::int) as task,
    (select json_build_object('id', c.id, 'name', c.name, 'updatedAt', c.updated_at)
       from ${ident(tableOf(SLUGS.channels))} c where c.id = ${filter.channel}::int) as channel,
    ${
      filter.unit === null
        ? sql`null`
        : sql`(select coalesce(json_agg(json_build_object('id', u.id, 'name', u.name, 'parent', u.parent_id, 'updatedAt', u.updated_at) order by u.id), '[]')
       from ${ident(tableOf(SLUGS.units))} u)`
    } as units,
    ${
      filter.plan === null
        ? sql`null`
        : sql`(select coalesce(json_agg(t.id order by t.id), '[]') from ${ident(tableOf(SLUGS.tasks))} t where t.plan_id = ${filter.plan}::int)`
    } as plan_tasks,
    (select json_build_object('id', c.id, 'name', c.name, 'url', c.url, 'updatedAt', c.updated_at)
       from ${ident(tableOf(SLUGS.channels))} c where c.is_home order by c.created_at desc, c.id desc limit 1) as home,
    ${sql.join(
      filter.types.map((t, i) => sql`${watermark(t)} as ${ident(`wm_${i}`)}`),
      sql`, `,
    )}`)
  const r = rows[0] ?? {}
  const withDates = (v: unknown): Row | null => {
    const o = parsed(v) as Row | null
    if (!o) return null
    for (const k of Object.keys(o)) {
      const inner = o[k]
      if (k === 'updatedAt') o[k] = iso(inner)
      else if (inner && typeof inner === 'object' && !Array.isArray(inner)) o[k] = withDates(inner)
    }
    return o
  }
  const task = withDates(r.task) as (Row & { planDoc: Row | null }) | null
  const units = parsed(r.units) as Row[] | null
  return {
    plan: withDates(r.plan),
    task,
    channel: withDates(r.channel),
    units: units ? units.map((u) => withDates(u)!) : null,
    planTaskIds: (parsed(r.plan_tasks) as number[] | null)?.map(Number) ?? null,
    home: withDates(r.home),
    watermarks: filter.types.map((_, i) => iso(r[`wm_${i}`])),
  }
}

export interface ItemScope {
  tasks: number[] | null
  channel: number | null
  units: number[] | null
}

/**
 * The newest published, untrashed items of each type matching the scope, at most `limit` per
 * type, in the order Payload's `sort: ['-firstPublishedAt', '-id']` gives: one query for all
 * types. Rows carry the Payload field names the feed reads.
 */
export async function readItemRows(
  payload: Payload,
  types: string[],
  scope: ItemScope,
  limit: number,
  shown: Record<string, FeedContentFields>,
): Promise<Array<{ type: string; doc: Row }>> {
  if (types.length === 0) return []
  const parts = types.map((t) => {
    const table = tableOf(t)
    const f = shown[t]
    const summary = f?.summary ? sql`c.${ident(column(f.summary))}::text` : sql`null::text`
    const image = f?.image ? sql`c.${ident(`${column(f.image)}_id`)}` : sql`null::int`
    const rels = ident(`${table}_rels`)
    const conds: SQL[] = [sql`c._status = 'published'`]
    if (hasTrash(payload, t)) conds.push(sql`c.deleted_at is null`)
    if (scope.tasks)
      conds.push(
        sql`exists (select 1 from ${rels} r where r.parent_id = c.id and r.path = 'tasks' and r.tasks_id = any(${`{${scope.tasks.join(',')}}`}::int[]))`,
      )
    if (scope.channel !== null)
      conds.push(
        sql`exists (select 1 from ${ident(`${table}_publications`)} p where p._parent_id = c.id and p.channel_id = ${scope.channel}::int)`,
      )
    if (scope.units) conds.push(sql`c.unit_id = any(${`{${scope.units.join(',')}}`}::int[])`)
    return sql`(select ${t}::text as type, c.id, c.title, c.slug, ${summary} as summary, ${image} as image,
        c.first_published_at, c.updated_at, c.unit_id,
        array(select r.tasks_id from ${rels} r where r.parent_id = c.id and r.path = 'tasks' and r.tasks_id is not null order by r."order") as tasks
      from ${ident(table)} c where ${sql.join(conds, sql` and `)}
      order by c.first_published_at desc, c.id desc limit ${limit}::int)`
  })
  const { rows } = await poolRunner(payload).execute(sql.join(parts, sql` union all `))
  return rows.map((r) => {
    const type = String(r.type)
    const f = shown[type]
    const doc: Row = {
      id: Number(r.id),
      title: r.title ?? null,
      slug: r.slug ?? null,
      ...(f?.summary ? { [f.summary]: r.summary ?? null } : {}),
      firstPublishedAt: iso(r.first_published_at),
      updatedAt: iso(r.updated_at),
      tasks: ((r.tasks as unknown[] | null) ?? []).map(Number),
      unit: r.unit_id === null || r.unit_id === undefined ? null : Number(r.unit_id),
    }
    if (f?.image) doc[f.image] = r.image === null || r.image === undefined ? null : Number(r.image)
    return { type, doc }
  })
}

/** Tasks (code, plan with code/status/updatedAt) and units (name) by id: one query. */
export async function readLabelRows(
  payload: Payload,
  taskIds: number[],
  unitIds: number[] | null,
): Promise<{ tasks: Row[]; units: Row[] }> {
  if (taskIds.length === 0 && (unitIds === null || unitIds.length === 0)) return { tasks: [], units: [] }
  const ids = (list: number[]) => `{${list.join(',')}}`
  const { rows } = await poolRunner(payload).execute(sql`select
    (select coalesce(json_agg(json_build_object('id', t.id, 'code', t.code, 'updatedAt', t.updated_at,
        'plan', (select json_build_object('id', p.id, 'code', p.code, 'status', p.status, 'updatedAt', p.updated_at)
                   from ${ident(tableOf(SLUGS.plans))} p where p.id = t.plan_id)) order by t.id), '[]')
       from ${ident(tableOf(SLUGS.tasks))} t where t.id = any(${ids(taskIds)}::int[])) as tasks,
    (select coalesce(json_agg(json_build_object('id', u.id, 'name', u.name, 'updatedAt', u.updated_at) order by u.id), '[]')
       from ${ident(tableOf(SLUGS.units))} u where u.id = any(${ids(unitIds ?? [])}::int[])) as units`)
  const r = rows[0] ?? {}
  const dated = (o: Row): Row => {
    const out: Row = { ...o, updatedAt: iso(o.updatedAt) }
    if (o.plan && typeof o.plan === 'object')
      out.plan = { ...(o.plan as Row), updatedAt: iso((o.plan as Row).updatedAt) }
    return out
  }
  return {
    tasks: (parsed(r.tasks) as Row[]).map(dated),
    units: (parsed(r.units) as Row[]).map(dated),
  }
}
