import { createLocalReq, type Payload, type PayloadRequest, type Where } from 'payload'
import { calendarDay } from '../../domain/calendar'
import { relId, relIds } from '../../domain/relations'
import type { SchedulablePlan } from '../../domain/schedule'
import type { NotificationKind } from '../../domain/slugs'
import { SCHEDULE_SLUGS, SLUGS } from '../../domain/slugs'
import { countingTimeZone } from '../counting/engine/settings'

/**
 * What the jobs read and write besides their own results. Jobs act for the system, not for a
 * user, so they read with access control off (there is no user whose rights would apply).
 */

type Row = Record<string, unknown>

/** A request without a user, for code shared with the endpoints (buildReport) run by a job. */
export function systemRequest(payload: Payload): Promise<PayloadRequest> {
  return createLocalReq({}, payload)
}

// Typed as the app's users slug: the plugin may be pointed at another auth collection of the same shape.
function usersSlug(payload: Payload): typeof SLUGS.users {
  const custom = payload.config.custom as { commsQuota?: { usersSlug?: string } } | undefined
  return (custom?.commsQuota?.usersSlug ?? SLUGS.users) as typeof SLUGS.users
}

export type PlanForJobs = SchedulablePlan & { code: string; managers: Array<string | number> }

/** The active plans (the only ones whose schedule fires). */
export function activePlans(payload: Payload): Promise<PlanForJobs[]> {
  return readPlans(payload, { status: { equals: 'active' } })
}

/** Whether any task of the plan has a target (the system's read: jobs act for no user). */
export async function planHasTargets(payload: Payload, plan: number): Promise<boolean> {
  const { docs } = await payload.find({
    collection: SLUGS.tasks,
    where: { plan: { equals: plan } },
    depth: 0,
    pagination: false,
    select: { targets: true },
  })
  return docs.some((t) => Array.isArray((t as Row).targets) && ((t as Row).targets as unknown[]).length > 0)
}

/** One plan whatever its status (a slot run by hand may name a closed plan); null when it is gone. */
export async function planForJobs(payload: Payload, id: number): Promise<PlanForJobs | null> {
  return (await readPlans(payload, { id: { equals: id } }))[0] ?? null
}

async function readPlans(payload: Payload, where: Where): Promise<PlanForJobs[]> {
  const tz = countingTimeZone(payload)
  const day = (v: unknown) => (typeof v === 'string' && v ? calendarDay(v, tz) : null)
  const { docs } = await payload.find({
    collection: SLUGS.plans,
    where,
    depth: 0,
    pagination: false,
    select: { code: true, status: true, period: true, reporting: true, managers: true, createdAt: true },
  })
  return (docs as unknown as Row[]).map((p) => {
    const period = (p.period ?? {}) as Row
    const reporting = (p.reporting ?? {}) as Row
    const fixed = Array.isArray(reporting.fixedDates) ? (reporting.fixedDates as Row[]) : []
    return {
      id: Number(p.id),
      code: String(p.code ?? ''),
      status: typeof p.status === 'string' ? p.status : null,
      periodFrom: day(period.from),
      periodTo: day(period.to),
      createdOn: day(p.createdAt),
      schedule: {
        monthlyDay: typeof reporting.monthlyDay === 'number' ? reporting.monthlyDay : null,
        fixedDates: fixed.map((f) => ({
          day: Number(f.day),
          month: Number(f.month),
          label: typeof f.label === 'string' ? f.label : null,
        })),
      },
      managers: relIds(p.managers),
    }
  })
}

export interface Recipient {
  id: string | number
  email: string
  name: string
}

function toRecipients(docs: Row[]): Recipient[] {
  return docs
    .filter((u) => typeof u.email === 'string' && u.email !== '')
    .map((u) => ({ id: u.id as string | number, email: String(u.email), name: String(u.name ?? u.email) }))
}

export async function usersByIds(payload: Payload, ids: Array<string | number>): Promise<Recipient[]> {
  if (ids.length === 0) return []
  const { docs } = await payload.find({
    collection: usersSlug(payload),
    where: { id: { in: ids } },
    depth: 0,
    pagination: false,
    select: { email: true, name: true },
  })
  return toRecipients(docs as unknown as Row[])
}

/** The staff of the given units (their own members; the units' parents or children are not told). */
export async function usersOfUnits(payload: Payload, units: number[]): Promise<Recipient[]> {
  if (units.length === 0) return []
  const { docs } = await payload.find({
    collection: usersSlug(payload),
    where: { unit: { in: units } },
    depth: 0,
    pagination: false,
    select: { email: true, name: true, unit: true },
  })
  return toRecipients((docs as unknown as Row[]).filter((u) => relId(u.unit) !== undefined))
}

export async function admins(payload: Payload): Promise<Recipient[]> {
  const { docs } = await payload.find({
    collection: usersSlug(payload),
    where: { role: { equals: 'admin' } },
    depth: 0,
    pagination: false,
    select: { email: true, name: true },
  })
  return toRecipients(docs as unknown as Row[])
}

/**
 * Creates the notification unless one with the same key exists; true when it was created. A hook
 * passes its `req`, so the notice is written (or not) with the change it is about.
 */
export async function notifyOnce(
  payload: Payload,
  n: { key: string; user: string | number; kind: NotificationKind; title: string; body: string; link: string | null },
  req?: PayloadRequest,
): Promise<boolean> {
  const existing = await payload.count({
    collection: SCHEDULE_SLUGS.notifications,
    where: { key: { equals: n.key } },
    ...(req ? { req } : {}),
  })
  if (existing.totalDocs > 0) return false
  await payload.create({
    collection: SCHEDULE_SLUGS.notifications,
    data: { key: n.key, user: n.user, kind: n.kind, title: n.title, body: n.body, link: n.link, read: false } as never,
    ...(req ? { req } : {}),
  })
  return true
}

/** A path in the admin, e.g. /admin/collections/tasks/5 (what a notification links to). */
export function adminPath(payload: Payload, path: string): string {
  return `${payload.config.routes.admin}${path}`
}

/** The same as an absolute URL for e-mails, or null when SERVER_URL is not set (a bare path helps nobody in a mail). */
export function adminUrl(payload: Payload, path: string): string | null {
  const base = (payload.config.serverURL ?? '').replace(/\/$/, '')
  return base ? `${base}${adminPath(payload, path)}` : null
}
