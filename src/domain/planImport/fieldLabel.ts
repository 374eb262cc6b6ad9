/**
 * A draft's field path in words for the review screen: `tasks[2].targets[0].channels[1]` →
 * "Nhiệm vụ 3 (dòng 97) › Chỉ tiêu 1 › Kênh 2".
 */
import type { ImportDraft } from './types'

const WORDS: Record<string, string> = {
  plan: 'Kế hoạch',
  code: 'Số hiệu / mã',
  title: 'Tên',
  issuer: 'Cơ quan ban hành',
  issueDate: 'Ngày ban hành',
  period: 'Thời gian thực hiện',
  from: 'Từ ngày',
  to: 'Đến ngày',
  monthlyDay: 'Ngày báo cáo hằng tháng',
  fixedReportDates: 'Mốc báo cáo',
  keyDays: 'Ngày trọng điểm',
  basedOn: 'Căn cứ (kế hoạch)',
  basisDocuments: 'Văn bản căn cứ',
  date: 'Ngày',
  day: 'Ngày',
  month: 'Tháng',
  label: 'Mô tả',
  tasks: 'Nhiệm vụ',
  content: 'Nội dung',
  leadUnits: 'Đơn vị chủ trì',
  coordinatingUnits: 'Đơn vị phối hợp',
  timeframe: 'Thời gian',
  kind: 'Loại',
  deadline: 'Hạn',
  recurrence: 'Chu kỳ',
  year: 'Năm',
  expectedResult: 'Kết quả',
  targets: 'Chỉ tiêu',
  quantity: 'Số lượng',
  contentTypes: 'Loại nội dung',
  channels: 'Kênh',
  mode: 'Cách tính',
  windowStart: 'Tính từ ngày',
  targetValue: 'Giá trị',
  indicatorUnit: 'Đơn vị đo',
  name: 'Tên',
  id: 'Mục đã chọn',
  '(body)': 'Dữ liệu gửi lên',
}

export function describeField(field: string, draft?: ImportDraft): string {
  const parts: string[] = []
  const re = /([^.[\]]+)(?:\[(\d+)\])?/g
  for (const m of field.matchAll(re)) {
    const name = m[1] ?? ''
    const index = m[2] === undefined ? null : Number(m[2])
    let word = WORDS[name] ?? name
    if (index !== null) {
      word += ` ${index + 1}`
      if (name === 'tasks') {
        const task = draft?.tasks[index]
        if (task?.code) word = `Nhiệm vụ ${task.code}`
        if (task?.line) word += ` (dòng ${task.line})`
      }
    }
    parts.push(word)
  }
  return parts.join(' › ')
}
