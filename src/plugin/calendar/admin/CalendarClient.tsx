'use client'
import type { DatesSetArg, EventClickArg, EventDropArg, EventInput, EventSourceFuncArg } from '@fullcalendar/core'
import viLocale from '@fullcalendar/core/locales/vi'
import dayGridPlugin from '@fullcalendar/daygrid'
import interactionPlugin, { type DateClickArg } from '@fullcalendar/interaction'
import listPlugin from '@fullcalendar/list'
import FullCalendar from '@fullcalendar/react'
import { useCallback, useRef, useState } from 'react'
import {
  CALENDAR_FILTERS,
  CALENDAR_KIND_VI,
  calendarEventColor,
  calendarEventsQuery,
  calendarUrlQuery,
  type CalendarFilterName,
  type CalendarFilters,
  type CalendarViewName,
} from '../../../domain/calendarView'
import type { CalendarViewEvent } from '../loadCalendarView'
import { PlanItemForm, type PlanningOptions } from './PlanItemForm'
import { FilterSelect } from '../../admin/FilterSelect'

export interface CalendarOption {
  value: string
  label: string
}

const FILTER_LABELS: Record<CalendarFilterName, string> = {
  plan: 'Kế hoạch',
  unit: 'Đơn vị',
  channel: 'Kênh',
  type: 'Loại nội dung',
  assignee: 'Người thực hiện',
}

/**
 * The plan calendar: FullCalendar (month, week, list) fed by GET /api/calendar/events for the
 * visible range and the filters, which live in the page's URL with the view and the date. A click
 * opens the task or item; a manager drags a planned item to another day, which is an ordinary save
 * of its plannedDate through the REST API (access checked there; a refusal puts the item back and
 * says why). Managers and admins (`planning` given) plan a new item from a day's click or the
 * "+ Lên kế hoạch" button (PlanItemForm), which appears on the calendar once saved.
 */
export function CalendarClient({
  apiRoute,
  adminRoute,
  initialFilters,
  initialView,
  initialDate,
  options,
  planning,
}: {
  apiRoute: string
  adminRoute: string
  initialFilters: CalendarFilters
  initialView: CalendarViewName
  initialDate: string
  options: Record<CalendarFilterName, CalendarOption[]>
  /** The create form's choices; null for staff who do not plan (editors). */
  planning: PlanningOptions | null
}) {
  const [filters, setFilters] = useState<CalendarFilters>(initialFilters)
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null)
  // The day the create form is open for, or null when it is closed.
  const [planDay, setPlanDay] = useState<string | null>(null)
  const calendar = useRef<FullCalendar>(null)
  const view = useRef<{ view: CalendarViewName; date: string }>({ view: initialView, date: initialDate })

  const keepInUrl = useCallback((next: CalendarFilters) => {
    const query = calendarUrlQuery({ filters: next, ...view.current })
    window.history.replaceState(null, '', `${window.location.pathname}?${query}`)
  }, [])

  const loadEvents = useCallback(
    async (info: EventSourceFuncArg): Promise<EventInput[]> => {
      const res = await fetch(
        `${apiRoute}/calendar/events?${calendarEventsQuery(filters, info.startStr, info.endStr)}`,
        {
          credentials: 'include',
        },
      )
      const body = (await res.json().catch(() => null)) as {
        events?: CalendarViewEvent[]
        errors?: Array<{ message?: string }>
      } | null
      if (!res.ok || !body?.events) {
        setMessage({ kind: 'error', text: body?.errors?.[0]?.message ?? `Không tải được lịch (HTTP ${res.status}).` })
        return []
      }
      return body.events.map((e) => ({
        id: e.id,
        title: e.title,
        start: e.day,
        // A target window: a bar to the day before `end` (exclusive, as FullCalendar reads it).
        ...(e.end ? { end: e.end } : {}),
        allDay: true,
        editable: e.editable,
        backgroundColor: calendarEventColor(e.kind, e.channel),
        borderColor: calendarEventColor(e.kind, e.channel),
        extendedProps: { kind: e.kind, path: e.path, collection: e.collection, item: e.item },
      }))
    },
    [apiRoute, filters],
  )

  const onDatesSet = (arg: DatesSetArg) => {
    // The current date is the middle of what is shown, so a reload lands on the same month or week.
    const middle = new Date((arg.view.currentStart.getTime() + arg.view.currentEnd.getTime()) / 2)
    view.current = { view: arg.view.type as CalendarViewName, date: middle.toISOString().slice(0, 10) }
    keepInUrl(filters)
  }

  const onEventClick = (arg: EventClickArg) => {
    arg.jsEvent.preventDefault()
    const path = arg.event.extendedProps.path as string | null
    if (path) window.location.assign(`${adminRoute}${path}`)
  }

  const onEventDrop = async (arg: EventDropArg) => {
    const { collection, item } = arg.event.extendedProps as { collection?: string; item?: number }
    const day = arg.event.startStr.slice(0, 10)
    if (!collection || !item) return arg.revert()
    setMessage(null)
    const res = await fetch(`${apiRoute}/${collection}/${item}`, {
      method: 'PATCH',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ plannedDate: day }),
    })
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { errors?: Array<{ message?: string }> } | null
      arg.revert()
      setMessage({ kind: 'error', text: body?.errors?.[0]?.message ?? `Không đổi được ngày (HTTP ${res.status}).` })
      return
    }
    setMessage({ kind: 'ok', text: `Đã dời “${arg.event.title}” sang ${day.split('-').reverse().join('/')}.` })
    calendar.current?.getApi().refetchEvents()
  }

  const onDateClick = (arg: DateClickArg) => setPlanDay(arg.dateStr.slice(0, 10))

  const onPlanned = (text: string) => {
    setPlanDay(null)
    setMessage({ kind: 'ok', text })
    calendar.current?.getApi().refetchEvents()
  }

  const change = (name: CalendarFilterName, value: string) => {
    const next = { ...filters, [name]: value || undefined }
    setFilters(next)
    keepInUrl(next)
  }

  return (
    <div data-testid="plan-calendar">
      <form
        aria-label="Lọc lịch"
        onSubmit={(e) => e.preventDefault()}
        style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem', marginBottom: '1rem' }}
      >
        {CALENDAR_FILTERS.map((name) => (
          <FilterSelect
            key={name}
            name={name}
            label={FILTER_LABELS[name]}
            all="Tất cả"
            value={filters[name] ?? ''}
            options={options[name]}
            onChange={(value) => change(name, value)}
            testId={`calendar-filter-${name}`}
            style={{ display: 'flex', flexDirection: 'column', fontSize: 13, gap: 4 }}
            selectStyle={{ minWidth: '11rem', padding: '0.35rem' }}
          />
        ))}
      </form>
      <p style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem', fontSize: 13, margin: '0 0 0.75rem' }}>
        {Object.entries(CALENDAR_KIND_VI).map(([kind, label]) => (
          <span key={kind} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
            <span
              aria-hidden
              style={{
                width: 10,
                height: 10,
                borderRadius: 2,
                background: calendarEventColor(kind, 0),
                display: 'inline-block',
              }}
            />
            {label}
            {kind === 'published' ? ' (màu theo kênh)' : ''}
          </span>
        ))}
      </p>
      {planning && (
        <p style={{ margin: '0 0 0.75rem' }}>
          <button
            type="button"
            data-testid="plan-item-open"
            className="btn btn--style-primary btn--size-small"
            onClick={() => setPlanDay(view.current.date)}
          >
            + Lên kế hoạch
          </button>{' '}
          <span style={{ fontSize: 13, color: 'var(--theme-elevation-600)' }}>hoặc bấm vào một ngày trên lịch.</span>
        </p>
      )}
      {planning && planDay && (
        <PlanItemForm
          key={planDay}
          apiRoute={apiRoute}
          day={planDay}
          plan={filters.plan}
          options={planning}
          onSaved={onPlanned}
          onCancel={() => setPlanDay(null)}
        />
      )}
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="calendar-message"
          style={{
            color: message.kind === 'error' ? 'var(--theme-error-600, #b42318)' : 'var(--theme-success-600, #027a48)',
          }}
        >
          {message.text}
        </p>
      )}
      <FullCalendar
        ref={calendar}
        plugins={[dayGridPlugin, listPlugin, interactionPlugin]}
        locale={viLocale}
        initialView={initialView}
        initialDate={initialDate}
        headerToolbar={{ left: 'prev,next today', center: 'title', right: 'dayGridMonth,dayGridWeek,listMonth' }}
        buttonText={{ month: 'Tháng', week: 'Tuần', list: 'Danh sách', today: 'Hôm nay' }}
        // A new function when the filters change: FullCalendar then fetches again.
        events={loadEvents}
        eventDisplay="block"
        dayMaxEvents={4}
        height="auto"
        datesSet={onDatesSet}
        eventClick={onEventClick}
        eventDrop={onEventDrop}
        {...(planning ? { dateClick: onDateClick } : {})}
      />
    </div>
  )
}
