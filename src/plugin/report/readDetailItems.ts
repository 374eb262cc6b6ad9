import type { Payload, PayloadRequest } from 'payload'
import type { ContentType } from '../../domain/slugs'
import { hasTrash } from '../counting/engine/settings'
import { ident, sql, tableOf } from '../counting/engine/sql'
import { requestOrPoolRunner } from '../db/postgres'

type Row = Record<string, unknown>

interface FieldLike {
  name?: string
  type?: string
  localized?: boolean
  access?: { read?: unknown }
  hooks?: { afterRead?: unknown[] }
  fields?: FieldLike[]
  flattenedFields?: FieldLike[]
}

interface CollectionLike {
  config: {
    access?: { read?: unknown }
    hooks?: { beforeRead?: unknown[]; afterRead?: unknown[] }
    flattenedFields?: FieldLike[]
  }
}

const plain = new WeakMap<Payload, Map<string, boolean>>()

/**
 * What the drill-down shows of each item: its title and its publications' links, keyed
 * `type:id`. The items are published ones (the ledger holds no other), read in plain SQL from the
 * collection's main table when this reader may read every document of it as stored (read access
 * answers `true`, the title and the publication links have no read rule or read hook, the
 * collection no read hook); otherwise through Payload's find, which applies the host's rules.
 * A task's list is up to a thousand items: through Payload that is most of the drill-down's time.
 */
export async function readDetailItems(
  req: PayloadRequest,
  items: ReadonlyArray<{ contentType: string; item: number }>,
): Promise<Map<string, Row>> {
  const out = new Map<string, Row>()
  // An item shown under two targets is read once.
  const byType = new Map<string, Set<number>>()
  for (const it of items) byType.set(it.contentType, (byType.get(it.contentType) ?? new Set<number>()).add(it.item))
  for (const [type, idSet] of byType) {
    const ids = [...idSet]
    const docs = (await readsPlainly(req, type))
      ? await readWithSql(req, type, ids)
      : await readWithPayload(req, type, ids)
    for (const d of docs) out.set(`${type}:${String(d.id)}`, d)
  }
  return out
}

async function readWithPayload(req: PayloadRequest, type: string, ids: number[]): Promise<Row[]> {
  const { docs } = await req.payload.find({
    collection: type as ContentType,
    where: { id: { in: ids } },
    depth: 0,
    pagination: false,
    select: { title: true, publications: true },
    overrideAccess: false,
    req,
  })
  return docs as unknown as Row[]
}

/** The same rows as readWithPayload gives for these fields: id, title, publications' channel and url. */
async function readWithSql(req: PayloadRequest, type: string, ids: number[]): Promise<Row[]> {
  const db = await requestOrPoolRunner(req.payload, req)
  const main = tableOf(type)
  const idList = sql`${`{${ids.map((id) => Math.trunc(id)).join(',')}}`}::int[]`
  const { rows } = await db.execute(sql`
    select c.id, c.title,
      coalesce((select json_agg(json_build_object('channel', p.channel_id, 'url', p.url) order by p._order)
        from ${ident(`${main}_publications`)} p where p._parent_id = c.id), '[]'::json) as publications
    from ${ident(main)} c
    where c.id = any(${idList}) ${hasTrash(req.payload, type) ? sql`and c.deleted_at is null` : sql``}`)
  return rows.map((r) => ({
    id: Number(r.id),
    title: r.title ?? null,
    publications: typeof r.publications === 'string' ? (JSON.parse(r.publications) as unknown) : r.publications,
  }))
}

/** Whether this reader's items of `type` are read in plain SQL (exported for the tests). */
export async function readsPlainly(req: PayloadRequest, type: string): Promise<boolean> {
  const collection = (req.payload.collections as unknown as Record<string, CollectionLike | undefined>)[type]
  if (!collection || !configReadsPlainly(req.payload, type, collection)) return false
  const read = collection.config.access?.read
  return typeof read === 'function' && (await (read as (a: { req: PayloadRequest }) => unknown)({ req })) === true
}

/** Fixed by the config: checked once per Payload and collection. */
function configReadsPlainly(payload: Payload, type: string, collection: CollectionLike): boolean {
  let known = plain.get(payload)
  if (!known) plain.set(payload, (known = new Map()))
  const cached = known.get(type)
  if (cached !== undefined) return cached
  const fields = collection.config.flattenedFields ?? []
  const shaped = (f: FieldLike | undefined) =>
    !f || f.localized === true || f.access?.read !== undefined || (f.hooks?.afterRead?.length ?? 0) > 0
  const title = fields.find((f) => f.name === 'title')
  const publications = fields.find((f) => f.name === 'publications')
  const sub = publications?.flattenedFields ?? publications?.fields ?? []
  const ok =
    (collection.config.hooks?.beforeRead?.length ?? 0) === 0 &&
    (collection.config.hooks?.afterRead?.length ?? 0) === 0 &&
    title?.type === 'text' &&
    !shaped(title) &&
    publications?.type === 'array' &&
    !shaped(publications) &&
    !shaped(sub.find((f) => f.name === 'url')) &&
    !shaped(sub.find((f) => f.name === 'channel'))
  known.set(type, ok)
  return ok
}
