import type { CollectionConfig } from 'payload'
import { isOwnCalendarFeed } from '../../access/isOwnCalendarFeed'
import { isStaff } from '../../access/isStaff'
import { SLUGS } from '../../../domain/slugs'
import { computeCalendarFeedUrl } from '../hooks/computeCalendarFeedUrl'
import { stampCalendarFeed } from '../hooks/stampCalendarFeed'

/**
 * Calendar subscriptions (iCalendar): a secret address per user, or per plan for managers, that
 * Outlook, Google Calendar and phones poll. Same design as share links: the token is derived from
 * the record and the app secret, never stored; revoking stops the address at once, for good.
 */
export const CalendarFeeds: CollectionConfig = {
  slug: SLUGS.calendarFeeds,
  labels: {
    singular: { vi: 'Lịch đăng ký', en: 'Calendar subscription' },
    plural: { vi: 'Lịch đăng ký', en: 'Calendar subscriptions' },
  },
  admin: {
    useAsTitle: 'label',
    group: { vi: 'Cá nhân', en: 'Personal' },
    defaultColumns: ['label', 'plan', 'revoked', 'url'],
    description: {
      vi: 'Thêm đường dẫn vào Outlook, Google Calendar hoặc điện thoại để xem hạn nhiệm vụ, ngày báo cáo, ngày trọng điểm và các bài được giao. Không gửi đường dẫn cho người khác; thu hồi khi lộ.',
      en: 'Add the address to Outlook, Google Calendar or a phone to see deadlines, report days, key days and your planned items. Keep it private; revoke it if it leaks.',
    },
  },
  access: { read: isOwnCalendarFeed, create: isStaff, update: isOwnCalendarFeed, delete: isOwnCalendarFeed },
  hooks: { beforeChange: [stampCalendarFeed] },
  fields: [
    { name: 'label', type: 'text', maxLength: 200, label: { vi: 'Ghi chú', en: 'Note' } },
    {
      name: 'plan',
      type: 'relationship',
      relationTo: SLUGS.plans,
      index: true,
      label: { vi: 'Kế hoạch (lãnh đạo)', en: 'Plan (managers)' },
      admin: {
        description: {
          vi: 'Để trống: lịch của riêng bạn. Chọn kế hoạch: toàn bộ lịch của kế hoạch (chỉ lãnh đạo).',
          en: "Empty: your own calendar. A plan: the whole plan's calendar (managers only).",
        },
      },
    },
    {
      name: 'owner',
      type: 'relationship',
      relationTo: SLUGS.users,
      index: true,
      label: { vi: 'Người dùng', en: 'Owner' },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'revoked',
      type: 'checkbox',
      defaultValue: false,
      label: { vi: 'Thu hồi', en: 'Revoked' },
      admin: { position: 'sidebar', description: { vi: 'Ngừng hoạt động ngay.', en: 'Stops working at once.' } },
    },
    {
      name: 'revokedAt',
      type: 'date',
      label: { vi: 'Thu hồi lúc', en: 'Revoked at' },
      admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.revoked) },
    },
    {
      name: 'url',
      type: 'text',
      virtual: true,
      label: { vi: 'Địa chỉ đăng ký', en: 'Subscription address' },
      admin: { readOnly: true, description: { vi: 'Có sau khi lưu.', en: 'Available after saving.' } },
      hooks: { afterRead: [computeCalendarFeedUrl] },
    },
  ],
}
