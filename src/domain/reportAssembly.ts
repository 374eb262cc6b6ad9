/**
 * The quota report from what the database gave: which counting questions a plan's targets ask
 * (reportQuestions) and the report built from the answers (assembleReport). Pure: the plugin
 * reads the plan, tasks and names (src/plugin/report/buildReport.ts) and the ledger's counts,
 * and passes them in with the report day, so a report can be checked without a database.
 */
import { calendarDay } from './calendar'
import type { TargetCountQuery, TargetCounts } from './counting'
import {
  evaluateContentTarget,
  evaluateDeliverable,
  evaluateIndicator,
  targetWindow,
  totals,
  type Attainment,
  type ChannelAttainment,
  type DayWindow,
  type TimeframeSpec,
} from './quota'
import { relId, relIds } from './relations'

/** One target's row: what it asks for, then its attainment (quota.ts ATTAINMENT_FIELDS). */
export interface ReportTarget extends Attainment {
  id: string
  kind: 'content' | 'deliverable' | 'indicator'
  label: string | null
  contentTypes: string[]
  channels: number[]
  mode: 'pooled' | 'perChannel' | null
  window: DayWindow | null
  byChannel: ChannelAttainment[]
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

/** Which report: a plan as of a day, optionally one unit's tasks (with its sub-units) or some tasks. */
export interface ReportParams {
  plan: number
  asOf: string
  unit: number | null
  tasks?: number[]
}

type Row = Record<string, unknown>

/**
 * What a report is computed from besides the counts: the plan, its tasks (unpopulated, in
 * report order) and the names of the lead units and channels the reader may see.
 */
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

const day = (v: unknown, tz: string): string | null => (typeof v === 'string' && v ? calendarDay(v, tz) : null)
const minDay = (a: string, b: string): string => (a < b ? a : b)
/** A target without a kind predates kinds: every target was a content target then. */
const kindOf = (t: Row): unknown => t.kind ?? 'content'
const targetKey = (task: Row, t: Row): string => `${String(task.id)}:${String(t.id)}`
const targetsOf = (task: Row): Row[] => (task.targets ?? []) as Row[]

/**
 * The lead units and channels whose names the report shows: every task's lead units and every
 * content target's channels, each once, in first-seen order.
 */
export function reportNameIds(tasks: readonly Row[]): { units: number[]; channels: number[] } {
  const units = [...new Set(tasks.flatMap((t) => relIds(t.leadUnits).map(Number)))]
  const channels = [
    ...new Set(
      tasks.flatMap((t) =>
        targetsOf(t).flatMap((x) => (kindOf(x) === 'content' ? relIds(x.channels).map(Number) : [])),
      ),
    ),
  ]
  return { units, channels }
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
    for (const t of targetsOf(task)) {
      const window = targetWindow({
        timeframe,
        windowStart: day(t.windowStart, tz),
        planFrom,
        planTo,
        today: asOf,
      })
      const key = targetKey(task, t)
      windows.set(key, window)
      if (kindOf(t) === 'content') queries.push(countQuery(key, Number(task.id), t, window, asOf))
    }
  }
  return { windows, queries }
}

/**
 * The report from its shape, windows and counts. Tasks and their targets keep the shape's order;
 * a content target the counts do not mention counted nothing. Totals add up content targets and
 * deliverables (a row of 1 each); indicators are measured in their own units and stay out.
 */
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
    const targets = targetsOf(task).map((t) => {
      const key = targetKey(task, t)
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
  // In the order the targets name them, so export columns do not depend on the database's order.
  const channels = [...used].flatMap((id) => {
    const name = shape.channelNames.get(id)
    return name === undefined ? [] : [{ id, name }]
  })
  return {
    channels,
    plan: { id: Number(plan.id), code: String(plan.code), title: String(plan.title) },
    asOf: params.asOf,
    unit: params.unit,
    tasks,
    totals: totals(tasks.flatMap((t) => t.targets.filter((x) => x.kind !== 'indicator'))),
  }
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

/** Without a window (no deadline, bad days) a target counts everything up to the report day. */
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
  // Spelled out, not spread: a national plan's report has thousands of these.
  return {
    id: base.id,
    kind: base.kind,
    label: base.label,
    window,
    contentTypes,
    channels,
    mode,
    target: r.target,
    achieved: r.achieved,
    late: r.late,
    percent: r.percent,
    remaining: r.remaining,
    expected: r.expected,
    status: r.status,
    byChannel: r.byChannel,
  }
}

/**
 * The report again after some tasks' counts changed, reusing every other task's rows: only the
 * changed tasks are evaluated, then the totals are summed again. Equal to assembleReport over
 * the whole shape with the new counts (the unit test holds it to that); a report of hundreds of
 * targets costs milliseconds to assemble, and one publish changes one task.
 */
export function reassembleTasks(
  previous: QuotaReport,
  shape: ReportShape,
  questions: ReportQuestions,
  counts: Map<string, TargetCounts>,
  params: ReportParams,
  changed: ReadonlySet<number>,
): QuotaReport {
  const part = assembleReport(
    { ...shape, tasks: shape.tasks.filter((t) => changed.has(Number(t.id))) },
    questions,
    counts,
    params,
  )
  const fresh = new Map(part.tasks.map((t) => [t.id, t]))
  const tasks = previous.tasks.map((t) => fresh.get(t.id) ?? t)
  return {
    ...previous,
    tasks,
    totals: totals(tasks.flatMap((t) => t.targets.filter((x) => x.kind !== 'indicator'))),
  }
}
