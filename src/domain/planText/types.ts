/**
 * The structured draft that `parsePlanText` makes from a plan document. It is a *draft*: a manager
 * reviews it before anything is stored, so every field may be null/empty and everything the parser
 * could not understand is reported in `warnings` rather than guessed silently.
 *
 * Dates are calendar days written `YYYY-MM-DD` (Asia/Ho_Chi_Minh, as everywhere in the domain).
 */

/** A unit or channel as the caller knows it (ids come from the database; the parser never invents them). */
export interface CatalogEntry {
  id: string
  name: string
  aliases?: string[]
}

export interface PlanTextOptions {
  channels?: CatalogEntry[]
  units?: CatalogEntry[]
  /** Year for dates written without one ("30/8"); defaults to the document's issue year. */
  referenceYear?: number
}

/**
 * A name from the text resolved against a catalog. `id` is null when nothing in the catalog matched
 * (or no catalog was given); `name` is then the cleaned raw text, so the reviewer still sees it.
 */
export interface CatalogRef {
  id: string | null
  name: string
  raw: string
}

export type ContentType = 'article' | 'infographic' | 'video'
export type Period = 'month' | 'quarter' | 'year'

export type Timeframe =
  | { kind: 'deadline'; date: string; from?: string }
  | { kind: 'recurring'; period?: Period; fromYear?: number }
  | { kind: 'byYear'; year: number }

/** "20 tin bài trên Cổng TTĐT, …": a quantity of content items on a set of channels. */
export interface ContentTargetDraft {
  kind: 'content'
  quantity: number
  types: ContentType[]
  /** The words as written ("tin bài", "Infographic", "tin bai"), one per type mention. */
  words: string[]
  channels: CatalogRef[]
  /** 'perChannel' only when the text says so ("mỗi kênh"); the plans' default reading is pooled. */
  mode: 'pooled' | 'perChannel'
  /** Set when the quantity is per period ("02 video/tháng"). */
  period: Period | null
  from: string | null
  deadline: string | null
  source: string
}

/** "ít nhất 80% người dân …": measured outside the CMS, progress entered by a manager. */
export interface IndicatorTargetDraft {
  kind: 'indicator'
  value: number
  unit: '%'
  /** "ít nhất", "tối thiểu", "không dưới", "trên" */
  atLeast: boolean
  description: string
  year: number | null
  source: string
}

/** "Báo cáo thực hiện nhiệm vụ": a document to produce. */
export interface DeliverableTargetDraft {
  kind: 'deliverable'
  title: string
  dueDate: string | null
  source: string
}

export type TargetDraft = ContentTargetDraft | IndicatorTargetDraft | DeliverableTargetDraft

/** A content format named without a quantity ("Sản xuất tin bài, ảnh, infographic …"). */
export interface FormatMention {
  word: string
  type: ContentType
}

export interface TaskDraft {
  /** Appendix STT ("3") or outline path ("III.1.a", bullets numbered in order: "III.1.a.2"). */
  code: string
  /** True when the source gave no number and the parser numbered the task itself. */
  codeInferred: boolean
  groupCode: string | null
  content: string
  leadUnits: CatalogRef[]
  coordinatingUnits: CatalogRef[]
  timeframe: Timeframe | null
  /** The timeframe as written, for the reviewer. */
  timeframeText: string | null
  expectedResult: string | null
  targets: TargetDraft[]
  formats: FormatMention[]
  line: number
  origin: 'table' | 'outline'
}

export interface TaskGroupDraft {
  code: string
  title: string
  leadUnits: CatalogRef[]
  coordinatingUnits: CatalogRef[]
  timeframe: Timeframe | null
  taskCodes: string[]
  line: number
}

export interface BasisDocument {
  /** "Nghị định", "Kế hoạch", "Luật" … as written; null when no known kind starts the reference. */
  kind: string | null
  code: string | null
  date: string | null
  /** The reference as written, without "Căn cứ"/"Thực hiện" and the trailing punctuation. */
  title: string
  /** "Căn cứ …" → basedOn; "Thực hiện …" (the plan it carries out) → implements. */
  relation: 'basedOn' | 'implements'
  line: number
}

export interface PlanPeriod {
  from: string | null
  to: string | null
  source: string
}

export type ReportingRule =
  | {
      kind: 'monthly'
      day: number
      recipient: string | null
      /** Reporting to the unit's own leadership (Lãnh đạo Sở/Bộ, Giám đốc) rather than upwards. */
      internal: boolean
      source: string
      line: number
    }
  | {
      kind: 'fixedDates'
      dates: Array<{ day: number; month: number }>
      /** "hằng năm": the same dates every year. */
      yearly: boolean
      recipient: string | null
      internal: boolean
      source: string
      line: number
    }

export interface KeyDay {
  day: number
  month: number
  name: string
  line: number
}

/** A numbered content theme ("II. NỘI DUNG TUYÊN TRUYỀN  1. …"). */
export interface ThemeDraft {
  code: string
  text: string
  line: number
}

/** A plan-level objective ("II. MỤC TIÊU  2. a) Năm 2025  - 100% …"). */
export interface ObjectiveDraft {
  code: string
  year: number | null
  text: string
  targets: TargetDraft[]
  line: number
}

export type WarningKind =
  | 'blankNumber'
  | 'noTitle'
  | 'noTasks'
  | 'textEndsEarly'
  | 'announcedCountMismatch'
  | 'rowWithoutNumber'
  | 'rowShape'
  | 'unknownTimeframe'
  | 'invalidDate'
  | 'dateWithoutYear'
  | 'unknownChannel'
  | 'unknownUnit'
  | 'internalError'
  | 'approximate'

export interface ParseWarning {
  kind: WarningKind
  message: string
  /** 1-based line in the input, when the note is about one place. */
  line: number | null
  source: string | null
  /**
   * Numbers a note without a source line needs in another language: `rows` and `range` for rows
   * numbered in order, `more` for notes of a kind left out. The message itself stays English.
   */
  vars?: { rows?: number; range?: string; more?: number }
}

/** A field of the draft that can be read approximately from OCR text. */
export type ApproximateField =
  'code' | 'issuer' | 'issueDate' | 'title' | 'basis' | 'period' | 'reporting' | 'keyDays' | 'tasks' | 'objectives'

export interface PlanDraft {
  /**
   * The plan's own number ("1169/QĐ-TTg"). Null when the document has none or leaves it blank
   * ("Số: /QĐ-BKHHCN", a draft awaiting its number): the number of the plan it implements is never
   * substituted, because storing it as this plan's code would collide with that plan. See
   * `implementsCode` and the `blankNumber` warning instead.
   */
  code: string | null
  /** "Số: /QĐ-BKHHCN": the number is left blank; the text after the slash is kept here. */
  blankNumberSuffix: string | null
  /** The plan/programme this one carries out ("thực hiện Kế hoạch số 02-KH/BCĐTW"). */
  implementsCode: string | null
  title: string | null
  issuer: string | null
  issueDate: string | null
  basis: BasisDocument[]
  period: PlanPeriod | null
  reporting: ReportingRule[]
  keyDays: KeyDay[]
  themes: ThemeDraft[]
  objectives: ObjectiveDraft[]
  taskGroups: TaskGroupDraft[]
  tasks: TaskDraft[]
  warnings: ParseWarning[]
  /**
   * Fields read only after repairing OCR-misread words ("Cén cir" → "Căn cứ", "s6" → "số"): they
   * differ from what the text says literally, so the reviewer must check them ("cần kiểm tra").
   * Each also has an 'approximate' warning; `approximateTasks` names the tasks concerned.
   */
  approximate: ApproximateField[]
  approximateTasks: string[]
}
