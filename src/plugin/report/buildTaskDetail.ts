import type { PayloadRequest } from 'payload'
import { relId } from '../../domain/relations'
import { classifyItems, cumulativeSeries, type SeriesPoint } from '../../domain/targetItems'
import { SLUGS, type ContentType } from '../../domain/slugs'
import { listItemPublications } from '../counting/engine/read'
import { buildReport, type QuotaReport, type ReportTarget } from './buildReport'

/** Longest list of items returned per target; the counts stay exact beyond it. */
export const TASK_DETAIL_ITEM_LIMIT = 500

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
  items: DetailItem[]
  itemsTruncated: boolean
}

export interface TaskDetail {
  plan: QuotaReport['plan']
  asOf: string
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
  params: { task: number; asOf: string },
): Promise<TaskDetail | null> {
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

  const targets: DetailTarget[] = []
  for (const target of reported.targets) {
    if (target.kind !== 'content' || !target.window || !target.mode) {
      targets.push({ ...target, series: [], items: [], itemsTruncated: false })
      continue
    }
    // Every publication on the target's channels up to the report day, those before the window
    // too: an item is late only if *all* of them are after the deadline (domain rule 3, as the
    // report counts it), so leaving the early ones out called such an item late here alone.
    const onChannels = await listItemPublications(
      payload,
      { task: params.task, channels: target.channels, contentTypes: target.contentTypes, to: params.asOf },
      req,
    )
    const classified = classifyItems(onChannels, target.window, params.asOf)
    const shown = classified.slice(0, TASK_DETAIL_ITEM_LIMIT)
    const docs = await readItems(req, shown)
    targets.push({
      ...target,
      series: cumulativeSeries({
        mode: target.mode,
        quantity: target.mode === 'perChannel' ? target.target / Math.max(1, target.channels.length) : target.target,
        channels: target.channels,
        items: onChannels,
        window: target.window,
        asOf: params.asOf,
      }),
      items: shown.map((it) => {
        const doc = docs.get(`${it.contentType}:${it.item}`)
        const urls = new Map(
          ((doc?.publications ?? []) as Row[]).map((p) => [Number(relId(p.channel)), (p.url as string) || null]),
        )
        return {
          type: it.contentType,
          id: it.item,
          title: typeof doc?.title === 'string' ? doc.title : `#${it.item}`,
          adminUrl: `/admin/collections/${it.contentType}/${it.item}`,
          channels: it.publications
            .filter((p) => p.day <= params.asOf)
            .map((p) => ({
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
      itemsTruncated: classified.length > shown.length,
    })
  }
  const { id, code, title, deadline, recurring, leadUnits } = reported
  return {
    plan: report.plan,
    asOf: report.asOf,
    channels: report.channels,
    task: { id, code, title, deadline, recurring, leadUnits },
    targets,
  }
}

/** Titles and publication links of the listed items, one query per content type. */
async function readItems(
  req: PayloadRequest,
  items: Array<{ contentType: string; item: number }>,
): Promise<Map<string, Row>> {
  const out = new Map<string, Row>()
  const byType = new Map<string, number[]>()
  for (const it of items) byType.set(it.contentType, [...(byType.get(it.contentType) ?? []), it.item])
  for (const [type, ids] of byType) {
    const { docs } = await req.payload.find({
      collection: type as ContentType,
      where: { id: { in: ids } },
      depth: 0,
      pagination: false,
      select: { title: true, publications: true },
      overrideAccess: false,
      req,
    })
    for (const d of docs as unknown as Row[]) out.set(`${type}:${String(d.id)}`, d)
  }
  return out
}
