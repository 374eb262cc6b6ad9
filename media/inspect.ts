import sharp from 'sharp'
import type { Metadata } from 'sharp'

import { sanitizeFilename } from './filename'
import {
  DEFAULT_IMAGE_LIMITS,
  DEFAULT_VIDEO_LIMITS,
  MEDIA_TYPE_LABELS,
  MEGABYTE,
  type ImageLimits,
  type ImageMimeType,
  type MediaMimeType,
  type VideoLimits,
  type VideoMimeType,
} from './limits'
import { sniffFileType, type SniffedType } from './sniff'
import { inBoth, translate, type Lang } from '../src/domain/i18n/translate'

/**
 * What the upload hook hands over; structurally a subset of Payload's `req.file`. `data` must
 * hold at least the start of the file (the first 4 KB for videos, the whole file for images);
 * `size` is the real byte length when `data` is only a head, e.g. with `useTempFiles`.
 */
export type UploadInput = {
  data: Uint8Array
  name: string
  /** Accepted for convenience and deliberately ignored: the uploader chooses it. */
  mimetype?: string
  size?: number
}

/** Every rejection message comes in both languages (from the catalog); the hook picks the request's. */
export type LocalizedMessage = { en: string; vi: string }

export type UploadRejectionCode =
  /** 0 bytes. */
  | 'empty'
  /** Over `maxBytes`. */
  | 'too-large'
  /** SVG markup, whatever its name; SVG can carry scripts. */
  | 'svg'
  /** HTML, XML or plain text, e.g. a web page renamed `x.png`. */
  | 'not-media'
  /** A recognised format that is not in `allowedMimeTypes` (GIF, HEIC, MOV, PDF, ...). */
  | 'type-not-allowed'
  /** Bytes that match no known format. */
  | 'unrecognised'
  /** Header declares more pixels than `limitInputPixels` (decompression bomb or just huge). */
  | 'too-many-pixels'
  /** Looks like an accepted image but its header cannot be parsed (truncated, corrupt). */
  | 'unreadable'

/**
 * The one rejection shape for images and videos. `field` is always `'file'` so the hook can map
 * it straight onto Payload's `ValidationError({ errors: [{ path: field, message }] })`.
 */
export type UploadRejection = {
  ok: false
  field: 'file'
  code: UploadRejectionCode
  message: LocalizedMessage
}

export type ImageUploadAccepted = {
  ok: true
  mime: ImageMimeType
  /** As displayed, i.e. after EXIF orientation; Payload auto-rotates before resizing. */
  width: number
  height: number
  safeName: string
}
export type ImageUploadInspection = ImageUploadAccepted | UploadRejection

export type VideoUploadAccepted = { ok: true; mime: VideoMimeType; safeName: string }
export type VideoUploadInspection = VideoUploadAccepted | UploadRejection

/**
 * Decides whether an uploaded image may enter the pipeline, before Payload hands it to sharp.
 * The type comes from the bytes only; dimensions come from the header via sharp's `metadata()`,
 * which never decodes pixel data, so a 30000 × 30000 bomb costs a few milliseconds.
 */
export async function inspectImageUpload(
  input: UploadInput,
  limits: ImageLimits = DEFAULT_IMAGE_LIMITS,
): Promise<ImageUploadInspection> {
  const early = checkBytesAndType(input, limits.maxBytes, limits.allowedMimeTypes, 'image')
  if (!early.ok) return early
  const mime = early.mime

  let meta: Metadata
  try {
    // The pixel limit is enforced below instead: sharp's own check throws a bare "exceeds pixel
    // limit" without the dimensions, which the editor needs to fix the file.
    meta = await sharp(input.data, { limitInputPixels: false }).metadata()
  } catch {
    return reject('unreadable', messages.unreadable())
  }
  const { width, height } = meta
  if (!width || !height || SHARP_FORMATS[mime] !== meta.format) {
    return reject('unreadable', messages.unreadable())
  }

  // Payload opens WebP with `animated: true` (its isAnimatedImage), which decodes every frame
  // into one tall image, and sharp's limit then applies to that whole strip.
  const frames = mime === 'image/webp' ? Math.max(1, meta.pages ?? 1) : 1
  const pixels = width * height * frames
  if (pixels > limits.limitInputPixels) {
    return reject('too-many-pixels', messages.tooManyPixels(width, height, frames, pixels, limits.limitInputPixels))
  }

  return {
    ok: true,
    mime,
    width: meta.autoOrient.width,
    height: meta.autoOrient.height,
    safeName: sanitizeFilename(input.name, { mime }),
  }
}

/**
 * The video counterpart: type by magic bytes and size only. Videos are stored as uploaded, never
 * decoded here, so there is no header to check beyond the container type.
 */
export function inspectVideoUpload(
  input: UploadInput,
  limits: VideoLimits = DEFAULT_VIDEO_LIMITS,
): VideoUploadInspection {
  const early = checkBytesAndType(input, limits.maxBytes, limits.allowedMimeTypes, 'video')
  if (!early.ok) return early
  return { ok: true, mime: early.mime, safeName: sanitizeFilename(input.name, { mime: early.mime }) }
}

const SHARP_FORMATS: Readonly<Record<ImageMimeType, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/webp': 'webp',
}

type Kind = 'image' | 'video'

function checkBytesAndType<T extends MediaMimeType>(
  input: UploadInput,
  maxBytes: number,
  allowed: readonly T[],
  kind: Kind,
): UploadRejection | { ok: true; mime: T } {
  // Trust the larger of the two: `data` may be only a head, and `size` is set by the server-side
  // multipart parser, not by the client.
  const bytes = Math.max(input.size ?? 0, input.data.length)
  if (bytes === 0) return reject('empty', messages.empty())
  if (bytes > maxBytes) return reject('too-large', messages.tooLarge(bytes, maxBytes))

  const sniffed = sniffFileType(input.data)
  const allowedLabels = allowed.map((mime) => MEDIA_TYPE_LABELS[mime])
  if (!sniffed) return reject('unrecognised', messages.unrecognised(kind, allowedLabels))
  if (sniffed.family === 'svg') return reject('svg', messages.svg(allowedLabels))
  if (sniffed.family === 'text') {
    return reject('not-media', messages.notMedia(kind, sniffed, extensionOf(input.name), allowedLabels))
  }
  const mime = allowed.find((candidate) => candidate === sniffed.mime)
  if (!mime) return reject('type-not-allowed', messages.typeNotAllowed(sniffed.label, allowedLabels))
  return { ok: true, mime }
}

function reject(code: UploadRejectionCode, message: LocalizedMessage): UploadRejection {
  return { ok: false, field: 'file', code, message }
}

/** Only for messages; reduced to [a-z0-9] so nothing the uploader typed is echoed verbatim. */
function extensionOf(name: string): string {
  const match = /\.([a-z0-9]{1,10})\s*$/i.exec(String(name))
  return match?.[1]?.toLowerCase() ?? ''
}

const LOCALE: Record<Lang, 'en-US' | 'vi-VN'> = { en: 'en-US', vi: 'vi-VN' }
const NUMBER: Record<Lang, Intl.NumberFormat> = {
  en: new Intl.NumberFormat(LOCALE.en, { maximumFractionDigits: 1 }),
  vi: new Intl.NumberFormat(LOCALE.vi, { maximumFractionDigits: 1 }),
}

function formatBytes(bytes: number, lang: Lang): string {
  if (bytes >= MEGABYTE) return `${NUMBER[lang].format(bytes / MEGABYTE)} MB`
  if (bytes >= 1024) return `${NUMBER[lang].format(bytes / 1024)} KB`
  return `${NUMBER[lang].format(bytes)} ${translate(lang, 'uploadByteUnit')}`
}

/** Sizes that round to the same text would read "20 MB exceeds the 20 MB limit"; fall back to exact bytes. */
function formatSizePair(size: number, max: number, lang: Lang): { size: string; max: string } {
  const a = formatBytes(size, lang)
  const b = formatBytes(max, lang)
  if (a !== b) return { size: a, max: b }
  const exact = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 0 })
  const unit = translate(lang, 'uploadByteUnit')
  return { size: `${exact.format(size)} ${unit}`, max: `${exact.format(max)} ${unit}` }
}

/** One decimal is plenty for real images, but a tiny configured limit must not print as "0". */
function megapixels(pixels: number, lang: Lang): string {
  const value = pixels / 1_000_000
  const options: Intl.NumberFormatOptions = value >= 1 ? { maximumFractionDigits: 1 } : { maximumSignificantDigits: 2 }
  return new Intl.NumberFormat(LOCALE[lang], options).format(value)
}

// The texts are in the message catalog (src/domain/i18n, `upload*`); numbers and sizes are
// written the way each language writes them, so the values differ by language too.
const messages = {
  empty: (): LocalizedMessage => inBoth('uploadEmpty'),

  tooLarge: (size: number, max: number): LocalizedMessage =>
    inBoth('uploadTooLarge', (lang) => formatSizePair(size, max, lang)),

  svg: (allowed: readonly string[]): LocalizedMessage => inBoth('uploadSvg', { allowed: allowed.join(', ') }),

  notMedia: (kind: Kind, sniffed: SniffedType, ext: string, allowed: readonly string[]): LocalizedMessage =>
    inBoth(ext ? 'uploadNotMediaNamed' : 'uploadNotMedia', (lang) => ({
      ext,
      content: sniffed.mime === 'text/plain' ? translate(lang, 'uploadPlainText') : sniffed.label,
      what: translate(lang, kind === 'image' ? 'uploadAnImage' : 'uploadAVideo'),
      allowed: allowed.join(', '),
    })),

  typeNotAllowed: (label: string, allowed: readonly string[]): LocalizedMessage =>
    inBoth('uploadTypeNotAllowed', { label, allowed: allowed.join(', ') }),

  unrecognised: (kind: Kind, allowed: readonly string[]): LocalizedMessage =>
    inBoth(kind === 'image' ? 'uploadUnrecognisedImage' : 'uploadUnrecognisedVideo', { allowed: allowed.join(', ') }),

  tooManyPixels: (width: number, height: number, frames: number, pixels: number, limit: number): LocalizedMessage =>
    inBoth('uploadTooManyPixels', (lang) => ({
      width: NUMBER[lang].format(width),
      height: NUMBER[lang].format(height),
      megapixels: megapixels(pixels, lang),
      frames: frames > 1 ? translate(lang, 'uploadFrames', { frames: NUMBER[lang].format(frames) }) : '',
      limit: megapixels(limit, lang),
    })),

  unreadable: (): LocalizedMessage => inBoth('uploadUnreadable'),
}
