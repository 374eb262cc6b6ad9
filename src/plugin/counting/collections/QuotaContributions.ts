import type { CollectionConfig } from 'payload'
import { isAdminOrManager } from '../../access/isAdminOrManager'
import { QUOTA_SLUGS } from '../../../domain/slugs'

/**
 * The per-item ledger of what each published item contributes: one row per (item, task,
 * channel, day). Written only by the counting engine (raw SQL inside the saving transaction);
 * pooled targets count distinct items from it. Read-only through the API, for managers.
 */
export const QuotaContributions: CollectionConfig = {
  slug: QUOTA_SLUGS.contributions,
  labels: {
    singular: { vi: 'Đóng góp chỉ tiêu', en: 'Quota contribution' },
    plural: { vi: 'Sổ đóng góp chỉ tiêu', en: 'Quota contributions' },
  },
  admin: { hidden: true },
  access: { read: isAdminOrManager, create: () => false, update: () => false, delete: () => false },
  indexes: [
    { fields: ['contentType', 'item', 'task', 'channel', 'day'], unique: true },
    { fields: ['task', 'channel', 'day'] },
  ],
  fields: [
    { name: 'contentType', type: 'text', required: true },
    { name: 'item', type: 'number', required: true },
    { name: 'task', type: 'number', required: true },
    { name: 'channel', type: 'number', required: true },
    { name: 'day', type: 'text', required: true },
  ],
}
