import type { CollectionConfig, Field } from 'payload'
import { isOwnNotification } from '../../access/isOwnNotification'
import { NOTIFICATION_KIND_LABELS } from '../../../domain/inbox'
import { NOTIFICATION_KINDS, SCHEDULE_SLUGS, SLUGS } from '../../../domain/slugs'

/** Written by the scheduled jobs and the review steps only; the recipient may mark it read and nothing else. */
const systemOnly = { update: () => false, create: () => false }

const fields: Field[] = [
  {
    name: 'user',
    type: 'relationship',
    relationTo: SLUGS.users,
    required: true,
    index: true,
    label: { vi: 'Người nhận', en: 'Recipient' },
    access: systemOnly,
  },
  {
    name: 'kind',
    type: 'select',
    required: true,
    label: { vi: 'Loại', en: 'Kind' },
    options: NOTIFICATION_KINDS.map((value) => ({ value, label: NOTIFICATION_KIND_LABELS[value] })),
    access: systemOnly,
  },
  { name: 'title', type: 'text', required: true, label: { vi: 'Tiêu đề', en: 'Title' }, access: systemOnly },
  { name: 'body', type: 'textarea', label: { vi: 'Nội dung', en: 'Body' }, access: systemOnly },
  {
    name: 'link',
    type: 'text',
    label: { vi: 'Đường dẫn', en: 'Link' },
    access: systemOnly,
    admin: { description: { vi: 'Trang cần xem trong hệ thống.', en: 'The page to look at.' } },
  },
  { name: 'read', type: 'checkbox', defaultValue: false, index: true, label: { vi: 'Đã đọc', en: 'Read' } },
  // What the notice is about (task and day, report slot…): the same notice is never made twice.
  { name: 'key', type: 'text', required: true, unique: true, access: systemOnly, admin: { hidden: true } },
]

/** The in-admin list of what the scheduled work wants a user to know (deadline alerts, reports, drift). */
export const Notifications: CollectionConfig = {
  slug: SCHEDULE_SLUGS.notifications,
  labels: {
    singular: { vi: 'Thông báo', en: 'Notification' },
    plural: { vi: 'Thông báo', en: 'Notifications' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'read', 'createdAt'],
    group: { vi: 'Cá nhân', en: 'Personal' },
  },
  defaultSort: '-createdAt',
  access: {
    read: isOwnNotification,
    update: isOwnNotification,
    delete: isOwnNotification,
    create: () => false,
  },
  fields,
}
