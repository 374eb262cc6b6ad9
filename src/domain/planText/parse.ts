/**
 * parsePlanText: plan document text → PlanDraft. Pure (no I/O, no clock, no randomness) and total:
 * whatever the input, it returns a draft, reporting what it could not read in `warnings`.
 */
import {
  basisDocuments,
  documentNumber,
  findIssuer,
  findPeriod,
  findTitle,
  headerLines,
  implementsCode,
  issueDate,
  proseNumber,
} from './header'
import { furnitureLines, preprocess, splitLines, toParagraphs, wrapInfo, type Line } from './lines'
import { foldVi } from './normalize'
import {
  announcedCount,
  buildOutline,
  classifySection,
  fullText,
  markedChildren,
  sections,
  type OutlineNode,
} from './outline'
import { looksLikeOcr, repairOcr } from './ocr'
import { keyDays, reportingRules } from './schedule'
import { parseTables } from './table'
import { objectivesFrom, tasksFromOutline, tasksFromTables, themesFrom, type TaskContext } from './tasks'
import type { ApproximateField, CatalogRef, ParseWarning, PlanDraft, PlanTextOptions, TaskDraft } from './types'

export function emptyDraft(): PlanDraft {
  return {
    code: null,
    blankNumberSuffix: null,
    implementsCode: null,
    title: null,
    issuer: null,
    issueDate: null,
    basis: [],
    period: null,
    reporting: [],
    keyDays: [],
    themes: [],
    objectives: [],
    taskGroups: [],
    tasks: [],
    warnings: [],
    approximate: [],
    approximateTasks: [],
  }
}

export function parsePlanText(text: string, opts: PlanTextOptions = {}): PlanDraft {
  const warnings: ParseWarning[] = []
  try {
    const input = typeof text === 'string' ? text : ''
    const literal = parseOrThrow(input, opts ?? {}, warnings)
    if (!looksLikeOcr(input)) return literal
    const repaired = repairOcr(input)
    if (repaired.repairs.length === 0) return literal
    return withApproximate(literal, parseOrThrow(repaired.text, opts ?? {}, []), repaired.repairs.length)
  } catch (err) {
    // The contract is "never throws": a parser bug must leave the import screen usable, with a note.
    warnings.push({
      kind: 'internalError',
      message: `the parser failed on this text (${err instanceof Error ? err.message : String(err)}); nothing was extracted`,
      line: null,
      source: null,
    })
    return { ...emptyDraft(), warnings }
  }
}

const HEADER_FIELDS: readonly ApproximateField[] = [
  'code',
  'issuer',
  'issueDate',
  'title',
  'basis',
  'period',
  'reporting',
  'keyDays',
  'objectives',
]

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/**
 * The draft read from the OCR-repaired text, with every field (and task) that differs from the
 * literal reading marked approximate: what the repairs changed is what a person must check.
 */
function withApproximate(literal: PlanDraft, repaired: PlanDraft, repairCount: number): PlanDraft {
  const out = repaired
  const notes: ParseWarning[] = []
  for (const f of HEADER_FIELDS) {
    if (same(literal[f], repaired[f])) continue
    out.approximate.push(f)
    const value = repaired[f]
    notes.push({
      kind: 'approximate',
      message: `${f} was read after repairing OCR-misread words (cần kiểm tra)`,
      line: f === 'basis' ? (repaired.basis[0]?.line ?? null) : null,
      source: typeof value === 'string' ? value : null,
    })
  }
  const before = new Map(literal.tasks.map((t) => [t.code, t]))
  for (const t of repaired.tasks) {
    if (same(before.get(t.code), t)) continue
    out.approximateTasks.push(t.code)
    notes.push({
      kind: 'approximate',
      message: `task ${t.code} was read after repairing OCR-misread words (cần kiểm tra)`,
      line: t.line,
      source: t.content.split('\n')[0] ?? null,
    })
  }
  if (literal.tasks.length !== repaired.tasks.length || out.approximateTasks.length > 0) out.approximate.push('tasks')
  if (notes.length === 0 && repairCount > 0) {
    // The repairs changed nothing the draft holds: the literal reading stands.
    return literal
  }
  out.warnings = capWarnings([...repaired.warnings, ...notes])
  return out
}

// Written so no two quantifiers compete for the same characters: long runs of blanks and tabs
// (garbled tables) must not make the search blow up.
const CLOSING =
  /noi\s+nhan\s*:|\.[ \t]*\/[ \t]*\.|thi\s+hanh\s+(?:quyet\s+dinh|ke\s+hoach)\s+nay|(?:^|\n)[ \t*]*(?:kt|tm|tl|q)\.[ \t]*\S/

function parseOrThrow(input: string, opts: PlanTextOptions, warnings: ParseWarning[]): PlanDraft {
  const draft = emptyDraft()
  draft.warnings = warnings
  const warn = (w: ParseWarning): void => {
    warnings.push(w)
  }
  const text = preprocess(input)
  if (text.trim() === '') {
    warn({ kind: 'noTasks', message: 'the text is empty', line: null, source: null })
    return draft
  }
  const lines = splitLines(text)
  const tables = parseTables(lines)
  const tableLines = new Set<number>(tables.flatMap((t) => [...t.lines]))
  const skip = new Set<number>([...tableLines, ...furnitureLines(lines.filter((l) => !tableLines.has(l.no)))])
  const bodyLines: Line[] = lines.filter((l) => !skip.has(l.no))
  const paragraphs = toParagraphs(lines, skip)
  const wrapped = wrapInfo(bodyLines).wrapped

  // Header
  const header = headerLines(bodyLines)
  const number = documentNumber(header)
  // "… ban hành Kế hoạch số 20/KH-UBND": a number the header does not show, given in the preamble.
  const prose = number.code ? null : proseNumber(paragraphs)
  draft.code = number.code ?? prose?.code ?? null
  draft.blankNumberSuffix = draft.code ? null : number.blankSuffix
  if (number.blankSuffix !== null && !draft.code) {
    warn({
      kind: 'blankNumber',
      message: 'the document number is left blank (a draft awaiting its number); code is null',
      line: number.line,
      source: lines[(number.line ?? 1) - 1]?.text.trim() ?? null,
    })
  }
  const issued = issueDate(header)
  draft.issueDate = issued.iso
  const given = opts.referenceYear
  const referenceYear = typeof given === 'number' && Number.isInteger(given) ? given : (issued.year ?? null)
  const title = findTitle(bodyLines, text, wrapped)
  draft.title = title.title
  if (!draft.title)
    warn({
      kind: 'noTitle',
      message: 'no "KẾ HOẠCH"/"QUYẾT ĐỊNH" heading with a title was found',
      line: null,
      source: null,
    })
  draft.issuer = findIssuer(header, paragraphs, text)
  draft.basis = basisDocuments(paragraphs, referenceYear, title.line)
  draft.implementsCode = implementsCode(draft.title, draft.basis)
  const basisLines = new Set(draft.basis.map((b) => b.line))
  const periodText = paragraphs
    .filter((p) => !basisLines.has(p.line))
    .map((p) => p.text)
    .join('\n')
  draft.period = findPeriod(draft.title, periodText, referenceYear)

  // Body
  const root = buildOutline(paragraphs)
  const secs = sections(root)
  const hasTableTasks = tables.some((t) => t.rows.length > 0)
  const kindOf = (s: OutlineNode) => {
    const k = classifySection(s.text)
    return hasTableTasks && k === 'tasks' ? 'themes' : k
  }
  const ctx: TaskContext = { units: opts.units, channels: opts.channels, referenceYear, warn }
  const found = hasTableTasks
    ? tasksFromTables(tables, ctx)
    : tasksFromOutline(
        secs.filter((s) => kindOf(s) === 'tasks'),
        ctx,
      )
  draft.tasks = found.tasks
  draft.taskGroups = found.groups
  draft.themes = themesFrom(secs.filter((s) => kindOf(s) === 'themes'))
  draft.objectives = objectivesFrom(
    secs.filter((s) => kindOf(s) === 'objectives'),
    ctx,
  )
  draft.reporting = reportingRules(paragraphs)
  draft.keyDays = keyDays(paragraphs)

  completenessWarnings(text, secs, warn)
  if (draft.tasks.length === 0) {
    warn({
      kind: 'noTasks',
      message: 'no tasks found (no appendix table and no task section with numbered items)',
      line: null,
      source: null,
    })
  }
  catalogWarnings(draft.tasks, opts, warn)
  draft.warnings = capWarnings(warnings)
  return draft
}

const MAX_PER_KIND = 20

/** A garbled table can yield hundreds of identical notes; a reviewer needs the first few and a count. */
function capWarnings(all: readonly ParseWarning[]): ParseWarning[] {
  const seen = new Map<string, number>()
  const out: ParseWarning[] = []
  for (const w of all) {
    const n = (seen.get(w.kind) ?? 0) + 1
    seen.set(w.kind, n)
    if (n <= MAX_PER_KIND) out.push(w)
  }
  for (const [kind, n] of seen) {
    if (n > MAX_PER_KIND) {
      const first = all.find((w) => w.kind === kind)
      if (first)
        out.push({
          kind: first.kind,
          message: `${n - MAX_PER_KIND} more "${kind}" notes not shown`,
          line: null,
          source: null,
          vars: { more: n - MAX_PER_KIND },
        })
    }
  }
  return out
}

/** A text cut short: a section announcing more items than it has, or no closing formula at all. */
function completenessWarnings(text: string, secs: readonly OutlineNode[], warn: (w: ParseWarning) => void): void {
  const closed = CLOSING.test(foldVi(text))
  const last = secs[secs.length - 1]
  let endsEarly = false
  for (const s of secs) {
    const intro = fullText(s)
    const announced = announcedCount(intro)
    if (!announced) continue
    const count = markedChildren(s).filter((c) => c.marker?.kind === 'number' || c.marker?.kind === 'subnumber').length
    if (count >= announced.count) continue
    if (s === last && !closed) {
      endsEarly = true
      warn({
        kind: 'textEndsEarly',
        message: `section ${s.label} announces ${announced.count} ${announced.noun} but the text has only ${count} before it ends — the text seems to end early`,
        line: s.line,
        source: s.text,
      })
    } else {
      warn({
        kind: 'announcedCountMismatch',
        message: `section ${s.label} announces ${announced.count} ${announced.noun} but has ${count}`,
        line: s.line,
        source: s.text,
      })
    }
  }
  if (!closed && !endsEarly && text.trim().length > 500) {
    warn({
      kind: 'textEndsEarly',
      message: 'no closing part (Nơi nhận, signature, "./.") was found — the text may end early',
      line: null,
      source: null,
    })
  }
}

/** One warning per name that a given catalog does not know. */
function catalogWarnings(tasks: readonly TaskDraft[], opts: PlanTextOptions, warn: (w: ParseWarning) => void): void {
  const seen = new Set<string>()
  const report = (r: CatalogRef, kind: 'unknownChannel' | 'unknownUnit', line: number): void => {
    if (r.id !== null) return
    const key = `${kind}:${foldVi(r.name)}`
    if (seen.has(key)) return
    seen.add(key)
    const what = kind === 'unknownChannel' ? 'channel' : 'unit'
    warn({ kind, message: `${what} "${r.name}" is not in the ${what} catalog; kept as written`, line, source: r.raw })
  }
  for (const t of tasks) {
    if (opts.channels && opts.channels.length > 0) {
      for (const target of t.targets)
        if (target.kind === 'content') for (const c of target.channels) report(c, 'unknownChannel', t.line)
    }
    if (opts.units && opts.units.length > 0) {
      for (const u of [...t.leadUnits, ...t.coordinatingUnits]) report(u, 'unknownUnit', t.line)
    }
  }
}
