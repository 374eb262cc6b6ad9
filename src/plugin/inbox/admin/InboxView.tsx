import type { AdminViewServerProps } from 'payload'
import { AdminPage } from '../../admin/AdminPage'
import { readInbox } from '../readInbox'
import { InboxList } from './InboxList'

/** /admin/inbox: every notification of the signed-in user, newest first, and "mark all read". */
export async function InboxView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const { unread, items } = await readInbox(req, { limit: 100 })
  const api = `${req.payload.config.serverURL ?? ''}${req.payload.config.routes.api}`
  return (
    <AdminPage view={{ initPageResult, params, searchParams }} title="Thông báo">
      <p data-testid="inbox-unread">{unread > 0 ? `${unread} thông báo chưa đọc.` : 'Không có thông báo chưa đọc.'}</p>
      {unread > 0 && (
        <form method="post" action={`${api}/inbox/read-all`} style={{ marginBottom: '1rem' }}>
          <button type="submit" className="btn btn--style-secondary btn--size-small" style={{ margin: 0 }}>
            Đánh dấu tất cả đã đọc
          </button>
        </form>
      )}
      <InboxList items={items} now={new Date()} />
    </AdminPage>
  )
}
