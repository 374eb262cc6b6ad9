import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx'
import type { ReportDocument } from '../../domain/reportDocument'
import { APPENDIX_MARKER, appendixTableXml, spliceAppendix } from './appendixXml'

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/**
 * The report document (src/domain/reportDocument.ts) as a .docx, laid out as Decree
 * 30/2020/NĐ-CP (Appendix I) asks of an administrative document: A4, Times New Roman, the
 * Decree's margins, the header table without borders (issuing body left, national title and
 * motto right, each with its short rule), the number and the italic place and date line, the
 * document type and subject centred in bold, the body at 14 pt with indented first lines,
 * "Nơi nhận" and the signature block side by side, and the appendix on a landscape page.
 */

/** Twips, rounded (docx's own conversion truncates: 210 mm would be 11905, a hair short of A4). */
const mm = (n: number): number => Math.round((n * 1440) / 25.4)
const A4 = { width: mm(210), height: mm(297) }
/** Decree 30 margins: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
const MARGIN = {
  top: mm(20),
  bottom: mm(20),
  left: mm(30),
  right: mm(15),
}
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right
/** The appendix's page turned: the landscape text width. */
const LANDSCAPE_TEXT_WIDTH = A4.height - MARGIN.left - MARGIN.right
const FONT = 'Times New Roman'
/** docx sizes are half-points. */
const pt = (n: number): number => n * 2

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
}
const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' }
const CELL_MARGINS = { top: 40, bottom: 40, left: 80, right: 80 }
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE }

type RunStyle = { bold?: boolean; italics?: boolean; size?: number }

const run = (text: string, style: RunStyle = {}): TextRun =>
  new TextRun({ text, bold: style.bold, italics: style.italics, size: style.size ? pt(style.size) : undefined })

function para(text: string | ParagraphChild[], options: IParagraphOptions & RunStyle = {}): Paragraph {
  const { bold, italics, size, ...rest } = options
  const children = typeof text === 'string' ? [run(text, { bold, italics, size })] : text
  return new Paragraph({ spacing: { before: 0, after: 0 }, ...rest, children })
}

/**
 * A centred rule of `width` twips inside a cell or text block of `within` twips: the bottom
 * border of a 2 pt empty paragraph between indents, so it sits just under the line above.
 */
function rule(width: number, within: number): Paragraph {
  const side = Math.max(0, Math.round((within - width) / 2))
  return new Paragraph({
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 60, lineRule: 'exact' },
    children: [run('', { size: 2 })],
  })
}

/** A body paragraph: justified, first line indented 1.27 cm, 6 pt after (Decree 30, I.II.8.b). */
const body = (text: string, style: RunStyle = {}): Paragraph =>
  para(text, {
    ...style,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mm(12.7) },
    spacing: { before: 0, after: 120, line: 300 },
  })

/** Table text: 12 pt, no spacing (a paragraph style, so 50,000 cells do not each repeat it). */
const TABLE_TEXT = 'TableText'

/**
 * A table cell. Kept lean on purpose: a long plan's appendix has tens of thousands of cells, and
 * every property written per cell costs time in docx and bytes in the file (bench:document).
 */
function cell(
  lines: string | string[],
  options: {
    width: number
    bold?: boolean
    align?: (typeof AlignmentType)[keyof typeof AlignmentType]
    rowSpan?: number
    columnSpan?: number
    size?: number
    links?: boolean
    /** A smaller italic line under the value (what a target asks for). */
    note?: string
  },
): TableCell {
  const list = Array.isArray(lines) ? lines : [lines]
  const paragraphs = (list.length > 0 ? list : ['']).map(
    (line) =>
      new Paragraph({
        style: TABLE_TEXT,
        alignment: options.align,
        children: [
          options.links && /^https?:\/\//i.test(line)
            ? link(line, options.size)
            : new TextRun({ text: line, bold: options.bold, size: options.size ? pt(options.size) : undefined }),
        ],
      }),
  )
  if (options.note)
    paragraphs.push(para(options.note, { style: TABLE_TEXT, alignment: AlignmentType.CENTER, italics: true, size: 10 }))
  return new TableCell({
    children: paragraphs,
    width: { size: options.width, type: WidthType.DXA },
    rowSpan: options.rowSpan,
    columnSpan: options.columnSpan,
    verticalAlign: options.rowSpan || options.note ? VerticalAlignTable.CENTER : undefined,
  })
}

const link = (url: string, size: number | undefined): ExternalHyperlink =>
  new ExternalHyperlink({
    link: url,
    children: [new TextRun({ text: url, style: 'Hyperlink', size: size ? pt(size) : undefined })],
  })

/** Column widths as shares of the text width, rounded to twips and adding up to it. */
function columns(shares: number[], total: number): number[] {
  const sum = shares.reduce((a, b) => a + b, 0)
  const widths = shares.map((s) => Math.floor((s / sum) * total))
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0)
  return widths
}

/**
 * The header reaches 10 mm into the left margin, as the Decree's samples do, so the national
 * title fits on one line at 12 pt beside a parent body's full name.
 */
const HEADER_OUTDENT = mm(10)

function headerTable(doc: ReportDocument): Table {
  const [left, right] = columns([40, 60], TEXT_WIDTH + HEADER_OUTDENT) as [number, number]
  const leftCell = new TableCell({
    width: { size: left, type: WidthType.DXA },
    borders: NO_BORDERS,
    children: [
      para(doc.header.parentBody, { alignment: AlignmentType.CENTER, size: 12 }),
      para(doc.header.unitName, { alignment: AlignmentType.CENTER, size: 12, bold: true }),
      rule(Math.round(left / 3), left),
      para(doc.header.number, { alignment: AlignmentType.CENTER, size: 13, spacing: { before: 120, after: 0 } }),
    ],
  })
  const rightCell = new TableCell({
    width: { size: right, type: WidthType.DXA },
    borders: NO_BORDERS,
    children: [
      para(doc.header.nation, { alignment: AlignmentType.CENTER, size: 12, bold: true }),
      para(doc.header.motto, { alignment: AlignmentType.CENTER, size: 13, bold: true }),
      // The motto's rule is as long as the motto (Decree 30, Appendix I, II.1.b).
      rule(mm(56), right),
      para(doc.header.placeDate, {
        alignment: AlignmentType.CENTER,
        size: 14,
        italics: true,
        spacing: { before: 120, after: 0 },
      }),
    ],
  })
  return new Table({
    width: { size: TEXT_WIDTH + HEADER_OUTDENT, type: WidthType.DXA },
    indent: { size: -HEADER_OUTDENT, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [leftCell, rightCell] })],
  })
}

function resultsTable(doc: ReportDocument): Table {
  const widths = columns([9, 28, 21, 8, 9, 11, 14], TEXT_WIDTH)
  const w = (i: number): number => widths[i] ?? 0
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: doc.results.columns.map((c, i) => cell(c, { width: w(i), bold: true, align: AlignmentType.CENTER })),
  })
  const rows: TableRow[] = [header]
  for (const task of doc.results.tasks) {
    const span = task.targets.length
    task.targets.forEach((t, i) => {
      const targetCells = [
        cell(t.target, { width: w(2), align: AlignmentType.CENTER, note: t.description }),
        cell(t.achieved, { width: w(3), align: AlignmentType.CENTER }),
        cell(t.percent, { width: w(4), align: AlignmentType.CENTER }),
        cell(t.status, { width: w(5), align: AlignmentType.CENTER }),
      ]
      // The task's own cells are merged down its targets' rows; docx writes the continuations.
      rows.push(
        new TableRow({
          cantSplit: true,
          children:
            i === 0
              ? [
                  cell(task.stt, { width: w(0), align: AlignmentType.CENTER, rowSpan: span }),
                  cell(task.task, { width: w(1), rowSpan: span }),
                  ...targetCells,
                  cell(task.leadUnits, { width: w(6), rowSpan: span }),
                ]
              : targetCells,
        }),
      )
    })
  }
  const totals = doc.results.totals
  if (totals) {
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          cell(totals.label, { width: w(0) + w(1), columnSpan: 2, bold: true }),
          cell(totals.target, { width: w(2), bold: true, align: AlignmentType.CENTER }),
          cell(totals.achieved, { width: w(3), bold: true, align: AlignmentType.CENTER }),
          cell(totals.percent, { width: w(4), bold: true, align: AlignmentType.CENTER }),
          cell('', { width: w(5) }),
          cell('', { width: w(6) }),
        ],
      }),
    )
  }
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID,
    margins: CELL_MARGINS,
    rows,
  })
}

/** Nơi nhận on the left, the signature on the right, in a table without borders (Decree 30, I.II.9–10). */
function closingTable(doc: ReportDocument): Table {
  const [left, right] = columns([45, 55], TEXT_WIDTH) as [number, number]
  const recipients = new TableCell({
    width: { size: left, type: WidthType.DXA },
    borders: NO_BORDERS,
    children: [
      para(doc.recipients.heading, { bold: true, italics: true, size: 12 }),
      ...doc.recipients.lines.map((line) => para(line, { size: 11 })),
    ],
  })
  const signature = new TableCell({
    width: { size: right, type: WidthType.DXA },
    borders: NO_BORDERS,
    children: [
      ...(doc.signature.authority
        ? [para(doc.signature.authority, { alignment: AlignmentType.CENTER, bold: true })]
        : []),
      para(doc.signature.title, { alignment: AlignmentType.CENTER, bold: true }),
      // Room for the signature and the seal.
      ...[1, 2, 3, 4].map(() => para('')),
      para(doc.signature.name, { alignment: AlignmentType.CENTER, bold: true }),
    ],
  })
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [recipients, signature] })],
  })
}

/** The appendix's columns: STT, title, type, channel, day, link, tasks. */
const appendixWidths = (): number[] => columns([5, 30, 9, 15, 10, 22, 9], LANDSCAPE_TEXT_WIDTH)

/** Page numbers from the second page on, centred at the top (Decree 30, I.II.11). */
const pageNumberHeader = (): { default: Header; first: Header } => ({
  default: new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: pt(13) })],
      }),
    ],
  }),
  first: new Header({ children: [] }),
})

export function reportDocxDocument(doc: ReportDocument): Document {
  const heading = (text: string): Paragraph =>
    para(text, {
      bold: true,
      indent: { firstLine: mm(12.7) },
      spacing: { before: 120, after: 120 },
    })
  const main: ISectionOptions = {
    properties: {
      titlePage: true,
      page: { size: { ...A4, orientation: PageOrientation.PORTRAIT }, margin: MARGIN },
    },
    headers: pageNumberHeader(),
    children: [
      headerTable(doc),
      para(doc.kind, { alignment: AlignmentType.CENTER, bold: true, spacing: { before: 360, after: 0 } }),
      para(doc.subject, { alignment: AlignmentType.CENTER, bold: true }),
      rule(mm(40), TEXT_WIDTH),
      para('', { spacing: { before: 0, after: 120 } }),
      body(doc.intro),
      heading(doc.results.heading),
      ...(doc.results.noTargets
        ? [body(doc.results.noTargets)]
        : [...doc.results.summary.map((line) => body(line)), resultsTable(doc), para('', { spacing: { after: 120 } })]),
      heading(doc.issues.heading),
      ...doc.issues.listed.map((line) => body(`- ${line}`)),
      ...doc.issues.text.map((line) => body(line)),
      heading(doc.directions.heading),
      ...doc.directions.listed.map((line, i) => body(i === 0 && line.endsWith(':') ? line : `- ${line}`)),
      ...doc.directions.text.map((line) => body(line)),
      para('', { spacing: { after: 240 } }),
      closingTable(doc),
    ],
  }
  const appendix: ISectionOptions = {
    headers: pageNumberHeader(),
    properties: {
      page: {
        size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
        margin: MARGIN,
      },
    },
    children: [
      para(doc.appendix.heading, { alignment: AlignmentType.CENTER, bold: true }),
      para(doc.appendix.subtitle, { alignment: AlignmentType.CENTER, italics: true, spacing: { after: 240 } }),
      // The table itself is written as text into the packed file (appendixXml.ts).
      doc.appendix.empty ? body(doc.appendix.empty) : para(APPENDIX_MARKER),
    ],
  }
  return new Document({
    creator: doc.header.unitName || 'Kế hoạch truyền thông',
    title: `${doc.kind} ${doc.subject}`,
    description: doc.subject,
    styles: {
      default: {
        document: { run: { font: FONT, size: pt(14) } },
        hyperlink: { run: { color: '0000FF', underline: {} } },
      },
      paragraphStyles: [
        {
          id: TABLE_TEXT,
          name: 'Table text',
          basedOn: 'Normal',
          quickFormat: true,
          run: { size: pt(12) },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      ],
    },
    sections: [main, appendix],
  })
}

/** The .docx file of the report document. */
export async function reportDocx(doc: ReportDocument): Promise<Buffer> {
  const packed = await Packer.toBuffer(reportDocxDocument(doc))
  if (doc.appendix.empty) return packed
  return spliceAppendix(
    packed,
    appendixTableXml(doc, appendixWidths(), { style: TABLE_TEXT, cellMargins: CELL_MARGINS }),
  )
}
