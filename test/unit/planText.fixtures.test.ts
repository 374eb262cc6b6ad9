import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parsePlanText } from '../../src/domain/planText'
import type { CatalogEntry, ContentTargetDraft, PlanDraft, TaskDraft } from '../../src/domain/planText'

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/planText')
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8')

const byCode = (d: PlanDraft, code: string): TaskDraft => {
  const t = d.tasks.find((x) => x.code === code)
  if (!t) throw new Error(`no task ${code}; have ${d.tasks.map((x) => x.code).join(', ')}`)
  return t
}
const contentOf = (t: TaskDraft): ContentTargetDraft[] =>
  t.targets.filter((x): x is ContentTargetDraft => x.kind === 'content')
const names = (refs: Array<{ name: string }>) => refs.map((r) => r.name)
const kinds = (d: PlanDraft) => d.warnings.map((w) => w.kind)

const CHANNELS: CatalogEntry[] = [
  { id: 'portal', name: 'Cổng TTĐT Sở Y tế' },
  { id: 'fanpage', name: 'Fanpage Sở Y tế' },
  { id: 'suckhoe', name: 'Báo Sức khỏe và Đời sống', aliases: ['Báo Sức khỏe & Đời sống'] },
]

describe('appendix table plan (shape of a ministry decision + plan with an appendix)', () => {
  const d = parsePlanText(fixture('appendix-table.txt'), { channels: CHANNELS })

  it('reads the header; a blank document number gives code null and a warning', () => {
    expect(d.code).toBeNull()
    expect(d.blankNumberSuffix).toBe('QĐ-SYT')
    expect(d.implementsCode).toBe('07-KH/TU')
    expect(d.title).toBe(
      'Truyền thông chuyển đổi số ngành Y tế năm 2025 thực hiện Kế hoạch số 07-KH/TU ngày 12 tháng 3 năm 2025 của Tỉnh ủy',
    )
    expect(d.issuer).toBe('Sở Y tế tỉnh Hoa Sen')
    expect(d.issueDate).toBeNull()
    expect(d.period).toMatchObject({ from: '2025-01-01', to: '2025-12-31' })
    expect(d.warnings.find((w) => w.kind === 'blankNumber')).toMatchObject({ line: 3, source: 'Số: /QĐ-SYT' })
  })

  it('reads the basis documents', () => {
    expect(d.basis.map((b) => [b.kind, b.code, b.date, b.relation])).toEqual([
      ['Quyết định', '18/2024/QĐ-UBND', '2024-07-05', 'basedOn'],
      ['Kế hoạch', '07-KH/TU', '2025-03-12', 'basedOn'],
    ])
  })

  it('reads monthly reporting and the content themes', () => {
    expect(d.reporting).toEqual([
      expect.objectContaining({ kind: 'monthly', day: 25, recipient: 'Trung tâm Truyền thông Y tế', internal: false }),
    ])
    expect(d.themes.map((t) => t.code)).toEqual(['II.1', 'II.2'])
  })

  it('reads every row, joining the split row and numbering rows without STT', () => {
    expect(d.tasks.map((t) => [t.code, t.codeInferred])).toEqual([
      ['1', false],
      ['2', false],
      ['3', false],
      ['4', false],
      ['5', true],
      ['6', true],
    ])
    expect(byCode(d, '1').content).toBe(
      '- Truyền thông về ứng dụng hồ sơ sức khỏe điện tử trên VNeID.\n- Hướng dẫn người dân đặt lịch khám trực tuyến.\n- Giới thiệu mô hình trạm y tế số tại xã vùng cao.',
    )
    expect(byCode(d, '5').content).toBe(
      'Tổng hợp tình hình thông tin trên báo chí về ngành y tế của tỉnh, tham mưu Lãnh đạo Sở xử lý kịp thời.',
    )
    expect(kinds(d)).toContain('rowWithoutNumber')
  })

  it('reads a pooled content target and matches channels, keeping the unknown one raw', () => {
    const t = byCode(d, '1')
    expect(names(t.leadUnits)).toEqual(['Trung tâm Truyền thông Y tế', 'Báo Sức khỏe & Đời sống'])
    expect(t.timeframe).toEqual({ kind: 'deadline', date: '2025-09-30' })
    const [c] = contentOf(t)
    expect(c).toMatchObject({
      quantity: 15,
      types: ['article'],
      words: ['tin bài'],
      mode: 'pooled',
      deadline: '2025-09-30',
    })
    expect(c?.channels.map((x) => x.id ?? `raw:${x.name}`)).toEqual([
      'portal',
      'fanpage',
      'suckhoe',
      'raw:Đài Phát thanh Hoa Sen',
    ])
    expect(d.warnings.filter((w) => w.kind === 'unknownChannel').map((w) => w.source)).toEqual([
      'Đài Phát thanh Hoa Sen',
    ])
  })

  it('reads per-channel targets, quarters, recurring rows and dates without a year', () => {
    const two = byCode(d, '2')
    expect(two.timeframe).toEqual({ kind: 'deadline', date: '2025-12-31' })
    expect(contentOf(two)[0]).toMatchObject({ quantity: 4, types: ['infographic', 'video'], mode: 'perChannel' })
    const three = byCode(d, '3')
    expect(three.timeframe).toEqual({ kind: 'recurring' })
    expect(contentOf(three)[0]).toMatchObject({ quantity: 2, types: ['video'], period: 'month', deadline: null })
    expect(byCode(d, '4').timeframe).toEqual({ kind: 'deadline', date: '2025-10-15' })
  })

  it('reads report deliverables and percentages; splits run-together units; warns on 31/2', () => {
    const five = byCode(d, '5')
    expect(names(five.leadUnits)).toEqual(['Văn phòng Sở', 'Phòng Kế hoạch - Tài chính'])
    expect(five.targets).toEqual([
      {
        kind: 'deliverable',
        title: 'Báo cáo thực hiện nhiệm vụ',
        dueDate: '2025-12-31',
        source: 'Báo cáo thực hiện nhiệm vụ',
      },
    ])
    const six = byCode(d, '6')
    expect(six.timeframe).toBeNull()
    expect(six.targets.map((t) => t.kind)).toEqual(['indicator', 'indicator', 'deliverable'])
    expect(d.warnings.find((w) => w.kind === 'invalidDate')?.source).toBe('31/2/2025')
  })

  it('a different reference year moves dates written without one', () => {
    const other = parsePlanText(fixture('appendix-table.txt'), { referenceYear: 2026 })
    expect(other.tasks.find((t) => t.code === '4')?.timeframe).toEqual({ kind: 'deadline', date: '2026-10-15' })
  })
})

describe('outline plan with groups and fields (shape of a provincial department plan, hard-wrapped)', () => {
  const d = parsePlanText(fixture('outline-groups.txt'))

  it('reads the header from wrapped lines, dropping page footers', () => {
    expect(d.title).toBe(
      'Truyền thông về chuyển đổi số trong lĩnh vực văn hóa, thể thao và du lịch tỉnh Hoa Sen năm 2025',
    )
    expect(d.issuer).toBe('Sở Văn hóa và Thông tin')
    expect(d.basis).toEqual([
      expect.objectContaining({ kind: 'Kế hoạch', code: '12/KH-UBND', date: '2025-03-05', relation: 'implements' }),
    ])
    expect(d.implementsCode).toBe('12/KH-UBND')
    expect(d.code).toBeNull()
    expect(JSON.stringify(d)).not.toContain('Tài liệu lưu hành nội bộ')
  })

  it("reads groups with sub-items a), b), c) that inherit the group's fields", () => {
    expect(d.taskGroups.map((g) => [g.code, g.taskCodes])).toEqual([
      ['III.1', ['III.1.a', 'III.1.b', 'III.1.c']],
      ['III.2', ['III.2.a', 'III.2.b']],
    ])
    const a = byCode(d, 'III.1.a')
    expect(names(a.leadUnits)).toEqual(['Phòng Quản lý Văn hóa', 'Trung tâm Thông tin Xúc tiến Du lịch'])
    expect(names(a.coordinatingUnits)).toEqual(['Các phòng, đơn vị thuộc Sở'])
    expect(a.timeframe).toEqual({ kind: 'recurring' })
    expect(a.timeframeText).toBe('Thường xuyên')
    const b2 = byCode(d, 'III.2.b')
    expect(names(b2.coordinatingUnits)).toEqual(['Trung tâm Văn hóa tỉnh', 'Thư viện tỉnh'])
    expect(b2.timeframe).toEqual({ kind: 'byYear', year: 2026 })
  })

  it('reads a content target with channels after a description', () => {
    const [c] = contentOf(byCode(d, 'III.1.b'))
    expect(c).toMatchObject({ quantity: 12, types: ['video'] })
    expect(names(c?.channels ?? [])).toEqual(['Trang thông tin điện tử của Sở', 'Fanpage Du lịch Hoa Sen'])
  })

  it('reads objectives with their years, rejoining a code cut at the line end', () => {
    expect(
      d.objectives.map((o) => [o.code, o.year, o.targets.map((t) => (t.kind === 'indicator' ? t.value : t.kind))]),
    ).toEqual([
      ['II.a.1', 2025, [100]],
      ['II.b.1', 2027, [60]],
    ])
    expect(d.objectives[0]?.text).toContain('Nghị quyết số 57-NQ/TW')
  })

  it('reads reporting to the province and the internal reporting, and key days', () => {
    expect(d.reporting.map((r) => (r.kind === 'fixedDates' ? [r.dates, r.internal, r.recipient] : r.kind))).toEqual([
      [
        [
          { day: 20, month: 6 },
          { day: 20, month: 12 },
        ],
        false,
        null,
      ],
      [
        [
          { day: 10, month: 6 },
          { day: 15, month: 12 },
        ],
        true,
        'Lãnh đạo Sở',
      ],
    ])
    expect(d.keyDays).toEqual([expect.objectContaining({ day: 10, month: 10, name: 'Ngày Chuyển đổi số quốc gia' })])
  })

  it('has nothing to warn about', () => {
    expect(d.warnings).toEqual([])
  })
})

describe('programme decision (shape of a decision approving a programme)', () => {
  const d = parsePlanText(fixture('program-decision.txt'))

  it('reads number, date, title from the mixed-case copy, issuer and period', () => {
    expect(d.code).toBe('245/QĐ-UBND')
    expect(d.issueDate).toBe('2025-04-03')
    expect(d.title).toBe('Phê duyệt Chương trình “Truyền thông về kinh tế số tỉnh Hoa Sen giai đoạn 2025 - 2030”')
    expect(d.issuer).toBe('Ủy ban nhân dân tỉnh Hoa Sen')
    expect(d.period).toMatchObject({ from: '2025-01-01', to: '2030-12-31' })
    expect(d.basis.map((b) => b.kind)).toEqual(['Luật', 'Nghị quyết'])
  })

  it('reads percentage objectives by year', () => {
    const ind = d.objectives.flatMap((o) =>
      o.targets.map((t) => (t.kind === 'indicator' ? [o.year, t.value, t.atLeast] : null)),
    )
    expect(ind).toEqual([
      [2025, 100, false],
      [2026, 80, true],
      [2026, 70, false],
    ])
  })

  it('reads inline timeframes: recurring, byYear, recurring from a year', () => {
    expect(d.tasks.map((t) => [t.code, t.timeframe])).toEqual([
      ['II.1.a.1', { kind: 'recurring' }],
      ['II.1.a.2', { kind: 'byYear', year: 2025 }],
      ['II.1.b.1', { kind: 'recurring' }],
      ['II.1.b.2', { kind: 'byYear', year: 2026 }],
      ['II.1.b.3', { kind: 'recurring', fromYear: 2026 }],
      ['II.2.a', { kind: 'recurring' }],
      ['II.2.b', { kind: 'byYear', year: 2027 }],
    ])
    expect(byCode(d, 'II.1.a.1').content).toBe('Duy trì chuyên mục kinh tế số trên Cổng Thông tin điện tử của đơn vị.')
  })

  it('reads lead and coordinating units from assignment lines and from the task itself', () => {
    expect(names(byCode(d, 'II.1.a.1').leadUnits)).toEqual(['Các sở, ban, ngành, Ủy ban nhân dân các huyện, thị xã'])
    expect(names(byCode(d, 'II.1.b.1').leadUnits)).toEqual(['Sở Khoa học và Công nghệ'])
    expect(names(byCode(d, 'II.1.b.1').coordinatingUnits)).toEqual(['Sở Công Thương và các cơ quan báo chí của tỉnh'])
    expect(names(byCode(d, 'II.2.a').leadUnits)).toEqual(['Sở Công Thương'])
    expect(names(byCode(d, 'II.2.b').leadUnits)).toEqual(['Ban Quản lý các khu công nghiệp'])
  })

  it('reads several quantities sharing one channel, and formats without quantities', () => {
    expect(contentOf(byCode(d, 'II.1.b.3')).map((c) => [c.quantity, c.words[0], names(c.channels)])).toEqual([
      [24, 'podcast', ['Đài Phát thanh và Truyền hình tỉnh']],
      [10, 'phóng sự', ['Đài Phát thanh và Truyền hình tỉnh']],
    ])
    expect(byCode(d, 'II.2.a').formats).toEqual([
      { word: 'video', type: 'video' },
      { word: 'infographic', type: 'infographic' },
    ])
  })

  it('reads reporting monthly on the 20th and before 20/6 and 20/12, and key days', () => {
    expect(
      d.reporting.map((r) =>
        r.kind === 'monthly' ? `monthly ${r.day}` : r.dates.map((x) => `${x.day}/${x.month}`).join('+'),
      ),
    ).toEqual(['monthly 20', '20/6+20/12'])
    expect(d.keyDays.map((k) => `${k.day}/${k.month}`)).toEqual(['10/10', '18/5'])
    expect(d.warnings).toEqual([])
  })
})

describe('OCR text without diacritics', () => {
  const d = parsePlanText(fixture('ocr-no-diacritics.txt'))

  it('reads header, fields with Icelandic Ð, dashed dates and "Thuong xuyen"', () => {
    expect(d.code).toBe('58/KH-SKHCN')
    expect(d.issueDate).toBe('2025-06-19')
    expect(d.title).toBe('Truyen thong ve khoa hoc va cong nghe nam 2025')
    expect(d.basis[0]).toMatchObject({ code: '07-KH/TU', date: '2025-03-12' })
    const a = byCode(d, 'II.1.a')
    expect(names(a.leadUnits)).toEqual(['Phong Quan ly khoa hoc', 'Trung tam Thong tin KH&CN'])
    expect(names(a.coordinatingUnits)).toEqual(['Cac phong, don vi thuoc So'])
    expect(a.timeframe).toEqual({ kind: 'deadline', date: '2025-08-30' })
    expect(byCode(d, 'II.2').timeframe).toEqual({ kind: 'recurring' })
    expect(d.reporting).toEqual([expect.objectContaining({ kind: 'monthly', day: 20 })])
  })

  it('reads "tin bai" targets and matches OCR channel names to the catalog', () => {
    const channels: CatalogEntry[] = [
      { id: 'portal', name: 'Cổng TTĐT Sở KH&CN' },
      { id: 'fb', name: 'Fanpage Sở KH&CN' },
    ]
    const withCatalog = parsePlanText(fixture('ocr-no-diacritics.txt'), { channels })
    const [c] = contentOf(byCode(withCatalog, 'II.1.a'))
    expect(c).toMatchObject({ quantity: 10, types: ['article'], words: ['tin bai'] })
    expect(c?.channels.map((x) => x.id ?? `raw:${x.name}`)).toEqual(['portal', 'fb', 'raw:Kenh Zalo OA'])
    expect(withCatalog.warnings.map((w) => [w.kind, w.source])).toEqual([['unknownChannel', 'Kenh Zalo OA']])
  })
})

describe('a text that ends early (shape of a central plan cut inside its channel section)', () => {
  const d = parsePlanText(fixture('truncated.txt'))

  it('gives the themes and says the text ends early', () => {
    expect(d.title).toBe('Kế hoạch truyền thông về chương trình du lịch số tỉnh Hoa Sen')
    expect(d.issueDate).toBe('2025-07-28')
    expect(d.themes.map((t) => t.code)).toEqual(['II.1', 'II.2', 'II.3'])
    const w = d.warnings.find((x) => x.kind === 'textEndsEarly')
    expect(w?.message).toContain('announces 3 kênh but the text has only 1')
    expect(w?.line).toBe(19)
  })

  it('still reads the tasks it has', () => {
    expect(d.tasks.map((t) => t.code)).toEqual(['III.1.1', 'III.1.2'])
    expect(d.tasks[1]?.formats.map((f) => f.word)).toEqual(['clip', 'phóng sự'])
  })
})

describe('small outlines', () => {
  it('takes a group heading that is only a unit name as the lead of its sub-items', () => {
    const d = parsePlanText(
      [
        'II. NHIỆM VỤ',
        '1. Sở Công Thương',
        'a) Việc A. Nhiệm vụ thường xuyên.',
        'b) Việc B. Hoàn thành năm 2026.',
        '2. Các cơ quan báo chí của tỉnh',
        'a) Việc C.',
      ].join('\n'),
    )
    expect(d.tasks.map((t) => [t.code, names(t.leadUnits), t.timeframe?.kind ?? null])).toEqual([
      ['II.1.a', ['Sở Công Thương'], 'recurring'],
      ['II.1.b', ['Sở Công Thương'], 'byYear'],
      ['II.2.a', ['Các cơ quan báo chí của tỉnh'], null],
    ])
  })
  it('matches lead units to the unit catalog and notes unknown ones', () => {
    const units: CatalogEntry[] = [{ id: 'sct', name: 'Sở Công Thương tỉnh Hoa Sen', aliases: ['Sở Công Thương'] }]
    const d = parsePlanText(
      ['II. NHIỆM VỤ', '1. Việc A', '- Đơn vị chủ trì: Sở Công Thương', '- Đơn vị phối hợp: Sở Tài chính'].join('\n'),
      { units },
    )
    expect(d.tasks[0]?.leadUnits).toEqual([{ id: 'sct', name: 'Sở Công Thương tỉnh Hoa Sen', raw: 'Sở Công Thương' }])
    expect(d.tasks[0]?.coordinatingUnits).toEqual([{ id: null, name: 'Sở Tài chính', raw: 'Sở Tài chính' }])
    expect(d.warnings.filter((w) => w.kind === 'unknownUnit').map((w) => w.source)).toEqual(['Sở Tài chính'])
  })
  it('reads a "Kết quả" field as the expected result and its deliverable', () => {
    const d = parsePlanText(
      [
        'II. NHIỆM VỤ',
        '1. Tổng kết chương trình',
        '- Thời gian hoàn thành: 15/12/2025',
        '- Kết quả: Báo cáo tổng kết; 5 tin bài trên Cổng TTĐT',
      ].join('\n'),
    )
    const t = d.tasks[0]
    expect(t?.expectedResult).toBe('Báo cáo tổng kết; 5 tin bài trên Cổng TTĐT')
    expect(t?.targets.map((x) => x.kind)).toEqual(['content', 'deliverable'])
    expect(t?.targets[1]).toMatchObject({ title: 'Báo cáo tổng kết', dueDate: '2025-12-15' })
  })
})

describe('degenerate input', () => {
  it('empty text gives an empty draft with a note', () => {
    const d = parsePlanText('')
    expect(d.tasks).toEqual([])
    expect(kinds(d)).toEqual(['noTasks'])
  })
  it('prose without structure gives notes, not an exception', () => {
    const d = parsePlanText('Đây là một đoạn văn không có cấu trúc kế hoạch nào cả, chỉ có chữ. '.repeat(20))
    expect(kinds(d)).toEqual(expect.arrayContaining(['noTitle', 'noTasks', 'textEndsEarly']))
  })
})
