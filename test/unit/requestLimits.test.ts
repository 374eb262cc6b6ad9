import type { Config } from 'payload'
import { describe, expect, it } from 'vitest'
import {
  checkDateInput,
  checkDeadline,
  checkNotFuture,
  checkPeriod,
  checkWindowStart,
  isDateInput,
} from '../../src/domain/planRules'
import {
  bodyCap,
  checkBodySize,
  checkDataDepth,
  checkFindArgs,
  checkQueryParams,
  checkWhere,
  DEFAULT_REQUEST_LIMITS as L,
} from '../../src/domain/requestLimits'
import { formatMessage } from '../../src/domain/i18n/messages'
import { hardeningPlugin, UPLOAD_RESPONSE_HEADERS } from '../../src/security/hardeningPlugin'

const q = (query: string, method = 'GET') => checkQueryParams(new URLSearchParams(query).entries(), method)

describe('query parameters', () => {
  it('accepts what the admin and ordinary clients send', () => {
    for (const ok of [
      '',
      'limit=10&page=2&depth=1',
      `limit=${L.maxLimit}&depth=${L.maxDepth}`,
      'where[title][like]=chuyen%20doi%20so&sort=-updatedAt',
      `where[id][in]=${Array.from({ length: L.maxInList }, (_, i) => i).join(',')}`,
      'draft=true&locale=vi',
    ])
      expect(q(ok), ok).toBeNull()
  })

  it('names the parameter that is out of range', () => {
    expect(q('limit=0')?.param).toBe('limit')
    expect(q(`limit=${L.maxLimit + 1}`)?.param).toBe('limit')
    expect(q('limit=1e3')?.param).toBe('limit')
    expect(q('page=0')?.param).toBe('page')
    expect(q(`depth=${L.maxDepth + 1}`)?.param).toBe('depth')
    expect(q('depth=')?.param).toBe('depth')
    expect(q('pagination=false')?.param).toBe('pagination')
    const problem = q('limit=999999')!
    expect(formatMessage(problem.problem, 'en')).toBe(
      `The parameter "limit" must be a whole number from 1 to ${L.maxLimit} (got: 999999).`,
    )
  })

  it('lets bulk writes use limit=0 (every match), which the admin relies on', () => {
    expect(q('limit=0&where[id][in][0]=1', 'DELETE')).toBeNull()
    expect(q('limit=0&where[id][in][0]=1', 'PATCH')).toBeNull()
    expect(q('depth=50', 'PATCH')?.param).toBe('depth')
  })

  it('counts list values in every form: comma list, indexed keys, empty brackets, JSON', () => {
    const n = L.maxInList + 1
    const values = Array.from({ length: n }, (_, i) => i)
    expect(q(`where[id][in]=${values.join(',')}`)?.param).toBe('where.id.in')
    expect(q(values.map((v, i) => `where[id][in][${i}]=${v}`).join('&'))?.param).toBe('where.id.in')
    expect(q(values.map((v) => `where[and][1][tasks][all][]=${v}`).join('&'))?.param).toBe('where.and.1.tasks.all')
    expect(q(`where=${encodeURIComponent(JSON.stringify({ or: [{ id: { not_in: values } }] }))}`)?.param).toBe(
      'where.or.0.id.not_in',
    )
  })

  it('refuses malformed JSON in where, and where trees too large or too deep', () => {
    expect(q('where={"id":')?.param).toBe('where')
    expect(q(Array.from({ length: 101 }, (_, i) => `where[or][${i}][id][equals]=${i}`).join('&'))?.param).toBe('where')
    let deep: Record<string, unknown> = { id: { equals: 1 } }
    for (let i = 0; i < 30; i++) deep = { and: [deep] }
    expect(checkWhere(deep)?.problem.key).toBe('queryWhereTooDeep')
  })

  it('lets the admin’s relationship lookup say limit=250: its id list bounds the rows (issue 21 point 3)', () => {
    // Exactly what @payloadcms/ui's RelationshipProvider sends for a list's relationship cells.
    expect(q('depth=0&draft=true&limit=250&locale=vi&where[id][in]=2,3,7')).toBeNull()
    expect(q('limit=250&where[id][in][0]=2&where[id][in][1]=3&where[_status][equals]=published')).toBeNull()
    expect(q(`limit=${L.maxLookupLimit}&where[id][in]=1`)).toBeNull()
    expect(q(`limit=${L.maxLookupLimit + 1}&where[id][in]=1`)?.param).toBe('limit')
    expect(checkFindArgs({ limit: 250, where: { id: { in: [1, 2] } } }, true)).toBeNull()
  })

  it('keeps the row cap when nothing bounds the read by ids', () => {
    const over = `limit=${L.maxLimit + 1}`
    // No list, or a list that does not bound the rows (not_in, nested under or, another field).
    for (const query of [
      over,
      `${over}&where[id][not_in]=1`,
      `${over}&where[or][0][id][in]=1`,
      `${over}&where[unit][in]=1`,
      // A second `where[id]` that qs would merge with the list, or a JSON where beside it.
      `${over}&where[id]=5&where[id][in]=1`,
      `${over}&where[id][in]=1&where=${encodeURIComponent('{"title":{"like":"a"}}')}`,
      // A list hidden past the 1 000 parameters qs parses.
      `${over}&${Array.from({ length: 1000 }, (_, i) => `x${i}=1`).join('&')}&where[id][in]=1`,
    ])
      expect(q(query)?.param, query.slice(0, 80)).toBe('limit')
    // A list over its own cap is refused naming the list, whatever the limit.
    const ids = Array.from({ length: L.maxInList + 1 }, (_, i) => i).join(',')
    expect(q(`limit=250&where[id][in]=${ids}`)?.param).toBe('where.id.in')
    expect(checkFindArgs({ limit: 250, where: { title: { in: ['a'] } } }, true)?.param).toBe('limit')
    expect(checkFindArgs({ limit: 250, where: { id: { in: Array(L.maxInList + 1).fill(1) } } }, true)?.param).toBe(
      'limit',
    )
  })

  it('applies the same caps to GraphQL-style arguments', () => {
    expect(checkFindArgs({ limit: 10, pagination: true, where: { id: { in: [1, 2] } } }, true)).toBeNull()
    expect(checkFindArgs({ limit: 100_000 }, true)?.param).toBe('limit')
    expect(checkFindArgs({ pagination: false }, true)?.param).toBe('pagination')
    expect(checkFindArgs({ pagination: false }, false)).toBeNull()
  })
})

describe('bodies and data', () => {
  it('gives multipart bodies the upload cap and everything else the JSON cap', () => {
    expect(bodyCap('multipart/form-data; boundary=x')).toBe(L.maxMultipartBytes)
    expect(bodyCap('application/json')).toBe(L.maxJsonBytes)
    expect(bodyCap(null)).toBe(L.maxJsonBytes)
    expect(checkBodySize(L.maxJsonBytes, L.maxJsonBytes)).toBeNull()
    expect(checkBodySize(L.maxJsonBytes + 1, L.maxJsonBytes)?.key).toBe('requestTooLarge')
  })

  it('finds the field nested too deep without recursion, even 100 000 levels down', () => {
    const nest = (levels: number) => {
      let node: unknown = { text: 'x' }
      for (let i = 0; i < levels; i++) node = { children: [node] }
      return node
    }
    expect(checkDataDepth({ title: 'x', body: nest(10) })).toBeNull()
    expect(checkDataDepth({ title: 'x', body: nest(100_000) })?.param).toBe('body')
    expect(checkDataDepth(null)).toBeNull()
  })
})

describe('dates', () => {
  it('tells a date from garbage', () => {
    for (const ok of ['2025-08-30', '2025-08-30T00:00:00.000Z', new Date()]) expect(isDateInput(ok)).toBe(true)
    for (const bad of ['garbage', '2025-13-45', '', 42, null, new Date('x'), 'x'.repeat(100)])
      expect(isDateInput(bad)).toBe(false)
    expect(checkDateInput(undefined)).toBeNull()
    expect(checkDateInput('soon')?.key).toBe('invalidDate')
  })

  it('date rules answer invalidDate instead of throwing', () => {
    const tf = { kind: 'deadline' as const, deadline: 'garbage' }
    expect(checkDeadline(tf)?.key).toBe('invalidDate')
    expect(checkWindowStart('abc', { kind: 'deadline', deadline: '2030-12-31' })?.key).toBe('invalidDate')
    expect(checkWindowStart('2025-01-01', tf)).toBeNull()
    expect(checkNotFuture('not-a-day', new Date())?.key).toBe('invalidDate')
    expect(checkPeriod('2025-01-01', 'soon')?.key).toBe('invalidDate')
    expect(checkPeriod('bad', '2025-01-01')).toBeNull()
  })
})

describe('hardening plugin', () => {
  const base = (serverURL?: string): Config =>
    ({
      serverURL,
      collections: [
        { slug: 'files', upload: { mimeTypes: ['image/png'] }, fields: [] },
        { slug: 'notes', fields: [] },
      ],
    }) as unknown as Config

  const harden = (config: Config) => hardeningPlugin()(config) as Config

  it('adds CSRF origins only when the public URL is known', () => {
    expect(harden(base('https://cms.example.gov.vn')).csrf).toEqual(['https://cms.example.gov.vn'])
    expect(harden(base()).csrf).toBeUndefined()
  })

  it('caps Payload’s depth and multipart limits, and sets safe headers on served uploads', () => {
    const out = harden(base())
    expect(out.maxDepth).toBe(L.maxDepth)
    expect(out.upload?.limits?.fileSize).toBe(L.maxMultipartBytes)
    const upload = out.collections?.[0]?.upload as { modifyResponseHeaders: (a: { headers: Headers }) => Headers }
    const headers = upload.modifyResponseHeaders({ headers: new Headers({ 'Content-Type': 'image/png' }) })
    expect(headers.get('content-type')).toBe('image/png')
    for (const [k, v] of Object.entries(UPLOAD_RESPONSE_HEADERS)) expect(headers.get(k)).toBe(v)
    expect(out.collections?.[1]?.upload).toBeUndefined()
    expect(out.collections?.every((c) => (c.hooks?.beforeOperation?.length ?? 0) >= 2)).toBe(true)
  })
})
