import type { CollectionBeforeChangeHook } from 'payload'
import { portalItemUrl } from '../../../domain/portalUrl'
import { withHomePublication, type PublicationRow } from '../../../domain/publications'
import { SLUGS } from '../../../domain/slugs'
import { pluginUsersSlug } from '../engine/settings'

/**
 * On every publish (a save, a scheduled publish job, a restore as published): stamp who and
 * when, and record the home-channel publication dated the first publish. Draft saves and
 * autosaves are left alone.
 */
export const stampPublishing: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, req }) => {
  if (data._status !== 'published') return data
  const now = new Date().toISOString()
  const first: string = originalDoc?.firstPublishedAt ?? now
  data.firstPublishedAt = first
  data.lastPublishedAt = now
  data.lastPublishedBy =
    req.user?.collection === pluginUsersSlug(req.payload) ? req.user.id : (originalDoc?.lastPublishedBy ?? null)
  // A system lookup: every publish records the home channel, whatever the user may read.
  const { docs } = await req.payload.find({
    collection: SLUGS.channels,
    where: { isHome: { equals: true } },
    limit: 1,
    depth: 0,
    req,
  })
  const home = docs[0] ? { id: docs[0].id, url: docs[0].url } : null
  const rows = (data.publications ?? originalDoc?.publications) as PublicationRow[] | undefined
  const url = portalItemUrl(home?.url, collection.slug, {
    id: originalDoc?.id ?? 'new',
    slug: data.slug ?? originalDoc?.slug,
  })
  data.publications = withHomePublication(rows, home, first, originalDoc?.id || data.slug ? url : null)
  return data
}
