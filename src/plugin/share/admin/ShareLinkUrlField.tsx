import type { ServerComponentProps } from 'payload'
import { shareLinkState } from '../../../domain/shareToken'
import { countingTimeZone } from '../../counting/engine/settings'
import { t } from '../../i18n'
import { shareLinkUrl } from '../shareLinkUrl'
import { ShareLinkCopy } from './ShareLinkCopy'

/**
 * The link a manager sends: its full address (SERVER_URL, or the host the admin was reached at),
 * a copy button and a QR code for a phone; before the first save, a line saying it comes then.
 */
export function ShareLinkUrlField({ data, req, i18n }: ServerComponentProps) {
  const doc = (data ?? {}) as Record<string, unknown>
  const id = Number(doc.id)
  const createdAt = typeof doc.createdAt === 'string' ? doc.createdAt : null
  const say = (key: Parameters<typeof t>[1], vars?: Parameters<typeof t>[2]) => t({ i18n }, key, vars)
  if (!Number.isInteger(id) || !createdAt) {
    return (
      <p className="field-type" data-testid="share-link-unsaved" style={{ color: 'var(--theme-elevation-600)' }}>
        {say('shareLinkUnsaved')}
      </p>
    )
  }
  const url = shareLinkUrl(req, id, createdAt)
  const state =
    typeof doc.expiresAt === 'string'
      ? shareLinkState(
          { revoked: doc.revoked === true, expiresAt: doc.expiresAt },
          new Date(),
          countingTimeZone(req.payload),
        )
      : 'active'
  return (
    <ShareLinkCopy
      url={url}
      inactive={
        state === 'active'
          ? null
          : say('shareLinkInactive', {
              state: say(state === 'revoked' ? 'shareLinkStateRevoked' : 'shareLinkStateExpired'),
            })
      }
      labels={{
        title: say('shareLinkTitle'),
        copy: say('shareLinkCopy'),
        copied: say('shareLinkCopied'),
        copyFailed: say('shareLinkCopyFailed'),
        qr: say('shareLinkQr'),
        open: say('shareLinkOpen'),
      }}
    />
  )
}
