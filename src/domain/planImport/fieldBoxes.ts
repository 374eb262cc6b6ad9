/**
 * Where on the scanned pages each field of a draft was read: the draft gives every value its
 * source line, the OCR layout (pdfLayout.ts) gives every line its page and box, and this joins
 * them so that the review screen can show the page region beside the field. A value that runs
 * over several lines (a wrapped title, an outline task's text) gets the box of all of them, as
 * long as they are on one page. Pure.
 */
import { matchKey } from '../planText/normalize'
import type { LineBox } from './pdfLayout'
import type { ImportDraft } from './types'

export interface FieldBoxes {
  plan: {
    code: LineBox | null
    issuer: LineBox | null
    issueDate: LineBox | null
    title: LineBox | null
    period: LineBox | null
    /** The monthly report day's line. */
    monthlyDay: LineBox | null
  }
  basisDocuments: Array<LineBox | null>
  /** Fixed report dates (each reporting day but the monthly one). */
  fixedReportDates: Array<LineBox | null>
  tasks: Array<LineBox | null>
}

/** At most this many lines are joined into one field's box. */
const MAX_SPAN = 6

/** Two boxes of one page as one; a box on another page is left out (a crop shows one page). */
export function unionLineBox(a: LineBox, b: LineBox): LineBox {
  if (a.page !== b.page) return a
  const x = Math.min(a.x, b.x)
  const y = Math.min(a.y, b.y)
  return {
    page: a.page,
    x,
    y,
    w: Math.max(a.x + a.w, b.x + b.w) - x,
    h: Math.max(a.y + a.h, b.y + b.h) - y,
  }
}

const words = (s: string): string[] => matchKey(s).split(' ').filter(Boolean)

/**
 * The box of line `line` (1-based), widened over the next lines whose words all belong to
 * `value` (the rest of a wrapped title or task text). Null without a line or a box.
 */
export function spanBox(
  boxes: ReadonlyArray<LineBox | null>,
  textLines: readonly string[],
  line: number | null | undefined,
  value?: string | null,
): LineBox | null {
  if (!line) return null
  let box = boxes[line - 1] ?? null
  if (!box || !value) return box
  const own = new Set(words(value))
  for (let no = line + 1; no < line + MAX_SPAN; no++) {
    const next = boxes[no - 1]
    const lineWords = words(textLines[no - 1] ?? '')
    if (!next || next.page !== box.page || lineWords.length === 0) break
    if (!lineWords.every((w) => own.has(w))) break
    box = unionLineBox(box, next)
  }
  return box
}

/**
 * The first line (1-based) that begins `value` with at least three of its words: where a value
 * the parser assembled over wrapped lines starts, when the draft gives no line for it.
 */
export function lineStarting(textLines: readonly string[], value: string | null | undefined): number | null {
  const want = words(value ?? '')
  for (let i = 0; i < textLines.length; i++) {
    const own = words(textLines[i] ?? '')
    if (own.length < Math.min(3, want.length) || own.length > want.length) continue
    if (own.every((w, k) => want[k] === w)) return i + 1
  }
  return null
}

/** The first line (1-based) holding all of `value`'s words in a row: a code the parser read after repairs. */
export function lineContaining(textLines: readonly string[], value: string | null | undefined): number | null {
  const want = words(value ?? '')
  if (want.length === 0) return null
  const needle = ` ${want.join(' ')} `
  const i = textLines.findIndex((l) => ` ${words(l).join(' ')} `.includes(needle))
  return i < 0 ? null : i + 1
}

/** Each header field, basis document, report date and task of `draft` with its box, read from `text`'s layout. */
export function fieldBoxes(draft: ImportDraft, text: string, boxes: ReadonlyArray<LineBox | null>): FieldBoxes {
  const textLines = text.replace(/\r\n?/g, '\n').split('\n')
  const at = (line: number | null | undefined, value?: string | null) => spanBox(boxes, textLines, line, value)
  const { plan } = draft
  const titleLine = plan.lines.title ?? lineStarting(textLines, plan.title)
  return {
    plan: {
      // "Sé 58/KH-SKHCN" gives the code only after repairs, and the draft no line: found by its words.
      code: at(plan.lines.code ?? lineContaining(textLines, plan.code)),
      issuer: at(plan.lines.issuer, plan.issuer),
      issueDate: at(plan.lines.issueDate),
      title: at(titleLine, plan.title),
      // A period read from the title ("… năm 2026") has the title's line, or none.
      period: at(plan.lines.period ?? (plan.period.from ? titleLine : null)),
      monthlyDay: at(plan.lines.monthlyDay),
    },
    basisDocuments: plan.basisDocuments.map((b) => at(b.line, b.title)),
    fixedReportDates: plan.fixedReportDates.map((d) => at(d.line)),
    tasks: draft.tasks.map((t) => at(t.line, t.content)),
  }
}
