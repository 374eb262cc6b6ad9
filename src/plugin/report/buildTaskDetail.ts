import type { PayloadRequest } from 'payload'
import { relId } from '../../domain/relations'
import { classifyItems, cumulativeSeries, itemsOfTarget, type SeriesPoint } from '../../domain/targetItems'
import { SLUGS } from '../../domain/slugs'
import { listItemPublications } from '../counting/engine/read'
import { buildReport, type QuotaReport, type ReportTarget } from './buildReport'
import { readDetailItems } from './readDetailItems'

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

  // One read of the task's ledger rows for all its targets, one read of the items they show.
  const content = reported.targets.filter((t) => t.kind === 'content' && t.window && t.mode)
  const all =
    content.length === 0
      ? []
      : await listItemPublications(
          payload,
          {
            task: params.task,
            channels: [...new Set(content.flatMap((t) => t.channels))],
            contentTypes: [...new Set(content.flatMap((t) => t.contentTypes))],
            to: params.asOf,
          },
          req,
        )
  const perTarget = new Map(
    content.map((target) => {
      const onChannels = itemsOfTarget(all, target)
      const classified = classifyItems(onChannels, target.window!, params.asOf)
      return [target, { onChannels, classified, shown: classified.slice(0, TASK_DETAIL_ITEM_LIMIT) }] as const
    }),
  )
  const docs = await readDetailItems(
    req,
    [...perTarget.values()].flatMap((t) => t.shown),
  )

  const targets: DetailTarget[] = []
  for (const target of reported.targets) {
    const mine = perTarget.get(target)
    if (!mine || !target.window || !target.mode) {
      targets.push({ ...target, series: [], items: [], itemsTruncated: false })
      continue
    }
    const { onChannels, classified, shown } = mine
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
