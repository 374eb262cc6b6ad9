/**
 * RSS feeds against a real Payload on a real Postgres: requests go through the same handler the
 * Next routes mount (src/app/(feeds)), with real Request objects, and every feed is read back
 * with a real RSS parser (rss-parser). Content is seeded through the local API as staff users.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createLocalReq, type Payload, type UIFieldServerProps } from 'payload'
import { renderToStaticMarkup } from 'react-dom/server'
import Parser from 'rss-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dayToInstant } from '../../src/domain/calendar'
import { feedPath } from '../../src/domain/feedParams'
import { FeedLinks } from '../../src/plugin/feeds/admin/FeedLinks'
import { serveFeed } from '../../src/plugin/feeds/serveFeed'
import { pngFile } from '../fixtures/files'
import { restClient } from './helpers/rest'
import { createUser, startTestPayload, type TestPayload } from './helpers/testPayload'

type Doc = Record<string, unknown> & { id: number }
type Collection = 'articles' | 'infographics' | 'videos'

const ORIGIN = 'http://feeds.test'
const parser = new Parser()

let t: TestPayload
let payload: Payload
let ministry: Doc
let center: Doc
let legal: Doc
let editor: Doc
let legalEditor: Doc
let multimedia: Doc
let home: Doc
let vnexpress: Doc
let planA: Doc
let taskA1: Doc
let taskA2: Doc
let planB: Doc
let taskB1: Doc
let draftPlan: Doc
let draftTask: Doc
const items: Record<string, Doc> = {}

const as = (user: Doc) => ({ user, overrideAccess: false as const })
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** The routes of src/app/(feeds), mapped onto the handler they call. */
async function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  const url = new URL(path, ORIGIN)
  const plan = /^\/feeds\/plans\/([^/]+)$/.exec(url.pathname)?.[1]
  const task = /^\/feeds\/tasks\/([^/]+)$/.exec(url.pathname)?.[1]
  if (!plan && !task && url.pathname !== '/feeds/rss.xml') throw new Error(`no feed route for ${path}`)
  return serveFeed(payload, new Request(url, { headers }), plan ? { plan } : task ? { task } : {})
}

async function feed(path: string, headers: Record<string, string> = {}) {
  const res = await get(path, headers)
  const xml = await res.text()
  expect(res.status, xml).toBe(200)
  return { res, xml, parsed: await parser.parseString(xml) }
}

const titles = async (path: string) => (await feed(path)).parsed.items.map((i) => i.title)

async function publish(collection: Collection, user: Doc, data: Record<string, unknown>, file?: unknown) {
  const doc = await payload.create({
    collection,
    data: { _status: 'published', ...data } as never,
    ...(file ? { file: file as never } : {}),
    ...as(user),
  })
  return doc as unknown as Doc
}

/** The refusal as an English reader gets it (Vietnamese is the default; one case checks it). */
async function errorOf(path: string, lang = 'en'): Promise<{ status: number; field?: string; message: string }> {
  const res = await get(path, { 'Accept-Language': lang })
  const body = (await res.json()) as { errors: Array<{ field?: string; message: string }> }
  return { status: res.status, field: body.errors[0]?.field, message: body.errors[0]?.message ?? '' }
}

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  const unit = async (name: string, parent?: number) =>
    (await payload.create({
      collection: 'units',
      data: { name, parent, requiresReview: false } as never,
    })) as unknown as Doc
  ministry = await unit('Bộ Khoa học và Công nghệ')
  center = await unit('Trung tâm Truyền thông KH&CN', ministry.id)
  legal = await unit('Vụ Pháp chế', ministry.id)
  editor = (await createUser(payload, { role: 'editor', unit: center.id })) as Doc
  legalEditor = (await createUser(payload, { role: 'editor', unit: legal.id })) as Doc
  multimedia = (await createUser(payload, { role: 'multimedia', unit: center.id })) as Doc
  const channel = async (name: string, kind: string, extra: Record<string, unknown> = {}) =>
    (await payload.create({ collection: 'channels', data: { name, kind, ...extra } as never })) as unknown as Doc
  home = await channel('Cổng TTĐT Bộ KH&CN', 'portal', { isHome: true, url: 'https://mst.gov.vn/' })
  vnexpress = await channel('VnExpress', 'enewspaper')
  const plan = async (code: string, status = 'active') =>
    (await payload.create({
      collection: 'plans',
      data: { code, title: `Kế hoạch ${code} về chuyển đổi số`, status } as never,
    })) as unknown as Doc
  const task = async (p: Doc, code: string) =>
    (await payload.create({
      collection: 'tasks',
      data: {
        plan: p.id,
        code,
        title: `Tuyên truyền nhiệm vụ ${code}`,
        timeframe: { kind: 'deadline', deadline: dayToInstant('2030-12-31') },
      } as never,
    })) as unknown as Doc
  planA = await plan('03-KH/BCĐTW')
  taskA1 = await task(planA, 'III.1.a')
  taskA2 = await task(planA, '2')
  planB = await plan('KH-B')
  taskB1 = await task(planB, '1')
  draftPlan = await plan('KH-DỰ-THẢO', 'draft')
  draftTask = await task(draftPlan, '9')

  const poster = (await payload.create({
    collection: 'media',
    data: { alt: 'Ảnh poster' } as never,
    file: (await pngFile(1600, 900, 'poster.png')) as never,
    ...as(multimedia),
  })) as unknown as Doc

  // Oldest first: each publish stamps firstPublishedAt, the feed's order.
  items.a1 = await publish('articles', editor, {
    title: 'Chuyển đổi số: “Đồng bộ” – ưu tiên hàng đầu',
    summary: 'Sapo tiếng Việt có dấu.\nDòng thứ hai.',
    tasks: [taskA1.id],
    publications: [{ channel: vnexpress.id, publishedAt: dayToInstant('2025-08-05'), url: 'https://vnexpress.net/a' }],
  })
  items.legal = await publish('articles', legalEditor, { title: 'Bài của Vụ Pháp chế', tasks: [taskA2.id] })
  items.info = await publish(
    'infographics',
    multimedia,
    { title: 'Số liệu dịch vụ công 2025', alt: 'Biểu đồ', caption: 'Chú thích infographic', tasks: [taskA1.id] },
    await pngFile(1600, 900),
  )
  items.video = await publish('videos', multimedia, {
    title: 'Video chính quyền số',
    source: 'external',
    externalUrl: 'https://www.youtube.com/watch?v=M7lc1UVf-VE',
    poster: poster.id,
    summary: 'Mô tả video',
    tasks: [taskA2.id, taskB1.id],
  })
  items.planB = await publish('articles', editor, { title: 'Bài kế hoạch B', tasks: [taskB1.id] })
  items.draftPlanItem = await publish('articles', editor, { title: 'Bài của kế hoạch dự thảo', tasks: [draftTask.id] })
  items.xss = await publish('articles', editor, {
    title: '<script>alert("x")</script> Tom & Jerry ]]> hết',
    summary: '<b>đậm</b> & <img src=x onerror=alert(1)>',
    tasks: [taskA1.id],
  })

  // Never in a feed: a draft, a scheduled publish that has not run, an unpublished item, a trashed item.
  items.draft = (await payload.create({
    collection: 'articles',
    data: { title: 'Bản nháp bí mật', tasks: [taskA1.id] } as never,
    draft: true,
    ...as(editor),
  })) as unknown as Doc
  items.scheduled = (await payload.create({
    collection: 'articles',
    data: { title: 'Bài hẹn giờ chưa đến', tasks: [taskA1.id] } as never,
    draft: true,
    ...as(editor),
  })) as unknown as Doc
  await payload.jobs.queue({
    task: 'schedulePublish',
    input: {
      type: 'publish',
      doc: { relationTo: 'articles', value: items.scheduled.id },
      user: { relationTo: 'users', value: editor.id },
    },
    waitUntil: new Date(Date.now() + 24 * 3600 * 1000),
  } as never)
  items.unpublished = await publish('articles', editor, { title: 'Bài đã gỡ xuống', tasks: [taskA1.id] })
  await payload.update({
    collection: 'articles',
    id: items.unpublished.id,
    data: { _status: 'draft' } as never,
    ...as(editor),
  })
  items.trashed = await publish('articles', editor, { title: 'Bài trong thùng rác', tasks: [taskA1.id] })
  await payload.delete({ collection: 'articles', id: items.trashed.id, trash: true, ...as(editor) })
  // Published, then edited as a draft and autosaved: the feed keeps the published version.
  items.edited = await publish('articles', editor, { title: 'Tiêu đề đã xuất bản', tasks: [taskA1.id] })
  await payload.update({
    collection: 'articles',
    id: items.edited.id,
    data: { title: 'Tiêu đề bản nháp chưa duyệt' } as never,
    draft: true,
    ...as(editor),
  })
  await payload.update({
    collection: 'articles',
    id: items.edited.id,
    data: { title: 'Tiêu đề tự lưu chưa duyệt' } as never,
    draft: true,
    autosave: true,
    ...as(editor),
  })
})

afterAll(async () => {
  await t?.cleanup()
})

const NEVER = [
  'Bản nháp bí mật',
  'Bài hẹn giờ chưa đến',
  'Bài đã gỡ xuống',
  'Bài trong thùng rác',
  'Tiêu đề bản nháp chưa duyệt',
  'Tiêu đề tự lưu chưa duyệt',
]

describe('the all-content feed', () => {
  it('is RSS 2.0 in Vietnamese with every published item, newest first, and nothing else', async () => {
    const { res, xml, parsed } = await feed('/feeds/rss.xml')
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><rss [^>]*version="2.0"/)
    expect(xml).toContain('<language>vi</language>')
    expect(parsed.title).toBe('Cổng TTĐT Bộ KH&CN')
    expect(parsed.description).toBe('Tin bài, infographic và video đã xuất bản trên Cổng TTĐT Bộ KH&CN.')
    expect(parsed.link).toBe('https://mst.gov.vn/')
    expect(xml).toContain(`<atom:link href="${ORIGIN}/feeds/rss.xml" rel="self" type="application/rss+xml"/>`)
    expect(parsed.items.map((i) => i.title)).toEqual([
      'Tiêu đề đã xuất bản',
      '<script>alert("x")</script> Tom & Jerry ]]> hết',
      'Bài của kế hoạch dự thảo',
      'Bài kế hoạch B',
      'Video chính quyền số',
      'Số liệu dịch vụ công 2025',
      'Bài của Vụ Pháp chế',
      'Chuyển đổi số: “Đồng bộ” – ưu tiên hàng đầu',
    ])
    for (const title of NEVER) expect(xml).not.toContain(title)
    const dates = parsed.items.map((i) => Date.parse(i.isoDate ?? ''))
    expect(dates.every((d, i) => i === 0 || d <= dates[i - 1]!)).toBe(true)
  })

  it('gives each item its link, stable guid, pubDate, summary, task categories and unit', async () => {
    const { parsed } = await feed('/feeds/rss.xml')
    const a1 = parsed.items.find((i) => i.guid === `urn:comms-quota:articles:${items.a1!.id}`)
    expect(a1).toMatchObject({
      title: 'Chuyển đổi số: “Đồng bộ” – ưu tiên hàng đầu',
      link: `https://mst.gov.vn/tin-bai/${items.a1!.slug}`,
      creator: 'Trung tâm Truyền thông KH&CN',
      categories: ['03-KH/BCĐTW · III.1.a'],
      content: 'Sapo tiếng Việt có dấu.<br/>Dòng thứ hai.',
    })
    expect(new Date(a1?.isoDate ?? '').toISOString().slice(0, 19)).toBe(String(items.a1!.firstPublishedAt).slice(0, 19))
    const video = parsed.items.find((i) => i.title === 'Video chính quyền số')
    expect(video?.categories).toEqual(['03-KH/BCĐTW · 2', 'KH-B · 1'])
    expect(video?.link).toBe(`https://mst.gov.vn/video/${items.video!.slug}`)
    // A draft plan's code is not public: its task gives no category.
    const ofDraftPlan = parsed.items.find((i) => i.title === 'Bài của kế hoạch dự thảo')
    expect(ofDraftPlan?.categories).toBeUndefined()
    expect(ofDraftPlan?.creator).toBe('Trung tâm Truyền thông KH&CN')
    // The same item keeps its guid in every feed it appears in.
    const planFeed = await feed(`/feeds/plans/${planA.id}.xml`)
    expect(planFeed.parsed.items.find((i) => i.title === a1?.title)?.guid).toBe(a1?.guid)
  })

  it('attaches a web-sized derivative to infographics and the poster to videos, reachable anonymously', async () => {
    const { parsed } = await feed('/feeds/rss.xml')
    const info = parsed.items.find((i) => i.title === 'Số liệu dịch vụ công 2025')
    const web = (items.info!.sizes as { web: { filename: string; filesize: number; width: number } }).web
    expect(web.width).toBe(1280)
    expect(info?.enclosure).toEqual({
      url: `${ORIGIN}/api/infographics/file/${web.filename}`,
      length: String(web.filesize),
      type: 'image/png',
    })
    const poster = items.video!.poster as { sizes: { web: { filename: string; filesize: number } } }
    const video = parsed.items.find((i) => i.title === 'Video chính quyền số')
    expect(video?.enclosure).toEqual({
      url: `${ORIGIN}/api/media/file/${poster.sizes.web.filename}`,
      length: String(poster.sizes.web.filesize),
      type: 'image/png',
    })
    expect(parsed.items.find((i) => i.title === 'Bài kế hoạch B')?.enclosure).toBeUndefined()
    // The enclosure is served to a subscriber who is not signed in.
    const rest = restClient(payload)
    const file = await rest.raw(new URL(info!.enclosure!.url).pathname.replace(/^\/api\//, ''))
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('image/png')
    expect((await file.arrayBuffer()).byteLength).toBe(web.filesize)
  })

  it('escapes titles and summaries with <script>, & and ]]>, and keeps Vietnamese text intact', async () => {
    const { xml, parsed } = await feed('/feeds/rss.xml')
    expect(xml).not.toContain('<script>')
    expect(xml).not.toContain('<b>')
    expect(xml).not.toContain('CDATA')
    expect(xml).toContain('&lt;script&gt;alert("x")&lt;/script&gt; Tom &amp; Jerry ]]&gt; hết')
    const item = parsed.items.find((i) => i.guid === `urn:comms-quota:articles:${items.xss!.id}`)
    expect(item?.title).toBe('<script>alert("x")</script> Tom & Jerry ]]> hết')
    // Readers render descriptions as HTML: the summary arrives as escaped text, not markup.
    expect(item?.content).toBe('&lt;b&gt;đậm&lt;/b&gt; &amp; &lt;img src=x onerror=alert(1)&gt;')
    expect(xml).toContain('Chuyển đổi số: “Đồng bộ” – ưu tiên hàng đầu')
  })

  it('serves the same public view to a signed-in editor (no drafts for anyone)', async () => {
    const token = await restClient(payload).login(String(editor.email), 'test-Password-1')
    const { xml } = await feed('/feeds/rss.xml', { Authorization: `JWT ${token}` })
    for (const title of NEVER) expect(xml).not.toContain(title)
    expect(xml).toContain('Tiêu đề đã xuất bản')
  })
})

describe('filters', () => {
  it('by plan, on the readable URL and the query alike', async () => {
    const expected = [
      'Tiêu đề đã xuất bản',
      '<script>alert("x")</script> Tom & Jerry ]]> hết',
      'Video chính quyền số',
      'Số liệu dịch vụ công 2025',
      'Bài của Vụ Pháp chế',
      'Chuyển đổi số: “Đồng bộ” – ưu tiên hàng đầu',
    ]
    expect(await titles(`/feeds/rss.xml?plan=${planA.id}`)).toEqual(expected)
    expect(await titles(feedPath('plan', planA.id, String(planA.code)))).toEqual(expected)
    const { parsed, xml } = await feed(`/feeds/plans/${planA.id}.xml`)
    expect(parsed.title).toBe('Cổng TTĐT Bộ KH&CN – Kế hoạch 03-KH/BCĐTW')
    expect(parsed.description).toBe(
      'Tin bài, infographic và video thực hiện kế hoạch 03-KH/BCĐTW: Kế hoạch 03-KH/BCĐTW về chuyển đổi số.',
    )
    expect(xml).toContain(`href="${ORIGIN}/feeds/plans/${planA.id}.xml"`)
  })

  it('by task, and a task outside the plan gives an empty feed', async () => {
    expect(await titles(`/feeds/tasks/${taskB1.id}.xml`)).toEqual(['Bài kế hoạch B', 'Video chính quyền số'])
    expect(await titles(`/feeds/rss.xml?task=${taskA2.id}`)).toEqual(['Video chính quyền số', 'Bài của Vụ Pháp chế'])
    const { parsed } = await feed(feedPath('task', taskA2.id, `03-KH/BCĐTW ${taskA2.code}`))
    expect(parsed.title).toBe('Cổng TTĐT Bộ KH&CN – Nhiệm vụ 2 (03-KH/BCĐTW)')
    expect(await titles(`/feeds/plans/${planA.id}.xml?task=${taskB1.id}`)).toEqual([])
    expect(await titles(`/feeds/plans/${planB.id}.xml?task=${taskB1.id}&type=videos`)).toEqual(['Video chính quyền số'])
  })

  it('by content type, one or several', async () => {
    expect(await titles(`/feeds/rss.xml?plan=${planA.id}&type=infographics`)).toEqual(['Số liệu dịch vụ công 2025'])
    expect(await titles(`/feeds/rss.xml?type=videos,infographics`)).toEqual([
      'Video chính quyền số',
      'Số liệu dịch vụ công 2025',
    ])
    const { parsed } = await feed(`/feeds/plans/${planA.id}.xml?type=infographics`)
    expect(parsed.title).toBe('Cổng TTĐT Bộ KH&CN – Kế hoạch 03-KH/BCĐTW – Infographic')
  })

  it('by channel: items with a publication on it (the home channel has every published item)', async () => {
    expect(await titles(`/feeds/rss.xml?channel=${vnexpress.id}`)).toEqual([
      'Chuyển đổi số: “Đồng bộ” – ưu tiên hàng đầu',
    ])
    expect((await titles(`/feeds/rss.xml?channel=${home.id}`)).length).toBe(8)
  })

  it('by unit, rolling up the units below it, and combined with the other filters', async () => {
    expect(await titles(`/feeds/rss.xml?unit=${legal.id}`)).toEqual(['Bài của Vụ Pháp chế'])
    expect((await titles(`/feeds/rss.xml?unit=${ministry.id}`)).length).toBe(8)
    expect(
      await titles(`/feeds/rss.xml?unit=${center.id}&plan=${planA.id}&type=articles&channel=${vnexpress.id}`),
    ).toEqual(['Chuyển đổi số: “Đồng bộ” – ưu tiên hàng đầu'])
    const { parsed } = await feed(`/feeds/tasks/${taskA2.id}.xml?unit=${legal.id}&channel=${home.id}`)
    expect(parsed.items.map((i) => i.title)).toEqual(['Bài của Vụ Pháp chế'])
    expect(parsed.title).toBe('Cổng TTĐT Bộ KH&CN – Nhiệm vụ 2 (03-KH/BCĐTW) – Kênh Cổng TTĐT Bộ KH&CN – Vụ Pháp chế')
  })
})

describe('bad requests', () => {
  it('404 for a plan, task, channel or unit that does not exist, and for a draft plan', async () => {
    expect(await errorOf('/feeds/plans/999999.xml')).toMatchObject({ status: 404, field: 'plan' })
    expect(await errorOf('/feeds/rss.xml?plan=999999')).toMatchObject({ status: 404, field: 'plan' })
    expect(await errorOf('/feeds/tasks/999999.xml')).toMatchObject({ status: 404, field: 'task' })
    expect(await errorOf('/feeds/rss.xml?channel=999999')).toMatchObject({ status: 404, field: 'channel' })
    expect(await errorOf('/feeds/rss.xml?unit=999999')).toMatchObject({ status: 404, field: 'unit' })
    expect(await errorOf(`/feeds/plans/${draftPlan.id}.xml`)).toMatchObject({ status: 404, field: 'plan' })
    expect(await errorOf(`/feeds/tasks/${draftTask.id}.xml`)).toMatchObject({ status: 404, field: 'task' })
  })

  it('400 naming the parameter for malformed input, never a 500', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['/feeds/plans/abc.xml', 'plan', /by its id/],
      ['/feeds/tasks/-3.xml', 'task', /by its id/],
      ['/feeds/plans/99999999999.xml', 'plan', /by its id/],
      ['/feeds/rss.xml?plan=abc', 'plan', /positive whole number/],
      ['/feeds/rss.xml?plan=1%3B%20drop%20table%20plans', 'plan', /positive whole number/],
      ['/feeds/rss.xml?plan=3000000000', 'plan', /positive whole number/],
      ['/feeds/rss.xml?plan=1&plan=2', 'plan', /given 2 times/],
      [`/feeds/plans/${planA.id}.xml?plan=${planB.id}`, 'plan', /already given by the address/],
      ['/feeds/rss.xml?task=0', 'task', /positive whole number/],
      ['/feeds/rss.xml?channel=1.5', 'channel', /positive whole number/],
      ['/feeds/rss.xml?unit=x', 'unit', /positive whole number/],
      ['/feeds/rss.xml?type=podcasts', 'type', /articles, infographics, videos/],
      ['/feeds/rss.xml?type=articles,', 'type', /got ""/],
      ['/feeds/rss.xml?limit=0', 'limit', /from 1 to 100/],
      ['/feeds/rss.xml?limit=101', 'limit', /from 1 to 100/],
      ['/feeds/rss.xml?limit=ten', 'limit', /from 1 to 100/],
      ['/feeds/rss.xml?limit=-1', 'limit', /from 1 to 100/],
    ]
    for (const [path, field, message] of cases) {
      const err = await errorOf(path)
      expect(err, path).toMatchObject({ status: 400, field })
      expect(err.message, path).toMatch(message)
    }
    // Vietnamese unless the reader asks for English (browser or admin language).
    expect(await errorOf('/feeds/rss.xml?type=podcasts', 'vi,en;q=0.8')).toMatchObject({
      status: 400,
      field: 'type',
      message:
        'Tham số type phải là articles, infographics, videos (hoặc vài loại, cách nhau bằng dấu phẩy); nhận được "podcasts".',
    })
    expect((await errorOf('/feeds/rss.xml?channel=999999', '')).message).toBe('Không có kênh 999999.')
    // Parameters a feed does not know (tracking, cache busters) are ignored.
    expect((await get('/feeds/rss.xml?utm_source=zalo&_=123')).status).toBe(200)
  })
})

describe('limits', () => {
  let bulkTask: Doc
  /** Titles newest first, as the feed must order them: first publish, then id, descending. */
  let newest: string[]
  beforeAll(async () => {
    const bulk = (await payload.create({
      collection: 'plans',
      data: { code: 'KH-NHIỀU', title: 'Nhiều bài' },
    })) as unknown as Doc
    bulkTask = (await payload.create({
      collection: 'tasks',
      data: { plan: bulk.id, code: '1', title: 'x', timeframe: { kind: 'recurring', recurrence: 'month' } } as never,
    })) as unknown as Doc
    const created: Doc[] = []
    for (let i = 0; i < 105; i += 7) {
      const batch = Array.from({ length: 7 }, (_, k) =>
        publish('articles', editor, { title: `Tin số ${i + k + 1}`, tasks: [bulkTask.id] }),
      )
      created.push(...(await Promise.all(batch)))
    }
    newest = created
      .sort((a, b) => String(b.firstPublishedAt).localeCompare(String(a.firstPublishedAt)) || b.id - a.id)
      .map((d) => String(d.title))
  })

  it('gives 50 items by default, what is asked up to 100, and refuses more', async () => {
    const path = `/feeds/tasks/${bulkTask.id}.xml`
    expect(newest).toHaveLength(105)
    expect(await titles(path)).toEqual(newest.slice(0, 50))
    expect(await titles(`${path}?limit=3`)).toEqual(newest.slice(0, 3))
    expect(await titles(`${path}?limit=100`)).toEqual(newest.slice(0, 100))
    expect(await errorOf(`${path}?limit=101`)).toMatchObject({ status: 400, field: 'limit' })
    // Across content types, the limit applies to the merged list.
    expect(await titles(`/feeds/rss.xml?limit=2&type=articles,videos`)).toEqual(newest.slice(0, 2))
  })
})

describe('caching', () => {
  it('sends ETag, Last-Modified and Cache-Control, and answers a matching If-None-Match with 304', async () => {
    const first = await get(`/feeds/plans/${planA.id}.xml`)
    const etag = first.headers.get('etag')
    expect(etag).toMatch(/^"[\w-]{32}"$/)
    expect(first.headers.get('cache-control')).toBe('public, max-age=60')
    expect(Date.parse(first.headers.get('last-modified') ?? '')).not.toBeNaN()
    const again = await get(`/feeds/plans/${planA.id}.xml`)
    expect(again.headers.get('etag')).toBe(etag)
    expect(await again.text()).toBe(await first.text())

    const cached = await get(`/feeds/plans/${planA.id}.xml`, { 'If-None-Match': etag! })
    expect(cached.status).toBe(304)
    expect(await cached.text()).toBe('')
    expect(cached.headers.get('etag')).toBe(etag)
    expect((await get(`/feeds/plans/${planA.id}.xml`, { 'If-None-Match': `W/${etag}, "other"` })).status).toBe(304)
    expect((await get(`/feeds/plans/${planA.id}.xml`, { 'If-None-Match': '"stale"' })).status).toBe(200)
    // Another filter is another feed, with its own tag.
    expect((await get(`/feeds/plans/${planA.id}.xml?type=videos`)).headers.get('etag')).not.toBe(etag)
  })

  it('answers If-Modified-Since with 304 until the feed changes', async () => {
    await sleep(1100) // Last-Modified is trusted for 304 only once its second is over.
    const first = await get(`/feeds/tasks/${taskA2.id}.xml`)
    const lastModified = first.headers.get('last-modified')!
    expect((await get(`/feeds/tasks/${taskA2.id}.xml`, { 'If-Modified-Since': lastModified })).status).toBe(304)
    const earlier = new Date(Date.parse(lastModified) - 60_000).toUTCString()
    expect((await get(`/feeds/tasks/${taskA2.id}.xml`, { 'If-Modified-Since': earlier })).status).toBe(200)
    expect((await get(`/feeds/tasks/${taskA2.id}.xml`, { 'If-Modified-Since': 'garbage' })).status).toBe(200)
  })

  it('changes the ETag when an item is published, and Last-Modified when one is withdrawn', async () => {
    const path = `/feeds/plans/${planA.id}.xml`
    const before = await get(path)
    const etag = before.headers.get('etag')!
    const added = await publish('articles', editor, { title: 'Bài mới xuất bản', tasks: [taskA2.id] })
    const after = await get(path, { 'If-None-Match': etag })
    expect(after.status).toBe(200)
    expect(after.headers.get('etag')).not.toBe(etag)
    expect((await parser.parseString(await after.text())).items[0]?.title).toBe('Bài mới xuất bản')

    // Withdrawing an older item: the newest item (and the shown dates) stay, the feed still changed.
    await sleep(1100)
    const withAdded = await get(path)
    const lastModified = withAdded.headers.get('last-modified')!
    await sleep(1100)
    await payload.update({
      collection: 'articles',
      id: items.legal!.id,
      data: { _status: 'draft' } as never,
      ...as(legalEditor),
    })
    const withdrawn = await get(path, { 'If-Modified-Since': lastModified })
    expect(withdrawn.status).toBe(200)
    expect(await withdrawn.text()).not.toContain('Bài của Vụ Pháp chế')
    expect(Date.parse(withdrawn.headers.get('last-modified')!)).toBeGreaterThan(Date.parse(lastModified))
    await payload.delete({ collection: 'articles', id: added.id, ...as(editor) })
  })

  it('changes the ETag when something shown changes without touching the items (a unit renamed)', async () => {
    const path = `/feeds/rss.xml?unit=${legal.id}&type=videos,articles`
    const etag = (await get(path)).headers.get('etag')!
    await payload.update({ collection: 'units', id: center.id, data: { name: 'Trung tâm Truyền thông' } })
    const other = await get(`/feeds/plans/${planB.id}.xml`)
    expect(await other.text()).toContain('<dc:creator>Trung tâm Truyền thông</dc:creator>')
    // This feed shows none of that unit's items: its tag stays.
    expect((await get(path)).headers.get('etag')).toBe(etag)
  })
})

describe('read path', () => {
  type AccessHolder = { config: { access: { read: unknown } } }
  const holders = () =>
    (['articles', 'infographics', 'videos'] as const).map(
      (slug) => (payload.collections as unknown as Record<string, AccessHolder>)[slug]!,
    )
  /** Runs `fn` with every content collection's read access replaced, then puts it back. */
  async function withPublicRead<T>(read: (args: { req: { user: unknown } }) => unknown, fn: () => Promise<T>) {
    const saved = holders().map((h) => h.config.access.read)
    for (const h of holders()) h.config.access.read = read
    try {
      return await fn()
    } finally {
      holders().forEach((h, i) => (h.config.access.read = saved[i]))
    }
  }
  const PATHS = () => [
    '/feeds/rss.xml',
    `/feeds/plans/${planB.id}.xml`,
    `/feeds/rss.xml?unit=${ministry.id}&type=videos,articles`,
    `/feeds/rss.xml?channel=${vnexpress.id}`,
    `/feeds/tasks/${taskA1.id}.xml`,
    `/feeds/rss.xml?plan=${planA.id}&type=infographics`,
  ]

  it('gives byte-identical feeds through SQL and through Payload’s access-controlled find', async () => {
    const bySql = await Promise.all(PATHS().map(async (p) => (await get(p)).text()))
    // The same rule in another shape is not recognised, so the feed takes Payload's path.
    const byPayload = await withPublicRead(
      ({ req }) => (req.user ? true : { and: [{ _status: { equals: 'published' } }] }),
      () => Promise.all(PATHS().map(async (p) => (await get(p)).text())),
    )
    expect(bySql.every((xml) => xml.includes('<item>'))).toBe(true)
    expect(byPayload).toEqual(bySql)
  })

  it('keeps a host rule that narrows public reads (here: an embargo on one title)', async () => {
    const hidden = 'Chuyển đổi số: “Đồng bộ” – ưu tiên hàng đầu'
    const path = `/feeds/tasks/${taskA1.id}.xml`
    expect(await titles(path)).toContain(hidden)
    const shown = await withPublicRead(
      ({ req }) =>
        req.user ? true : { and: [{ _status: { equals: 'published' } }, { title: { not_equals: hidden } }] },
      () => titles(path),
    )
    expect(shown).not.toContain(hidden)
    expect(shown).toContain('Số liệu dịch vụ công 2025')
    expect(await titles(path)).toContain(hidden)
  })
})

describe('admin: feed links on plan and task edit views', () => {
  async function render(collectionSlug: 'plans' | 'tasks', doc: Doc | null, language = 'vi') {
    const req = await createLocalReq({ user: editor as never }, payload)
    req.headers = new Headers({ host: 'cms.mst.gov.vn', 'x-forwarded-proto': 'https' })
    const props = { id: doc?.id, data: doc ?? {}, collectionSlug, req, i18n: { language } }
    return renderToStaticMarkup(await FeedLinks(props as unknown as UIFieldServerProps))
  }
  const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'))

  it('is a sidebar field of plans and tasks, registered in the import map', () => {
    for (const slug of ['plans', 'tasks'] as const) {
      const field = payload.collections[slug].config.fields.find((f) => 'name' in f && f.name === 'feedLinks')
      expect(field).toMatchObject({
        type: 'ui',
        admin: { position: 'sidebar', components: { Field: '/plugin/feeds/admin/FeedLinks#FeedLinks' } },
      })
    }
    const importMap = readFileSync(path.resolve('src/app/(payload)/admin/importMap.js'), 'utf8')
    expect(importMap).toContain('"/plugin/feeds/admin/FeedLinks#FeedLinks": FeedLinks_')
  })

  it("lists a plan's feeds with Vietnamese labels, and every link serves a feed", async () => {
    const html = await render('plans', planA)
    expect(html).toContain('Nguồn tin RSS')
    expect(html).toContain('Infographic:')
    expect(html).toContain(`https://cms.mst.gov.vn/feeds/plans/${planA.id}-03-kh-bcdtw.xml`)
    const links = hrefs(html)
    expect(links).toEqual([
      `/feeds/plans/${planA.id}-03-kh-bcdtw.xml`,
      `/feeds/plans/${planA.id}-03-kh-bcdtw.xml?type=articles`,
      `/feeds/plans/${planA.id}-03-kh-bcdtw.xml?type=infographics`,
      `/feeds/plans/${planA.id}-03-kh-bcdtw.xml?type=videos`,
    ])
    for (const link of links) expect((await get(link)).status, link).toBe(200)
    expect(await render('plans', planA, 'en')).toContain('RSS feeds')
  })

  it("lists a task's feed, warns while its plan is a draft, and asks to save a new document first", async () => {
    const html = await render('tasks', taskA1)
    const [all] = hrefs(html)
    expect(all).toBe(`/feeds/tasks/${taskA1.id}-03-kh-bcdtw-iii-1-a.xml`)
    expect((await get(all!)).status).toBe(200)
    expect(html).not.toContain('Dự thảo')
    const draft = await render('tasks', draftTask)
    expect(draft).toContain('Kế hoạch đang ở trạng thái Dự thảo')
    expect((await get(hrefs(draft)[0]!)).status).toBe(404)
    expect(await render('plans', null)).toContain('Lưu để có địa chỉ nguồn tin RSS.')
  })
})
