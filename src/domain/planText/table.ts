/**
 * Appendix tables exported as tab-separated lines whose cells hold `<p>` HTML. Two kinds of broken
 * rows are repaired:
 * - a row split across lines at a page break comes back as a *continuation row*: first cell empty
 *   and only the content cell (or other cells) filled, with no unit/date/result → its cells are
 *   appended to the previous row's;
 * - a cell containing a line break splits the row into lines with too few tabs → lines are merged
 *   until the row has as many cells as the header.
 */
import { cleanText, foldVi, htmlToText } from './normalize'
import type { Line } from './lines'

export type Column = 'stt' | 'content' | 'lead' | 'coordinating' | 'timeframe' | 'result' | 'note' | 'other'

export interface TableRow {
  /** STT as written ("1"), '' when the row has none. */
  stt: string
  cells: Partial<Record<Column, string>>
  line: number
}

export interface ParsedTable {
  headerLine: number
  columns: Column[]
  rows: TableRow[]
  /** Lines the table occupies (header, rows, separators), so paragraphs skip them. */
  lines: Set<number>
  notes: Array<{ line: number; message: string; source: string }>
}

function columnOf(header: string): Column {
  const h = foldVi(htmlToText(header)).replace(/\s+/g, ' ').trim()
  if (/^(stt|tt|so tt|so thu tu)\.?$/.test(h)) return 'stt'
  if (/thoi gian|thoi han|tien do|hoan thanh|moc/.test(h)) return 'timeframe'
  if (/phoi hop/.test(h)) return 'coordinating'
  if (/^(noi dung|nhiem vu|ten nhiem vu|hoat dong|cong viec)/.test(h)) return 'content'
  if (/don vi|co quan|chu tri|thuc hien|phu trach/.test(h)) return 'lead'
  if (/ket qua|san pham|chi tieu/.test(h)) return 'result'
  if (/ghi chu/.test(h)) return 'note'
  if (/noi dung|nhiem vu|hoat dong|cong viec/.test(h)) return 'content'
  return 'other'
}

function isHeader(line: string): Column[] | null {
  if (!line.includes('\t')) return null
  const cols = line.split('\t').map(columnOf)
  const known = cols.filter((c) => c !== 'other').length
  if (!cols.includes('content') || known < 2) return null
  return cols
}

const SEPARATOR = /^[\s\-–—=|:_*]*$/

/** All tables with a recognisable header row ("STT | Nội dung | Đơn vị … | Thời gian … | Kết quả"). */
export function parseTables(lines: readonly Line[]): ParsedTable[] {
  const tables: ParsedTable[] = []
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i]
    const columns = header ? isHeader(header.text) : null
    if (!header || !columns) continue
    const table = readTable(lines, i, columns)
    tables.push(table)
    // Line numbers are 1-based; carry on with the first line after the table. (A loop, not
    // Math.max(...spread): a huge table would overflow the argument stack.)
    for (const no of table.lines) if (no - 1 > i) i = no - 1
  }
  return tables
}

interface RawRow {
  cells: string[]
  line: number
  lineCount: number
}

function readTable(lines: readonly Line[], headerIndex: number, columns: Column[]): ParsedTable {
  const header = lines[headerIndex]
  const used = new Set<number>(header ? [header.no] : [])
  const notes: ParsedTable['notes'] = []
  const raw: RawRow[] = []
  let pending: RawRow | null = null
  const complete = (r: RawRow): boolean => r.cells.length >= columns.length
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const l = lines[i]
    if (!l) break
    const hasTab = l.text.includes('\t')
    if (!hasTab && l.text.trim() === '') {
      used.add(l.no)
      continue
    }
    if (hasTab && SEPARATOR.test(l.text)) {
      used.add(l.no)
      continue
    }
    if (!hasTab && !pending) break
    used.add(l.no)
    const cells = l.text.split('\t')
    if (pending) {
      // The previous line ended inside a cell: its last cell goes on with this line's first.
      const last = pending.cells.length - 1
      pending.cells[last] = `${pending.cells[last] ?? ''}\n${cells[0] ?? ''}`
      pending.cells.push(...cells.slice(1))
      pending.lineCount++
    } else {
      pending = { cells, line: l.no, lineCount: 1 }
    }
    if (complete(pending) || pending.lineCount > 30) {
      if (!complete(pending)) {
        notes.push({
          line: pending.line,
          message: 'table row has fewer cells than the header',
          source: pending.cells.join(' | '),
        })
      }
      raw.push(pending)
      pending = null
    }
  }
  if (pending) {
    notes.push({
      line: pending.line,
      message: 'table row has fewer cells than the header',
      source: pending.cells.join(' | '),
    })
    raw.push(pending)
  }
  return { headerLine: header?.no ?? 0, columns, rows: assembleRows(raw, columns, notes), lines: used, notes }
}

function toRow(r: RawRow, columns: Column[], notes: ParsedTable['notes']): TableRow {
  const cells: Partial<Record<Column, string>> = {}
  let stt = ''
  const extra = r.cells.slice(columns.length).filter((c) => c.trim() !== '')
  if (extra.length > 0) {
    notes.push({
      line: r.line,
      message: 'table row has more cells than the header; extra cells added to the last column',
      source: extra.join(' | '),
    })
  }
  columns.forEach((col, i) => {
    let value = r.cells[i] ?? ''
    if (i === columns.length - 1 && extra.length > 0) value = [value, ...extra].join('\n')
    const text = htmlToText(value)
    if (col === 'stt') stt = text.replace(/[.)]+$/, '').trim()
    else if (text) cells[col] = cells[col] ? `${cells[col]}\n${text}` : text
  })
  return { stt, cells, line: r.line }
}

function appendText(prev: string | undefined, next: string): string {
  if (!prev) return next
  // A new bullet, or a finished sentence, starts a new line; a word cut by the page break does not.
  const newLine = /^[-–+•]/.test(next) || /[.;:!?]$/.test(prev)
  return cleanText(`${prev}${newLine ? '\n' : ' '}${next}`)
}

/** The next row's content starts in lower case after content that ended mid-sentence. */
function continuesSentence(prev: string | undefined, next: string | undefined): boolean {
  if (!prev || !next) return false
  return /^\p{Ll}/u.test(next.trim()) && !/[.;:!?]$/.test(prev.trim())
}

function assembleRows(raw: RawRow[], columns: Column[], notes: ParsedTable['notes']): TableRow[] {
  const rows: TableRow[] = []
  for (const r of raw) {
    const row = toRow(r, columns, notes)
    const prev = rows[rows.length - 1]
    const filled = Object.keys(row.cells).filter((k) => k !== 'content')
    if (row.stt === '' && prev && filled.length === 0) {
      if (row.cells.content) prev.cells.content = appendText(prev.cells.content, row.cells.content)
      continue
    }
    if (row.stt === '' && !row.cells.content && prev && !row.cells.timeframe) {
      // Only unit/result text on its own line: the tail of the previous row's cells.
      for (const [k, v] of Object.entries(row.cells) as Array<[Column, string]>)
        prev.cells[k] = appendText(prev.cells[k], v)
      continue
    }
    if (row.stt === '' && prev && continuesSentence(prev.cells.content, row.cells.content)) {
      // A row cut by a page break with text in several cells ("Sản xuất sản | Trung tâm" at the
      // foot of one page, "phẩm đa phương tiện… | Truyền thông Y tế" at the top of the next):
      // its content goes on mid-sentence, which a task of its own never does.
      for (const [k, v] of Object.entries(row.cells) as Array<[Column, string]>)
        prev.cells[k] = appendText(prev.cells[k], v)
      continue
    }
    if (row.stt === '' && Object.keys(row.cells).length === 0) continue
    rows.push(row)
  }
  return rows
}
