/**
 * A PDF's positioned text runs → plan text in the shape the parser reads (the same shape as a
 * .docx: see docxHtml.ts). Body text comes out line by line in reading order, with a blank line
 * where the vertical gap shows a new paragraph (lines.ts rejoins hard-wrapped lines); a body set
 * with first-line indents comes out a paragraph per line, joined here by the indents. An appendix
 * table ("STT | Nội dung … | Đơn vị …") comes out one row per line with its cells separated by
 * tabs and a cell's paragraphs as `<p>…</p>`: a PDF draws a cell that wraps as several visual
 * lines, so rows are rebuilt from the columns (white gaps through the table's text) and the
 * vertical gaps between rows. Pure: no PDF library here, the caller extracts the runs.
 */
import { foldVi } from '../planText/normalize'

export interface PdfTextRun {
  text: string
  /** Left edge, in points from the page's left. */
  x: number
  /** Baseline, in points from the page's top (down is larger). */
  y: number
  width: number
  /** Font size in points. */
  size: number
  /** Height of the run's box above the baseline, in points (OCR gives it; else the font size). */
  height?: number
}

export interface PdfPageText {
  runs: PdfTextRun[]
  /** The page's size in points, when known: boxes are then given as fractions of the page. */
  width?: number
  height?: number
}

/**
 * Where a line of the plan text was read on its page: the page's index (0-based) and the box,
 * as fractions of the page's width and height (0–1, from the top left).
 */
export interface LineBox {
  page: number
  x: number
  y: number
  w: number
  h: number
}

/** Plan text and, per line of it (index 0 is line 1), where it was read; null for a blank line. */
export interface PlanLayout {
  text: string
  boxes: Array<LineBox | null>
}

/** A box in points on one page, before it is turned into fractions. */
interface PtBox {
  page: number
  left: number
  top: number
  right: number
  bottom: number
}

function unionBox(a: PtBox | null, b: PtBox | null): PtBox | null {
  if (!a) return b
  if (!b || a.page !== b.page) return a
  return {
    page: a.page,
    left: Math.min(a.left, b.left),
    top: Math.min(a.top, b.top),
    right: Math.max(a.right, b.right),
    bottom: Math.max(a.bottom, b.bottom),
  }
}

interface Segment {
  text: string
  x: number
  end: number
}

interface VisualLine {
  y: number
  size: number
  page: number
  segments: Segment[]
  box: PtBox
}

/** Runs whose baselines differ by less than this share a line (table cells are top-aligned). */
const SAME_LINE = 0.45
/** A horizontal gap wider than this many font sizes separates two cells (or columns). */
const CELL_GAP = 0.5

function joinRuns(a: string, b: string, gap: number, size: number): string {
  if (/\s$/.test(a) || /^\s/.test(b) || gap < size * 0.15) return a + b
  return `${a} ${b}`
}

function pageLines(page: PdfPageText, pageNo: number): VisualLine[] {
  const runs = page.runs.filter((r) => r.text.trim() !== '').sort((a, b) => a.y - b.y || a.x - b.x)
  const lines: Array<{ y: number; size: number; runs: PdfTextRun[] }> = []
  for (const run of runs) {
    const line = lines.find((l) => Math.abs(l.y - run.y) <= SAME_LINE * Math.min(l.size, run.size))
    if (line) {
      line.runs.push(run)
      line.size = Math.max(line.size, run.size)
    } else lines.push({ y: run.y, size: run.size, runs: [run] })
  }
  lines.sort((a, b) => a.y - b.y)
  return lines.map((l) => {
    const sorted = l.runs.sort((a, b) => a.x - b.x)
    const segments: Segment[] = []
    for (const run of sorted) {
      const last = segments[segments.length - 1]
      const gap = last ? run.x - last.end : Infinity
      if (last && gap <= CELL_GAP * l.size) {
        last.text = joinRuns(last.text, run.text, gap, run.size)
        last.end = Math.max(last.end, run.x + run.width)
      } else segments.push({ text: run.text, x: run.x, end: run.x + run.width })
    }
    for (const s of segments) s.text = s.text.replace(/\s+/g, ' ').trim()
    const box: PtBox = {
      page: pageNo,
      left: Math.min(...l.runs.map((r) => r.x)),
      top: Math.min(...l.runs.map((r) => r.y - (r.height ?? r.size))),
      right: Math.max(...l.runs.map((r) => r.x + r.width)),
      // Descenders: a fifth of the size below the baseline; an OCR line's box already holds them.
      bottom: l.y + (l.runs.every((r) => r.height !== undefined) ? 0 : l.size * 0.2),
    }
    return { y: l.y, size: l.size, page: pageNo, segments, box }
  })
}

const lineText = (l: VisualLine) => l.segments.map((s) => s.text).join(' ')

/** A page number alone on its line: page furniture, not plan text. */
const isPageNumber = (l: VisualLine) => l.segments.length === 1 && /^[-–\s]*\d{1,4}[-–\s]*$/.test(lineText(l))

const STT = /^(stt|tt|so tt)\.?$/
const CONTENT = /noi dung|nhiem vu|hoat dong|cong viec/
/** What starts a numbered row in the STT column: "1", "2.", "1.3", "II", "a)". */
const ROW_NUMBER = /^(\d{1,3}(\.\d{1,3})*\.?|[IVX]{1,6}\.?|[a-zđ]\))$/

function isTableHeader(lines: readonly VisualLine[], i: number): boolean {
  const line = lines[i]
  if (!line || line.segments.length < 3) return false
  if (!line.segments.some((s) => STT.test(foldVi(s.text).trim()))) return false
  const around = lines
    .slice(i, i + 3)
    .map((l) => foldVi(lineText(l)))
    .join(' ')
  return CONTENT.test(around)
}

/**
 * Column boundaries: the white gaps that run through the table's lines. Lines with one segment
 * take part too (a wrapped cell's tail), but a gap narrower than a third of the font size is a
 * word space, not a column rule.
 */
function columnStarts(lines: readonly VisualLine[]): number[] {
  const spans = lines.flatMap((l) => l.segments.map((s) => [s.x, s.end] as const)).sort((a, b) => a[0] - b[0])
  const size = lines[0]?.size ?? 10
  const starts: number[] = []
  let end = -Infinity
  for (const [x, e] of spans) {
    if (x > end + size / 3) starts.push(x)
    end = Math.max(end, e)
  }
  return starts
}

function columnOf(starts: readonly number[], x: number): number {
  let col = 0
  for (let c = 0; c < starts.length; c++) if ((starts[c] ?? Infinity) <= x + 0.5) col = c
  return col
}

interface Cell {
  paragraphs: string[]
  /** Where the cell's last line ended, to tell a wrap from a paragraph break. */
  lastEnd: number
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * A cell's next line: a bullet starts a paragraph, and so does a line whose first word would have
 * fitted at the end of the line before (the writer broke the line, not the column's width).
 */
function addToCell(cell: Cell, seg: Segment, right: number): void {
  const last = cell.paragraphs[cell.paragraphs.length - 1]
  const charWidth = (seg.end - seg.x) / Math.max(1, seg.text.length)
  const firstWord = (seg.text.split(' ')[0] ?? '').length * charWidth
  const fitted = cell.lastEnd + charWidth + firstWord < right - charWidth / 2
  cell.lastEnd = seg.end
  if (last === undefined || /^[-–+•]/.test(seg.text) || fitted) cell.paragraphs.push(seg.text)
  // A line broken after "/" or a hyphen ("infographic/ tháng") closes up.
  else cell.paragraphs[cell.paragraphs.length - 1] = /[/-]$/.test(last) ? last + seg.text : `${last} ${seg.text}`
}

function cellText(cell: Cell | undefined): string {
  if (!cell || cell.paragraphs.length === 0) return ''
  if (cell.paragraphs.length === 1) return cell.paragraphs[0] ?? ''
  return cell.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join(' ')
}

/**
 * The text's leading: the lower quartile of the gaps between consecutive baselines on a page (most
 * gaps are within a paragraph; the rest are paragraph and row spacing).
 */
function leading(lines: readonly VisualLine[]): number {
  const gaps: number[] = []
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]
    const b = lines[i]
    if (a && b && a.page === b.page && b.y > a.y) gaps.push(b.y - a.y)
  }
  gaps.sort((p, q) => p - q)
  return gaps[Math.floor(gaps.length / 4)] ?? 14
}

/** Where the table ends: a line that starts left of the second column and is not a row number. */
function tableEnd(lines: readonly VisualLine[], from: number, starts: readonly number[]): number {
  const second = starts[1] ?? Infinity
  let i = from
  for (; i < lines.length; i++) {
    const l = lines[i]
    const first = l?.segments[0]
    if (!l || !first) break
    if (isPageNumber(l)) continue
    if (first.x < second - 0.5 && l.segments.length === 1 && !ROW_NUMBER.test(first.text)) break
  }
  return i
}

/**
 * The first lines of a table, to find its columns: up to 12 from the header, stopping at a line
 * that starts under the header's first cell (STT) with something other than a row number, which is
 * a paragraph after the table (the STT column holds nothing else).
 */
function tableProbe(lines: readonly VisualLine[], header: number): VisualLine[] {
  const stt = lines[header]?.segments[0]
  const out: VisualLine[] = []
  for (let i = header; i < Math.min(lines.length, header + 12); i++) {
    const l = lines[i]
    const first = l?.segments[0]
    if (!l || !first) break
    if (i > header && stt && first.x < stt.end && !ROW_NUMBER.test(first.text)) break
    out.push(l)
  }
  return out
}

function tableRows(
  lines: readonly VisualLine[],
  starts: readonly number[],
): Array<{ text: string; box: PtBox | null }> {
  const lead = leading(lines)
  // A column's right edge: the furthest any of its lines reaches. Not counted: a run that crosses
  // into the next column, or has no letter or digit (OCR reads a table's rules as "____" or "|",
  // which would set the edge so far right that every wrapped line looked like a new paragraph).
  const rights = starts.map(() => -Infinity)
  for (const l of lines)
    for (const s of l.segments) {
      const col = columnOf(starts, s.x)
      if (s.end > (starts[col + 1] ?? Infinity) || !/[\p{L}\d]/u.test(s.text)) continue
      rights[col] = Math.max(rights[col] ?? -Infinity, s.end)
    }
  const rows: Cell[][] = []
  const rowBoxes: Array<PtBox | null> = []
  let row: Cell[] | null = null
  let prev: VisualLine | null = null
  let header = true
  for (const l of lines) {
    if (isPageNumber(l)) continue
    const first = l.segments[0]
    const numbered = first !== undefined && columnOf(starts, first.x) === 0 && ROW_NUMBER.test(first.text)
    const gapped = prev !== null && (prev.page !== l.page || l.y - prev.y > lead * 1.3)
    if (header && numbered) header = false
    if (!row || (!header && (numbered || gapped))) {
      row = starts.map(() => ({ paragraphs: [], lastEnd: 0 }))
      rows.push(row)
      rowBoxes.push(null)
    }
    // A row cut by a page break keeps the box of its first page (a crop shows one page).
    rowBoxes[rowBoxes.length - 1] = unionBox(rowBoxes[rowBoxes.length - 1] ?? null, l.box)
    // Words of one cell on one line (OCR gives a run per word) are one piece of that cell.
    const pieces = new Map<number, Segment>()
    for (const s of l.segments) {
      const col = columnOf(starts, s.x)
      const piece = pieces.get(col)
      if (piece) {
        piece.text = `${piece.text} ${s.text}`
        piece.end = s.end
      } else pieces.set(col, { ...s })
    }
    for (const [col, piece] of pieces) {
      const cell = row[col]
      if (cell) addToCell(cell, piece, rights[col] ?? Infinity)
    }
    prev = l
  }
  return rows.map((r, i) => ({
    // The header's cells are words wrapped in a narrow column: one paragraph each.
    text: i === 0 ? r.map((c) => c.paragraphs.join(' ')).join('\t') : r.map(cellText).join('\t'),
    box: rowBoxes[i] ?? null,
  }))
}

/** Plan text of a PDF's pages (see the file comment). */
export function pdfPagesToPlanText(pages: readonly PdfPageText[]): string {
  return pdfPagesToPlanLayout(pages).text
}

function toFractions(box: PtBox | null, pages: readonly PdfPageText[]): LineBox | null {
  const page = box ? pages[box.page] : undefined
  if (!box || !page?.width || !page.height) return null
  const clamp = (v: number) => Math.min(1, Math.max(0, v))
  const x = clamp(box.left / page.width)
  const y = clamp(box.top / page.height)
  return { page: box.page, x, y, w: clamp(box.right / page.width) - x, h: clamp(box.bottom / page.height) - y }
}

/** Each page's left margin: where most of its lines start (the lower quartile of line starts). */
interface Indents {
  margins: Map<number, number>
}

const lineStart = (l: VisualLine) => l.segments[0]?.x ?? 0
/** "1.", "a)", "II.", "-": a line opening with a marker starts its own item wherever it sits. */
const OPENS_ITEM = /^(?:\d{1,2}(?:\.\d{1,2})*[.)]|[IVX]{1,6}\.|[a-zđ]\)|[-–+•])\s/u

/**
 * Whether the body is set with first-line indents (an administrative document's paragraphs start
 * 1 cm in): then the indent, not the line's length, tells a new paragraph from a wrapped line.
 * Taken as so when at least a fifth of the lines start one to four font sizes right of their
 * page's margin and at least a third start at it; null otherwise (the text stays line by line).
 */
function firstLineIndents(lines: readonly VisualLine[]): Indents | null {
  const margins = new Map<number, number>()
  for (const page of new Set(lines.map((l) => l.page))) {
    const starts = lines
      .filter((l) => l.page === page)
      .map(lineStart)
      .sort((a, b) => a - b)
    margins.set(page, starts[Math.floor(starts.length / 4)] ?? 0)
  }
  let indented = 0
  let atMargin = 0
  for (const l of lines) {
    const offset = lineStart(l) - (margins.get(l.page) ?? 0)
    if (Math.abs(offset) < l.size * 0.5) atMargin += 1
    else if (offset >= l.size * 1 && offset <= l.size * 4) indented += 1
  }
  return lines.length >= 8 && indented >= lines.length / 5 && atMargin >= lines.length / 3 ? { margins } : null
}

/** A line at the margin, right under a line of the same paragraph (or atop the next page). */
function continuesParagraph(prev: VisualLine, l: VisualLine, indents: Indents, lead: number): boolean {
  const offset = lineStart(l) - (indents.margins.get(l.page) ?? 0)
  if (Math.abs(offset) >= l.size * 0.5 || OPENS_ITEM.test(lineText(l))) return false
  const prevOffset = lineStart(prev) - (indents.margins.get(prev.page) ?? 0)
  // A centred heading line is no paragraph's first line.
  if (prevOffset > prev.size * 4) return false
  if (prev.page !== l.page) return l.page === prev.page + 1
  return l.y - prev.y <= lead * 1.3
}

/**
 * Plan text of a PDF's pages and, for each of its lines, the box it was read from (a table row:
 * the box of all its visual lines), so that a field can be shown next to the page region it came
 * from. Boxes are null when the pages' sizes are unknown.
 */
export function pdfPagesToPlanLayout(pages: readonly PdfPageText[]): PlanLayout {
  const lines = pages.flatMap((p, i) => pageLines(p, i))
  const lead = leading(lines)
  const indents = firstLineIndents(lines)
  const out: string[] = []
  const boxes: Array<PtBox | null> = []
  const push = (text: string, box: PtBox | null) => {
    out.push(text)
    boxes.push(box)
  }
  let prev: VisualLine | null = null
  for (let i = 0; i < lines.length;) {
    const l = lines[i]
    if (!l) break
    if (isTableHeader(lines, i)) {
      const starts = columnStarts(tableProbe(lines, i).filter((x) => !isPageNumber(x)))
      const end = tableEnd(lines, i + 1, starts)
      if (out.length > 0) push('', null)
      for (const row of tableRows(lines.slice(i, end), starts)) push(row.text, row.box)
      push('', null)
      prev = null
      i = end
      continue
    }
    if (!isPageNumber(l)) {
      const last = out.length - 1
      if (indents && prev && out[last] && continuesParagraph(prev, l, indents, lead)) {
        // Set with first-line indents: a line at the margin goes on with the paragraph above.
        const before = out[last] ?? ''
        out[last] =
          /\S-$/.test(before) && /^[A-ZĐ0-9]/.test(lineText(l)) ? before + lineText(l) : `${before} ${lineText(l)}`
        boxes[last] = unionBox(boxes[last] ?? null, l.box)
      } else {
        if (prev && prev.page === l.page && l.y - prev.y > lead * 1.6 && out[last] !== '') push('', null)
        push(lineText(l), l.box)
      }
      prev = l
    }
    i++
  }
  // Trimmed as one text: blank lines at either end go, the numbering of the others stays.
  while (out.length > 0 && (out[0] ?? '').trim() === '') {
    out.shift()
    boxes.shift()
  }
  while (out.length > 0 && (out[out.length - 1] ?? '').trim() === '') {
    out.pop()
    boxes.pop()
  }
  return { text: out.join('\n').trim(), boxes: boxes.map((b) => toFractions(b, pages)) }
}
