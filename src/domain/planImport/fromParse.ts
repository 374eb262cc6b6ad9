/**
 * Parser draft + the records in the system → the import draft the reviewer edits. Pure. Names are
 * matched to units, channels and plans (see match.ts); what matches nothing stays unresolved with
 * the name as written, and everything the parser could not place becomes a note.
 */
import { parsePlanText } from '../planText'
import { stripBullet } from '../planText/normalize'
import type {
  CatalogEntry,
  CatalogRef,
  ParseWarning,
  PlanDraft,
  TargetDraft,
  TaskDraft,
  Timeframe,
  WarningKind,
} from '../planText'
import type { ContentType, RecurrencePeriod } from '../slugs'
import { translate, type CatalogKey } from '../i18n/translate'
import { codeKey, matchName } from './match'
import { SourceLines } from './sourceLines'
import type {
  CatalogRecord,
  ImportBasisDocument,
  ImportCatalog,
  ImportDayMonth,
  ImportDraft,
  ImportNote,
  ImportPlan,
  ImportRef,
  ImportTarget,
  ImportTask,
  ImportTimeframe,
  ImportApproximate,
} from './types'

export interface DraftOptions {
  /** The plan's code, when the document has none (a decision awaiting its number) or to replace it. */
  code?: string
  /** Period for recurring tasks whose text names none ("Thường xuyên"). */
  recurrence?: RecurrencePeriod
}

const TYPE_OF: Record<'article' | 'infographic' | 'video', ContentType> = {
  article: 'articles',
  infographic: 'infographics',
  video: 'videos',
}

/** The catalog key of a parser warning kind's name; the type fails when a kind has none. */
const warningLabelKey = (kind: WarningKind): CatalogKey =>
  `parserWarning${kind.charAt(0).toUpperCase()}${kind.slice(1)}` as `parserWarning${Capitalize<WarningKind>}`

/**
 * A parser warning as an import note. The Vietnamese note names the kind, then the source line or
 * the warning's numbers (never the parser's English text); the English note is the parser's own
 * message. Both are kept so either language can be shown later.
 */
function parserNote(w: ParseWarning): ImportNote['message'] {
  const label = translate('vi', warningLabelKey(w.kind))
  const base = { label, message: w.message }
  if (w.vars?.more !== undefined) return { key: 'noteParserMore', vars: { ...base, count: w.vars.more } }
  if (w.vars?.rows !== undefined)
    return { key: 'noteParserRows', vars: { ...base, count: w.vars.rows, range: w.vars.range ?? '' } }
  if (w.source) return { key: 'noteParser', vars: { ...base, source: w.source } }
  return { key: 'noteParserLabel', vars: base }
}

const PERIOD_VI: Record<RecurrencePeriod, string> = { month: 'tháng', quarter: 'quý', year: 'năm' }

/** The catalog as the parser takes it (it uses the names to split "A và B" lists). */
function parserEntries(records: readonly CatalogRecord[]): CatalogEntry[] {
  return records.map((r) => ({ id: String(r.id), name: r.name, aliases: r.aliases }))
}

/** Parse plan text and build the draft in one step. */
export function draftFromText(text: string, catalog: ImportCatalog, opts: DraftOptions = {}): ImportDraft {
  return reviewFromText(text, catalog, opts).draft
}

/** The draft, and what in it was read only after repairing OCR-misread words ("cần kiểm tra"). */
export interface DraftReview {
  draft: ImportDraft
  approximate: ImportApproximate
}

/** Parse plan text: the draft and its approximate fields (tasks by their index in the draft). */
export function reviewFromText(text: string, catalog: ImportCatalog, opts: DraftOptions = {}): DraftReview {
  const parsed = parsePlanText(text, { units: parserEntries(catalog.units), channels: parserEntries(catalog.channels) })
  const approximateTasks = new Set(parsed.approximateTasks)
  return {
    draft: draftFromParse(parsed, text, catalog, opts),
    approximate: {
      fields: parsed.approximate.filter((f) => f !== 'tasks'),
      tasks: parsed.tasks.flatMap((t, i) => (approximateTasks.has(t.code) ? [i] : [])),
    },
  }
}

const MAX_TITLE = 160

/** A task's title from its content: the first sentence of its first item, shortened at a word. */
export function taskTitle(content: string): string {
  const first =
    content
      .split('\n')
      .map((l) => l.replace(/^\s*[-–—+•*·]+\s*/, '').trim())
      .find((l) => l.length > 0) ?? ''
  const sentence = /^(.{20,}?)[.;:!?](?=\s|$)/.exec(first)?.[1] ?? first.replace(/[.;:]+$/, '')
  if (sentence.length <= MAX_TITLE) return sentence
  const cut = sentence.slice(0, MAX_TITLE)
  const space = cut.lastIndexOf(' ')
  return `${(space > MAX_TITLE / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/, '')}…`
}

export function draftFromParse(
  parsed: PlanDraft,
  text: string,
  catalog: ImportCatalog,
  opts: DraftOptions = {},
): ImportDraft {
  const lines = new SourceLines(text)
  const notes: ImportNote[] = []
  const ref = (r: CatalogRef, records: readonly CatalogRecord[], from: number | null): ImportRef => {
    const written = stripBullet(r.raw) || r.name
    const m = matchName(written, records)
    return {
      id: m.id,
      name: written,
      line: lines.find(written, from ?? 1),
      ...(m.candidates ? { candidates: m.candidates } : {}),
    }
  }

  const plan = planOf(parsed, lines, catalog, notes, opts)
  const tasks = parsed.tasks.map((t) => taskOf(t, lines, catalog, notes, opts, ref))

  for (const w of parsed.warnings) {
    // Unknown units and channels are problems of the draft itself (they block the save).
    if (w.kind === 'unknownUnit' || w.kind === 'unknownChannel') continue
    notes.push({ kind: w.kind, line: w.line, source: w.source, message: parserNote(w) })
  }
  for (const o of parsed.objectives) {
    notes.push({
      kind: 'objective',
      line: o.line,
      source: o.text,
      message: { key: 'noteObjective', vars: { text: o.text } },
    })
  }
  for (const th of parsed.themes) {
    notes.push({
      kind: 'theme',
      line: th.line,
      source: th.text,
      message: { key: 'noteTheme', vars: { text: th.text } },
    })
  }
  notes.sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER))
  return { plan, tasks, notes }
}

function planOf(
  parsed: PlanDraft,
  lines: SourceLines,
  catalog: ImportCatalog,
  notes: ImportNote[],
  opts: DraftOptions,
): ImportPlan {
  const codeLine = lines.findWhere((k) => /^so\s*:/.test(k))
  const titleLine = lines.findStart(parsed.title)
  const planByCode = new Map(catalog.plans.map((p) => [codeKey(p.code), p]))
  const basedOn: ImportRef[] = []
  const basisDocuments: ImportBasisDocument[] = []
  for (const b of parsed.basis) {
    const known = b.code ? planByCode.get(codeKey(b.code)) : undefined
    if (known) {
      if (!basedOn.some((r) => r.id === known.id)) basedOn.push({ id: known.id, name: known.code, line: b.line })
    } else basisDocuments.push({ code: b.code, date: b.date, title: b.title, line: b.line })
  }
  const parent = parsed.implementsCode
  if (parent) {
    const known = planByCode.get(codeKey(parent))
    if (known && !basedOn.some((r) => r.id === known.id)) {
      basedOn.push({ id: known.id, name: known.code, line: lines.find(parent) })
    } else if (!known) {
      if (!basisDocuments.some((d) => d.code && codeKey(d.code) === codeKey(parent))) {
        basisDocuments.push({ code: parent, date: null, title: parent, line: lines.find(parent) })
      }
      notes.push({
        kind: 'implementsUnknown',
        line: lines.find(parent),
        source: parent,
        message: { key: 'noteImplementsUnknown', vars: { code: parent } },
      })
    }
  }
  const monthly = parsed.reporting.flatMap((r) => (r.kind === 'monthly' ? [r] : []))
  const mainMonthly = monthly.find((r) => !r.internal) ?? monthly[0]
  const fixedReportDates: ImportDayMonth[] = parsed.reporting.flatMap((r) =>
    r.kind === 'fixedDates'
      ? r.dates.map((d) => ({
          day: d.day,
          month: d.month,
          label: r.recipient ? `Gửi ${r.recipient}` : r.internal ? 'Báo cáo nội bộ' : null,
          line: r.line,
        }))
      : [],
  )
  return {
    code: (opts.code ?? parsed.code ?? '').trim(),
    title: planTitle(parsed.title, titleLine, lines),
    issuer: parsed.issuer,
    issueDate: parsed.issueDate,
    period: { from: parsed.period?.from ?? null, to: parsed.period?.to ?? null },
    monthlyDay: mainMonthly?.day ?? null,
    fixedReportDates,
    keyDays: parsed.keyDays.map((k) => ({ day: k.day, month: k.month, label: k.name, line: k.line })),
    basedOn,
    basisDocuments,
    lines: {
      code: opts.code ? null : codeLine,
      title: titleLine,
      issuer: lines.find(parsed.issuer),
      issueDate: parsed.issueDate ? lines.findWhere((k) => /^[^,]{1,40},\s*ngay\s+\d/.test(k)) : null,
      // A period read from the title ("… năm 2026") is on the title's line.
      period: !parsed.period
        ? null
        : parsed.title?.includes(parsed.period.source)
          ? titleLine
          : lines.find(parsed.period.source),
      monthlyDay: mainMonthly?.line ?? null,
    },
  }
}

/**
 * The title under a "KẾ HOẠCH" heading reads "Truyền thông thực hiện …": the plan's name is the
 * heading and the line together ("Kế hoạch truyền thông thực hiện …").
 */
function planTitle(title: string | null, line: number | null, lines: SourceLines): string {
  if (!title) return ''
  if (line === null) return title
  let prev = line - 1
  while (prev > 0 && lines.keyAt(prev) === '') prev--
  if (lines.keyAt(prev) !== 'ke hoach' || /^k[eế] ho[aạ]ch/i.test(title)) return title
  return `Kế hoạch ${title.charAt(0).toLocaleLowerCase('vi')}${title.slice(1)}`
}

function timeframeOf(tf: Timeframe | null, targets: readonly TargetDraft[], opts: DraftOptions): ImportTimeframe {
  if (!tf) return { kind: 'deadline', deadline: null }
  if (tf.kind === 'deadline') return { kind: 'deadline', deadline: tf.date }
  if (tf.kind === 'byYear') return { kind: 'byYear', year: tf.year }
  const fromTarget = targets.find((t) => t.kind === 'content' && t.period !== null)
  const period = tf.period ?? (fromTarget?.kind === 'content' ? fromTarget.period : null) ?? opts.recurrence ?? null
  return { kind: 'recurring', recurrence: period }
}

function taskOf(
  t: TaskDraft,
  lines: SourceLines,
  catalog: ImportCatalog,
  notes: ImportNote[],
  opts: DraftOptions,
  ref: (r: CatalogRef, records: readonly CatalogRecord[], from: number | null) => ImportRef,
): ImportTask {
  const timeframe = timeframeOf(t.timeframe, t.targets, opts)
  const targets: ImportTarget[] = t.targets.map((x) => {
    const line = lines.find(x.source, t.line)
    if (x.kind === 'content') {
      if (x.period && timeframe.kind !== 'recurring') {
        notes.push({
          kind: 'periodTarget',
          line,
          source: x.source,
          message: { key: 'notePeriodTarget', vars: { source: x.source, period: PERIOD_VI[x.period] } },
        })
      }
      return {
        kind: 'content',
        quantity: x.quantity,
        contentTypes: [...new Set(x.types.map((ty) => TYPE_OF[ty]))],
        channels: x.channels.map((c) => ref(c, catalog.channels, line ?? t.line)),
        mode: x.mode,
        windowStart: x.from,
        label: null,
        source: x.source,
        line,
      }
    }
    if (x.kind === 'deliverable') return { kind: 'deliverable', label: x.title, source: x.source, line }
    return {
      kind: 'indicator',
      targetValue: x.value,
      indicatorUnit: 'percent',
      label: (x.description || x.source).slice(0, 300),
      source: x.source,
      line,
    }
  })
  return {
    code: t.code,
    codeInferred: t.codeInferred,
    title: taskTitle(t.content),
    content: t.content,
    leadUnits: t.leadUnits.map((u) => ref(u, catalog.units, t.line)),
    coordinatingUnits: t.coordinatingUnits.map((u) => ref(u, catalog.units, t.line)),
    timeframe,
    timeframeText: t.timeframeText,
    timeframeLine: t.timeframeText ? lines.find(t.timeframeText, t.line) : null,
    expectedResult: t.expectedResult,
    targets,
    line: t.line,
  }
}
