/**
 * Forecasts (issue #22): would the plan as it stands meet a content target if every planned item
 * went out on its planned day? Achieved (the counts, rule 3) plus the planned drafts that would
 * count under the same rules: tagged with the task, of a type the target counts, planned inside
 * the target's window, on a channel the target counts. A planned item is published in the CMS,
 * so it would count on the home channel (domain.md, "Content item"): a target whose channels
 * leave out the home channel gains nothing from planned items. Pure: `today` is passed in.
 */
import type { ChannelAttainment, DayWindow } from './quota'

/** A draft with a planned day (its publication in the CMS is still to come). */
export interface PlannedItem {
  /** collection slug: articles, infographics, videos */
  contentType: string
  /** YYYY-MM-DD in the plan time zone */
  plannedDay: string
  tasks: number[]
}

/** The counted side of one content target, as the report gives it. */
export interface ForecastTargetInput {
  task: number
  contentTypes: string[]
  channels: number[]
  mode: 'pooled' | 'perChannel' | null
  window: DayWindow | null
  /** The target's total (quantity, or quantity × channels on a per-channel target). */
  target: number
  achieved: number
  byChannel: ChannelAttainment[]
}

export interface Forecast {
  target: number
  achieved: number
  /** What the planned items would add, within the target's caps. */
  planned: number
  forecast: number
  /** max(0, target − forecast) */
  shortfall: number
  meets: boolean
  /** Planned items for this target whose planned day has passed without a publication. */
  slipped: number
}

/** True for an unpublished item whose planned day is before today: it is late. */
export function isSlipped(item: { plannedDay: string | null; published: boolean }, today: string): boolean {
  return !item.published && item.plannedDay !== null && item.plannedDay < today
}

/**
 * The forecast of one content target. A planned day before `today` has slipped: the item can no
 * longer be "published on time", so it is left out of the forecast and counted in `slipped`
 * (it counts again once it is re-planned or published). Planned days after the window's end do
 * not help, as a publication that late would not count. Without a window or a home channel
 * nothing is planned into the target; a target of nothing meets itself.
 */
export function forecastTarget(
  t: ForecastTargetInput,
  planned: readonly PlannedItem[],
  homeChannel: number | null,
  today: string,
): Forecast {
  const achieved = Math.max(0, t.achieved)
  const target = Math.max(0, t.target)
  let onTime = 0
  let slipped = 0
  const countsHome = homeChannel !== null && t.channels.includes(homeChannel)
  if (t.window && countsHome) {
    for (const item of planned) {
      if (!item.tasks.includes(t.task) || !t.contentTypes.includes(item.contentType)) continue
      if (item.plannedDay < t.window.from || item.plannedDay > t.window.to) continue
      if (item.plannedDay < today) slipped += 1
      else onTime += 1
    }
  }
  let added = onTime
  if (t.mode === 'perChannel') {
    // Only the home channel gains, and never past its own quota (rule 3: Σ_c min(achieved_c, Q)).
    const home = t.byChannel.find((c) => c.channel === homeChannel)
    const quota = home?.quota ?? 0
    const now = home?.achieved ?? 0
    added = Math.max(0, Math.min(now + onTime, quota) - Math.min(now, quota))
  }
  const forecast = achieved + added
  return {
    target,
    achieved,
    planned: added,
    forecast,
    shortfall: Math.max(0, target - forecast),
    meets: forecast >= target,
    slipped,
  }
}

/** "Dự kiến: 14/20 nếu các bài đã lên lịch được đăng đúng hạn — còn thiếu 6" (or "— đạt chỉ tiêu"). */
export function forecastText(f: Forecast): string {
  const head = `Dự kiến: ${f.forecast}/${f.target} nếu các bài đã lên lịch được đăng đúng hạn`
  const tail = f.meets ? ' — đạt chỉ tiêu' : ` — còn thiếu ${f.shortfall}`
  const late = f.slipped > 0 ? ` (${f.slipped} bài đã quá ngày dự kiến chưa đăng)` : ''
  return head + tail + late
}
