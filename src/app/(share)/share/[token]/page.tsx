import config from '@payload-config'
import type { Metadata } from 'next'
import { createLocalReq, getPayload } from 'payload'
import { calendarDay, formatViDay } from '../../../../domain/calendar'
import { ReportView } from '../../../../plugin/report/admin/ReportView'
import { resolveSharedReport } from '../../../../plugin/share/resolveSharedReport'
import { SHARE_STATE_MESSAGES } from '../../../../plugin/share/shareMessages'

export const dynamic = 'force-dynamic'

// The token is in the address: keep it out of search engines and other sites' logs.
export const metadata: Metadata = {
  title: 'Số liệu chỉ tiêu — Kế hoạch truyền thông',
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
}

export default async function SharePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const payload = await getPayload({ config })
  const req = await createLocalReq({}, payload)
  const shared = await resolveSharedReport(payload, req, decodeURIComponent(token), new Date())
  // The proxy (src/proxy.ts) answers 404 / 410 before this page runs; this is its fallback.
  if (shared.state !== 'active' || !shared.report) {
    const state = shared.state === 'active' ? 'not-found' : shared.state
    return (
      <p role="alert" data-testid="share-state" data-state={state}>
        {SHARE_STATE_MESSAGES[state]}
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
