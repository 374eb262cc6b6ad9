import type { PayloadRequest } from 'payload'
import { calendarDay } from '../../domain/calendar'
import { pickDefaultPlan } from '../../domain/dashboardModel'
import { SLUGS } from '../../domain/slugs'
import { countingTimeZone } from '../counting/engine/settings'

type PlanRow = { id: number; period?: { from?: string | null; to?: string | null } | null }

/**
 * A new link starts on the plan the dashboard opens on (the one running today), so sharing the
 * current plan takes no choice at all. Read with the user's own access: a plan they cannot see is
 * never proposed. Only in the admin's form (a local request): a REST or GraphQL client that leaves
 * the plan out still gets a 400 naming it rather than a plan it did not choose.
 */
export async function defaultShareLinkPlan({ req }: { req: PayloadRequest }): Promise<number | undefined> {
  if (!req.user || req.payloadAPI !== 'local') return undefined
  const { docs } = await req.payload.find({
    collection: SLUGS.plans,
    depth: 0,
    limit: 200,
    select: { period: true },
    overrideAccess: false,
    req,
  })
  const tz = countingTimeZone(req.payload)
  const plan = pickDefaultPlan(docs as unknown as PlanRow[], calendarDay(new Date(), tz), (i) => calendarDay(i, tz))
  return plan?.id
}
