import type { CollectionBeforeChangeHook } from 'payload'
import { throwFieldError } from '../../shared/validation'
import { SLUGS } from '../../../domain/slugs'

/**
 * Exactly one home channel: marking a channel as home moves the flag (in the same
 * transaction), and unmarking the current home is refused because quotas count home-channel
 * publications and would otherwise have nowhere to go.
 */
export const keepSingleHomeChannel: CollectionBeforeChangeHook = async ({
  context,
  data,
  originalDoc,
  operation,
  req,
}) => {
  const wasHome = originalDoc?.isHome === true
  const willBeHome = data.isHome ?? (operation === 'update' ? wasHome : false)
  if (wasHome && !willBeHome && !context.movingHomeChannel)
    throwFieldError(req, SLUGS.channels, 'isHome', { key: 'homeChannelRequired' })
  if (willBeHome && !wasHome) {
    // As the user when there is one (their access rules apply to the other channel too); a
    // system save (seed, job) has no user and keeps the default override.
    // The flag lets the nested save unmark the old home; it is removed so it cannot leak
    // into later saves of the same request.
    try {
      await req.payload.update({
        collection: SLUGS.channels,
        where: {
          and: [{ isHome: { equals: true } }, ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : [])],
        },
        data: { isHome: false },
        overrideAccess: !req.user,
        req,
        context: { ...req.context, movingHomeChannel: true },
      })
    } finally {
      delete req.context.movingHomeChannel
    }
  }
  return data
}
