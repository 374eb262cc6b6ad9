import type { Payload, Where } from 'payload'
import type { FeedFilter } from '../../domain/feedParams'
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
import { SLUGS, type ContentType } from '../../slugs'
import type { ResolvedFeedOptions } from '../options'
import { itemUrlPatternFor } from './feedSettings'

type Row = Record<string, unknown> & { id: number | string }

export type LoadedFeed =
  | {
      ok: true
      model: FeedModel
      /** For Last-Modified: also moves when an item leaves the feed (see contentWatermark). */
      lastModified: string | null
    }
  | { ok: false; field: string; message: string }

const num = (v: unknown): number | null => {
  const id = relId(v)
  return id === undefined ? null : Number(id)
}
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)

/** The fields each kind's items are read with: what the feed shows, nothing more. */
const ITEM_SELECT: Record<ContentType, Record<string, unknown>> = {
  articles: { summary: true, coverImage: true },
  infographics: { caption: true, filename: true, url: true, mimeType: true, filesize: true, sizes: { web: true } },
  videos: { summary: true, poster: true },
}
const COMMON_SELECT = { title: true, slug: true, firstPublishedAt: true, updatedAt: true, tasks: true, unit: true }

/**
 * Plans, tasks, units and channels are staff-only collections, yet a feed names them (a plan's
 * code in its title, task codes as categories, unit names as authors). These lookups read them
 * with access control off, limited to those few public labels; draft plans stay hidden.
 */
const system = { overrideAccess: true, depth: 0 } as const

interface Scope {
  plan: Row | null
  task: (Row & { planDoc: Row | null }) | null
  channel: Row | null
  units: Row[] | null
  planTaskIds: number[] | null
}

async function readScope(payload: Payload, filter: FeedFilter): Promise<Scope | { field: string; message: string }> {
  const byId = (collection: 'plans' | 'channels', id: number | null, select: Record<string, true>) =>
    id === null
      ? null
      : (payload.findByID({ collection, id, select, disableErrors: true, ...system }) as Promise<Row | null>)
  const [plan, task, channel, units, planTasks] = await Promise.all([
    byId(SLUGS.plans, filter.plan, { code: true, title: true, status: true, updatedAt: true }),
    filter.task === null
      ? null
      : (payload.findByID({
          collection: SLUGS.tasks,
          id: filter.task,
          select: { code: true, title: true, plan: true, updatedAt: true },
          populate: { [SLUGS.plans]: { code: true, status: true, updatedAt: true } },
          disableErrors: true,
          overrideAccess: true,
          depth: 1,
        }) as Promise<Row | null>),
    byId(SLUGS.channels, filter.channel, { name: true, updatedAt: true }),
    filter.unit === null
      ? null
      : payload.find({
          collection: SLUGS.units,
          select: { name: true, parent: true, updatedAt: true },
          pagination: false,
          ...system,
        }),
    filter.plan === null
      ? null
      : payload.find({
          collection: SLUGS.tasks,
          where: { plan: { equals: filter.plan } },
          select: { plan: true },
          pagination: false,
          ...system,
        }),
  ])
  // A plan still being drafted is not public: its feed does not exist yet.
  if (filter.plan !== null && (!plan || plan.status === 'draft'))
    return { field: 'plan', message: `Plan ${filter.plan} was not found.` }
  const taskPlan = task && typeof task.plan === 'object' ? (task.plan as Row | null) : null
  if (filter.task !== null && (!task || !taskPlan || taskPlan.status === 'draft'))
    return { field: 'task', message: `Task ${filter.task} was not found.` }
  if (filter.channel !== null && !channel)
    return { field: 'channel', message: `Channel ${filter.channel} was not found.` }
  const unitRows = (units?.docs ?? null) as Row[] | null
  if (filter.unit !== null && !unitRows?.some((u) => Number(u.id) === filter.unit))
    return { field: 'unit', message: `Unit ${filter.unit} was not found.` }
  return {
    plan,
    task: task ? { ...task, planDoc: taskPlan } : null,
    channel,
    units: unitRows,
    planTaskIds: planTasks ? planTasks.docs.map((t) => Number(t.id)) : null,
  }
}

/** The item filter as a Payload where; null when the scope leaves no task to match. */
function itemWhere(filter: FeedFilter, scope: Scope): Where | null {
  // Access control already limits anonymous reads to published items; saying it again keeps a
  // host collection with laxer read access from leaking drafts into a public feed.
  const and: Where[] = [{ _status: { equals: 'published' } }]
  let tasks: number[] | null = scope.planTaskIds
  if (filter.task !== null) tasks = tasks === null || tasks.includes(filter.task) ? [filter.task] : []
  if (tasks !== null) {
    if (tasks.length === 0) return null
    and.push({ tasks: { in: tasks } })
  }
  if (filter.channel !== null) and.push({ 'publications.channel': { equals: filter.channel } })
  if (filter.unit !== null && scope.units) {
    const units = unitWithDescendants(
      scope.units.map((u) => ({ id: Number(u.id), parent: num(u.parent) })),
      filter.unit,
    )
    and.push({ unit: { in: units } })
  }
  return { and }
}

/**
 * The newest `updatedAt` of a collection's rows in any state (drafts, trashed): it moves when an
 * item is unpublished, trashed or untagged, which the shown items' own dates cannot tell, so an
 * If-Modified-Since client never keeps a feed that lost an item.
 */
async function contentWatermark(payload: Payload, collection: ContentType): Promise<string | null> {
  const { docs } = await payload.find({
    collection,
    sort: '-updatedAt',
    limit: 1,
    pagination: false,
    trash: true,
    select: { updatedAt: true },
    ...system,
  })
  return str(docs[0]?.updatedAt)
}

async function readItems(payload: Payload, collection: ContentType, where: Where, limit: number): Promise<Row[]> {
  const { docs } = await payload.find({
    collection,
    where,
    // Read as the public: no user, access control on. `draft: false` reads the main table,
    // which holds the published version even while a newer draft exists in the versions table.
    overrideAccess: false,
    draft: false,
    depth: 0,
    sort: ['-firstPublishedAt', '-id'],
    limit,
    pagination: false,
    select: { ...COMMON_SELECT, ...ITEM_SELECT[collection] } as never,
  })
  return docs as unknown as Row[]
}

const imageRef = (collection: ContentType, doc: Row): number | null =>
  collection === 'videos' ? num(doc.poster) : collection === 'articles' ? num(doc.coverImage) : null

/** An item's plain values; an infographic is its own image, other kinds get theirs later. */
function sourceItem(collection: ContentType, doc: Row, baseUrl: string): FeedSourceItem {
  return {
    collection,
    id: Number(doc.id),
    title: String(doc.title ?? ''),
    slug: str(doc.slug),
    summary: str(collection === 'infographics' ? doc.caption : doc.summary),
    publishedAt: str(doc.firstPublishedAt),
    updatedAt: String(doc.updatedAt),
    taskIds: relIds(doc.tasks).map(Number),
    unitId: num(doc.unit),
    image: collection === 'infographics' ? webImage(doc as UploadLike, baseUrl) : null,
  }
}

/**
 * The labels and images of the items that made the cut, one query each whatever their number:
 * their tasks (with each task's plan), their units (already at hand with a unit filter) and the
 * posters and covers they show.
 */
async function readLabels(
  payload: Payload,
  sources: FeedSourceItem[],
  docs: Map<string, Row>,
  allUnits: Row[] | null,
): Promise<{ tasks: Row[]; units: Row[]; images: Row[]; unitIds: Set<number> }> {
  const taskIds = new Set<number>()
  const unitIds = new Set<number>()
  const imageIds = new Set<number>()
  for (const s of sources) {
    for (const id of s.taskIds) taskIds.add(id)
    if (s.unitId !== null) unitIds.add(s.unitId)
    const image = imageRef(s.collection, docs.get(`${s.collection}:${s.id}`) as Row)
    if (image !== null) imageIds.add(image)
  }
  const [tasks, units, images] = await Promise.all([
    taskIds.size === 0
      ? []
      : payload
          .find({
            collection: SLUGS.tasks,
            where: { id: { in: [...taskIds] } },
            select: { code: true, plan: true, updatedAt: true },
            populate: { [SLUGS.plans]: { code: true, status: true, updatedAt: true } },
            pagination: false,
            overrideAccess: true,
            depth: 1,
          })
          .then((r) => r.docs as unknown as Row[]),
    allUnits ??
      (unitIds.size === 0
        ? []
        : payload
            .find({
              collection: SLUGS.units,
              where: { id: { in: [...unitIds] } },
              select: { name: true, updatedAt: true },
              pagination: false,
              ...system,
            })
            .then((r) => r.docs as unknown as Row[])),
    imageIds.size === 0
      ? []
      : payload
          .find({
            collection: SLUGS.media,
            where: { id: { in: [...imageIds] } },
            select: {
              filename: true,
              url: true,
              mimeType: true,
              filesize: true,
              sizes: { web: true },
              updatedAt: true,
            },
            pagination: false,
            depth: 0,
            // Media is public; read it as the public would.
            overrideAccess: false,
          })
          .then((r) => r.docs as unknown as Row[]),
  ])
  return { tasks, units, images, unitIds }
}

/**
 * Everything one feed shows, read in a fixed number of queries whatever the item count: the
 * scope and home channel, one query per content type, then one each for the items' tasks (with
 * their plans), units and images.
 */
export async function loadFeed(
  payload: Payload,
  filter: FeedFilter,
  ctx: { baseUrl: string; feedUrl: string; settings: ResolvedFeedOptions },
): Promise<LoadedFeed> {
  const [scope, homeResult, watermarks] = await Promise.all([
    readScope(payload, filter),
    payload.find({
      collection: SLUGS.channels,
      where: { isHome: { equals: true } },
      select: { name: true, url: true, updatedAt: true },
      limit: 1,
      pagination: false,
      ...system,
    }),
    Promise.all(filter.types.map((t) => contentWatermark(payload, t))),
  ])
  if ('field' in scope) return { ok: false, ...scope }
  const home = (homeResult.docs[0] ?? null) as Row | null

  const where = itemWhere(filter, scope)
  const perType = where
    ? await Promise.all(filter.types.map(async (t) => ({ t, docs: await readItems(payload, t, where, filter.limit) })))
    : []
  const docs = new Map<string, Row>()
  const candidates: FeedSourceItem[] = []
  for (const { t, docs: list } of perType) {
    for (const doc of list) {
      docs.set(`${t}:${doc.id}`, doc)
      candidates.push(sourceItem(t, doc, ctx.baseUrl))
    }
  }
  // Only the items that make the cut need their labels and images.
  const sources = newestFirst(candidates, filter.limit)
  const { tasks, units, images, unitIds } = await readLabels(payload, sources, docs, scope.units)

  const taskCategories = new Map<number, string>()
  const plansShown: Row[] = []
  for (const t of tasks) {
    const plan = typeof t.plan === 'object' && t.plan !== null ? (t.plan as Row) : null
    if (!plan || plan.status === 'draft') continue
    plansShown.push(plan)
    taskCategories.set(Number(t.id), taskCategory(String(plan.code ?? ''), String(t.code ?? '')))
  }
  const unitNames = new Map(units.map((u) => [Number(u.id), String(u.name ?? '')]))
  const imageMap = new Map(images.map((m) => [Number(m.id), m as UploadLike]))
  for (const s of sources) {
    const ref = imageRef(s.collection, docs.get(`${s.collection}:${s.id}`) as Row)
    if (ref !== null) s.image = webImage(imageMap.get(ref), ctx.baseUrl)
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
