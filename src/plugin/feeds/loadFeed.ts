import type { Payload, Where } from 'payload'
import type { FeedFilter } from '../../domain/feedParams'
import type { Problem } from '../../domain/i18n/messages'
import {
  feedChannelText,
  latest,
  newestFirst,
  taskCategory,
  toFeedItem,
  webImage,
  type FeedModel,
  type FeedScope,
  type FeedSourceItem,
  type UploadLike,
} from '../../domain/feedItems'
import { relId, relIds } from '../../domain/relations'
import { unitWithDescendants } from '../../domain/units'
import type { ResolvedFeedOptions } from '../options'
import {
  readItemRows,
  readLabelRows,
  readScopeRows,
  sqlItemsAllowed,
  type ItemScope,
  type ScopeRows,
} from './feedQueries'
import type { FeedContentFields } from './feedContent'
import { itemUrlPatternFor } from './feedSettings'

type Row = Record<string, unknown> & { id: number | string }

export type LoadedFeed =
  | {
      ok: true
      model: FeedModel
      /**
       * For Last-Modified: also moves when an item leaves the feed. The watermarks are the newest
       * updatedAt of each content table in any state (drafts, trashed): an item unpublished,
       * trashed or untagged moves them, which the shown items' own dates cannot tell, so an
       * If-Modified-Since client never keeps a feed that lost an item.
       */
      lastModified: string | null
    }
  | { ok: false; field: string; problem: Problem }

const num = (v: unknown): number | null => {
  const id = relId(v)
  return id === undefined ? null : Number(id)
}
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)

/** The fields a kind's items are read with: what the feed shows, nothing more. */
const itemSelect = (f: FeedContentFields | undefined): Record<string, true> => ({
  ...(f?.summary ? { [f.summary]: true } : {}),
  ...(f?.image ? { [f.image]: true } : {}),
})
const COMMON_SELECT = { title: true, slug: true, firstPublishedAt: true, updatedAt: true, tasks: true, unit: true }

/**
 * Plans, tasks, units and channels are staff-only collections, yet a feed names them (a plan's
 * code in its title, task codes as categories, unit names as authors). They are read in SQL
 * (feedQueries.ts), past access control, limited to those few public labels; draft plans stay
 * hidden.
 */
type Scope = Omit<ScopeRows, 'home' | 'watermarks'>

const NOT_FOUND = {
  plan: 'feedPlanNotFound',
  task: 'feedTaskNotFound',
  channel: 'feedChannelNotFound',
  unit: 'feedUnitNotFound',
} as const

const notFound = (field: keyof typeof NOT_FOUND, id: number): { field: string; problem: Problem } => ({
  field,
  problem: { key: NOT_FOUND[field], vars: { id } },
})

function checkScope(filter: FeedFilter, rows: ScopeRows): Scope | ReturnType<typeof notFound> {
  const { plan, task, channel, units } = rows
  // A plan still being drafted is not public: its feed does not exist yet.
  if (filter.plan !== null && (!plan || plan.status === 'draft')) return notFound('plan', filter.plan)
  if (filter.task !== null && (!task || !task.planDoc || task.planDoc.status === 'draft'))
    return notFound('task', filter.task)
  if (filter.channel !== null && !channel) return notFound('channel', filter.channel)
  if (filter.unit !== null && !units?.some((u) => Number(u.id) === filter.unit)) return notFound('unit', filter.unit)
  return { plan, task, channel, units, planTaskIds: rows.planTaskIds }
}

/** Which items the feed may show: null when the scope leaves no task to match. */
function itemScope(filter: FeedFilter, scope: Scope): ItemScope | null {
  let tasks: number[] | null = scope.planTaskIds
  if (filter.task !== null) tasks = tasks === null || tasks.includes(filter.task) ? [filter.task] : []
  if (tasks !== null && tasks.length === 0) return null
  const units =
    filter.unit !== null && scope.units
      ? unitWithDescendants(
          scope.units.map((u) => ({ id: Number(u.id), parent: num(u.parent) })),
          filter.unit,
        )
      : null
  return { tasks, channel: filter.channel, units }
}

/** The same scope as a Payload where, for collections read through Payload's find. */
function itemWhere(scope: ItemScope): Where {
  // Access control already limits anonymous reads to published items; saying it again keeps a
  // host collection with laxer read access from leaking drafts into a public feed.
  const and: Where[] = [{ _status: { equals: 'published' } }]
  if (scope.tasks !== null) and.push({ tasks: { in: scope.tasks } })
  if (scope.channel !== null) and.push({ 'publications.channel': { equals: scope.channel } })
  if (scope.units !== null) and.push({ unit: { in: scope.units } })
  return { and }
}

/**
 * Payload's public find, for a content collection whose public read rule is more than
 * "published" (see sqlItemsAllowed): access control on, as an anonymous visitor.
 */
async function readItemsThroughPayload(
  payload: Payload,
  collection: string,
  where: Where,
  limit: number,
  shown: FeedContentFields | undefined,
): Promise<Row[]> {
  const { docs } = await payload.find({
    collection: collection as 'articles',
    where,
    // `draft: false` reads the main table, which holds the published version even while a
    // newer draft exists in the versions table.
    overrideAccess: false,
    draft: false,
    depth: 0,
    sort: ['-firstPublishedAt', '-id'],
    limit,
    pagination: false,
    select: { ...COMMON_SELECT, ...itemSelect(shown) } as never,
  })
  return docs as unknown as Row[]
}

async function readItems(
  payload: Payload,
  types: string[],
  scope: ItemScope,
  limit: number,
  shown: Record<string, FeedContentFields>,
): Promise<Array<{ type: string; doc: Row }>> {
  const allowed = await Promise.all(
    types.map((t) => (shown[t] ? sqlItemsAllowed(payload, t, shown[t]) : Promise.resolve(false))),
  )
  const bySql = types.filter((_, i) => allowed[i])
  const byPayload = types.filter((_, i) => !allowed[i])
  const [fromSql, ...fromPayload] = await Promise.all([
    readItemRows(payload, bySql, scope, limit, shown),
    ...byPayload.map(async (type) =>
      (await readItemsThroughPayload(payload, type, itemWhere(scope), limit, shown[type])).map((doc) => ({
        type,
        doc,
      })),
    ),
  ])
  return [...fromSql, ...fromPayload.flat()]
}

/** The upload an item shows: an upload collection's item is its own image; others point at one. */
const imageRef = (
  collection: string,
  doc: Row,
  shown: Record<string, FeedContentFields>,
): { collection: string; id: number } | null => {
  const f = shown[collection]
  if (f?.imageIsSelf) return { collection, id: Number(doc.id) }
  const id = f?.image ? num(doc[f.image]) : null
  return id === null || !f?.imageCollection ? null : { collection: f.imageCollection, id }
}

/** An item's plain values; its image is attached once the item makes the cut. */
function sourceItem(collection: string, doc: Row, shown: FeedContentFields | undefined): FeedSourceItem {
  return {
    collection,
    id: Number(doc.id),
    title: String(doc.title ?? ''),
    slug: str(doc.slug),
    summary: shown?.summary ? str(doc[shown.summary]) : null,
    publishedAt: str(doc.firstPublishedAt),
    updatedAt: String(doc.updatedAt),
    taskIds: relIds(doc.tasks).map(Number),
    unitId: num(doc.unit),
    image: null,
  }
}

/**
 * The upload documents the shown items display, one find per upload collection, read as the
 * public would (media and published infographics are public). Through Payload because their
 * URLs come from its afterRead (local disk or a storage adapter).
 */
async function readUploads(
  payload: Payload,
  refs: Array<{ collection: string; id: number }>,
): Promise<Map<string, Row>> {
  const byCollection = new Map<string, number[]>()
  for (const r of refs) byCollection.set(r.collection, [...(byCollection.get(r.collection) ?? []), r.id])
  const found = await Promise.all(
    [...byCollection].map(async ([collection, ids]) => {
      const { docs } = await payload.find({
        collection: collection as 'media',
        where: { id: { in: ids } },
        select: { filename: true, url: true, mimeType: true, filesize: true, sizes: { web: true }, updatedAt: true },
        pagination: false,
        depth: 0,
        overrideAccess: false,
      })
      return (docs as unknown as Row[]).map((d) => [`${collection}:${d.id}`, d] as const)
    }),
  )
  return new Map(found.flat())
}

/**
 * Everything one feed shows, in a fixed number of queries whatever the item count: the scope
 * (with home channel and watermarks), the items of every type, then the labels of the items
 * that made the cut and their images.
 */
export async function loadFeed(
  payload: Payload,
  filter: FeedFilter,
  ctx: { baseUrl: string; feedUrl: string; settings: ResolvedFeedOptions },
): Promise<LoadedFeed> {
  const scopeRows = await readScopeRows(payload, filter)
  const scope = checkScope(filter, scopeRows)
  if ('field' in scope) return { ok: false, ...scope }
  const { home, watermarks } = scopeRows

  const wanted = itemScope(filter, scope)
  const shown = ctx.settings.contents
  const found = wanted ? await readItems(payload, filter.types, wanted, filter.limit, shown) : []
  const docs = new Map<string, Row>()
  const candidates: FeedSourceItem[] = []
  for (const { type, doc } of found) {
    docs.set(`${type}:${doc.id}`, doc)
    candidates.push(sourceItem(type, doc, shown[type]))
  }
  // Only the items that make the cut need their labels and images.
  const sources = newestFirst(candidates, filter.limit)
  const taskIds = [...new Set(sources.flatMap((s) => s.taskIds))]
  const unitIds = new Set(sources.flatMap((s) => (s.unitId === null ? [] : [s.unitId])))
  const refs = sources.flatMap((s) => {
    const ref = imageRef(s.collection, docs.get(`${s.collection}:${s.id}`) as Row, shown)
    return ref ? [ref] : []
  })
  const [labels, uploads] = await Promise.all([
    readLabelRows(payload, taskIds, scope.units ? null : [...unitIds]),
    readUploads(payload, refs),
  ])
  const tasks = labels.tasks
  const units = scope.units ?? labels.units

  const taskCategories = new Map<number, string>()
  const plansShown: Row[] = []
  for (const t of tasks) {
    const plan = typeof t.plan === 'object' && t.plan !== null ? (t.plan as Row) : null
    if (!plan || plan.status === 'draft') continue
    plansShown.push(plan)
    taskCategories.set(Number(t.id), taskCategory(String(plan.code ?? ''), String(t.code ?? '')))
  }
  const unitNames = new Map(units.map((u) => [Number(u.id), String(u.name ?? '')]))
  const images: Row[] = []
  for (const s of sources) {
    const ref = imageRef(s.collection, docs.get(`${s.collection}:${s.id}`) as Row, shown)
    const upload = ref ? uploads.get(`${ref.collection}:${ref.id}`) : undefined
    // An item that is its own image is dated by its own updatedAt already.
    if (upload && !shown[s.collection]?.imageIsSelf) images.push(upload)
    s.image = webImage(upload as UploadLike | undefined, ctx.baseUrl)
  }
  const homeUrl = str(home?.url)
  const items = sources.map((s) =>
    toFeedItem(s, { homeUrl, itemUrlPattern: itemUrlPatternFor(ctx.settings), taskCategories, unitNames }),
  )

  const unitDoc = filter.unit === null ? null : (scope.units?.find((u) => Number(u.id) === filter.unit) ?? null)
  const planForText = scope.task?.planDoc ?? scope.plan
  const feedScope: FeedScope = {
    siteTitle: ctx.settings.siteTitle ?? str(home?.name) ?? 'Cổng thông tin điện tử',
    plan: scope.plan ? { code: String(scope.plan.code), title: String(scope.plan.title ?? '') } : null,
    task: scope.task
      ? { code: String(scope.task.code), title: String(scope.task.title ?? ''), planCode: String(planForText?.code) }
      : null,
    channel: scope.channel ? String(scope.channel.name) : null,
    unit: unitDoc ? String(unitDoc.name) : null,
    types: filter.types,
    typeCount: ctx.settings.types.length,
    typeLabels: Object.fromEntries(Object.entries(shown).map(([slug, f]) => [slug, f.label])),
  }
  const text = feedChannelText(feedScope)

  // The newest change to anything the bytes show (of a unit filter's list, only names shown).
  const shownUnits = units.filter((u) => unitIds.has(Number(u.id)) || Number(u.id) === filter.unit)
  const lastBuildDate = latest(
    [
      ...sources.map((s) => ({ updatedAt: s.updatedAt })),
      ...[home, scope.plan, scope.task, planForText, scope.channel],
      ...[...tasks, ...plansShown, ...shownUnits, ...images],
    ].map((d) => str(d?.updatedAt)),
  )
  return {
    ok: true,
    model: {
      title: text.title,
      description: text.description,
      siteUrl: homeUrl && /^https?:\/\//i.test(homeUrl) ? homeUrl : ctx.baseUrl,
      feedUrl: ctx.feedUrl,
      language: 'vi',
      lastBuildDate,
      items,
    },
    lastModified: latest([lastBuildDate, ...watermarks]),
  }
}
