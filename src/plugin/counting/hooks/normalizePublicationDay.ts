import type { FieldHook } from 'payload'
import { publicationInstant } from '../../../domain/calendar'
import { countingTimeZone } from '../engine/settings'

/**
 * A publication date sent as a bare `YYYY-MM-DD` is that calendar day in the plan's time zone,
 * not midnight UTC as the date field would otherwise store it (which is a different day west of
 * UTC). Instants are kept as sent; their day is the day they fall on in that zone.
 */
export const normalizePublicationDay: FieldHook = ({ value, req }) =>
  publicationInstant(value, countingTimeZone(req.payload))
