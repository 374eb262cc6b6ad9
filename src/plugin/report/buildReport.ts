import type { PayloadRequest, Where } from 'payload'
import { calendarDay } from '../../domain/calendar'
import {
  evaluateContentTarget,
  evaluateDeliverable,
  evaluateIndicator,
  targetWindow,
  totals,
  type DayWindow,
  type TargetStatus,
  type TimeframeSpec,
} from '../../domain/quota'
import { relId, relIds } from '../../domain/relations'
import { unitWithDescendants } from '../../domain/units'
import { SLUGS } from '../../domain/slugs'
import { countTargets, type TargetCountQuery, type TargetCounts } from '../counting/engine/read'
import { countingTimeZone } from '../counting/engine/settings'
import { cachedReport } from './reportCache'

export interface ReportTarget {
  id: string
  kind: 'content' | 'deliverable' | 'indicator'
  label: string | null
  contentTypes: string[]
  channels: number[]
  mode: 'pooled' | 'perChannel' | null
  window: DayWindow | null
  target: number
  achieved: number
  late: number
  percent: number
  remaining: number
  expected: number
  status: TargetStatus
  byChannel: Array<{ channel: number; achieved: number }>
}

export interface ReportTask {
  id: number
  code: string
  title: string
  deadline: string | null
  recurring: boolean
  leadUnits: Array<{ id: number; name: string }>
  targets: ReportTarget[]
}

export interface QuotaReport {
  plan: { id: number; code: string; title: string }
  asOf: string
  unit: number | null
  tasks: ReportTask[]
  totals: { target: number; achieved: number; percent: number }
  /** Names of the channels the targets use, for labels in exports and the dashboard. */
  channels: Array<{ id: number; name: string }>
}

type Row = Record<string, unknown>
const day = (v: unknown, tz: string): string | null => (typeof v === 'string' && v ? calendarDay(v, tz) : null)
const minDay = (a: string, b: string): string => (a < b ? a : b)

/** What a report is computed from besides the counts: the plan, its tasks and their labels. */
export interface ReportShape {
  plan: Row
  tasks: Row[]
  unitNames: Map<number, string>
  channelNames: Map<number, string>
  tz: string
}

/** Each target's window and the counting questions for the content targets, as of the report day. */
export interface ReportQuestions {
  windows: Map<string, DayWindow | null>
  queries: TargetCountQuery[]
}

/**
 * The plan's quota attainment as of a day. Plans and tasks are read as the requesting user
 * (access control on); counts come from the engine's ledger; every number is computed by the
 * pure rules in src/domain/quota.ts. Returns null when the plan does not exist or is not
 * visible to the user. Scheduled jobs, which act for no user, pass `overrideAccess: true`.
 * Served from the report cache when nothing it depends on has changed (reportCache.ts).
 */
export async function buildReport(
  req: PayloadRequest,
  params: ReportParams,
  access: { overrideAccess?: boolean } = {},
): Promise<QuotaReport | null> {
  return cachedReport(req, params, access, {
    readShape: () => readReportShape(req, params, access),
    questions: reportQuestions,
    count: (queries) => countTargets(req.payload, queries, req),
    assemble: assembleReport,
  })
}

export interface ReportParams {
  plan: number
  asOf: string
  unit: number | null
  tasks?: number[]
}

/** The plan, its tasks in scope (unpopulated) and the names the report shows, as the reader sees them. */
export async function readReportShape(
  req: PayloadRequest,
  params: ReportParams,
  access: { overrideAccess?: boolean } = {},
): Promise<ReportShape | null> {
  const { payload } = req
  // Only the system reads past access control: a share link already verified as a capability
  // for this one plan, and scheduled jobs (no user; the report goes to the plan's managers).
  const overrideAccess = access.overrideAccess === true
  const tz = countingTimeZone(payload)
  const plan = (await payload.findByID({
    collection: SLUGS.plans,
    id: params.plan,
    depth: 0,
    overrideAccess,
    req,
    disableErrors: true,
  })) as Row | null
  if (!plan) return null
  // A unit's report rolls up: tasks led by it or by any unit below it (ministry → departments).
  const units = params.unit
    ? unitWithDescendants(
        (
          await payload.find({
            collection: SLUGS.units,
            depth: 0,
            pagination: false,
            select: { parent: true },
            overrideAccess,
            req,
          })
        ).docs.map((u) => ({
          id: Number(u.id),
          parent: relId(u.parent) === undefined ? null : Number(relId(u.parent)),
        })),
        params.unit,
      )
    : []
  const scope: Where[] = [{ plan: { equals: params.plan } }]
  if (params.unit) scope.push({ leadUnits: { in: units } })
  if (params.tasks) scope.push({ id: { in: params.tasks } })
  const where: Where = { and: scope }
  // Only what the report reads, unpopulated: Payload's cost grows with every joined field.
  const { docs } = await payload.find({
    collection: SLUGS.tasks,
    where,
    depth: 0,
    pagination: false,
    sort: 'sortOrder',
    select: { code: true, title: true, sortOrder: true, timeframe: true, leadUnits: true, targets: true },
    overrideAccess,
    req,
  })
  const tasks = docs as unknown as Row[]
  const leadIds = [...new Set(tasks.flatMap((t) => relIds(t.leadUnits).map(Number)))]
  const channelIds = [
    ...new Set(
      tasks.flatMap((t) =>
        ((t.targets ?? []) as Row[]).flatMap((x) =>
          (x.kind ?? 'content') === 'content' ? relIds(x.channels).map(Number) : [],
        ),
      ),
    ),
  ]
  const [unitNames, channelNames] = await Promise.all([
    namesOf(req, SLUGS.units, leadIds, overrideAccess),
    namesOf(req, SLUGS.channels, channelIds, overrideAccess),
  ])
  return { plan, tasks, unitNames, channelNames, tz }
}

/** First the windows, then what the ledger must answer for every content target. */
export function reportQuestions(shape: ReportShape, asOf: string): ReportQuestions {
  const { plan, tz } = shape
  const planFrom = day((plan.period as Row | undefined)?.from, tz)
  const planTo = day((plan.period as Row | undefined)?.to, tz)
  const windows = new Map<string, DayWindow | null>()
  const queries: TargetCountQuery[] = []
  for (const task of shape.tasks) {
    const timeframe = timeframeOf(task, tz)
    for (const t of (task.targets ?? []) as Row[]) {
      const window = targetWindow({
        timeframe,
        windowStart: day(t.windowStart, tz),
        planFrom,
        planTo,
        today: asOf,
      })
      const key = `${String(task.id)}:${String(t.id)}`
      windows.set(key, window)
      if ((t.kind ?? 'content') === 'content') queries.push(countQuery(key, Number(task.id), t, window, asOf))
    }
  }
  return { windows, queries }
}

/** The report from its shape, windows and counts: pure rules only, no database. */
export function assembleReport(
  shape: ReportShape,
  questions: ReportQuestions,
  counts: Map<string, TargetCounts>,
  params: ReportParams,
): QuotaReport {
  const { plan, tz, unitNames } = shape
  const tasks: ReportTask[] = []
  for (const task of shape.tasks) {
    const timeframe = timeframeOf(task, tz)
    const targets = ((task.targets ?? []) as Row[]).map((t) => {
      const key = `${String(task.id)}:${String(t.id)}`
      return evaluateTarget(t, questions.windows.get(key) ?? null, counts.get(key), params.asOf, tz)
    })
    tasks.push({
      id: Number(task.id),
      code: String(task.code ?? ''),
      title: String(task.title ?? ''),
      deadline:
        timeframe.kind === 'deadline'
          ? (timeframe.deadline ?? null)
          : timeframe.kind === 'byYear' && timeframe.year
            ? `${timeframe.year}-12-31`
            : null,
      recurring: timeframe.kind === 'recurring',
      // A lead unit the reader cannot see is left out, as population would have left it out.
      leadUnits: relIds(task.leadUnits).flatMap((id) =>
        unitNames.has(Number(id)) ? [{ id: Number(id), name: unitNames.get(Number(id))! }] : [],
      ),
      targets,
    })
  }
  const used = new Set(tasks.flatMap((t) => t.targets.flatMap((x) => x.channels)))
  const channels = [...shape.channelNames].filter(([id]) => used.has(id)).map(([id, name]) => ({ id, name }))
  return {
    channels,
    plan: { id: Number(plan.id), code: String(plan.code), title: String(plan.title) },
    asOf: params.asOf,
    unit: params.unit,
    tasks,
    totals: totals(tasks.flatMap((t) => t.targets.filter((x) => x.kind !== 'indicator'))),
  }
}

/** Names of the given units or channels, in one query, as the reader sees them. */
async function namesOf(
  req: PayloadRequest,
  collection: typeof SLUGS.units | typeof SLUGS.channels,
  ids: number[],
  overrideAccess: boolean,
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  const { docs } = await req.payload.find({
    collection,
    where: { id: { in: ids } },
    depth: 0,
    pagination: false,
    select: { name: true },
    overrideAccess,
    req,
  })
  return new Map(docs.map((d) => [Number(d.id), String((d as { name?: unknown }).name)]))
}

function timeframeOf(task: Row, tz: string): TimeframeSpec {
  const tf = (task.timeframe ?? {}) as Row
  return {
    kind: (tf.kind as TimeframeSpec['kind']) ?? 'deadline',
    deadline: day(tf.deadline, tz),
    recurrence: (tf.recurrence as TimeframeSpec['recurrence']) ?? null,
    year: typeof tf.year === 'number' ? tf.year : null,
  }
}

const effectiveWindow = (window: DayWindow | null, asOf: string): DayWindow =>
  window ?? { from: '0001-01-01', to: asOf }

/** What the ledger must answer for a content target as of the report day. */
function countQuery(key: string, task: number, t: Row, window: DayWindow | null, asOf: string): TargetCountQuery {
  const effective = effectiveWindow(window, asOf)
  return {
    key,
    task,
    channels: relIds(t.channels).map(Number),
    contentTypes: Array.isArray(t.contentTypes) ? (t.contentTypes as string[]) : [],
    // Nothing published after the report day, nothing before the window.
    from: effective.from,
    to: minDay(effective.to, asOf),
    // Late items exist only once the deadline has passed (domain rule 3).
    ...(asOf > effective.to ? { deadline: effective.to, lateTo: asOf } : {}),
  }
}

function evaluateTarget(
  t: Row,
  window: DayWindow | null,
  counted: TargetCounts | undefined,
  asOf: string,
  tz: string,
): ReportTarget {
  const kind = (t.kind as ReportTarget['kind']) ?? 'content'
  const base = { id: String(t.id), kind, label: (t.label as string | null) ?? null, window }
  if (kind === 'deliverable') {
    const r = evaluateDeliverable({
      submitted: t.submitted === true,
      hasDocument: relId(t.document) !== undefined,
      window,
      today: asOf,
    })
    return { ...base, contentTypes: [], channels: [], mode: null, late: 0, byChannel: [], ...r }
  }
  if (kind === 'indicator') {
    const progress = ((t.progress ?? []) as Row[]).flatMap((p) => {
      const d = day(p.date, tz)
      return d && typeof p.value === 'number' ? [{ date: d, value: p.value }] : []
    })
    const r = evaluateIndicator({ targetValue: Number(t.targetValue ?? 0), progress, window, today: asOf })
    return { ...base, contentTypes: [], channels: [], mode: null, late: 0, byChannel: [], ...r }
  }
  const channels = relIds(t.channels).map(Number)
  const contentTypes = Array.isArray(t.contentTypes) ? (t.contentTypes as string[]) : []
  const mode = t.mode === 'perChannel' ? 'perChannel' : 'pooled'
  const byChannel = (counted?.byChannel ?? []).map((r) => ({ channel: r.channel, achieved: r.count }))
  const r = evaluateContentTarget({
    mode,
    quantity: Number(t.quantity ?? 0),
    channels,
    pooledAchieved: counted?.pooled ?? 0,
    byChannel,
    late: counted?.late ?? 0,
    window: effectiveWindow(window, asOf),
    today: asOf,
  })
  return { ...base, contentTypes, channels, mode, ...r }
}
