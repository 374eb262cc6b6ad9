import { describe, expect, it } from 'vitest'
import { needsDummyHash } from '../../src/domain/loginTiming'

describe('login timing', () => {
  it('a dummy hash runs when Payload will not hash: no account, or locked now', () => {
    const now = new Date('2026-12-02T04:00:00Z')
    expect(needsDummyHash(null, now)).toBe(true)
    expect(needsDummyHash({ lockUntil: '2026-12-02T04:05:00Z' }, now)).toBe(true)
    expect(needsDummyHash({ lockUntil: '2026-12-02T03:55:00Z' }, now)).toBe(false)
    expect(needsDummyHash({ lockUntil: null }, now)).toBe(false)
  })
})
