import type { ImageSize, ImageUploadFormatOptions, UploadConfig } from 'payload'

import type { ImageSizeName } from './sizeNames'
import { resolveImageLimits, resolveVideoLimits, type ImageLimitOptions, type VideoLimitOptions } from './limits'

export const WEBP_QUALITY = 80

const webp: ImageUploadFormatOptions = { format: 'webp', options: { quality: WEBP_QUALITY } }

/**
 * Seven derivatives stay out of the list view's column, filter and group-by pickers (each size
 * is a group of six fields); Payload plans this as the default in v4.
 */
const hiddenInLists: ImageSize['admin'] = {
  disableGroupBy: true,
  disableListColumn: true,
  disableListFilter: true,
}

export { IMAGE_SIZE_NAMES, type ImageSizeName } from './sizeNames'

/**
 * The derivatives every image collection produces. Payload's `withoutEnlargement` has three
 * meanings (see `getImageResizeAction` in payload/dist/uploads/image-resizing):
 *  - `true`: never upscale; a smaller original is passed through at its own size.
 *  - `false`: always produce exactly the declared box, upscaling if needed.
 *  - unset: skip the size (all fields null) when the original is smaller in both dimensions.
 *
 * Derivatives keep the source format (a transparent PNG infographic must not be flattened into a
 * JPEG), except the `…Webp` variants. Only the sizes the public site renders get a WebP twin, for
 * `<picture>`; `og` does not, because crawler support for WebP link previews is uneven and
 * `og:image` has to be readable by all of them.
 * Names are camelCase because they become field names (GraphQL, database columns).
 */
export const IMAGE_SIZES: readonly ImageSize[] = deepFreeze([
  // Admin list previews; always present, so `adminThumbnail` never points at a missing file.
  { name: 'thumbnail', width: 300, withoutEnlargement: true, admin: hiddenInLists },
  // Article grids need one exact aspect ratio, so small images are upscaled rather than skipped.
  { name: 'card', width: 640, height: 360, fit: 'cover', withoutEnlargement: false, admin: hiddenInLists },
  {
    name: 'cardWebp',
    width: 640,
    height: 360,
    fit: 'cover',
    withoutEnlargement: false,
    formatOptions: webp,
    admin: hiddenInLists,
  },
  // In-article display; upscaling would only blur.
  { name: 'web', width: 1280, withoutEnlargement: true, admin: hiddenInLists },
  { name: 'webWebp', width: 1280, withoutEnlargement: true, formatOptions: webp, admin: hiddenInLists },
  // Open Graph's recommended 1200 × 630 (1.91:1); delivering the exact box leaves the platforms
  // nothing to crop unpredictably, so small images are upscaled.
  { name: 'og', width: 1200, height: 630, fit: 'cover', withoutEnlargement: false, admin: hiddenInLists },
  // Social posts; a tiny image blown up to 1080 px looks worse than none, so it is skipped.
  { name: 'square', width: 1080, height: 1080, fit: 'cover', admin: hiddenInLists },
] satisfies (ImageSize & { name: ImageSizeName })[])

/**
 * What the images of a collection are.
 * - `photo`: editors pick a focal point, and the cover crops (card, og, square) keep it in frame.
 * - `graphic` (infographics): designed pages whose title and key figure sit at the top, so the
 *   cover crops are anchored to the top edge and there is no focal point to pick. This also
 *   keeps them off Payload's focal-point path, which decodes a cover size twice at full
 *   resolution with JPEG shrink-on-load turned off (createImageSizes in payload/dist/uploads):
 *   bench/RESULTS.md, "Image pipeline", measures both kinds.
 */
export type ImageKind = 'photo' | 'graphic'

const anchoredToTop = (sizes: readonly ImageSize[]): ImageSize[] =>
  sizes.map((size) => (size.fit === 'cover' ? { ...size, position: 'top' } : { ...size }))

export type ImageUploadOptions = {
  /** Where originals and derivatives are written; Payload falls back to the collection slug. */
  staticDir?: string
  /** Default `photo`. */
  kind?: ImageKind
  /** Partial options or an already resolved `ImageLimits`; resolving again is harmless. */
  limits?: ImageLimitOptions
}

/**
 * The `upload` block for an image collection. `maxBytes` is not expressible here (Payload only
 * has the global `upload.limits.fileSize` on the parser); it is enforced by `inspectImageUpload`,
 * which must run in a `beforeOperation` hook because Payload resizes before `beforeValidate`.
 */
export function imageUploadConfig(options: ImageUploadOptions = {}): UploadConfig {
  const limits = resolveImageLimits(options.limits)
  return {
    ...(options.staticDir !== undefined ? { staticDir: options.staticDir } : {}),
    mimeTypes: [...limits.allowedMimeTypes],
    // Copies, because Payload's config sanitisation is free to mutate what it is given.
    imageSizes:
      options.kind === 'graphic' ? anchoredToTop(structuredClone([...IMAGE_SIZES])) : structuredClone([...IMAGE_SIZES]),
    adminThumbnail: 'thumbnail',
    focalPoint: options.kind !== 'graphic',
    crop: true,
    // Any constructorOptions make Payload run the original through sharp too (rotate + re-encode
    // in its own format), so the pixel limit also guards that decode. Sizes and crops are opened
    // without these options, which is why the header check in the hook is the real gate.
    constructorOptions: { limitInputPixels: limits.limitInputPixels },
    // Strips EXIF (GPS position, camera serials) from the re-encoded original and every size.
    withMetadata: false,
  }
}

export type VideoUploadOptions = {
  staticDir?: string
  limits?: VideoLimitOptions
}

/** The `upload` block for a video collection: type restriction only, no image processing. */
export function videoUploadConfig(options: VideoUploadOptions = {}): UploadConfig {
  const limits = resolveVideoLimits(options.limits)
  return {
    ...(options.staticDir !== undefined ? { staticDir: options.staticDir } : {}),
    mimeTypes: [...limits.allowedMimeTypes],
    // Both default to true and would add focal/crop fields that mean nothing for a video.
    focalPoint: false,
    crop: false,
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key])
    Object.freeze(value)
  }
  return value
}
