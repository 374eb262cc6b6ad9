import type { AdminViewServerProps } from 'payload'
import { catalogLanguage, translate } from '../../../domain/i18n/translate'
import { AdminPage } from '../../admin/AdminPage'
import { readInbox } from '../readInbox'
import { InboxList } from './InboxList'

/** /admin/inbox: every notification of the signed-in user, newest first, and "mark all read". */
export async function InboxView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const { unread, items } = await readInbox(req, { limit: 100 })
  const api = `${req.payload.config.serverURL ?? ''}${req.payload.config.routes.api}`
  const lang = catalogLanguage(req.i18n?.language)
  return (
    <AdminPage view={{ initPageResult, params, searchParams }} title={translate(lang, 'inboxTitle')}>
      <p data-testid="inbox-unread">
        {unread > 0 ? translate(lang, 'inboxUnread', { count: unread }) : translate(lang, 'inboxNoUnread')}
      </p>
      {unread > 0 && (
        <form method="post" action={`${api}/inbox/read-all`} style={{ marginBottom: '1rem' }}>
          <button type="submit" className="btn btn--style-secondary btn--size-small" style={{ margin: 0 }}>
            {translate(lang, 'inboxMarkAllRead')}
          </button>
        </form>
      )}
      <InboxList items={items} now={new Date()} lang={lang} />
    </AdminPage>
  )
}
