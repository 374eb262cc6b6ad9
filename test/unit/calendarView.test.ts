import { describe, expect, it } from 'vitest'
import {
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
