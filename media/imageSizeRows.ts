import { IMAGE_SIZE_NAMES, type ImageSizeName } from './sizeNames'

/** One file of an uploaded image: the original or one of its derivatives. */
export interface ImageSizeRow {
  name: 'original' | ImageSizeName
  /** Null where Payload skipped the size (an original smaller than the box, see uploadConfig.ts). */
  url: string | null
  width: number | null
  height: number | null
  /** "PNG", "JPEG", "WEBP": the subtype people recognise, not the MIME type. */
  format: string | null
  /** Whole kilobytes, at least 1 for a file that exists. */
  kilobytes: number | null
}

type FileFields = {
  url?: unknown
  width?: unknown
  height?: unknown
  mimeType?: unknown
  filesize?: unknown
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)

function row(name: ImageSizeRow['name'], file: FileFields | undefined): ImageSizeRow {
  const url = text(file?.url)
  const mime = text(file?.mimeType)
  const bytes = num(file?.filesize)
  return {
    name,
    url,
    width: url ? num(file?.width) : null,
    height: url ? num(file?.height) : null,
    format: url && mime ? (mime.split('/')[1] ?? mime).toUpperCase() : null,
    kilobytes: url && bytes !== null ? Math.max(1, Math.round(bytes / 1024)) : null,
  }
}

/**
 * The files of an uploaded image as the edit view lists them: the original, then every configured
 * size in the configured order (a skipped size stays in the list, so nobody wonders where it went).
 * Empty before a file is uploaded. Pure: reads the document as Payload stores it.
 */
export function imageSizeRows(doc: Record<string, unknown> | undefined | null): ImageSizeRow[] {
  if (!doc || !text(doc.filename)) return []
  const sizes = (doc.sizes ?? {}) as Partial<Record<ImageSizeName, FileFields>>
  return [row('original', doc), ...IMAGE_SIZE_NAMES.map((name) => row(name, sizes[name]))]
}
