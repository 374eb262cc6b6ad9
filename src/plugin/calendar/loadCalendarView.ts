import type { PayloadRequest, Where } from 'payload'
import { dayOf } from '../../domain/calendar'
import type { CalendarParams } from '../../domain/calendarParams'
import {
  calendarEvents,
  scheduledPublishEvents,
  targetWindowEvents,
  type CalendarEventKind,
} from '../../domain/calendarEvents'
import { relId } from '../../domain/relations'
import { addDays, zonedInstant } from '../../domain/schedule'
import { SLUGS } from '../../domain/slugs'
import { hasRole } from '../access/roles'
import { countedCollections, countingTimeZone } from '../counting/engine/settings'
import { readCalendarPlans, readCalendarTasks } from './loadCalendarEvents'
import { readScheduledPublishes } from './readScheduledPublishes'

type Row = Record<string, unknown>

/** One entry of the calendar view: an all-day event on `day`. */
export interface CalendarViewEvent {
  id: string
  kind: CalendarEventKind | 'published' | 'window' | 'scheduled'
  /** The first day; for a bar (a target's window), `end` is the day after its last (exclusive). */
  day: string
  end?: string
  title: string
  /** Where a click goes: the task or the item in the admin. */
  path: string | null
  collection?: string
  item?: number
  channel?: number
  assignee?: number | null
  /** A planned item a manager may drag to another day (the save checks access again). */
  editable: boolean
}

/**
 * The calendar view's events in a range, read as the signed-in user: plan days and deadlines
 * (calendarEvents), the targets' windows as bars (targetWindowEvents), planned items, pending
 * scheduled publishes ("Hẹn đăng", of items the user may read) and the publications of
 * published items (one per channel).
 * Managers and admins see every unit's items; other staff their unit's and those assigned to
 * them. Filters: plan (its tasks' items), unit (tasks it leads or coordinates; items of the
 * unit), channel (publications on it), type (a content collection) and assignee.
 */
export async function loadCalendarView(
  req: PayloadRequest,
  params: CalendarParams,
  today: string,
): Promise<CalendarViewEvent[]> {
  const tz = countingTimeZone(req.payload)
  const manages = hasRole(req.user, 'admin', 'manager')
  const ownUnit = relId((req.user as { unit?: unknown } | null)?.unit) ?? null
  const plans = await readCalendarPlans(
    req,
    params.plan ? { id: { equals: params.plan } } : { status: { equals: 'active' } },
  )
  const taskUnit = params.unit ?? (manages ? null : (ownUnit ?? -1))
  const tasks = await readCalendarTasks(req, plans, taskUnit)
  const out: CalendarViewEvent[] = calendarEvents({
    plans,
    tasks,
    items: [],
    from: params.from,
    to: params.to,
    today,
  }).map((e) => ({ id: e.uid, kind: e.kind, day: e.day, title: e.title, path: e.path, editable: false }))
  for (const w of targetWindowEvents({ plans, tasks, from: params.from, to: params.to }))
    out.push({ id: w.uid, kind: w.kind, day: w.start, end: w.end, title: w.title, path: w.path, editable: false })
  if (params.plan && tasks.length === 0) return sorted(out)

  const scope: Where[] = []
  if (!manages) scope.push({ or: [{ unit: { equals: ownUnit ?? -1 } }, { assignee: { equals: req.user?.id ?? -1 } }] })
  if (params.unit) scope.push({ unit: { equals: params.unit } })
  if (params.assignee) scope.push({ assignee: { equals: params.assignee } })
  if (params.plan) scope.push({ tasks: { in: tasks.map((t) => t.id) } })
  const start = zonedInstant(params.from, { hour: 0, minute: 0 }, tz).toISOString()
  const end = zonedInstant(addDays(params.to, 1), { hour: 0, minute: 0 }, tz).toISOString()
  const collections = countedCollections(req.payload).filter((c) => !params.type || c === params.type)
  // Scheduled publishes go out on the home channel, like planned items: a channel filter hides both.
  const jobs = params.channel ? [] : await readScheduledPublishes(req, collections, start, end)
  const readable = new Map<string, string>()
  for (const collection of collections) {
    const planned = params.channel
      ? []
      : await findItems(req, collection, [
          ...scope,
          { _status: { not_equals: 'published' } },
          { plannedDate: { greater_than_equal: start } },
          { plannedDate: { less_than: end } },
        ])
    for (const doc of planned) {
      const day = dayOf(doc.plannedDate, tz)
      if (!day) continue
      const slipped = day < today
      out.push({
        id: `planned-${collection}-${String(doc.id)}`,
        kind: slipped ? 'slipped' : 'planned',
        day,
        title: `${slipped ? '[Trễ] ' : ''}${String(doc.title ?? doc.id)}`,
        path: `/collections/${collection}/${String(doc.id)}`,
        collection,
        item: Number(doc.id),
        assignee: relId(doc.assignee) === undefined ? null : Number(relId(doc.assignee)),
        editable: manages,
      })
    }
    const ids = jobs.filter((j) => j.collection === collection).map((j) => j.id)
    // The user's read access and the filters decide which scheduled publishes they see.
    if (ids.length > 0)
      for (const doc of await findItems(req, collection, [...scope, { id: { in: ids } }]))
        readable.set(`${collection}-${String(doc.id)}`, String(doc.title ?? doc.id))
    const published = await findItems(req, collection, [
      ...scope,
      { _status: { equals: 'published' } },
      { 'publications.publishedAt': { greater_than_equal: start } },
      { 'publications.publishedAt': { less_than: end } },
      ...(params.channel ? [{ 'publications.channel': { equals: params.channel } }] : []),
    ])
    for (const doc of published) {
      const pubs = Array.isArray(doc.publications) ? (doc.publications as Row[]) : []
      for (const p of pubs) {
        const channel = Number(relId(p.channel))
        const day = dayOf(p.publishedAt, tz)
        if (!day || day < params.from || day > params.to) continue
        if (params.channel && channel !== params.channel) continue
        out.push({
          id: `published-${collection}-${String(doc.id)}-${channel}-${day}`,
          kind: 'published',
          day,
          title: String(doc.title ?? doc.id),
          path: `/collections/${collection}/${String(doc.id)}`,
          collection,
          item: Number(doc.id),
          channel,
          editable: false,
        })
      }
    }
  }
  for (const e of scheduledPublishEvents({ jobs, readable, from: params.from, to: params.to }))
    out.push({
      id: e.uid,
      kind: e.kind,
      day: e.day,
      title: e.title,
      path: e.path,
      collection: e.collection,
      item: e.item,
      editable: false,
    })
  return sorted(out)
}

const sorted = (events: CalendarViewEvent[]): CalendarViewEvent[] =>
  events.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.id < b.id ? -1 : 1))

function findItems(req: PayloadRequest, collection: string, and: Where[]): Promise<Row[]> {
  return req.payload
    .find({
      collection: collection as typeof SLUGS.articles,
      where: { and },
      depth: 0,
      pagination: false,
      select: { title: true, plannedDate: true, assignee: true, publications: true, unit: true },
      overrideAccess: false,
      req,
    })
    .then((r) => r.docs as unknown as Row[])
}
