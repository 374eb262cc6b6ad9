import type { PayloadRequest, Where } from 'payload'
import { hasRole } from '../access/roles'
import { relId } from '../../domain/relations'
import { isOverdue, parseMinAgeHours, waitingHours } from '../../domain/review'
import { countedCollections, reviewOverdueHours } from '../counting/engine/settings'
import { reviewUnitsOf } from './reviewers'

export interface QueueFilters {
  unit?: string
  type?: string
  task?: string
  /** Waiting at least this many hours. */
  minAge?: string
}

export interface QueueItem {
  collection: string
  id: string | number
  title: string
  unit: string | number | null
  submittedAt: string | null
  submittedBy: string | number | null
  waitingHours: number
  overdue: boolean
  href: string
}

export interface ReviewQueue {
  /** False for users who review nothing (producers not marked as reviewers). */
  allowed: boolean
  items: QueueItem[]
  overdueHours: number
  types: string[]
}

const isId = (v: string | undefined): v is string => typeof v === 'string' && /^\d{1,15}$/.test(v)

/**
 * The submitted items the signed-in user may decide on, oldest first: managers and admins every
 * unit's, a unit's reviewers their units'. Read as the user (overrideAccess: false), from the
 * latest versions (submission is a draft save).
 */
export async function loadReviewQueue(
  req: PayloadRequest,
  filters: QueueFilters,
  now = new Date(),
): Promise<ReviewQueue> {
  const overdueHours = reviewOverdueHours(req.payload)
  const types = countedCollections(req.payload)
  const everyUnit = hasRole(req.user, 'admin', 'manager')
  const mine = reviewUnitsOf(req.user)
  if (!req.user || (!everyUnit && mine.length === 0)) return { allowed: false, items: [], overdueHours, types }
  const and: Where[] = [{ 'review.state': { equals: 'submitted' } }]
  if (!everyUnit) and.push({ unit: { in: mine } })
  if (isId(filters.unit)) and.push({ unit: { equals: Number(filters.unit) } })
  if (isId(filters.task)) and.push({ tasks: { in: [Number(filters.task)] } })
  const minAge = parseMinAgeHours(filters.minAge)
  if (minAge !== null)
    and.push({ 'review.submittedAt': { less_than_equal: new Date(now.getTime() - minAge * 3_600_000).toISOString() } })
  const wanted = filters.type && types.includes(filters.type) ? [filters.type] : types
  const items: QueueItem[] = []
  for (const collection of wanted) {
    const { docs } = await req.payload.find({
      collection: collection as 'articles',
      where: { and },
      draft: true,
      depth: 0,
      limit: 500,
      sort: 'review.submittedAt',
      overrideAccess: false,
      req,
    })
    for (const d of docs as unknown as Array<Record<string, unknown> & { id: string | number }>) {
      const review = (d.review ?? {}) as { submittedAt?: string | null; submittedBy?: unknown }
      const submittedAt = review.submittedAt ?? null
      items.push({
        collection,
        id: d.id,
        title: String(d.title ?? `#${d.id}`),
        unit: relId(d.unit) ?? null,
        submittedAt,
        submittedBy: relId(review.submittedBy) ?? null,
        waitingHours: waitingHours(submittedAt, now),
        overdue: isOverdue(submittedAt, now, overdueHours),
        href: `${req.payload.config.routes.admin}/collections/${collection}/${d.id}`,
      })
    }
  }
  items.sort((a, b) => String(a.submittedAt ?? '').localeCompare(String(b.submittedAt ?? '')))
  return { allowed: true, items, overdueHours, types }
}
