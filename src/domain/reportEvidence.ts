/**
 * The evidence behind a report (minh chứng): every item counted toward one of its content
 * targets as of the report day, with the publications that made it count. The report's own rule
 * decides (targetItems.ts classifyItems, the drill-down's), so the appendix lists exactly what
 * the numbers count. Pure: the plugin reads the ledger rows and the items' titles and links.
 */
import type { QuotaReport } from './reportAssembly'
import type { AppendixItem } from './reportDocument'
import { classifyItems, type ItemOnChannels } from './targetItems'

/** One row of the counting ledger: an item's publication on a channel, for a task. */
export interface LedgerRow {
  task: number
  contentType: string
  item: number
  channel: number
  day: string
}

export interface CountedItem {
  contentType: string
  item: number
  /** Tasks it counted for, in report order. */
  tasks: number[]
  /** Its publications on the channels of the targets it counted for, up to the report day. */
  publications: Array<{ channel: number; day: string }>
  /** The first day it counted. */
  firstDay: string
}

const itemKey = (contentType: string, item: number): string => `${contentType}:${item}`

/** The items counted toward the report's content targets, earliest first; each item once. */
export function countedItems(report: QuotaReport, rows: readonly LedgerRow[]): CountedItem[] {
  const byTask = new Map<number, LedgerRow[]>()
  for (const r of rows) {
    const list = byTask.get(r.task)
    if (list) list.push(r)
    else byTask.set(r.task, [r])
  }
  const out = new Map<string, CountedItem>()
  for (const task of report.tasks) {
    const taskRows = byTask.get(task.id) ?? []
    for (const target of task.targets) {
      if (target.kind !== 'content' || taskRows.length === 0) continue
      const channels = new Set(target.channels)
      const types = new Set(target.contentTypes)
      const items = new Map<string, ItemOnChannels>()
      for (const r of taskRows) {
        if (!channels.has(r.channel) || !types.has(r.contentType)) continue
        const key = itemKey(r.contentType, r.item)
        let entry = items.get(key)
        if (!entry) {
          entry = { contentType: r.contentType, item: r.item, publications: [] }
          items.set(key, entry)
        }
        entry.publications.push({ channel: r.channel, day: r.day })
      }
      // Without a window the report counts everything up to its day (reportAssembly effectiveWindow).
      const window = target.window ?? { from: '0001-01-01', to: report.asOf }
      for (const c of classifyItems([...items.values()], window, report.asOf)) {
        if (!c.counted) continue
        const key = itemKey(c.contentType, c.item)
        let entry = out.get(key)
        if (!entry) {
          entry = { contentType: c.contentType, item: c.item, tasks: [], publications: [], firstDay: c.firstDay }
          out.set(key, entry)
        }
        if (!entry.tasks.includes(task.id)) entry.tasks.push(task.id)
        if (c.firstDay < entry.firstDay) entry.firstDay = c.firstDay
        for (const p of c.publications) {
          if (p.day > report.asOf) continue
          if (!entry.publications.some((q) => q.channel === p.channel && q.day === p.day)) entry.publications.push(p)
        }
      }
    }
  }
  for (const entry of out.values()) {
    entry.publications.sort((a, b) => (a.day === b.day ? a.channel - b.channel : a.day < b.day ? -1 : 1))
  }
  return [...out.values()].sort((a, b) =>
    a.firstDay === b.firstDay
      ? a.contentType === b.contentType
        ? a.item - b.item
        : a.contentType < b.contentType
          ? -1
          : 1
      : a.firstDay < b.firstDay
        ? -1
        : 1,
  )
}

/** What the appendix shows of a counted item, given its title and its publications' links. */
export function appendixItems(
  report: QuotaReport,
  items: readonly CountedItem[],
  details: Map<string, { title: string; urls: Map<number, string | null> }>,
  channelNames: Map<number, string>,
): AppendixItem[] {
  const taskCode = new Map(report.tasks.map((t) => [t.id, t.code || `#${t.id}`]))
  return items.map((it) => {
    const detail = details.get(itemKey(it.contentType, it.item))
    return {
      title: detail?.title ?? `#${it.item}`,
      type: it.contentType,
      publications: it.publications.map((p) => ({
        channel: channelNames.get(p.channel) ?? `#${p.channel}`,
        day: p.day,
        url: detail?.urls.get(p.channel) ?? null,
      })),
      tasks: it.tasks.map((t) => taskCode.get(t) ?? `#${t}`),
    }
  })
}
