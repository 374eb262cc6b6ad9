import type { PayloadRequest } from 'payload'
import { dayOf } from '../../domain/calendar'
import { forecastTarget, type Forecast, type PlannedItem } from '../../domain/forecast'
import { relIds } from '../../domain/relations'
import { SLUGS } from '../../domain/slugs'
import type { QuotaReport } from '../report/buildReport'
import { countedCollections, countingTimeZone } from '../counting/engine/settings'

type Row = Record<string, unknown>

/** The home channel's id (where publishing in the CMS records a publication), or null. */
export async function homeChannelId(req: PayloadRequest): Promise<number | null> {
  const { docs } = await req.payload.find({
    collection: SLUGS.channels,
    where: { isHome: { equals: true } },
    depth: 0,
    limit: 1,
    select: { isHome: true },
    overrideAccess: false,
    req,
  })
  return docs[0] ? Number(docs[0].id) : null
}

/** The drafts with a planned day tagged with any of the tasks, as the reader sees them. */
export async function loadPlannedItems(req: PayloadRequest, tasks: number[]): Promise<PlannedItem[]> {
  if (tasks.length === 0) return []
  const tz = countingTimeZone(req.payload)
  const out: PlannedItem[] = []
  for (const collection of countedCollections(req.payload)) {
    const { docs } = await req.payload.find({
      collection: collection as typeof SLUGS.articles,
      where: {
        and: [{ _status: { not_equals: 'published' } }, { plannedDate: { exists: true } }, { tasks: { in: tasks } }],
      },
      depth: 0,
      pagination: false,
      select: { plannedDate: true, tasks: true },
      overrideAccess: false,
      req,
    })
    for (const doc of docs as unknown as Row[]) {
      const plannedDay = dayOf(doc.plannedDate, tz)
      if (plannedDay) out.push({ contentType: collection, plannedDay, tasks: relIds(doc.tasks).map(Number) })
    }
  }
  return out
}

/**
 * Forecasts for every content target of a report, by target id: the report's counts plus the
 * planned drafts (src/domain/forecast.ts), judged as of the report's day.
 */
export async function loadForecasts(req: PayloadRequest, report: QuotaReport): Promise<Map<string, Forecast>> {
  // One after the other: both may share the request's transaction, which runs one query at a time.
  const planned = await loadPlannedItems(
    req,
    report.tasks.map((t) => t.id),
  )
  const home = await homeChannelId(req)
  const out = new Map<string, Forecast>()
  for (const task of report.tasks) {
    for (const t of task.targets) {
      if (t.kind !== 'content') continue
      out.set(t.id, forecastTarget({ ...t, task: task.id }, planned, home, report.asOf))
    }
  }
  return out
}
