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

/** "vừa xong", "12 phút trước", "3 giờ trước", "2 ngày trước", else the day (d/m/yyyy). */
export function ageText(createdAt: string, now: Date, formatDay: (iso: string) => string): string {
  const ms = now.getTime() - Date.parse(createdAt)
  if (Number.isNaN(ms)) return ''
  const minutes = Math.floor(ms / 60_000)
  if (minutes < 1) return 'vừa xong'
  if (minutes < 60) return `${minutes} phút trước`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `${hours} giờ trước`
  const days = Math.floor(hours / 24)
  if (days < 7) return `${days} ngày trước`
  return formatDay(createdAt)
}
