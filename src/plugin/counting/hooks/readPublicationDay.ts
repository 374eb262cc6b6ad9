import type { FieldHook } from 'payload'
import { dayOf } from '../../../domain/calendar'
import { countingTimeZone } from '../engine/settings'

/**
 * The calendar day a publication counts on, next to its stored instant: a client reading
 * `publishedAt: 2026-06-30T17:00:00Z` also reads `day: 2026-07-01` and need not know the zone.
 */
export const readPublicationDay: FieldHook = ({ siblingData, req }) =>
  dayOf((siblingData as { publishedAt?: unknown } | undefined)?.publishedAt, countingTimeZone(req.payload))
