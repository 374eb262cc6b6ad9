import ExcelJS from 'exceljs'
import { ATTAINMENT_FIELDS, attainmentOf, type Attainment, type AttainmentField } from '../../domain/quota'
import { STATUS_LABELS_VI, channelHeaders, reportCsvRows } from '../../domain/reportCsv'
import type { QuotaReport } from './buildReport'

/** The attainment columns, in the list's order; a Record, so a field added to the list needs one. */
const ATTAINMENT_COLUMNS: Record<AttainmentField, { header: string; width: number; numFmt?: string }> = {
  target: { header: 'Chỉ tiêu', width: 10, numFmt: '#,##0' },
  achieved: { header: 'Đã đạt', width: 10, numFmt: '#,##0.##' },
  late: { header: 'Trễ hạn', width: 10, numFmt: '#,##0' },
  percent: { header: 'Tỷ lệ', width: 10, numFmt: '0.0%' },
  remaining: { header: 'Còn thiếu', width: 10, numFmt: '#,##0.##' },
  expected: { header: 'Cần đạt đến nay', width: 14, numFmt: '#,##0.0' },
  status: { header: 'Trạng thái', width: 18 },
}

/** A target's attainment as cells: a percent is a fraction under a % format, a status its label. */
function attainmentCells(t: Attainment): Record<AttainmentField, number | string> {
  return { ...attainmentOf(t), percent: t.percent / 100, status: STATUS_LABELS_VI[t.status] ?? t.status }
}

/**
 * The quota report as a real workbook (the same numbers and columns as the CSV, reportCsv.ts): a
 * sheet with one row per task × target (target id and label, attainment, then a quota and a
 * count column per channel), a sheet with one row per target × channel, and the report's plan
 * and day; Vietnamese headers, number formats, frozen header rows.
 */
export async function reportWorkbook(report: QuotaReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Kế hoạch truyền thông'
  wb.created = new Date()
  const channelName = new Map(report.channels.map((c) => [c.id, c.name]))

  const sheet = wb.addWorksheet('Chỉ tiêu', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = [
    { header: 'Mã nhiệm vụ', key: 'code', width: 12 },
    { header: 'Nhiệm vụ', key: 'title', width: 60 },
    { header: 'Hạn hoàn thành', key: 'deadline', width: 14 },
    { header: 'Mã chỉ tiêu', key: 'targetId', width: 26 },
    { header: 'Tên chỉ tiêu', key: 'targetLabel', width: 48 },
    { header: 'Loại chỉ tiêu', key: 'kind', width: 20 },
    { header: 'Cách tính', key: 'mode', width: 18 },
    ...ATTAINMENT_FIELDS.map((key) => {
      const { header, width, numFmt } = ATTAINMENT_COLUMNS[key]
      return { header, key, width, ...(numFmt ? { style: { numFmt } } : {}) }
    }),
    ...report.channels.flatMap((c) => {
      const h = channelHeaders(c)
      return [
        { header: h.quota, key: `q${c.id}`, width: 16, style: { numFmt: '#,##0' } },
        { header: h.achieved, key: `a${c.id}`, width: 16, style: { numFmt: '#,##0' } },
      ]
    }),
  ]
  const rows = reportCsvRows(report)
  const targets = report.tasks.flatMap((task) => task.targets)
  rows.forEach((row, i) => {
    const t = targets[i]!
    sheet.addRow({
      code: row.taskCode,
      title: row.taskTitle,
      deadline: row.deadline ? dateCell(row.deadline) : null,
      targetId: row.targetId,
      targetLabel: row.targetLabel,
      kind: row.kind,
      mode: row.mode,
      ...attainmentCells(t),
      ...Object.fromEntries(
        Object.entries(row.channels).flatMap(([id, c]) => [
          [`q${id}`, c.quota],
          [`a${id}`, c.achieved],
        ]),
      ),
    })
  })
  sheet.getColumn('deadline').numFmt = 'dd/mm/yyyy'
  const totals = sheet.addRow({
    title: 'Tổng cộng',
    target: report.totals.target,
    achieved: report.totals.achieved,
    percent: report.totals.percent / 100,
  })
  totals.font = { bold: true }
  sheet.getRow(1).font = { bold: true }

  const byChannel = wb.addWorksheet('Theo kênh', { views: [{ state: 'frozen', ySplit: 1 }] })
  byChannel.columns = [
    { header: 'Mã nhiệm vụ', key: 'code', width: 12 },
    { header: 'Nhiệm vụ', key: 'title', width: 60 },
    { header: 'Mã chỉ tiêu', key: 'targetId', width: 26 },
    { header: 'Tên chỉ tiêu', key: 'targetLabel', width: 48 },
    { header: 'Mã kênh', key: 'channelId', width: 10 },
    { header: 'Kênh', key: 'channel', width: 36 },
    { header: 'Chỉ tiêu mỗi kênh', key: 'quota', width: 18, style: { numFmt: '#,##0' } },
    { header: 'Đã đạt', key: 'achieved', width: 10, style: { numFmt: '#,##0' } },
  ]
  rows.forEach((row, i) => {
    for (const c of targets[i]!.byChannel) {
      byChannel.addRow({
        code: row.taskCode,
        title: row.taskTitle,
        targetId: row.targetId,
        targetLabel: row.targetLabel,
        channelId: c.channel,
        channel: channelName.get(c.channel) ?? String(c.channel),
        quota: c.quota,
        achieved: c.achieved,
      })
    }
  })
  byChannel.getRow(1).font = { bold: true }

  const info = wb.addWorksheet('Thông tin')
  info.addRows([
    ['Kế hoạch', `${report.plan.code} — ${report.plan.title}`],
    ['Số liệu đến ngày', dateCell(report.asOf)],
  ])
  info.getCell('B2').numFmt = 'dd/mm/yyyy'
  info.getColumn(1).width = 20
  info.getColumn(2).width = 100
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** A calendar day as an Excel date (midnight UTC, so no time-zone shift moves the day). */
function dateCell(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`)
}
