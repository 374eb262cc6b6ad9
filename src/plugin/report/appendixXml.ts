import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import type { ReportDocument } from '../../domain/reportDocument'

/**
 * The appendix table written as WordprocessingML text and put into the packed .docx in place of
 * a marker paragraph. A long plan's appendix has tens of thousands of cells; built as docx
 * objects they took most of the time and memory of the whole document (its serializer builds an
 * object tree per element: 5,000 items took over 5 s, mostly garbage collection, bench:document),
 * written as text they take milliseconds. The rest of the document stays with the docx package.
 */

export const APPENDIX_MARKER = '@@APPENDIX-TABLE@@'

const esc = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'))

const LINE = 'w:val="single" w:sz="6" w:space="0" w:color="000000"'

interface CellSpec {
  text: string
  width: number
  bold?: boolean
  center?: boolean
  /** 'restart' opens a cell merged down; 'continue' is its continuation below. */
  merge?: 'restart' | 'continue'
  /** Relationship id of the hyperlink the text is. */
  link?: string
}

function cellXml(c: CellSpec, style: string): string {
  const props = `<w:tcW w:w="${c.width}" w:type="dxa"/>${
    c.merge === 'restart' ? '<w:vMerge w:val="restart"/>' : c.merge === 'continue' ? '<w:vMerge/>' : ''
  }${c.merge ? '<w:vAlign w:val="center"/>' : ''}`
  const pPr = `<w:pPr><w:pStyle w:val="${style}"/>${c.center ? '<w:jc w:val="center"/>' : ''}</w:pPr>`
  if (c.merge === 'continue' || c.text === '') return `<w:tc><w:tcPr>${props}</w:tcPr><w:p>${pPr}</w:p></w:tc>`
  const run = `<w:r>${c.bold ? '<w:rPr><w:b/><w:bCs/></w:rPr>' : ''}<w:t xml:space="preserve">${esc(c.text)}</w:t></w:r>`
  const content = c.link
    ? `<w:hyperlink r:id="${c.link}" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">${esc(c.text)}</w:t></w:r></w:hyperlink>`
    : run
  return `<w:tc><w:tcPr>${props}</w:tcPr><w:p>${pPr}${content}</w:p></w:tc>`
}

/**
 * The appendix table (header row repeated on every page, one row per publication, the item's
 * own cells merged down its publications) and the hyperlink relationships its links need.
 */
export function appendixTableXml(
  doc: ReportDocument,
  widths: number[],
  options: { style: string; cellMargins: { top: number; bottom: number; left: number; right: number } },
): { xml: string; relationships: Array<{ id: string; target: string }> } {
  const w = (i: number): number => widths[i] ?? 0
  const relationships: Array<{ id: string; target: string }> = []
  const rows: string[] = []
  const header = doc.appendix.columns.map((text, i) =>
    cellXml({ text, width: w(i), bold: true, center: true }, options.style),
  )
  rows.push(`<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${header.join('')}</w:tr>`)
  for (const r of doc.appendix.rows) {
    const span = Math.max(1, r.channels.length)
    for (let i = 0; i < span; i++) {
      const merge = span > 1 ? (i === 0 ? 'restart' : 'continue') : undefined
      const url = r.links[i] ?? ''
      let link: string | undefined
      if (/^https?:\/\//i.test(url)) {
        link = `rIdApx${relationships.length + 1}`
        relationships.push({ id: link, target: url })
      }
      const cells: CellSpec[] = [
        { text: r.stt, width: w(0), center: true, merge },
        { text: r.title, width: w(1), merge },
        { text: r.type, width: w(2), center: true, merge },
        { text: r.channels[i] ?? '', width: w(3) },
        { text: r.days[i] ?? '', width: w(4), center: true },
        { text: url, width: w(5), link },
        { text: r.tasks, width: w(6), center: true, merge },
      ]
      rows.push(`<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells.map((c) => cellXml(c, options.style)).join('')}</w:tr>`)
    }
  }
  const m = options.cellMargins
  const total = widths.reduce((a, b) => a + b, 0)
  const xml =
    `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/>` +
    `<w:tblBorders><w:top ${LINE}/><w:left ${LINE}/><w:bottom ${LINE}/><w:right ${LINE}/><w:insideH ${LINE}/><w:insideV ${LINE}/></w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="${m.top}" w:type="dxa"/><w:left w:w="${m.left}" w:type="dxa"/>` +
    `<w:bottom w:w="${m.bottom}" w:type="dxa"/><w:right w:w="${m.right}" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
    `<w:tblGrid>${widths.map((x) => `<w:gridCol w:w="${x}"/>`).join('')}</w:tblGrid>${rows.join('')}</w:tbl>`
  return { xml, relationships }
}

/**
 * Puts the table in place of the marker paragraph of the packed .docx and adds its hyperlink
 * relationships. Throws when the marker is not there exactly once: a document without its
 * appendix must never be sent.
 */
export function spliceAppendix(
  docx: Uint8Array,
  table: { xml: string; relationships: Array<{ id: string; target: string }> },
): Buffer {
  const files = unzipSync(docx)
  const documentXml = files['word/document.xml']
  const relsXml = files['word/_rels/document.xml.rels']
  if (!documentXml || !relsXml) throw new Error('the packed .docx has no word/document.xml or its relationships')
  const text = strFromU8(documentXml)
  const paragraph = new RegExp(`<w:p>(?:(?!<w:p>).)*?${APPENDIX_MARKER}.*?</w:p>`, 's')
  const found = text.match(new RegExp(paragraph.source, 'gs'))
  if (!found || found.length !== 1)
    throw new Error(`the appendix marker is in the document ${found?.length ?? 0} times`)
  files['word/document.xml'] = strToU8(text.replace(paragraph, () => table.xml))
  const rels = table.relationships
    .map(
      (r) =>
        `<Relationship Id="${r.id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${esc(r.target)}" TargetMode="External"/>`,
    )
    .join('')
  files['word/_rels/document.xml.rels'] = strToU8(
    strFromU8(relsXml).replace('</Relationships>', `${rels}</Relationships>`),
  )
  return Buffer.from(zipSync(files, { level: 6 }))
}
