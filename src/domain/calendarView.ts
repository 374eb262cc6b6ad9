/**
 * The calendar page's rules that are not drawing: which filters it keeps in the URL, the query it
 * sends for a visible range, and the colour of each kind of event. Pure, so the page and its
 * tests agree on them.
 */

export const CALENDAR_FILTERS = ['plan', 'unit', 'channel', 'type', 'assignee'] as const
export type CalendarFilterName = (typeof CALENDAR_FILTERS)[number]
export type CalendarFilters = Partial<Record<CalendarFilterName, string>>

export const CALENDAR_VIEWS = ['dayGridMonth', 'dayGridWeek', 'listMonth'] as const
export type CalendarViewName = (typeof CALENDAR_VIEWS)[number]

/** The filters, view and date a URL names; anything else in it is ignored. */
export function readCalendarUrl(search: Record<string, string | string[] | undefined>): {
  filters: CalendarFilters
  view: CalendarViewName
  date: string | null
} {
  const one = (name: string) => {
    const v = search[name]
    const s = Array.isArray(v) ? v[0] : v
    return typeof s === 'string' ? s.trim() : ''
  }
  const filters: CalendarFilters = {}
  for (const name of CALENDAR_FILTERS) {
    const v = one(name)
    // Ids are whole numbers; a content type is a collection slug. Anything else would only earn a 400.
    if (v && (name === 'type' ? /^[a-z][a-z0-9-]*$/.test(v) : /^[1-9]\d{0,9}$/.test(v))) filters[name] = v
  }
  const view = (CALENDAR_VIEWS as readonly string[]).includes(one('view'))
    ? (one('view') as CalendarViewName)
    : 'dayGridMonth'
  const date = /^\d{4}-\d{2}-\d{2}$/.test(one('date')) ? one('date') : null
  return { filters, view, date }
}

/** The page's own URL query for its state, so a copied address opens the same calendar. */
export function calendarUrlQuery(state: { filters: CalendarFilters; view: CalendarViewName; date: string }): string {
  const params = new URLSearchParams()
  for (const name of CALENDAR_FILTERS) {
    const v = state.filters[name]
    if (v) params.set(name, v)
  }
  params.set('view', state.view)
  params.set('date', state.date)
  return params.toString()
}

const dayBefore = (day: string): string => {
  const t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)))
  return new Date(t - 86_400_000).toISOString().slice(0, 10)
}

/**
 * GET /api/calendar/events query for a visible range: the calendar gives its end exclusive
 * (the day after the last cell), the endpoint wants the last day itself.
 */
export function calendarEventsQuery(filters: CalendarFilters, start: string, endExclusive: string): string {
  const params = new URLSearchParams({ from: start.slice(0, 10), to: dayBefore(endExclusive.slice(0, 10)) })
  for (const name of CALENDAR_FILTERS) {
    const v = filters[name]
    if (v) params.set(name, v)
  }
  return params.toString()
}

const KIND_COLORS: Record<string, string> = {
  deadline: '#b42318',
  report: '#6941c6',
  'key-day': '#b54708',
  planned: '#175cd3',
  slipped: '#c4320a',
}
/** Distinct, readable chip colours for channels (published items), picked by channel id. */
const CHANNEL_COLORS = ['#027a48', '#0e7090', '#4e5ba6', '#9f1ab1', '#a15c07', '#3b7c0f', '#c11574', '#155eef']

export function calendarEventColor(kind: string, channel?: number | null): string {
  if (kind === 'published') return CHANNEL_COLORS[Math.abs(Number(channel ?? 0)) % CHANNEL_COLORS.length]!
  return KIND_COLORS[kind] ?? '#475467'
}

export const CALENDAR_KIND_VI: Record<string, string> = {
  deadline: 'Hạn nhiệm vụ',
  report: 'Ngày báo cáo',
  'key-day': 'Ngày trọng điểm',
  planned: 'Dự kiến đăng',
  slipped: 'Trễ kế hoạch',
  published: 'Đã đăng',
}
