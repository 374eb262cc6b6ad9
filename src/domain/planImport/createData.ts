/**
 * A checked import draft → the exact create-data of the plan and its tasks (with their targets),
 * in the shape the plans and tasks collections take. Pure: the plugin only adds the plan's id to
 * each task and saves. Days become the instant Payload's day picker stores (12:00 UTC).
 */
import { dayToInstant } from '../calendar'
import type { ContentType, RecurrencePeriod } from '../slugs'
import type { Id, ImportCatalog, ImportDraft, ImportRef, ImportTarget, ImportTimeframe } from './types'

export interface PlanCreateData {
  code: string
  title: string
  issuer: string | null
  issueDate: string | null
  status: 'active'
  basedOn: Id[]
  basisDocuments: Array<{ code: string | null; date: string | null; title: string }>
  period: { from: string | null; to: string | null }
  reporting: {
    monthlyDay: number | null
    fixedDates: Array<{ day: number; month: number; label: string | null }>
  }
  keyDays: Array<{ day: number; month: number; label: string | null }>
}

export type TargetCreateData =
  | {
      kind: 'content'
      label: string | null
      quantity: number
      mode: 'pooled' | 'perChannel'
      windowStart: string | null
      contentTypes: ContentType[]
      channels: Id[]
    }
  | { kind: 'deliverable'; label: string; submitted: false }
  | { kind: 'indicator'; label: string | null; indicatorUnit: 'percent' | 'number'; targetValue: number }

export interface TaskCreateData {
  code: string
  sortOrder: number
  title: string
  content: string | null
  leadUnits: Id[]
  coordinatingUnits: Id[]
  timeframe:
    | { kind: 'deadline'; deadline: string }
    | { kind: 'recurring'; recurrence: RecurrencePeriod }
    | { kind: 'byYear'; year: number }
  expectedResult: string | null
  targets: TargetCreateData[]
}

export interface PlanCreateSet {
  plan: PlanCreateData
  tasks: TaskCreateData[]
}

const day = (d: string | null): string | null => (d ? dayToInstant(d) : null)

/**
 * Resolved ids in the catalog's own type (numbers on Postgres), each once, in the document's
 * order. Throws on a reference the caller should have checked (checkRefs): a programming error,
 * not a user's.
 */
function idsOf(refs: readonly ImportRef[], records: ReadonlyArray<{ id: Id }>, what: string): Id[] {
  const byKey = new Map(records.map((r) => [String(r.id), r.id]))
  const out: Id[] = []
  for (const r of refs) {
    const id = r.id === null ? undefined : byKey.get(String(r.id))
    if (id === undefined) throw new Error(`${what} "${r.name}" is not resolved; check the draft with checkRefs first`)
    if (!out.includes(id)) out.push(id)
  }
  return out
}

function timeframeOf(tf: ImportTimeframe): TaskCreateData['timeframe'] {
  if (tf.kind === 'deadline' && tf.deadline) return { kind: 'deadline', deadline: dayToInstant(tf.deadline) }
  if (tf.kind === 'recurring' && tf.recurrence) return { kind: 'recurring', recurrence: tf.recurrence }
  if (tf.kind === 'byYear' && tf.year !== null) return { kind: 'byYear', year: tf.year }
  throw new Error(`incomplete timeframe ${JSON.stringify(tf)}; check the draft with checkDraft first`)
}

function targetOf(t: ImportTarget, catalog: ImportCatalog): TargetCreateData {
  if (t.kind === 'content') {
    if (t.quantity === null) throw new Error('content target without a quantity; check the draft first')
    return {
      kind: 'content',
      label: t.label,
      quantity: t.quantity,
      mode: t.mode,
      windowStart: day(t.windowStart),
      contentTypes: t.contentTypes,
      channels: idsOf(t.channels, catalog.channels, 'channel'),
    }
  }
  if (t.kind === 'deliverable') return { kind: 'deliverable', label: t.label, submitted: false }
  if (t.targetValue === null) throw new Error('indicator target without a value; check the draft first')
  return { kind: 'indicator', label: t.label, indicatorUnit: t.indicatorUnit, targetValue: t.targetValue }
}

export function toCreateData(draft: ImportDraft, catalog: ImportCatalog): PlanCreateSet {
  const p = draft.plan
  return {
    plan: {
      code: p.code,
      title: p.title,
      issuer: p.issuer,
      issueDate: day(p.issueDate),
      status: 'active',
      basedOn: idsOf(p.basedOn, catalog.plans, 'plan'),
      basisDocuments: p.basisDocuments.map((b) => ({ code: b.code, date: day(b.date), title: b.title })),
      period: { from: day(p.period.from), to: day(p.period.to) },
      reporting: {
        monthlyDay: p.monthlyDay,
        fixedDates: p.fixedReportDates.map((d) => ({ day: d.day, month: d.month, label: d.label })),
      },
      keyDays: p.keyDays.map((d) => ({ day: d.day, month: d.month, label: d.label })),
    },
    tasks: draft.tasks.map((t, i) => ({
      code: t.code,
      sortOrder: i + 1,
      title: t.title,
      content: t.content === '' ? null : t.content,
      leadUnits: idsOf(t.leadUnits, catalog.units, 'unit'),
      coordinatingUnits: idsOf(t.coordinatingUnits, catalog.units, 'unit'),
      timeframe: timeframeOf(t.timeframe),
      expectedResult: t.expectedResult,
      targets: t.targets.map((x) => targetOf(x, catalog)),
    })),
  }
}

/** How many targets a create set holds (for the import summary). */
export function countTargets(set: PlanCreateSet): number {
  return set.tasks.reduce((n, t) => n + t.targets.length, 0)
}
