/**
 * The facts of a plan a reader sees at once, and how many of them a parse recovered. Used by
 * `npm run plan:eval` to measure the parser on each document and variant (text, .docx, degraded).
 *
 * Strings are compared without diacritics, case and punctuation: a degraded copy has lost its
 * diacritics, so "03-KH/BCDTW" is the code as that copy writes it, flagged for review rather than
 * corrected. Titles count when their words mostly agree (an OCR slip in one word keeps the title).
 */
import { normalizeVi } from '../planText/normalize'
import type { PlanDraft, TargetDraft, Timeframe } from '../planText/types'

export interface PlanFacts {
  code: string | null
  issuer: string | null
  issueDate: string | null
  title: string | null
  basisCodes: string[]
  /** "from..to", either side may be empty. */
  period: string | null
  /** "monthly:20", "20/6", "yearly:20/12". */
  reportingDays: string[]
  taskCount: number
  /** Per task code: "2025-08-30", "recurring", "byYear:2026", or null. */
  deadlines: Record<string, string | null>
  leadUnits: Record<string, string[]>
  targets: Record<string, string[]>
}

export const FACT_NAMES = [
  'code',
  'issuer',
  'issueDate',
  'title',
  'basisCodes',
  'period',
  'reportingDays',
  'taskCount',
  'deadlines',
  'leadUnits',
  'targets',
] as const
export type FactName = (typeof FACT_NAMES)[number]

/** Comparison key: no diacritics, case, spacing or punctuation. */
export function factKey(s: string): string {
  return normalizeVi(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

function timeframeFact(tf: Timeframe | null): string | null {
  if (!tf) return null
  if (tf.kind === 'deadline') return tf.date
  if (tf.kind === 'byYear') return `byYear:${tf.year}`
  return 'recurring'
}

function targetFact(t: TargetDraft): string {
  if (t.kind === 'content') return `content:${t.quantity}:${[...t.types].sort().join('+')}`
  if (t.kind === 'indicator') return `indicator:${t.value}:${t.year ?? ''}`
  return `deliverable:${t.dueDate ?? ''}`
}

export function planFacts(d: PlanDraft): PlanFacts {
  const deadlines: Record<string, string | null> = {}
  const leadUnits: Record<string, string[]> = {}
  const targets: Record<string, string[]> = {}
  for (const t of d.tasks) {
    deadlines[t.code] = timeframeFact(t.timeframe)
    leadUnits[t.code] = t.leadUnits.map((u) => u.name)
    targets[t.code] = t.targets.map(targetFact).sort()
  }
  const reportingDays = d.reporting.flatMap((r) =>
    r.kind === 'monthly' ? [`monthly:${r.day}`] : r.dates.map((x) => `${r.yearly ? 'yearly:' : ''}${x.day}/${x.month}`),
  )
  return {
    code: d.code,
    issuer: d.issuer,
    issueDate: d.issueDate,
    title: d.title,
    basisCodes: d.basis.flatMap((b) => (b.code ? [b.code] : [])),
    period: d.period ? `${d.period.from ?? ''}..${d.period.to ?? ''}` : null,
    reportingDays,
    taskCount: d.tasks.length,
    deadlines,
    leadUnits,
    targets,
  }
}

export interface FactScore {
  recovered: number
  total: number
  byFact: Record<FactName, { recovered: number; total: number }>
  /** What was missed, for reading the table: "title", "deadlines 3", "basisCodes 57-NQ/TW". */
  misses: string[]
}

/** Word overlap (Dice) of two titles' keys. */
export function titleSimilarity(a: string, b: string): number {
  const wa = factKey(a).split(' ').filter(Boolean)
  const wb = factKey(b).split(' ').filter(Boolean)
  if (wa.length === 0 || wb.length === 0) return 0
  const pool = new Map<string, number>()
  for (const w of wb) pool.set(w, (pool.get(w) ?? 0) + 1)
  let common = 0
  for (const w of wa) {
    const n = pool.get(w) ?? 0
    if (n > 0) {
      common += 1
      pool.set(w, n - 1)
    }
  }
  return (2 * common) / (wa.length + wb.length)
}

const TITLE_AGREES = 0.85

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.map(factKey).sort().join('|') === b.map(factKey).sort().join('|')

/**
 * Each fact the truth holds counts once (each basis code, reporting day and per-task value once);
 * a value the parser gives where the truth has none counts as a missed fact too, so inventing
 * never scores.
 */
export function scoreFacts(truth: PlanFacts, got: PlanFacts): FactScore {
  const byFact = Object.fromEntries(FACT_NAMES.map((f) => [f, { recovered: 0, total: 0 }])) as FactScore['byFact']
  const misses: string[] = []
  const count = (fact: FactName, ok: boolean, what = ''): void => {
    byFact[fact].total += 1
    if (ok) byFact[fact].recovered += 1
    else misses.push(what ? `${fact} ${what}` : fact)
  }
  const scalar = (fact: 'code' | 'issuer' | 'issueDate' | 'period', eq: (a: string, b: string) => boolean): void => {
    const t = truth[fact]
    const g = got[fact]
    if (t === null) {
      if (g !== null) count(fact, false, `(invented "${g}")`)
      return
    }
    count(fact, g !== null && eq(t, g))
  }
  scalar('code', (a, b) => factKey(a) === factKey(b))
  scalar('issuer', (a, b) => factKey(a) === factKey(b))
  scalar('issueDate', (a, b) => a === b)
  scalar('period', (a, b) => a === b)
  if (truth.title !== null)
    count('title', got.title !== null && titleSimilarity(truth.title, got.title) >= TITLE_AGREES)
  const gotBasis = got.basisCodes.map(factKey)
  for (const c of truth.basisCodes) {
    const i = gotBasis.indexOf(factKey(c))
    if (i >= 0) gotBasis.splice(i, 1)
    count('basisCodes', i >= 0, c)
  }
  const gotDays = [...got.reportingDays]
  for (const r of truth.reportingDays) {
    const i = gotDays.indexOf(r)
    if (i >= 0) gotDays.splice(i, 1)
    count('reportingDays', i >= 0, r)
  }
  count('taskCount', truth.taskCount === got.taskCount, `(${got.taskCount} of ${truth.taskCount})`)
  // Task codes compared like the rest: "III.2.đ" of the original is "III.2.d" of a degraded copy.
  const byKey = <T>(rec: Record<string, T>): Map<string, T> =>
    new Map(Object.entries(rec).map(([k, v]) => [factKey(k), v]))
  const gotDeadlines = byKey(got.deadlines)
  const gotUnits = byKey(got.leadUnits)
  const gotTargets = byKey(got.targets)
  // Per task, only what the task states: a task without a deadline or target is not a fact.
  for (const [code, deadline] of Object.entries(truth.deadlines)) {
    if (deadline === null) continue
    count('deadlines', gotDeadlines.get(factKey(code)) === deadline, code)
  }
  for (const [code, units] of Object.entries(truth.leadUnits)) {
    if (units.length === 0) continue
    count('leadUnits', sameList(units, gotUnits.get(factKey(code)) ?? []), code)
  }
  for (const [code, targets] of Object.entries(truth.targets)) {
    if (targets.length === 0) continue
    count('targets', (gotTargets.get(factKey(code)) ?? []).join('|') === targets.join('|'), code)
  }
  const recovered = FACT_NAMES.reduce((n, f) => n + byFact[f].recovered, 0)
  const total = FACT_NAMES.reduce((n, f) => n + byFact[f].total, 0)
  return { recovered, total, byFact, misses }
}
