import config from '@payload-config'
import type { Metadata } from 'next'
import { createLocalReq, getPayload } from 'payload'
import { calendarDay, formatViDay } from '../../../../domain/calendar'
import { ReportView } from '../../../../plugin/admin/ReportView'
import { resolveSharedReport } from '../../../../plugin/share/resolveSharedReport'

export const dynamic = 'force-dynamic'

// The token is in the address: keep it out of search engines and other sites' logs.
export const metadata: Metadata = {
  title: 'Số liệu chỉ tiêu — Kế hoạch truyền thông',
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
}

const MESSAGES = {
  'not-found': 'Liên kết không tồn tại. Vui lòng kiểm tra lại đường dẫn được gửi.',
  revoked: 'Liên kết này đã bị thu hồi. Vui lòng liên hệ đơn vị gửi để nhận liên kết mới.',
  expired: 'Liên kết này đã hết hạn. Vui lòng liên hệ đơn vị gửi để nhận liên kết mới.',
} as const

export default async function SharePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const payload = await getPayload({ config })
  const req = await createLocalReq({}, payload)
  const shared = await resolveSharedReport(payload, req, decodeURIComponent(token), new Date())
  if (shared.state !== 'active') {
    return (
      <p role="alert" data-testid="share-state" data-state={shared.state}>
        {MESSAGES[shared.state]}
      </p>
    )
  }
  return (
    <>
      <h1 style={{ fontSize: '1.5rem' }}>Tiến độ thực hiện chỉ tiêu</h1>
      <p style={{ color: '#555' }}>Chỉ xem · liên kết có hiệu lực đến {formatViDay(calendarDay(shared.expiresAt))}</p>
      <ReportView report={shared.report} />
    </>
  )
}
