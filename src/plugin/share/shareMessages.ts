import { translate, type CatalogKey } from '../i18n'

const STATE_MESSAGE_KEYS = {
  'not-found': 'sharePageNotFound',
  revoked: 'sharePageRevoked',
  expired: 'sharePageExpired',
} as const satisfies Record<string, CatalogKey>

/** What the public share page says when a link shows nothing (Vietnamese: its readers are leaders). */
export const SHARE_STATE_MESSAGES = Object.fromEntries(
  Object.entries(STATE_MESSAGE_KEYS).map(([state, key]) => [state, translate('vi', key)]),
) as Record<keyof typeof STATE_MESSAGE_KEYS, string>

export type InactiveShareState = keyof typeof STATE_MESSAGE_KEYS

/** The HTTP status of a link that shows nothing: unknown or forged 404, revoked or expired 410. */
export const shareStateStatus = (state: InactiveShareState): 404 | 410 => (state === 'not-found' ? 404 : 410)

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** The page for a link that shows nothing: the same message the share page shows, as plain HTML. */
export function inactiveSharePage(state: InactiveShareState): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="robots" content="noindex, nofollow"><meta name="referrer" content="no-referrer"><title>Số liệu chỉ tiêu — Kế hoạch truyền thông</title></head><body style="margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#111"><main style="max-width:960px;margin:0 auto;padding:1.5rem"><p role="alert" data-testid="share-state" data-state="${state}">${escapeHtml(SHARE_STATE_MESSAGES[state])}</p></main></body></html>`
}
