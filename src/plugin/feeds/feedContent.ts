import type { CollectionConfig, Field } from 'payload'
import { PluginConfigError } from '../options'
import { findField } from '../shared/extendCollection'

/** Which of a content collection's fields a feed item shows besides title, slug and dates. */
export interface FeedContentFields {
  /** A text or textarea field for the item's description, or none. */
  summary: string | null
  /** An upload field whose image the item shows, or none. */
  image: string | null
  /** The collection that upload field points at. */
  imageCollection: string | null
  /** The item is an upload with no image field: it is its own image (an infographic). */
  imageIsSelf: boolean
  /** The collection's plural name, for a feed's title when it lists only some kinds. */
  label: string
}

export interface FeedFieldOption {
  summary?: string | null
  image?: string | null
}

const SUMMARY_NAMES = ['summary', 'caption', 'excerpt', 'description']
const IMAGE_NAMES = ['coverImage', 'poster', 'image', 'thumbnail']

function pluralLabel(collection: CollectionConfig): string {
  const plural = collection.labels?.plural
  if (typeof plural === 'string') return plural
  if (plural && typeof plural === 'object') {
    const vi = (plural as Record<string, unknown>).vi
    if (typeof vi === 'string') return vi
  }
  return collection.slug
}

/**
 * The feed fields of each content collection: what the host named in `feeds.fields`, else the
 * first field of a known name and the right type; an upload collection without such a field
 * (an infographic) shows itself. Decided once, at start-up, so a feed never
 * guesses per request; a named field that does not fit is a configuration error.
 */
export function describeFeedContent(
  collections: readonly CollectionConfig[],
  own: Record<string, FeedFieldOption> = {},
): Record<string, FeedContentFields> {
  const out: Record<string, FeedContentFields> = {}
  for (const c of collections) {
    const chosen = own[c.slug] ?? {}
    const textField = (name: string): Field | undefined => {
      const f = findField(c.fields, name)
      return f && (f.type === 'text' || f.type === 'textarea') ? f : undefined
    }
    const uploadField = (name: string): (Field & { relationTo: string }) | undefined => {
      const f = findField(c.fields, name)
      return f?.type === 'upload' && typeof f.relationTo === 'string'
        ? (f as Field & { relationTo: string })
        : undefined
    }
    let summary: string | null
    if (chosen.summary !== undefined) {
      if (chosen.summary !== null && !textField(chosen.summary))
        throw new PluginConfigError(
          `feeds.fields.${c.slug}.summary: "${chosen.summary}" is not a text field of ${c.slug}.`,
        )
      summary = chosen.summary
    } else summary = SUMMARY_NAMES.find((n) => textField(n)) ?? null
    let image: string | null
    if (chosen.image !== undefined) {
      if (chosen.image !== null && !uploadField(chosen.image))
        throw new PluginConfigError(
          `feeds.fields.${c.slug}.image: "${chosen.image}" is not an upload field of ${c.slug}.`,
        )
      image = chosen.image
    } else image = IMAGE_NAMES.find((n) => uploadField(n)) ?? null
    out[c.slug] = {
      summary,
      image,
      imageCollection: image ? (uploadField(image)?.relationTo ?? null) : null,
      imageIsSelf: Boolean(c.upload) && image === null,
      label: pluralLabel(c),
    }
  }
  return out
}
