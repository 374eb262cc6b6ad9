/**
 * Accepted media types and upload limits. Limits are resolved once (usually at config time) into
 * a frozen object, and that same object is handed to both the Payload upload config and the
 * upload hook, so the two can never disagree about a default.
 */

export const IMAGE_MIME_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const
export type ImageMimeType = (typeof IMAGE_MIME_TYPES)[number]

export const VIDEO_MIME_TYPES = ['video/mp4', 'video/webm'] as const
export type VideoMimeType = (typeof VIDEO_MIME_TYPES)[number]

export type MediaMimeType = ImageMimeType | VideoMimeType

/** Format names as shown to editors; identical in English and Vietnamese. */
export const MEDIA_TYPE_LABELS: Readonly<Record<MediaMimeType, string>> = Object.freeze({
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
  'video/mp4': 'MP4',
  'video/webm': 'WebM',
})

/**
 * The extension written for each accepted type. JPEG is always `jpg` because Payload re-derives
 * the extension of a re-encoded original from its bytes (`file-type` says `jpg`), so offering
 * `jpeg` here would only make our name and Payload's disagree.
 */
export const MEDIA_EXTENSIONS: Readonly<Record<MediaMimeType, string>> = Object.freeze({
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
})

export const MEGABYTE = 1024 * 1024

export type ImageLimits = {
  /** Largest accepted file, in bytes. */
  readonly maxBytes: number
  /**
   * Largest accepted width × height (× frames, for animated WebP), in pixels. Passed to sharp as
   * `limitInputPixels` and checked against the file header before anything is decoded.
   */
  readonly limitInputPixels: number
  readonly allowedMimeTypes: readonly ImageMimeType[]
}
export type ImageLimitOptions = Partial<ImageLimits>

export type VideoLimits = {
  readonly maxBytes: number
  readonly allowedMimeTypes: readonly VideoMimeType[]
}
export type VideoLimitOptions = Partial<VideoLimits>

export const DEFAULT_IMAGE_LIMITS: ImageLimits = Object.freeze({
  maxBytes: 20 * MEGABYTE,
  // A 50-megapixel RGBA decode is ~200 MB of memory per in-flight image: generous for photos and
  // tall infographics, yet far below sharp's own default (~268 MP) that bombs are built to hit.
  limitInputPixels: 50_000_000,
  allowedMimeTypes: Object.freeze([...IMAGE_MIME_TYPES]),
})

export const DEFAULT_VIDEO_LIMITS: VideoLimits = Object.freeze({
  maxBytes: 500 * MEGABYTE,
  allowedMimeTypes: Object.freeze([...VIDEO_MIME_TYPES]),
})

/**
 * Applies defaults and checks the values. Throws on nonsense (zero, negative, fractional, empty
 * or unknown types) because a misconfigured limit would otherwise silently accept or refuse
 * everything; this runs at startup, where a crash is the right outcome.
 */
export function resolveImageLimits(options: ImageLimitOptions = {}): ImageLimits {
  return Object.freeze({
    maxBytes: positiveInteger('maxBytes', options.maxBytes ?? DEFAULT_IMAGE_LIMITS.maxBytes),
    limitInputPixels: positiveInteger(
      'limitInputPixels',
      options.limitInputPixels ?? DEFAULT_IMAGE_LIMITS.limitInputPixels,
    ),
    allowedMimeTypes: allowedSubset(
      options.allowedMimeTypes ?? DEFAULT_IMAGE_LIMITS.allowedMimeTypes,
      IMAGE_MIME_TYPES,
    ),
  })
}

export function resolveVideoLimits(options: VideoLimitOptions = {}): VideoLimits {
  return Object.freeze({
    maxBytes: positiveInteger('maxBytes', options.maxBytes ?? DEFAULT_VIDEO_LIMITS.maxBytes),
    allowedMimeTypes: allowedSubset(
      options.allowedMimeTypes ?? DEFAULT_VIDEO_LIMITS.allowedMimeTypes,
      VIDEO_MIME_TYPES,
    ),
  })
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new RangeError(`media limits: ${name} must be a positive integer, got ${String(value)}`)
  }
  return value
}

function allowedSubset<T extends string>(values: readonly T[], supported: readonly T[]): readonly T[] {
  const unique = [...new Set(values)]
  if (unique.length === 0) {
    throw new RangeError('media limits: allowedMimeTypes must not be empty')
  }
  for (const value of unique) {
    if (!supported.includes(value)) {
      // Widening the list here would bypass the sniffing and header checks, which only know
      // these formats; supporting another format means teaching the inspectors about it.
      throw new RangeError(`media limits: ${String(value)} is not supported; use a subset of ${supported.join(', ')}`)
    }
  }
  return Object.freeze(unique)
}
