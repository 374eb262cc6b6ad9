import type { Problem } from './i18n/messages'
import { REVIEW_ACTIONS, type ReviewAction, type ReviewState } from './slugs'
import { relId, relIds } from './relations'
import { translate, type CatalogKey } from './i18n/translate'

/**
 * The editorial review state machine, beside Payload's draft/published:
 *
 *   draft ──submit──▶ submitted ──approve──▶ approved (published now, or at publishAt)
 *     ▲                  │ │
 *     └────withdraw──────┘ └──return (reason)──▶ returned ──edit──▶ draft
 *
 * An approved or returned item goes back to draft when someone saves a new version of it, and
 * may be submitted again from there (or directly). Pure: callers pass who acts and the clock.
 *
 * A submitted item may still be edited (by its author, or by a reviewer fixing a typo) and stays
 * submitted: withdrawing on every edit would make autosave, which saves a few seconds after any
 * keystroke, pull items out of the queue behind the author's back, and a reviewer's own fix would
 * turn the item into their submission, which four eyes then forbid them to approve. What keeps an
 * approval honest is the version guard instead: an approval names the draft the reviewer saw (its
 * `updatedAt`) and is refused with 409 when the draft was saved again since.
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
  /**
   * approve only: the `updatedAt` of the item's latest version as the reviewer saw it. Required.
   * Not the version's id: autosave rewrites the latest autosaved version in place, so its id
   * stays while its content changes; every save (autosave included) stamps a new `updatedAt`.
   */
  seenUpdatedAt?: unknown
  /** The `updatedAt` of the item's latest version now (read under a row lock by the caller). */
  currentUpdatedAt?: string | null
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
  if (action === 'approve') {
    const seen = input.seenUpdatedAt
    if (seen === undefined || seen === null || seen === '')
      return fail(400, 'updatedAt', { key: 'reviewVersionRequired' })
    if (!parseInstant(seen)) return fail(400, 'updatedAt', { key: 'reviewVersionInvalid' })
  }
  if (action === 'approve' && input.publishAt !== undefined && input.publishAt !== null && input.publishAt !== '') {
    const at = parseInstant(input.publishAt)
    if (!at) return fail(400, 'publishAt', { key: 'reviewPublishAtInvalid' })
    if (at.getTime() <= now.getTime()) return fail(400, 'publishAt', { key: 'reviewPublishAtPast' })
    publishAt = at.toISOString()
  }
  if (action === 'approve' && !sameInstant(input.seenUpdatedAt as string, input.currentUpdatedAt))
    return fail(409, 'updatedAt', {
      key: 'reviewStale',
      vars: { seen: String(input.seenUpdatedAt), current: String(input.currentUpdatedAt ?? '—') },
    })
  const publish = action !== 'approve' ? 'no' : publishAt ? 'scheduled' : 'now'
  return { ok: true, from, next: TO[action], publish, publishAt, reason: reason === '' ? null : reason }
}

// ---------------------------------------------------------------------------------------------
// One review step: parse (here) → decide (here) → persist and notify (src/plugin/review/applyReviewStep.ts)

/** A review step as the endpoint receives it: the route's parameters and the body's fields, unchecked. */
export interface ReviewStepRequest {
  collection: string
  id: string
  action: string
  reason?: unknown
  publishAt?: unknown
  /** approve: the `updatedAt` of the draft the reviewer saw (see decideTransition). */
  updatedAt?: unknown
}

/** A step naming a reviewed collection, an item id and an action; the rest is decideReviewStep's to check. */
export interface ReviewStep {
  collection: string
  id: number
  action: ReviewAction
  reason?: unknown
  publishAt?: unknown
  updatedAt?: unknown
}

/** A request refused before any review rule is asked: the message key (and its English text, for logs and tests). */
export interface ReviewRequestRefusal {
  ok: false
  status: 400 | 404
  field: string
  key: CatalogKey
  vars: Record<string, string>
  message: string
}

/**
 * The parts of a review request's body the step reads; anything else a client sends is ignored.
 * Reading the body (JSON, an object) is the endpoint's, through src/plugin/endpoints/http.ts.
 */
export function reviewBodyFields(
  body: Record<string, unknown>,
): Pick<ReviewStepRequest, 'reason' | 'publishAt' | 'updatedAt'> {
  return { reason: body.reason, publishAt: body.publishAt, updatedAt: body.updatedAt }
}

/** Which collection, item and action a request names, each known to exist, or a 404 naming the first that does not. */
export function parseReviewStep(
  request: ReviewStepRequest,
  reviewedCollections: readonly string[],
): { ok: true; step: ReviewStep } | ReviewRequestRefusal {
  const { collection, action } = request
  const notFound = (field: string, key: CatalogKey, vars: Record<string, string>): ReviewRequestRefusal => ({
    ok: false,
    status: 404,
    field,
    key,
    vars,
    message: translate('en', key, vars),
  })
  if (!reviewedCollections.includes(collection))
    return notFound('collection', 'reviewUnknownCollection', { collection })
  if (!(REVIEW_ACTIONS as readonly string[]).includes(action))
    return notFound('action', 'reviewUnknownAction', { action, actions: REVIEW_ACTIONS.join(', ') })
  if (!/^\d{1,15}$/.test(request.id)) return notFound('id', 'reviewItemNotFound', { collection, id: request.id })
  return {
    ok: true,
    step: {
      collection,
      id: Number(request.id),
      action: action as ReviewAction,
      reason: request.reason,
      publishAt: request.publishAt,
      updatedAt: request.updatedAt,
    },
  }
}

/** What a step needs of the item: its stored review record and history, and its latest save, read under the step's lock. */
export interface ReviewedItem {
  review?: unknown
  reviewHistory?: unknown
  updatedAt?: unknown
  /** The item's other fields, which the step neither reads nor writes. */
  [field: string]: unknown
}

/** One row of an item's review history (append-only). */
export interface ReviewHistoryEntry {
  action: ReviewAction
  from: ReviewState
  to: ReviewState
  by: string | number
  at: string
  reason: string | null
  publishAt: string | null
}

export type ReviewStepDecision =
  | {
      ok: true
      from: ReviewState
      next: ReviewState
      reason: string | null
      publishAt: string | null
      /** The item's review record after the step. */
      review: Record<string, unknown>
      /** The stored history with the step's row appended. */
      history: unknown[]
      entry: ReviewHistoryEntry
      /** Publish in the step's own write, queue a publish at publishAt, or neither. */
      publish: 'now' | 'scheduled' | 'no'
      /** Who is told: the unit's reviewers (a submission), the submitter (a decision on it), or nobody. */
      notify: { to: 'reviewers' } | { to: 'submitter'; user: string | number } | null
      /** The step's number and instant: unique per step even if ids are ever reused (a restored database). */
      stepKey: string
    }
  | { ok: false; status: 400 | 403 | 409; field: string | null; problem: Problem }

/**
 * A review step on an item: the rules (decideTransition) and, when they allow it, everything the
 * step writes and sets off. A submission stamps who submitted and clears the last review; an
 * approval or a return stamps who reviewed; only a return keeps a reason on the record (every
 * step's reason stays in the history).
 */
export function decideReviewStep(input: {
  item: ReviewedItem
  step: Pick<ReviewStep, 'action' | 'reason' | 'publishAt' | 'updatedAt'>
  actor: ReviewActor
  now: Date
}): ReviewStepDecision {
  const { item, step, actor, now } = input
  const { action } = step
  const stored = (item.review ?? {}) as Record<string, unknown>
  const decision = decideTransition({
    state: stored.state as ReviewState | undefined,
    action,
    actor,
    submittedBy: relId(stored.submittedBy) ?? null,
    reason: step.reason,
    publishAt: step.publishAt,
    seenUpdatedAt: step.updatedAt,
    currentUpdatedAt: typeof item.updatedAt === 'string' ? item.updatedAt : null,
    now,
  })
  if (!decision.ok) return decision

  const at = now.toISOString()
  const history: unknown[] = Array.isArray(item.reviewHistory) ? item.reviewHistory : []
  const entry: ReviewHistoryEntry = {
    action,
    from: decision.from,
    to: decision.next,
    by: actor.id,
    at,
    reason: decision.reason,
    publishAt: decision.publishAt,
  }
  const reviewing = action === 'approve' || action === 'return'
  const review = {
    ...stored,
    state: decision.next,
    ...(action === 'submit' ? { submittedAt: at, submittedBy: actor.id, reviewedAt: null, reviewedBy: null } : {}),
    ...(reviewing ? { reviewedAt: at, reviewedBy: actor.id } : {}),
    reason: action === 'return' ? decision.reason : null,
    publishAt: decision.publishAt,
  }
  return {
    ok: true,
    from: decision.from,
    next: decision.next,
    reason: decision.reason,
    publishAt: decision.publishAt,
    review,
    history: [...history, entry],
    entry,
    publish: decision.publish,
    notify: whoIsTold(action, relId(stored.submittedBy), actor.id),
    stepKey: `${history.length}:${at}`,
  }
}

/** A submission goes to the reviewers; a decision to the submitter, unless they decided on their own item. */
function whoIsTold(
  action: ReviewAction,
  submitter: string | number | undefined,
  actor: string | number,
): Extract<ReviewStepDecision, { ok: true }>['notify'] {
  if (action === 'submit') return { to: 'reviewers' }
  if (action === 'withdraw') return null
  return submitter === undefined || String(submitter) === String(actor) ? null : { to: 'submitter', user: submitter }
}

const SAME_VERSION = '2000-01-01T00:00:00.000Z'

/** Two ISO instants that name the same millisecond ("…Z" and "…+00:00" alike); false when either is missing. */
export function sameInstant(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false
  const x = new Date(a).getTime()
  const y = new Date(b).getTime()
  return !Number.isNaN(x) && x === y
}

/**
 * The review steps `actor` may take on the item now: exactly those `decideTransition` lets
 * through, so the edit view's buttons and the endpoint never disagree. A return's reason and an
 * approval's date are the user's to type, so they are not part of the question.
 */
export function availableActions(
  item: { state: ReviewState | null | undefined; submittedBy: string | number | null | undefined },
  actor: ReviewActor,
): ReviewAction[] {
  return REVIEW_ACTIONS.filter(
    (action) =>
      decideTransition({
        state: item.state,
        action,
        actor,
        submittedBy: item.submittedBy,
        reason: action === 'return' ? 'reason' : undefined,
        // The panel sends the version it shows: a stale one is the server's answer, not a missing button.
        seenUpdatedAt: SAME_VERSION,
        currentUpdatedAt: SAME_VERSION,
        now: new Date(0),
      }).ok,
  )
}

/**
 * The signed-in user as a review actor for an item of `unit`. `canEdit` is the collection's
 * update access on that item (the admin knows it as the document's save permission).
 */
export function reviewActorOf(
  user: { id: string | number; role?: string | null; reviewUnits?: unknown },
  unit: string | number | undefined,
  canEdit: boolean,
): ReviewActor {
  return {
    id: user.id,
    canEdit,
    isReviewer: reviewsUnit(user.role, relIds(user.reviewUnits), unit),
    isAdmin: user.role === 'admin',
  }
}

/**
 * A wall-clock date-time typed in the admin ("2025-08-30T08:00", what an `<input
 * type="datetime-local">` gives) read in `timeZone`, whatever the browser's own zone, as an ISO
 * instant with the zone's offset ("2025-08-30T08:00:00+07:00"); null for anything else.
 */
export function wallTimeToInstant(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local)
  if (!m) return null
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number]
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s)
  const check = new Date(asUtc)
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null
  // The zone's offset at that moment (two passes settle it across a DST change, where zones have one).
  let offset = zoneOffsetMinutes(asUtc, timeZone)
  offset = zoneOffsetMinutes(asUtc - offset * 60_000, timeZone)
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${pad(s)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/** Minutes `timeZone` is ahead of UTC at the instant `utcMs`. */
function zoneOffsetMinutes(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs))
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60_000)
}

/** The last `count` rows of a review history, newest first (the panel's short list). */
export function recentHistory<T>(history: readonly T[] | null | undefined, count: number): T[] {
  return (history ?? []).slice(-count).reverse()
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

/**
 * Fields a review does not cover: the workflow's own (status, trash, review record) and what the
 * server derives or stamps. Everything else an item carries is what the reviewer approved.
 */
export const UNREVIEWED_FIELDS: ReadonlySet<string> = new Set([
  'id',
  '_status',
  'deletedAt',
  'createdAt',
  'updatedAt',
  'review',
  'reviewHistory',
  'reviewPanel',
  'searchText',
  'firstPublishedAt',
  'lastPublishedAt',
  'lastPublishedBy',
])

/**
 * The reviewed fields a save changes: the keys of `data` (what the request sends) whose value
 * differs from the stored item's. Relationship values compare by id (an id, `{ id }` or
 * `{ relationTo, value }`), dates by instant, null and a missing value alike. Anything unsure
 * counts as a change: a false "changed" only costs a new submission, a false "unchanged" would
 * publish text nobody approved.
 */
export function changedReviewedFields(
  data: Record<string, unknown>,
  original: Record<string, unknown> | null | undefined,
  unreviewed: ReadonlySet<string> = UNREVIEWED_FIELDS,
): string[] {
  return Object.keys(data).filter((key) => !unreviewed.has(key) && !sameValue(data[key], original?.[key]))
}

const isBlank = (v: unknown) => v === null || v === undefined
const isScalarId = (v: unknown) => typeof v === 'number' || (typeof v === 'string' && v !== '')

/** The id a relationship value names, or undefined when `v` is not one. */
function relationshipId(v: unknown): unknown {
  if (isScalarId(v)) return v
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>
    if ('relationTo' in o && 'value' in o) return relationshipId(o.value)
    if (isScalarId(o.id)) return o.id
  }
  return undefined
}

function sameValue(a: unknown, b: unknown): boolean {
  if (isBlank(a) || isBlank(b)) return isBlank(a) && isBlank(b)
  if (a instanceof Date || b instanceof Date) return sameInstant(toIso(a), toIso(b))
  if (isScalarId(a) && isScalarId(b)) return String(a) === String(b)
  if (typeof a !== 'object' || typeof b !== 'object') {
    // A relationship sent as an object against a stored id (or the reverse).
    const [x, y] = [relationshipId(a), relationshipId(b)]
    return x !== undefined && y !== undefined && String(x) === String(y) && (isScalarId(a) || isScalarId(b))
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    return a.every((v, i) => sameValue(v, b[i]))
  }
  const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>]
  if ('relationTo' in x || 'relationTo' in y)
    return String(x.relationTo) === String(y.relationTo) && sameValue(x.value, y.value)
  const keys = new Set([...Object.keys(x), ...Object.keys(y)])
  return [...keys].every((k) => sameValue(x[k], y[k]))
}

function toIso(v: unknown): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString()
  return typeof v === 'string' ? v : null
}

/** Whether a save moves the item into or out of the trash (`deletedAt` set where it was not, or cleared). */
export function togglesTrash(
  data: Record<string, unknown>,
  original: Record<string, unknown> | null | undefined,
): boolean {
  return data.deletedAt !== undefined && Boolean(data.deletedAt) !== Boolean(original?.deletedAt)
}

/**
 * Whether an ordinary save (not a review step) keeps the review state: a publish or a move to or
 * from the trash that changes no reviewed field. Any change to a reviewed field voids an
 * approval, whatever else the same request does (issue 20: a trash sent with a new title kept
 * the approval, and the scheduled publish then put the unreviewed text live).
 */
export function saveKeepsReviewState(args: {
  publishing: boolean
  trashToggled: boolean
  changedFields: readonly string[]
}): boolean {
  return (args.publishing || args.trashToggled) && args.changedFields.length === 0
}

/**
 * Whether a save only moves the item through the workflow: a publish, a trash or a restore that
 * changes no reviewed field. Such a save is not an edit of the content: it keeps the review state
 * (keepReviewRecord), and of a live item it needs no reviewer (requireReviewBeforePublish). One
 * rule for both hooks, so they never disagree on what a trash sent with a new title is (issue 20).
 */
export function isWorkflowOnlySave(
  data: Record<string, unknown>,
  original: Record<string, unknown> | null | undefined,
): boolean {
  return saveKeepsReviewState({
    publishing: data._status === 'published',
    trashToggled: togglesTrash(data, original),
    changedFields: changedReviewedFields(data, original),
  })
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

const ITEM_KIND_VI: Record<string, string> = { articles: 'tin bài', infographics: 'infographic', videos: 'video' }

/** What the notices call an item of `collection` (Vietnamese), the slug for a collection they do not know. */
export const reviewItemKind = (collection: string): string => ITEM_KIND_VI[collection] ?? collection

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

/**
 * Whether a scheduled publish that an approval queued may still go out when it fires: only while
 * the item is still approved and its latest version is the one approved (the `updatedAt` the
 * approval's own save stamped). Any save since, by anyone, stamps a new `updatedAt`.
 */
export function scheduledPublishVerdict(args: {
  state: ReviewState | null | undefined
  approvedUpdatedAt: string
  currentUpdatedAt: string | null | undefined
}): { ok: true } | { ok: false; reason: 'not-approved' | 'changed' } {
  if (currentState(args.state) !== 'approved') return { ok: false, reason: 'not-approved' }
  if (!sameInstant(args.approvedUpdatedAt, args.currentUpdatedAt)) return { ok: false, reason: 'changed' }
  return { ok: true }
}

/** The notice to the approver when their scheduled publish was refused (Vietnamese, as the others). */
export function refusedPublishNotice(
  item: { title: string; kind: string },
  reason: 'not-approved' | 'changed',
): ReviewNotice {
  const why =
    reason === 'changed' ? 'nội dung đã bị sửa sau khi được duyệt' : 'nội dung không còn ở trạng thái đã duyệt'
  return {
    title: `Không xuất bản theo lịch: ${item.title}`,
    body: `Lịch xuất bản ${item.kind} "${item.title}" đã bị hủy vì ${why}. Nội dung trở về bản nháp và cần được gửi duyệt lại.`,
  }
}

/**
 * What an item's review panel says it is: one word that never contradicts the publish state.
 * Before, a published item's panel read "Bản nháp" (its review record had never left draft, the
 * unit not requiring review) and offered "Gửi duyệt" with nothing to send.
 */
export type ItemStatus =
  'draft' | 'submitted' | 'returned' | 'approved' | 'scheduled' | 'published' | 'publishedWithChanges'

export function itemStatus(input: {
  /** A published version exists (the item is public now). */
  published: boolean
  /** The newest version is a draft saved after the published one. */
  pendingChanges: boolean
  review: ReviewState | null | undefined
  /** The approved publish time, when the approval scheduled one. */
  publishAt?: string | null
  now: Date
}): ItemStatus {
  const review = input.review ?? 'draft'
  if (input.published && !input.pendingChanges) return 'published'
  if (review === 'submitted' || review === 'returned') return review
  if (input.published) return 'publishedWithChanges'
  if (review === 'approved') {
    const at = input.publishAt ? Date.parse(input.publishAt) : NaN
    return Number.isFinite(at) && at > input.now.getTime() ? 'scheduled' : 'approved'
  }
  return 'draft'
}

/**
 * The review steps the panel offers for an item in that status: those the rule allows
 * (availableActions), less sending for review when there is nothing new to send: a published
 * item without changes, or one already approved.
 */
export function panelActions(actions: readonly ReviewAction[], status: ItemStatus): ReviewAction[] {
  const nothingToSend = status === 'published' || status === 'approved' || status === 'scheduled'
  return actions.filter((a) => !(a === 'submit' && nothingToSend))
}
