import type { Endpoint } from 'payload'
import { markAllNotificationsRead } from './endpoints/markAllNotificationsRead'
import { openNotification } from './endpoints/openNotification'

/**
 * The notifications inbox: a bell with the unread count in the admin header, the inbox page,
 * a block on every user's home page, and the two endpoints behind "Mở" and "mark all read".
 */
export const inboxEndpoints = (): Endpoint[] => [openNotification, markAllNotificationsRead]
export const inboxViews = {
  inbox: { Component: '/plugin/inbox/admin/InboxView#InboxView', path: '/inbox' as const },
}
export const inboxActions = ['/plugin/inbox/admin/NotificationBell#NotificationBell']
export const inboxBeforeDashboard = ['/plugin/inbox/admin/InboxBlock#InboxBlock']
