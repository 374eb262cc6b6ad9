import type { PayloadRequest } from 'payload'
import { calendarDay, dayOf } from '../../domain/calendar'
import type { Forecast } from '../../domain/forecast'
import { isSlipped, plansMissingDay } from '../../domain/plannedItems'
import { relId, relIds } from '../../domain/relations'
import { SLUGS } from '../../domain/slugs'
import { countingTimeZone } from '../counting/engine/settings'
import { buildReport } from '../report/buildReport'
import { loadForecasts } from './loadForecasts'

type Row = Record<string, unknown>

export interface ItemPlanning {
  plannedDay: string | null
  slipped: boolean
  published: boolean
  /** Codes of the tagged tasks' plans whose period leaves out the planned day (a warning only). */
  outsidePlans: string[]
  forecasts: Array<{ task: string; label: string; forecast: Forecast }>
}

/**
 * What the "Kế hoạch đăng" sidebar shows for an item, read as the signed-in user: its planned
 * day and whether it slipped, plans whose period leaves the day out, and each tagged task's
 * content targets with their forecast (the same as the dashboard's).
 */
export async function loadItemPlanning(req: PayloadRequest, data: Row, now = new Date()): Promise<ItemPlanning> {
  const tz = countingTimeZone(req.payload)
  const today = calendarDay(now, tz)
  const plannedDay = dayOf(data.plannedDate, tz)
  const published = data._status === 'published'
  const out: ItemPlanning = {
    plannedDay,
    published,
    slipped: isSlipped({ plannedDay, published }, today),
    outsidePlans: [],
    forecasts: [],
  }
  const ids = [...new Set(relIds(data.tasks).map(Number))].filter((id) => Number.isSafeInteger(id))
  if (ids.length === 0) return out
  const { docs: tasks } = await req.payload.find({
    collection: SLUGS.tasks,
    where: { id: { in: ids } },
    depth: 0,
    pagination: false,
    select: { plan: true },
    overrideAccess: false,
    req,
  })
  const byPlan = new Map<number, number[]>()
  for (const t of tasks as unknown as Row[]) {
    const plan = Number(relId(t.plan))
    if (Number.isSafeInteger(plan)) byPlan.set(plan, [...(byPlan.get(plan) ?? []), Number(t.id)])
  }
  const { docs: plans } = await req.payload.find({
    collection: SLUGS.plans,
    where: { id: { in: [...byPlan.keys()] } },
    depth: 0,
    pagination: false,
    select: { code: true, period: true },
    overrideAccess: false,
    req,
  })
  if (plannedDay) {
    out.outsidePlans = plansMissingDay(
      plannedDay,
      (plans as unknown as Row[]).map((p) => {
        const period = (p.period ?? {}) as Row
        return { code: String(p.code ?? ''), from: dayOf(period.from, tz), to: dayOf(period.to, tz) }
      }),
    )
  }
  for (const [plan, taskIds] of byPlan) {
    const report = await buildReport(req, { plan, asOf: today, unit: null, tasks: taskIds })
    if (!report) continue
    const forecasts = await loadForecasts(req, report)
    for (const task of report.tasks)
      for (const t of task.targets) {
        const forecast = forecasts.get(t.id)
        if (forecast) out.forecasts.push({ task: task.code, label: t.label ?? 'Chỉ tiêu nội dung', forecast })
      }
  }
  return out
}
