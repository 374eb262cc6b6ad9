/**
 * The plan calendar's events (issue #22), as pure data: task deadlines, reporting days, a plan's
 * key days and planned items, each an all-day event on a calendar day (YYYY-MM-DD in the plan
 * time zone). The iCalendar feeds and the admin calendar both read these, so they show the same.
 */
import { formatViDay } from './calendar'
import { targetWindow, type DayWindow, type TimeframeSpec } from './quota'
import { addDays, fixedDateIn, reportOccasions, type ReportingSchedule } from './schedule'

export type CalendarEventKind = 'deadline' | 'report' | 'key-day' | 'planned' | 'slipped'

export interface CalendarEvent {
  /** Stable across reads, so a subscribed calendar updates an event instead of adding a copy. */
  uid: string
  kind: CalendarEventKind
  day: string
  title: string
  description: string
  /** A path in the admin (the task, the item), or null. */
  path: string | null
}

export interface CalendarPlan {
  id: number
  code: string
  periodFrom: string | null
  periodTo: string | null
  schedule: ReportingSchedule
  keyDays: Array<{ day: number; month: number; label: string | null }>
}

export interface CalendarTask {
  id: number
  plan: number
  planCode: string
  code: string
  title: string
  deadline: string | null
  /** The task's timeframe and targets, for the target windows (targetWindowEvents). */
  timeframe?: TimeframeSpec | null
  targets?: CalendarTarget[]
}

/** A target of a task, as much as its window and its label need. */
export interface CalendarTarget {
  /** The target's row id in the task. */
  id: string
  kind: string
  label: string | null
  quantity: number | null
  contentTypes: string[]
  windowStart: string | null
}

export interface CalendarItem {
  collection: string
  id: number
  title: string
  plannedDay: string
  assigneeName: string | null
  published: boolean
}

const KIND_VI: Record<string, string> = { articles: 'Tin bài', infographics: 'Infographic', videos: 'Video' }

const later = (a: string, b: string | null) => (b !== null && b > a ? b : a)
const earlier = (a: string, b: string | null) => (b !== null && b < a ? b : a)

/**
 * Every event in [from, to] (inclusive): deadlines of the tasks, the plans' reporting days and key
 * days inside both the range and the plan's period, and the planned items still unpublished
 * (a planned day before `today` is shown as slipped). Sorted by day, then uid.
 */
export function calendarEvents(input: {
  plans: CalendarPlan[]
  tasks: CalendarTask[]
  items: CalendarItem[]
  from: string
  to: string
  today: string
}): CalendarEvent[] {
  const { from, to } = input
  const inRange = (day: string) => day >= from && day <= to
  const out: CalendarEvent[] = []
  for (const plan of input.plans) {
    const first = later(from, plan.periodFrom)
    const last = earlier(to, plan.periodTo)
    if (first > last) continue
    for (const o of reportOccasions(plan.schedule, first, last)) {
      out.push({
        uid: `report-${plan.id}-${o.day}`,
        kind: 'report',
        day: o.day,
        title: `${plan.code}: ${o.labels.join('; ')}`,
        description: `Ngày báo cáo của kế hoạch ${plan.code}.`,
        path: null,
      })
    }
    for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year++) {
      for (const k of plan.keyDays) {
        const day = fixedDateIn(year, k)
        if (day < first || day > last) continue
        out.push({
          uid: `key-${plan.id}-${day}`,
          kind: 'key-day',
          day,
          title: `${plan.code}: ${k.label ?? `Ngày trọng điểm ${k.day}/${k.month}`}`,
          description: `Ngày, sự kiện trọng điểm của kế hoạch ${plan.code}.`,
          path: null,
        })
      }
    }
  }
  for (const task of input.tasks) {
    if (!task.deadline || !inRange(task.deadline)) continue
    out.push({
      uid: `deadline-${task.id}`,
      kind: 'deadline',
      day: task.deadline,
      title: `Hạn nhiệm vụ ${task.code} (${task.planCode}): ${task.title}`,
      description: `Hạn hoàn thành nhiệm vụ ${task.code} của kế hoạch ${task.planCode}.`,
      path: `/collections/tasks/${task.id}`,
    })
  }
  for (const item of input.items) {
    if (item.published || !inRange(item.plannedDay)) continue
    const slipped = item.plannedDay < input.today
    const kind = KIND_VI[item.collection] ?? item.collection
    out.push({
      uid: `planned-${item.collection}-${item.id}`,
      kind: slipped ? 'slipped' : 'planned',
      day: item.plannedDay,
      title: `${slipped ? '[Trễ] ' : ''}${kind} dự kiến đăng: ${item.title}`,
      description: item.assigneeName ? `Người thực hiện: ${item.assigneeName}.` : 'Chưa giao người thực hiện.',
      path: `/collections/${item.collection}/${item.id}`,
    })
  }
  return out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0))
}

/**
 * A multi-day event: a target's window as a bar from its first day to its last. `end` is the day
 * AFTER the last (exclusive), as calendar components (FullCalendar, iCalendar) expect all-day
 * ranges; `lastDay` is the last day itself, for text.
 */
export interface CalendarSpan {
  uid: string
  kind: 'window'
  start: string
  end: string
  lastDay: string
  title: string
  path: string
}

const TYPE_VI: Record<string, string> = { articles: 'tin bài', infographics: 'infographic', videos: 'video' }

/** "20 tin bài, video", the target's own label when it has one; what a bar is called. */
export function targetText(t: CalendarTarget): string {
  if (t.label) return t.label
  if (t.kind === 'content') {
    const types = t.contentTypes.map((c) => TYPE_VI[c] ?? c).join(', ') || 'nội dung'
    return t.quantity !== null ? `${t.quantity} ${types}` : types
  }
  return t.kind === 'deliverable' ? 'Sản phẩm / báo cáo' : t.kind === 'indicator' ? 'Chỉ số' : t.kind
}

/** The windows of a target overlapping [from, to]: one for a deadline or a year, every period for a recurring one. */
function windowsOf(
  timeframe: TimeframeSpec,
  target: CalendarTarget,
  plan: CalendarPlan | undefined,
  from: string,
  to: string,
): DayWindow[] {
  const args = { timeframe, windowStart: target.windowStart, planFrom: plan?.periodFrom, planTo: plan?.periodTo }
  if (timeframe.kind !== 'recurring') {
    const w = targetWindow({ ...args, today: from })
    return w ? [w] : []
  }
  // Each period is a window of its own: walk them from the first that can overlap the range.
  const out: DayWindow[] = []
  let anchor = plan?.periodFrom && plan.periodFrom > from ? plan.periodFrom : from
  for (let i = 0; i < 500 && anchor <= to && (!plan?.periodTo || anchor <= plan.periodTo); i++) {
    const w = targetWindow({ ...args, today: anchor })
    if (!w || w.to < anchor) break
    out.push(w)
    anchor = addDays(w.to, 1)
  }
  return out
}

/**
 * Each target's window (its first counting day to its deadline, or its year, or each period of a
 * recurring target) overlapping [from, to], as a bar labelled with the task's number and the
 * target, linking to the task. Sorted by start, then uid. Pure: the windows are `targetWindow`'s,
 * the same as the counts use.
 */
export function targetWindowEvents(input: {
  plans: CalendarPlan[]
  tasks: CalendarTask[]
  from: string
  to: string
}): CalendarSpan[] {
  const plans = new Map(input.plans.map((p) => [p.id, p]))
  const out: CalendarSpan[] = []
  for (const task of input.tasks) {
    if (!task.timeframe) continue
    for (const target of task.targets ?? []) {
      for (const w of windowsOf(task.timeframe, target, plans.get(task.plan), input.from, input.to)) {
        if (w.from > input.to || w.to < input.from) continue
        out.push({
          uid: `window-${task.id}-${target.id}-${w.from}`,
          kind: 'window',
          start: w.from,
          end: addDays(w.to, 1),
          lastDay: w.to,
          title: `Nhiệm vụ ${task.code} (${task.planCode}): ${targetText(target)}, ${formatViDay(w.from)}–${formatViDay(w.to)}`,
          path: `/collections/tasks/${task.id}`,
        })
      }
    }
  }
  return out.sort((a, b) =>
    a.start !== b.start ? (a.start < b.start ? -1 : 1) : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0,
  )
}

/** A pending scheduled publish (Payload's `schedulePublish` job) of an item. */
export interface ScheduledPublish {
  collection: string
  id: number
  /** Its calendar day and wall time (HH:mm) in the plan time zone. */
  day: string
  time: string
}

export interface ScheduledEvent {
  uid: string
  kind: 'scheduled'
  day: string
  title: string
  path: string
  collection: string
  item: number
}

/**
 * "Hẹn đăng" events: the pending scheduled publishes in [from, to] of the items the reader may
 * see (`readable`: "collection-id" → title; a job for any other item is left out), one per item
 * and time (a duplicate job shows once). Sorted by day, time, uid.
 */
export function scheduledPublishEvents(input: {
  jobs: ScheduledPublish[]
  readable: ReadonlyMap<string, string>
  from: string
  to: string
}): ScheduledEvent[] {
  const seen = new Map<string, ScheduledEvent & { time: string }>()
  for (const job of input.jobs) {
    const key = `${job.collection}-${job.id}`
    const title = input.readable.get(key)
    if (title === undefined || job.day < input.from || job.day > input.to) continue
    const uid = `scheduled-${key}-${job.day}T${job.time}`
    if (seen.has(uid)) continue
    seen.set(uid, {
      uid,
      kind: 'scheduled',
      day: job.day,
      time: job.time,
      title: `Hẹn đăng ${job.time}: ${title}`,
      path: `/collections/${job.collection}/${job.id}`,
      collection: job.collection,
      item: job.id,
    })
  }
  return [...seen.values()]
    .sort((a, b) =>
      a.day !== b.day
        ? a.day < b.day
          ? -1
          : 1
        : a.time !== b.time
          ? a.time < b.time
            ? -1
            : 1
          : a.uid < b.uid
            ? -1
            : 1,
    )
    .map(({ time: _time, ...e }) => e)
}
