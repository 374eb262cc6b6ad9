import type { PayloadRequest } from 'payload'
import { hasRole, type RoleUser } from '../access/roles'
import { relId, relIds } from '../../domain/relations'
import { reviewsUnit } from '../../domain/review'
import { SLUGS } from '../../domain/slugs'
import { pluginUsersSlug } from '../counting/engine/settings'

/** The signed-in user's `reviewUnits` (the units whose items they approve besides managers). */
export function reviewUnitsOf(user: unknown): Array<string | number> {
  return relIds((user as { reviewUnits?: unknown } | null | undefined)?.reviewUnits)
}

export function isReviewerOf(user: unknown, unit: string | number | undefined): boolean {
  return reviewsUnit((user as RoleUser | null | undefined)?.role, reviewUnitsOf(user), unit)
}

export interface UnitReviewSetting {
  id: string | number | undefined
  name: string
  requiresReview: boolean
}

/**
 * Whether a unit's items need review before publishing. A system lookup (any user may read
 * units); a missing unit, or one saved before the setting existed, requires review: the default.
 */
export async function unitReviewSetting(req: PayloadRequest, unit: unknown): Promise<UnitReviewSetting> {
  const id = relId(unit)
  if (id === undefined) return { id, name: '—', requiresReview: true }
  const doc = (await req.payload.findByID({
    collection: SLUGS.units,
    id,
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
    req,
  })) as {
    name?: string
    requiresReview?: boolean | null
  } | null
  return { id, name: doc?.name ?? String(id), requiresReview: doc?.requiresReview !== false }
}

/** Who is told about a submission: managers, and the unit's reviewers (never the submitter). */
export async function reviewersOfUnit(
  req: PayloadRequest,
  unit: string | number | undefined,
  except: string | number,
): Promise<Array<{ id: string | number; email: string; name: string }>> {
  const or: Array<Record<string, unknown>> = [{ role: { equals: 'manager' } }]
  if (unit !== undefined) or.push({ reviewUnits: { in: [unit] } })
  const { docs } = await req.payload.find({
    collection: pluginUsersSlug(req.payload) as typeof SLUGS.users,
    where: { or } as never,
    depth: 0,
    pagination: false,
    select: { email: true, name: true },
    // The system addresses the notice; the acting user need not be able to read these accounts.
    overrideAccess: true,
    req,
  })
  return (docs as unknown as Array<{ id: string | number; email?: string; name?: string }>)
    .filter((u) => String(u.id) !== String(except))
    .map((u) => ({ id: u.id, email: u.email ?? '', name: u.name ?? '' }))
}

export const isAdminUser = (user: unknown): boolean => hasRole(user, 'admin')
