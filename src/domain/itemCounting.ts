/**
 * How one content item counts toward the targets of the tasks it is tagged to, in words a
 * producer reads ("Tính vào chỉ tiêu"): for each target, whether it counts, is late, or why not
 * (wrong content type, no publication on the target's channels, before the window), and each
 * task's standing. A draft is judged as it would be if published today: its publications plus
 * the home channel, dated today, as publishing adds it (publications.ts withHomePublication).
 * The per-target rule is the report's own (targetItems.ts classifyItems), so what the sidebar
 * says is what the report will count.
 */
import { formatViDay } from './calendar'
import type { DayWindow } from './quota'
import type { ReportTarget, ReportTask } from './reportAssembly'
import { reviewItemKind } from './review'
import { classifyItems } from './targetItems'

export interface ItemForCounting {
  contentType: string
  /** Whether the item is published now; a draft is judged as if published today. */
  published: boolean
  /** Its publications as calendar days in the plan's zone (dayOf). */
  publications: Array<{ channel: number; day: string }>
}

export type TargetVerdict =
  | { kind: 'counts'; channels: number[]; firstDay: string }
  | { kind: 'late'; firstDay: string }
  | { kind: 'wrongType'; allowed: string[] }
  | { kind: 'noChannel'; channels: number[] }
  | { kind: 'beforeWindow'; from: string }
  | { kind: 'afterWindow'; to: string }
  | { kind: 'notCounted' }

export interface TargetExplanation {
  target: ReportTarget
  verdict: TargetVerdict
}

export interface TaskExplanation {
  task: ReportTask
  planCode: string
  targets: TargetExplanation[]
  /** Whether the item counts (or is late) toward at least one of this task's targets. */
  counts: boolean
}

/**
 * The verdict for one content target. Deliverables and indicators are not counted from items:
 * the caller leaves them out. `today` is the report day: publications after it are not known.
 */
export function explainTarget(item: ItemForCounting, target: ReportTarget, today: string): TargetVerdict {
  if (!target.contentTypes.includes(item.contentType)) return { kind: 'wrongType', allowed: target.contentTypes }
  const onChannels = item.publications.filter((p) => target.channels.includes(p.channel))
  if (onChannels.length === 0) return { kind: 'noChannel', channels: target.channels }
  const window: DayWindow = target.window ?? { from: '0001-01-01', to: today }
  const [classified] = classifyItems(
    [{ contentType: item.contentType, item: 0, publications: onChannels }],
    window,
    today,
  )
  if (classified?.counted) {
    const channels = [
      ...new Set(onChannels.filter((p) => p.day >= window.from && p.day <= window.to).map((p) => p.channel)),
    ]
    return { kind: 'counts', channels, firstDay: classified.firstDay }
  }
  if (classified?.late) return { kind: 'late', firstDay: classified.firstDay }
  const days = onChannels.map((p) => p.day).sort()
  if (days.every((d) => d < window.from)) return { kind: 'beforeWindow', from: window.from }
  if (days.every((d) => d > window.to)) return { kind: 'afterWindow', to: window.to }
  return { kind: 'notCounted' }
}

/** The item as it would stand if published today: the home channel dated today is added. */
export function asIfPublished(item: ItemForCounting, homeChannel: number | null, today: string): ItemForCounting {
  if (item.published || homeChannel === null || item.publications.some((p) => p.channel === homeChannel)) return item
  return { ...item, publications: [...item.publications, { channel: homeChannel, day: today }] }
}

/** Every tagged task with a verdict per content target. */
export function explainItem(
  item: ItemForCounting,
  tasks: ReadonlyArray<{ task: ReportTask; planCode: string }>,
  homeChannel: number | null,
  today: string,
): TaskExplanation[] {
  const judged = asIfPublished(item, homeChannel, today)
  return tasks.map(({ task, planCode }) => {
    const targets = task.targets
      .filter((t) => t.kind === 'content')
      .map((target) => ({ target, verdict: explainTarget(judged, target, today) }))
    return {
      task,
      planCode,
      targets,
      counts: targets.some((t) => t.verdict.kind === 'counts' || t.verdict.kind === 'late'),
    }
  })
}

const names = (ids: readonly number[], channelNames: ReadonlyMap<number, string>): string =>
  ids.map((id) => channelNames.get(id) ?? `kênh ${id}`).join(', ')

/** One verdict in Vietnamese, e.g. "Được tính (VnExpress, từ 12/8/2025)". */
export function verdictText(v: TargetVerdict, channelNames: ReadonlyMap<number, string>, published: boolean): string {
  const will = published ? '' : 'Khi xuất bản hôm nay: '
  switch (v.kind) {
    case 'counts':
      return `${will}${published ? 'Được tính' : 'sẽ được tính'} (${names(v.channels, channelNames)}, từ ${formatViDay(v.firstDay)})`
    case 'late':
      return `${will}${published ? 'Đăng sau hạn' : 'sẽ là đăng sau hạn'} (${formatViDay(v.firstDay)}): ghi nhận là trễ hạn`
    case 'wrongType':
      return `Không được tính: chỉ tiêu này chỉ tính ${v.allowed.map(reviewItemKind).join(', ')}`
    case 'noChannel':
      return `Không được tính: chưa đăng trên kênh nào của chỉ tiêu (${names(v.channels, channelNames)})`
    case 'beforeWindow':
      return `Không được tính: ngày đăng trước khi chỉ tiêu bắt đầu (${formatViDay(v.from)})`
    case 'afterWindow':
      return `Không được tính: ngày đăng sau hạn của chỉ tiêu (${formatViDay(v.to)})`
    case 'notCounted':
      return 'Không được tính vào chỉ tiêu này'
  }
}

/**
 * A content target's standing, e.g. "3/20, còn thiếu 17 trước 30/8/2025; chưa có VnExpress,
 * Tạp chí" — whole numbers, the channels still at zero named.
 */
export function standingText(t: ReportTarget, channelNames: ReadonlyMap<number, string>, today: string): string {
  const achieved = Math.round(t.achieved)
  const target = Math.round(t.target)
  const deadline = t.window?.to
  let text = `${achieved}/${target}`
  if (t.remaining > 0) {
    const by = deadline
      ? deadline >= today
        ? ` trước ${formatViDay(deadline)}`
        : ` (hạn ${formatViDay(deadline)} đã qua)`
      : ''
    text += `, còn thiếu ${Math.ceil(t.remaining)}${by}`
  } else text += ', đã đạt'
  const missing = t.byChannel.filter((c) => c.achieved === 0).map((c) => c.channel)
  if (missing.length > 0 && missing.length < t.byChannel.length) text += `; chưa có ${names(missing, channelNames)}`
  return text
}
