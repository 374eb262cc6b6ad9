import Parser from 'rss-parser'
import { describe, expect, it } from 'vitest'
import {
  escapeHtml,
  feedChannelText,
  feedEtag,
  feedText,
  isNotModified,
  latest,
  newestFirst,
  summaryHtml,
  toFeedItem,
  webImage,
  type FeedModel,
  type FeedSourceItem,
} from '../../src/domain/feedItems'
import { canonicalFeedQuery, feedPath, parseFeedParams, parsePathId } from '../../src/domain/feedParams'
import { formatMessage } from '../../src/domain/i18n/messages'
import { checkItemUrlPattern, expandItemUrl, portalItemUrl } from '../../src/domain/portalUrl'
import { renderFeed } from '../../src/plugin/feeds/renderFeed'
import { resolveFeedOptions } from '../../src/plugin/options'

const limits = { defaultLimit: 50, maxLimit: 100, types: ['articles', 'infographics', 'videos'] }
const parse = (query: string, route = {}) => parseFeedParams(new URLSearchParams(query), route, limits)
const fieldOf = (query: string, route = {}) => {
  const r = parse(query, route)
  return r.ok ? null : r.field
}

describe('feed parameters', () => {
  it('defaults to every content type and 50 items', () => {
    expect(parse('')).toEqual({
      ok: true,
      filter: {
        plan: null,
        task: null,
        channel: null,
        unit: null,
        types: ['articles', 'infographics', 'videos'],
        limit: 50,
      },
    })
  })

  it('combines every filter, and takes types in any order or case, canonically ordered', () => {
    expect(parse('plan=7&task=31&channel=2&unit=4&type=Videos, articles&limit=100')).toEqual({
      ok: true,
      filter: { plan: 7, task: 31, channel: 2, unit: 4, types: ['articles', 'videos'], limit: 100 },
    })
  })

  it('reads the id of a readable path and refuses the same parameter in the query', () => {
    expect(parse('', { plan: '7-khtt-02-bkhcn-2025.xml' })).toMatchObject({ ok: true, filter: { plan: 7 } })
    expect(parse('type=videos', { task: '31.xml' })).toMatchObject({
      ok: true,
      filter: { task: 31, types: ['videos'] },
    })
    expect(fieldOf('plan=8', { plan: '7.xml' })).toBe('plan')
    expect(fieldOf('', { plan: 'khtt.xml' })).toBe('plan')
    expect(parsePathId('7')).toBe(7)
    expect(parsePathId('7.xml')).toBe(7)
    expect(parsePathId('07.xml')).toBeNull()
    expect(parsePathId('7-Kế-hoạch.xml')).toBe(7)
    expect(parsePathId('7.rss')).toBeNull()
    expect(parsePathId('2147483648.xml')).toBeNull()
    expect(parsePathId('2147483647.xml')).toBe(2147483647)
  })

  it('names the parameter of every problem', () => {
    expect(fieldOf('plan=abc')).toBe('plan')
    expect(fieldOf('plan=0')).toBe('plan')
    expect(fieldOf('plan=-1')).toBe('plan')
    expect(fieldOf('plan=1e3')).toBe('plan')
    expect(fieldOf('plan=99999999999')).toBe('plan')
    expect(fieldOf('plan=1&plan=1')).toBe('plan')
    expect(fieldOf('task=x')).toBe('task')
    expect(fieldOf('channel=1.0')).toBe('channel')
    expect(fieldOf('unit= ')).toBeNull()
    expect(fieldOf('type=podcast')).toBe('type')
    expect(fieldOf('type=articles&type=videos')).toBe('type')
    expect(fieldOf('limit=0')).toBe('limit')
    expect(fieldOf('limit=101')).toBe('limit')
    expect(fieldOf('limit=100')).toBeNull()
    expect(fieldOf('limit=5.5')).toBe('limit')
    expect(fieldOf('utm_source=x&fbclid=y')).toBeNull()
    const r = parse('limit=500')
    const problem = r.ok ? null : r.problem
    expect(problem && formatMessage(problem, 'en')).toBe('limit must be a whole number from 1 to 100, got "500".')
    expect(problem && formatMessage(problem, 'vi')).toBe(
      'Tham số limit phải là số nguyên từ 1 đến 100; nhận được "500".',
    )
  })

  it('writes the filter back canonically for the self link', () => {
    const r = parse('type=videos,articles&limit=50&unit=4&utm=1&plan=7')
    expect(r.ok && canonicalFeedQuery(r.filter, {}, limits)).toBe('?plan=7&unit=4&type=articles%2Cvideos')
    const p = parse('limit=10', { plan: '7.xml' })
    expect(p.ok && canonicalFeedQuery(p.filter, { plan: '7.xml' }, limits)).toBe('?limit=10')
  })

  it('builds readable paths from Vietnamese codes', () => {
    expect(feedPath('plan', 7, '03-KH/BCĐTW')).toBe('/feeds/plans/7-03-kh-bcdtw.xml')
    expect(feedPath('task', 31, 'KHTT-02/BKHCN-2025 III.1.a')).toBe('/feeds/tasks/31-khtt-02-bkhcn-2025-iii-1-a.xml')
    expect(feedPath('plan', 7, '')).toBe('/feeds/plans/7.xml')
    expect(parsePathId(feedPath('plan', 7, 'Kế hoạch số 1').split('/').at(-1)!)).toBe(7)
  })
})

describe('item URL patterns', () => {
  const vars = { homeUrl: 'https://mst.gov.vn/', collection: 'articles', id: 5, slug: 'chuyen-doi-so' }
  it('the default pattern gives the address the home publication records', () => {
    expect(expandItemUrl('{homeUrl}/{segment}/{slug}', vars)).toBe(
      portalItemUrl('https://mst.gov.vn/', 'articles', { id: 5, slug: 'chuyen-doi-so' }),
    )
    expect(expandItemUrl('{homeUrl}/{segment}/{slug}', { ...vars, collection: 'videos', slug: null })).toBe(
      'https://mst.gov.vn/video/5',
    )
  })
  it('expands custom patterns, encoding the slug, and gives null without a home URL it needs', () => {
    expect(expandItemUrl('https://portal.gov.vn/{collection}/{id}-{slug}.html', vars)).toBe(
      'https://portal.gov.vn/articles/5-chuyen-doi-so.html',
    )
    expect(expandItemUrl('https://p.vn/{slug}', { ...vars, slug: 'a b/c' })).toBe('https://p.vn/a%20b%2Fc')
    expect(expandItemUrl('{homeUrl}/{slug}', { ...vars, homeUrl: null })).toBeNull()
    expect(expandItemUrl('{homeUrl}/{slug}', { ...vars, homeUrl: 'javascript:alert(1)//' })).toBeNull()
  })
  it('rejects patterns with unknown placeholders or without an absolute http(s) URL', () => {
    expect(checkItemUrlPattern('{homeUrl}/{segment}/{slug}')).toBeNull()
    expect(checkItemUrlPattern('https://x.vn/{title}')).toMatch(/unknown placeholder \{title\}/)
    expect(checkItemUrlPattern('/tin-bai/{slug}')).toMatch(/absolute http/)
    expect(checkItemUrlPattern('ftp://x.vn/{slug}')).toMatch(/absolute http/)
    expect(checkItemUrlPattern('')).toMatch(/non-empty/)
  })
})

describe('feed options', () => {
  it('has defaults and fails fast on nonsense, naming the option', () => {
    expect(resolveFeedOptions(undefined)).toEqual({
      itemUrl: '{homeUrl}/{segment}/{slug}',
      itemUrlByCollection: {},
      siteTitle: null,
      defaultLimit: 50,
      maxLimit: 100,
      maxAge: 60,
      types: [],
      contents: {},
      fields: {},
    })
    expect(resolveFeedOptions({ itemUrl: { videos: 'https://tv.vn/{slug}' }, maxLimit: 20 })).toMatchObject({
      itemUrlByCollection: { videos: 'https://tv.vn/{slug}' },
      defaultLimit: 20,
      maxLimit: 20,
    })
    expect(() => resolveFeedOptions({ itemUrl: 'https://x/{nope}' })).toThrow(/feeds.itemUrl uses the unknown/)
    expect(() => resolveFeedOptions({ itemUrl: { videos: '/v/{slug}' } })).toThrow(/feeds.itemUrl.videos/)
    expect(() => resolveFeedOptions({ defaultLimit: 200 })).toThrow(/feeds.defaultLimit/)
    expect(() => resolveFeedOptions({ maxLimit: 0 })).toThrow(/feeds.maxLimit/)
    expect(() => resolveFeedOptions({ maxAge: -1 })).toThrow(/feeds.maxAge/)
    expect(() => resolveFeedOptions({ siteTitle: ' ' })).toThrow(/feeds.siteTitle/)
  })
})

const source = (over: Partial<FeedSourceItem> = {}): FeedSourceItem => ({
  collection: 'articles',
  id: 1,
  title: 'Tin',
  slug: 'tin',
  summary: null,
  publishedAt: '2025-08-04T03:00:00.000Z',
  updatedAt: '2025-08-04T03:00:00.000Z',
  taskIds: [],
  unitId: null,
  image: null,
  ...over,
})

describe('feed items', () => {
  it('orders newest first across kinds, with a fixed order for ties, and cuts at the limit', () => {
    const items = [
      source({ id: 1, publishedAt: '2025-08-01T00:00:00Z' }),
      source({ collection: 'videos', id: 1, publishedAt: '2025-08-03T00:00:00Z' }),
      source({ id: 2, publishedAt: '2025-08-03T00:00:00Z' }),
      source({ id: 3, publishedAt: '2025-08-03T00:00:00Z' }),
      source({ collection: 'infographics', id: 9, publishedAt: null, updatedAt: '2025-08-02T00:00:00Z' }),
    ]
    expect(newestFirst(items, 4).map((i) => `${i.collection}:${i.id}`)).toEqual([
      'articles:3',
      'articles:2',
      'videos:1',
      'infographics:9',
    ])
  })

  it('shapes an item: guid, link, categories in tag order without repeats, unit, escaped summary', () => {
    const item = toFeedItem(source({ summary: 'a < b & c\nd', taskIds: [3, 4, 5, 3], unitId: 2 }), {
      homeUrl: 'https://mst.gov.vn',
      itemUrlPattern: () => '{homeUrl}/{segment}/{slug}',
      taskCategories: new Map([
        [3, 'KH · 1'],
        [5, 'KH · 2'],
      ]),
      unitNames: new Map([[2, 'Vụ Pháp chế']]),
    })
    expect(item).toEqual({
      guid: 'urn:comms-quota:articles:1',
      title: 'Tin',
      link: 'https://mst.gov.vn/tin-bai/tin',
      description: 'a &lt; b &amp; c<br/>d',
      date: '2025-08-04T03:00:00.000Z',
      categories: ['KH · 1', 'KH · 2'],
      author: 'Vụ Pháp chế',
      enclosure: null,
    })
  })

  it('removes characters XML cannot carry', () => {
    expect(feedText(' a\u0000b\u0008c\u000Bd\uFFFEe\uD800f\tg\u{1F600} ')).toBe('abcdef\tg\u{1F600}')
    expect(summaryHtml('  ')).toBeNull()
    expect(escapeHtml(`<a href="x">'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&lt;/a&gt;')
  })

  it('picks the web derivative as an absolute-URL enclosure, else the original', () => {
    const upload = {
      url: '/api/infographics/file/a.png',
      mimeType: 'image/png',
      filesize: 9000,
      sizes: { web: { url: '/api/infographics/file/a-1280x720.png', mimeType: 'image/png', filesize: 4000 } },
    }
    expect(webImage(upload, 'https://cms.gov.vn')).toEqual({
      url: 'https://cms.gov.vn/api/infographics/file/a-1280x720.png',
      type: 'image/png',
      size: 4000,
    })
    expect(webImage({ ...upload, sizes: { web: { url: null } } }, 'https://cms.gov.vn')).toMatchObject({
      url: 'https://cms.gov.vn/api/infographics/file/a.png',
      size: 9000,
    })
    expect(webImage({ url: 'https://cdn.vn/x.webp', mimeType: 'image/webp' }, 'https://cms.gov.vn')).toEqual({
      url: 'https://cdn.vn/x.webp',
      type: 'image/webp',
      size: 0,
    })
    expect(webImage({ url: null, mimeType: 'image/png' }, 'https://cms.gov.vn')).toBeNull()
    expect(webImage(null, 'https://cms.gov.vn')).toBeNull()
  })

  it('names the channel in Vietnamese', () => {
    const base = { siteTitle: 'Cổng TTĐT', plan: null, task: null, channel: null, unit: null, typeCount: 3 }
    expect(feedChannelText({ ...base, types: ['articles', 'infographics', 'videos'] })).toEqual({
      title: 'Cổng TTĐT',
      description: 'Tin bài, infographic và video đã xuất bản trên Cổng TTĐT.',
    })
    expect(
      feedChannelText({
        ...base,
        plan: { code: '03-KH/BCĐTW', title: 'Tuyên truyền Nghị quyết 57' },
        unit: 'Vụ Pháp chế',
        types: ['videos'],
      }),
    ).toEqual({
      title: 'Cổng TTĐT – Kế hoạch 03-KH/BCĐTW – Vụ Pháp chế – Video',
      description: 'Video thực hiện kế hoạch 03-KH/BCĐTW: Tuyên truyền Nghị quyết 57. Đơn vị: Vụ Pháp chế.',
    })
  })
})

const model = (over: Partial<FeedModel> = {}): FeedModel => ({
  title: 'Cổng TTĐT',
  description: 'Mô tả',
  siteUrl: 'https://mst.gov.vn',
  feedUrl: 'https://cms.mst.gov.vn/feeds/rss.xml',
  language: 'vi',
  lastBuildDate: '2025-08-04T03:00:00.000Z',
  items: [],
  ...over,
})

describe('caching rules', () => {
  it('the ETag follows the model: equal models share it, any visible change moves it', () => {
    expect(feedEtag(model())).toBe(feedEtag(model()))
    expect(feedEtag(model())).toMatch(/^"[\w-]{32}"$/)
    expect(feedEtag(model({ title: 'Cổng TTĐT mới' }))).not.toBe(feedEtag(model()))
    expect(feedEtag(model({ feedUrl: 'https://cms.mst.gov.vn/feeds/rss.xml?type=videos' }))).not.toBe(feedEtag(model()))
  })

  it('If-None-Match wins; If-Modified-Since compares whole seconds of a second that is over', () => {
    const current = { etag: '"abc"', lastModified: '2025-08-04T03:00:00.500Z' }
    const later = new Date('2025-08-04T03:00:05Z')
    const check = (ifNoneMatch: string | null, ifModifiedSince: string | null, now = later) =>
      isNotModified({ ifNoneMatch, ifModifiedSince }, current, now)
    expect(check('"abc"', null)).toBe(true)
    expect(check('W/"abc"', null)).toBe(true)
    expect(check('"x", "abc"', null)).toBe(true)
    expect(check('*', null)).toBe(true)
    expect(check('"x"', 'Mon, 04 Aug 2025 03:00:00 GMT')).toBe(false)
    expect(check(null, 'Mon, 04 Aug 2025 03:00:00 GMT')).toBe(true)
    expect(check(null, 'Mon, 04 Aug 2025 02:59:59 GMT')).toBe(false)
    expect(check(null, 'not a date')).toBe(false)
    expect(check(null, null)).toBe(false)
    // Still inside the Last-Modified second: a change now would carry the same HTTP date.
    expect(check(null, 'Mon, 04 Aug 2025 03:00:00 GMT', new Date('2025-08-04T03:00:00.900Z'))).toBe(false)
  })

  it('latest ignores missing and invalid dates', () => {
    expect(latest([null, '2025-01-02T00:00:00Z', undefined, 'x', '2025-01-01T00:00:00Z'])).toBe(
      '2025-01-02T00:00:00.000Z',
    )
    expect(latest([])).toBeNull()
  })
})

describe('renderFeed', () => {
  const item = {
    guid: 'urn:comms-quota:infographics:4',
    title: 'Số liệu <2025> & “xu hướng” ]]> tiếp',
    link: 'https://mst.gov.vn/infographic/so-lieu',
    description: 'Chú thích &amp; nguồn',
    date: '2025-08-04T03:00:00.000Z',
    categories: ['03-KH/BCĐTW · III.1.a'],
    author: 'Trung tâm Truyền thông KH&CN',
    enclosure: {
      url: 'https://cms.gov.vn/api/infographics/file/a-1280x720.png?x=1&y=2',
      type: 'image/png',
      size: 4000,
    },
  }

  it('renders RSS 2.0 a real parser reads back exactly, with no CDATA and a fixed lastBuildDate', async () => {
    const xml = renderFeed(model({ items: [item, { ...item, guid: 'g2', link: null, author: null, enclosure: null }] }))
    expect(xml).not.toContain('CDATA')
    expect(xml).toContain('<lastBuildDate>Mon, 04 Aug 2025 03:00:00 GMT</lastBuildDate>')
    expect(renderFeed(model({ items: [item] }))).toBe(renderFeed(model({ items: [item] })))
    const feed = await new Parser().parseString(xml)
    expect(feed).toMatchObject({ title: 'Cổng TTĐT', description: 'Mô tả', link: 'https://mst.gov.vn', language: 'vi' })
    expect(feed.items[0]).toMatchObject({
      title: item.title,
      link: item.link,
      guid: item.guid,
      content: item.description,
      categories: item.categories,
      creator: item.author,
      isoDate: item.date,
      enclosure: { url: item.enclosure.url, length: '4000', type: 'image/png' },
    })
    expect(feed.items[1]?.link).toBeUndefined()
    expect(feed.items[1]?.creator).toBeUndefined()
    expect(xml).toContain('<guid isPermaLink="false">g2</guid>')
  })

  it('omits lastBuildDate for a feed with nothing to date', () => {
    expect(renderFeed(model({ lastBuildDate: null }))).not.toContain('lastBuildDate')
  })
})
