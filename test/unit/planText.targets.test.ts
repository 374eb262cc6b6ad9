import { describe, expect, it } from 'vitest'
import { contentTargets, deliverableTargets, formatMentions, indicatorTargets } from '../../src/domain/planText/targets'
import type { CatalogEntry } from '../../src/domain/planText'

const CHANNELS: CatalogEntry[] = [
  { id: 'portal', name: 'Cổng TTĐT', aliases: ['Cổng Thông tin điện tử'] },
  { id: 'fanpage', name: 'Fanpage Sở' },
]
const ctx = { channels: CHANNELS, deadline: '2025-08-30', from: null, year: 2025 }

describe('content targets', () => {
  it('reads a pooled quantity with its channels', () => {
    const [t, ...rest] = contentTargets('20 tin bài trên Cổng TTĐT, Fanpage Sở; Báo Nhân Dân', ctx)
    expect(rest).toEqual([])
    expect(t).toMatchObject({
      kind: 'content',
      quantity: 20,
      types: ['article'],
      words: ['tin bài'],
      mode: 'pooled',
      period: null,
      deadline: '2025-08-30',
    })
    expect(t?.channels.map((c) => c.id ?? c.name)).toEqual(['portal', 'fanpage', 'Báo Nhân Dân'])
  })
  it('keeps the original word and maps it to a type', () => {
    const words = (s: string) => contentTargets(s, ctx).map((t) => [t.words.join('+'), t.types.join('+')])
    expect(words('05 Infographic')).toEqual([['Infographic', 'infographic']])
    expect(words('3 motion graphics')).toEqual([['motion graphics', 'video']])
    expect(words('2 phóng sự')).toEqual([['phóng sự', 'video']])
    expect(words('4 podcast')).toEqual([['podcast', 'video']])
    expect(words('6 ảnh')).toEqual([['ảnh', 'infographic']])
    expect(words('10 bài viết')).toEqual([['bài viết', 'article']])
    expect(words('1 tọa đàm')).toEqual([['tọa đàm', 'video']])
    expect(words('8 tin bai')).toEqual([['tin bai', 'article']])
  })
  it('reads several formats sharing one quantity', () => {
    const [t] = contentTargets('04 infographic, video trên Fanpage Sở', ctx)
    expect(t?.types).toEqual(['infographic', 'video'])
    expect(t?.words).toEqual(['infographic', 'video'])
  })
  it('reads per-channel quantities ("mỗi kênh")', () => {
    const [t] = contentTargets('5 bài trên mỗi kênh: Cổng TTĐT, Fanpage Sở', ctx)
    expect(t?.mode).toBe('perChannel')
    expect(t?.channels.map((c) => c.id)).toEqual(['portal', 'fanpage'])
  })
  it('reads quantities per period', () => {
    expect(contentTargets('02 video/tháng trên Fanpage Sở', ctx)[0]?.period).toBe('month')
    expect(contentTargets('10 tin mỗi quý trên Cổng TTĐT', ctx)[0]?.period).toBe('quarter')
  })
  it('lets channels named once apply to each quantity before them', () => {
    const ts = contentTargets('Sản xuất 24 podcast, 10 phóng sự trên Cổng TTĐT.', ctx)
    expect(ts.map((t) => [t.quantity, t.channels.map((c) => c.id)])).toEqual([
      [24, ['portal']],
      [10, ['portal']],
    ])
  })
  it('finds channels after a short description', () => {
    const [t] = contentTargets('Sản xuất 12 video giới thiệu điểm đến trên Cổng Thông tin điện tử.', ctx)
    expect(t?.channels.map((c) => c.id)).toEqual(['portal'])
  })
  it('ignores numbers that are not content quantities', () => {
    expect(contentTargets('ít nhất 03 chương trình đào tạo; 100% cán bộ; Nghị quyết số 57-NQ/TW', ctx)).toEqual([])
    expect(contentTargets('trên 4 kênh chính', ctx)).toEqual([])
  })
})

describe('indicator targets', () => {
  it('reads percentages with and without "ít nhất"', () => {
    const ts = indicatorTargets(
      '- 100% cán bộ được phổ biến.\n- Ít nhất 80% người dân tiếp cận thông tin; 70% hộ kinh doanh dùng ví điện tử.',
      2030,
    )
    expect(ts.map((t) => [t.value, t.atLeast, t.year, t.unit])).toEqual([
      [100, false, 2030, '%'],
      [80, true, 2030, '%'],
      [70, false, 2030, '%'],
    ])
    expect(ts[1]?.description).toBe('người dân tiếp cận thông tin')
    expect(ts[1]?.source).toBe('Ít nhất 80% người dân tiếp cận thông tin')
  })
  it('reads decimals and OCR text', () => {
    expect(indicatorTargets('toi thieu 85,5 % doanh nghiep', null)[0]).toMatchObject({ value: 85.5, atLeast: true })
  })
})

describe('deliverable targets', () => {
  it('reads report deliverables from a result cell', () => {
    expect(deliverableTargets('Báo cáo thực hiện nhiệm vụ', '2025-12-31')).toEqual([
      {
        kind: 'deliverable',
        title: 'Báo cáo thực hiện nhiệm vụ',
        dueDate: '2025-12-31',
        source: 'Báo cáo thực hiện nhiệm vụ',
      },
    ])
    expect(deliverableTargets('Bao cao tong ket; Ke hoach nam 2026', null).map((d) => d.title)).toEqual([
      'Bao cao tong ket',
      'Ke hoach nam 2026',
    ])
  })
  it('does not read a content quantity as a deliverable', () => {
    expect(deliverableTargets('20 tin bài trên Cổng TTĐT', null)).toEqual([])
  })
})

describe('format mentions', () => {
  it('lists formats named without a quantity', () => {
    const f = formatMentions(
      'Sản xuất nội dung tin bài, ảnh, đồ họa thông tin (infographic), đồ họa chuyển động (motion graphics), video, clip, podcast',
    )
    expect(f.map((x) => `${x.word}:${x.type}`)).toEqual([
      'tin bài:article',
      'ảnh:infographic',
      'đồ họa thông tin:infographic',
      'infographic:infographic',
      'đồ họa chuyển động:video',
      'motion graphics:video',
      'video:video',
      'clip:video',
      'podcast:video',
    ])
  })
  it('does not take "phản ánh", "hình ảnh", "ảnh hưởng" or "thông tin" for formats', () => {
    expect(formatMentions('phản ánh kịp thời hình ảnh, ảnh hưởng của thông tin')).toEqual([])
  })
})
