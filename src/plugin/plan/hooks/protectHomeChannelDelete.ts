import type { CollectionBeforeDeleteHook } from 'payload'
import { throwFieldError } from '../../shared/validation'
import { SLUGS } from '../../../domain/slugs'

/** Deleting the home channel would orphan every home-channel publication: refuse it. */
export const protectHomeChannelDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  // An integrity check on the row being deleted, whatever the user may read.
  const channel = await req.payload.findByID({ collection: SLUGS.channels, id, depth: 0, req, disableErrors: true })
  if (channel?.isHome) {
    throwFieldError(req, SLUGS.channels, 'isHome', { key: 'homeChannelDelete', vars: { name: String(channel.name) } })
  }
}
