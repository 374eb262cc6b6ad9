/**
 * The quota report as CSV: one row per task × target, Vietnamese headers, the same numbers as
 * the JSON. Each row names its target (id and a readable label), so several targets of one task
 * are told apart without relying on row order; then, for every channel the report uses, two
 * columns: that channel's quota (per-channel targets only) and its uncapped count (blank where
 * the target does not use the channel). Columns per channel rather than a row per channel keep
 * one row per target, so a column of the sheet still adds up to the report's totals.
 * A UTF-8 byte-order mark makes Excel read the Vietnamese letters correctly.
 */
import { ATTAINMENT_FIELDS, attainmentOf, type Attainment, type AttainmentField } from './quota'
import type { QuotaReport, ReportTarget } from './reportAssembly'
import { reviewItemKind } from './review'

/** One task × target: the task's columns, the target's, its attainment, then its channels. */
export interface ReportCsvRow extends Attainment {
  taskCode: string
  taskTitle: string
  deadline: string | null
  targetId: string
  targetLabel: string
  kind: string
  mode: string
  /** By channel id: the per-channel quota (null on a pooled target) and the uncapped count. */
  channels: Record<number, { quota: number | null; achieved: number }>
}

/** Column headers of the attainment numbers; a Record, so a field added to the list needs one. */
const ATTAINMENT_HEADERS_VI: Record<AttainmentField, string> = {
  target: 'Chỉ tiêu',
  achieved: 'Đã đạt',
  late: 'Trễ hạn',
  percent: 'Tỷ lệ (%)',
  remaining: 'Còn thiếu',
  expected: 'Cần đạt đến nay',
  status: 'Trạng thái',
}

type FixedColumn = Exclude<keyof ReportCsvRow, 'channels'>

const FIXED: Array<[FixedColumn, string]> = [
  ['taskCode', 'Mã nhiệm vụ'],
  ['taskTitle', 'Nhiệm vụ'],
  ['deadline', 'Hạn hoàn thành'],
  ['targetId', 'Mã chỉ tiêu'],
  ['targetLabel', 'Tên chỉ tiêu'],
  ['kind', 'Loại chỉ tiêu'],
  ['mode', 'Cách tính'],
  ...ATTAINMENT_FIELDS.map((field): [AttainmentField, string] => [field, ATTAINMENT_HEADERS_VI[field]]),
]

export const STATUS_LABELS_VI: Record<string, string> = {
  done: 'Hoàn thành',
  'on-track': 'Đúng tiến độ',
  'at-risk': 'Có nguy cơ chậm',
  behind: 'Chậm tiến độ',
  overdue: 'Quá hạn',
}

const KIND_LABELS_VI: Record<ReportTarget['kind'], string> = {
  content: 'sản phẩm',
  deliverable: 'Sản phẩm / báo cáo',
  indicator: 'Chỉ số',
}

/** What a target is and how it counts, as a reader of the exports sees them (not the API codes). */
export const TARGET_KIND_VI: Record<ReportTarget['kind'], string> = {
  content: 'Số lượng nội dung',
  deliverable: 'Sản phẩm / báo cáo',
  indicator: 'Chỉ số',
}
export const TARGET_MODE_VI: Record<'pooled' | 'perChannel', string> = {
  pooled: 'Tổng trên các kênh',
  perChannel: 'Mỗi kênh',
}

/** The two headers of a channel's columns; the id in brackets keeps them apart when names repeat. */
export function channelHeaders(channel: { id: number; name: string }): { quota: string; achieved: string } {
  const name = `${channel.name} [kênh ${channel.id}]`
  return { quota: `${name}: chỉ tiêu mỗi kênh`, achieved: `${name}: đã đạt` }
}

/**
 * A target's name for a reader: its own label when the plan gave one, otherwise what it asks
 * for, e.g. "20 sản phẩm (articles, videos) trên: Cổng TTĐT, VnExpress" or "5 … mỗi kênh trên: …".
 */
export function targetLabel(t: ReportTarget, channelNames: ReadonlyMap<number, string>): string {
  if (t.label?.trim()) return t.label.trim()
  if (t.kind !== 'content') return KIND_LABELS_VI[t.kind]
  const quantity = t.mode === 'perChannel' ? (t.byChannel[0]?.quota ?? t.target) : t.target
  const types = t.contentTypes.length > 0 ? ` (${t.contentTypes.map(reviewItemKind).join(', ')})` : ''
  const each = t.mode === 'perChannel' ? ' mỗi kênh' : ''
  const channels = t.channels.map((id) => channelNames.get(id) ?? `kênh ${id}`).join(', ')
  return `${quantity} ${KIND_LABELS_VI.content}${types}${each}${channels ? ` trên: ${channels}` : ''}`
}

/** RFC 4180 quoting; a leading = + - @ is prefixed so a spreadsheet never runs it as a formula. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The CSV of a report: the fixed columns, then two per channel of `channels`, in that order. */
export function reportCsv(rows: ReportCsvRow[], channels: ReadonlyArray<{ id: number; name: string }> = []): string {
  const header = [
    ...FIXED.map(([, label]) => label),
    ...channels.flatMap((c) => {
      const h = channelHeaders(c)
      return [h.quota, h.achieved]
    }),
  ]
  const lines = [header.map(csvCell).join(',')]
  for (const row of rows) {
    const fixed = FIXED.map(([key]) => {
      const v = row[key]
      return csvCell(key === 'status' ? (STATUS_LABELS_VI[String(v)] ?? String(v)) : v)
    })
    const perChannel = channels.flatMap((c) => {
      const cell = row.channels[c.id]
      return [csvCell(cell?.quota), csvCell(cell?.achieved)]
    })
    lines.push([...fixed, ...perChannel].join(','))
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

/** The report's rows for the CSV and the workbook: one per task × target, in report order. */
export function reportCsvRows(report: Pick<QuotaReport, 'tasks' | 'channels'>): ReportCsvRow[] {
  const names = new Map(report.channels.map((c) => [c.id, c.name]))
  return report.tasks.flatMap((task) =>
    task.targets.map((t) => ({
      taskCode: task.code,
      taskTitle: task.title,
      deadline: task.deadline,
      targetId: t.id,
      targetLabel: targetLabel(t, names),
      kind: TARGET_KIND_VI[t.kind],
      mode: t.mode ? TARGET_MODE_VI[t.mode] : '',
      ...attainmentOf(t),
      channels: Object.fromEntries(t.byChannel.map((c) => [c.channel, { quota: c.quota, achieved: c.achieved }])),
    })),
  )
}

/** The whole report as CSV. */
export function quotaReportCsv(report: Pick<QuotaReport, 'tasks' | 'channels'>): string {
  return reportCsv(reportCsvRows(report), report.channels)
}
