import { describe, expect, it } from 'vitest'
import {
  decideReviewStep,
  decideTransition,
  isOverdue,
  reviewBodyFields,
  parseReviewStep,
  reviewItemKind,
  mayPublishDirectly,
  parseMinAgeHours,
  reviewNotice,
  reviewsUnit,
  stateAfterEdit,
  waitingHours,
  type ReviewActor,
  type TransitionInput,
} from '../../src/domain/review'
import { REVIEW_ACTIONS, REVIEW_STATES } from '../../src/domain/slugs'

const now = new Date('2025-08-01T03:00:00.000Z')
const author: ReviewActor = { id: 1, canEdit: true, isReviewer: false, isAdmin: false }
const reviewer: ReviewActor = { id: 2, canEdit: true, isReviewer: true, isAdmin: false }
const admin: ReviewActor = { id: 3, canEdit: true, isReviewer: true, isAdmin: true }
const outsider: ReviewActor = { id: 4, canEdit: false, isReviewer: false, isAdmin: false }

/** The draft as the reviewer saw it, and as it is now: the same version unless a test says otherwise. */
const SEEN = '2025-08-01T02:00:00.000Z'
const decide = (over: Partial<TransitionInput>) =>
  decideTransition({
    state: 'submitted',
    action: 'approve',
    actor: reviewer,
    submittedBy: 1,
    seenUpdatedAt: SEEN,
    currentUpdatedAt: SEEN,
    now,
    ...over,
  })

describe('review state machine', () => {
  it('allows exactly these (state, action) pairs for someone with every right', () => {
    const allowed: string[] = []
    for (const state of REVIEW_STATES)
      for (const action of REVIEW_ACTIONS) {
        const r = decideTransition({
          state,
          action,
          actor: admin,
          submittedBy: 1,
          reason: 'lý do',
          seenUpdatedAt: SEEN,
          currentUpdatedAt: SEEN,
          now,
        })
        if (r.ok) allowed.push(`${state}:${action}->${r.next}`)
        else expect(r.status, `${state}:${action}`).toBe(409)
      }
    expect(allowed.sort()).toEqual(
      [
        'draft:submit->submitted',
        'returned:submit->submitted',
        'approved:submit->submitted',
        'submitted:withdraw->draft',
        'submitted:approve->approved',
        'submitted:return->returned',
      ].sort(),
    )
  })

  it('a missing state is a draft', () => {
    expect(decideTransition({ state: null, action: 'submit', actor: author, submittedBy: null, now })).toMatchObject({
      ok: true,
      from: 'draft',
      next: 'submitted',
    })
  })

  it('authors submit and withdraw, but neither approve nor return', () => {
    expect(decide({ action: 'approve', actor: author })).toMatchObject({ ok: false, status: 403 })
    expect(decide({ action: 'return', actor: author, reason: 'x' })).toMatchObject({ ok: false, status: 403 })
    expect(decide({ action: 'withdraw', actor: author }).ok).toBe(true)
    expect(decide({ state: 'draft', action: 'submit', actor: outsider })).toMatchObject({ ok: false, status: 403 })
  })

  it('nobody but an admin approves their own submission', () => {
    expect(decide({ submittedBy: 2 })).toMatchObject({ ok: false, status: 403, problem: { key: 'reviewOwnItem' } })
    expect(decide({ actor: admin, submittedBy: 3 }).ok).toBe(true)
    expect(decide({ action: 'return', submittedBy: 2, reason: 'x' }).ok).toBe(true)
  })

  it('a return needs a non-blank string reason of sane length', () => {
    for (const reason of [undefined, null, '', '   ', 5, ['x']])
      expect(decide({ action: 'return', reason }), String(reason)).toMatchObject({
        ok: false,
        status: 400,
        field: 'reason',
      })
    expect(decide({ action: 'return', reason: 'x'.repeat(2001) })).toMatchObject({ ok: false, field: 'reason' })
    expect(decide({ action: 'return', reason: '  Thiếu nguồn  ' })).toMatchObject({ ok: true, reason: 'Thiếu nguồn' })
  })

  it('approval publishes now, or at a future date-time', () => {
    expect(decide({})).toMatchObject({ ok: true, publish: 'now', publishAt: null })
    expect(decide({ publishAt: '2025-08-02T01:00:00+07:00' })).toMatchObject({
      ok: true,
      publish: 'scheduled',
      publishAt: '2025-08-01T18:00:00.000Z',
    })
    for (const publishAt of ['2025-08-02', 'tomorrow', 12, '2025-13-45T99:00'])
      expect(decide({ publishAt }), String(publishAt)).toMatchObject({ ok: false, status: 400, field: 'publishAt' })
    expect(decide({ publishAt: now.toISOString() })).toMatchObject({
      ok: false,
      problem: { key: 'reviewPublishAtPast' },
    })
  })

  it('approval names the draft the reviewer saw: required, a date-time, and still the latest', () => {
    for (const seenUpdatedAt of [undefined, null, ''])
      expect(decide({ seenUpdatedAt }), String(seenUpdatedAt)).toMatchObject({
        ok: false,
        status: 400,
        field: 'updatedAt',
        problem: { key: 'reviewVersionRequired' },
      })
    for (const seenUpdatedAt of ['hôm qua', 12, '2025-08-01', { at: SEEN }])
      expect(decide({ seenUpdatedAt }), String(seenUpdatedAt)).toMatchObject({
        ok: false,
        status: 400,
        problem: { key: 'reviewVersionInvalid' },
      })
    // saved again since (autosave included): 409, naming both saves
    const stale = decide({ currentUpdatedAt: '2025-08-01T02:00:03.120Z' })
    expect(stale).toMatchObject({ ok: false, status: 409, field: 'updatedAt', problem: { key: 'reviewStale' } })
    expect(!stale.ok && stale.problem.vars).toEqual({ seen: SEEN, current: '2025-08-01T02:00:03.120Z' })
    expect(decide({ currentUpdatedAt: null })).toMatchObject({ ok: false, status: 409 })
    // the same instant written another way is the same version
    expect(decide({ seenUpdatedAt: '2025-08-01T09:00:00.000+07:00' }).ok).toBe(true)
    // only approval publishes: the other steps neither need nor check it
    expect(decide({ action: 'return', reason: 'x', seenUpdatedAt: undefined, currentUpdatedAt: 'x' }).ok).toBe(true)
    expect(decide({ action: 'withdraw', actor: author, seenUpdatedAt: undefined }).ok).toBe(true)
  })

  it('checks the role before the state, and the state before the input', () => {
    expect(decide({ state: 'draft', actor: author })).toMatchObject({ status: 403 })
    expect(decide({ state: 'draft', action: 'return' })).toMatchObject({ status: 409 })
  })
})

describe('around the state machine', () => {
  it('an edit of a returned or approved item makes it a draft; a publish or trash keeps the state', () => {
    expect(stateAfterEdit('returned', false)).toBe('draft')
    expect(stateAfterEdit('approved', false)).toBe('draft')
    expect(stateAfterEdit('submitted', false)).toBe('submitted')
    expect(stateAfterEdit('approved', true)).toBe('approved')
    expect(stateAfterEdit(undefined, false)).toBe('draft')
  })

  it('direct publishing: reviewers always, others only where the unit needs no review', () => {
    expect(mayPublishDirectly(true, false)).toBe(false)
    expect(mayPublishDirectly(true, true)).toBe(true)
    expect(mayPublishDirectly(false, false)).toBe(true)
    expect(reviewsUnit('manager', [], 7)).toBe(true)
    expect(reviewsUnit('editor', [7], 7)).toBe(true)
    expect(reviewsUnit('editor', ['7'], 7)).toBe(true)
    expect(reviewsUnit('editor', [8], 7)).toBe(false)
    expect(reviewsUnit('editor', [8], undefined)).toBe(false)
  })

  it('waiting time and overdue', () => {
    expect(waitingHours('2025-07-30T03:00:00.000Z', now)).toBe(48)
    expect(isOverdue('2025-07-30T03:00:00.000Z', now, 48)).toBe(true)
    expect(isOverdue('2025-07-30T03:00:01.000Z', now, 48)).toBe(false)
    expect(isOverdue(null, now, 1)).toBe(false)
    expect(waitingHours('garbage', now)).toBe(0)
    expect(parseMinAgeHours('24')).toBe(24)
    for (const v of ['', '-1', '1.5', 'x', undefined, ['2']]) expect(parseMinAgeHours(v)).toBeNull()
  })

  it('notices name the item and, for a return, the reason', () => {
    const fmt = () => '02/08/2025 08:00'
    expect(reviewNotice('return', { title: 'Bài A', kind: 'tin bài' }, 'Lãnh đạo', 'Thiếu nguồn', null, fmt)).toEqual({
      title: 'Bị trả lại: Bài A',
      body: 'Lãnh đạo đã trả lại tin bài "Bài A".\nLý do: Thiếu nguồn',
    })
    expect(
      reviewNotice('approve', { title: 'B', kind: 'video' }, 'X', null, '2025-08-02T01:00:00Z', fmt)?.body,
    ).toContain('02/08/2025 08:00')
    expect(reviewNotice('withdraw', { title: 'B', kind: 'video' }, 'X', null, null, fmt)).toBeNull()
  })
})

describe('parsing a review request', () => {
  const request = { collection: 'articles', id: '42', action: 'approve', updatedAt: SEEN }
  const reviewed = ['articles', 'videos']

  it('a body gives its reason, publishAt and updatedAt only', () => {
    expect(reviewBodyFields({})).toEqual({ reason: undefined, publishAt: undefined, updatedAt: undefined })
    expect(reviewBodyFields({ reason: 'Thiếu nguồn', updatedAt: 'x', role: 'admin' })).toEqual({
      reason: 'Thiếu nguồn',
      publishAt: undefined,
      updatedAt: 'x',
    })
  })

  it('names a reviewed collection, a known action and a numeric id, or 404s on the first that is not', () => {
    expect(parseReviewStep(request, reviewed)).toEqual({
      ok: true,
      step: {
        collection: 'articles',
        id: 42,
        action: 'approve',
        reason: undefined,
        publishAt: undefined,
        updatedAt: SEEN,
      },
    })
    expect(parseReviewStep({ ...request, collection: 'users', action: 'x' }, reviewed)).toMatchObject({
      ok: false,
      status: 404,
      field: 'collection',
      message: '"users" is not a content collection under review.',
    })
    expect(parseReviewStep({ ...request, action: 'publish', id: 'x' }, reviewed)).toMatchObject({
      ok: false,
      status: 404,
      field: 'action',
      message: 'Unknown review action "publish" (submit, withdraw, approve, return).',
    })
    for (const id of ['', '4.2', '-1', '1e3', '1234567890123456'])
      expect(parseReviewStep({ ...request, id }, reviewed), id).toMatchObject({
        ok: false,
        status: 404,
        field: 'id',
        message: `No articles item with id "${id}".`,
      })
  })
})

describe('decideReviewStep', () => {
  const at = now.toISOString()
  const earlier = {
    action: 'submit',
    from: 'draft',
    to: 'submitted',
    by: 1,
    at: '2025-07-31T01:00:00.000Z',
    reason: null,
    publishAt: null,
  }
  const submitted = {
    review: {
      state: 'submitted',
      submittedAt: earlier.at,
      submittedBy: 1,
      reviewedAt: null,
      reviewedBy: null,
      reason: null,
      publishAt: null,
    },
    reviewHistory: [earlier],
    updatedAt: SEEN,
    title: 'Bài A',
  }
  const step = (over: Partial<Parameters<typeof decideReviewStep>[0]>) =>
    decideReviewStep({ item: submitted, step: { action: 'approve', updatedAt: SEEN }, actor: reviewer, now, ...over })

  it('an approval stamps the reviewer, appends one history row and publishes now', () => {
    const d = step({})
    expect(d).toMatchObject({ ok: true, from: 'submitted', next: 'approved', publish: 'now', publishAt: null })
    if (!d.ok) return
    expect(d.review).toEqual({
      state: 'approved',
      submittedAt: earlier.at,
      submittedBy: 1,
      reviewedAt: at,
      reviewedBy: 2,
      reason: null,
      publishAt: null,
    })
    const row = { action: 'approve', from: 'submitted', to: 'approved', by: 2, at, reason: null, publishAt: null }
    expect(d.entry).toEqual(row)
    expect(d.history).toEqual([earlier, row])
    // The stored history is appended to, never changed.
    expect(submitted.reviewHistory).toEqual([earlier])
    expect(d.notify).toEqual({ to: 'submitter', user: 1 })
    expect(d.stepKey).toBe(`1:${at}`)
  })

  it('an approval for later schedules the publish and keeps the date on the record', () => {
    const d = step({
      step: { action: 'approve', updatedAt: SEEN, publishAt: '2025-08-02T08:00:00+07:00', reason: ' Được ' },
    })
    expect(d).toMatchObject({
      ok: true,
      publish: 'scheduled',
      publishAt: '2025-08-02T01:00:00.000Z',
      review: { state: 'approved', publishAt: '2025-08-02T01:00:00.000Z', reason: null },
      entry: { reason: 'Được', publishAt: '2025-08-02T01:00:00.000Z' },
    })
  })

  it('a return keeps its reason on the record and tells the submitter', () => {
    const d = step({ step: { action: 'return', reason: 'Thiếu nguồn' } })
    expect(d).toMatchObject({
      ok: true,
      next: 'returned',
      publish: 'no',
      review: { state: 'returned', reviewedAt: at, reviewedBy: 2, reason: 'Thiếu nguồn' },
      notify: { to: 'submitter', user: 1 },
    })
  })

  it('a submission stamps the submitter, clears the last review and tells the reviewers', () => {
    const returned = {
      review: {
        state: 'returned',
        submittedBy: 1,
        reviewedAt: earlier.at,
        reviewedBy: 2,
        reason: 'Thiếu nguồn',
        publishAt: null,
      },
      reviewHistory: [earlier, { ...earlier, action: 'return' }],
    }
    const d = step({ item: returned, step: { action: 'submit' }, actor: author })
    expect(d).toMatchObject({
      ok: true,
      from: 'returned',
      next: 'submitted',
      publish: 'no',
      notify: { to: 'reviewers' },
    })
    if (!d.ok) return
    expect(d.review).toEqual({
      state: 'submitted',
      submittedAt: at,
      submittedBy: 1,
      reviewedAt: null,
      reviewedBy: null,
      reason: null,
      publishAt: null,
    })
    expect(d.history).toHaveLength(3)
    expect(d.stepKey).toBe(`2:${at}`)
  })

  it('a withdrawal tells nobody; neither does a decision on an item nobody (else) submitted', () => {
    expect(step({ step: { action: 'withdraw' }, actor: author })).toMatchObject({
      ok: true,
      next: 'draft',
      notify: null,
    })
    expect(
      step({ actor: admin, item: { ...submitted, review: { ...submitted.review, submittedBy: 3 } } }),
    ).toMatchObject({
      ok: true,
      notify: null,
    })
    const anonymous = { ...submitted, review: { state: 'submitted' } }
    expect(step({ step: { action: 'return', reason: 'x' }, item: anonymous })).toMatchObject({ ok: true, notify: null })
    // A populated submitter is still the submitter.
    const populated = { ...submitted, review: { ...submitted.review, submittedBy: { id: 1, name: 'Tác giả' } } }
    expect(step({ item: populated })).toMatchObject({ ok: true, notify: { to: 'submitter', user: 1 } })
    expect(step({ actor: { ...reviewer, id: 1 }, item: populated })).toMatchObject({ ok: false, status: 403 })
  })

  it('an item without a record is a draft with no history', () => {
    const d = decideReviewStep({ item: {}, step: { action: 'submit' }, actor: author, now })
    expect(d).toMatchObject({ ok: true, from: 'draft', next: 'submitted', history: [{ action: 'submit', by: 1 }] })
    expect(d.ok && d.stepKey).toBe(`0:${at}`)
    const odd = decideReviewStep({
      item: { review: null, reviewHistory: 'garbage' },
      step: { action: 'submit' },
      actor: author,
      now,
    })
    expect(odd.ok && odd.history).toHaveLength(1)
  })

  it('refuses as decideTransition does, with the problem to show and nothing to write', () => {
    expect(step({ actor: author })).toEqual({
      ok: false,
      status: 403,
      field: null,
      problem: { key: 'reviewNotReviewer' },
    })
    expect(step({ item: { ...submitted, updatedAt: '2025-08-01T02:00:05.000Z' } })).toMatchObject({
      ok: false,
      status: 409,
      field: 'updatedAt',
      problem: { key: 'reviewStale', vars: { seen: SEEN, current: '2025-08-01T02:00:05.000Z' } },
    })
    // A version read as anything but text is no version.
    expect(step({ item: { ...submitted, updatedAt: new Date(SEEN) } })).toMatchObject({ ok: false, status: 409 })
    expect(step({ step: { action: 'return' } })).toMatchObject({ ok: false, status: 400, field: 'reason' })
    expect(step({ item: { ...submitted, review: { state: 'approved' } } })).toMatchObject({
      ok: false,
      status: 409,
      field: 'state',
    })
  })

  it('names the kinds of item in the notices', () => {
    expect(reviewItemKind('articles')).toBe('tin bài')
    expect(reviewItemKind('videos')).toBe('video')
    expect(reviewItemKind('podcasts')).toBe('podcasts')
  })
})
