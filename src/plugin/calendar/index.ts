import type { CollectionConfig, Endpoint } from 'payload'
import { SLUGS } from '../../domain/slugs'
import type { ResolvedOptions } from '../options'
import { missingFields, retargetUsers, withHooks } from '../shared/extendCollection'
import { CalendarFeeds } from './collections/CalendarFeeds'
import { getCalendarEvents } from './endpoints/getCalendarEvents'
import { getCalendarFeed } from './endpoints/getCalendarFeed'
import { plannedFields } from './fields'
import { checkAssigneeBeforeChange } from './hooks/checkAssigneeBeforeChange'
import { notifyAssigneeAfterChange } from './hooks/notifyAssigneeAfterChange'

/**
 * The plan calendar (issue #22): planned items (a planned day and an assignee on every content
 * item), the forecasts built on them (loadForecasts.ts), the day-before reminders
 * (jobs/sendPlannedReminders.ts) and the iCalendar subscriptions (calendar-feeds + endpoint).
 */
export function planContent(collection: CollectionConfig, opts: ResolvedOptions): CollectionConfig {
  const added = missingFields(collection, retargetUsers(plannedFields, SLUGS.users, opts.usersSlug))
  const withFields = added.length ? { ...collection, fields: [...collection.fields, ...added] } : collection
  return withHooks(withFields, {
    beforeChange: [checkAssigneeBeforeChange],
    afterChange: [notifyAssigneeAfterChange],
  })
}

export const calendarCollections = (opts: ResolvedOptions): CollectionConfig[] => [
  { ...CalendarFeeds, fields: retargetUsers(CalendarFeeds.fields, SLUGS.users, opts.usersSlug) },
]

export const calendarEndpoints = (): Endpoint[] => [getCalendarFeed, getCalendarEvents]

export const calendarViews = {
  calendar: { Component: '/plugin/calendar/admin/CalendarView#CalendarView', path: '/calendar' as const },
}
export const calendarNavLinks = ['/plugin/calendar/admin/CalendarNavLink#CalendarNavLink']
