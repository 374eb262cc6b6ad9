import { inflateRawSync } from 'node:zlib'
import mammoth from 'mammoth'
import type { PayloadRequest } from 'payload'
import { docxHtmlToPlanText } from '../../domain/planImport'
import {
  checkDocxSizes,
  DEFAULT_DOCX_LIMITS,
  entryDataOffset,
  isXmlPart,
  readZipDirectory,
} from '../../domain/zipDirectory'
import { RECURRENCE_PERIODS, type RecurrencePeriod } from '../../domain/slugs'
import { bodyKind, readForm, readJson } from '../endpoints/http'
import type { ScanInput } from './ocrScan'
import { planSourceError as fail, PlanSourceError } from './planSourceError'

export { PlanSourceError }

/** Plan documents are a few dozen pages; these limits keep one request from holding the server. */
export const PLAN_SOURCE_LIMITS = {
  /** Bytes of an uploaded .txt/.docx. */
  fileBytes: 5 * 1024 * 1024,
  /** Bytes of an uploaded PDF or scanned image: a few pages scanned at 300 dpi. */
  scanBytes: 20 * 1024 * 1024,
  /** Characters of plan text (pasted or extracted). */
  textChars: 500_000,
} as const

const MB = PLAN_SOURCE_LIMITS.fileBytes / 1024 / 1024
const SCAN_MB = PLAN_SOURCE_LIMITS.scanBytes / 1024 / 1024
const isScanName = (name: string) => /\.(pdf|png|jpe?g|tiff?)$/i.test(name)

export interface PlanSource {
  /** The plan text; empty for a scan, whose text the OCR job reads. */
  text: string
  /** The uploaded file's name, when the text came from a file. */
  fileName: string | null
  /** A scan (checked against the limits), to be OCR'd off the request. */
  scan?: ScanInput
  code?: string
  recurrence?: RecurrencePeriod
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`

/**
 * Refuses a .docx that unpacks to more than the converter may hold, before it is converted:
 * first from the sizes its central directory claims (413 naming the limit), then by unpacking
 * each XML part with its claim as zlib's ceiling. The second step matters because the unzip
 * inside mammoth (jszip) believes the directory and does not check CRCs: an archive that
 * understates a part would otherwise still expand without bound. Costs one inflate of at most
 * the XML limit (6 MB), a few milliseconds.
 */
export function checkDocxArchive(bytes: Buffer): void {
  const limits = DEFAULT_DOCX_LIMITS
  const dir = readZipDirectory(bytes, limits.maxEntries)
  if (!dir.ok) {
    if (dir.reason === 'tooManyEntries') throw fail(413, 'file', 'docxTooManyEntries', { max: limits.maxEntries })
    throw fail(400, 'file', 'docxInvalid')
  }
  const problem = checkDocxSizes(dir.entries, limits)
  if (problem?.kind === 'xml')
    throw fail(413, 'file', 'docxXmlTooLarge', { size: mib(problem.size), max: mib(problem.max) })
  if (problem?.kind === 'total')
    throw fail(413, 'file', 'docxTooLarge', { size: mib(problem.size), max: mib(problem.max) })
  if (problem?.kind === 'entries') throw fail(413, 'file', 'docxTooManyEntries', { max: problem.max })
  if (problem?.kind === 'method') throw fail(400, 'file', 'docxInvalid')
  for (const entry of dir.entries) {
    if (!isXmlPart(entry.name)) continue
    const start = entryDataOffset(bytes, entry)
    if (start === null) throw fail(400, 'file', 'docxInvalid')
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize)
        throw fail(400, 'file', 'docxSizeMismatch', { name: entry.name })
      continue
    }
    try {
      inflateRawSync(bytes.subarray(start, start + entry.compressedSize), {
        maxOutputLength: Math.max(1, entry.uncompressedSize),
      })
    } catch (err) {
      // zlib's RangeError: the part unpacks past its claim. Anything else: a damaged part.
      if (err instanceof RangeError) throw fail(400, 'file', 'docxSizeMismatch', { name: entry.name })
      throw fail(400, 'file', 'docxUnreadable', { detail: err instanceof Error ? err.message : String(err) })
    }
  }
}

/** Images are not plan text: never unpacked, never turned into data URLs in the HTML. */
const dropImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }))

/** A .docx → plan text, tables kept as tab-separated rows (see docxHtmlToPlanText). */
export async function docxToPlanText(bytes: Buffer): Promise<string> {
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) throw fail(400, 'file', 'docxInvalid')
  checkDocxArchive(bytes)
  let html: string
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes }, { convertImage: dropImages })).value
  } catch (err) {
    // A zip that is not a Word document (or a damaged one): the user must send another file.
    throw fail(400, 'file', 'docxUnreadable', { detail: err instanceof Error ? err.message : String(err) })
  }
  return docxHtmlToPlanText(html)
}

/** A .txt → text: UTF-8 only (a legacy-encoded file would come out garbled, so it is refused). */
export function txtToPlanText(bytes: Uint8Array): string {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    // TextDecoder throws a TypeError on the first invalid byte; that is the answer.
    throw fail(400, 'file', 'txtEncoding')
  }
  if (text.includes('\u0000')) throw fail(400, 'file', 'txtBinary')
  return text.replace(/^\ufeff/, '')
}

const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'tif', 'tiff'])

/** A plan file read: its text, or a scan (checked against the limits) that OCR must read. */
export type PlanFileReading = { kind: 'text'; text: string } | { kind: 'scan'; scan: ScanInput }

/**
 * Reads a plan file by its extension: .txt, .docx and a PDF with a text layer give their text; a
 * PDF without one or a scanned image is checked (pages, pixels) and given back as a scan.
 */
export async function readPlanFile(name: string, bytes: Buffer): Promise<PlanFileReading> {
  const ext = /\.([a-z0-9]{1,8})$/i.exec(name)?.[1]?.toLowerCase() ?? ''
  if (ext === 'txt') return { kind: 'text', text: txtToPlanText(bytes) }
  if (ext === 'docx') return { kind: 'text', text: await docxToPlanText(bytes) }
  // Loaded on first use: pdf.js and sharp are heavy for the commands that only read text.
  if (ext === 'pdf') return (await import('./readPdf')).readPdf(bytes)
  if (IMAGE_EXTENSIONS.has(ext)) return { kind: 'scan', scan: await (await import('./ocrScan')).imageScan(bytes) }
  throw fail(400, 'file', 'fileType', { name })
}

/** Reads a plan file to text, OCR'ing a scan on the spot (the command line's reading). */
export async function planTextFromFile(name: string, bytes: Buffer): Promise<string> {
  const read = await readPlanFile(name, bytes)
  if (read.kind === 'text') return read.text
  return (await (await import('./ocrScan')).readScan(read.scan, undefined, { keepImages: false })).layout.text
}

function options(code: unknown, recurrence: unknown): Pick<PlanSource, 'code' | 'recurrence'> {
  const out: Pick<PlanSource, 'code' | 'recurrence'> = {}
  if (code !== undefined && code !== null && code !== '') {
    if (typeof code !== 'string') throw fail(400, 'code', 'notString')
    if (code.trim().length > 100) throw fail(400, 'code', 'tooLong', { max: 100 })
    out.code = code.trim()
  }
  if (recurrence !== undefined && recurrence !== null && recurrence !== '') {
    if (!RECURRENCE_PERIODS.includes(recurrence as RecurrencePeriod))
      throw fail(400, 'recurrence', 'oneOf', { values: RECURRENCE_PERIODS.join(', ') })
    out.recurrence = recurrence as RecurrencePeriod
  }
  return out
}

function checkedText(text: string, field: string): string {
  if (text.trim() === '') throw fail(400, field, 'textEmpty')
  if (text.length > PLAN_SOURCE_LIMITS.textChars)
    throw fail(413, field, 'tooLong', { max: PLAN_SOURCE_LIMITS.textChars })
  return text
}

/**
 * The plan text of a preview request: JSON `{ text, code?, recurrence? }`, or multipart with a
 * `file` (.txt/.docx up to 5 MB; .pdf/.png/.jpg/.tif up to 20 MB; a scan comes back as `scan`, for the OCR job) or a `text` field (and optional `code`, `recurrence`). Throws PlanSourceError,
 * or BodyError for a body that is not the JSON or form it claims to be.
 */
export async function readPlanSource(req: PayloadRequest): Promise<PlanSource> {
  const length = Number(req.headers.get('content-length') ?? 0)
  // Multipart framing adds a little to the file; refuse what cannot fit before reading it.
  if (length > PLAN_SOURCE_LIMITS.scanBytes + 64 * 1024) throw fail(413, 'file', 'fileTooLarge', { mb: SCAN_MB })
  const kind = bodyKind(req)
  if (kind === 'json') {
    const body = await readJson(req)
    const o = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
    if (o.text === undefined || o.text === null) throw fail(400, 'text', 'required')
    if (typeof o.text !== 'string') throw fail(400, 'text', 'notString')
    return { text: checkedText(o.text, 'text'), fileName: null, ...options(o.code, o.recurrence) }
  }
  if (kind === 'form') {
    const form = await readForm(req)
    const opts = options(form.get('code'), form.get('recurrence'))
    const file = form.get('file')
    if (file instanceof Blob) {
      const name = (file as File).name || 'upload'
      const scan = isScanName(name)
      if (file.size > (scan ? PLAN_SOURCE_LIMITS.scanBytes : PLAN_SOURCE_LIMITS.fileBytes))
        throw fail(413, 'file', 'fileTooLarge', { mb: scan ? SCAN_MB : MB })
      const read = await readPlanFile(name, Buffer.from(await file.arrayBuffer()))
      if (read.kind === 'scan') return { text: '', fileName: name, scan: read.scan, ...opts }
      return { text: checkedText(read.text, 'file'), fileName: name, ...opts }
    }
    const text = form.get('text')
    if (typeof text !== 'string') throw fail(400, 'file', 'noInput')
    return { text: checkedText(text, 'text'), fileName: null, ...opts }
  }
  throw fail(415, '(body)', 'contentType')
}
