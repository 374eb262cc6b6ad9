/**
 * The HTML mammoth makes of a .docx → plan text in the shape the parser reads: one paragraph per
 * line with blank lines between, and each table row on one line with its cells separated by tabs
 * and each cell's paragraphs kept as `<p>…</p>` (the shape plan documents are exported in). Merged
 * cells are spread back over the grid so every row keeps the header's columns. Pure.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return ENTITIES[name.toLowerCase()] ?? whole
  })
}

interface Token {
  kind: 'open' | 'close' | 'text'
  /** Lowercase tag name for open/close. */
  name: string
  attrs: string
  text: string
}

function tokenize(html: string): Token[] {
  const out: Token[] = []
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]*)>|([^<]+)|</g
  for (const m of html.matchAll(re)) {
    if (m[4] !== undefined) out.push({ kind: 'text', name: '', attrs: '', text: m[4] })
    else if (m[2] !== undefined)
      out.push({ kind: m[1] ? 'close' : 'open', name: m[2].toLowerCase(), attrs: m[3] ?? '', text: '' })
    else out.push({ kind: 'text', name: '', attrs: '', text: '<' })
  }
  return out
}

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li'])

function span(attrs: string, name: 'colspan' | 'rowspan'): number {
  const m = new RegExp(`${name}\\s*=\\s*["']?(\\d{1,3})`, 'i').exec(attrs)
  const n = m ? Number(m[1]) : 1
  return n >= 1 && n <= 100 ? n : 1
}

const inline = (s: string) => s.replace(/\s+/g, ' ').trim()

interface Cell {
  paragraphs: string[]
  colspan: number
  rowspan: number
}

/** A table's rows → lines. Cells covered by a rowspan from above are left empty, as in the grid. */
function tableLines(rows: Cell[][]): string[] {
  const covering: number[] = []
  const lines: string[] = []
  for (const row of rows) {
    const cells: string[] = []
    let col = 0
    const next = [...row]
    while (next.length > 0 || (covering[col] ?? 0) > 0) {
      if ((covering[col] ?? 0) > 0) {
        covering[col] = (covering[col] ?? 0) - 1
        cells.push('')
        col++
        continue
      }
      const cell = next.shift()
      if (!cell) break
      const text =
        cell.paragraphs.length > 1 ? cell.paragraphs.map((p) => `<p>${p}</p>`).join(' ') : (cell.paragraphs[0] ?? '')
      for (let k = 0; k < cell.colspan; k++) {
        cells.push(k === 0 ? text : '')
        if (cell.rowspan > 1) covering[col] = cell.rowspan - 1
        col++
      }
    }
    lines.push(cells.join('\t'))
  }
  return lines
}

/** Mammoth's HTML (convertToHtml) → plan text. */
export function docxHtmlToPlanText(html: string): string {
  const blocks: string[] = []
  let text = ''
  // Lists: the kind and item counter of each open list, for "1." / "a)" / "-" markers.
  const lists: Array<{ ordered: boolean; n: number }> = []
  // Tables (mammoth nests them rarely; an inner table's text joins the outer cell).
  let tableDepth = 0
  let rows: Cell[][] = []
  let cell: Cell | null = null
  let para = ''

  const flushBlock = (prefix = '') => {
    const t = inline(decode(text))
    if (t) blocks.push(`${prefix}${t}`)
    text = ''
  }
  const flushPara = () => {
    // Cell text stays HTML-escaped: the parser decodes the cell as HTML.
    const t = inline(para)
    if (t && cell) cell.paragraphs.push(t)
    para = ''
  }
  const listMarker = (): string => {
    const list = lists[lists.length - 1]
    if (!list) return ''
    list.n++
    if (!list.ordered) return '- '
    if (lists.length === 1) return `${list.n}. `
    if (lists.length === 2) return `${String.fromCharCode(96 + Math.min(list.n, 26))}) `
    return '- '
  }

  for (const tok of tokenize(html)) {
    if (tok.kind === 'text') {
      if (tableDepth > 0) para += tok.text
      else text += tok.text
      continue
    }
    const { name } = tok
    if (tableDepth > 0) {
      if (name === 'table') {
        tableDepth += tok.kind === 'open' ? 1 : -1
        if (tableDepth === 0) {
          flushPara()
          blocks.push(tableLines(rows).join('\n'))
          rows = []
          cell = null
        }
      } else if (tableDepth === 1 && name === 'tr' && tok.kind === 'open') rows.push([])
      else if (tableDepth === 1 && (name === 'td' || name === 'th')) {
        if (tok.kind === 'open') {
          cell = { paragraphs: [], colspan: span(tok.attrs, 'colspan'), rowspan: span(tok.attrs, 'rowspan') }
          rows[rows.length - 1]?.push(cell)
        } else {
          flushPara()
          cell = null
        }
      } else if (BLOCKS.has(name) && tok.kind === 'close') flushPara()
      else if (name === 'br') para += ' '
      continue
    }
    if (name === 'table' && tok.kind === 'open') {
      flushBlock()
      tableDepth = 1
      rows = []
    } else if (name === 'ul' || name === 'ol') {
      flushBlock()
      if (tok.kind === 'open') lists.push({ ordered: name === 'ol', n: 0 })
      else lists.pop()
    } else if (name === 'li' && tok.kind === 'open') {
      flushBlock()
      text = listMarker()
    } else if (BLOCKS.has(name)) flushBlock()
    else if (name === 'br') text += '\n'
  }
  flushBlock()
  return `${blocks.join('\n\n')}\n`
}
