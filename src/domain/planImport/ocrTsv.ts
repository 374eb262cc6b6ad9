/**
 * Tesseract's TSV output (one row per recognised word, with its box in pixels) → positioned text
 * runs for pdfLayout.ts, so that a scanned page goes through the same line and table rebuilding as
 * a PDF's text layer: Tesseract's plain text reads a table row by row across the cells' wrapped
 * lines, which no parser can undo. Pure.
 */
import type { PdfPageText, PdfTextRun } from './pdfLayout'

/** Table rules read as characters: a cell border is not text. */
const RULE = /^[|¦!¡[\]]+$/

/** Each page of a TSV (Tesseract numbers pages from 1) with its words as runs, in points. */
export function tsvToPages(tsv: string, dpi: number): PdfPageText[] {
  const pt = 72 / dpi
  const pages = new Map<number, PdfTextRun[]>()
  const sizes = new Map<number, { width: number; height: number }>()
  const lineBoxes = new Map<string, { bottom: number; height: number }>()
  for (const row of tsv.split('\n')) {
    const f = row.split('\t')
    if (f.length < 12 || !/^\d+$/.test(f[0] ?? '')) continue
    const [level, page, block, par, line, , left, top, width, height] = f.slice(0, 10).map(Number) as number[]
    const key = `${page}.${block}.${par}.${line}`
    // Level 1 is the page: its size turns word boxes into fractions of the page.
    if (level === 1) sizes.set(page ?? 1, { width: (width ?? 0) * pt, height: (height ?? 0) * pt })
    // Level 4 is a text line: its box sets the baseline and size of its words (a word's own box
    // moves with its accents and descenders, which would scatter one line's words over two).
    if (level === 4) lineBoxes.set(key, { bottom: (top ?? 0) + (height ?? 0), height: height ?? 0 })
    const text = f.slice(11).join('\t').trim()
    if (level !== 5 || text === '' || RULE.test(text)) continue
    const box = lineBoxes.get(key) ?? { bottom: (top ?? 0) + (height ?? 0), height: height ?? 0 }
    const runs = pages.get(page ?? 1) ?? []
    runs.push({
      text,
      x: (left ?? 0) * pt,
      y: box.bottom * pt,
      width: (width ?? 0) * pt,
      size: box.height * pt * 0.8,
      height: box.height * pt,
    })
    pages.set(page ?? 1, runs)
    if (!sizes.has(page ?? 1)) sizes.set(page ?? 1, { width: 0, height: 0 })
  }
  return [...pages.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([no, runs]) => {
      const size = sizes.get(no)
      return size && size.width > 0 && size.height > 0 ? { runs, ...size } : { runs }
    })
}
