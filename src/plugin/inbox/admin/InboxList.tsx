import { ageText } from '../../../domain/inbox'
import { formatViDay } from '../../../domain/calendar'
import type { InboxItem } from '../readInbox'

const KIND_VI: Record<string, string> = {
  deadline: 'Cảnh báo hạn',
  report: 'Báo cáo định kỳ',
  reconcile: 'Đối soát số liệu',
  review: 'Duyệt nội dung',
}

/** Notifications as a list a person reads: unread in bold, each with "Mở" to its page. */
export function InboxList({ items, now }: { items: InboxItem[]; now: Date }) {
  if (items.length === 0) return <p data-testid="inbox-empty">Không có thông báo.</p>
  return (
    <ul data-testid="inbox-list" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((n) => (
        <li
          key={n.id}
          data-testid="inbox-item"
          data-read={n.read}
          style={{ borderTop: '1px solid var(--theme-elevation-150, #ddd)', padding: '0.6rem 0' }}
        >
          <div style={{ fontSize: '0.8em', color: 'var(--theme-elevation-600, #555)' }}>
            {KIND_VI[n.kind] ?? n.kind} · {ageText(n.createdAt, now, (iso) => formatViDay(iso.slice(0, 10)))}
            {!n.read && ' · chưa đọc'}
          </div>
          <a href={n.openHref} style={{ fontWeight: n.read ? 400 : 700 }}>
            {n.title}
          </a>
          {n.body && <div style={{ whiteSpace: 'pre-line', fontSize: '0.9em', marginTop: '0.2rem' }}>{n.body}</div>}
        </li>
      ))}
    </ul>
  )
}
