import type { CollectionConfig } from 'payload'
import { computeShareLinkUrl } from '../hooks/computeShareLinkUrl'
import { keepShareLinkFinal } from '../hooks/keepShareLinkFinal'
import { stampShareLink } from '../hooks/stampShareLink'
import { isAdminOrManager } from '../../access/isAdminOrManager'
import { checkShareExpiry } from '../../../domain/shareToken'
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
      label: { vi: 'Kế hoạch', en: 'Plan' },
    },
    {
      name: 'expiresAt',
      type: 'date',
      required: true,
      label: { vi: 'Hết hạn lúc', en: 'Expires at' },
      admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'd/M/yyyy HH:mm' } },
      validate: (value: unknown, { operation }: { operation?: string }) =>
        checkShareExpiry(value, new Date(), operation === 'create') ?? true,
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
      admin: { readOnly: true, description: { vi: 'Có sau khi lưu.', en: 'Available after saving.' } },
      hooks: { afterRead: [computeShareLinkUrl] },
    },
  ],
}
