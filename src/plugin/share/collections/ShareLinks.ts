import type { CollectionConfig, PayloadRequest } from 'payload'
import { computeShareLinkUrl } from '../hooks/computeShareLinkUrl'
import { normalizeShareExpiry } from '../hooks/normalizeShareExpiry'
import { countingTimeZone } from '../../counting/engine/settings'
import { toValidation } from '../../shared/validation'
import { keepShareLinkFinal } from '../hooks/keepShareLinkFinal'
import { stampShareLink } from '../hooks/stampShareLink'
import { isAdminOrManager } from '../../access/isAdminOrManager'
import { checkShareExpiry, defaultShareExpiry } from '../../../domain/shareToken'
import { defaultShareLinkPlan } from '../defaultShareLinkPlan'
import { SLUGS } from '../../../domain/slugs'

/**
 * Read-only, expiring, revocable links to one plan's attainment, for leaders without an
 * account. The token is derived from the record and the app secret, never stored.
 */
export const ShareLinks: CollectionConfig = {
  slug: SLUGS.shareLinks,
  labels: {
    singular: { vi: 'Liên kết chia sẻ', en: 'Share link' },
    plural: { vi: 'Liên kết chia sẻ', en: 'Share links' },
  },
  admin: {
    useAsTitle: 'label',
    group: { vi: 'Kế hoạch', en: 'Planning' },
    defaultColumns: ['label', 'plan', 'expiresAt', 'revoked', 'url'],
    description: {
      vi: 'Gửi đường dẫn cho lãnh đạo xem số liệu chỉ tiêu của một kế hoạch mà không cần tài khoản. Chỉ có số liệu, không có bản nháp hay thông tin người dùng.',
      en: "Send leaders a link to one plan's numbers without an account. Numbers only: no drafts, no user data.",
    },
  },
  access: { read: isAdminOrManager, create: isAdminOrManager, update: isAdminOrManager, delete: isAdminOrManager },
  hooks: { beforeChange: [keepShareLinkFinal, stampShareLink] },
  fields: [
    {
      name: 'label',
      type: 'text',
      required: true,
      maxLength: 200,
      label: { vi: 'Gửi cho (ghi chú)', en: 'For (note)' },
    },
    {
      name: 'plan',
      type: 'relationship',
      relationTo: SLUGS.plans,
      required: true,
      index: true,
      defaultValue: defaultShareLinkPlan,
      label: { vi: 'Kế hoạch', en: 'Plan' },
    },
    {
      name: 'expiresAt',
      type: 'date',
      required: true,
      // In the admin's form only, like the plan: API clients say when their link ends.
      defaultValue: ({ req }: { req: PayloadRequest }) =>
        req.payloadAPI === 'local' ? defaultShareExpiry(new Date(), countingTimeZone(req.payload)) : undefined,
      label: { vi: 'Hiệu lực đến (hết ngày)', en: 'Valid until (end of day)' },
      admin: {
        date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' },
        description: {
          vi: 'Gõ hoặc chọn ngày, ví dụ 31/12/2026; liên kết dùng được hết ngày đó.',
          en: 'Type or pick a day, e.g. 31/12/2026; the link works until the end of that day.',
        },
      },
      hooks: { beforeValidate: [normalizeShareExpiry] },
      validate: (value: unknown, { operation, req }: { operation?: string; req: PayloadRequest }) =>
        toValidation(checkShareExpiry(value, new Date(), operation === 'create', countingTimeZone(req.payload)), req),
    },
    {
      name: 'revoked',
      type: 'checkbox',
      defaultValue: false,
      label: { vi: 'Thu hồi', en: 'Revoked' },
      admin: {
        position: 'sidebar',
        description: { vi: 'Liên kết ngừng hoạt động ngay.', en: 'Stops working at once.' },
      },
    },
    {
      name: 'revokedAt',
      type: 'date',
      label: { vi: 'Thu hồi lúc', en: 'Revoked at' },
      admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.revoked) },
    },
    {
      name: 'createdBy',
      type: 'relationship',
      relationTo: SLUGS.users,
      label: { vi: 'Người tạo', en: 'Created by' },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'url',
      type: 'text',
      virtual: true,
      label: { vi: 'Đường dẫn', en: 'Link' },
      admin: {
        readOnly: true,
        components: { Field: '/plugin/share/admin/ShareLinkUrlField#ShareLinkUrlField' },
      },
      hooks: { afterRead: [computeShareLinkUrl] },
    },
  ],
}
