import { describe, expect, it } from 'vitest'
import { planBurnUp, weekStartOf } from '../../src/domain/burnUp'
import {
  dashboardQuery,
  filterReport,
  ignoredNote,
  NO_FILTERS,
  readDashboardFilters,
} from '../../src/domain/dashboardFilters'
import { countSteps, heatCellText, heatLegend, taskChannelHeatMap } from '../../src/domain/heatMap'
import type { TargetStatus } from '../../src/domain/quota'
import type { QuotaReport, ReportTarget, ReportTask } from '../../src/domain/reportAssembly'
import type { LedgerRow } from '../../src/domain/reportEvidence'
import { rankUnits, rollupByUnit } from '../../src/domain/unitRollup'

const HCM = 'Asia/Ho_Chi_Minh'

function content(
  id: string,
  over: Partial<ReportTarget> & { channels: number[]; achievedBy?: Record<number, number> },
): ReportTarget {
  const mode = over.mode ?? 'pooled'
  const quota = mode === 'perChannel' ? (over.target ?? 0) / over.channels.length : null
  return {
    id,
    kind: 'content',
    label: null,
    contentTypes: ['articles'],
    mode,
    window: { from: '2025-07-01', to: '2025-08-31' },
    target: 10,
    achieved: 0,
    late: 0,
    percent: 0,
    remaining: 10,
    expected: 0,
    status: 'on-track',
    ...over,
    byChannel: over.channels.map((channel) => ({ channel, achieved: over.achievedBy?.[channel] ?? 0, quota })),
  }
}

function deliverable(id: string, done: boolean, status: TargetStatus = done ? 'done' : 'behind'): ReportTarget {
  return {
    id,
    kind: 'deliverable',
    label: 'Báo cáo',
    contentTypes: [],
    channels: [],
    mode: null,
    window: { from: '2025-07-01', to: '2025-12-31' },
    byChannel: [],
    target: 1,
    achieved: done ? 1 : 0,
    late: 0,
    percent: done ? 100 : 0,
    remaining: done ? 0 : 1,
    expected: 0.5,
    status,
  }
}

const task = (id: number, code: string, targets: ReportTarget[], leads: number[] = []): ReportTask => ({
  id,
  code,
  title: `Nhiệm vụ ${code}`,
  deadline: '2025-08-31',
  recurring: false,
  leadUnits: leads.map((u) => ({ id: u, name: `Đơn vị ${u}` })),
  targets,
})

const report = (tasks: ReportTask[], asOf = '2025-08-20'): QuotaReport => ({
  plan: { id: 1, code: 'KH-1', title: 'Kế hoạch' },
  asOf,
  unit: null,
  tasks,
  totals: { target: 0, achieved: 0, percent: 0 },
  channels: [
    { id: 1, name: 'Cổng' },
    { id: 2, name: 'VnExpress' },
    { id: 3, name: 'Tạp chí' },
  ],
})

const row = (task: number, item: number, channel: number, day: string, contentType = 'articles'): LedgerRow => ({
  task,
  contentType,
  item,
  channel,
  day,
})

const NOW = new Date('2025-12-01T03:00:00Z')

describe('weekStartOf', () => {
  it('weeks start on Monday', () => {
    expect(weekStartOf('2025-07-01')).toBe('2025-06-30') // a Tuesday
    expect(weekStartOf('2025-08-18')).toBe('2025-08-18') // a Monday
    expect(weekStartOf('2025-08-17')).toBe('2025-08-11') // a Sunday
  })
})

describe('planBurnUp', () => {
  const plan = report([
    task(1, '1', [content('a', { channels: [1, 2], target: 10 })]),
    task(2, '2', [
      content('b', {
        channels: [1, 2],
        mode: 'perChannel',
        target: 4,
        window: { from: '2025-08-01', to: '2025-08-31' },
      }),
      deliverable('r', true),
    ]),
  ])
  const rows = [
    row(1, 100, 1, '2025-07-02'),
    row(1, 100, 2, '2025-07-03'), // the same item on a second channel counts once (pooled)
    row(1, 101, 1, '2025-08-12'),
    row(1, 102, 3, '2025-08-12'), // a channel outside the target
    row(1, 103, 1, '2025-08-12', 'videos'), // a type outside the target
    row(2, 200, 1, '2025-07-20'), // before target b's window
    row(2, 201, 1, '2025-08-05'),
    row(2, 202, 1, '2025-08-06'),
    row(2, 203, 1, '2025-08-07'), // channel 1 is over its quota of 2: capped
    row(2, 204, 2, '2025-08-19'),
    row(2, 205, 2, '2025-08-25'), // after the report day: not known yet
  ]
  const period = { from: '2025-07-01', to: '2025-08-31' }

  it('weekly points over the plan period, content items only, ending on the report numbers', () => {
    const b = planBurnUp({ report: plan, rows, period, now: NOW, timeZone: HCM })
    expect(b.empty).toBeNull()
    // 10 items pooled + 2 channels × 2: the deliverable is not added to items.
    expect(b.target).toBe(14)
    expect(b.range).toEqual(period)
    expect(b.cutOff).toBe('2025-08-20')
    // a: 10 × 51/62 days = 8.2; b: 4 × 20/31 days = 2.6; 10.8 due, so the 11th.
    expect(b.expectedAtCutOff).toBe(11)
    expect(b.points[0]).toMatchObject({ weekStart: '2025-06-30', weekEnd: '2025-07-06', achieved: 1 })
    expect(b.points.at(-1)).toMatchObject({ weekStart: '2025-08-25', weekEnd: '2025-08-31', achieved: null })
    expect(b.points.map((p) => p.weekStart)).toHaveLength(9)
    const byEnd = new Map(b.points.map((p) => [p.weekEnd, p.achieved]))
    expect(byEnd.get('2025-07-27')).toBe(1) // item 200 is before b's window
    expect(byEnd.get('2025-08-10')).toBe(1 + 2) // b: 3 on channel 1, capped at 2
    expect(byEnd.get('2025-08-17')).toBe(2 + 2)
    // The week of the report day counts up to the report day: item 204, not 205.
    expect(byEnd.get('2025-08-24')).toBe(2 + 3)
    // Expected reaches the whole content target on the last day, in whole items.
    expect(b.points.at(-1)?.expected).toBe(14)
    expect(b.points.every((p) => Number.isInteger(p.expected))).toBe(true)
    const expected = b.points.map((p) => p.expected)
    expect([...expected].sort((x, y) => x - y)).toEqual(expected)
  })

  it('a week boundary is a day in Asia/Ho_Chi_Minh: 00:30 on Monday there is still Sunday in UTC', () => {
    const late = report(plan.tasks, '2025-08-31')
    const mondayHcm = new Date('2025-08-17T17:30:00Z') // Monday 18/8 00:30 in Hà Nội
    const mondayRows = [...rows.slice(0, 2), row(1, 300, 1, '2025-08-18')]
    const hcm = planBurnUp({ report: late, rows: mondayRows, period, now: mondayHcm, timeZone: HCM })
    expect(hcm.cutOff).toBe('2025-08-18')
    const week = (b: typeof hcm, start: string) => b.points.find((p) => p.weekStart === start)?.achieved
    expect(week(hcm, '2025-08-11')).toBe(1)
    expect(week(hcm, '2025-08-18')).toBe(2)
    expect(week(hcm, '2025-08-25')).toBeNull()
    const utc = planBurnUp({ report: late, rows: mondayRows, period, now: mondayHcm, timeZone: 'UTC' })
    expect(utc.cutOff).toBe('2025-08-17')
    expect(week(utc, '2025-08-11')).toBe(1)
    expect(week(utc, '2025-08-18')).toBeNull()
  })

  it('an empty plan has nothing to draw', () => {
    expect(planBurnUp({ report: report([]), rows: [], period, now: NOW, timeZone: HCM })).toMatchObject({
      empty: 'no-content',
      points: [],
      target: 0,
    })
    // Reports only: no content items to burn up.
    const reportsOnly = report([task(1, '1', [deliverable('r', false)])])
    expect(planBurnUp({ report: reportsOnly, rows: [], period, now: NOW, timeZone: HCM }).empty).toBe('no-content')
  })

  it('a plan without dates uses the targets’ windows, and without any has nothing to draw', () => {
    const b = planBurnUp({ report: plan, rows, period: { from: null, to: null }, now: NOW, timeZone: HCM })
    expect(b.range).toEqual({ from: '2025-07-01', to: '2025-08-31' })
    expect(b.points).toHaveLength(9)
    const undated = report([task(1, '1', [content('a', { channels: [1], window: null })])])
    const none = planBurnUp({ report: undated, rows, period: null, now: NOW, timeZone: HCM })
    expect(none).toMatchObject({ empty: 'no-dates', points: [], target: 10 })
  })
})

describe('taskChannelHeatMap', () => {
  const map = taskChannelHeatMap(
    report([
      task(3, '10', [content('c', { channels: [1, 2], achievedBy: { 1: 12, 2: 0 } })]),
      task(2, '2', [
        content('p', { channels: [1, 2], mode: 'perChannel', target: 8, achievedBy: { 1: 5, 2: 1 } }),
        deliverable('r', false),
      ]),
      task(4, '3', [deliverable('d', true)]),
      task(1, '1', [content('a', { channels: [2, 3], achievedBy: { 2: 3, 3: 1 } })]),
    ]),
  )

  it('rows in STT order, tasks without content targets left out', () => {
    expect(map.rows.map((r) => r.task.code)).toEqual(['1', '2', '10'])
    expect(map.withoutContent).toBe(1)
    expect(map.channels.map((c) => c.name)).toEqual(['Cổng', 'VnExpress', 'Tạp chí'])
  })

  it('a per-channel cell is a ratio to its quota; a pooled one is the count alone', () => {
    const [one, two, ten] = map.rows
    expect(one?.cells[0]).toBeNull()
    expect(one?.cells[1]).toMatchObject({ count: 3, quota: null, percent: null, scale: 'count' })
    expect(two?.cells[0]).toMatchObject({ count: 5, quota: 4, percent: 125, scale: 'ratio', level: 4 })
    expect(two?.cells[1]).toMatchObject({ count: 1, quota: 4, percent: 25, scale: 'ratio', level: 2 })
    expect(two?.cells[2]).toBeNull()
    expect(ten?.cells[1]).toMatchObject({ count: 0, level: 0, scale: 'count' })
    expect(map.maxCount).toBe(12)
    expect(ten?.cells[0]).toMatchObject({ count: 12, level: 4 })
    expect(one?.cells[2]).toMatchObject({ count: 1, level: 1 })
    expect(map.countSteps).toEqual([3, 6, 9, 12])
  })

  it('every cell reads as words and a short number', () => {
    expect(heatCellText(null)).toEqual({ short: '—', label: 'kênh không thuộc chỉ tiêu' })
    expect(heatCellText(map.rows[1]!.cells[0]!).short).toBe('5/4')
    expect(heatCellText(map.rows[1]!.cells[0]!).label).toBe('5 trên 4 sản phẩm của kênh, đạt 125%')
    expect(heatCellText(map.rows[0]!.cells[1]!).short).toBe('3')
    expect(heatLegend('count', countSteps(12))).toEqual(['0', '1–3', '4–6', '7–9', '10–12'])
    expect(heatLegend('count', countSteps(0))).toEqual(['0', '1', '2', '3', '4'])
    expect(heatLegend('ratio', [])).toHaveLength(5)
  })

  it('an empty plan gives an empty table', () => {
    expect(taskChannelHeatMap(report([]))).toMatchObject({ rows: [], withoutContent: 0, maxCount: 0 })
  })
})

describe('dashboard filters', () => {
  const known = { channels: [1, 2, 3], types: ['articles', 'infographics', 'videos'], units: [7, 8] }

  it('reads known values and sets aside the rest, naming them', () => {
    expect(readDashboardFilters({ status: 'behind', channel: '2', type: 'videos', unit: '8' }, known)).toEqual({
      filters: { status: 'behind', channel: 2, type: 'videos', unit: 8 },
      ignored: [],
    })
    const bad = readDashboardFilters({ status: 'late', channel: '99', type: 'podcasts', unit: 'x', plan: '1' }, known)
    expect(bad.filters).toEqual(NO_FILTERS)
    expect(bad.ignored).toEqual([
      { param: 'status', value: 'late' },
      { param: 'channel', value: '99' },
      { param: 'type', value: 'podcasts' },
      { param: 'unit', value: 'x' },
    ])
    expect(ignoredNote(bad.ignored)).toBe(
      'Bỏ qua bộ lọc không hợp lệ hoặc không có: Tình trạng «late»; Kênh «99»; Loại sản phẩm «podcasts»; Đơn vị chủ trì «x». Đang hiển thị như khi không chọn bộ lọc đó.',
    )
    expect(ignoredNote([])).toBeNull()
    // Repeated parameters: the first is read; empty ones are no filter.
    expect(readDashboardFilters({ channel: ['3', '1'], status: '' }, known).filters).toMatchObject({
      channel: 3,
      status: null,
    })
  })

  it('writes the state back as a stable address', () => {
    expect(
      dashboardQuery({
        plan: 4,
        asOf: '2025-08-20',
        view: null,
        filters: { type: 'videos', status: 'behind', channel: null, unit: '' },
      }),
    ).toBe('plan=4&asOf=2025-08-20&status=behind&type=videos')
    expect(dashboardQuery({ plan: null, asOf: null, view: 'units', filters: {} })).toBe('view=units')
  })

  const plan = report([
    task(1, '1', [content('a', { channels: [1, 2], target: 10, achieved: 4, status: 'behind' })]),
    task(2, '2', [
      content('v', { channels: [3], contentTypes: ['videos'], target: 2, achieved: 2, status: 'done' }),
      deliverable('r', false),
    ]),
  ])

  it('keeps the matching targets, drops emptied tasks, recomputes totals', () => {
    expect(filterReport(plan, NO_FILTERS)).toBe(plan)
    const behind = filterReport(plan, { ...NO_FILTERS, status: 'behind' })
    expect(behind.tasks.map((t) => t.targets.map((x) => x.id))).toEqual([['a'], ['r']])
    expect(behind.totals).toEqual({ target: 11, achieved: 4, percent: 36.4 })
    const onChannel = filterReport(plan, { ...NO_FILTERS, channel: 2 })
    expect(onChannel.tasks.map((t) => t.code)).toEqual(['1'])
    expect(onChannel.channels).toEqual([{ id: 2, name: 'VnExpress' }])
    const videos = filterReport(plan, { ...NO_FILTERS, type: 'videos' })
    expect(videos.tasks.map((t) => t.targets.map((x) => x.id))).toEqual([['v']])
    expect(videos.channels.map((c) => c.id)).toEqual([3])
    expect(filterReport(plan, { ...NO_FILTERS, type: 'videos', status: 'behind' }).tasks).toEqual([])
  })
})

describe('rankUnits', () => {
  const units = [
    { id: 1, name: 'Bộ', parent: null },
    { id: 2, name: 'Trung tâm', parent: 1 },
    { id: 3, name: 'Vụ Pháp chế', parent: 1 },
    { id: 4, name: 'Báo', parent: null },
    { id: 5, name: 'Cục', parent: 1 },
  ]
  const tasks = [
    task(1, '1', [content('a', { channels: [1], target: 20, achieved: 5, status: 'behind' })], [2, 4]),
    task(2, '2', [content('b', { channels: [1], target: 10, achieved: 6, status: 'at-risk' })], [4]),
    task(3, '3', [deliverable('r', false)], [3]),
    task(4, '4', [deliverable('s', true)], [5]),
  ]

  it('ranks units by their own tasks, content items and deliverables apart', () => {
    const ranked = rankUnits(rollupByUnit(tasks, units), tasks)
    expect(ranked.map((r) => r.unit?.name)).toEqual(['Báo', 'Trung tâm', 'Cục', 'Vụ Pháp chế'])
    expect(ranked[0]).toMatchObject({
      content: { achieved: 11, target: 30, percent: 36 },
      deliverables: null,
      tasks: 2,
      attention: 2,
    })
    expect(ranked[1]).toMatchObject({ content: { achieved: 5, target: 20, percent: 25 }, deliverables: null })
    expect(ranked[2]).toMatchObject({ content: null, deliverables: { done: 1, total: 1, percent: 100 } })
    expect(ranked[3]).toMatchObject({ content: null, deliverables: { done: 0, total: 1, percent: 0 }, attention: 1 })
    // The ministry leads nothing itself: its subtree totals are the roll-up's, not a bar here.
    expect(ranked.some((r) => r.unit?.name === 'Bộ')).toBe(false)
    expect(rankUnits([], [])).toEqual([])
  })
})
