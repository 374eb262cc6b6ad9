import {
  commitTransaction,
  initTransaction,
  killTransaction,
  type Access,
  type PayloadRequest,
  type Where,
} from 'payload'
import type { Problem } from '../../domain/i18n/messages'
import { relId } from '../../domain/relations'
import {
  decideReviewStep,
  parseReviewStep,
  type ReviewStep,
  type ReviewStepDecision,
  type ReviewStepRequest,
} from '../../domain/review'
import type { ReviewAction, ReviewState } from '../../domain/slugs'
import { countedCollections, countingTimeZone, pluginUsersSlug } from '../counting/engine/settings'
import type { ApprovedPublishInput } from './guardScheduledPublishTask'
import { leaveReviewNotices, mailReviewNotices, type ReviewUser } from './notifyReviewStep'
import { asReviewStep, readLockedDraft } from './reviewedItem'
import { isAdminUser, isReviewerOf } from './reviewers'
import { t } from '../i18n'
import { problemText } from '../shared/validation'

/** A review step as requested (route parameters and body fields, unchecked): see src/domain/review.ts. */
export type ReviewStepInput = ReviewStepRequest

export type ReviewStepResult =
  | {
      status: 200
      body: {
        id: string | number
        collection: string
        action: ReviewAction
        state: ReviewState
        publishAt: string | null
        published: boolean
      }
    }
  | { status: 400 | 401 | 403 | 404 | 409; body: { errors: Array<{ field: string | null; message: string }> } }

type Allowed = Extract<ReviewStepDecision, { ok: true }>

const refuse = (status: 400 | 401 | 403 | 404 | 409, field: string | null, message: string): ReviewStepResult => ({
  status,
  body: { errors: [{ field, message }] },
})

/** Whether the user's update access covers the item (the collection's own rule, evaluated here). */
async function mayUpdate(req: PayloadRequest, collection: string, id: string | number): Promise<boolean> {
  const collections = req.payload.collections as unknown as Record<
    string,
    { config: { access: { update?: Access } } } | undefined
  >
  const rule = collections[collection]?.config.access.update
  if (!rule) return false
  const result = await rule({ req, id: id as number })
  if (typeof result === 'boolean') return result
  const { totalDocs } = await req.payload.count({
    collection: collection as never,
    where: { and: [{ id: { equals: id } }, result as Where] },
    // The user's own access rule is the `where` above; evaluating it must not apply it twice.
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}

/**
 * One review step (submit, withdraw, approve, return) for the signed-in user: parse the request,
 * read the item under its row locks, decide (the rules and the new record: decideReviewStep,
 * pure), persist (the state, the history row, the publish now or a scheduled-publish job) and
 * leave the in-admin notices, all in ONE transaction; the e-mails go after the commit (a mail
 * failure is logged, the step stands). Writes run as the user (`overrideAccess: false`): the
 * collection's update access applies, and only the REVIEW_CONTEXT flag opens the review fields.
 */
export async function applyReviewStep(
  req: PayloadRequest,
  input: ReviewStepInput,
  now = new Date(),
): Promise<ReviewStepResult> {
  const user = req.user as ReviewUser | null | undefined
  if (!user) return refuse(401, null, t(req, 'signInToReview'))
  const parsed = parseReviewStep(input, countedCollections(req.payload))
  if (!parsed.ok) return refuse(parsed.status, parsed.field, t(req, parsed.key, parsed.vars))
  const { step } = parsed
  const collection = step.collection as 'articles'

  const owner = await initTransaction(req)
  if (!req.transactionID) throw new Error('a review step needs a database transaction, and none could be started')
  try {
    const doc = await readLockedDraft(req, collection, step.id, { overrideAccess: false })
    if (!doc) {
      if (owner) await killTransaction(req)
      return refuse(404, 'id', t(req, 'reviewItemNotFound', { collection: input.collection, id: input.id }))
    }
    const decision = decideReviewStep({
      item: doc,
      step,
      actor: {
        id: user.id,
        canEdit: await mayUpdate(req, collection, step.id),
        isReviewer: isReviewerOf(user, relId(doc.unit)),
        isAdmin: isAdminUser(user),
      },
      now,
    })
    if (!decision.ok) {
      if (owner) await killTransaction(req)
      return refuse(decision.status, decision.field, problemText(readableTimes(req, decision.problem), req))
    }
    await persistStep(req, step, decision, user)
    const notices = await leaveReviewNotices(req, step, doc, decision, user)
    if (owner) await commitTransaction(req)
    if (notices) await mailReviewNotices(req, notices)
    return {
      status: 200,
      body: {
        id: step.id,
        collection,
        action: step.action,
        state: decision.next,
        publishAt: decision.publishAt,
        published: decision.publish === 'now',
      },
    }
  } catch (err) {
    await killTransaction(req)
    throw err
  }
}

/** The step's writes: the record and history (with the publish, when now), then the scheduled publish. */
async function persistStep(req: PayloadRequest, step: ReviewStep, decision: Allowed, user: ReviewUser): Promise<void> {
  const { payload } = req
  const collection = step.collection as 'articles'
  const saved: { updatedAt?: unknown } = await asReviewStep(req, () =>
    payload.update({
      collection,
      id: step.id,
      data: {
        review: decision.review,
        reviewHistory: decision.history,
        ...(decision.publish === 'now' ? { _status: 'published' } : {}),
      } as never,
      draft: decision.publish !== 'now',
      depth: 0,
      overrideAccess: false,
      req,
    }),
  )
  if (decision.publish === 'scheduled' && decision.publishAt) {
    // Payload's own scheduled publish: the admin shows it and the scheduler's queue run fires it.
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: collection, value: String(step.id) },
        user: { relationTo: pluginUsersSlug(payload), value: user.id },
        // The version approved: the job publishes only that one (guardScheduledPublishTask).
        approvedUpdatedAt: saved.updatedAt,
      } satisfies ApprovedPublishInput as never,
      waitUntil: new Date(decision.publishAt),
      req,
    })
  }
}

/** A stale approval's two save times as people read them (the counting zone, to the second), not ISO. */
function readableTimes(req: PayloadRequest, problem: Problem): Problem {
  if (problem.key !== 'reviewStale' || !problem.vars) return problem
  const format = new Intl.DateTimeFormat(req.i18n?.language === 'en' ? 'en-GB' : 'vi-VN', {
    timeZone: countingTimeZone(req.payload),
    dateStyle: 'short',
    timeStyle: 'medium',
  })
  const vars = Object.fromEntries(
    Object.entries(problem.vars).map(([k, v]) => {
      const at = new Date(String(v))
      return [k, Number.isNaN(at.getTime()) ? v : format.format(at)]
    }),
  )
  return { ...problem, vars }
}
