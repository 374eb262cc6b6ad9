import { describe, expect, it } from 'vitest'
import {
  checkShareExpiry,
  parseShareToken,
  shareLinkState,
  signShareToken,
  verifyShareToken,
} from '../../src/domain/shareToken'

const link = { id: 7, createdAt: '2026-11-01T03:00:00.000Z' }

describe('share tokens', () => {
  it('verifies its own token and refuses any change to id, time, secret or signature', () => {
    const token = signShareToken('s3cret', link.id, link.createdAt)
    expect(verifyShareToken('s3cret', token, link)).toBe(true)
    expect(verifyShareToken('other', token, link)).toBe(false)
    expect(verifyShareToken('s3cret', token, { ...link, createdAt: '2026-11-01T03:00:00.001Z' })).toBe(false)
    expect(verifyShareToken('s3cret', token.replace(/^7\./, '8.'), { ...link, id: 8 })).toBe(false)
    const last = token.at(-1) === 'A' ? 'B' : 'A'
    expect(verifyShareToken('s3cret', token.slice(0, -1) + last, link)).toBe(false)
  })

  it('parses only well-formed tokens', () => {
    expect(parseShareToken(signShareToken('k', 12, link.createdAt))?.id).toBe(12)
    for (const bad of ['', '7', '7.', '0.' + 'a'.repeat(32), '7.' + 'a'.repeat(31), '7.' + 'a'.repeat(32) + '/', 'x.y'])
      expect(parseShareToken(bad), bad).toBeNull()
  })
})

describe('share link state and expiry', () => {
  const now = new Date('2026-11-22T00:00:00Z')
  it('is revoked before it is expired, expired at its expiry instant', () => {
    expect(shareLinkState({ revoked: true, expiresAt: '2027-01-01' }, now)).toBe('revoked')
    expect(shareLinkState({ expiresAt: '2026-11-22T00:00:00Z' }, now)).toBe('expired')
    expect(shareLinkState({ expiresAt: '2026-11-22T00:00:01Z' }, now)).toBe('active')
    expect(shareLinkState({ expiresAt: 'nonsense' }, now)).toBe('expired')
  })
  it('new links expire in the future and within a year; an update may shorten to the past', () => {
    expect(checkShareExpiry('2026-11-21', now, true)).toMatch(/future/)
    expect(checkShareExpiry('2026-11-21', now, false)).toBeNull()
    expect(checkShareExpiry('2028-01-01', now, true)).toMatch(/366 days/)
    expect(checkShareExpiry('soon', now, true)).toMatch(/date/)
    expect(checkShareExpiry('2026-12-22', now, true)).toBeNull()
  })
})
