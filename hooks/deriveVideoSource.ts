import type { CollectionBeforeChangeHook } from 'payload'
import { parseVideoUrl } from '../src/domain/videoUrl'
import { throwFieldError } from '../src/plugin/shared/validation'
import { SLUGS } from '../src/domain/slugs'

/**
 * An external video is stored under its canonical link with provider and id (the same video
 * pasted in two forms is one video); an uploaded one must actually have its file. Draft saves
 * may be incomplete; a publish may not.
 */
export const deriveVideoSource: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const source = data.source ?? originalDoc?.source
  if (source === 'external') {
    const url = data.externalUrl ?? originalDoc?.externalUrl
    const parsed = typeof url === 'string' && url.trim() ? parseVideoUrl(url) : undefined
    if (parsed?.ok) {
      data.externalUrl = parsed.canonicalUrl
      data.provider = parsed.provider
      data.videoId = parsed.videoId
    }
    return data
  }
  data.provider = null
  data.videoId = null
  if (data._status === 'published' && !(data.filename ?? originalDoc?.filename)) {
    throwFieldError(req, SLUGS.videos, 'file', { key: 'videoSourceNeedsFile' })
  }
  return data
}
