import { describe, expect, it } from 'vitest'
import { portalItemUrl } from '../../src/domain/portalUrl'
import { checkPublications, withHomePublication } from '../../src/domain/publications'
import {
  foldVietnamese,
  normalizeForSearch,
  slugFallback,
  slugFollowsTitle,
  slugify,
  uniqueSlug,
} from '../../src/domain/vietnamese'

describe('Vietnamese folding', () => {
  it('strips every tone and vowel mark and maps đ/Đ (and OCR Ð) to d', () => {
    expect(foldVietnamese('Chuyển đổi số đồng bộ')).toBe('Chuyen doi so dong bo')
    expect(foldVietnamese('ĐẢNG ỦY Ðơn vị đ')).toBe('DANG UY Don vi d')
    expect(normalizeForSearch('  CHUYỂN   ĐỔI\tSỐ ')).toBe('chuyen doi so')
    expect(normalizeForSearch('Ưu tiên ơn huệ')).toBe('uu tien on hue')
    expect(normalizeForSearch(null)).toBe('')
  })
  it('treats precomposed and decomposed input the same', () => {
    expect(normalizeForSearch('Việt'.normalize('NFD'))).toBe(normalizeForSearch('Việt'.normalize('NFC')))
  })
})

describe('slugs', () => {
  it('makes readable ASCII slugs from Vietnamese titles', () => {
    expect(slugify('Chuyển đổi số đồng bộ')).toBe('chuyen-doi-so-dong-bo')
    expect(slugify('Hội nghị KH&CN 2025: “Một dữ liệu duy nhất”!')).toBe('hoi-nghi-kh-cn-2025-mot-du-lieu-duy-nhat')
    expect(slugify('---')).toBe('bai-viet')
    expect(slugify(undefined, 'video')).toBe('video')
  })
  it('caps the length without a trailing dash', () => {
    const slug = slugify('a '.repeat(200))
    expect(slug.length).toBeLessThanOrEqual(96)
    expect(slug.endsWith('-')).toBe(false)
  })
  it('picks the next free suffix', () => {
    expect(uniqueSlug('a', new Set())).toBe('a')
    expect(uniqueSlug('a', new Set(['a', 'a-2']))).toBe('a-3')
  })
})

describe('publication rows', () => {
  const now = new Date('2025-08-29T18:00:00Z') // 30/8 in Hanoi
  it('accepts good rows', () => {
    expect(
      checkPublications([{ channel: 1, url: 'https://vnexpress.net/a', publishedAt: '2025-08-30T12:00:00Z' }], now),
    ).toEqual([])
    expect(checkPublications(undefined, now)).toEqual([])
  })
  it('names the row and field of every problem', () => {
    const problems = checkPublications(
      [
        { channel: 1, url: 'ftp://x', publishedAt: '2025-08-31T12:00:00Z' },
        { channel: { id: 1 }, publishedAt: null },
        { url: 'https://ok.vn', publishedAt: 'garbage' },
        // JavaScript would read these as 2 March; the database refuses them: an invalid date.
        { channel: 3, publishedAt: '2025-02-30' },
        { channel: 4, publishedAt: '2025-02-30T10:00:00Z' },
      ],
      now,
    )
    expect(problems.map((p) => `${p.index}.${p.field}:${p.problem.key}`)).toEqual([
      '0.url:invalidUrl',
      '0.publishedAt:publicationInFuture',
      '1.channel:duplicatePublicationChannel',
      '1.publishedAt:required',
      '2.channel:required',
      '2.publishedAt:invalidDate',
      '3.publishedAt:invalidDate',
      '4.publishedAt:invalidDate',
    ])
  })
  it('adds the home row once, dated the first publish, and keeps an editor-made home row', () => {
    const rows = withHomePublication(
      [{ channel: 2, publishedAt: '2025-08-01' }],
      { id: 1 },
      '2025-08-02T03:00:00Z',
      'https://p/x',
    )
    expect(rows).toEqual([
      { channel: 2, publishedAt: '2025-08-01' },
      { channel: 1, publishedAt: '2025-08-02T03:00:00Z', url: 'https://p/x', note: null },
    ])
    expect(withHomePublication(rows, { id: 1 }, '2026-01-01T00:00:00Z')).toEqual(rows)
    expect(withHomePublication([{ channel: { id: 1 }, publishedAt: '2025-07-01' }], { id: 1 }, 'x')).toHaveLength(1)
    expect(withHomePublication(null, null, 'x')).toEqual([])
  })
})

describe('portal URLs', () => {
  it('builds the item link under the home channel URL', () => {
    expect(portalItemUrl('https://mst.gov.vn', 'articles', { id: 5, slug: 'chuyen-doi-so' })).toBe(
      'https://mst.gov.vn/tin-bai/chuyen-doi-so',
    )
    expect(portalItemUrl('https://mst.gov.vn/portal/', 'infographics', { id: 7 })).toBe(
      'https://mst.gov.vn/portal/infographic/7',
    )
    expect(portalItemUrl(null, 'articles', { id: 1 })).toBeNull()
    expect(portalItemUrl('not a url', 'articles', { id: 1 })).toBeNull()
  })
})

describe('slugFollowsTitle', () => {
  const base = { everPublished: false, currentSlug: 'tin-cu', previousTitle: 'Tin cũ', newTitle: 'Tin mới' }
  it('follows the title while never published and the slug is the automatic one', () => {
    expect(slugFollowsTitle({ ...base, requestedSlug: undefined })).toBe(true)
    expect(slugFollowsTitle({ ...base, requestedSlug: 'tin-cu' })).toBe(true)
    expect(slugFollowsTitle({ ...base, currentSlug: 'tin-cu-3', requestedSlug: 'tin-cu-3' })).toBe(true)
    expect(slugFollowsTitle({ ...base, currentSlug: 'bai-viet', previousTitle: '', requestedSlug: 'bai-viet' })).toBe(
      true,
    )
  })
  it('stays once published, when chosen by the editor, or when the title does not change it', () => {
    expect(slugFollowsTitle({ ...base, everPublished: true, requestedSlug: undefined })).toBe(false)
    expect(slugFollowsTitle({ ...base, currentSlug: 'duong-dan-rieng', requestedSlug: undefined })).toBe(false)
    expect(slugFollowsTitle({ ...base, requestedSlug: 'mot-duong-dan-khac' })).toBe(false)
    expect(slugFollowsTitle({ ...base, newTitle: 'Tin  CŨ!', requestedSlug: undefined })).toBe(false)
    expect(slugFollowsTitle({ ...base, newTitle: '', requestedSlug: undefined })).toBe(false)
  })
})

describe('the slug of an untitled item', () => {
  it('is named after its kind, and follows the title typed later', () => {
    expect(slugFallback('videos')).toBe('video')
    expect(slugFallback('infographics')).toBe('infographic')
    expect(slugFallback('articles')).toBe('bai-viet')
    expect(slugFallback('somethingElse')).toBe('noi-dung')
    const follows = (currentSlug: string, fallback?: string) =>
      slugFollowsTitle({
        everPublished: false,
        currentSlug,
        previousTitle: '',
        newTitle: 'Video hội nghị',
        requestedSlug: undefined,
        fallback,
      })
    expect(follows('video', 'video')).toBe(true)
    expect(follows('video-2', 'video')).toBe(true)
    // Judged against the wrong kind's fallback, the video's automatic slug looked chosen by hand.
    expect(follows('video')).toBe(false)
  })
})
