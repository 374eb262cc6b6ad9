import type { CollectionConfig } from 'payload'
import { isAdminOrManager } from '../../access/isAdminOrManager'
import { QUOTA_SLUGS } from '../../../domain/slugs'

/**
 * Exact counts of distinct published items per (task, channel, content type, day), kept by the
 * counting engine. Rows may reach 0 and stay; they are never negative. Read-only via the API.
 */
export const QuotaTallies: CollectionConfig = {
  slug: QUOTA_SLUGS.tallies,
  labels: {
    singular: { vi: 'Số liệu chỉ tiêu', en: 'Quota tally' },
    plural: { vi: 'Số liệu chỉ tiêu', en: 'Quota tallies' },
  },
  admin: { hidden: true },
  access: { read: isAdminOrManager, create: () => false, update: () => false, delete: () => false },
  indexes: [{ fields: ['task', 'channel', 'contentType', 'day'], unique: true }],
  fields: [
    { name: 'task', type: 'number', required: true },
    { name: 'channel', type: 'number', required: true },
    { name: 'contentType', type: 'text', required: true },
    { name: 'day', type: 'text', required: true },
    { name: 'count', type: 'number', required: true, defaultValue: 0 },
  ],
}
