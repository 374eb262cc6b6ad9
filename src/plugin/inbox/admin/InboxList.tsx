import { ageText, NOTIFICATION_KIND_LABELS } from '../../../domain/inbox'
import { formatViDay } from '../../../domain/calendar'
import { translate, type Lang } from '../../../domain/i18n/translate'
import type { NotificationKind } from '../../../domain/slugs'
import type { InboxItem } from '../readInbox'

/**
 * Notifications as a list a person reads: unread in bold, each a link to its page. The frame is
 * in the reader's language; a notice's own title and text stay as they were written.
 */
export function InboxList({ items, now, lang }: { items: InboxItem[]; now: Date; lang: Lang }) {
  if (items.length === 0) return <p data-testid="inbox-empty">{translate(lang, 'inboxEmpty')}</p>
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
            {NOTIFICATION_KIND_LABELS[n.kind as NotificationKind]?.[lang] ?? n.kind} ·{' '}
            {ageText(n.createdAt, now, (iso) => formatViDay(iso.slice(0, 10)), lang)}
            {!n.read && ` · ${translate(lang, 'inboxUnreadTag')}`}
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
