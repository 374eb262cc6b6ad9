import type { PayloadRequest } from 'payload'
import { requestOrigin } from '../../domain/requestOrigin'
import { signShareToken } from '../../domain/shareToken'

/**
 * A link's full address: SERVER_URL, or the host the request reached (a path when neither is
 * known). Recomputed from the app secret on every read; nothing secret is stored.
 */
export function shareLinkUrl(req: Pick<PayloadRequest, 'payload' | 'headers'>, id: number, createdAt: string): string {
  const origin = req.headers
    ? requestOrigin(req.payload.config.serverURL, req.headers)
    : (req.payload.config.serverURL ?? '')
  return `${origin}/share/${signShareToken(req.payload.secret, id, createdAt)}`
}
