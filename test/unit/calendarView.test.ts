import { describe, expect, it } from 'vitest'
import {
  apiErrorText,
  planItemRequest,
  calendarEventColor,
  calendarEventsQuery,
  calendarUrlQuery,
  readCalendarUrl,
} from '../../src/domain/calendarView'

describe('the calendar page’s URL and queries', () => {
  it('keeps only well-formed filters, a known view and a real-looking date', () => {
    expect(
      readCalendarUrl({
        plan: '3',
        unit: 'x',
        channel: ['7', '8'],
        type: 'articles',
        assignee: '0',
        view: 'listMonth',
        date: '2026-12-01',
      }),
    ).toEqual({ filters: { plan: '3', channel: '7', type: 'articles' }, view: 'listMonth', date: '2026-12-01' })
    expect(readCalendarUrl({ view: 'timeGridDay', date: '1/12/2026', type: 'Articles;drop' })).toEqual({
      filters: {},
      view: 'dayGridMonth',
      date: null,
    })
  })
  it('writes back what it reads', () => {
    const state = { filters: { plan: '3', type: 'videos' }, view: 'dayGridWeek' as const, date: '2026-12-07' }
    const search = Object.fromEntries(new URLSearchParams(calendarUrlQuery(state)))
    expect(readCalendarUrl(search)).toEqual(state)
  })
  it('asks the endpoint for the last visible day, not the calendar’s exclusive end, across a year', () => {
    expect(calendarEventsQuery({ unit: '2' }, '2026-11-30', '2027-01-11')).toBe('from=2026-11-30&to=2027-01-10&unit=2')
    expect(calendarEventsQuery({}, '2026-12-01T00:00:00+07:00', '2027-01-01T00:00:00+07:00')).toBe(
      'from=2026-12-01&to=2026-12-31',
    )
  })
  it('colours published chips by channel and the rest by kind', () => {
    expect(calendarEventColor('published', 1)).not.toBe(calendarEventColor('published', 2))
    expect(calendarEventColor('published', 9)).toBe(calendarEventColor('published', 1))
    expect(calendarEventColor('deadline')).not.toBe(calendarEventColor('planned'))
    expect(calendarEventColor('unknown')).toBe('#475467')
  })
})

describe('the calendar’s “Lên kế hoạch” form', () => {
  const types = ['articles', 'infographics', 'videos']
  const form = { title: ' Bài mới ', type: 'videos', task: '12', day: '2026-06-20', assignee: '7' }
  it('makes a draft with the planned day, the task and the assignee for POST /api/<type>', () => {
    expect(planItemRequest(form, types)).toEqual({
      ok: true,
      collection: 'videos',
      body: { title: 'Bài mới', _status: 'draft', tasks: [12], plannedDate: '2026-06-20', assignee: 7 },
    })
    const nobody = planItemRequest({ ...form, assignee: '' }, types)
    expect(nobody.ok && nobody.body).not.toHaveProperty('assignee')
  })
  it('names the field the browser can already tell is wrong', () => {
    const field = (over: Partial<typeof form>) => {
      const r = planItemRequest({ ...form, ...over }, types)
      return r.ok ? null : r.field
    }
    expect(field({ title: '  ' })).toBe('title')
    expect(field({ type: 'podcasts' })).toBe('type')
    expect(field({ task: '' })).toBe('task')
    expect(field({ day: '20/6/2026' })).toBe('day')
    expect(field({ assignee: 'x' })).toBe('assignee')
  })
  it('reads the API’s refusal: the message and each field’s problem', () => {
    const body = {
      errors: [
        {
          name: 'ValidationError',
          message: 'Trường sau không hợp lệ: Người thực hiện',
          data: {
            collection: 'articles',
            errors: [{ path: 'assignee', message: 'Người được giao phải thuộc đơn vị.' }],
          },
        },
      ],
    }
    expect(apiErrorText(body, 400)).toEqual({
      message: 'Trường sau không hợp lệ: Người thực hiện',
      fields: [{ path: 'assignee', message: 'Người được giao phải thuộc đơn vị.' }],
    })
    expect(apiErrorText(null, 502)).toEqual({ message: 'Lỗi HTTP 502.', fields: [] })
  })
  it('gives the new kinds their colours and labels', () => {
    expect(calendarEventColor('scheduled')).not.toBe(calendarEventColor('planned'))
    expect(calendarEventColor('window')).toMatch(/^#/)
  })
})
