import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  checkDraft,
  checkRefs,
  describeField,
  draftFromParse,
  draftFromText,
  draftProblems,
  matchName,
  nameKey,
  taskTitle,
  toCreateData,
  type CatalogRecord,
  type ImportCatalog,
  type ImportDraft,
} from '../../src/domain/planImport'
import { formatImportMessage } from '../../src/domain/i18n/messages'
import { parsePlanText } from '../../src/domain/planText'
import { CHANNELS, PARENT_PLAN, PLAN, UNITS } from '../../src/seed/planData'

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/planImport/du-lich-so.txt')
const fixtureText = readFileSync(FIXTURE, 'utf8')
const fixtureLines = fixtureText.split('\n')

/** The catalog of the fixture's department; "Phòng Truyền thông số" is deliberately missing. */
const CATALOG: ImportCatalog = {
  units: [
    { id: 1, name: 'Phòng Quản lý du lịch', aliases: [] },
    { id: 2, name: 'Trung tâm Thông tin Du lịch', aliases: [] },
    { id: 3, name: 'Văn phòng Sở Văn hóa và Du lịch', aliases: ['Văn phòng Sở'] },
    { id: 4, name: 'Báo Hoa Mai', aliases: [] },
  ],
  channels: [
    { id: 11, name: 'Cổng Thông tin điện tử Sở Văn hóa và Du lịch', aliases: [], preferred: true },
    { id: 12, name: 'Fanpage Sở VHDL', aliases: [] },
    { id: 13, name: 'Kênh YouTube Sở VHDL', aliases: [] },
  ],
  plans: [{ id: 99, code: '15/kh-ubnd' }],
}

const problemsOf = (input: unknown, catalog = CATALOG) => {
  const r = draftProblems(input, catalog)
  return r.ok ? [] : r.problems
}
const fields = (input: unknown, catalog = CATALOG) => problemsOf(input, catalog).map((p) => p.field)

describe('matching names against the catalog', () => {
  const units: CatalogRecord[] = [
    { id: 'bo', name: 'Bộ Khoa học và Công nghệ', aliases: ['Bộ KH&CN'] },
    { id: 'vp', name: 'Văn phòng Bộ', aliases: [] },
    { id: 'tc', name: 'Tạp chí Khoa học và Công nghệ Việt Nam', aliases: [] },
    { id: 'vne', name: 'Báo điện tử VnExpress', aliases: ['VnExpress'] },
  ]

  it('expands the usual abbreviations on both sides', () => {
    expect(nameKey('Tạp chí KH&CN VN')).toBe(nameKey('Tạp chí Khoa học và Công nghệ Việt Nam'))
    expect(nameKey('Cổng TTĐT')).toBe('cong thong tin dien tu')
    expect(matchName('Tạp chí KH&CN Việt Nam', units)).toEqual({ id: 'tc' })
    expect(matchName('Báo Vnexpress', units)).toEqual({ id: 'vne' })
  })

  it('prefers the name that begins the text (the head noun) over a longer one inside it', () => {
    expect(matchName('Văn phòng Bộ Khoa học và Công nghệ', units)).toEqual({ id: 'vp' })
  })

  it('leaves a name unresolved rather than guess: unknown, too short, or tied', () => {
    expect(matchName('Vụ Kế hoạch - Tài chính', units)).toEqual({ id: null })
    expect(matchName('Báo', units)).toEqual({ id: null })
    const portals: CatalogRecord[] = [
      { id: 'a', name: 'Cổng TTĐT Bộ KH&CN', aliases: [] },
      { id: 'b', name: 'Cổng TTĐT Sở KH&CN Hoa Mai', aliases: [] },
    ]
    expect(matchName('Cổng TTĐT', portals)).toEqual({ id: null, candidates: ['a', 'b'] })
    // The home channel wins a tie: a bare "Cổng TTĐT" in a plan means this CMS's portal.
    expect(matchName('Cổng TTĐT', [portals[0]!, { ...portals[1]!, preferred: true }])).toEqual({ id: 'b' })
  })
})

describe('task titles', () => {
  it('takes the first sentence of the first item, without its bullet', () => {
    expect(taskTitle('- Truyền thông về kết quả kết nối với Cổng DVCQG.\n- Việc khác.')).toBe(
      'Truyền thông về kết quả kết nối với Cổng DVCQG',
    )
    expect(taskTitle('Đầu mối tổng hợp thông tin chỉ đạo điều hành; chủ trì xây dựng kế hoạch')).toBe(
      'Đầu mối tổng hợp thông tin chỉ đạo điều hành',
    )
  })

  it('shortens a long sentence at a word, with an ellipsis', () => {
    const sentence = `Truyền thông ${'về chuyển đổi số '.repeat(20)}`
    const title = taskTitle(`${sentence}.`)
    expect(title.length).toBeLessThanOrEqual(161)
    expect(title.endsWith('…')).toBe(true)
    const kept = title.slice(0, -1)
    // Whole words only: the sentence goes on with a space right after what was kept.
    expect(sentence.startsWith(`${kept} `)).toBe(true)
  })

  it('is empty for empty content (the reviewer must then write one)', () => {
    expect(taskTitle('')).toBe('')
  })
})

describe('draft from the fixture plan (own text in the appendix-table shape)', () => {
  const draft = draftFromText(fixtureText, CATALOG)
  const onLine = (n: number | null) => (n === null ? '' : (fixtureLines[n - 1] ?? ''))

  it('reads the plan with each value on its source line', () => {
    const p = draft.plan
    expect(p).toMatchObject({
      code: '45/KH-SVHDL',
      title: 'Kế hoạch truyền thông quảng bá du lịch số tỉnh Hoa Mai năm 2026',
      issuer: 'Sở Văn hóa và Du lịch',
      issueDate: '2026-01-20',
      period: { from: '2026-01-01', to: '2026-12-31' },
      monthlyDay: 25,
    })
    expect(onLine(p.lines.code)).toBe('Số: 45/KH-SVHDL')
    expect(onLine(p.lines.title)).toBe('Truyền thông quảng bá du lịch số tỉnh Hoa Mai năm 2026')
    expect(onLine(p.lines.issueDate)).toContain('ngày 20 tháng 1 năm 2026')
    expect(onLine(p.lines.monthlyDay)).toContain('ngày 25 hằng tháng')
  })

  it('links the parent plan already in the system (code compared loosely) and keeps the other basis', () => {
    expect(draft.plan.basedOn).toEqual([{ id: 99, name: '15/kh-ubnd', line: 12 }])
    expect(onLine(12)).toContain('15/KH-UBND')
    expect(draft.plan.basisDocuments).toEqual([
      expect.objectContaining({ code: '07/2025/QĐ-UBND', date: '2025-03-03', line: 14 }),
    ])
  })

  it('reads the four tasks, units and channels matched, each value on its line', () => {
    expect(draft.tasks.map((t) => [t.code, t.codeInferred, t.line])).toEqual([
      ['1', false, 33],
      ['2', false, 34],
      ['3', false, 35],
      ['4', true, 36],
    ])
    const [t1, t2, t3, t4] = draft.tasks
    expect(t1!.leadUnits.map((u) => u.id)).toEqual([1, 2])
    expect(t1!.coordinatingUnits.map((u) => [u.id, u.name])).toEqual([[4, 'Báo Hoa Mai']])
    expect(t1!.timeframe).toEqual({ kind: 'deadline', deadline: '2026-06-30' })
    expect(t1!.targets).toEqual([
      expect.objectContaining({
        kind: 'content',
        quantity: 12,
        contentTypes: ['articles'],
        mode: 'pooled',
        // "Cổng TTĐT Sở VHDL": both abbreviations expanded.
        channels: [
          { id: 11, name: 'Cổng TTĐT Sở VHDL', line: 33 },
          { id: 12, name: 'Fanpage Sở VHDL', line: 33 },
        ],
      }),
    ])
    expect(t2!.timeframe).toEqual({ kind: 'deadline', deadline: '2026-09-30' })
    expect(t2!.targets[0]).toMatchObject({ kind: 'content', quantity: 6, contentTypes: ['videos'], mode: 'perChannel' })
    expect(t3!.targets).toEqual([expect.objectContaining({ kind: 'deliverable', label: 'Báo cáo kết quả thực hiện' })])
    // "02 infographic/tháng" on a "Thường xuyên" task: the period comes from the target.
    expect(t4!.timeframe).toEqual({ kind: 'recurring', recurrence: 'month' })
    for (const t of draft.tasks) {
      for (const u of t.leadUnits) expect(onLine(u.line)).toContain(u.name)
      for (const x of t.targets) expect(onLine(x.line)).toContain(x.source ?? '∅')
    }
  })

  it('reports the one unknown unit as the only problem, at its field', () => {
    expect(problemsOf(draft)).toEqual([
      { field: 'tasks[3].leadUnits[0]', message: { key: 'unresolvedUnit', vars: { name: 'Phòng Truyền thông số' } } },
    ])
  })

  it('lists what the parser could not place as notes with their lines', () => {
    expect(draft.notes.map((n) => [n.kind, n.line])).toEqual([['rowWithoutNumber', 32]])
  })

  it('writes each note in Vietnamese, and in English when chosen (issue 21 point 9)', () => {
    const note = draft.notes[0]!
    // The rows numbered in order have no source line: the note says so with its numbers, not
    // with the parser's English text.
    expect(formatImportMessage(note.message, 'vi')).toMatch(
      /^Dòng bảng không có STT \(đã tự đánh số\): \d+ dòng, đánh số [\d.–]+ theo thứ tự$/,
    )
    expect(formatImportMessage(note.message, 'en')).toMatch(/table row\(s\) have no STT/)
    // The notes of a kind past the first few are summed up in one note, in words too.
    const parsed = parsePlanText(fixtureText)
    parsed.warnings.push(
      { kind: 'invalidDate', message: '"45/13" is not a real date', line: 3, source: 'ngày 45/13/2025' },
      {
        kind: 'invalidDate',
        message: '4 more "invalidDate" notes not shown',
        line: null,
        source: null,
        vars: { more: 4 },
      },
      {
        kind: 'noTitle',
        message: 'no "KẾ HOẠCH"/"QUYẾT ĐỊNH" heading with a title was found',
        line: null,
        source: null,
      },
    )
    const vi = draftFromParse(parsed, fixtureText, CATALOG).notes.map((n) => formatImportMessage(n.message, 'vi'))
    expect(vi).toContain('Ngày không tồn tại: ngày 45/13/2025')
    expect(vi).toContain('Còn 4 ghi chú "Ngày không tồn tại" khác không hiện')
    expect(vi).toContain('Không tìm thấy tên kế hoạch')
    for (const text of vi) expect(text).not.toMatch(/\b(the|not|found|notes?|shown|rows?)\b/)
  })

  it('takes --code and --recurrence from the caller', () => {
    const noPeriod = fixtureText.replace('02 infographic/tháng', '02 infographic')
    expect(draftFromText(noPeriod, CATALOG).tasks[3]?.timeframe).toEqual({ kind: 'recurring', recurrence: null })
    const d = draftFromText(noPeriod, CATALOG, { code: ' KH-MOI ', recurrence: 'quarter' })
    expect(d.plan.code).toBe('KH-MOI')
    expect(d.plan.lines.code).toBeNull()
    expect(d.tasks[3]?.timeframe).toEqual({ kind: 'recurring', recurrence: 'quarter' })
  })

  it('becomes exact create-data once the reviewer resolved the unit', () => {
    const fixed: ImportDraft = structuredClone(draft)
    fixed.tasks[3]!.leadUnits[0]!.id = 2
    // The same unit twice collapses to one relationship.
    fixed.tasks[0]!.leadUnits.push({ id: 1, name: 'Phòng QLDL', line: null })
    const checked = draftProblems(fixed, CATALOG)
    expect(checked.ok).toBe(true)
    const set = toCreateData(checked.ok ? checked.draft : fixed, CATALOG)
    expect(set.plan).toEqual({
      code: '45/KH-SVHDL',
      title: 'Kế hoạch truyền thông quảng bá du lịch số tỉnh Hoa Mai năm 2026',
      issuer: 'Sở Văn hóa và Du lịch',
      issueDate: '2026-01-20T12:00:00.000Z',
      status: 'active',
      basedOn: [99],
      basisDocuments: [
        {
          code: '07/2025/QĐ-UBND',
          date: '2025-03-03T12:00:00.000Z',
          title:
            'Quyết định số 07/2025/QĐ-UBND ngày 03 tháng 3 năm 2025 của Ủy ban nhân dân tỉnh quy định chức năng, nhiệm vụ của Sở Văn hóa và Du lịch',
        },
      ],
      period: { from: '2026-01-01T12:00:00.000Z', to: '2026-12-31T12:00:00.000Z' },
      reporting: { monthlyDay: 25, fixedDates: [] },
      keyDays: [],
    })
    expect(set.tasks.map((t) => [t.code, t.sortOrder, t.leadUnits, t.timeframe])).toEqual([
      ['1', 1, [1, 2], { kind: 'deadline', deadline: '2026-06-30T12:00:00.000Z' }],
      ['2', 2, [2], { kind: 'deadline', deadline: '2026-09-30T12:00:00.000Z' }],
      ['3', 3, [3], { kind: 'deadline', deadline: '2026-12-15T12:00:00.000Z' }],
      ['4', 4, [2], { kind: 'recurring', recurrence: 'month' }],
    ])
    expect(set.tasks[1]!.targets).toEqual([
      {
        kind: 'content',
        label: null,
        quantity: 6,
        mode: 'perChannel',
        windowStart: null,
        contentTypes: ['videos'],
        channels: [12, 13],
      },
    ])
    expect(set.tasks[2]!.targets).toEqual([
      { kind: 'deliverable', label: 'Báo cáo kết quả thực hiện', submitted: false },
    ])
  })
})

describe('checking a reviewed draft (the commit body)', () => {
  const base = (): ImportDraft => {
    const d = structuredClone(draftFromText(fixtureText, CATALOG))
    d.tasks[3]!.leadUnits[0]!.id = 2
    return d
  }

  it('accepts the fixed draft and normalises texts', () => {
    const d = base()
    d.plan.code = '  45/KH-SVHDL  '
    const r = checkDraft(d)
    expect(r.ok && r.draft.plan.code).toBe('45/KH-SVHDL')
  })

  it('names the field of every missing or malformed value', () => {
    expect(fields(null)).toEqual(['(body)'])
    expect(fields({ tasks: [] })).toEqual(['plan'])
    const d = base() as unknown as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- mangling on purpose
    delete d.plan.code
    d.plan.monthlyDay = 31
    d.plan.period = { from: '2026-12-31', to: '2026-01-01' }
    d.tasks[0].title = '   '
    d.tasks[0].timeframe = { kind: 'deadline', deadline: '2026-02-30' }
    d.tasks[1].targets[0].quantity = 0
    d.tasks[1].targets[0].contentTypes = ['podcasts']
    d.tasks[2].code = '1'
    d.tasks[3].timeframe = { kind: 'recurring' }
    d.tasks[3].targets.push({ kind: 'indicator', targetValue: 120, indicatorUnit: 'percent' })
    d.tasks[3].targets.push({ kind: 'content', quantity: 1, contentTypes: [], channels: [] })
    expect(fields(d)).toEqual([
      'plan.code',
      'plan.period.to',
      'plan.monthlyDay',
      'tasks[0].title',
      'tasks[0].timeframe.deadline',
      'tasks[1].targets[0].quantity',
      'tasks[1].targets[0].contentTypes[0]',
      'tasks[3].timeframe.recurrence',
      'tasks[3].targets[1].targetValue',
      'tasks[3].targets[2].contentTypes',
      'tasks[3].targets[2].channels',
      'tasks[2].code',
    ])
    expect(problemsOf(d).find((p) => p.field === 'tasks[2].code')?.message).toEqual({
      key: 'duplicateTaskCode',
      vars: { code: '1', other: 1 },
    })
  })

  it('rejects wrong types, not only missing values', () => {
    const d = base() as unknown as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- mangling on purpose
    d.plan.title = 42
    d.tasks = d.tasks.slice(0, 2)
    d.tasks[0].leadUnits = 'Phòng Quản lý du lịch'
    d.tasks[1].targets = [{ kind: 'quota' }]
    expect(problemsOf(d)).toEqual([
      { field: 'plan.title', message: { key: 'notString' } },
      { field: 'tasks[0].leadUnits', message: { key: 'notArray' } },
      {
        field: 'tasks[1].targets[0].kind',
        message: { key: 'oneOf', vars: { values: 'content, deliverable, indicator' } },
      },
    ])
  })

  it('refuses a window that starts after the deadline, as the tasks collection would', () => {
    const d = base()
    const t = d.tasks[0]!.targets[0]!
    if (t.kind === 'content') t.windowStart = '2026-07-01'
    expect(fields(d)).toEqual(['tasks[0].targets[0].windowStart'])
  })

  it('refuses references to records that do not exist, and says which names are ambiguous', () => {
    const d = base()
    d.tasks[0]!.leadUnits[0]!.id = 12345
    const target = d.tasks[0]!.targets[0]!
    if (target.kind === 'content') target.channels[0] = { id: null, name: 'Cổng TTĐT', line: 33, candidates: [11, 12] }
    d.plan.basedOn.push({ id: null, name: '99/KH-XYZ', line: null })
    expect(checkRefs(d, CATALOG)).toEqual([
      { field: 'plan.basedOn[1]', message: { key: 'unresolvedPlan', vars: { name: '99/KH-XYZ' } } },
      { field: 'tasks[0].leadUnits[0]', message: { key: 'unknownId', vars: { what: 'Đơn vị', id: 12345 } } },
      {
        field: 'tasks[0].targets[0].channels[0]',
        message: {
          key: 'ambiguousName',
          vars: { name: 'Cổng TTĐT', candidates: 'Cổng Thông tin điện tử Sở Văn hóa và Du lịch; Fanpage Sở VHDL' },
        },
      },
    ])
  })

  it('reports unresolved names even when other fields are missing, so the reviewer sees all at once', () => {
    const d = draftFromText(fixtureText, CATALOG)
    d.plan.code = ''
    expect(fields(d)).toEqual(['plan.code', 'tasks[3].leadUnits[0]'])
  })

  it('describes field paths in Vietnamese for the review screen', () => {
    const d = base()
    expect(describeField('tasks[1].targets[0].channels[1]', d)).toBe('Nhiệm vụ 2 (dòng 34) › Chỉ tiêu 1 › Kênh 2')
    expect(describeField('plan.period.to')).toBe('Kế hoạch › Thời gian thực hiện › Đến ngày')
  })
})

const SEEDS = path.resolve(import.meta.dirname, '../../../shared/seeds')
const seed000 = existsSync(SEEDS)
  ? readdirSync(SEEDS).find((f) => f.startsWith('000_') && f.endsWith('.txt'))
  : undefined

describe.skipIf(!seed000)('seed 000 against the Foundation seed catalog', () => {
  const catalog: ImportCatalog = {
    units: UNITS.map((u) => ({ id: u.key, name: u.name, aliases: u.shortName ? [u.shortName] : [] })),
    channels: CHANNELS.map((c) => ({ id: c.key, name: c.name, aliases: [], preferred: c.isHome === true })),
    plans: [{ id: 'parent', code: PARENT_PLAN.code }],
  }
  const text = () => readFileSync(path.join(SEEDS, seed000 ?? ''), 'utf8')

  it('resolves every unit and channel to the records planData.ts describes', () => {
    const d = draftFromText(text(), catalog, { code: PLAN.code })
    expect(problemsOf(d, catalog)).toEqual([])
    expect(d.plan.basedOn.map((r) => r.id)).toEqual(['parent'])
    expect(d.plan.monthlyDay).toBe(PLAN.monthlyDay)
    expect(d.tasks.map((t) => t.leadUnits.map((u) => u.id))).toEqual(PLAN.tasks.map((t) => t.leads))
    expect(
      d.tasks.map((t) => t.targets.map((x) => (x.kind === 'content' ? x.channels.map((c) => c.id) : x.kind))),
    ).toEqual(PLAN.tasks.map((t) => [t.target.kind === 'content' ? t.target.channels : 'deliverable']))
  })

  it('without --code the only problem is the blank document number', () => {
    const d = draftFromText(text(), catalog)
    expect(fields(d, catalog)).toEqual(['plan.code'])
    expect(d.notes.find((n) => n.kind === 'blankNumber')?.line).toBe(3)
  })
})
