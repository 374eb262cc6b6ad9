import type { PayloadRequest, Where } from 'payload'
import { dayOf } from '../../domain/calendar'
import {
  calendarEvents,
  type CalendarEvent,
  type CalendarItem,
  type CalendarPlan,
  type CalendarTask,
} from '../../domain/calendarEvents'
import type { TimeframeSpec } from '../../domain/quota'
import { relId } from '../../domain/relations'
import { addDays } from '../../domain/schedule'
import { SLUGS } from '../../domain/slugs'
import { hasRole } from '../access/roles'
import { countedCollections, countingTimeZone } from '../counting/engine/settings'

type Row = Record<string, unknown>

/** Whose calendar: one plan's (managers), or a user's own (their unit's tasks, their planned items). */
export type CalendarScope = { plan: number } | { user: true }

/** How far a feed reaches: back a quarter (recent slips), ahead a year (the plan's rhythm). */
const PAST_DAYS = 92
const AHEAD_DAYS = 366

/**
 * The events of a calendar, read as `req.user` (access control on, so a feed never shows what its
 * owner could not open). A user's calendar: the active plans; their unit's tasks (lead or
 * coordinating), or every task of those plans for managers and admins; the items assigned to them.
 * A plan's calendar: that plan, its tasks and every planned item tagged with them.
 */
export async function loadCalendarEvents(
  req: PayloadRequest,
  scope: CalendarScope,
  today: string,
): Promise<CalendarEvent[]> {
  const plans = await readCalendarPlans(
    req,
    'plan' in scope ? { id: { equals: scope.plan } } : { status: { equals: 'active' } },
  )
  if (plans.length === 0) return []
  // A user's own calendar: their unit's tasks, unless they manage (then every task of the plans).
  const ownUnit = relId((req.user as { unit?: unknown } | null)?.unit)
  const unit = 'plan' in scope || hasRole(req.user, 'admin', 'manager') ? null : (ownUnit ?? -1)
  const tasks = await readCalendarTasks(req, plans, unit)
  const itemWhere: Where =
    'plan' in scope ? { tasks: { in: tasks.map((t) => t.id) } } : { assignee: { equals: req.user?.id ?? -1 } }
  const items = 'plan' in scope && tasks.length === 0 ? [] : await loadPlannedCalendarItems(req, itemWhere)
  return calendarEvents({
    plans,
    tasks,
    items,
    from: addDays(today, -PAST_DAYS),
    to: addDays(today, AHEAD_DAYS),
    today,
  })
}

/** The plans matching `where`, as the reader sees them, with what the calendar shows of them. */
export async function readCalendarPlans(req: PayloadRequest, where: Where): Promise<CalendarPlan[]> {
  const tz = countingTimeZone(req.payload)
  const day = (v: unknown) => dayOf(v, tz)
  const { docs } = await req.payload.find({
    collection: SLUGS.plans,
    where,
    depth: 0,
    pagination: false,
    select: { code: true, period: true, reporting: true, keyDays: true },
    overrideAccess: false,
    req,
  })
  const list = (v: unknown) => (Array.isArray(v) ? (v as Row[]) : [])
  return (docs as unknown as Row[]).map((p) => {
    const period = (p.period ?? {}) as Row
    const reporting = (p.reporting ?? {}) as Row
    return {
      id: Number(p.id),
      code: String(p.code ?? ''),
      periodFrom: day(period.from),
      periodTo: day(period.to),
      schedule: {
        monthlyDay: typeof reporting.monthlyDay === 'number' ? reporting.monthlyDay : null,
        fixedDates: list(reporting.fixedDates).map((f) => ({
          day: Number(f.day),
          month: Number(f.month),
          label: null,
        })),
      },
      keyDays: list(p.keyDays).map((k) => ({
        day: Number(k.day),
        month: Number(k.month),
        label: typeof k.label === 'string' && k.label ? k.label : null,
      })),
    }
  })
}

/** The tasks of the plans (only those a unit leads or coordinates, when `unit` is given). */
export async function readCalendarTasks(
  req: PayloadRequest,
  plans: CalendarPlan[],
  unit: string | number | null,
): Promise<CalendarTask[]> {
  if (plans.length === 0) return []
  const tz = countingTimeZone(req.payload)
  const planCode = new Map(plans.map((p) => [p.id, p.code]))
  const scope: Where[] = [{ plan: { in: [...planCode.keys()] } }]
  if (unit !== null) scope.push({ or: [{ leadUnits: { in: [unit] } }, { coordinatingUnits: { in: [unit] } }] })
  const { docs } = await req.payload.find({
    collection: SLUGS.tasks,
    where: { and: scope },
    depth: 0,
    pagination: false,
    select: { plan: true, code: true, title: true, timeframe: true, targets: true },
    overrideAccess: false,
    req,
  })
  return (docs as unknown as Row[]).map((t) => {
    const timeframe = (t.timeframe ?? {}) as Row
    const plan = Number(relId(t.plan))
    const kind = timeframe.kind
    return {
      id: Number(t.id),
      plan,
      planCode: planCode.get(plan) ?? '',
      code: String(t.code ?? ''),
      title: String(t.title ?? ''),
      deadline: kind === 'deadline' ? dayOf(timeframe.deadline, tz) : null,
      timeframe:
        kind === 'deadline' || kind === 'recurring' || kind === 'byYear'
          ? {
              kind,
              deadline: dayOf(timeframe.deadline, tz),
              recurrence: timeframe.recurrence as TimeframeSpec['recurrence'],
              year: typeof timeframe.year === 'number' ? timeframe.year : null,
            }
          : null,
      targets: (Array.isArray(t.targets) ? (t.targets as Row[]) : []).map((g) => ({
        id: String(g.id ?? ''),
        kind: String(g.kind ?? ''),
        label: typeof g.label === 'string' && g.label ? g.label : null,
        quantity: typeof g.quantity === 'number' ? g.quantity : null,
        contentTypes: Array.isArray(g.contentTypes) ? g.contentTypes.map(String) : [],
        windowStart: dayOf(g.windowStart, tz),
      })),
    }
  })
}

/** Unpublished items with a planned day matching `where`, with their assignee's name. */
export async function loadPlannedCalendarItems(req: PayloadRequest, where: Where): Promise<CalendarItem[]> {
  const tz = countingTimeZone(req.payload)
  const out: CalendarItem[] = []
  for (const collection of countedCollections(req.payload)) {
    const { docs } = await req.payload.find({
      collection: collection as typeof SLUGS.articles,
      where: { and: [{ _status: { not_equals: 'published' } }, { plannedDate: { exists: true } }, where] },
      depth: 1,
      pagination: false,
      select: { title: true, plannedDate: true, assignee: true, tasks: true },
      populate: { users: { name: true, email: true } } as never,
      overrideAccess: false,
      req,
    })
    for (const doc of docs as unknown as Row[]) {
      const plannedDay = dayOf(doc.plannedDate, tz)
      if (!plannedDay) continue
      const assignee = doc.assignee && typeof doc.assignee === 'object' ? (doc.assignee as Row) : null
      out.push({
        collection,
        id: Number(doc.id),
        title: String(doc.title ?? `#${String(doc.id)}`),
        plannedDay,
        assigneeName: assignee ? String(assignee.name ?? assignee.email ?? '') || null : null,
        published: false,
      })
    }
  }
  return out
}
