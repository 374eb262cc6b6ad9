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
import { SLUGS } from '../../slugs'
import { countDistinctByChannel, countDistinctItems, countLateItems } from '../engine/read'
import { countingTimeZone } from '../engine/settings'

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

/**
 * The plan's quota attainment as of a day. Plans and tasks are read as the requesting user
 * (access control on); counts come from the engine's ledger; every number is computed by the
 * pure rules in src/domain/quota.ts. Returns null when the plan does not exist or is not
 * visible to the user. Scheduled jobs, which act for no user, pass `asSystem` (access off).
 */
export async function buildReport(
  req: PayloadRequest,
  params: { plan: number; asOf: string; unit: number | null },
  options: { asSystem?: boolean } = {},
): Promise<QuotaReport | null> {
  const { payload } = req
  const overrideAccess = options.asSystem === true
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
  const where: Where = params.unit
    ? { and: [{ plan: { equals: params.plan } }, { leadUnits: { in: units } }] }
    : { plan: { equals: params.plan } }
  const { docs } = await payload.find({
    collection: SLUGS.tasks,
    where,
    depth: 1,
    pagination: false,
    sort: 'sortOrder',
    overrideAccess,
    req,
  })
  const planFrom = day((plan.period as Row | undefined)?.from, tz)
  const planTo = day((plan.period as Row | undefined)?.to, tz)

  const tasks: ReportTask[] = []
  for (const task of docs as unknown as Row[]) {
    const tf = (task.timeframe ?? {}) as Row
    const timeframe: TimeframeSpec = {
      kind: (tf.kind as TimeframeSpec['kind']) ?? 'deadline',
      deadline: day(tf.deadline, tz),
      recurrence: (tf.recurrence as TimeframeSpec['recurrence']) ?? null,
      year: typeof tf.year === 'number' ? tf.year : null,
    }
    const targets: ReportTarget[] = []
    for (const t of (task.targets ?? []) as Row[]) {
      const window = targetWindow({
        timeframe,
        windowStart: day(t.windowStart, tz),
        planFrom,
        planTo,
        today: params.asOf,
      })
      targets.push(await evaluateTarget(req, Number(task.id), t, window, params.asOf, tz))
    }
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
      leadUnits: ((task.leadUnits ?? []) as Row[])
        .filter((u) => typeof u === 'object' && u)
        .map((u) => ({ id: Number(u.id), name: String(u.name) })),
      targets,
    })
  }
  const channelIds = [...new Set(tasks.flatMap((t) => t.targets.flatMap((x) => x.channels)))]
  const channels =
    channelIds.length === 0
      ? []
      : (
          await payload.find({
            collection: SLUGS.channels,
            where: { id: { in: channelIds } },
            depth: 0,
            pagination: false,
            overrideAccess,
            req,
          })
        ).docs.map((c) => ({ id: Number(c.id), name: String(c.name) }))
  return {
    channels,
    plan: { id: Number(plan.id), code: String(plan.code), title: String(plan.title) },
    asOf: params.asOf,
    unit: params.unit,
    tasks,
    totals: totals(tasks.flatMap((t) => t.targets.filter((x) => x.kind !== 'indicator'))),
  }
}

async function evaluateTarget(
  req: PayloadRequest,
  task: number,
  t: Row,
  window: DayWindow | null,
  asOf: string,
  tz: string,
): Promise<ReportTarget> {
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
  // Counts as of the report day: nothing published after it, nothing before the window.
  const effective: DayWindow = window ?? { from: '0001-01-01', to: asOf }
  const to = minDay(effective.to, asOf)
  const filter = { tasks: [task], channels, contentTypes, from: effective.from, to }
  const pooled = (await countDistinctItems(req.payload, filter, req)).get(task) ?? 0
  const byChannel = (await countDistinctByChannel(req.payload, filter, req)).map((r) => ({
    channel: r.channel,
    achieved: r.count,
  }))
  const late =
    asOf > effective.to
      ? ((
          await countLateItems(
            req.payload,
            { tasks: [task], channels, contentTypes, deadline: effective.to, to: asOf },
            req,
          )
        ).get(task) ?? 0)
      : 0
  const r = evaluateContentTarget({
    mode,
    quantity: Number(t.quantity ?? 0),
    channels,
    pooledAchieved: pooled,
    byChannel,
    late,
    window: effective,
    today: asOf,
  })
  return { ...base, contentTypes, channels, mode, ...r }
}
