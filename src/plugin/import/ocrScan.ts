import { execFile } from 'node:child_process'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import sharp from 'sharp'
import { tsvToPages } from '../../domain/planImport/ocrTsv'
import { pdfPagesToPlanText, type PdfPageText } from '../../domain/planImport/pdfLayout'
import { findOnPath } from '../report/pdf/findOffice'
import { planSourceError as fail } from './planSourceError'

const run = promisify(execFile)

/** What one scan may cost. OCR runs inside the request (see docs/plan-import.md), hence tight. */
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

/** A scanned PDF (already checked against the page and pixel limits) → its OCR'd text. */
export async function ocrPdf(bytes: Buffer, limits: ScanLimits = SCAN_LIMITS): Promise<string> {
  const tools = await ocrTools(true)
  const deadline = Date.now() + limits.timeoutMs
  return withTempDir(async (dir) => {
    const input = path.join(dir, 'scan.pdf')
    await writeFile(input, bytes)
    await runUntil(deadline, limits, tools.pdftoppm, [
      '-r',
      String(limits.dpi),
      '-gray',
      '-png',
      input,
      path.join(dir, 'page'),
    ])
    const images = (await readdir(dir)).filter((f) => f.startsWith('page') && f.endsWith('.png')).sort()
    const pages: PdfPageText[] = []
    for (const image of images)
      pages.push(...(await ocrImage(tools.tesseract, path.join(dir, image), limits.dpi, deadline, limits)))
    return pdfPagesToPlanText(pages)
  })
}

const IMAGE_FORMATS = new Set(['png', 'jpeg', 'tiff'])

/**
 * A scanned page as PNG, JPEG or TIFF → its OCR'd text. The header alone tells the size, so an
 * image bomb (a small file that decodes to billions of pixels) is refused before it is decoded.
 */
export async function ocrImageFile(bytes: Buffer, limits: ScanLimits = SCAN_LIMITS): Promise<string> {
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
  const tools = await ocrTools(false)
  const deadline = Date.now() + limits.timeoutMs
  return withTempDir(async (dir) => {
    const input = path.join(dir, `scan.${meta.format === 'jpeg' ? 'jpg' : meta.format}`)
    await writeFile(input, bytes)
    return pdfPagesToPlanText(await ocrImage(tools.tesseract, input, meta.density ?? limits.dpi, deadline, limits))
  })
}
