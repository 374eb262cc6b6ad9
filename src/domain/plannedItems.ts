/**
 * Planned items (issue #22): a draft with a planned day and an assignee. Pure rules: whether an
 * assignee may be given the item, whether it has slipped, whether its day lies in a plan's period.
 */
import type { Problem } from './i18n/messages'

export { isSlipped } from './forecast'

/**
 * The assignee must be a user of the item's unit (a new item takes its author's unit). Unknown
 * units on either side cannot be checked here and are let through: the unit rules refuse those.
 */
export function checkAssignee(input: {
  assignee: string | number | null
  assigneeFound: boolean
  assigneeUnit: string | number | null
  itemUnit: string | number | null
}): Problem | null {
  if (input.assignee === null) return null
  if (!input.assigneeFound) return { key: 'assigneeUnknown', vars: { id: String(input.assignee) } }
  if (input.itemUnit === null) return null
  return String(input.assigneeUnit) === String(input.itemUnit) ? null : { key: 'assigneeOtherUnit' }
}

/** The plans (by code) whose period does not contain the planned day: a warning, never a refusal. */
export function plansMissingDay(
  day: string,
  plans: Array<{ code: string; from: string | null; to: string | null }>,
): string[] {
  return plans.filter((p) => (p.from !== null && day < p.from) || (p.to !== null && day > p.to)).map((p) => p.code)
}

const KIND_VI: Record<string, string> = { articles: 'tin bài', infographics: 'infographic', videos: 'video' }

const viDay = (day: string | null) =>
  day ? `${Number(day.slice(8, 10))}/${Number(day.slice(5, 7))}/${day.slice(0, 4)}` : null

/** The notice an assignee gets when given an item. */
export function assignmentNotice(item: { collection: string; title: string; plannedDay: string | null }, by: string) {
  const kind = KIND_VI[item.collection] ?? item.collection
  const when = viDay(item.plannedDay)
  return {
    title: `Được giao ${kind}: ${item.title}`,
    body: `${by} giao cho bạn ${kind} “${item.title}”${when ? `, dự kiến đăng ngày ${when}` : ''}.`,
  }
}

/** The notice the day before the planned day, when the item is still a draft. */
export function reminderNotice(item: { collection: string; title: string; plannedDay: string }) {
  const kind = KIND_VI[item.collection] ?? item.collection
  return {
    title: `Ngày mai (${viDay(item.plannedDay)}) dự kiến đăng: ${item.title}`,
    body: `${kind[0]?.toUpperCase()}${kind.slice(1)} “${item.title}” dự kiến đăng ngày ${viDay(item.plannedDay)} và vẫn chưa được xuất bản.`,
  }
}
