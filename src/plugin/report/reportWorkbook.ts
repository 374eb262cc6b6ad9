import ExcelJS from 'exceljs'
import { ATTAINMENT_FIELDS, attainmentOf, type Attainment, type AttainmentField } from '../../domain/quota'
import { STATUS_LABELS_VI } from '../../domain/reportCsv'
import type { QuotaReport } from './buildReport'

const KIND_VI: Record<string, string> = {
  content: 'Số lượng nội dung',
  deliverable: 'Sản phẩm / báo cáo',
  indicator: 'Chỉ số',
}
const MODE_VI: Record<string, string> = { pooled: 'Tổng trên các kênh', perChannel: 'Mỗi kênh' }

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
 * The quota report as a real workbook (the same numbers as the JSON): a sheet with one row per
 * task × target and a per-channel sheet; Vietnamese headers, number formats, frozen header rows.
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
    { header: 'Loại chỉ tiêu', key: 'kind', width: 20 },
    { header: 'Cách tính', key: 'mode', width: 18 },
    ...ATTAINMENT_FIELDS.map((key) => {
      const { header, width, numFmt } = ATTAINMENT_COLUMNS[key]
      return { header, key, width, ...(numFmt ? { style: { numFmt } } : {}) }
    }),
  ]
  for (const task of report.tasks) {
    for (const t of task.targets) {
      sheet.addRow({
        code: task.code,
        title: task.title,
        deadline: task.deadline ? dateCell(task.deadline) : null,
        kind: KIND_VI[t.kind] ?? t.kind,
        mode: t.mode ? (MODE_VI[t.mode] ?? t.mode) : '',
        ...attainmentCells(t),
      })
    }
  }
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
    { header: 'Kênh', key: 'channel', width: 36 },
    { header: 'Đã đạt', key: 'achieved', width: 10, style: { numFmt: '#,##0' } },
  ]
  for (const task of report.tasks) {
    for (const t of task.targets) {
      for (const c of t.byChannel) {
        byChannel.addRow({
          code: task.code,
          title: task.title,
          channel: channelName.get(c.channel) ?? String(c.channel),
          achieved: c.achieved,
        })
      }
    }
  }
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
