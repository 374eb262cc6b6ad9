import { describe, expect, it } from 'vitest'
import { ageText, NOTIFICATION_KIND_LABELS, safeAdminLink } from '../../src/domain/inbox'
import { NOTIFICATION_KINDS } from '../../src/domain/slugs'

describe('where opening a notification may lead', () => {
  it('a page of the admin', () => {
    expect(safeAdminLink('/admin/collections/tasks/5')).toBe('/admin/collections/tasks/5')
    expect(safeAdminLink('/admin/quota?plan=3&task=5')).toBe('/admin/quota?plan=3&task=5')
    expect(safeAdminLink('/admin')).toBe('/admin')
    expect(safeAdminLink('/cms/review', '/cms')).toBe('/cms/review')
  })
  it('never another site or anything outside the admin', () => {
    for (const bad of [
      'https://evil.example/admin',
      '//evil.example/admin',
      '/\\evil.example',
      'javascript:alert(1)',
      '/administrator',
      '/api/users',
      '/admin/../api/users',
      '/admin/\nx',
      '',
      null,
      42,
    ])
      expect(safeAdminLink(bad), String(bad)).toBeNull()
  })
})

describe('how old a notification is', () => {
  const now = new Date('2026-11-20T10:00:00Z')
  const day = (iso: string) => iso.slice(0, 10)
  it('in words, then the day', () => {
    expect(ageText('2026-11-20T09:59:40Z', now, day)).toBe('vừa xong')
    expect(ageText('2026-11-20T09:48:00Z', now, day)).toBe('12 phút trước')
    expect(ageText('2026-11-20T07:00:00Z', now, day)).toBe('3 giờ trước')
    expect(ageText('2026-11-18T10:00:00Z', now, day)).toBe('2 ngày trước')
    expect(ageText('2026-11-01T10:00:00Z', now, day)).toBe('2026-11-01')
    expect(ageText('not a date', now, day)).toBe('')
  })
  it('in English when the reader chose it', () => {
    expect(ageText('2026-11-20T09:59:40Z', now, day, 'en')).toBe('just now')
    expect(ageText('2026-11-20T09:48:00Z', now, day, 'en')).toBe('12 min ago')
    expect(ageText('2026-11-20T07:00:00Z', now, day, 'en')).toBe('3 h ago')
    expect(ageText('2026-11-18T10:00:00Z', now, day, 'en')).toBe('2 days ago')
  })
})

describe('what each kind of notice is called', () => {
  it('names every kind the collection stores, in both languages (planned items included)', () => {
    for (const kind of NOTIFICATION_KINDS) {
      expect(NOTIFICATION_KIND_LABELS[kind].vi, kind).toBeTruthy()
      expect(NOTIFICATION_KIND_LABELS[kind].en, kind).toBeTruthy()
    }
    expect(NOTIFICATION_KIND_LABELS.planned).toEqual({ vi: 'Kế hoạch đăng', en: 'Planned content' })
  })
})
