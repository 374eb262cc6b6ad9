import { createLocalReq, type ServerProps } from 'payload'
import { catalogLanguage, translate } from '../../../domain/i18n/translate'
import { readInbox } from '../readInbox'

/**
 * The bell in the admin header: how many notifications are unread, leading to the inbox. Every
 * signed-in user has one (editors get review and deadline notices too).
 */
export async function NotificationBell({ payload, user, i18n }: ServerProps) {
  if (!user) return null
  const req = await createLocalReq({ user }, payload)
  const { unread } = await readInbox(req, { limit: 0 })
  const lang = catalogLanguage(i18n?.language)
  const label = unread > 0 ? translate(lang, 'inboxBellUnread', { count: unread }) : translate(lang, 'inboxBellNone')
  return (
    <a
      href={`${payload.config.routes.admin}/inbox`}
      data-testid="notification-bell"
      data-unread={unread}
      aria-label={label}
      title={label}
      style={{
        position: 'relative',
        display: 'inline-flex',
        alignItems: 'center',
        padding: '0 0.5rem',
        textDecoration: 'none',
      }}
    >
      <svg
        width="20"
        height="20"
        viewBox="0 0 24 24"
        aria-hidden="true"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      >
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {unread > 0 && (
        <span
          data-testid="notification-count"
          style={{
            position: 'absolute',
            top: -6,
            right: -2,
            minWidth: 18,
            height: 18,
            padding: '0 4px',
            borderRadius: 9,
            background: '#c62828',
            color: '#fff',
            fontSize: 11,
            lineHeight: '18px',
            textAlign: 'center',
            fontWeight: 700,
          }}
        >
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </a>
  )
}
