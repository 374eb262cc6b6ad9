import { describe, expect, it } from 'vitest'
import { calendarEvents, type CalendarPlan } from '../../src/domain/calendarEvents'
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
