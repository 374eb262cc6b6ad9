import type { CollectionConfig } from 'payload'
import { isAdmin } from '../../access/isAdmin'
import { isAdminOrManager } from '../../access/isAdminOrManager'
import { SCHEDULE_SLUGS, SLUGS } from '../../../domain/slugs'

/**
 * The periodic report as it stood on its reporting day: the report JSON (the same as
 * GET /api/quota/report?plan=…&asOf=… returned then) and the XLSX file mailed to the managers.
 * One per plan and reporting day (the unique slot), written only by the report job.
 */
export const QuotaReports: CollectionConfig = {
  slug: SCHEDULE_SLUGS.quotaReports,
  labels: {
    singular: { vi: 'Báo cáo định kỳ', en: 'Periodic report' },
    plural: { vi: 'Báo cáo định kỳ', en: 'Periodic reports' },
  },
  admin: {
    useAsTitle: 'title',
    group: { vi: 'Kế hoạch', en: 'Planning' },
    defaultColumns: ['title', 'plan', 'asOf', 'filename'],
  },
  defaultSort: '-asOf',
  access: { read: isAdminOrManager, create: () => false, update: () => false, delete: isAdmin },
  upload: {
    // Only the report job writes here (create is closed to users), so no upload needs sniffing;
    // the plugin sets staticDir from its options.
  },
  fields: [
    { name: 'title', type: 'text', required: true, label: { vi: 'Báo cáo', en: 'Report' } },
    { name: 'slot', type: 'text', required: true, unique: true, admin: { readOnly: true } },
    {
      type: 'row',
      fields: [
        {
          name: 'plan',
          type: 'relationship',
          relationTo: SLUGS.plans,
          required: true,
          index: true,
          label: { vi: 'Kế hoạch', en: 'Plan' },
        },
        {
          name: 'asOf',
          type: 'date',
          required: true,
          label: { vi: 'Số liệu đến ngày', en: 'As of' },
          admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'd/M/yyyy' } },
        },
      ],
    },
    {
      name: 'totals',
      type: 'group',
      label: { vi: 'Tổng hợp', en: 'Totals' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'target', type: 'number', label: { vi: 'Chỉ tiêu', en: 'Target' } },
            { name: 'achieved', type: 'number', label: { vi: 'Đã đạt', en: 'Achieved' } },
            { name: 'percent', type: 'number', label: { vi: 'Tỷ lệ (%)', en: 'Percent' } },
          ],
        },
      ],
    },
    { name: 'report', type: 'json', required: true, label: { vi: 'Số liệu (JSON)', en: 'Report (JSON)' } },
  ],
}
