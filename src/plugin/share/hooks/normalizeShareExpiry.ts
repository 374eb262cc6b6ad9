import type { FieldHook } from 'payload'
import { publicationInstant } from '../../../domain/calendar'
import { countingTimeZone } from '../../counting/engine/settings'

/**
 * A bare day from an API client ("2026-12-31") is stored as that day in the plan's time zone, the
 * way the admin's day picker stores it; the link then lasts to the end of that day.
 */
export const normalizeShareExpiry: FieldHook = ({ value, req }) =>
  publicationInstant(value, countingTimeZone(req.payload))
