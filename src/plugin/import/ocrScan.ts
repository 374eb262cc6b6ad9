import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import sharp from 'sharp'
import { tsvToPages } from '../../domain/planImport/ocrTsv'
import { pdfPagesToPlanLayout, type PdfPageText, type PlanLayout } from '../../domain/planImport/pdfLayout'
import { findOnPath } from '../report/pdf/findOffice'
import { planSourceError as fail } from './planSourceError'

const run = promisify(execFile)

/**
 * What one scan may cost. OCR runs in a background job (jobs/runScanImport.ts), one scan at a time
 * per instance; the limits keep one upload from holding it for long.
 */
export interface ScanLimits {
  /** Pages of any PDF. */
  pdfPages: number
  /** Pages of a scan (a PDF without text, or a multi-page TIFF): refused before any OCR. */
  ocrPages: number
  /** Rasterising resolution; Tesseract reads body text best at 300 dpi. */
  dpi: number
  /** Pixels of one page image (A4 at 300 dpi is 8.7 million): above it, an image bomb. */
  pixels: number
  /** Time for rasterising and OCR of the whole file. */
  timeoutMs: number
}

export const SCAN_LIMITS: ScanLimits = {
  pdfPages: 300,
  ocrPages: 10,
  dpi: 300,
  pixels: 40_000_000,
  timeoutMs: 120_000,
}

/** Debian's packages for reading scans, named in the answer when a program is missing. */
export const OCR_PACKAGES = ['poppler-utils', 'tesseract-ocr', 'tesseract-ocr-vie'] as const

let vieChecked: Promise<boolean> | null = null

/** Tesseract's Vietnamese model is installed (asked until the answer is yes). */
function hasVietnamese(tesseract: string): Promise<boolean> {
  const check = (vieChecked ??= run(tesseract, ['--list-langs'], { timeout: 10_000 }).then(
    ({ stdout, stderr }) => /^vie$/m.test(`${stdout}\n${stderr}`),
    () => false,
  ))
  // Only a yes is kept: a model installed while the server runs is found on the next upload.
  void check.then((yes) => {
    if (!yes && vieChecked === check) vieChecked = null
  })
  return check
}

/** The programs OCR needs, or a 503 naming the Debian packages to install. */
async function ocrTools(needPdf: boolean): Promise<{ pdftoppm: string; tesseract: string }> {
  const envPath = process.env.OCR_PATH ?? process.env.PATH ?? ''
  const pdftoppm = findOnPath('pdftoppm', envPath)
  const tesseract = findOnPath('tesseract', envPath)
  if ((needPdf && !pdftoppm) || !tesseract || !(await hasVietnamese(tesseract)))
    throw fail(503, 'file', 'ocrMissing', { packages: OCR_PACKAGES.join(', ') })
  return { pdftoppm: pdftoppm ?? '', tesseract }
}

/** Runs a program within what is left of the deadline; over it, a 422 naming the limit. */
async function runUntil(deadline: number, limits: ScanLimits, file: string, args: string[]): Promise<string> {
  const left = deadline - Date.now()
  const timedOut = () => fail(422, 'file', 'scanTimeout', { seconds: Math.ceil(limits.timeoutMs / 1000) })
  if (left <= 0) throw timedOut()
  try {
    // One OpenMP thread: a scan must not take every core of a shared server.
    const { stdout } = await run(file, args, {
      timeout: left,
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    })
    return stdout
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { killed?: boolean; stderr?: string }
    if (e.killed) throw timedOut()
    throw fail(400, 'file', 'scanUnreadable', { detail: (e.stderr ?? e.message).trim().slice(0, 200) })
  }
}

async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'plan-ocr-'))
  try {
    return await work(dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** One image's words with their boxes (TSV), as pages of positioned runs. */
async function ocrImage(
  tesseract: string,
  image: string,
  dpi: number,
  deadline: number,
  limits: ScanLimits,
): Promise<PdfPageText[]> {
  // --psm 4: one column of text of varying sizes; a table's row is one line across its cells,
  // and pdfLayout.ts splits it into cells by position.
  const tsv = await runUntil(deadline, limits, tesseract, [image, 'stdout', '-l', 'vie', '--psm', '4', 'tsv'])
  return tsvToPages(tsv, dpi)
}

/** A scan checked against the limits, ready for OCR (now or in a background job). */
export interface ScanInput {
  kind: 'pdf' | 'image'
  bytes: Buffer
  pages: number
  /** An image's resolution (its header's, else the rasterising one). */
  dpi: number
}

/** A page as kept with the import: a downscaled WebP, for the crops beside the fields. */
export interface PageImage {
  width: number
  height: number
  webp: Buffer
}

/** What OCR of a scan gives: the plan text with each line's box, and the page images. */
export interface ScanReading {
  layout: PlanLayout
  images: PageImage[]
}

/** Width of a kept page image: A4 text stays legible in a crop, a page weighs ~100 KB. */
const PAGE_IMAGE_WIDTH = 1240

/** Called after each page is read, for progress ("Trang 2/5"). */
export type OnPage = (done: number, total: number) => Promise<void> | void

/**
 * Rasterises and OCRs a scan page by page within the file's time limit (a 422 when it runs out;
 * the programs are killed and the temporary folder removed), keeping each page as a WebP image.
 * Throws PlanSourceError naming `file` (503 when the OCR programs are missing).
 */
export async function readScan(
  scan: ScanInput,
  limits: ScanLimits = SCAN_LIMITS,
  opts: { onPage?: OnPage; keepImages?: boolean } = {},
): Promise<ScanReading> {
  const tools = await ocrTools(scan.kind === 'pdf')
  const deadline = Date.now() + limits.timeoutMs
  return withTempDir(async (dir) => {
    const pages: PdfPageText[] = []
    const images: PageImage[] = []
    const input = path.join(dir, 'scan.pdf')
    // pdftoppm reads the PDF from disk; an image's pages are taken from memory by sharp.
    if (scan.kind === 'pdf') await writeFile(input, scan.bytes)
    for (let n = 1; n <= scan.pages; n++) {
      const image = path.join(dir, `page-${n}.png`)
      let dpi = scan.dpi
      if (scan.kind === 'pdf') {
        const root = path.join(dir, `page-${n}`)
        const page = String(n)
        const args = ['-r', String(limits.dpi), '-gray', '-png', '-f', page, '-l', page, '-singlefile', input, root]
        await runUntil(deadline, limits, tools.pdftoppm, args)
        dpi = limits.dpi
      } else {
        // One page of the image (a TIFF may hold several) as PNG; its size was checked before.
        await sharp(scan.bytes, { page: n - 1, limitInputPixels: limits.pixels })
          .png()
          .toFile(image)
      }
      const read = await ocrImage(tools.tesseract, image, dpi, deadline, limits)
      pages.push(read[0] ?? { runs: [] })
      if (opts.keepImages !== false) {
        const { data, info } = await sharp(image, { limitInputPixels: limits.pixels })
          .resize({ width: PAGE_IMAGE_WIDTH, withoutEnlargement: true })
          .webp({ quality: 60 })
          .toBuffer({ resolveWithObject: true })
        images.push({ width: info.width, height: info.height, webp: data })
      }
      await opts.onPage?.(n, scan.pages)
    }
    return { layout: pdfPagesToPlanLayout(pages), images }
  })
}

/** The OCR programs are there, or a 503 naming the Debian packages: checked before a job starts. */
export const checkOcrTools = async (scan: ScanInput): Promise<void> => {
  await ocrTools(scan.kind === 'pdf')
}

/** A scanned PDF (already checked against the pixel limit) → its OCR'd text. */
export async function ocrPdf(bytes: Buffer, limits: ScanLimits = SCAN_LIMITS): Promise<string> {
  const pages = await (await import('./readPdf')).pdfPageCount(bytes)
  if (pages > limits.ocrPages) throw fail(413, 'file', 'scanTooManyPages', { pages, max: limits.ocrPages })
  return (await readScan({ kind: 'pdf', bytes, pages, dpi: limits.dpi }, limits, { keepImages: false })).layout.text
}

const IMAGE_FORMATS = new Set(['png', 'jpeg', 'tiff'])

/**
 * A scanned page as PNG, JPEG or TIFF, checked: the header alone tells the size, so an image bomb
 * (a small file that decodes to billions of pixels) is refused before it is decoded.
 */
export async function imageScan(bytes: Buffer, limits: ScanLimits = SCAN_LIMITS): Promise<ScanInput> {
  let meta: sharp.Metadata
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata()
  } catch (err) {
    throw fail(400, 'file', 'imageUnreadable', { detail: err instanceof Error ? err.message : String(err) })
  }
  if (!meta.format || !IMAGE_FORMATS.has(meta.format) || !meta.width || !meta.height)
    throw fail(400, 'file', 'imageUnreadable', { detail: meta.format ?? '?' })
  const pages = meta.pages ?? 1
  if (pages > limits.ocrPages) throw fail(413, 'file', 'scanTooManyPages', { pages, max: limits.ocrPages })
  const pixels = meta.width * (meta.pageHeight ?? meta.height)
  if (pixels > limits.pixels)
    throw fail(413, 'file', 'scanPageTooLarge', { page: 1, mp: Math.round(pixels / 1e6), max: limits.pixels / 1e6 })
  return { kind: 'image', bytes, pages, dpi: meta.density ?? limits.dpi }
}

/** A scanned image → its OCR'd text (the command line's synchronous reading). */
export async function ocrImageFile(bytes: Buffer, limits: ScanLimits = SCAN_LIMITS): Promise<string> {
  return (await readScan(await imageScan(bytes, limits), limits, { keepImages: false })).layout.text
}
