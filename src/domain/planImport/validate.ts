/**
 * Checking an import draft: the reviewed JSON the commit endpoint receives (anything may be wrong
 * with it) and the draft the preview builds (what the reviewer still has to fix). Pure. Every
 * problem names its field (`tasks[2].targets[0].quantity`) so an API client and the review screen
 * can point at it. The rules mirror the plan and task collections', so a draft that passes saves.
 */
import { CONTENT_TYPES, RECURRENCE_PERIODS } from '../slugs'
import type { ImportMessage } from '../i18n/messages'
import type {
  Id,
  ImportBasisDocument,
  ImportCatalog,
  ImportDayMonth,
  ImportDraft,
  ImportPlan,
  ImportProblem,
  ImportRef,
  ImportTarget,
  ImportTask,
  ImportTimeframe,
} from './types'

export const IMPORT_LIMITS = {
  tasks: 500,
  targets: 50,
  refs: 50,
  listItems: 100,
  code: 100,
  title: 2000,
  text: 20000,
  name: 500,
  quantity: 1_000_000,
} as const

type Obj = Record<string, unknown>

class Checker {
  readonly problems: ImportProblem[] = []

  fail(field: string, key: ImportMessage['key'], vars?: ImportMessage['vars']): undefined {
    this.problems.push({ field, message: { key, ...(vars ? { vars } : {}) } })
    return undefined
  }

  object(v: unknown, field: string): Obj | undefined {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Obj
    return this.fail(field, v === undefined || v === null ? 'required' : 'notObject')
  }

  array(v: unknown, field: string, max: number, required = true): unknown[] | undefined {
    if (v === undefined || v === null) return required ? this.fail(field, 'required') : []
    if (!Array.isArray(v)) return this.fail(field, 'notArray')
    if (v.length > max) return this.fail(field, 'tooMany', { max })
    return v
  }

  /** A required text: trimmed, non-empty, at most `max` characters. */
  text(v: unknown, field: string, max: number): string | undefined {
    if (v === undefined || v === null) return this.fail(field, 'required')
    if (typeof v !== 'string') return this.fail(field, 'notString')
    const t = v.trim()
    if (t === '') return this.fail(field, 'required')
    if (t.length > max) return this.fail(field, 'tooLong', { max })
    return t
  }

  /** An optional text: null when absent or blank. */
  optText(v: unknown, field: string, max: number): string | null | undefined {
    if (v === undefined || v === null) return null
    if (typeof v !== 'string') return this.fail(field, 'notString')
    const t = v.trim()
    if (t.length > max) return this.fail(field, 'tooLong', { max })
    return t === '' ? null : t
  }

  day(v: unknown, field: string, required: boolean): string | null | undefined {
    if (v === undefined || v === null || v === '') return required ? this.fail(field, 'required') : null
    return typeof v === 'string' && isRealDay(v) ? v : this.fail(field, 'notDay')
  }

  integer(v: unknown, field: string, min: number, max: number, required: boolean): number | null | undefined {
    if (v === undefined || v === null || v === '') return required ? this.fail(field, 'required') : null
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      return this.fail(field, 'notInteger', { min, max })
    return v
  }

  oneOf<T extends string>(v: unknown, field: string, values: readonly T[]): T | undefined {
    if (v === undefined || v === null || v === '') return this.fail(field, 'required')
    return values.includes(v as T) ? (v as T) : this.fail(field, 'oneOf', { values: values.join(', ') })
  }

  line(v: unknown): number | null {
    return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null
  }
}

function isRealDay(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate()
}

function isId(v: unknown): v is Id {
  return (typeof v === 'string' && v.trim() !== '' && v.length <= 100) || (typeof v === 'number' && Number.isInteger(v))
}

function refOf(c: Checker, v: unknown, field: string): ImportRef | undefined {
  const o = c.object(v, field)
  if (!o) return undefined
  const name = c.text(o.name, `${field}.name`, IMPORT_LIMITS.name)
  const id = o.id === undefined || o.id === null ? null : isId(o.id) ? o.id : c.fail(`${field}.id`, 'notString')
  if (name === undefined || id === undefined) return undefined
  const candidates = Array.isArray(o.candidates) ? o.candidates.filter(isId) : undefined
  return { id, name, line: c.line(o.line), ...(candidates && candidates.length > 0 ? { candidates } : {}) }
}

function refsOf(c: Checker, v: unknown, field: string): ImportRef[] | undefined {
  const list = c.array(v, field, IMPORT_LIMITS.refs, false)
  if (!list) return undefined
  const out = list.map((x, i) => refOf(c, x, `${field}[${i}]`))
  return out.every((x): x is ImportRef => x !== undefined) ? out : undefined
}

function dayMonthsOf(c: Checker, v: unknown, field: string): ImportDayMonth[] | undefined {
  const list = c.array(v, field, IMPORT_LIMITS.listItems, false)
  if (!list) return undefined
  const out = list.map((x, i) => {
    const f = `${field}[${i}]`
    const o = c.object(x, f)
    if (!o) return undefined
    const day = c.integer(o.day, `${f}.day`, 1, 31, true)
    const month = c.integer(o.month, `${f}.month`, 1, 12, true)
    const label = c.optText(o.label, `${f}.label`, IMPORT_LIMITS.name)
    if (typeof day !== 'number' || typeof month !== 'number' || label === undefined) return undefined
    if (day > new Date(Date.UTC(2024, month, 0)).getUTCDate())
      return c.fail(`${f}.day`, 'invalidDayMonth', { day, month })
    return { day, month, label, line: c.line(o.line) }
  })
  return out.every((x): x is ImportDayMonth => x !== undefined) ? out : undefined
}

function basisOf(c: Checker, v: unknown, field: string): ImportBasisDocument[] | undefined {
  const list = c.array(v, field, IMPORT_LIMITS.listItems, false)
  if (!list) return undefined
  const out = list.map((x, i) => {
    const f = `${field}[${i}]`
    const o = c.object(x, f)
    if (!o) return undefined
    const code = c.optText(o.code, `${f}.code`, IMPORT_LIMITS.code)
    const date = c.day(o.date, `${f}.date`, false)
    const title = c.text(o.title, `${f}.title`, IMPORT_LIMITS.title)
    if (code === undefined || date === undefined || title === undefined) return undefined
    return { code, date, title, line: c.line(o.line) }
  })
  return out.every((x): x is ImportBasisDocument => x !== undefined) ? out : undefined
}

function planOf(c: Checker, v: unknown): ImportPlan | undefined {
  const o = c.object(v, 'plan')
  if (!o) return undefined
  const code = c.text(o.code, 'plan.code', IMPORT_LIMITS.code)
  const title = c.text(o.title, 'plan.title', IMPORT_LIMITS.title)
  const issuer = c.optText(o.issuer, 'plan.issuer', IMPORT_LIMITS.name)
  const issueDate = c.day(o.issueDate, 'plan.issueDate', false)
  const period = o.period === undefined || o.period === null ? {} : c.object(o.period, 'plan.period')
  const from = period ? c.day(period.from, 'plan.period.from', false) : undefined
  const to = period ? c.day(period.to, 'plan.period.to', false) : undefined
  if (from && to && from > to) c.fail('plan.period.to', 'periodOrder', { from, to })
  const monthlyDay = c.integer(o.monthlyDay, 'plan.monthlyDay', 1, 28, false)
  const fixedReportDates = dayMonthsOf(c, o.fixedReportDates, 'plan.fixedReportDates')
  const keyDays = dayMonthsOf(c, o.keyDays, 'plan.keyDays')
  const basedOn = refsOf(c, o.basedOn, 'plan.basedOn')
  const basisDocuments = basisOf(c, o.basisDocuments, 'plan.basisDocuments')
  const lines = typeof o.lines === 'object' && o.lines !== null ? (o.lines as Obj) : {}
  if (
    code === undefined ||
    title === undefined ||
    issuer === undefined ||
    issueDate === undefined ||
    from === undefined ||
    to === undefined ||
    monthlyDay === undefined ||
    !fixedReportDates ||
    !keyDays ||
    !basedOn ||
    !basisDocuments
  )
    return undefined
  return {
    code,
    title,
    issuer,
    issueDate,
    period: { from, to },
    monthlyDay,
    fixedReportDates,
    keyDays,
    basedOn,
    basisDocuments,
    lines: {
      code: c.line(lines.code),
      title: c.line(lines.title),
      issuer: c.line(lines.issuer),
      issueDate: c.line(lines.issueDate),
      period: c.line(lines.period),
      monthlyDay: c.line(lines.monthlyDay),
    },
  }
}

function timeframeOf(c: Checker, v: unknown, field: string): ImportTimeframe | undefined {
  const o = c.object(v, field)
  if (!o) return undefined
  const kind = c.oneOf(o.kind, `${field}.kind`, ['deadline', 'recurring', 'byYear'] as const)
  if (kind === 'deadline') {
    const deadline = c.day(o.deadline, `${field}.deadline`, true)
    return typeof deadline === 'string' ? { kind, deadline } : undefined
  }
  if (kind === 'recurring') {
    const recurrence = c.oneOf(o.recurrence, `${field}.recurrence`, RECURRENCE_PERIODS)
    return recurrence ? { kind, recurrence } : undefined
  }
  if (kind === 'byYear') {
    const year = c.integer(o.year, `${field}.year`, 2000, 2100, true)
    return typeof year === 'number' ? { kind, year } : undefined
  }
  return undefined
}

function targetOf(c: Checker, v: unknown, field: string, tf: ImportTimeframe | undefined): ImportTarget | undefined {
  const o = c.object(v, field)
  if (!o) return undefined
  const kind = c.oneOf(o.kind, `${field}.kind`, ['content', 'deliverable', 'indicator'] as const)
  const source = typeof o.source === 'string' ? o.source : null
  const line = c.line(o.line)
  if (kind === 'content') {
    const quantity = c.integer(o.quantity, `${field}.quantity`, 1, IMPORT_LIMITS.quantity, true)
    const typesList = c.array(o.contentTypes, `${field}.contentTypes`, CONTENT_TYPES.length)
    const contentTypes = typesList?.map((t, i) => c.oneOf(t, `${field}.contentTypes[${i}]`, CONTENT_TYPES))
    if (typesList && typesList.length === 0) c.fail(`${field}.contentTypes`, 'atLeastOne')
    const channels = refsOf(c, o.channels, `${field}.channels`)
    if (channels && channels.length === 0) c.fail(`${field}.channels`, 'atLeastOne')
    const mode = o.mode === undefined ? 'pooled' : c.oneOf(o.mode, `${field}.mode`, ['pooled', 'perChannel'] as const)
    const windowStart = c.day(o.windowStart, `${field}.windowStart`, false)
    const label = c.optText(o.label, `${field}.label`, IMPORT_LIMITS.name)
    if (windowStart && tf?.kind === 'deadline' && tf.deadline && windowStart > tf.deadline)
      c.fail(`${field}.windowStart`, 'windowAfterDeadline', { start: windowStart, deadline: tf.deadline })
    if (windowStart && tf?.kind === 'byYear' && tf.year !== null && windowStart > `${tf.year}-12-31`)
      c.fail(`${field}.windowStart`, 'windowAfterDeadline', { start: windowStart, deadline: `${tf.year}-12-31` })
    if (
      typeof quantity !== 'number' ||
      !contentTypes ||
      !contentTypes.every((t) => t !== undefined) ||
      !channels ||
      !mode ||
      windowStart === undefined ||
      label === undefined
    )
      return undefined
    return {
      kind,
      quantity,
      contentTypes: [...new Set(contentTypes)],
      channels,
      mode,
      windowStart,
      label,
      source,
      line,
    }
  }
  if (kind === 'deliverable') {
    const label = c.text(o.label, `${field}.label`, IMPORT_LIMITS.name)
    return label === undefined ? undefined : { kind, label, source, line }
  }
  if (kind === 'indicator') {
    const indicatorUnit =
      o.indicatorUnit === undefined
        ? 'percent'
        : c.oneOf(o.indicatorUnit, `${field}.indicatorUnit`, ['percent', 'number'] as const)
    const value = o.targetValue
    let targetValue: number | undefined
    if (value === undefined || value === null) c.fail(`${field}.targetValue`, 'required')
    else if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value))
      c.fail(`${field}.targetValue`, 'notPositive')
    else if (indicatorUnit === 'percent' && value > 100) c.fail(`${field}.targetValue`, 'percentMax')
    else targetValue = value
    const label = c.optText(o.label, `${field}.label`, IMPORT_LIMITS.name)
    if (!indicatorUnit || targetValue === undefined || label === undefined) return undefined
    return { kind, targetValue, indicatorUnit, label, source, line }
  }
  return undefined
}

function taskOf(c: Checker, v: unknown, field: string): ImportTask | undefined {
  const o = c.object(v, field)
  if (!o) return undefined
  const code = c.text(o.code, `${field}.code`, IMPORT_LIMITS.code)
  const title = c.text(o.title, `${field}.title`, IMPORT_LIMITS.name)
  const content = c.optText(o.content, `${field}.content`, IMPORT_LIMITS.text)
  const leadUnits = refsOf(c, o.leadUnits, `${field}.leadUnits`)
  const coordinatingUnits = refsOf(c, o.coordinatingUnits, `${field}.coordinatingUnits`)
  const timeframe = timeframeOf(c, o.timeframe, `${field}.timeframe`)
  const timeframeText = c.optText(o.timeframeText, `${field}.timeframeText`, IMPORT_LIMITS.name)
  const expectedResult = c.optText(o.expectedResult, `${field}.expectedResult`, IMPORT_LIMITS.text)
  const list = c.array(o.targets, `${field}.targets`, IMPORT_LIMITS.targets, false)
  const targets = list?.map((x, i) => targetOf(c, x, `${field}.targets[${i}]`, timeframe))
  if (
    code === undefined ||
    title === undefined ||
    content === undefined ||
    !leadUnits ||
    !coordinatingUnits ||
    !timeframe ||
    timeframeText === undefined ||
    expectedResult === undefined ||
    !targets ||
    !targets.every((t): t is ImportTarget => t !== undefined)
  )
    return undefined
  return {
    code,
    codeInferred: o.codeInferred === true,
    title,
    content: content ?? '',
    leadUnits,
    coordinatingUnits,
    timeframe,
    timeframeText,
    timeframeLine: c.line(o.timeframeLine),
    expectedResult,
    targets,
    line: c.line(o.line),
  }
}

export type DraftCheck = { ok: true; draft: ImportDraft } | { ok: false; problems: ImportProblem[] }

/**
 * Checks a draft, whatever its origin, against the shape and the rules of the plan model. On
 * success the draft comes back normalised (texts trimmed, optional parts filled with null/[]).
 */
export function checkDraft(input: unknown): DraftCheck {
  const c = new Checker()
  const root = c.object(input, '(body)')
  if (!root) return { ok: false, problems: c.problems }
  const plan = planOf(c, root.plan)
  const list = c.array(root.tasks, 'tasks', IMPORT_LIMITS.tasks)
  const tasks = list?.map((t, i) => taskOf(c, t, `tasks[${i}]`))
  const seen = new Map<string, number>()
  list?.forEach((t, i) => {
    const code = (t as Obj | null)?.code
    if (typeof code !== 'string' || code.trim() === '') return
    const other = seen.get(code.trim())
    if (other !== undefined) c.fail(`tasks[${i}].code`, 'duplicateTaskCode', { code: code.trim(), other: other + 1 })
    else seen.set(code.trim(), i)
  })
  if (c.problems.length > 0 || !plan || !tasks || !tasks.every((t): t is ImportTask => t !== undefined))
    return { ok: false, problems: c.problems }
  // Notes are information for the reviewer, never saved: a checked draft does not carry them.
  return { ok: true, draft: { plan, tasks, notes: [] } }
}

/** Every catalog reference of a draft with its field path and the catalog it points into. */
export function draftRefs(
  draft: ImportDraft,
): Array<{ field: string; ref: ImportRef; kind: 'unit' | 'channel' | 'plan' }> {
  const out: Array<{ field: string; ref: ImportRef; kind: 'unit' | 'channel' | 'plan' }> = []
  draft.plan.basedOn.forEach((ref, i) => out.push({ field: `plan.basedOn[${i}]`, ref, kind: 'plan' }))
  draft.tasks.forEach((t, ti) => {
    t.leadUnits.forEach((ref, i) => out.push({ field: `tasks[${ti}].leadUnits[${i}]`, ref, kind: 'unit' }))
    t.coordinatingUnits.forEach((ref, i) =>
      out.push({ field: `tasks[${ti}].coordinatingUnits[${i}]`, ref, kind: 'unit' }),
    )
    t.targets.forEach((x, xi) => {
      if (x.kind === 'content')
        x.channels.forEach((ref, i) =>
          out.push({ field: `tasks[${ti}].targets[${xi}].channels[${i}]`, ref, kind: 'channel' }),
        )
    })
  })
  return out
}

const WHAT_VI = { unit: 'Đơn vị', channel: 'Kênh', plan: 'Kế hoạch' } as const

/** References the reviewer has not resolved, or that point at records that do not exist. */
export function checkRefs(draft: ImportDraft, catalog: ImportCatalog): ImportProblem[] {
  const ids = {
    unit: new Set(catalog.units.map((u) => String(u.id))),
    channel: new Set(catalog.channels.map((u) => String(u.id))),
    plan: new Set(catalog.plans.map((p) => String(p.id))),
  }
  const names = new Map<string, string>([
    ...catalog.units.map((u) => [`unit:${u.id}`, u.name] as const),
    ...catalog.channels.map((u) => [`channel:${u.id}`, u.name] as const),
    ...catalog.plans.map((p) => [`plan:${p.id}`, p.code] as const),
  ])
  const problems: ImportProblem[] = []
  for (const { field, ref, kind } of draftRefs(draft)) {
    if (ref.id === null) {
      if (ref.candidates && ref.candidates.length > 1) {
        const candidates = ref.candidates.map((id) => names.get(`${kind}:${id}`) ?? String(id)).join('; ')
        problems.push({ field, message: { key: 'ambiguousName', vars: { name: ref.name, candidates } } })
      } else {
        const key = kind === 'unit' ? 'unresolvedUnit' : kind === 'channel' ? 'unresolvedChannel' : 'unresolvedPlan'
        problems.push({ field, message: { key, vars: { name: ref.name } } })
      }
    } else if (!ids[kind].has(String(ref.id))) {
      problems.push({ field, message: { key: 'unknownId', vars: { what: WHAT_VI[kind], id: ref.id } } })
    }
  }
  return problems
}

/** Everything that stands between a draft and its save: the rules, then the references. */
export function draftProblems(input: unknown, catalog: ImportCatalog): DraftCheck {
  const checked = checkDraft(input)
  if (!checked.ok) {
    // Still report unresolved names of a draft that is otherwise incomplete, so the reviewer sees
    // all of it at once; references are only read where the shape allows.
    const refs = looksLikeDraft(input) ? safeRefs(input, catalog) : []
    return { ok: false, problems: [...checked.problems, ...refs] }
  }
  const refs = checkRefs(checked.draft, catalog)
  return refs.length > 0 ? { ok: false, problems: refs } : checked
}

function looksLikeDraft(input: unknown): input is ImportDraft {
  const o = input as Partial<ImportDraft> | null
  return (
    typeof o === 'object' &&
    o !== null &&
    typeof o.plan === 'object' &&
    o.plan !== null &&
    Array.isArray(o.plan.basedOn) &&
    Array.isArray(o.tasks) &&
    o.tasks.every(
      (t) =>
        typeof t === 'object' &&
        t !== null &&
        Array.isArray(t.leadUnits) &&
        Array.isArray(t.coordinatingUnits) &&
        Array.isArray(t.targets) &&
        t.targets.every(
          (x) => typeof x === 'object' && x !== null && (x.kind !== 'content' || Array.isArray(x.channels)),
        ),
    )
  )
}

function safeRefs(draft: ImportDraft, catalog: ImportCatalog): ImportProblem[] {
  const wellFormed = (r: unknown) => typeof r === 'object' && r !== null && typeof (r as ImportRef).name === 'string'
  const all = draftRefs(draft)
  return all.every((x) => wellFormed(x.ref)) ? checkRefs(draft, catalog) : []
}
