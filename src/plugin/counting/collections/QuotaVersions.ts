import type { CollectionConfig } from 'payload'
import { QUOTA_SLUGS } from '../../../domain/slugs'

/**
 * Change counters for the report cache (src/plugin/report/reportCache.ts): `task:<id>` moves in
 * the transaction that changes that task's tallies or ledger, `structure` in the one that edits
 * a plan, task, unit or channel, or repairs drift. Each bump is an upsert holding the row until
 * commit, so concurrent bumps of one counter commit one after another and every commit moves it:
 * a report cached under a counter's value is current exactly while the value is unchanged.
 * Timestamps could not promise that (a transaction that began earlier can commit later). System
 * only: no API access.
 */
export const QuotaVersions: CollectionConfig = {
  slug: QUOTA_SLUGS.versions,
  labels: {
    singular: { vi: 'Phiên bản số liệu', en: 'Counting version' },
    plural: { vi: 'Phiên bản số liệu', en: 'Counting versions' },
  },
  admin: { hidden: true },
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  fields: [
    { name: 'scope', type: 'text', required: true, unique: true },
    { name: 'version', type: 'number', required: true, defaultValue: 0 },
  ],
}
