import { createHash } from 'node:crypto'
import { expandItemUrl } from './portalUrl'

/** An image to attach to an item (RSS allows one enclosure per item). */
export interface FeedEnclosure {
  url: string
  type: string
  /** Bytes; RSS requires a length, 0 when unknown. */
  size: number
}

/** A published item as the feed reads it from the database, already reduced to plain values. */
export interface FeedSourceItem {
  collection: string
  id: number
  title: string
  slug: string | null
  summary: string | null
  /** The first publish (the home-channel publication date); falls back to updatedAt. */
  publishedAt: string | null
  updatedAt: string
  taskIds: number[]
  unitId: number | null
  image: FeedEnclosure | null
}

export interface FeedItem {
  guid: string
  title: string
  link: string | null
  /** HTML (escaped text), as RSS readers render descriptions. */
  description: string | null
  date: string
  categories: string[]
  author: string | null
  enclosure: FeedEnclosure | null
}

export interface FeedModel {
  title: string
  description: string
  siteUrl: string
  feedUrl: string
  language: 'vi'
  /** Newest date of anything the feed shows; null for a feed with nothing in it. */
  lastBuildDate: string | null
  items: FeedItem[]
}

/** An upload document's fields the feed needs (an infographic itself, a poster, a cover). */
export interface UploadLike {
  url?: string | null
  mimeType?: string | null
  filesize?: number | null
  sizes?: Record<string, { url?: string | null; mimeType?: string | null; filesize?: number | null } | undefined> | null
}

// XML 1.0 cannot carry C0 controls (except tab, LF, CR), U+FFFE/U+FFFF or unpaired surrogates:
// one of them in a title would make the whole feed unparseable for every subscriber.
const XML_INVALID =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Text safe to put in XML: characters XML cannot carry removed, surrounding space trimmed. */
export function feedText(text: string | null | undefined): string {
  return (text ?? '').replace(XML_INVALID, '').trim()
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/**
 * A plain-text summary as the HTML of an RSS description. Readers render descriptions as HTML,
 * so the text is escaped: a summary that mentions `<script>` shows it instead of running it.
 */
export function summaryHtml(text: string | null | undefined): string | null {
  const clean = feedText(text)
  if (!clean) return null
  return escapeHtml(clean).replace(/\r?\n/g, '<br/>')
}

/**
 * The web-sized derivative of an upload as an absolute-URL enclosure, or the original when the
 * derivative is missing; null without a usable URL or type.
 */
export function webImage(upload: UploadLike | null | undefined, baseUrl: string, size = 'web'): FeedEnclosure | null {
  if (!upload) return null
  const derivative = upload.sizes?.[size]
  const pick = derivative?.url ? derivative : upload
  if (!pick.url || !pick.mimeType) return null
  let url: string
  try {
    url = new URL(pick.url, baseUrl).toString()
  } catch {
    // A stored URL that cannot be resolved is left out rather than published broken.
    return null
  }
  return { url, type: pick.mimeType, size: typeof pick.filesize === 'number' ? pick.filesize : 0 }
}

/** A stable guid: the item's collection and id, independent of the site's address and slug. */
export const feedGuid = (collection: string, id: number | string): string => `urn:comms-quota:${collection}:${id}`

/** A task as an RSS category: its plan's code, then its own code ("03-KH/BCĐTW · III.1.a"). */
export const taskCategory = (planCode: string, taskCode: string): string => feedText(`${planCode} · ${taskCode}`)

const itemDate = (i: FeedSourceItem): string => i.publishedAt ?? i.updatedAt

/**
 * Newest first, at most `limit`: the merge of per-collection lists that are each sorted the
 * same way. Ties (same instant) fall back to a fixed order, so a feed's order never flickers.
 */
export function newestFirst(items: FeedSourceItem[], limit: number): FeedSourceItem[] {
  return [...items]
    .sort((a, b) => {
      const byDate = Date.parse(itemDate(b)) - Date.parse(itemDate(a))
      if (byDate !== 0) return byDate
      if (a.collection !== b.collection) return a.collection < b.collection ? -1 : 1
      return b.id - a.id
    })
    .slice(0, limit)
}

export interface ShapeContext {
  homeUrl: string | null
  /** The item-URL pattern for a collection (see portalUrl.expandItemUrl). */
  itemUrlPattern: (collection: string) => string
  /** Category per task id; tasks missing here (e.g. of an unpublished plan) give none. */
  taskCategories: ReadonlyMap<number, string>
  unitNames: ReadonlyMap<number, string>
}

export function toFeedItem(src: FeedSourceItem, ctx: ShapeContext): FeedItem {
  const categories: string[] = []
  for (const id of src.taskIds) {
    const c = ctx.taskCategories.get(id)
    if (c && !categories.includes(c)) categories.push(c)
  }
  const unit = src.unitId === null ? undefined : ctx.unitNames.get(src.unitId)
  return {
    guid: feedGuid(src.collection, src.id),
    title: feedText(src.title) || '(không có tiêu đề)',
    link: expandItemUrl(ctx.itemUrlPattern(src.collection), {
      homeUrl: ctx.homeUrl,
      collection: src.collection,
      id: src.id,
      slug: src.slug,
    }),
    description: summaryHtml(src.summary),
    date: new Date(itemDate(src)).toISOString(),
    categories,
    author: unit ? feedText(unit) || null : null,
    enclosure: src.image,
  }
}

/** The newest of some instants (ISO strings), or null when there are none. */
export function latest(dates: Array<string | null | undefined>): string | null {
  let best: number | null = null
  for (const d of dates) {
    const t = d ? Date.parse(d) : Number.NaN
    if (!Number.isNaN(t) && (best === null || t > best)) best = t
  }
  return best === null ? null : new Date(best).toISOString()
}

/** The app's kinds in Vietnamese; a host's other collections are named by their `typeLabels`. */
const TYPE_LABELS: Record<string, string> = { articles: 'Tin bài', infographics: 'Infographic', videos: 'Video' }

/** What the feed is narrowed to, with the names people know it by. */
export interface FeedScope {
  siteTitle: string
  plan: { code: string; title: string } | null
  task: { code: string; title: string; planCode: string } | null
  channel: string | null
  unit: string | null
  types: string[]
  /** How many content types the site has: a feed of fewer names them in its title. */
  typeCount: number
  /** Names of types the built-in Vietnamese list does not know (a host's own collections). */
  typeLabels?: Record<string, string>
}

function typeList(types: string[], own: Record<string, string> = {}): string {
  const name = (t: string): string => TYPE_LABELS[t] ?? own[t] ?? t
  const labels = types.map((t, i) => (i === 0 ? name(t) : name(t).toLowerCase()))
  return labels.length > 1 ? `${labels.slice(0, -1).join(', ')} và ${labels.at(-1)}` : (labels[0] ?? '')
}

/** The channel's title and description, in Vietnamese. */
export function feedChannelText(scope: FeedScope): { title: string; description: string } {
  const parts = [scope.siteTitle]
  if (scope.task) parts.push(`Nhiệm vụ ${scope.task.code} (${scope.task.planCode})`)
  else if (scope.plan) parts.push(`Kế hoạch ${scope.plan.code}`)
  if (scope.channel) parts.push(`Kênh ${scope.channel}`)
  if (scope.unit) parts.push(scope.unit)
  if (scope.types.length < scope.typeCount) parts.push(typeList(scope.types, scope.typeLabels))
  const what = typeList(scope.types, scope.typeLabels)
  let description: string
  if (scope.task) {
    description = `${what} thực hiện nhiệm vụ ${scope.task.code} “${scope.task.title}” thuộc kế hoạch ${scope.task.planCode}.`
  } else if (scope.plan) {
    description = `${what} thực hiện kế hoạch ${scope.plan.code}: ${scope.plan.title}.`
  } else {
    description = `${what} đã xuất bản trên ${scope.siteTitle}.`
  }
  if (scope.channel) description += ` Đã đăng trên kênh ${scope.channel}.`
  if (scope.unit) description += ` Đơn vị: ${scope.unit}.`
  return { title: feedText(parts.join(' – ')), description: feedText(description) }
}

/** Bump when the rendering changes, so caches holding the old bytes revalidate. */
export const FEED_FORMAT_VERSION = 1

/**
 * A strong ETag: a hash of everything the feed shows (the model the XML is rendered from,
 * deterministically). Any change a subscriber could see — a new item, an edited title, a
 * renamed unit, a task code — changes it; nothing else does.
 */
export function feedEtag(model: FeedModel): string {
  const hash = createHash('sha256')
    .update(`${FEED_FORMAT_VERSION}\n${JSON.stringify(model)}`)
    .digest('base64url')
  return `"${hash.slice(0, 32)}"`
}

/** An HTTP date (RFC 9110 IMF-fixdate), which drops milliseconds. */
export const httpDate = (iso: string): string => new Date(iso).toUTCString()

/**
 * Whether a conditional GET can be answered 304. If-None-Match wins when present (RFC 9110
 * §13.2.2); ETags compare weakly, as GET allows. If-Modified-Since compares whole seconds, so
 * it is only trusted for a Last-Modified in a second that is over: a change later in that same
 * second would carry the same HTTP date.
 */
export function isNotModified(
  headers: { ifNoneMatch: string | null; ifModifiedSince: string | null },
  current: { etag: string; lastModified: string | null },
  now: Date,
): boolean {
  if (headers.ifNoneMatch !== null) {
    const wanted = headers.ifNoneMatch.trim()
    if (wanted === '*') return true
    const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
    return wanted.split(',').some((tag) => opaque(tag) === opaque(current.etag))
  }
  if (headers.ifModifiedSince !== null && current.lastModified !== null) {
    const since = Date.parse(headers.ifModifiedSince)
    if (Number.isNaN(since)) return false
    const second = (ms: number) => Math.floor(ms / 1000) * 1000
    const modified = second(Date.parse(current.lastModified))
    return modified < second(now.getTime()) && modified <= since
  }
  return false
}
