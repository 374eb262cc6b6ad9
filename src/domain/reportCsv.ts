/**
 * The quota report as CSV: one row per task × target, Vietnamese headers, the same numbers as
 * the JSON. A UTF-8 byte-order mark makes Excel read the Vietnamese letters correctly.
 */
import { ATTAINMENT_FIELDS, attainmentOf, type Attainment, type AttainmentField } from './quota'
import type { QuotaReport } from './reportAssembly'

/** One task × target: the task's columns, then the target's attainment (ATTAINMENT_FIELDS). */
export interface ReportCsvRow extends Attainment {
  taskCode: string
  taskTitle: string
  deadline: string | null
  kind: string
  mode: string
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

const HEADERS: Array<[keyof ReportCsvRow, string]> = [
  ['taskCode', 'Mã nhiệm vụ'],
  ['taskTitle', 'Nhiệm vụ'],
  ['deadline', 'Hạn hoàn thành'],
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

/** RFC 4180 quoting; a leading = + - @ is prefixed so a spreadsheet never runs it as a formula. */
export function csvCell(value: string | number | null): string {
  if (value === null) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function reportCsv(rows: ReportCsvRow[]): string {
  const lines = [HEADERS.map(([, label]) => csvCell(label)).join(',')]
  for (const row of rows) {
    lines.push(
      HEADERS.map(([key]) => {
        const v = row[key]
        return csvCell(key === 'status' ? (STATUS_LABELS_VI[String(v)] ?? String(v)) : v)
      }).join(','),
    )
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

/** The report's rows for the CSV: one per task × target, in report order. */
export function reportCsvRows(report: Pick<QuotaReport, 'tasks'>): ReportCsvRow[] {
  return report.tasks.flatMap((task) =>
    task.targets.map((t) => ({
      taskCode: task.code,
      taskTitle: task.title,
      deadline: task.deadline,
      kind: t.kind,
      mode: t.mode ?? '',
      ...attainmentOf(t),
    })),
  )
}
