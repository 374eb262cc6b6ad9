import { createLocalReq, type Payload, type TypedUser } from 'payload'
import { catalogLanguage, translate } from '../../../domain/i18n/translate'
import { readInbox } from '../readInbox'
import { InboxList } from './InboxList'

/** On every user's admin home: the latest unread notifications, with a link to all of them. */
export async function InboxBlock({
  payload,
  user,
  i18n,
}: {
  payload: Payload
  user?: TypedUser | null
  i18n?: { language?: string }
}) {
  if (!user) return null
  const lang = catalogLanguage(i18n?.language)
  const req = await createLocalReq({ user }, payload)
  const { unread, items } = await readInbox(req, { limit: 5, unreadOnly: true })
  return (
    <section data-testid="inbox-block" style={{ marginBottom: '2rem' }}>
      <h2 style={{ margin: '0 0 0.5rem' }}>
        {translate(lang, 'inboxTitle')}{' '}
        {unread > 0 && (
          <span data-testid="inbox-block-unread">{translate(lang, 'inboxBlockUnread', { count: unread })}</span>
        )}
      </h2>
      <InboxList items={items} now={new Date()} lang={lang} />
      <a href={`${payload.config.routes.admin}/inbox`}>{translate(lang, 'inboxSeeAll')}</a>
    </section>
  )
}
