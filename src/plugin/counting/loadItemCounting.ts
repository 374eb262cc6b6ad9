import type { PayloadRequest } from 'payload'
import { calendarDay, dayOf } from '../../domain/calendar'
import { explainItem, type ItemForCounting, type TaskExplanation } from '../../domain/itemCounting'
import { relId, relIds } from '../../domain/relations'
import { SLUGS } from '../../domain/slugs'
import { buildReport } from '../report/buildReport'
import { countingTimeZone } from './engine/settings'

export interface ItemCounting {
  today: string
  published: boolean
  tasks: TaskExplanation[]
  /** Tagged tasks the reader may not see (or that no longer exist), left out of `tasks`. */
  hidden: number
  channelNames: Map<number, string>
}

type Row = Record<string, unknown>

/**
 * What the "Tính vào chỉ tiêu" sidebar shows for an item (its saved form: tasks, publications,
 * status): each tagged task's report numbers as of today and how the item counts toward each of
 * its content targets. Everything is read as the signed-in user (plans, tasks, units and
 * channels are readable by staff); the numbers are the report's own (buildReport).
 */
export async function loadItemCounting(
  req: PayloadRequest,
  contentType: string,
  data: Row,
  now: Date = new Date(),
): Promise<ItemCounting> {
  const { payload } = req
  const tz = countingTimeZone(payload)
  const today = calendarDay(now, tz)
  const published = data._status === 'published'
  const ids = [...new Set(relIds(data.tasks).map(Number))].filter((id) => Number.isSafeInteger(id))
  const empty: ItemCounting = { today, published, tasks: [], hidden: 0, channelNames: new Map() }
  if (ids.length === 0) return empty
  const { docs } = await payload.find({
    collection: SLUGS.tasks,
    where: { id: { in: ids } },
    depth: 0,
    pagination: false,
    select: { plan: true },
    overrideAccess: false,
    req,
  })
  const byPlan = new Map<number, number[]>()
  for (const t of docs) {
    const plan = relId((t as Row).plan)
    if (plan === undefined) continue
    byPlan.set(Number(plan), [...(byPlan.get(Number(plan)) ?? []), Number(t.id)])
  }
  const reports = await Promise.all(
    [...byPlan].map(([plan, tasks]) => buildReport(req, { plan, asOf: today, unit: null, tasks })),
  )
  const home = await payload.find({
    collection: SLUGS.channels,
    where: { isHome: { equals: true } },
    depth: 0,
    limit: 1,
    select: { name: true },
    overrideAccess: false,
    req,
  })
  const homeChannel = home.docs[0] ? Number(home.docs[0].id) : null
  const channelNames = new Map<number, string>()
  for (const r of reports) for (const c of r?.channels ?? []) channelNames.set(c.id, c.name)
  if (home.docs[0]) channelNames.set(Number(home.docs[0].id), String((home.docs[0] as Row).name))
  const item: ItemForCounting = {
    contentType,
    published,
    publications: ((data.publications ?? []) as Row[]).flatMap((p) => {
      const channel = relId(p.channel)
      const day = dayOf(p.publishedAt, tz)
      return channel !== undefined && day ? [{ channel: Number(channel), day }] : []
    }),
  }
  const tasks = reports.flatMap((r) => (r ? r.tasks.map((task) => ({ task, planCode: r.plan.code })) : []))
  return {
    today,
    published,
    tasks: explainItem(item, tasks, homeChannel, today),
    hidden: ids.length - tasks.length,
    channelNames,
  }
}
