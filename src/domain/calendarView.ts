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
  window: '#98a2b3',
  scheduled: '#0086c9',
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
  window: 'Thời gian chỉ tiêu',
  scheduled: 'Hẹn đăng',
  published: 'Đã đăng',
}

/** What the calendar's "Lên kế hoạch" form holds (every value as the form's controls give it). */
export interface PlanItemForm {
  title: string
  /** A content collection. */
  type: string
  task: string
  day: string
  assignee: string
}

/**
 * The REST call the form makes: `POST /api/<type>` with a draft carrying the planned day, the task
 * and the assignee (the API checks access and the rules, e.g. the assignee's unit). Only what the
 * browser can tell by itself is refused here, naming the form's field.
 */
export function planItemRequest(
  form: PlanItemForm,
  types: readonly string[],
):
  | { ok: true; collection: string; body: Record<string, unknown> }
  | { ok: false; field: keyof PlanItemForm; message: string } {
  const title = form.title.trim()
  if (!title) return { ok: false, field: 'title', message: 'Nhập tiêu đề.' }
  if (!types.includes(form.type)) return { ok: false, field: 'type', message: 'Chọn loại nội dung.' }
  if (!/^[1-9]\d{0,9}$/.test(form.task)) return { ok: false, field: 'task', message: 'Chọn nhiệm vụ.' }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.day)) return { ok: false, field: 'day', message: 'Chọn ngày dự kiến đăng.' }
  if (form.assignee && !/^[1-9]\d{0,9}$/.test(form.assignee))
    return { ok: false, field: 'assignee', message: 'Chọn người thực hiện.' }
  return {
    ok: true,
    collection: form.type,
    body: {
      title,
      _status: 'draft',
      tasks: [Number(form.task)],
      plannedDate: form.day,
      ...(form.assignee ? { assignee: Number(form.assignee) } : {}),
    },
  }
}

/** The API's refusal as the form shows it: the message and, per field, what is wrong with it. */
export function apiErrorText(
  body: unknown,
  status: number,
): { message: string; fields: Array<{ path: string; message: string }> } {
  const first = (body as { errors?: Array<{ message?: unknown; data?: { errors?: unknown } }> } | null)?.errors?.[0]
  const details = Array.isArray(first?.data?.errors) ? (first.data.errors as Array<Record<string, unknown>>) : []
  const fields = details
    .filter((d) => typeof d.path === 'string' && typeof d.message === 'string')
    .map((d) => ({ path: String(d.path), message: String(d.message) }))
  const message = typeof first?.message === 'string' && first.message ? first.message : `Lỗi HTTP ${status}.`
  return { message, fields }
}
