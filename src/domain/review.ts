import type { Problem } from '../i18n/messages'
import type { ReviewAction, ReviewState } from '../slugs'

/**
 * The editorial review state machine, beside Payload's draft/published:
 *
 *   draft ──submit──▶ submitted ──approve──▶ approved (published now, or at publishAt)
 *     ▲                  │ │
 *     └────withdraw──────┘ └──return (reason)──▶ returned ──edit──▶ draft
 *
 * An approved or returned item goes back to draft when someone saves a new version of it, and
 * may be submitted again from there (or directly). Pure: callers pass who acts and the clock.
 */

export const REASON_MAX = 2000

export interface ReviewActor {
  id: string | number
  /** May edit the item: its unit's producer, a manager or an admin. */
  canEdit: boolean
  /** Manager, admin, or a reviewer of the item's unit. */
  isReviewer: boolean
  isAdmin: boolean
}

export interface TransitionInput {
  state: ReviewState | null | undefined
  action: ReviewAction
  actor: ReviewActor
  /** Who submitted the item last (four eyes: nobody but an admin approves their own submission). */
  submittedBy: string | number | null | undefined
  reason?: unknown
  publishAt?: unknown
  now: Date
}

export type TransitionOutcome =
  | {
      ok: true
      from: ReviewState
      next: ReviewState
      /** approve only: publish in this request, or leave it to a scheduled job at publishAt. */
      publish: 'now' | 'scheduled' | 'no'
      publishAt: string | null
      reason: string | null
    }
  | { ok: false; status: 400 | 403 | 409; field: string | null; problem: Problem }

const FROM: Record<ReviewAction, readonly ReviewState[]> = {
  submit: ['draft', 'returned', 'approved'],
  withdraw: ['submitted'],
  approve: ['submitted'],
  return: ['submitted'],
}

const TO: Record<ReviewAction, ReviewState> = {
  submit: 'submitted',
  withdraw: 'draft',
  approve: 'approved',
  return: 'returned',
}

/** A missing state is an item created before review existed, or by the system: a draft. */
export const currentState = (state: ReviewState | null | undefined): ReviewState => state ?? 'draft'

const fail = (status: 400 | 403 | 409, field: string | null, problem: Problem): TransitionOutcome => ({
  ok: false,
  status,
  field,
  problem,
})

/** Whether `action` is allowed for `actor` from the item's state, and what it leads to. */
export function decideTransition(input: TransitionInput): TransitionOutcome {
  const { action, actor, now } = input
  const from = currentState(input.state)
  const reviewing = action === 'approve' || action === 'return'
  if (reviewing && !actor.isReviewer) return fail(403, null, { key: 'reviewNotReviewer' })
  if (!reviewing && !actor.canEdit) return fail(403, null, { key: 'reviewNotAuthor' })
  if (!FROM[action].includes(from))
    return fail(409, 'state', { key: 'reviewNotAllowedFromState', vars: { action, state: from } })
  if (
    action === 'approve' &&
    !actor.isAdmin &&
    input.submittedBy != null &&
    String(input.submittedBy) === String(actor.id)
  )
    return fail(403, null, { key: 'reviewOwnItem' })

  const reason = typeof input.reason === 'string' ? input.reason.trim() : ''
  if (input.reason !== undefined && input.reason !== null && typeof input.reason !== 'string')
    return fail(400, 'reason', { key: 'reviewReasonRequired' })
  if (action === 'return' && reason === '') return fail(400, 'reason', { key: 'reviewReasonRequired' })
  if (reason.length > REASON_MAX) return fail(400, 'reason', { key: 'reviewReasonTooLong', vars: { max: REASON_MAX } })

  let publishAt: string | null = null
  if (action === 'approve' && input.publishAt !== undefined && input.publishAt !== null && input.publishAt !== '') {
    const at = parseInstant(input.publishAt)
    if (!at) return fail(400, 'publishAt', { key: 'reviewPublishAtInvalid' })
    if (at.getTime() <= now.getTime()) return fail(400, 'publishAt', { key: 'reviewPublishAtPast' })
    publishAt = at.toISOString()
  }
  const publish = action !== 'approve' ? 'no' : publishAt ? 'scheduled' : 'now'
  return { ok: true, from, next: TO[action], publish, publishAt, reason: reason === '' ? null : reason }
}

/** An ISO date-time (or anything Date parses unambiguously from a string of sane length). */
function parseInstant(value: unknown): Date | null {
  if (typeof value !== 'string' || value.length > 40) return null
  // A bare day would be read as UTC midnight: ask for a time so nobody publishes at 07:00 by surprise.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null
  const at = new Date(value)
  return Number.isNaN(at.getTime()) ? null : at
}

/**
 * The state after an ordinary save (not a review step). A returned item being reworked, or an
 * approved one being changed again, is a draft that needs a new submission; a publish keeps the
 * state (the publish guard decides whether the actor may publish at all).
 */
export function stateAfterEdit(state: ReviewState | null | undefined, publishing: boolean): ReviewState {
  const from = currentState(state)
  if (publishing) return from
  return from === 'returned' || from === 'approved' ? 'draft' : from
}

/** Direct publishing (the Publish button, REST `_status: 'published'`) without a review step. */
export function mayPublishDirectly(requiresReview: boolean, isReviewer: boolean): boolean {
  return !requiresReview || isReviewer
}

/** Whether the actor reviews items of `unit`: managers and admins every unit, others their listed units. */
export function reviewsUnit(
  role: string | null | undefined,
  reviewUnits: Array<string | number>,
  unit: string | number | undefined,
): boolean {
  if (role === 'admin' || role === 'manager') return true
  return unit !== undefined && reviewUnits.some((u) => String(u) === String(unit))
}

/** Hours an item has waited since submission (whole hours, never negative). */
export function waitingHours(submittedAt: string | null | undefined, now: Date): number {
  if (!submittedAt) return 0
  const t = new Date(submittedAt).getTime()
  if (Number.isNaN(t)) return 0
  return Math.max(0, Math.floor((now.getTime() - t) / 3_600_000))
}

export function isOverdue(submittedAt: string | null | undefined, now: Date, overdueHours: number): boolean {
  return Boolean(submittedAt) && waitingHours(submittedAt, now) >= overdueHours
}

/** Parses the queue's age filter ("24" = waiting at least 24 hours); null when absent or nonsense. */
export function parseMinAgeHours(value: unknown): number | null {
  if (typeof value !== 'string' || !/^\d{1,5}$/.test(value)) return null
  return Number(value)
}

export interface ReviewNotice {
  title: string
  body: string
}

/** The text of the notice a review step sends (admin notification and e-mail), Vietnamese. */
export function reviewNotice(
  action: ReviewAction,
  item: { title: string; kind: string },
  actorName: string,
  reason: string | null,
  publishAt: string | null,
  formatTime: (iso: string) => string,
): ReviewNotice | null {
  const what = `${item.kind} "${item.title}"`
  switch (action) {
    case 'submit':
      return { title: `Chờ duyệt: ${item.title}`, body: `${actorName} đã gửi duyệt ${what}.` }
    case 'approve':
      return {
        title: `Đã duyệt: ${item.title}`,
        body:
          `${actorName} đã duyệt ${what}` +
          (publishAt ? `; nội dung sẽ được xuất bản lúc ${formatTime(publishAt)}.` : ' và xuất bản.') +
          (reason ? `\nGhi chú: ${reason}` : ''),
      }
    case 'return':
      return { title: `Bị trả lại: ${item.title}`, body: `${actorName} đã trả lại ${what}.\nLý do: ${reason ?? ''}` }
    case 'withdraw':
      return null
  }
}
