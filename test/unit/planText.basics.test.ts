import { describe, expect, it } from 'vitest'
import { matchCatalog, resolveChannels, resolveUnits, splitUnitList } from '../../src/domain/planText/catalog'
import { findDates, parseDate } from '../../src/domain/planText/dates'
import { cleanText, foldVi, htmlToText, matchKey, normalizeVi } from '../../src/domain/planText/normalize'
import { inlineTimeframe, parseTimeframe } from '../../src/domain/planText/timeframe'
import type { CatalogEntry } from '../../src/domain/planText'

describe('normalizeVi', () => {
  it('lowercases, strips diacritics and collapses spaces', () => {
    expect(normalizeVi('  Thường   Xuyên ')).toBe('thuong xuyen')
    expect(normalizeVi('Kế hoạch')).toBe('ke hoach')
    expect(normalizeVi('Ké hoach')).toBe('ke hoach')
  })
  it('maps đ, Đ and the OCR look-alike Ð (Icelandic Eth) to d', () => {
    expect(normalizeVi('Đơn vị')).toBe('don vi')
    expect(normalizeVi('\u00d0ơn vị')).toBe('don vi')
    expect(normalizeVi('đ\u00f0')).toBe('dd')
  })
  it('handles decomposed (NFD) input', () => {
    expect(normalizeVi('Tho\u0302\u0300ng tin'.normalize('NFD'))).toBe('thong tin')
  })
})

describe('foldVi', () => {
  it('keeps every position so matches can slice the original', () => {
    const s = 'Ngày Chuyển đổi số quốc gia (10/10)'
    const f = foldVi(s)
    expect(f).toHaveLength(s.length)
    expect(f).toBe('ngay chuyen doi so quoc gia (10/10)')
    const i = f.indexOf('chuyen doi')
    expect(s.slice(i, i + 'chuyen doi'.length)).toBe('Chuyển đổi')
  })
})

describe('matchKey', () => {
  it('ignores punctuation and "&" so KH&CN = KHCN', () => {
    expect(matchKey('Bộ KH&CN')).toBe(matchKey('Bộ KHCN'))
    expect(matchKey('Cổng TTĐT.')).toBe('cong ttdt')
    expect(matchKey('các cơ quan báo chí')).toBe('co quan bao chi')
  })
})

describe('htmlToText', () => {
  it('turns <p> cells into lines and decodes entities', () => {
    expect(htmlToText('<p>- Trung tâm KH&amp;CN.</p> <p>- Báo   Vnexpress</p>')).toBe(
      '- Trung tâm KH&CN.\n- Báo Vnexpress',
    )
    expect(htmlToText('Dòng 1<br/>Dòng 2 &#272;&#x111;')).toBe('Dòng 1\nDòng 2 Đđ')
  })
  it('leaves a "<" that is not a tag alone', () => {
    expect(htmlToText('tỷ lệ < 5% và > 2%')).toBe('tỷ lệ < 5% và > 2%')
  })
  it('cleanText drops empty lines', () => {
    expect(cleanText(' a \n\n  b  c ')).toBe('a\nb c')
  })
})

describe('dates', () => {
  it('parses d/m/yyyy, d-m-yyyy, d.m.yyyy and the worded form', () => {
    expect(findDates('hạn 30/8/2025', null)[0]?.iso).toBe('2025-08-30')
    expect(findDates('hạn 30-8-2025', null)[0]?.iso).toBe('2025-08-30')
    expect(findDates('hạn 30.8.2025', null)[0]?.iso).toBe('2025-08-30')
    expect(findDates('ngày 19 tháng 6 năm 2025', null)[0]?.iso).toBe('2025-06-19')
    expect(findDates('ngay 19 thang 6 nam 2025', null)[0]?.iso).toBe('2025-06-19')
    expect(findDates('ngày 02/6/2025', null)[0]?.iso).toBe('2025-06-02')
    // OCR runs a word into its number: "tháng7", "ngày22".
    expect(findDates('Hà Nội, ngày 28 tháng7 năm 2025', null)[0]?.iso).toBe('2025-07-28')
    expect(findDates('ngày22 tháng 5 năm2025', null)[0]?.iso).toBe('2025-05-22')
  })
  it('uses the reference year for a date without one', () => {
    expect(findDates('trước 20/6', 2026)[0]?.iso).toBe('2026-06-20')
    expect(findDates('trước 20/6', null)[0]).toMatchObject({ day: 20, month: 6, year: null, iso: null })
  })
  it('does not read document codes or outline numbers as dates', () => {
    expect(findDates('Nghị định số 55/2025/NĐ-CP', null)).toEqual([])
    expect(findDates('2.4. Tăng cường', null)).toEqual([])
    expect(findDates('từ 5-10 bài', null)).toEqual([])
  })
  it('reports a date-shaped text that is not a real day', () => {
    expect(parseDate('31/2/2025', null)).toEqual({ iso: null, problem: 'invalid' })
    expect(parseDate('29/2/2024', null)).toEqual({ iso: '2024-02-29', problem: null })
    expect(parseDate('15/10', null)).toEqual({ iso: null, problem: 'noYear' })
    expect(parseDate('15/10', 2025)).toEqual({ iso: '2025-10-15', problem: null })
    expect(parseDate('Tháng 9/2025', null)).toBeNull()
  })
})

describe('parseTimeframe', () => {
  it('reads deadlines, quarters and months', () => {
    expect(parseTimeframe('30/8/2025', null)).toEqual({ kind: 'deadline', date: '2025-08-30' })
    expect(parseTimeframe('Quý III/2025', null)).toEqual({ kind: 'deadline', date: '2025-09-30' })
    expect(parseTimeframe('Tháng 9/2025', null)).toEqual({ kind: 'deadline', date: '2025-09-30' })
    expect(parseTimeframe('Từ 01/7/2025 đến 30/9/2025', null)).toEqual({
      kind: 'deadline',
      date: '2025-09-30',
      from: '2025-07-01',
    })
  })
  it('reads recurring work, with diacritics or without', () => {
    expect(parseTimeframe('Thường xuyên', null)).toEqual({ kind: 'recurring' })
    expect(parseTimeframe('Thuong xuyen', null)).toEqual({ kind: 'recurring' })
    expect(parseTimeframe('Nhiệm vụ thường xuyên, bắt đầu từ năm 2026', null)).toEqual({
      kind: 'recurring',
      fromYear: 2026,
    })
    expect(parseTimeframe('Thường xuyên, hằng quý', null)).toEqual({ kind: 'recurring', period: 'quarter' })
  })
  it('reads "complete in year N"', () => {
    expect(parseTimeframe('Hoàn thành năm 2026', null)).toEqual({ kind: 'byYear', year: 2026 })
    expect(parseTimeframe('Hoan thanh trong nam 2025', null)).toEqual({ kind: 'byYear', year: 2025 })
    expect(parseTimeframe('2027', null)).toEqual({ kind: 'byYear', year: 2027 })
  })
  it('returns null for what it does not understand', () => {
    expect(parseTimeframe('khi có yêu cầu', null)).toBeNull()
  })
  it('takes a trailing timeframe sentence off a task text', () => {
    const r = inlineTimeframe('Xây dựng kho tài nguyên số. Nhiệm vụ thường xuyên.', null)
    expect(r).toEqual({
      timeframe: { kind: 'recurring' },
      phrase: 'Nhiệm vụ thường xuyên',
      rest: 'Xây dựng kho tài nguyên số.',
    })
    expect(inlineTimeframe('Xây dựng nền tảng số. Hoàn thành năm 2026.', null)?.timeframe).toEqual({
      kind: 'byYear',
      year: 2026,
    })
    expect(inlineTimeframe('Thường xuyên truyền thông về chính sách mới.', null)).toBeNull()
  })
})

const CHANNELS: CatalogEntry[] = [
  { id: 'portal', name: 'Cổng TTĐT Bộ KH&CN', aliases: ['Cổng TTĐT'] },
  { id: 'vnexpress', name: 'Báo điện tử VnExpress', aliases: ['VnExpress'] },
  { id: 'social', name: 'Mạng xã hội Bộ KH&CN' },
]

describe('catalog matching', () => {
  it('matches names ignoring case, diacritics and punctuation', () => {
    expect(matchCatalog('Cong TTDT', CHANNELS).id).toBe('portal')
    expect(matchCatalog('Mạng xã hội Bộ KHCN', CHANNELS).id).toBe('social')
    expect(matchCatalog('Báo Vnexpress', CHANNELS)).toEqual({
      id: 'vnexpress',
      name: 'Báo điện tử VnExpress',
      raw: 'Báo Vnexpress',
    })
  })
  it('keeps an unknown name as written', () => {
    expect(matchCatalog('Đài Phát thanh tỉnh', CHANNELS)).toEqual({
      id: null,
      name: 'Đài Phát thanh tỉnh',
      raw: 'Đài Phát thanh tỉnh',
    })
    expect(matchCatalog('Báo', CHANNELS).id).toBeNull()
  })
  it('splits a channel list on ";" and ","', () => {
    const refs = resolveChannels('Cổng TTĐT, Mạng xã hội Bộ KHCN; Báo điện tử VnExpress; các cơ quan báo chí', CHANNELS)
    expect(refs.map((r) => r.id)).toEqual(['portal', 'social', 'vnexpress', null])
  })
  it('splits on "và" only when both sides are known channels', () => {
    expect(resolveChannels('Cổng TTĐT và VnExpress', CHANNELS).map((r) => r.id)).toEqual(['portal', 'vnexpress'])
    expect(resolveChannels('Đài Phát thanh và Truyền hình tỉnh', CHANNELS).map((r) => r.name)).toEqual([
      'Đài Phát thanh và Truyền hình tỉnh',
    ])
  })
  it('splits unit lists on ";" and lines but never on commas', () => {
    expect(splitUnitList('Phòng A; Phòng B.\n- Bộ Văn hóa, Thể thao và Du lịch')).toEqual([
      'Phòng A',
      'Phòng B',
      'Bộ Văn hóa, Thể thao và Du lịch',
    ])
  })
  it('separates units whose separator was lost', () => {
    expect(splitUnitList('Văn phòng Bộ Trung tâm Truyền thông KH&CN')).toEqual([
      'Văn phòng Bộ',
      'Trung tâm Truyền thông KH&CN',
    ])
    expect(splitUnitList('Văn phòng Sở Phòng Kế hoạch - Tài chính')).toEqual([
      'Văn phòng Sở',
      'Phòng Kế hoạch - Tài chính',
    ])
    expect(splitUnitList('Cục Sở hữu trí tuệ')).toEqual(['Cục Sở hữu trí tuệ'])
    expect(splitUnitList('Văn phòng Sở Y tế')).toEqual(['Văn phòng Sở Y tế'])
  })
  it('resolves units against the unit catalog', () => {
    const units: CatalogEntry[] = [
      { id: 'u1', name: 'Trung tâm Truyền thông Khoa học và Công nghệ', aliases: ['Trung tâm truyền thông KH&CN'] },
    ]
    expect(resolveUnits('- Trung tâm truyền thông KH&CN.', units)).toEqual([
      { id: 'u1', name: 'Trung tâm Truyền thông Khoa học và Công nghệ', raw: 'Trung tâm truyền thông KH&CN' },
    ])
  })
})
