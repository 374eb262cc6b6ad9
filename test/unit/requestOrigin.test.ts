import { describe, expect, it } from 'vitest'
import { requestOrigin } from '../../src/domain/requestOrigin'

const headers = (h: Record<string, string>) => new Headers(h)

describe('requestOrigin', () => {
  it('prefers SERVER_URL, without a trailing slash', () => {
    expect(requestOrigin('https://tt.gov.vn/', headers({ host: 'internal:3000' }))).toBe('https://tt.gov.vn')
  })
  it('falls back to the forwarded host and protocol, then to the host header', () => {
    expect(
      requestOrigin(
        '',
        headers({ host: 'internal:3000', 'x-forwarded-host': 'a.gov.vn, b', 'x-forwarded-proto': 'https' }),
      ),
    ).toBe('https://a.gov.vn')
    expect(requestOrigin(undefined, headers({ host: '127.0.0.1:3000' }))).toBe('http://127.0.0.1:3000')
  })
  it('is empty when nothing names a host, so callers show a path', () => {
    expect(requestOrigin(null, headers({}))).toBe('')
  })
})
