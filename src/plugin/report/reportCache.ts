import type { Payload, PayloadRequest } from 'payload'
import { reportFreshness } from '../../domain/reportFreshness'
import type { TargetCountQuery, TargetCounts } from '../../domain/counting'
import {
  reassembleTasks,
  type QuotaReport,
  type ReportParams,
  type ReportQuestions,
  type ReportShape,
} from '../../domain/reportAssembly'
import { STRUCTURE_SCOPE, readVersions, taskScope } from '../counting/engine/versions'
import { hasReadReplicas } from '../db/postgres'
import { readerSeesEverything } from './readerSeesEverything'

/**
 * Quota reports, kept per app instance and reused while nothing they depend on has changed.
 * Managers reload dashboards far more often than a plan's tasks receive items. The counts are
 * cheap either way (first-publication counts, counting/engine/firstDays.ts); what the cache
 * saves is reading the plan and its tasks and assembling a report of hundreds of targets.
 *
 * Freshness is checked on every call against counters in Postgres (engine/versions.ts): the
 * `structure` counter (plans, tasks, units, channels, drift repairs) and one per task (its
 * ledger and tallies), moved inside the transactions that change them. The counters are read
 * before what they guard, so a change committing meanwhile leaves a cached value that the next
 * call sees as old. Hence: no stale report, on one instance or several, and a change to one
 * task re-reads that task's counts only.
 *
 * Only where the report cannot depend on who asks: the reader sees every plan, task, unit and
 * channel as stored (readerSeesEverything.ts: access answers `true` or is overridden, no field
 * read rules, no read hooks), no transaction is open (its uncommitted writes must not be
 * cached), and no read replica is configured (see cacheable).
 */
interface Entry {
  structure: number
  taskVersions: ReadonlyMap<number, number>
  shape: ReportShape
  questions: ReportQuestions
  counts: Map<string, TargetCounts>
  report: QuotaReport
}

export interface ReportSteps {
  readShape: () => Promise<ReportShape | null>
  questions: (shape: ReportShape, asOf: string) => ReportQuestions
  count: (queries: TargetCountQuery[]) => Promise<Map<string, TargetCounts>>
  assemble: (
    shape: ReportShape,
    questions: ReportQuestions,
    counts: Map<string, TargetCounts>,
    params: ReportParams,
  ) => QuotaReport
}

/** Plans × days × units: a few dozen entries cover the reports people actually open. */
const MAX_ENTRIES = 64

const caches = new WeakMap<Payload, Map<string, Entry>>()
const stats = new WeakMap<Payload, { hits: number; partial: number; misses: number; bypassed: number }>()

/** How reports were served on this instance (for tests and the benchmark). */
export function reportCacheStats(payload: Payload): {
  hits: number
  partial: number
  misses: number
  bypassed: number
} {
  let s = stats.get(payload)
  if (!s) stats.set(payload, (s = { hits: 0, partial: 0, misses: 0, bypassed: 0 }))
  return s
}

/** Empties this instance's cache (the benchmark's cold runs). */
export function clearReportCache(payload: Payload): void {
  caches.get(payload)?.clear()
}

export async function cachedReport(
  req: PayloadRequest,
  params: ReportParams,
  access: { overrideAccess?: boolean },
  steps: ReportSteps,
): Promise<QuotaReport | null> {
  const { payload } = req
  const s = reportCacheStats(payload)
  if (!(await cacheable(req, access))) {
    s.bypassed++
    return compute(steps, params)
  }
  let cache = caches.get(payload)
  if (!cache) caches.set(payload, (cache = new Map()))
  const key = JSON.stringify([
    params.plan,
    params.asOf,
    params.unit,
    params.tasks ?? null,
    access.overrideAccess === true,
  ])
  const entry = cache.get(key)
  const known = entry ? [...entry.taskVersions.keys()] : []
  const seen = await readVersions(payload, [STRUCTURE_SCOPE, ...known.map(taskScope)])
  const structure = seen.get(STRUCTURE_SCOPE) ?? 0
  const now = { structure, tasks: new Map(known.map((t) => [t, seen.get(taskScope(t)) ?? 0])) }
  const freshness = reportFreshness(entry && { structure: entry.structure, tasks: entry.taskVersions }, now)

  if (entry && freshness.kind === 'fresh') {
    s.hits++
    remember(cache, key, entry)
    return entry.report
  }
  if (entry && freshness.kind === 'partial') {
    s.partial++
    const changed = new Set(freshness.tasks)
    const fresh = await steps.count(entry.questions.queries.filter((q) => changed.has(q.task)))
    const counts = new Map(entry.counts)
    for (const [k, v] of fresh) counts.set(k, v)
    const report = reassembleTasks(entry.report, entry.shape, entry.questions, counts, params, changed)
    remember(cache, key, { ...entry, taskVersions: now.tasks, counts, report: deepFreeze(report) })
    return report
  }

  s.misses++
  const shape = await steps.readShape()
  if (!shape) {
    cache.delete(key)
    return null
  }
  const tasks = shape.tasks.map((t) => Number(t.id))
  // Read before the counts they guard, like the structure counter before the shape.
  const taskSeen = await readVersions(payload, tasks.map(taskScope))
  const questions = steps.questions(shape, params.asOf)
  const counts = await steps.count(questions.queries)
  const report = steps.assemble(shape, questions, counts, params)
  const taskVersions = new Map(tasks.map((t) => [t, taskSeen.get(taskScope(t)) ?? 0]))
  remember(cache, key, { structure, taskVersions, shape, questions, counts, report: deepFreeze(report) })
  return report
}

async function compute(steps: ReportSteps, params: ReportParams): Promise<QuotaReport | null> {
  const shape = await steps.readShape()
  if (!shape) return null
  const questions = steps.questions(shape, params.asOf)
  return steps.assemble(shape, questions, await steps.count(questions.queries), params)
}

/**
 * Cached reports are shared by every caller, so they are frozen rather than copied: a copy of a
 * 200-task report (structuredClone) cost more than the rest of a cache hit together.
 */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner)
    Object.freeze(value)
  }
  return value
}

function remember(cache: Map<string, Entry>, key: string, entry: Entry): void {
  cache.delete(key)
  cache.set(key, entry)
  // Maps keep insertion order, and every use re-inserts: the first key is the least recent.
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string)
}

async function cacheable(req: PayloadRequest, access: { overrideAccess?: boolean }): Promise<boolean> {
  const transaction = req.transactionID ? await req.transactionID : undefined
  if (transaction !== undefined && transaction !== null) return false
  // With read replicas, Payload may read the plan and tasks from a copy that lags behind the
  // counters (always read on the primary): a cached shape could then outlive its counter.
  if (hasReadReplicas(req.payload)) return false
  return readerSeesEverything(req, access)
}
