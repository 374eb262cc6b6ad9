import ical from 'ical-generator'
import { DEFAULT_TIME_ZONE } from '../../domain/calendar'
import type { CalendarEvent } from '../../domain/calendarEvents'

/**
 * An iCalendar document of the events, written by ical-generator. Every event is all-day on its
 * calendar day in the plan time zone: written as a DATE (no time, no zone), so no calendar app
 * shifts it to the day before or after whatever its own zone; X-WR-TIMEZONE names the zone for
 * apps that show one. UIDs are stable, so a refresh updates events instead of duplicating them.
 */
export function renderCalendarFeed(
  events: readonly CalendarEvent[],
  options: { name: string; adminBase: string; host: string; timeZone?: string },
): string {
  const cal = ical({ name: options.name, prodId: { company: 'comms-quota', product: 'plan-calendar', language: 'VI' } })
  cal.x([['X-WR-TIMEZONE', options.timeZone ?? DEFAULT_TIME_ZONE]])
  for (const e of events) {
    // UTC midnight of the day: with no zone set, ical-generator writes a DATE from the UTC parts.
    const start = new Date(`${e.day}T00:00:00Z`)
    cal.createEvent({
      id: `${e.uid}@${options.host}`,
      start,
      allDay: true,
      summary: e.title,
      description: e.description,
      categories: [{ name: e.kind }],
      url: e.path ? `${options.adminBase}${e.path}` : null,
      stamp: start,
    })
  }
  return cal.toString()
}
