import type { CollectionConfig } from 'payload'
import { isAdmin } from '../../access/isAdmin'
import { JOB_SLOT_STATUSES, SCHEDULE_SLUGS } from '../../../domain/slugs'

const dateTime = { date: { pickerAppearance: 'dayAndTime' as const, displayFormat: 'd/M/yyyy HH:mm:ss' } }

/**
 * One row per run of scheduled work (job + period, e.g. `quota-report:plan-7:2026-11-20`). The
 * unique slot is what makes a period run once across app instances: an instance runs a slot
 * only after claiming this row in one SQL statement (src/plugin/scheduler/slots.ts). Written
 * only by the scheduler; admins read it to see what ran, where, and what failed.
 */
export const JobSlots: CollectionConfig = {
  slug: SCHEDULE_SLUGS.jobSlots,
  labels: {
    singular: { vi: 'Lượt chạy tác vụ định kỳ', en: 'Scheduled run' },
    plural: { vi: 'Tác vụ định kỳ', en: 'Scheduled runs' },
  },
  admin: {
    useAsTitle: 'slot',
    group: { vi: 'Quản trị', en: 'Administration' },
    defaultColumns: ['slot', 'status', 'attempts', 'instance', 'finishedAt'],
    description: {
      vi: 'Mỗi lượt chạy (báo cáo định kỳ, cảnh báo hạn, đối soát, đăng theo lịch) chỉ chạy một lần dù có nhiều máy chủ.',
      en: 'Each run (periodic report, deadline alerts, reconciliation, scheduled publishing) runs once across instances.',
    },
  },
  defaultSort: '-claimedAt',
  access: { read: isAdmin, create: () => false, update: () => false, delete: () => false },
  fields: [
    { name: 'slot', type: 'text', required: true, unique: true, label: { vi: 'Lượt', en: 'Slot' } },
    { name: 'job', type: 'text', required: true, index: true, label: { vi: 'Tác vụ', en: 'Job' } },
    {
      name: 'status',
      type: 'select',
      required: true,
      label: { vi: 'Trạng thái', en: 'Status' },
      options: JOB_SLOT_STATUSES.map((value) => ({
        value,
        label: {
          running: { vi: 'Đang chạy', en: 'Running' },
          done: { vi: 'Đã xong', en: 'Done' },
          failed: { vi: 'Lỗi (sẽ thử lại)', en: 'Failed (will retry)' },
        }[value],
      })),
    },
    { name: 'attempts', type: 'number', required: true, defaultValue: 0, label: { vi: 'Số lần chạy', en: 'Attempts' } },
    { name: 'instance', type: 'text', label: { vi: 'Máy chủ chạy', en: 'Instance' } },
    { name: 'claimedAt', type: 'date', label: { vi: 'Bắt đầu', en: 'Claimed at' }, admin: dateTime },
    {
      name: 'leaseExpiresAt',
      type: 'date',
      label: { vi: 'Hết hạn giữ / thử lại lúc', en: 'Lease expires / retry at' },
      admin: dateTime,
    },
    { name: 'finishedAt', type: 'date', label: { vi: 'Kết thúc', en: 'Finished at' }, admin: dateTime },
    { name: 'lastError', type: 'textarea', label: { vi: 'Lỗi gần nhất', en: 'Last error' } },
    { name: 'result', type: 'json', label: { vi: 'Kết quả', en: 'Result' } },
  ],
}
