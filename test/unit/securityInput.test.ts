import { describe, expect, it } from 'vitest'
import { isDocumentId, malformedWherePaths, unparsableDatePaths, type FieldShape } from '../../src/domain/queryShape'
import { isSingleRelationValue } from '../../src/domain/relations'
import { shareLinkChangeProblem } from '../../src/domain/shareToken'

/** Issue 20, lower-severity findings: the pure rules behind the 400s. */

describe('isSingleRelationValue', () => {
  it('accepts nothing, an id or a populated document', () => {
    for (const v of [null, undefined, '', 13, '13', { id: 13 }, { id: '13', name: 'A' }])
      expect(isSingleRelationValue(v)).toBe(true)
  })
  it('refuses the shapes Payload drops in silence', () => {
    for (const v of [{ relationTo: 'units', value: 13 }, [13], { value: 13 }, {}, 'abc', -1, 1.5, true])
      expect(isSingleRelationValue(v), JSON.stringify(v)).toBe(false)
  })
})

describe('shareLinkChangeProblem', () => {
  const now = new Date('2026-01-10T00:00:00Z')
  const live = { plan: 7, revoked: false, expiresAt: '2026-02-01T00:00:00.000Z' }
  it('keeps a link on its plan', () => {
    expect(shareLinkChangeProblem(live, { plan: 8 }, now)?.field).toBe('plan')
    expect(shareLinkChangeProblem(live, { plan: { id: 7 } }, now)).toBeNull()
    expect(shareLinkChangeProblem(live, { plan: '7', label: 'x' } as never, now)).toBeNull()
  })
  it('makes revocation and expiry final, while a live link may be shortened, extended or revoked', () => {
    expect(shareLinkChangeProblem({ ...live, revoked: true }, { revoked: false }, now)?.field).toBe('revoked')
    expect(shareLinkChangeProblem({ ...live, revoked: true }, { revoked: true }, now)).toBeNull()
    const expired = { ...live, expiresAt: '2026-01-01T00:00:00.000Z' }
    expect(shareLinkChangeProblem(expired, { expiresAt: '2026-03-01T00:00:00.000Z' }, now)?.field).toBe('expiresAt')
    expect(shareLinkChangeProblem(expired, { expiresAt: '2026-01-01T00:00:00Z' }, now)).toBeNull()
    expect(shareLinkChangeProblem(live, { expiresAt: '2026-03-01T00:00:00.000Z', revoked: true }, now)).toBeNull()
  })
})

describe('query and data shapes', () => {
  const fields: FieldShape[] = [
    { type: 'text', name: 'title' },
    { type: 'point', name: 'location' },
    {
      type: 'group',
      name: 'review',
      fields: [
        { type: 'date', name: 'publishAt' },
        { type: 'text', name: 'state' },
      ],
    },
    {
      type: 'array',
      name: 'publications',
      fields: [
        {
          type: 'row',
          fields: [
            { type: 'date', name: 'publishedAt' },
            { type: 'text', name: 'url' },
          ],
        },
      ],
    },
    { type: 'tabs', tabs: [{ fields: [{ type: 'date', name: 'firstPublishedAt' }] }] },
  ]
  it('isDocumentId', () => {
    expect(isDocumentId('12', 'number')).toBe(true)
    expect(isDocumentId(12, 'number')).toBe(true)
    for (const v of ['abc', '1e3', '', '-1', 0, '1234567890123456'])
      expect(isDocumentId(v, 'number'), String(v)).toBe(false)
    expect(isDocumentId('abc', 'text')).toBe(true)
  })
  it('malformedWherePaths: geo operators only on points, no objects for value operators', () => {
    expect(malformedWherePaths({ title: { near: '1,2' } }, fields)).toEqual(['where.title.near'])
    expect(malformedWherePaths({ location: { near: '1,2' } }, fields)).toEqual([])
    expect(malformedWherePaths({ _status: { equals: { foo: 'bar' } } }, fields)).toEqual(['where._status.equals'])
    expect(
      malformedWherePaths(
        { or: [{ and: [{ 'review.state': { like: { a: 1 } } }] }, { title: { in: ['a'] } }] },
        fields,
      ),
    ).toEqual(['where.review.state.like'])
    expect(
      malformedWherePaths({ title: { equals: 'a' }, unit: { in: '1,2' }, publishedAt: { exists: 'true' } }, fields),
    ).toEqual([])
  })
  it('unparsableDatePaths: dates at any depth, null and missing allowed', () => {
    expect(
      unparsableDatePaths(fields, {
        review: { publishAt: 'soon' },
        publications: [{ publishedAt: '2025-08-01' }, { publishedAt: 'garbage' }],
        firstPublishedAt: 42,
      }),
    ).toEqual(['review.publishAt', 'publications.1.publishedAt', 'firstPublishedAt'])
    expect(unparsableDatePaths(fields, { publications: [{ publishedAt: null }], review: {} })).toEqual([])
    // Days that do not exist parse in JavaScript (as 2 March) but not in Postgres.
    expect(
      unparsableDatePaths(fields, { publications: [{ publishedAt: '2026-02-30' }, { publishedAt: '2026-02-28' }] }),
    ).toEqual(['publications.0.publishedAt'])
  })
})
