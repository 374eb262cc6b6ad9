import { getDocumentProxy } from 'unpdf'
import { pdfPagesToPlanText, type PdfPageText, type PdfTextRun } from '../../domain/planImport/pdfLayout'
import { readScan, SCAN_LIMITS, type ScanInput, type ScanLimits } from './ocrScan'
import { planSourceError as fail } from './planSourceError'

/**
 * A PDF with fewer visible characters than this per page on average has no usable text layer: a
 * page of plan text has a couple of thousand, while a scan that was signed digitally carries only
 * the signature's stamp ("Ký bởi: … Thời gian ký: …", about a hundred).
 */
const MIN_CHARS_PER_PAGE = 200

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>

async function openPdf(bytes: Buffer): Promise<PdfDocument> {
  // "%PDF-" must come within the first KB (PDF 1.7, 7.5.2 allows a little junk before it).
  if (!bytes.subarray(0, 1024).includes('%PDF-')) throw fail(400, 'file', 'pdfInvalid')
  try {
    // verbosity 0: pdf.js would print every recoverable damage warning to the console.
    return await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 })
  } catch (err) {
    if (err instanceof Error && err.name === 'PasswordException') throw fail(400, 'file', 'pdfEncrypted')
    throw fail(400, 'file', 'pdfUnreadable', { detail: err instanceof Error ? err.message : String(err) })
  }
}

async function pageRuns(page: PdfPage): Promise<PdfTextRun[]> {
  const viewport = page.getViewport({ scale: 1 })
  const content = await page.getTextContent()
  const runs: PdfTextRun[] = []
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform as number[]
    // The viewport turns PDF space (y up, maybe rotated) into the page as it is read (y down).
    const [x, y] = viewport.convertToViewportPoint(e, f) as [number, number]
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height
    runs.push({ text: item.str, x, y, width: item.width, size })
  }
  return runs
}

/** A PDF read: its text (a text layer), or a scan to OCR (checked against the limits). */
export type PdfReading = { kind: 'text'; text: string } | { kind: 'scan'; scan: ScanInput }

/**
 * Reads a PDF's text layer when it has one (reading order and table rows kept, see pdfLayout.ts);
 * a PDF without one is a scan, checked against the page and pixel limits before any rasterising
 * or OCR. Throws PlanSourceError naming `file` for a PDF that is not one, is encrypted, has no
 * pages or is over a limit.
 */
export async function readPdf(bytes: Buffer, limits: ScanLimits = SCAN_LIMITS): Promise<PdfReading> {
  const pdf = await openPdf(bytes)
  try {
    const pages = pdf.numPages
    if (pages === 0) throw fail(400, 'file', 'pdfNoPages')
    if (pages > limits.pdfPages) throw fail(413, 'file', 'pdfTooManyPages', { pages, max: limits.pdfPages })
    const texts: PdfPageText[] = []
    const sizes: Array<{ width: number; height: number }> = []
    let chars = 0
    for (let n = 1; n <= pages; n++) {
      const page = await pdf.getPage(n)
      const runs = await pageRuns(page)
      const { width, height } = page.getViewport({ scale: 1 })
      sizes.push({ width, height })
      chars += runs.reduce((sum, r) => sum + r.text.replace(/\s/g, '').length, 0)
      texts.push({ runs })
      page.cleanup()
    }
    if (chars >= MIN_CHARS_PER_PAGE * pages) return { kind: 'text', text: pdfPagesToPlanText(texts) }
    // A scan: refuse what would cost too much before any rasterising or OCR.
    if (pages > limits.ocrPages) throw fail(413, 'file', 'scanTooManyPages', { pages, max: limits.ocrPages })
    const scale = limits.dpi / 72
    sizes.forEach((s, i) => {
      const pixels = Math.ceil(s.width * scale) * Math.ceil(s.height * scale)
      if (pixels > limits.pixels)
        throw fail(413, 'file', 'scanPageTooLarge', {
          page: i + 1,
          mp: Math.round(pixels / 1e6),
          max: limits.pixels / 1e6,
        })
    })
    return { kind: 'scan', scan: { kind: 'pdf', bytes, pages, dpi: limits.dpi } }
  } finally {
    await pdf.loadingTask.destroy()
  }
}

/** A PDF's page count (400 naming `file` when it is no PDF). */
export async function pdfPageCount(bytes: Buffer): Promise<number> {
  const pdf = await openPdf(bytes)
  try {
    return pdf.numPages
  } finally {
    await pdf.loadingTask.destroy()
  }
}

/**
 * Plan text of a PDF: the text layer when it has one, else the pages rasterised and OCR'd
 * (ocrScan.ts) synchronously, within the page, pixel and time limits (the command line's reading;
 * the preview endpoint runs OCR in a background job instead).
 */
export async function pdfToPlanText(bytes: Buffer, limits: ScanLimits = SCAN_LIMITS): Promise<string> {
  const read = await readPdf(bytes, limits)
  if (read.kind === 'text') return read.text
  return (await readScan(read.scan, limits, { keepImages: false })).layout.text
}
