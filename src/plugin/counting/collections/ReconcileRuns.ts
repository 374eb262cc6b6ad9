import type { CollectionConfig } from 'payload'
import { isAdmin } from '../../access/isAdmin'
import { SCHEDULE_SLUGS } from '../../../domain/slugs'

/**
 * What each nightly reconciliation found, stored before it repairs anything, so a crash after
 * the repair cannot lose the record that drift existed (the admins are still told).
 */
export const ReconcileRuns: CollectionConfig = {
  slug: SCHEDULE_SLUGS.reconcileRuns,
  labels: {
    singular: { vi: 'Lượt đối soát số liệu', en: 'Reconciliation run' },
    plural: { vi: 'Đối soát số liệu', en: 'Reconciliation runs' },
  },
  admin: {
    useAsTitle: 'slot',
    group: { vi: 'Quản trị', en: 'Administration' },
    defaultColumns: ['slot', 'drift', 'repaired', 'checkedAt'],
  },
  defaultSort: '-checkedAt',
  access: { read: isAdmin, create: () => false, update: () => false, delete: () => false },
  fields: [
    { name: 'slot', type: 'text', required: true, unique: true, label: { vi: 'Lượt', en: 'Slot' } },
    {
      name: 'checkedAt',
      type: 'date',
      required: true,
      label: { vi: 'Thời điểm', en: 'Checked at' },
      admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'd/M/yyyy HH:mm' } },
    },
    {
      type: 'row',
      fields: [
        { name: 'drift', type: 'number', required: true, label: { vi: 'Tổng sai lệch', en: 'Total drift' } },
        { name: 'tallies', type: 'number', required: true, label: { vi: 'Khóa số liệu lệch', en: 'Tally keys off' } },
        { name: 'ledgerMissing', type: 'number', required: true, label: { vi: 'Đóng góp thiếu', en: 'Missing' } },
        { name: 'ledgerExtra', type: 'number', required: true, label: { vi: 'Đóng góp thừa', en: 'Extra' } },
      ],
    },
    { name: 'repaired', type: 'checkbox', defaultValue: false, label: { vi: 'Đã sửa', en: 'Repaired' } },
    { name: 'details', type: 'json', label: { vi: 'Chi tiết', en: 'Details' } },
  ],
}
