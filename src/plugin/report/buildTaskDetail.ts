import type { PayloadRequest } from 'payload'
import { relId } from '../../domain/relations'
import { dayReaching, makeSpec, prefixFrom, specKey, type FirstDaySpec } from '../../domain/firstDays'
import type { DayWindow } from '../../domain/quota'
import { cumulativeSeries, type CountsAsOf, type SeriesPoint } from '../../domain/targetItems'
import { SLUGS } from '../../domain/slugs'
import { listTargetItems, readFirstDayRows } from '../counting/engine/read'
import { buildReport, type QuotaReport, type ReportTarget } from './buildReport'
import { readDetailItems } from './readDetailItems'

/**
 * Items listed per target on one page of the drill-down. A target of a national plan has
 * thousands; a page is what a person reads, and what the database reads for it stays small.
 */
export const TASK_DETAIL_PAGE_SIZE = 100

export interface DetailItem {
  type: string
  id: number
  title: string
  /** Where the item is in the admin. */
  adminUrl: string
  /** The item's publications on the target's channels, with their links when recorded. */
  channels: Array<{ id: number; name: string; day: string; url: string | null }>
  firstDay: string
  counted: boolean
  late: boolean
}

export interface DetailTarget extends ReportTarget {
  series: SeriesPoint[]
  /** This page of the target's items: counted ones by first day, then the late ones. */
  items: DetailItem[]
  /** Items listed over all pages: the counted and the late ones. */
  itemsTotal: number
  /** More items follow this page. */
  itemsTruncated: boolean
}

export interface TaskDetail {
  plan: QuotaReport['plan']
  asOf: string
  /** The page of items shown (1 = the first) and its size. */
  page: number
  pageSize: number
  /** Names of the channels the targets use. */
  channels: QuotaReport['channels']
  task: Omit<QuotaReport['tasks'][number], 'targets'>
  targets: DetailTarget[]
}

type Row = Record<string, unknown>

/**
 * One task's attainment with what is behind each number: the items counted (and the late ones)
 * and the cumulative line over the target's window. Read as the requesting user. Null when the
 * task does not exist or the user cannot see it.
 */
export async function buildTaskDetail(
  req: PayloadRequest,
  params: { task: number; asOf: string; page?: number },
): Promise<TaskDetail | null> {
  const page = Math.max(1, Math.trunc(params.page ?? 1))
  const offset = (page - 1) * TASK_DETAIL_PAGE_SIZE
  const { payload } = req
  const task = (await payload.findByID({
    collection: SLUGS.tasks,
    id: params.task,
    depth: 0,
    select: { plan: true },
    overrideAccess: false,
    req,
    disableErrors: true,
  })) as Row | null
  const plan = task ? relId(task.plan) : undefined
  if (!task || plan === undefined) return null
  const report = await buildReport(req, { plan: Number(plan), asOf: params.asOf, unit: null, tasks: [params.task] })
  const reported = report?.tasks[0]
  if (!report || !reported) return null
  const channelName = new Map(report.channels.map((c) => [c.id, c.name]))

  // Per target, the specs of its line (the report just counted from them) and the listed page of
  // its items, classified in SQL.
  const content = reported.targets.filter(
    (t): t is typeof t & { window: DayWindow; mode: NonNullable<typeof t.mode> } =>
      t.kind === 'content' && t.window !== null && t.mode !== null,
  )
  const lines = content.map((target) => ({ target, ...lineSpecs(params.task, target, target.window) }))
  const stored = await readFirstDayRows(
    payload,
    lines.flatMap((l) => (l.pooled ? [l.pooled, ...l.byChannel.values()] : [])),
    req,
  )
  const rowsOf = (spec: FirstDaySpec) => stored.get(specKey(spec)) ?? []
  const perTarget = new Map<(typeof reported.targets)[number], Awaited<ReturnType<typeof listTargetItems>>>()
  for (const { target, pooled } of lines) {
    const countTo = target.window.to < params.asOf ? target.window.to : params.asOf
    perTarget.set(
      target,
      await listTargetItems(
        payload,
        {
          task: params.task,
          channels: target.channels,
          contentTypes: target.contentTypes,
          window: target.window,
          asOf: params.asOf,
          offset,
          limit: TASK_DETAIL_PAGE_SIZE,
          countedBy:
            pooled && dayReaching(rowsOf(pooled), offset + TASK_DETAIL_PAGE_SIZE + 1, target.window.from, countTo),
        },
        req,
      ),
    )
  }
  const docs = await readDetailItems(
    req,
    [...perTarget.values()].flatMap((t) => t.items),
  )

  const targets: DetailTarget[] = []
  for (const target of reported.targets) {
    const listed = perTarget.get(target)
    const line = lines.find((l) => l.target === target)
    if (!listed || !line || !target.window || !target.mode) {
      targets.push({ ...target, series: [], items: [], itemsTotal: 0, itemsTruncated: false })
      continue
    }
    const countTo = target.window.to < params.asOf ? target.window.to : params.asOf
    const countsAt = (day: string): CountsAsOf =>
      line.pooled
        ? {
            pooled: prefixFrom(rowsOf(line.pooled), day),
            byChannel: new Map([...line.byChannel].map(([c, spec]) => [c, prefixFrom(rowsOf(spec), day)])),
          }
        : { pooled: 0, byChannel: new Map() }
    targets.push({
      ...target,
      series: cumulativeSeries({
        mode: target.mode,
        quantity: target.mode === 'perChannel' ? target.target / Math.max(1, target.channels.length) : target.target,
        channels: target.channels,
        window: target.window,
        asOf: params.asOf,
        countsAt,
      }),
      items: listed.items.map((it) => {
        const doc = docs.get(`${it.contentType}:${it.item}`)
        const urls = new Map(
          ((doc?.publications ?? []) as Row[]).map((p) => [Number(relId(p.channel)), (p.url as string) || null]),
        )
        return {
          type: it.contentType,
          id: it.item,
          title: typeof doc?.title === 'string' ? doc.title : `#${it.item}`,
          adminUrl: `/admin/collections/${it.contentType}/${it.item}`,
          channels: it.publications.map((p) => ({
            id: p.channel,
            name: channelName.get(p.channel) ?? String(p.channel),
            day: p.day,
            url: urls.get(p.channel) ?? null,
          })),
          firstDay: it.firstDay,
          counted: it.counted,
          late: it.late,
        }
      }),
      // Counted items are those with a first day in the window up to the report day (the store's
      // prefix there); late ones are the report's own count.
      itemsTotal:
        (line.pooled && target.window.from <= countTo ? prefixFrom(rowsOf(line.pooled), countTo) : 0) + target.late,
      itemsTruncated: listed.truncated,
    })
  }
  const { id, code, title, deadline, recurring, leadUnits } = reported
  return {
    plan: report.plan,
    asOf: report.asOf,
    page,
    pageSize: TASK_DETAIL_PAGE_SIZE,
    channels: report.channels,
    task: { id, code, title, deadline, recurring, leadUnits },
    targets,
  }
}

/**
 * The first-day specs behind a target's counts on any day of its window: the same ones the
 * report's count of it asks (firstDays.ts targetPrefixes). None when it counts nothing.
 */
function lineSpecs(
  task: number,
  target: { channels: number[]; contentTypes: string[] },
  window: DayWindow,
): { pooled: FirstDaySpec | null; byChannel: Map<number, FirstDaySpec> } {
  if (target.channels.length === 0 || target.contentTypes.length === 0) return { pooled: null, byChannel: new Map() }
  return {
    pooled: makeSpec(task, target.channels, target.contentTypes, window.from),
    byChannel: new Map(target.channels.map((c) => [c, makeSpec(task, [c], target.contentTypes, window.from)])),
  }
}
