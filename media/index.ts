/**
 * The image and video pipeline shared by every upload collection.
 *
 * Wiring, for the collection author:
 *
 *   const limits = resolveImageLimits({ maxBytes: 20 * MEGABYTE })   // once
 *   upload: imageUploadConfig({ staticDir, limits }),
 *   hooks: { beforeOperation: [async ({ operation, req }) => {
 *     if ((operation === 'create' || operation === 'update') && req.file) {
 *       const result = await inspectImageUpload(req.file, limits)
 *       if (!result.ok) throw new ValidationError({ errors: [{ path: result.field,
 *         message: pickLanguage(req, result.message) }] })   // src/plugin/i18n.ts
 *       req.file.name = result.safeName
 *       req.file.mimetype = result.mime
 *     }
 *   }] }
 *
 * It has to be `beforeOperation`: Payload generates the sizes (decoding with sharp) before any
 * `beforeValidate`/`beforeChange` hook runs.
 */
export {
  DEFAULT_IMAGE_LIMITS,
  DEFAULT_VIDEO_LIMITS,
  IMAGE_MIME_TYPES,
  MEDIA_EXTENSIONS,
  MEDIA_TYPE_LABELS,
  MEGABYTE,
  VIDEO_MIME_TYPES,
  resolveImageLimits,
  resolveVideoLimits,
} from './limits'
export type {
  ImageLimitOptions,
  ImageLimits,
  ImageMimeType,
  MediaMimeType,
  VideoLimitOptions,
  VideoLimits,
  VideoMimeType,
} from './limits'

export { FALLBACK_FILENAME_STEM, sanitizeFilename } from './filename'
export type { SanitizeFilenameOptions } from './filename'

export { SNIFF_BYTES, sniffFileType } from './sniff'
export type { SniffedType } from './sniff'

export { inspectImageUpload, inspectVideoUpload } from './inspect'
export type {
  ImageUploadAccepted,
  ImageUploadInspection,
  LocalizedMessage,
  UploadInput,
  UploadRejection,
  UploadRejectionCode,
  VideoUploadAccepted,
  VideoUploadInspection,
} from './inspect'

export { IMAGE_SIZES, IMAGE_SIZE_NAMES, WEBP_QUALITY, imageUploadConfig, videoUploadConfig } from './uploadConfig'
export type { ImageKind } from './uploadConfig'
export type { ImageSizeName, ImageUploadOptions, VideoUploadOptions } from './uploadConfig'
export { imageSizesField } from './imageSizesField'
export { imageSizeRows, type ImageSizeRow } from './imageSizeRows'
