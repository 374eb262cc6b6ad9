/**
 * The import draft: what the reviewer sees, edits and confirms. It is also the JSON the commit
 * endpoint accepts and `npm run plan:import -- draft.json` reads, so it is plain data: catalog
 * references carry the record id the name was matched to (null = the reviewer must choose) and the
 * name as the document wrote it; every value the parser found carries its 1-based source line.
 * Dates are calendar days `YYYY-MM-DD` (Asia/Ho_Chi_Minh).
 */
import type { ImportMessage } from '../i18n/messages'
import type { ApproximateField } from '../planText/types'
import type { ContentType, RecurrencePeriod } from '../slugs'

export type Id = string | number

/** A unit, channel or plan named in the document. */
export interface ImportRef {
  /** The catalog record it was matched to or the reviewer chose; null = not resolved yet. */
  id: Id | null
  /** As written in the document (or the catalog name when the reviewer picked a record). */
  name: string
  line: number | null
  /** When the name matched several records equally well: their ids, for the reviewer. */
  candidates?: Id[]
}

export interface ImportDayMonth {
  day: number
  month: number
  label: string | null
  line: number | null
}

export interface ImportBasisDocument {
  code: string | null
  date: string | null
  title: string
  line: number | null
}

export interface ImportPlan {
  code: string
  title: string
  issuer: string | null
  issueDate: string | null
  period: { from: string | null; to: string | null }
  /** Day of the monthly progress report (1–28), null for none. */
  monthlyDay: number | null
  fixedReportDates: ImportDayMonth[]
  keyDays: ImportDayMonth[]
  /** Plans already in the system this one is based on / carries out. */
  basedOn: ImportRef[]
  basisDocuments: ImportBasisDocument[]
  /** Source lines of the plan's own values. */
  lines: {
    code: number | null
    title: number | null
    issuer: number | null
    issueDate: number | null
    period: number | null
    monthlyDay: number | null
  }
}

export type ImportTimeframe =
  | { kind: 'deadline'; deadline: string | null }
  | { kind: 'recurring'; recurrence: RecurrencePeriod | null }
  | { kind: 'byYear'; year: number | null }

interface TargetBase {
  /** The words of the document the target was read from. */
  source: string | null
  line: number | null
}

export interface ImportContentTarget extends TargetBase {
  kind: 'content'
  quantity: number | null
  contentTypes: ContentType[]
  channels: ImportRef[]
  mode: 'pooled' | 'perChannel'
  windowStart: string | null
  label: string | null
}

export interface ImportDeliverableTarget extends TargetBase {
  kind: 'deliverable'
  label: string
}

export interface ImportIndicatorTarget extends TargetBase {
  kind: 'indicator'
  targetValue: number | null
  indicatorUnit: 'percent' | 'number'
  label: string | null
}

export type ImportTarget = ImportContentTarget | ImportDeliverableTarget | ImportIndicatorTarget

export interface ImportTask {
  code: string
  /** The document gave no number; the parser numbered the task. */
  codeInferred: boolean
  title: string
  content: string
  leadUnits: ImportRef[]
  coordinatingUnits: ImportRef[]
  timeframe: ImportTimeframe
  /** The timeframe as written, and its line (a field line under an outline item, or the row's). */
  timeframeText: string | null
  timeframeLine: number | null
  expectedResult: string | null
  targets: ImportTarget[]
  line: number | null
}

/** Something the reviewer should know that blocks nothing: unrecognised fragments, parts not imported. */
export interface ImportNote {
  message: ImportMessage
  /** The parser's warning kind, when the note comes from the parser. */
  kind: string | null
  line: number | null
  source: string | null
}

export interface ImportDraft {
  plan: ImportPlan
  tasks: ImportTask[]
  notes: ImportNote[]
}

/** A reason the draft cannot be saved as it is, at a field path such as `tasks[2].targets[0].quantity`. */
export interface ImportProblem {
  field: string
  message: ImportMessage
}

export interface CatalogRecord {
  id: Id
  name: string
  /** Other names it goes by (a unit's short name). */
  aliases: string[]
  /** Wins a tie between equally good matches (the home channel for a bare "Cổng TTĐT"). */
  preferred?: boolean
}

/** What names in the document are matched against: the records already in the system. */
export interface ImportCatalog {
  units: CatalogRecord[]
  channels: CatalogRecord[]
  plans: Array<{ id: Id; code: string }>
}

/** What a draft holds only because OCR-misread words were repaired: the reviewer must check it. */
export interface ImportApproximate {
  fields: Array<Exclude<ApproximateField, 'tasks'>>
  /** Indexes of the draft's tasks. */
  tasks: number[]
}
