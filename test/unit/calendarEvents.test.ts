import { describe, expect, it } from 'vitest'
import {
  calendarEvents,
  scheduledPublishEvents,
  targetText,
  targetWindowEvents,
  type CalendarPlan,
  type CalendarTask,
} from '../../src/domain/calendarEvents'
import { plannedAssignmentMail, plannedReminderMail } from '../../src/domain/mailText'
import { parseCalendarParams } from '../../src/domain/calendarParams'
import { checkAssignee, plansMissingDay } from '../../src/domain/plannedItems'

const plan: CalendarPlan = {
  id: 3,
  code: '03-KH',
  periodFrom: '2026-03-01',
  periodTo: '2026-12-31',
  schedule: { monthlyDay: 20, fixedDates: [{ day: 20, month: 6 }] },
  keyDays: [
    { day: 18, month: 5, label: 'Ngày KH&CN Việt Nam' },
    { day: 10, month: 2, label: null },
  ],
}

const events = (over: Partial<Parameters<typeof calendarEvents>[0]> = {}) =>
  calendarEvents({
    plans: [plan],
    tasks: [],
    items: [],
    from: '2026-01-01',
    to: '2026-12-31',
    today: '2026-06-15',
    ...over,
  })

describe('calendarEvents', () => {
  it("lists report days and key days inside both the range and the plan's period", () => {
    const list = events()
    const reports = list.filter((e) => e.kind === 'report').map((e) => e.day)
    // Monthly on the 20th from March (the plan starts 1/3), 20/6 merged with June's monthly report.
    expect(reports).toEqual([
      '2026-03-20',
      '2026-04-20',
      '2026-05-20',
      '2026-06-20',
      '2026-07-20',
      '2026-08-20',
      '2026-09-20',
      '2026-10-20',
      '2026-11-20',
      '2026-12-20',
    ])
    // 10/2 is before the plan starts: left out.
    expect(list.filter((e) => e.kind === 'key-day').map((e) => [e.day, e.title])).toEqual([
      ['2026-05-18', '03-KH: Ngày KH&CN Việt Nam'],
    ])
  })

  it('shows deadlines in range, and unpublished planned items, slipped when their day has passed', () => {
    const list = events({
      plans: [],
      tasks: [
        { id: 1, plan: 3, planCode: '03-KH', code: 'III.1', title: 'Tuyên truyền', deadline: '2026-08-30' },
        { id: 2, plan: 3, planCode: '03-KH', code: 'III.2', title: 'Sau', deadline: '2027-01-30' },
        { id: 3, plan: 3, planCode: '03-KH', code: 'III.3', title: 'Thường xuyên', deadline: null },
      ],
      items: [
        { collection: 'articles', id: 7, title: 'A', plannedDay: '2026-06-14', assigneeName: 'Lan', published: false },
        { collection: 'videos', id: 8, title: 'B', plannedDay: '2026-06-15', assigneeName: null, published: false },
        { collection: 'articles', id: 9, title: 'C', plannedDay: '2026-06-16', assigneeName: null, published: true },
      ],
    })
    expect(list.map((e) => [e.kind, e.day, e.uid])).toEqual([
      ['slipped', '2026-06-14', 'planned-articles-7'],
      ['planned', '2026-06-15', 'planned-videos-8'],
      ['deadline', '2026-08-30', 'deadline-1'],
    ])
    expect(list[0]).toMatchObject({ title: '[Trễ] Tin bài dự kiến đăng: A', description: 'Người thực hiện: Lan.' })
    expect(list[2]?.path).toBe('/collections/tasks/1')
  })

  it('has nothing for a plan whose period lies outside the range', () => {
    expect(events({ from: '2027-01-01', to: '2027-03-01' })).toEqual([])
  })
})

describe('planned item rules', () => {
  it('an assignee must be of the item unit; nobody assigned is fine', () => {
    expect(checkAssignee({ assignee: null, assigneeFound: false, assigneeUnit: null, itemUnit: 1 })).toBeNull()
    expect(checkAssignee({ assignee: 5, assigneeFound: true, assigneeUnit: 1, itemUnit: '1' })).toBeNull()
    expect(checkAssignee({ assignee: 5, assigneeFound: true, assigneeUnit: 2, itemUnit: 1 })).toEqual({
      key: 'assigneeOtherUnit',
    })
    expect(checkAssignee({ assignee: 5, assigneeFound: false, assigneeUnit: null, itemUnit: 1 })).toMatchObject({
      key: 'assigneeUnknown',
    })
  })

  it('names the plans whose period leaves the planned day out', () => {
    const plans = [
      { code: 'A', from: '2026-01-01', to: '2026-12-31' },
      { code: 'B', from: '2026-07-01', to: null },
      { code: 'C', from: null, to: null },
    ]
    expect(plansMissingDay('2026-06-30', plans)).toEqual(['B'])
    expect(plansMissingDay('2027-01-01', plans)).toEqual(['A'])
  })
})

describe('parseCalendarParams', () => {
  const types = ['articles', 'videos']
  it('reads a range and the filters', () => {
    expect(
      parseCalendarParams({ from: '2026-06-01', to: '2026-07-12', plan: '3', type: 'videos', assignee: '9' }, types),
    ).toEqual({
      ok: true,
      params: { from: '2026-06-01', to: '2026-07-12', plan: 3, unit: null, channel: null, type: 'videos', assignee: 9 },
    })
  })
  it('names the bad parameter', () => {
    const field = (q: Record<string, string>) => {
      const r = parseCalendarParams(q, types)
      return r.ok ? null : r.field
    }
    expect(field({ to: '2026-06-01' })).toBe('from')
    expect(field({ from: '2026-06-01', to: '2026-06-31' })).toBe('to')
    expect(field({ from: '2026-06-02', to: '2026-06-01' })).toBe('to')
    expect(field({ from: '2026-01-01', to: '2027-02-06' })).toBe('to')
    expect(field({ from: '2026-01-01', to: '2027-02-05' })).toBeNull()
    expect(field({ from: '2026-06-01', to: '2026-06-02', unit: '0' })).toBe('unit')
    expect(field({ from: '2026-06-01', to: '2026-06-02', type: 'infographics' })).toBe('type')
  })
})

describe('targetWindowEvents', () => {
  const content = {
    kind: 'content',
    label: null,
    quantity: 20,
    contentTypes: ['articles', 'videos'],
    windowStart: null,
  }
  const task = (over: Partial<CalendarTask>): CalendarTask => ({
    id: 1,
    plan: 3,
    planCode: '03-KH',
    code: 'III.1',
    title: 'Tuyên truyền',
    deadline: '2026-08-30',
    timeframe: { kind: 'deadline', deadline: '2026-08-30' },
    targets: [{ id: 't1', ...content }],
    ...over,
  })
  const spans = (tasks: CalendarTask[], from = '2026-01-01', to = '2026-12-31') =>
    targetWindowEvents({ plans: [plan], tasks, from, to })

  it("spans a deadline target from the plan's start (or its own start) to the deadline, end exclusive", () => {
    const list = spans([
      task({
        targets: [
          { id: 't1', ...content },
          { id: 't2', ...content, label: 'Phóng sự', windowStart: '2026-06-01' },
        ],
      }),
    ])
    expect(list.map((e) => [e.uid, e.start, e.end, e.lastDay])).toEqual([
      ['window-1-t1-2026-03-01', '2026-03-01', '2026-08-31', '2026-08-30'],
      ['window-1-t2-2026-06-01', '2026-06-01', '2026-08-31', '2026-08-30'],
    ])
    expect(list[0]).toMatchObject({
      kind: 'window',
      title: 'Nhiệm vụ III.1 (03-KH): 20 tin bài, video, 1/3/2026–30/8/2026',
      path: '/collections/tasks/1',
    })
    expect(list[1]?.title).toContain('Phóng sự')
  })

  it('gives a recurring target one bar per period inside the plan, and none outside the range', () => {
    const monthly = task({ timeframe: { kind: 'recurring', recurrence: 'quarter' }, deadline: null })
    expect(spans([monthly]).map((e) => [e.start, e.lastDay])).toEqual([
      ['2026-03-01', '2026-03-31'],
      ['2026-04-01', '2026-06-30'],
      ['2026-07-01', '2026-09-30'],
      ['2026-10-01', '2026-12-31'],
    ])
    expect(spans([monthly], '2026-05-01', '2026-05-31').map((e) => e.start)).toEqual(['2026-04-01'])
    expect(spans([task({})], '2026-09-01', '2026-09-30')).toEqual([])
    // No timeframe, or a deadline it cannot read: no bar rather than a wrong one.
    expect(spans([task({ timeframe: null }), task({ timeframe: { kind: 'deadline', deadline: null } })])).toEqual([])
  })

  it('names a target by its label, or its quantity and types, or its kind', () => {
    expect(targetText({ id: 'a', ...content, label: 'Video clip' })).toBe('Video clip')
    expect(targetText({ id: 'a', ...content, contentTypes: ['infographics'] })).toBe('20 infographic')
    expect(targetText({ id: 'a', ...content, kind: 'deliverable', quantity: null })).toBe('Sản phẩm / báo cáo')
  })
})

describe('scheduledPublishEvents', () => {
  it('shows the pending publishes of readable items in range, once per item and time', () => {
    const list = scheduledPublishEvents({
      jobs: [
        { collection: 'articles', id: 4, day: '2026-06-20', time: '08:30' },
        { collection: 'articles', id: 4, day: '2026-06-20', time: '08:30' },
        { collection: 'videos', id: 5, day: '2026-06-19', time: '17:00' },
        { collection: 'articles', id: 6, day: '2026-06-19', time: '09:00' },
        { collection: 'articles', id: 4, day: '2026-07-20', time: '08:30' },
      ],
      // Article 6 is another unit's draft: the reader may not see it.
      readable: new Map([
        ['articles-4', 'Bài A'],
        ['videos-5', 'Clip B'],
      ]),
      from: '2026-06-01',
      to: '2026-06-30',
    })
    expect(list).toEqual([
      {
        uid: 'scheduled-videos-5-2026-06-19T17:00',
        kind: 'scheduled',
        day: '2026-06-19',
        title: 'Hẹn đăng 17:00: Clip B',
        path: '/collections/videos/5',
        collection: 'videos',
        item: 5,
      },
      expect.objectContaining({ uid: 'scheduled-articles-4-2026-06-20T08:30', title: 'Hẹn đăng 08:30: Bài A' }),
    ])
  })
})

describe('planned item e-mails', () => {
  const item = { collection: 'videos', title: 'Clip <1>', plannedDay: '2026-06-20', tasks: ['1 (03-KH)'] }
  it('tells the assignee who gave them what, for which day and task, with a link', () => {
    const mail = plannedAssignmentMail(
      item,
      'Lãnh đạo A',
      'Biên tập B',
      'https://cms.example/admin/collections/videos/5',
    )
    expect(mail.subject).toBe('Được giao video: Clip <1>')
    expect(mail.text).toContain('Kính gửi Biên tập B,')
    expect(mail.text).toContain('Lãnh đạo A giao cho bạn video “Clip <1>”, dự kiến đăng ngày 20/6/2026.')
    expect(mail.text).toContain('Nhiệm vụ: 1 (03-KH).')
    expect(mail.text).toContain('https://cms.example/admin/collections/videos/5')
    expect(mail.html).toContain('Clip &#60;1&#62;')
    expect(mail.html).not.toContain('<1>')
  })
  it('reminds the day before, and leaves the link out without a server address', () => {
    const mail = plannedReminderMail(item, 'Biên tập B', null)
    expect(mail.subject).toBe('Ngày mai (20/6/2026) dự kiến đăng: Clip <1>')
    expect(mail.text).toContain('vẫn chưa được xuất bản')
    expect(mail.text).not.toContain('Mở trên hệ thống')
  })
})
