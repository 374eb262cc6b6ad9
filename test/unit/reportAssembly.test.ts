import { describe, expect, it } from 'vitest'
import type { TargetCounts } from '../../src/domain/counting'
import {
  assembleReport,
  reassembleTasks,
  reportNameIds,
  reportQuestions,
  type ReportParams,
  type ReportShape,
} from '../../src/domain/reportAssembly'

/**
 * The report's rules without a database: the shape is what readReportShape reads (unpopulated
 * rows, dates as the instants Payload stores), the counts what the ledger would answer.
 */

const TZ = 'Asia/Ho_Chi_Minh'
/** Midnight of a day in Vietnam, as Payload stores a date picked there: the day before, in UTC. */
const vn = (day: string) => new Date(`${day}T00:00:00+07:00`).toISOString()

type Row = Record<string, unknown>

const plan: Row = {
  id: 1,
  code: '03-KH/BCĐTW',
  title: 'Kế hoạch truyền thông 2025',
  period: { from: vn('2025-01-01'), to: vn('2025-12-31') },
}

/** A deadline task with a pooled and a per-channel content target and a deliverable. */
const deadlineTask: Row = {
  id: 10,
  code: 'I.1',
  title: 'Tuyên truyền chuyển đổi số',
  timeframe: { kind: 'deadline', deadline: vn('2025-08-30') },
  leadUnits: [3, 4],
  targets: [
    { id: 'pooled', kind: 'content', quantity: 20, channels: [1, 2], contentTypes: ['articles'], mode: 'pooled' },
    {
      id: 'each',
      kind: 'content',
      quantity: 5,
      channels: [{ id: 1 }, 2],
      contentTypes: ['videos'],
      mode: 'perChannel',
    },
    { id: 'doc', kind: 'deliverable', label: 'Báo cáo', submitted: true, document: 99 },
  ],
}

const recurringTask: Row = {
  id: 11,
  code: 'I.2',
  title: 'Tin hằng tháng',
  timeframe: { kind: 'recurring', recurrence: 'month' },
  leadUnits: [3],
  targets: [{ id: 'monthly', quantity: 4, channels: [2], contentTypes: ['articles'] }],
}

const indicatorTask: Row = {
  id: 12,
  code: 'II.1',
  title: 'Tỷ lệ cán bộ được phổ biến',
  timeframe: { kind: 'byYear', year: 2025 },
  leadUnits: [],
  targets: [
    {
      id: 'share',
      kind: 'indicator',
      targetValue: 100,
      progress: [
        { date: vn('2025-07-01'), value: 40 },
        { date: vn('2025-09-01'), value: 90 },
        { date: vn('2025-07-02'), value: 'nhiều' },
      ],
    },
  ],
}

const shapeOf = (tasks: Row[], over: Partial<ReportShape> = {}): ReportShape => ({
  plan,
  tasks,
  // Unit 4 leads task 10 but the reader cannot see it, so it has no name.
  unitNames: new Map([[3, 'Trung tâm Truyền thông']]),
  channelNames: new Map([
    [2, 'Facebook'],
    [1, 'Cổng TTĐT'],
    [9, 'Kênh không dùng'],
  ]),
  tz: TZ,
  ...over,
})

const params = (asOf: string, over: Partial<ReportParams> = {}): ReportParams => ({
  plan: 1,
  asOf,
  unit: null,
  ...over,
})
const counted = (pooled: number, byChannel: Array<[number, number]> = [], late = 0): TargetCounts => ({
  pooled,
  byChannel: byChannel.map(([channel, count]) => ({ channel, count })),
  late,
})

function report(
  tasks: Row[],
  asOf: string,
  counts: Record<string, TargetCounts> = {},
  over: Partial<ReportShape> = {},
) {
  const shape = shapeOf(tasks, over)
  const questions = reportQuestions(shape, asOf)
  return { questions, report: assembleReport(shape, questions, new Map(Object.entries(counts)), params(asOf)) }
}

describe('reportQuestions', () => {
  it('asks the ledger about content targets only, within their windows and up to the report day', () => {
    const { questions } = report([deadlineTask, recurringTask, indicatorTask], '2025-08-15')
    expect(questions.queries).toEqual([
      {
        key: '10:pooled',
        task: 10,
        channels: [1, 2],
        contentTypes: ['articles'],
        from: '2025-01-01',
        to: '2025-08-15',
      },
      { key: '10:each', task: 10, channels: [1, 2], contentTypes: ['videos'], from: '2025-01-01', to: '2025-08-15' },
      // A target without a kind is a content target; a recurring one counts in the current month.
      { key: '11:monthly', task: 11, channels: [2], contentTypes: ['articles'], from: '2025-08-01', to: '2025-08-15' },
    ])
    // Dates are calendar days in Vietnam: the deadline stored as 29/8 17:00 UTC is 30/8.
    expect(questions.windows.get('10:doc')).toEqual({ from: '2025-01-01', to: '2025-08-30' })
    expect(questions.windows.get('12:share')).toEqual({ from: '2025-01-01', to: '2025-12-31' })
  })

  it('asks for late items once the deadline has passed, and nothing after the deadline as on time', () => {
    const { questions } = report([deadlineTask], '2025-09-10')
    expect(questions.queries[0]).toMatchObject({
      from: '2025-01-01',
      to: '2025-08-30',
      deadline: '2025-08-30',
      lateTo: '2025-09-10',
    })
    const onDeadline = report([deadlineTask], '2025-08-30').questions.queries[0]
    expect(onDeadline).toMatchObject({ to: '2025-08-30' })
    expect(onDeadline).not.toHaveProperty('deadline')
  })

  it('a window that starts later than the plan, or none at all, still yields a question', () => {
    const started = {
      ...deadlineTask,
      targets: [{ id: 'late-start', quantity: 3, channels: [1], windowStart: vn('2025-06-01') }],
    }
    expect(report([started], '2025-08-15').questions.queries[0]).toMatchObject({ from: '2025-06-01', to: '2025-08-15' })
    // No timeframe, no deadline: no window, so everything up to the report day counts.
    const open = { id: 13, targets: [{ id: 'x', quantity: 1, channels: [1] }] }
    const { questions } = report([open], '2025-08-15')
    expect(questions.windows.get('13:x')).toBeNull()
    expect(questions.queries[0]).toEqual({
      key: '13:x',
      task: 13,
      channels: [1],
      contentTypes: [],
      from: '0001-01-01',
      to: '2025-08-15',
    })
  })
})

describe('assembleReport', () => {
  const counts = {
    '10:pooled': counted(8, [
      [1, 6],
      [2, 3],
    ]),
    '10:each': counted(9, [
      [1, 7],
      [2, 3],
    ]),
    '11:monthly': counted(4, [[2, 4]]),
  }

  it('computes each kind of target per the counting rules', () => {
    const { report: r } = report([deadlineTask, recurringTask, indicatorTask], '2025-08-15', counts)
    const [t10, t11, t12] = r.tasks
    // Pooled: achieved is the distinct items; 8 of 20 with 227 of the window's 242 days gone.
    expect(t10?.targets[0]).toMatchObject({
      kind: 'content',
      mode: 'pooled',
      window: { from: '2025-01-01', to: '2025-08-30' },
      target: 20,
      achieved: 8,
      percent: 40,
      remaining: 12,
      expected: 18.8,
      status: 'behind',
      byChannel: [
        { channel: 1, achieved: 6 },
        { channel: 2, achieved: 3 },
      ],
    })
    // Per channel: Σ min(achieved_c, 5) over two channels = 5 + 3 of 10; the 7 stays visible per channel.
    expect(t10?.targets[1]).toMatchObject({
      mode: 'perChannel',
      target: 10,
      achieved: 8,
      percent: 80,
      byChannel: [
        { channel: 1, achieved: 7 },
        { channel: 2, achieved: 3 },
      ],
    })
    // A deliverable submitted with its document is done.
    expect(t10?.targets[2]).toMatchObject({
      kind: 'deliverable',
      label: 'Báo cáo',
      target: 1,
      achieved: 1,
      status: 'done',
      mode: null,
      channels: [],
    })
    expect(t11?.targets[0]).toMatchObject({
      target: 4,
      achieved: 4,
      status: 'done',
      window: { from: '2025-08-01', to: '2025-08-31' },
    })
    // An indicator shows its latest readable entry as of the report day: 40, not the September 90.
    expect(t12?.targets[0]).toMatchObject({ kind: 'indicator', target: 100, achieved: 40, percent: 40, remaining: 60 })
  })

  it('describes tasks: deadline, recurrence, visible lead units, in the order given', () => {
    const { report: r } = report([indicatorTask, recurringTask, deadlineTask], '2025-08-15', counts)
    expect(r.tasks.map((t) => [t.id, t.code, t.deadline, t.recurring])).toEqual([
      [12, 'II.1', '2025-12-31', false],
      [11, 'I.2', null, true],
      [10, 'I.1', '2025-08-30', false],
    ])
    expect(r.tasks[2]?.leadUnits).toEqual([{ id: 3, name: 'Trung tâm Truyền thông' }])
    expect(r.tasks[2]?.targets.map((t) => t.id)).toEqual(['pooled', 'each', 'doc'])
    expect(r.plan).toEqual({ id: 1, code: '03-KH/BCĐTW', title: 'Kế hoạch truyền thông 2025' })
    expect(r.asOf).toBe('2025-08-15')
  })

  it('totals content targets and deliverables, never indicators', () => {
    const { report: r } = report([deadlineTask, recurringTask, indicatorTask], '2025-08-15', counts)
    // 20 + 10 + 1 + 4 targeted, 8 + 8 + 1 + 4 achieved; the indicator's 40 of 100 stays out.
    expect(r.totals).toEqual({ target: 35, achieved: 21, percent: 60 })
  })

  it('names only the channels the targets use, in the order the targets name them', () => {
    // Not the order the names were read in: export columns must not follow the database's order.
    expect(report([deadlineTask], '2025-08-15', counts).report.channels).toEqual([
      { id: 1, name: 'Cổng TTĐT' },
      { id: 2, name: 'Facebook' },
    ])
    expect(report([recurringTask], '2025-08-15', counts).report.channels).toEqual([{ id: 2, name: 'Facebook' }])
  })

  it('an empty plan is a report of nothing: no tasks, zero totals', () => {
    const { questions, report: r } = report([], '2025-08-15')
    expect(questions.queries).toEqual([])
    expect(r).toEqual({
      channels: [],
      plan: { id: 1, code: '03-KH/BCĐTW', title: 'Kế hoạch truyền thông 2025' },
      asOf: '2025-08-15',
      unit: null,
      tasks: [],
      totals: { target: 0, achieved: 0, percent: 0 },
    })
    // A task without targets is listed, and adds nothing.
    const bare = report([{ id: 5, code: 'X', title: 'Chưa giao chỉ tiêu' }], '2025-08-15').report
    expect(bare.tasks).toEqual([
      { id: 5, code: 'X', title: 'Chưa giao chỉ tiêu', deadline: null, recurring: false, leadUnits: [], targets: [] },
    ])
    expect(bare.totals).toEqual({ target: 0, achieved: 0, percent: 0 })
  })

  it('a zero target is done with 0 %, and does not divide by zero in the totals', () => {
    const zero = { ...deadlineTask, targets: [{ id: 'z', quantity: 0, channels: [1] }] }
    const { report: r } = report([zero], '2025-08-15')
    expect(r.tasks[0]?.targets[0]).toMatchObject({ target: 0, achieved: 0, percent: 0, remaining: 0, status: 'done' })
    expect(r.totals).toEqual({ target: 0, achieved: 0, percent: 0 })
  })

  it('a target the counts do not mention counted nothing', () => {
    const { report: r } = report([deadlineTask], '2025-09-10')
    expect(r.tasks[0]?.targets[0]).toMatchObject({
      achieved: 0,
      late: 0,
      status: 'overdue',
      byChannel: [
        { channel: 1, achieved: 0 },
        { channel: 2, achieved: 0 },
      ],
    })
  })

  it('reports late items, which do not count towards the target', () => {
    const { report: r } = report([deadlineTask], '2025-09-10', { '10:pooled': counted(18, [], 5) })
    expect(r.tasks[0]?.targets[0]).toMatchObject({ achieved: 18, late: 5, remaining: 2, status: 'overdue' })
  })

  it('reads unreadable values as nothing rather than failing the report', () => {
    const odd = {
      id: '14',
      code: null,
      timeframe: { kind: 'byYear', year: '2025' },
      leadUnits: 'not a list',
      targets: [
        { id: 'a', quantity: 'hai mươi', channels: null, contentTypes: 'articles' },
        { id: 'b', kind: 'content', quantity: -5, channels: [1] },
        { id: 'c', kind: 'deliverable', submitted: 'yes', document: null },
        { id: 'd', kind: 'indicator', targetValue: null, progress: null },
      ],
    }
    const { questions, report: r } = report([odd], '2025-08-15')
    // A year written as text is no year: no window, and no deadline to show.
    expect(questions.windows.get('14:a')).toBeNull()
    expect(questions.queries[0]).toEqual({
      key: '14:a',
      task: 14,
      channels: [],
      contentTypes: [],
      from: '0001-01-01',
      to: '2025-08-15',
    })
    const task = r.tasks[0]
    expect(task).toMatchObject({ id: 14, code: '', title: '', deadline: null, leadUnits: [] })
    expect(task?.targets.map((t) => [t.id, t.target, t.achieved])).toEqual([
      ['a', 0, 0],
      ['b', 0, 0],
      ['c', 1, 0],
      ['d', 0, 0],
    ])
    expect(task?.targets[2]?.status).toBe('behind')
  })

  it('assembles again from the same shape and questions with new counts (the cache recounts one task)', () => {
    const shape = shapeOf([deadlineTask, recurringTask])
    const questions = reportQuestions(shape, '2025-08-15')
    const first = assembleReport(shape, questions, new Map(Object.entries(counts)), params('2025-08-15'))
    const again = assembleReport(
      shape,
      questions,
      new Map(Object.entries({ ...counts, '11:monthly': counted(1, [[2, 1]]) })),
      params('2025-08-15'),
    )
    expect(again.tasks[0]).toEqual(first.tasks[0])
    expect(again.tasks[1]?.targets[0]).toMatchObject({ achieved: 1, status: 'behind' })
    expect(again.totals).toEqual({ target: 35, achieved: 18, percent: 51.4 })
  })

  it('echoes the unit a rolled-up report is for', () => {
    const shape = shapeOf([recurringTask])
    const r = assembleReport(shape, reportQuestions(shape, '2025-08-15'), new Map(), params('2025-08-15', { unit: 3 }))
    expect(r.unit).toBe(3)
  })
})

describe('reportNameIds', () => {
  it('lists each lead unit and each content channel once, indicators and deliverables aside', () => {
    expect(reportNameIds([deadlineTask, recurringTask, indicatorTask])).toEqual({ units: [3, 4], channels: [1, 2] })
    expect(
      reportNameIds([
        { leadUnits: [{ id: 7 }], targets: [{ kind: 'deliverable', channels: [5] }, { channels: [{ id: 6 }] }] },
      ]),
    ).toEqual({ units: [7], channels: [6] })
    expect(reportNameIds([])).toEqual({ units: [], channels: [] })
  })
})

describe('reassembleTasks', () => {
  it('after one task changed, equals the whole report assembled again, reusing the other rows', () => {
    const tasks = [deadlineTask, recurringTask, indicatorTask]
    const asOf = '2025-09-15'
    const shape = shapeOf(tasks)
    const questions = reportQuestions(shape, asOf)
    const before = new Map(questions.queries.map((q) => [q.key, counted(2, [[1, 1]], 0)]))
    const first = assembleReport(shape, questions, before, params(asOf))
    const after = new Map(before)
    for (const q of questions.queries)
      if (q.task === 10)
        after.set(
          q.key,
          counted(
            9,
            [
              [1, 4],
              [2, 6],
            ],
            3,
          ),
        )
    const patched = reassembleTasks(first, shape, questions, after, params(asOf), new Set([10]))
    expect(patched).toEqual(assembleReport(shape, questions, after, params(asOf)))
    expect(patched).not.toEqual(first)
    expect(patched.tasks[1]).toBe(first.tasks[1]) // untouched rows are the same objects
  })
})
