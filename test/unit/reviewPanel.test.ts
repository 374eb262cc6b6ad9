import { describe, expect, it } from 'vitest'
import {
  availableActions,
  decideTransition,
  itemStatus,
  panelActions,
  recentHistory,
  reviewActorOf,
  wallTimeToInstant,
  type ReviewActor,
} from '../../src/domain/review'
import { REVIEW_ACTIONS, REVIEW_STATES } from '../../src/domain/slugs'

const author: ReviewActor = { id: 1, canEdit: true, isReviewer: false, isAdmin: false }
const reviewer: ReviewActor = { id: 2, canEdit: true, isReviewer: true, isAdmin: false }
const readOnlyReviewer: ReviewActor = { id: 5, canEdit: false, isReviewer: true, isAdmin: false }
const admin: ReviewActor = { id: 3, canEdit: true, isReviewer: true, isAdmin: true }
const outsider: ReviewActor = { id: 4, canEdit: false, isReviewer: false, isAdmin: false }

describe('availableActions (the edit view panel buttons)', () => {
  it('offers an author submit from draft, returned and approved, and withdraw while submitted', () => {
    expect(availableActions({ state: 'draft', submittedBy: null }, author)).toEqual(['submit'])
    expect(availableActions({ state: null, submittedBy: null }, author)).toEqual(['submit'])
    expect(availableActions({ state: 'returned', submittedBy: 1 }, author)).toEqual(['submit'])
    expect(availableActions({ state: 'approved', submittedBy: 1 }, author)).toEqual(['submit'])
    expect(availableActions({ state: 'submitted', submittedBy: 1 }, author)).toEqual(['withdraw'])
  })

  it('offers a reviewer approve and return on someone else’s submission, never approve on their own', () => {
    expect(availableActions({ state: 'submitted', submittedBy: 1 }, reviewer)).toEqual([
      'withdraw',
      'approve',
      'return',
    ])
    expect(availableActions({ state: 'submitted', submittedBy: '2' }, reviewer)).toEqual(['withdraw', 'return'])
    expect(availableActions({ state: 'submitted', submittedBy: 3 }, admin)).toEqual(['withdraw', 'approve', 'return'])
    expect(availableActions({ state: 'submitted', submittedBy: 1 }, readOnlyReviewer)).toEqual(['approve', 'return'])
  })

  it('offers nothing to someone who may neither edit nor review', () => {
    for (const state of REVIEW_STATES) expect(availableActions({ state, submittedBy: 1 }, outsider)).toEqual([])
  })

  it('agrees with the endpoint rule for every state, actor and submitter', () => {
    const now = new Date('2025-08-01T00:00:00Z')
    for (const actor of [author, reviewer, readOnlyReviewer, admin, outsider])
      for (const state of REVIEW_STATES)
        for (const submittedBy of [null, 1, 2, 3]) {
          const offered = availableActions({ state, submittedBy }, actor)
          for (const action of REVIEW_ACTIONS) {
            const seen = { seenUpdatedAt: '2025-08-01T00:00:00.000Z', currentUpdatedAt: '2025-08-01T00:00:00.000Z' }
            const ok = decideTransition({ state, action, actor, submittedBy, reason: 'Thiếu nguồn', now, ...seen }).ok
            expect(offered.includes(action), `${actor.id} ${state} ${action} by ${submittedBy}`).toBe(ok)
          }
        }
  })
})

describe('reviewActorOf', () => {
  it('reads the role and the reviewed units, ids or populated', () => {
    expect(reviewActorOf({ id: 7, role: 'editor', reviewUnits: [] }, 10, true)).toEqual({
      id: 7,
      canEdit: true,
      isReviewer: false,
      isAdmin: false,
    })
    expect(reviewActorOf({ id: 7, role: 'editor', reviewUnits: [{ id: 10 }] }, 10, false).isReviewer).toBe(true)
    expect(reviewActorOf({ id: 7, role: 'editor', reviewUnits: [11] }, '10', false).isReviewer).toBe(false)
    expect(reviewActorOf({ id: 7, role: 'editor', reviewUnits: [10] }, undefined, false).isReviewer).toBe(false)
    expect(reviewActorOf({ id: 7, role: 'manager' }, undefined, true)).toMatchObject({
      isReviewer: true,
      isAdmin: false,
    })
    expect(reviewActorOf({ id: 7, role: 'admin', reviewUnits: null }, 1, true)).toMatchObject({
      isReviewer: true,
      isAdmin: true,
    })
  })
})

describe('wallTimeToInstant', () => {
  it('reads the typed time in the counting zone, not the browser’s', () => {
    expect(wallTimeToInstant('2025-08-30T08:00', 'Asia/Ho_Chi_Minh')).toBe('2025-08-30T08:00:00+07:00')
    expect(new Date(wallTimeToInstant('2025-08-30T08:00', 'Asia/Ho_Chi_Minh')!).toISOString()).toBe(
      '2025-08-30T01:00:00.000Z',
    )
    expect(wallTimeToInstant('2025-01-01T00:30:15', 'UTC')).toBe('2025-01-01T00:30:15+00:00')
    expect(wallTimeToInstant('2025-11-23T09:05', 'America/St_Johns')).toBe('2025-11-23T09:05:00-03:30')
  })

  it('follows a daylight-saving zone on both sides of the change', () => {
    expect(wallTimeToInstant('2025-01-15T12:00', 'Europe/Berlin')).toBe('2025-01-15T12:00:00+01:00')
    expect(wallTimeToInstant('2025-07-15T12:00', 'Europe/Berlin')).toBe('2025-07-15T12:00:00+02:00')
  })

  it('refuses what is not a complete, real date-time', () => {
    for (const bad of ['', '2025-08-30', '2025-02-30T08:00', '2025-08-30T24:00', '2025-08-30 08:00', 'mai 8 giờ'])
      expect(wallTimeToInstant(bad, 'Asia/Ho_Chi_Minh'), bad).toBeNull()
  })
})

describe('recentHistory', () => {
  it('gives the last rows newest first, and nothing for no history', () => {
    expect(recentHistory([1, 2, 3, 4, 5], 3)).toEqual([5, 4, 3])
    expect(recentHistory([1], 3)).toEqual([1])
    expect(recentHistory(null, 3)).toEqual([])
    const rows = [1, 2]
    recentHistory(rows, 5)
    expect(rows).toEqual([1, 2])
  })
})

describe('itemStatus and panelActions (one word for publish and review together)', () => {
  const now = new Date('2026-12-02T03:00:00Z')
  const status = (
    published: boolean,
    pendingChanges: boolean,
    review: (typeof REVIEW_STATES)[number],
    publishAt?: string,
  ) => itemStatus({ published, pendingChanges, review, publishAt, now })

  it('calls a published item published, whatever its review record says, until it has new changes', () => {
    for (const review of REVIEW_STATES) expect(status(true, false, review), review).toBe('published')
    expect(status(true, true, 'draft')).toBe('publishedWithChanges')
    expect(status(true, true, 'approved')).toBe('publishedWithChanges')
    expect(status(true, true, 'submitted')).toBe('submitted')
    expect(status(true, true, 'returned')).toBe('returned')
  })

  it('tells an approval waiting for its time from one waiting for a publish', () => {
    expect(status(false, true, 'approved', '2026-12-03T01:00:00Z')).toBe('scheduled')
    expect(status(false, true, 'approved', '2026-12-01T01:00:00Z')).toBe('approved')
    expect(status(false, true, 'approved')).toBe('approved')
    expect(status(false, false, 'draft')).toBe('draft')
    expect(itemStatus({ published: false, pendingChanges: false, review: null, now })).toBe('draft')
  })

  it('never offers "Gửi duyệt" with nothing new to send', () => {
    const fromApproved = availableActions({ state: 'approved', submittedBy: 1 }, author)
    expect(fromApproved).toContain('submit')
    expect(panelActions(fromApproved, 'approved')).not.toContain('submit')
    expect(panelActions(fromApproved, 'scheduled')).not.toContain('submit')
    expect(panelActions(fromApproved, 'publishedWithChanges')).toContain('submit')
    expect(panelActions(['submit'], 'published')).toEqual([])
    expect(panelActions(['submit'], 'draft')).toEqual(['submit'])
    expect(panelActions(['withdraw'], 'submitted')).toEqual(['withdraw'])
  })
})
