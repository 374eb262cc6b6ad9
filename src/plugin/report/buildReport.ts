import type { PayloadRequest, Where } from 'payload'
import {
  assembleReport,
  reportNameIds,
  reportQuestions,
  type QuotaReport,
  type ReportParams,
  type ReportShape,
} from '../../domain/reportAssembly'
import { relId } from '../../domain/relations'
import { sortTasks } from '../../domain/taskOrder'
import { unitWithDescendants } from '../../domain/units'
import { SLUGS } from '../../domain/slugs'
import { countTargets } from '../counting/engine/read'
import { countingTimeZone } from '../counting/engine/settings'
import { hasReadReplicas } from '../db/postgres'
import { readReportShapeSql } from './readReportShapeSql'
import { readerSeesEverything } from './readerSeesEverything'
import { cachedReport } from './reportCache'

// The report's types and rules live in the domain; importers of this module keep finding them here.
export { assembleReport, reportQuestions } from '../../domain/reportAssembly'
export type {
  QuotaReport,
  ReportParams,
  ReportQuestions,
  ReportShape,
  ReportTarget,
  ReportTask,
} from '../../domain/reportAssembly'

type Row = Record<string, unknown>

/**
 * The plan's quota attainment as of a day. Plans and tasks are read as the requesting user
 * (access control on); counts come from the engine's ledger; the report is assembled from them
 * by the pure rules in src/domain/reportAssembly.ts (numbers: quota.ts). Returns null when the plan does not exist or is not
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

/**
 * The plan, its tasks in scope (unpopulated) and the names the report shows, as the reader sees
 * them. A reader who sees everything as stored gets them in plain SQL (readReportShapeSql.ts,
 * a few ms where Payload's find of a national plan's tasks takes 40-60); anyone else through
 * Payload, which applies the access rules and hooks.
 */
export async function readReportShape(
  req: PayloadRequest,
  params: ReportParams,
  access: { overrideAccess?: boolean } = {},
): Promise<ReportShape | null> {
  // With read replicas Payload reads the shape from a replica while the counters and counts
  // come from the primary (reportCache.ts); the SQL would run on the primary (drizzle's
  // withReplicas sends execute there). Such a host keeps Payload's reads, uncached, as before:
  // its shape reads stay where it sent them.
  if (!hasReadReplicas(req.payload) && (await readerSeesEverything(req, access))) return readReportShapeSql(req, params)
  return readReportShapeThroughPayload(req, params, access)
}

/** readReportShape through Payload's local API, with the reader's access rules and hooks. */
export async function readReportShapeThroughPayload(
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
    select: { code: true, title: true, sortOrder: true, timeframe: true, leadUnits: true, targets: true },
    overrideAccess,
    req,
  })
  // In the plan's order: display order, then STT in natural order (taskOrder.ts), then creation.
  const tasks = sortTasks(docs as unknown as Row[])
  const named = reportNameIds(tasks)
  const [unitNames, channelNames] = await Promise.all([
    namesOf(req, SLUGS.units, named.units, overrideAccess),
    namesOf(req, SLUGS.channels, named.channels, overrideAccess),
  ])
  return { plan, tasks, unitNames, channelNames, tz }
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
