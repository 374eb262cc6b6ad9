/**
 * The real plan documents in ../shared/seeds (next to the repository). They are not part of the
 * repository, so these tests skip cleanly wherever that folder is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parsePlanText } from '../../src/domain/planText'
import type { CatalogEntry, ContentTargetDraft, PlanDraft, TaskDraft } from '../../src/domain/planText'

const REPO_ROOT = path.resolve(import.meta.dirname, '../..')
const SEEDS = path.resolve(REPO_ROOT, '../shared/seeds')
const seedPath = (prefix: string): string | null => {
  if (!existsSync(SEEDS)) return null
  const file = readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith('.txt'))
  return file ? path.join(SEEDS, file) : null
}
const load = (prefix: string, opts?: Parameters<typeof parsePlanText>[1]): PlanDraft => {
  const p = seedPath(prefix)
  if (!p) throw new Error(`seed ${prefix} missing`)
  return parsePlanText(readFileSync(p, 'utf8'), opts)
}
const contentOf = (t: TaskDraft | undefined): ContentTargetDraft[] =>
  (t?.targets ?? []).filter((x): x is ContentTargetDraft => x.kind === 'content')
const names = (refs: Array<{ name: string }>) => refs.map((r) => r.name)

const CHANNELS: CatalogEntry[] = [
  { id: 'portal', name: 'Cổng TTĐT Bộ KH&CN', aliases: ['Cổng TTĐT'] },
  { id: 'social', name: 'Mạng xã hội Bộ KH&CN' },
  { id: 'vnexpress', name: 'Báo điện tử VnExpress' },
  { id: 'magazine', name: 'Tạp chí KH&CN Việt Nam' },
  { id: 'partners', name: 'Các cơ quan báo chí hợp tác', aliases: ['cơ quan báo chí'] },
]

describe.skipIf(!seedPath('000_'))('seed 000: ministry plan with an appendix table', () => {
  let d: PlanDraft
  // Parsed in beforeAll, which a skipped suite never runs (its body still runs to collect tests).
  beforeAll(() => {
    d = load('000_', { channels: CHANNELS })
  })

  it('reads the header: blank own number, the plan it implements, issuer, basis', () => {
    expect(d.code).toBeNull()
    expect(d.blankNumberSuffix).toBe('QĐ-BKHHCN')
    expect(d.implementsCode).toBe('02-KH/BCĐTW')
    expect(d.issuer).toBe('Bộ Khoa học và Công nghệ')
    expect(d.title).toMatch(/^Truyền thông thực hiện Kế hoạch số 02-KH\/BCĐTW/)
    expect(d.basis.map((b) => b.code)).toEqual(['55/2025/NĐ-CP', '02-KH/BCĐTW', '1433/QĐ-BKHHCN'])
    expect(d.warnings.map((w) => w.kind)).toEqual(['blankNumber', 'rowWithoutNumber'])
  })

  it('finds 12 tasks', () => {
    expect(d.tasks.map((t) => t.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'])
  })

  it('tasks 1–5: a pooled target of 20 articles on the five listed channels, monthly deadlines', () => {
    const deadlines = ['2025-08-30', '2025-09-30', '2025-10-30', '2025-11-30', '2025-12-31']
    d.tasks.slice(0, 5).forEach((t, i) => {
      const cs = contentOf(t)
      expect(cs).toHaveLength(1)
      expect(cs[0]).toMatchObject({ quantity: 20, types: ['article'], mode: 'pooled', deadline: deadlines[i] })
      expect(cs[0]?.channels.map((c) => c.id)).toEqual(['portal', 'social', 'vnexpress', 'magazine', 'partners'])
      expect(t.timeframe).toEqual({ kind: 'deadline', date: deadlines[i] })
      expect(names(t.leadUnits)).toEqual([
        'Trung tâm truyền thông KH&CN',
        'Báo Vnexpress',
        'Tạp chí KH&CN Việt Nam',
        'Các cơ quan báo chí hợp tác',
      ])
    })
  })

  it('keeps the split row of task 2 inside task 2', () => {
    expect(d.tasks[1]?.content.split('\n')).toHaveLength(3)
    expect(d.tasks[1]?.content).toContain('Trung tâm điều hành thông minh (IOC)')
  })

  it('tasks 6–12: a report deliverable due 31/12/2025, each with its lead unit', () => {
    const rest = d.tasks.slice(5)
    for (const t of rest) {
      expect(t.targets).toEqual([
        expect.objectContaining({ kind: 'deliverable', title: 'Báo cáo thực hiện nhiệm vụ', dueDate: '2025-12-31' }),
      ])
      expect(t.codeInferred).toBe(true)
    }
    expect(rest.map((t) => names(t.leadUnits))).toEqual([
      ['Văn phòng Bộ', 'Trung tâm Truyền thông KH&CN'],
      ['Vụ Pháp chế'],
      ['Vụ Tổ chức cán bộ'],
      ['Cục Chuyên đổi số quốc gia'],
      ['Cục Sở hữu trí tuệ'],
      ['Ủy ban Tiêu chuẩn Đo lường Chất lượng Quốc gia'],
      ['Sở Khoa học và Công nghệ'],
    ])
    expect(rest[0]?.content).toContain('Lãnh đạo Bộ và các hoạt động, sự kiện lớn')
  })

  it('reads the monthly report on the 20th and the four content themes', () => {
    expect(d.reporting).toEqual([expect.objectContaining({ kind: 'monthly', day: 20 })])
    expect(d.themes).toHaveLength(4)
  })
})

describe.skipIf(!seedPath('003_'))('seed 003: Prime Minister decision 1169/QĐ-TTg', () => {
  let d: PlanDraft
  // Parsed in beforeAll, which a skipped suite never runs (its body still runs to collect tests).
  beforeAll(() => {
    d = load('003_')
  })

  it('reads the header', () => {
    expect(d.code).toBe('1169/QĐ-TTg')
    expect(d.issueDate).toBe('2025-06-16')
    expect(d.issuer).toBe('Thủ tướng Chính phủ')
    expect(d.title).toMatch(/^Phê duyệt Chương trình “Đẩy mạnh truyền thông/)
    expect(d.period).toMatchObject({ from: null, to: '2030-12-31' })
    expect(d.basis).toHaveLength(5)
    expect(d.warnings).toEqual([])
  })

  it('reads recurring and "Hoàn thành năm 2026" tasks', () => {
    expect(d.tasks).toHaveLength(37)
    const recurring = d.tasks.filter((t) => t.timeframe?.kind === 'recurring')
    expect(recurring.length).toBeGreaterThanOrEqual(30)
    const by2026 = d.tasks.filter((t) => t.timeframe?.kind === 'byYear' && t.timeframe.year === 2026).map((t) => t.code)
    expect(by2026).toEqual(['III.1.b.4', 'III.1.b.6'])
    expect(d.tasks.find((t) => t.code === 'III.1.b.3')?.timeframe).toEqual({ kind: 'recurring', fromYear: 2026 })
    expect(d.tasks.every((t) => t.timeframe !== null)).toBe(true)
  })

  it('reads lead units for the groups', () => {
    const lead = (code: string) => names(d.tasks.find((t) => t.code === code)?.leadUnits ?? [])
    expect(lead('III.1.b.1')).toEqual(['Bộ Khoa học và Công nghệ'])
    expect(lead('III.2.a')).toEqual(['Bộ Giáo dục và Đào tạo'])
    expect(lead('III.5.a')).toEqual(['Bộ Văn hóa, Thể thao và Du lịch'])
    expect(lead('III.5.b')).toEqual(['Bộ Ngoại giao'])
  })

  it('reads percentage indicators by year', () => {
    const ind = d.objectives.flatMap((o) =>
      o.targets.flatMap((t) => (t.kind === 'indicator' ? [`${o.year}:${t.atLeast ? '≥' : ''}${t.value}`] : [])),
    )
    expect(ind).toEqual(['2025:100', '2025:100', '2025:100', '2026:100', '2030:100', '2030:≥80', '2030:≥70'])
  })

  it('lists the content formats of the production task', () => {
    const t = d.tasks.find((x) => x.formats.some((f) => f.word === 'motion graphics'))
    expect(t?.formats.map((f) => f.word)).toEqual(
      expect.arrayContaining([
        'tin bài',
        'ảnh',
        'infographic',
        'motion graphics',
        'video',
        'clip',
        'phóng sự',
        'tọa đàm',
      ]),
    )
    expect(d.tasks.some((x) => x.formats.some((f) => f.word === 'podcast'))).toBe(true)
  })

  it('reads key days and reporting', () => {
    expect(d.keyDays.map((k) => `${k.day}/${k.month}`)).toEqual(['18/5', '1/10', '10/10'])
    expect(
      d.reporting.map((r) =>
        r.kind === 'monthly' ? `monthly ${r.day}` : r.dates.map((x) => `${x.day}/${x.month}`).join('+'),
      ),
    ).toEqual(['monthly 20', '20/6+20/12'])
  })
})

describe.skipIf(!seedPath('004_'))('seed 004: provincial department plan implementing 1169', () => {
  let d: PlanDraft
  // Parsed in beforeAll, which a skipped suite never runs (its body still runs to collect tests).
  beforeAll(() => {
    d = load('004_')
  })

  it('reads the header', () => {
    expect(d.code).toBeNull()
    expect(d.issuer).toBe('Sở Khoa học và Công nghệ')
    expect(d.implementsCode).toBe('58/KH-UBND')
    expect(d.basis).toEqual([
      expect.objectContaining({ code: '58/KH-UBND', date: '2025-10-10', relation: 'implements' }),
    ])
  })

  it('reads 4 task groups with sub-items a)…h)', () => {
    expect(d.taskGroups.map((g) => [g.code, g.taskCodes.map((c) => c.split('.').pop()).join('')])).toEqual([
      ['III.1', 'abcd'],
      ['III.2', 'abcdefgh'],
      ['III.3', 'abcd'],
      ['III.4', 'abcd'],
    ])
    expect(d.tasks).toHaveLength(20)
  })

  it('gives each task its group\'s lead and coordinating units and "Thường xuyên"', () => {
    expect(d.tasks.every((t) => t.timeframe?.kind === 'recurring')).toBe(true)
    expect(d.tasks.every((t) => names(t.coordinatingUnits).join() === 'Các phòng, đơn vị thuộc Sở')).toBe(true)
    const lead = (code: string) => names(d.tasks.find((t) => t.code === code)?.leadUnits ?? [])
    expect(lead('III.1.a')).toEqual([
      'Phòng Bưu chính - Viễn thông và Chuyển đổi số',
      'Phòng Quản lý khoa học và Đổi mới sáng tạo',
      'Trung tâm Chuyển đổi số và Đổi mới sáng tạo',
    ])
    expect(lead('III.2.h')).toEqual(['Trung tâm Chuyển đổi số và Đổi mới sáng tạo'])
    expect(lead('III.4.d')).toEqual([
      'Phòng Quản lý khoa học và Đổi mới sáng tạo',
      'Trung tâm Chuyển đổi số và Đổi mới sáng tạo',
    ])
  })

  it('reads internal reporting (10/6, 15/12) and reporting to the province (20/6, 20/12)', () => {
    expect(
      d.reporting.map((r) =>
        r.kind === 'fixedDates' ? [r.dates.map((x) => `${x.day}/${x.month}`).join('+'), r.internal] : r.kind,
      ),
    ).toEqual([
      ['20/6+20/12', false],
      ['10/6+15/12', true],
    ])
    expect(d.keyDays.map((k) => `${k.day}/${k.month}`)).toEqual(['18/5', '1/10', '10/10'])
    expect(d.warnings).toEqual([])
  })
})

describe.skipIf(!seedPath('001_'))('seed 001: central plan whose text ends early', () => {
  let d: PlanDraft
  // Parsed in beforeAll, which a skipped suite never runs (its body still runs to collect tests).
  beforeAll(() => {
    d = load('001_')
  })

  it('does not throw and gives the 9 content themes', () => {
    expect(d.themes.map((t) => t.code)).toEqual([
      'II.1',
      'II.2',
      'II.3',
      'II.4',
      'II.5',
      'II.6',
      'II.7',
      'II.8',
      'II.9',
    ])
    expect(d.issueDate).toBe('2025-07-28')
    expect(d.issuer).toBe('Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số')
    expect(d.basis).toHaveLength(7)
  })

  it('warns that the text ends inside the first of the 4 announced channel groups', () => {
    const w = d.warnings.find((x) => x.kind === 'textEndsEarly')
    expect(w?.message).toMatch(/announces 4 kênh but the text has only 1/)
  })

  it('drops the repeated page footer', () => {
    expect(JSON.stringify(d)).not.toContain('Tài liệu này thuộc sở hữu')
  })
})
