import type { CollectionConfig } from 'payload'
import { isAdmin } from '../../access/isAdmin'
import { SCHEDULE_SLUGS } from '../../../domain/slugs'

/**
 * Every e-mail the scheduled work sends, keyed by what it is for (a report slot, a task's alert
 * of a day), so a retried run does not mail twice: a key marked sent is never sent again
 * (src/plugin/email/sendEmailOnce.ts explains the exact guarantee).
 */
export const EmailLog: CollectionConfig = {
  slug: SCHEDULE_SLUGS.emailLog,
  labels: {
    singular: { vi: 'Thư đã gửi', en: 'Sent e-mail' },
    plural: { vi: 'Nhật ký thư điện tử', en: 'E-mail log' },
  },
  admin: {
    useAsTitle: 'subject',
    group: { vi: 'Quản trị', en: 'Administration' },
    defaultColumns: ['subject', 'recipients', 'status', 'sentAt'],
  },
  defaultSort: '-createdAt',
  access: { read: isAdmin, create: () => false, update: () => false, delete: () => false },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, label: { vi: 'Mã thư', en: 'Key' } },
    { name: 'recipients', type: 'textarea', required: true, label: { vi: 'Người nhận', en: 'To' } },
    { name: 'subject', type: 'text', required: true, label: { vi: 'Tiêu đề', en: 'Subject' } },
    {
      name: 'status',
      type: 'select',
      required: true,
      label: { vi: 'Trạng thái', en: 'Status' },
      options: [
        { value: 'sending', label: { vi: 'Đang gửi (chưa xác nhận)', en: 'Sending (unconfirmed)' } },
        { value: 'sent', label: { vi: 'Đã gửi', en: 'Sent' } },
      ],
    },
    { name: 'attempts', type: 'number', required: true, defaultValue: 0, label: { vi: 'Số lần gửi', en: 'Attempts' } },
    { name: 'messageId', type: 'text', label: { vi: 'Message-ID', en: 'Message-ID' } },
    {
      name: 'sentAt',
      type: 'date',
      label: { vi: 'Gửi lúc', en: 'Sent at' },
      admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'd/M/yyyy HH:mm' } },
    },
    { name: 'lastError', type: 'textarea', label: { vi: 'Lỗi gần nhất', en: 'Last error' } },
  ],
}
