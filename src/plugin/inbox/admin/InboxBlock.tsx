import { createLocalReq, type Payload, type TypedUser } from 'payload'
import { readInbox } from '../readInbox'
import { InboxList } from './InboxList'

/** On every user's admin home: the latest unread notifications, with a link to all of them. */
export async function InboxBlock({ payload, user }: { payload: Payload; user?: TypedUser | null }) {
  if (!user) return null
  const req = await createLocalReq({ user }, payload)
  const { unread, items } = await readInbox(req, { limit: 5, unreadOnly: true })
  return (
    <section data-testid="inbox-block" style={{ marginBottom: '2rem' }}>
      <h2 style={{ margin: '0 0 0.5rem' }}>
        Thông báo {unread > 0 && <span data-testid="inbox-block-unread">({unread} chưa đọc)</span>}
      </h2>
      <InboxList items={items} now={new Date()} />
      <a href={`${payload.config.routes.admin}/inbox`}>Xem tất cả thông báo</a>
    </section>
  )
}
