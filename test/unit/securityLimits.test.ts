import { describe, expect, it } from 'vitest'
import {
  checkOverrideBody,
  DEFAULT_REQUEST_LIMITS as L,
  isMethodOverrideGet,
  multipartCap,
  multipartTarget,
} from '../../src/domain/requestLimits'
import { isCrossSiteWrite } from '../../src/domain/sameOrigin'

describe('method override bodies (finding 4)', () => {
  const url = 'http://x/api/articles'
  const form = 'application/x-www-form-urlencoded'
  it('recognises both override headers', () => {
    expect(isMethodOverrideGet(new Headers({ 'X-Payload-HTTP-Method-Override': 'GET' }))).toBe(true)
    expect(isMethodOverrideGet(new Headers({ 'X-HTTP-Method-Override': 'get' }))).toBe(true)
    expect(isMethodOverrideGet(new Headers({}))).toBe(false)
  })
  it.each([
    ['limit=0', 'limit=0&depth=0', 'limit'],
    ['pagination=false', 'pagination=false', 'pagination'],
    ['a huge page', 'page=999999999', 'page'],
    ['a deep depth', 'depth=9', 'depth'],
    ['an in list of 5000', Array.from({ length: 5000 }, (_, i) => `where[id][in][${i}]=${i}`).join('&'), 'where.id.in'],
    ['300 conditions', Array.from({ length: 300 }, (_, i) => `where[or][${i}][title][equals]=t`).join('&'), 'where'],
  ])('a form body with %s is checked as the query it becomes', (_label, body, param) => {
    expect(checkOverrideBody(url, form, body)?.param).toBe(param)
    expect(checkOverrideBody(url, `${form}; charset=UTF-8`, body)?.param).toBe(param)
  })
  it('the URL and the body are joined as Payload joins them', () => {
    // Payload builds `${url}?${body}`: a URL that already has a query swallows the first key.
    expect(checkOverrideBody(`${url}?x=1`, form, 'limit=5&limit=0')?.param).toBe('limit')
  })
  it('a JSON body gets the same caps; ordinary bodies pass', () => {
    expect(checkOverrideBody(url, 'application/json', '{"limit":0}')?.param).toBe('limit')
    expect(checkOverrideBody(url, 'application/json', '{"pagination":false}')?.param).toBe('pagination')
    expect(
      checkOverrideBody(url, 'application/json', '{"where":{"id":{"in":[' + Array(300).fill(1).join(',') + ']}}}')
        ?.param,
    ).toBe('where.id.in')
    expect(checkOverrideBody(url, 'application/json', '{nope')?.param).toBe('body')
    expect(checkOverrideBody(url, form, 'limit=10&depth=0&where[_status][equals]=published')).toBeNull()
    expect(checkOverrideBody(url, 'application/json', '{"locale":"vi"}')).toBeNull()
  })
})

describe('multipart targets and caps (finding 5)', () => {
  it('names the collection and the operation the access check must pass', () => {
    expect(multipartTarget('POST', '/api/media')).toEqual({ slug: 'media', operation: 'create' })
    expect(multipartTarget('PATCH', '/api/media/12')).toEqual({ slug: 'media', operation: 'update', id: '12' })
    expect(multipartTarget('PATCH', '/api/media')).toEqual({ slug: 'media', operation: 'update' })
    expect(multipartTarget('POST', '/api/articles/versions/3')).toEqual({ slug: 'articles', operation: null })
    expect(multipartTarget('POST', '/admin')).toBeNull()
  })
  it('an upload collection gets its own limit plus room for the form; others a form’s', () => {
    expect(multipartCap({ upload: {}, custom: { maxUploadBytes: 20 * 1024 * 1024 } })).toBe(
      20 * 1024 * 1024 + L.maxJsonBytes,
    )
    expect(multipartCap({})).toBe(L.maxFormBytes)
    expect(multipartCap({ upload: {} })).toBe(L.maxMultipartBytes)
  })
})

describe('origin of cookie-authenticated writes', () => {
  const h = (init: Record<string, string>) => new Headers({ host: 'cms.local:3000', ...init })
  const cookie = 'payload-token=abc'
  it('refuses another origin, a null origin and cross-site fetches carrying the cookie', () => {
    expect(isCrossSiteWrite(h({ cookie, origin: 'https://evil.example' }), 'payload-token', [])).toBe(true)
    expect(isCrossSiteWrite(h({ cookie, origin: 'null' }), 'payload-token', [])).toBe(true)
    expect(isCrossSiteWrite(h({ cookie, 'sec-fetch-site': 'cross-site' }), 'payload-token', [])).toBe(true)
  })
  it('lets the same origin, token clients, cookie-less requests and a configured CSRF list through', () => {
    expect(isCrossSiteWrite(h({ cookie, origin: 'http://cms.local:3000' }), 'payload-token', [])).toBe(false)
    expect(isCrossSiteWrite(h({ cookie }), 'payload-token', [])).toBe(false)
    expect(isCrossSiteWrite(h({ origin: 'https://evil.example' }), 'payload-token', [])).toBe(false)
    expect(
      isCrossSiteWrite(h({ cookie, origin: 'https://evil.example', authorization: 'JWT x' }), 'payload-token', []),
    ).toBe(false)
    // Payload enforces its own list when SERVER_URL is set.
    expect(
      isCrossSiteWrite(h({ cookie, origin: 'https://evil.example' }), 'payload-token', ['https://cms.gov.vn']),
    ).toBe(false)
  })
})
