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

/** Every rejection message comes in both languages; the hook picks one by `req.i18n.language`. */
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

const numberEn = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 })
const numberVi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 })

function formatBytes(bytes: number, format: Intl.NumberFormat, byteWord: string): string {
  if (bytes >= MEGABYTE) return `${format.format(bytes / MEGABYTE)} MB`
  if (bytes >= 1024) return `${format.format(bytes / 1024)} KB`
  return `${format.format(bytes)} ${byteWord}`
}

/** Sizes that round to the same text would read "20 MB exceeds the 20 MB limit"; fall back to exact bytes. */
function formatSizePair(size: number, max: number, format: Intl.NumberFormat, byteWord: string): [string, string] {
  const a = formatBytes(size, format, byteWord)
  const b = formatBytes(max, format, byteWord)
  if (a !== b) return [a, b]
  const exact = new Intl.NumberFormat(format.resolvedOptions().locale, { maximumFractionDigits: 0 })
  return [`${exact.format(size)} ${byteWord}`, `${exact.format(max)} ${byteWord}`]
}

/** One decimal is plenty for real images, but a tiny configured limit must not print as "0". */
function megapixels(pixels: number, locale: 'en-US' | 'vi-VN'): string {
  const value = pixels / 1_000_000
  const options: Intl.NumberFormatOptions = value >= 1 ? { maximumFractionDigits: 1 } : { maximumSignificantDigits: 2 }
  return new Intl.NumberFormat(locale, options).format(value)
}

const messages = {
  empty: (): LocalizedMessage => ({
    en: 'The file is empty (0 bytes).',
    vi: 'Tệp trống (0 byte).',
  }),

  tooLarge: (size: number, max: number): LocalizedMessage => {
    const [sizeEn, maxEn] = formatSizePair(size, max, numberEn, 'bytes')
    const [sizeVi, maxVi] = formatSizePair(size, max, numberVi, 'byte')
    return {
      en: `The file is ${sizeEn}, which exceeds the ${maxEn} limit.`,
      vi: `Tệp có dung lượng ${sizeVi}, vượt quá giới hạn ${maxVi}.`,
    }
  },

  svg: (allowed: readonly string[]): LocalizedMessage => ({
    en: `SVG files are not accepted because they can contain scripts. Allowed formats: ${allowed.join(', ')}.`,
    vi: `Không chấp nhận tệp SVG vì tệp này có thể chứa mã lệnh (script). Định dạng được phép: ${allowed.join(', ')}.`,
  }),

  notMedia: (kind: Kind, sniffed: SniffedType, ext: string, allowed: readonly string[]): LocalizedMessage => {
    const contentEn = sniffed.mime === 'text/plain' ? 'plain text' : sniffed.label
    const contentVi = sniffed.mime === 'text/plain' ? 'văn bản thuần' : sniffed.label
    const whatEn = kind === 'image' ? 'an image' : 'a video'
    const whatVi = kind === 'image' ? 'ảnh' : 'video'
    return {
      en:
        (ext
          ? `The file name ends in ".${ext}" but its content is ${contentEn}, not ${whatEn}.`
          : `The file's content is ${contentEn}, not ${whatEn}.`) + ` Allowed formats: ${allowed.join(', ')}.`,
      vi:
        (ext
          ? `Tên tệp có đuôi ".${ext}" nhưng nội dung là ${contentVi}, không phải ${whatVi}.`
          : `Nội dung tệp là ${contentVi}, không phải ${whatVi}.`) + ` Định dạng được phép: ${allowed.join(', ')}.`,
    }
  },

  typeNotAllowed: (label: string, allowed: readonly string[]): LocalizedMessage => ({
    en: `${label} files are not accepted here. Allowed formats: ${allowed.join(', ')}.`,
    vi: `Không chấp nhận tệp ${label} tại đây. Định dạng được phép: ${allowed.join(', ')}.`,
  }),

  unrecognised: (kind: Kind, allowed: readonly string[]): LocalizedMessage => ({
    en: `The file's content is not a recognised ${kind} format. Allowed formats: ${allowed.join(', ')}.`,
    vi: `Không nhận dạng được định dạng ${kind === 'image' ? 'ảnh' : 'video'} của tệp. Định dạng được phép: ${allowed.join(', ')}.`,
  }),

  tooManyPixels: (width: number, height: number, frames: number, pixels: number, limit: number): LocalizedMessage => {
    const en = (n: number): string => numberEn.format(n)
    const vi = (n: number): string => numberVi.format(n)
    const framesEn = frames > 1 ? `, ${en(frames)} frames` : ''
    const framesVi = frames > 1 ? `, ${vi(frames)} khung hình` : ''
    return {
      en:
        `The image is ${en(width)} × ${en(height)} pixels (${megapixels(pixels, 'en-US')} megapixels${framesEn}), ` +
        `which exceeds the ${megapixels(limit, 'en-US')}-megapixel limit. Please reduce its dimensions and upload it again.`,
      vi:
        `Ảnh có kích thước ${vi(width)} × ${vi(height)} điểm ảnh (${megapixels(pixels, 'vi-VN')} megapixel${framesVi}), ` +
        `vượt quá giới hạn ${megapixels(limit, 'vi-VN')} megapixel. Vui lòng giảm kích thước ảnh rồi tải lên lại.`,
    }
  },

  unreadable: (): LocalizedMessage => ({
    en: 'The image could not be read; the file may be damaged or incomplete.',
    vi: 'Không đọc được ảnh; tệp có thể bị hỏng hoặc không đầy đủ.',
  }),
}
