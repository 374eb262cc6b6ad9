/** What the public share page says when a link shows nothing (Vietnamese: its readers are leaders). */
export const SHARE_STATE_MESSAGES = {
  'not-found': 'Liên kết không tồn tại. Vui lòng kiểm tra lại đường dẫn được gửi.',
  revoked: 'Liên kết này đã bị thu hồi. Vui lòng liên hệ đơn vị gửi để nhận liên kết mới.',
  expired: 'Liên kết này đã hết hạn. Vui lòng liên hệ đơn vị gửi để nhận liên kết mới.',
} as const

export type InactiveShareState = keyof typeof SHARE_STATE_MESSAGES

/** The HTTP status of a link that shows nothing: unknown or forged 404, revoked or expired 410. */
export const shareStateStatus = (state: InactiveShareState): 404 | 410 => (state === 'not-found' ? 404 : 410)

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** The page for a link that shows nothing: the same message the share page shows, as plain HTML. */
export function inactiveSharePage(state: InactiveShareState): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="robots" content="noindex, nofollow"><meta name="referrer" content="no-referrer"><title>Số liệu chỉ tiêu — Kế hoạch truyền thông</title></head><body style="margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#111"><main style="max-width:960px;margin:0 auto;padding:1.5rem"><p role="alert" data-testid="share-state" data-state="${state}">${escapeHtml(SHARE_STATE_MESSAGES[state])}</p></main></body></html>`
}
