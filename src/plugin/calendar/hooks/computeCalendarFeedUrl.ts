import type { FieldHook } from 'payload'
import { signShareToken } from '../../../domain/shareToken'

/** The subscription address, recomputed on every read from the app secret (nothing secret is stored). */
export const computeCalendarFeedUrl: FieldHook = ({ siblingData, req }) => {
  const id = Number(siblingData?.id)
  const createdAt = siblingData?.createdAt as string | undefined
  if (!Number.isInteger(id) || !createdAt) return null
  const token = signShareToken(req.payload.secret, id, createdAt, 'calendar-feed')
  return `${req.payload.config.serverURL || ''}/api/calendar/feeds/${token}.ics`
}
