/**
 * The plan calendar's events (issue #22), as pure data: task deadlines, reporting days, a plan's
 * key days and planned items, each an all-day event on a calendar day (YYYY-MM-DD in the plan
 * time zone). The iCalendar feeds and the admin calendar both read these, so they show the same.
 */
import { fixedDateIn, reportOccasions, type ReportingSchedule } from './schedule'

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
