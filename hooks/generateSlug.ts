import type { CollectionBeforeValidateHook } from 'payload'
import { slugFallback, slugFollowsTitle, slugify, uniqueSlug } from '../src/domain/vietnamese'

/**
 * Vietnamese-aware, unique slugs ("Chuyển đổi số đồng bộ" → "chuyen-doi-so-dong-bo", then -2,
 * -3 …). A slug the editor typed is normalised the same way; once an item has been published its
 * slug is kept when the title changes, so published links do not break. Before that, an automatic
 * slug follows the title.
 */
export const generateSlug: CollectionBeforeValidateHook = async ({ collection, data, originalDoc, req }) => {
  if (!data) return data
  const fallback = slugFallback(collection.slug)
  const requested = typeof data.slug === 'string' && data.slug.trim() !== '' ? data.slug : undefined
  const follow = slugFollowsTitle({
    everPublished: Boolean(originalDoc?.firstPublishedAt) || originalDoc?._status === 'published',
    currentSlug: originalDoc?.slug,
    previousTitle: originalDoc?.title,
    newTitle: data.title,
    requestedSlug: requested,
    fallback,
  })
  const typed = follow ? undefined : requested
  if (!follow && !typed && originalDoc?.slug && data.slug === undefined) return data
  const base = slugify(typed ?? data.title ?? originalDoc?.title, fallback)
  // A system lookup across every item, including those the user cannot see.
  // The hook serves several collections, so the result is typed by hand: id and slug only.
  const { docs } = (await req.payload.find({
    collection: collection.slug as 'articles',
    where: { slug: { like: base } },
    limit: 1000,
    depth: 0,
    pagination: false,
    select: { slug: true },
    req,
  })) as { docs: Array<{ id: string | number; slug?: string | null }> }
  const pattern = new RegExp(`^${base}(-\\d+)?$`)
  const taken = new Set(
    docs
      .filter((d) => d.id !== originalDoc?.id && typeof d.slug === 'string' && pattern.test(d.slug))
      .map((d) => d.slug as string),
  )
  data.slug = uniqueSlug(base, taken)
  return data
}
