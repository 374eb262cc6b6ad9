import type { UIFieldServerProps } from 'payload'
import { feedLinks } from '../../../domain/feedParams'
import { relId } from '../../../domain/relations'
import { SLUGS } from '../../../domain/slugs'

const TEXT = {
  vi: {
    title: 'Nguồn tin RSS',
    unsaved: 'Lưu để có địa chỉ nguồn tin RSS.',
    draftPlan:
      'Kế hoạch đang ở trạng thái Dự thảo: nguồn tin chỉ công khai khi kế hoạch được chuyển sang Đang thực hiện.',
    hint: 'Gửi các địa chỉ này cho cơ quan báo chí, trang tổng hợp tin để theo dõi chuyên mục.',
  },
  en: {
    title: 'RSS feeds',
    unsaved: 'Save to get the feed addresses.',
    draftPlan: 'The plan is a draft: its feeds go public once the plan is active.',
    hint: 'Give these addresses to partner newsrooms and aggregators to follow the section.',
  },
}

/** The address the admin is reached at, for copyable absolute feed URLs. */
function originOf(serverURL: string, headers: Headers): string {
  if (serverURL) return serverURL.replace(/\/+$/, '')
  const host = headers.get('x-forwarded-host') ?? headers.get('host')
  const proto = headers.get('x-forwarded-proto') ?? 'http'
  return host ? `${proto}://${host}` : ''
}

/**
 * A plan's or a task's feed addresses, in its edit view's sidebar: the readable /feeds/...
 * URLs partner newsrooms subscribe to, with a warning when the plan is not public yet.
 */
export async function FeedLinks({ id, data, collectionSlug, req, i18n }: UIFieldServerProps) {
  const text = i18n.language === 'en' ? TEXT.en : TEXT.vi
  const lang = i18n.language === 'en' ? 'en' : 'vi'
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
  const origin = originOf(req.payload.config.serverURL, req.headers)
  return (
    <div className="field-type" data-testid="feed-links" style={{ marginBottom: '1.5rem' }}>
      <div className="field-label" style={{ fontWeight: 600, marginBottom: '0.5rem' }}>
        {text.title}
      </div>
      {!id ? (
        <p>{text.unsaved}</p>
      ) : (
        <>
          {planStatus === 'draft' && <p role="status">{text.draftPlan}</p>}
          <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {feedLinks(isTask ? 'task' : 'plan', id, words).map((link) => (
              <li key={link.path} style={{ marginBottom: '0.5rem' }}>
                {link.label[lang]}:{' '}
                <a href={link.path} target="_blank" rel="noopener noreferrer" style={{ wordBreak: 'break-all' }}>
                  {origin + link.path}
                </a>
              </li>
            ))}
          </ul>
          <p style={{ fontSize: '0.85em', opacity: 0.8 }}>{text.hint}</p>
        </>
      )}
    </div>
  )
}
