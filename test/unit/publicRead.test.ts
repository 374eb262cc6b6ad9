import { describe, expect, it } from 'vitest'
import { isPublishedOnlyAccess } from '../../src/domain/publicRead'

describe('isPublishedOnlyAccess', () => {
  it('accepts "everything" and exactly "published"', () => {
    expect(isPublishedOnlyAccess(true)).toBe(true)
    expect(isPublishedOnlyAccess({ _status: { equals: 'published' } })).toBe(true)
  })

  it('refuses every other answer, so the feed keeps Payload’s access-controlled path', () => {
    for (const answer of [
      false,
      null,
      undefined,
      'published',
      [],
      { _status: { equals: 'draft' } },
      { _status: { in: ['published'] } },
      { _status: { equals: 'published', not_equals: 'draft' } },
      { _status: { equals: 'published' }, unit: { equals: 1 } },
      { and: [{ _status: { equals: 'published' } }] },
      { title: { equals: 'published' } },
    ])
      expect(isPublishedOnlyAccess(answer), JSON.stringify(answer)).toBe(false)
  })
})
