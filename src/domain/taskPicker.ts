/**
 * What the task picker shows and how it orders tasks (issue 21 point 2). An editor tagging an
 * item must tell near-identical titles of different plans apart and find this year's tasks
 * first; the picker shows one stored text per task (Payload's `useAsTitle`), so the label
 * carries the plan code, the STT and the deadline, and a stored key orders the options.
 */
import { dayOf, formatViDay } from './calendar'
import { normalizeForSearch } from './vietnamese'

export interface PickerTaskInput {
  code?: string | null
  title?: string | null
  content?: string | null
  timeframe?: { kind?: string | null; deadline?: unknown; year?: number | null } | null
}

export interface PickerPlanInput {
  code?: string | null
  status?: string | null
  period?: { from?: unknown; to?: unknown } | null
}

/** "hạn 30/8/2026", "thường xuyên", "trong năm 2026", or nothing when the timeframe says nothing. */
function timeframeText(timeframe: PickerTaskInput['timeframe']): string | null {
  if (timeframe?.kind === 'recurring') return 'thường xuyên'
  if (timeframe?.kind === 'byYear') return timeframe.year ? `trong năm ${timeframe.year}` : null
  const day = dayOf(timeframe?.deadline)
  return day ? `hạn ${formatViDay(day)}` : null
}

/** "KHTT-02/BKHCN · 1. Truyền thông kết quả kết nối… · hạn 30/8/2026". */
export function taskPickerLabel(task: PickerTaskInput, plan: PickerPlanInput | null): string {
  const head = [task.code?.trim(), task.title?.trim()].filter(Boolean).join('. ')
  return [plan?.code?.trim(), head, timeframeText(task.timeframe)].filter(Boolean).join(' · ')
}

/** Accent-folded plan code, STT, title and content: what the picker and the task list search. */
export function taskSearchText(task: PickerTaskInput, plan: PickerPlanInput | null): string {
  return normalizeForSearch([plan?.code, task.code, task.title, task.content].filter(Boolean).join(' '))
}

const PLAN_STATUS_RANK: Record<string, number> = { active: 0, draft: 1, closed: 2 }

/** 2026-08-30 → 79739169: sorting the complement ascending sorts the days descending. */
const descendingDay = (day: string | null): string =>
  day ? String(99_999_999 - Number(day.replaceAll('-', ''))).padStart(8, '0') : '99999999'

/**
 * The picker's order, as one text sorted ascending: tasks of running (active) plans first, then
 * drafts, then closed plans; within those the plan ending last first; within a plan the task
 * with the latest deadline first, so tasks still open come before the expired ones. It cannot
 * depend on today (it is stored), so "running" is the plan's status and "expired" is relative:
 * a task due later comes first. A recurring task lasts as long as its plan; a by-year task
 * until 31/12 of that year.
 */
export function taskPickerSort(task: PickerTaskInput, plan: PickerPlanInput | null): string {
  const status = PLAN_STATUS_RANK[plan?.status ?? 'active'] ?? 1
  const planEnd = dayOf(plan?.period?.to)
  const tf = task.timeframe
  const taskEnd =
    tf?.kind === 'byYear' && tf.year
      ? `${tf.year}-12-31`
      : tf?.kind === 'recurring'
        ? planEnd
        : (dayOf(tf?.deadline) ?? planEnd)
  return `${status}-${descendingDay(planEnd)}-${descendingDay(taskEnd)}-${(task.code ?? '').trim().slice(0, 40)}`
}
