import type { Lang } from './i18n/translate'
import type { NotificationKind } from './slugs'

/**
 * The notifications inbox's rules: where opening a notice may lead (only a page of this admin,
 * never another site: a stored link must not become an open redirect), and how old a notice is,
 * in words.
 */

/** Whitespace or a control character: never part of a link this app stores. */
const hasControlOrSpace = (text: string): boolean => [...text].some((c) => c.charCodeAt(0) <= 0x20 || c === '\u007f')

/** The stored link if it is a path inside the admin (`/admin` or below), otherwise null. */
export function safeAdminLink(link: unknown, adminRoute = '/admin'): string | null {
  if (typeof link !== 'string' || link === '') return null
  // Protocol-relative (//evil.example), backslashes and schemes all leave the site.
  if (!link.startsWith('/') || link.startsWith('//') || link.includes('\\') || hasControlOrSpace(link)) return null
  const path = link.split(/[?#]/)[0] ?? ''
  if (path.split('/').includes('..')) return null
  return path === adminRoute || path.startsWith(`${adminRoute}/`) ? link : null
}

/** What each kind of notice is called, in both languages (the collection's options and the inbox). */
export const NOTIFICATION_KIND_LABELS = {
  deadline: { vi: 'Cảnh báo hạn', en: 'Deadline alert' },
  report: { vi: 'Báo cáo định kỳ', en: 'Periodic report' },
  reconcile: { vi: 'Đối soát số liệu', en: 'Reconciliation' },
  review: { vi: 'Duyệt nội dung', en: 'Editorial review' },
  planned: { vi: 'Kế hoạch đăng', en: 'Planned content' },
} as const satisfies Record<NotificationKind, { vi: string; en: string }>

const AGE = {
  vi: { now: 'vừa xong', minutes: 'phút trước', hours: 'giờ trước', days: 'ngày trước' },
  en: { now: 'just now', minutes: 'min ago', hours: 'h ago', days: 'days ago' },
} as const

/**
 * "vừa xong", "12 phút trước", "3 giờ trước", "2 ngày trước" ("just now", "12 min ago", … in
 * English), else the day as `formatDay` writes it.
 */
export function ageText(createdAt: string, now: Date, formatDay: (iso: string) => string, lang: Lang = 'vi'): string {
  const words = AGE[lang]
  const ms = now.getTime() - Date.parse(createdAt)
  if (Number.isNaN(ms)) return ''
  const minutes = Math.floor(ms / 60_000)
  if (minutes < 1) return words.now
  if (minutes < 60) return `${minutes} ${words.minutes}`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `${hours} ${words.hours}`
  const days = Math.floor(hours / 24)
  if (days < 7) return `${days} ${words.days}`
  return formatDay(createdAt)
}
