import type { UIFieldServerProps } from 'payload'
import { feedLinks } from '../../../domain/feedParams'
import { relId } from '../../../domain/relations'
import { requestOrigin } from '../../../domain/requestOrigin'
import { SLUGS } from '../../../domain/slugs'
import { t, type CatalogKey } from '../../i18n'

/**
 * A plan's or a task's feed addresses, in its edit view's sidebar: the readable /feeds/...
 * URLs partner newsrooms subscribe to, with a warning when the plan is not public yet.
 */
export async function FeedLinks({ id, data, collectionSlug, req, i18n }: UIFieldServerProps) {
  const say = (key: CatalogKey) => t({ i18n }, key)
  const isTask = collectionSlug === SLUGS.tasks
  let words = String(data?.code ?? '')
  let planStatus: unknown = data?.status
  if (id && isTask) {
    const planId = relId(data?.plan)
    const plan = planId
      ? await req.payload.findByID({
          collection: SLUGS.plans,
          id: planId,
          select: { code: true, status: true },
          depth: 0,
          overrideAccess: false,
          req,
          disableErrors: true,
        })
      : null
    words = `${plan?.code ?? ''} ${words}`
    planStatus = plan?.status
  }
  const origin = requestOrigin(req.payload.config.serverURL, req.headers)
  return (
    <div className="field-type" data-testid="feed-links" style={{ marginBottom: '1.5rem' }}>
      <div className="field-label" style={{ fontWeight: 600, marginBottom: '0.5rem' }}>
        {say('feedLinksTitle')}
      </div>
      {!id ? (
        <p>{say('feedLinksUnsaved')}</p>
      ) : (
        <>
          {planStatus === 'draft' && <p role="status">{say('feedLinksDraftPlan')}</p>}
          <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {feedLinks(isTask ? 'task' : 'plan', id, words).map((link) => (
              <li key={link.path} style={{ marginBottom: '0.5rem' }}>
                {say(link.label)}:{' '}
                <a href={link.path} target="_blank" rel="noopener noreferrer" style={{ wordBreak: 'break-all' }}>
                  {origin + link.path}
                </a>
              </li>
            ))}
          </ul>
          <p style={{ fontSize: '0.85em', opacity: 0.8 }}>{say('feedLinksHint')}</p>
        </>
      )}
    </div>
  )
}
