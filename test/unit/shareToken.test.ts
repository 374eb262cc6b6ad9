import { describe, expect, it } from 'vitest'
import {
  checkShareExpiry,
  defaultShareExpiry,
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
  // 07:00 on 22/11 in Vietnam.
  const now = new Date('2026-11-22T00:00:00Z')
  it('is revoked before it is expired, and valid through the whole of its expiry day in Vietnam', () => {
    expect(shareLinkState({ revoked: true, expiresAt: '2027-01-01' }, now)).toBe('revoked')
    // Picked as 22/11 (stored at 12:00 UTC): still valid at any hour of 22/11 in Vietnam.
    expect(shareLinkState({ expiresAt: '2026-11-22T12:00:00Z' }, now)).toBe('active')
    expect(shareLinkState({ expiresAt: '2026-11-22T12:00:00Z' }, new Date('2026-11-22T16:59:59Z'))).toBe('active')
    expect(shareLinkState({ expiresAt: '2026-11-22T12:00:00Z' }, new Date('2026-11-22T17:00:00Z'))).toBe('expired')
    // 21/11 23:30 in Vietnam is the 21st there, whatever UTC says.
    expect(shareLinkState({ expiresAt: '2026-11-21T16:30:00Z' }, now)).toBe('expired')
    // Another plan time zone moves the day boundary with it: in New York it is still the 21st.
    expect(shareLinkState({ expiresAt: '2026-11-21T12:00:00Z' }, now, 'America/New_York')).toBe('active')
    expect(
      shareLinkState({ expiresAt: '2026-11-21T12:00:00Z' }, new Date('2026-11-22T05:00:00Z'), 'America/New_York'),
    ).toBe('expired')
    expect(shareLinkState({ expiresAt: 'nonsense' }, now)).toBe('expired')
  })
  it('new links last at least today and at most a year; an update may shorten to the past', () => {
    expect(checkShareExpiry('2026-11-21', now, true)).toEqual({ key: 'shareExpiryPast', vars: { today: '22/11/2026' } })
    expect(checkShareExpiry('2026-11-22', now, true)).toBeNull()
    expect(checkShareExpiry('2026-11-21', now, false)).toBeNull()
    expect(checkShareExpiry('2028-01-01', now, true)?.key).toBe('shareExpiryTooFar')
    expect(checkShareExpiry('2027-11-23', now, true)).toBeNull()
    expect(checkShareExpiry('2027-11-24', now, true)?.key).toBe('shareExpiryTooFar')
    for (const bad of ['soon', '31/12/2026', '2026-02-30', '', 42, null, undefined, {}])
      expect(checkShareExpiry(bad, now, true), String(bad)).toEqual({ key: 'shareExpiryInvalid' })
    expect(checkShareExpiry('2026-12-22', now, true)).toBeNull()
    expect(checkShareExpiry(new Date('2026-12-22T05:00:00Z'), now, true)).toBeNull()
  })
})

describe('a new link’s default expiry', () => {
  it('is the day 30 days ahead in Vietnam, stored as the day picker stores a day', () => {
    // 16:30 UTC is 23:30 on 1/12 in Vietnam.
    expect(defaultShareExpiry(new Date('2026-12-01T16:30:00Z'))).toBe('2026-12-31T12:00:00.000Z')
    // 00:30 on 2/12 in Vietnam, still 1/12 in UTC: the Vietnamese day counts.
    expect(defaultShareExpiry(new Date('2026-12-01T17:30:00Z'))).toBe('2027-01-01T12:00:00.000Z')
  })
})
