import type { UIFieldServerProps } from 'payload'
import { formatViDay } from '../../../domain/calendar'
import type { QuotaReport } from '../buildReport'
import { ReportView } from './ReportView'

/** The stored snapshot, when it has the shape the report view reads (older or hand-edited rows may not). */
function snapshotOf(value: unknown): QuotaReport | null {
  if (!value || typeof value !== 'object') return null
  const r = value as Partial<QuotaReport>
  return Array.isArray(r.tasks) && Array.isArray(r.channels) && r.plan && typeof r.asOf === 'string'
    ? (r as QuotaReport)
    : null
}

/**
 * A periodic report read on screen: the dashboard's view of the plan, frozen at the report's day
 * (the numbers the job stored then, not today's). The files are above (XLSX) and in the sidebar
 * (the .docx to sign); who was mailed is just above this view.
 */
export function ReportSnapshotField({ data }: UIFieldServerProps) {
  const report = snapshotOf((data as Record<string, unknown> | undefined)?.report)
  if (!report) {
    return (
      <p role="status" data-testid="report-snapshot-missing">
        Không đọc được số liệu đã lưu của báo cáo này. Tải tệp XLSX ở trên hoặc xem bảng điều khiển chỉ tiêu.
      </p>
    )
  }
  return (
    <div data-testid="report-snapshot" style={{ marginBottom: '2rem' }}>
      <p style={{ margin: '0 0 0.5rem', color: 'var(--theme-elevation-600)' }}>
        Số liệu chốt đến hết ngày {formatViDay(report.asOf)}, như khi báo cáo được lập; tin bài đăng sau đó không làm
        thay đổi báo cáo này.
      </p>
      <ReportView report={report} />
    </div>
  )
}
