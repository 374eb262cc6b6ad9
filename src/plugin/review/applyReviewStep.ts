import {
  commitTransaction,
  initTransaction,
  killTransaction,
  type Access,
  type PayloadRequest,
  type Where,
} from 'payload'
import { REVIEW_CONTEXT } from './fields'
import type { Problem } from '../../domain/i18n/messages'
import { relId } from '../../domain/relations'
import { decideTransition, reviewNotice, type TransitionOutcome } from '../../domain/review'
import { REVIEW_ACTIONS, SCHEDULE_SLUGS, type ReviewAction, type ReviewState } from '../../domain/slugs'
import { sendEmailOnce } from '../email/sendEmailOnce'
import { countedCollections, countingTimeZone, pluginUsersSlug } from '../counting/engine/settings'
import type { ApprovedPublishInput } from './guardScheduledPublishTask'
import { lockReviewedItem } from './lockReviewedItem'
import { isAdminUser, isReviewerOf, reviewersOfUnit } from './reviewers'
import { t } from '../i18n'
import { problemText } from '../shared/validation'

export interface ReviewStepInput {
  collection: string
  id: string
  action: string
  reason?: unknown
  publishAt?: unknown
  /** approve: the `updatedAt` of the draft the reviewer saw (see decideTransition). */
  updatedAt?: unknown
}

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

type Doc = Record<string, unknown> & { id: string | number }
type Recipient = { id: string | number; email: string; name: string }

const KIND: Record<string, string> = { articles: 'tin bài', infographics: 'infographic', videos: 'video' }

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
 * One review step (submit, withdraw, approve, return) for the signed-in user: the rule check,
 * the state, the history row, the publish (now, or a scheduled-publish job) and the in-admin
 * notices, all in ONE transaction; the e-mails go after the commit (a mail failure is logged,
 * the step stands). Writes run as the user (`overrideAccess: false`): the collection's update
 * access applies, and only the REVIEW_CONTEXT flag opens the review fields.
 */
export async function applyReviewStep(
  req: PayloadRequest,
  input: ReviewStepInput,
  now = new Date(),
): Promise<ReviewStepResult> {
  const { payload } = req
  const user = req.user as (Doc & { name?: string; collection?: string }) | null | undefined
  if (!user) return refuse(401, null, t(req, 'signInToReview'))
  if (!countedCollections(payload).includes(input.collection))
    return refuse(404, 'collection', t(req, 'reviewUnknownCollection', { collection: input.collection }))
  if (!(REVIEW_ACTIONS as readonly string[]).includes(input.action))
    return refuse(
      404,
      'action',
      t(req, 'reviewUnknownAction', { action: input.action, actions: REVIEW_ACTIONS.join(', ') }),
    )
  if (!/^\d{1,15}$/.test(input.id))
    return refuse(404, 'id', t(req, 'reviewItemNotFound', { collection: input.collection, id: input.id }))
  const action = input.action as ReviewAction
  const collection = input.collection as 'articles'
  const id = Number(input.id)

  const owner = await initTransaction(req)
  if (!req.transactionID) throw new Error('a review step needs a database transaction, and none could be started')
  try {
    await lockReviewedItem(req, collection, id)
    const doc = (await payload.findByID({
      collection,
      id,
      draft: true,
      depth: 0,
      disableErrors: true,
      overrideAccess: false,
      req,
    })) as unknown as Doc | null
    if (!doc) {
      if (owner) await killTransaction(req)
      return refuse(404, 'id', t(req, 'reviewItemNotFound', { collection: input.collection, id: input.id }))
    }
    const review = (doc.review ?? {}) as Record<string, unknown>
    const unit = relId(doc.unit)
    const decision: TransitionOutcome = decideTransition({
      state: review.state as ReviewState | undefined,
      action,
      actor: {
        id: user.id,
        canEdit: await mayUpdate(req, collection, id),
        isReviewer: isReviewerOf(user, unit),
        isAdmin: isAdminUser(user),
      },
      submittedBy: relId(review.submittedBy) ?? null,
      reason: input.reason,
      publishAt: input.publishAt,
      seenUpdatedAt: input.updatedAt,
      currentUpdatedAt: typeof doc.updatedAt === 'string' ? doc.updatedAt : null,
      now,
    })
    if (!decision.ok) {
      if (owner) await killTransaction(req)
      return refuse(decision.status, decision.field, problemText(readableTimes(req, decision.problem), req))
    }

    const at = now.toISOString()
    const history = Array.isArray(doc.reviewHistory) ? (doc.reviewHistory as Array<Record<string, unknown>>) : []
    const row = {
      action,
      from: decision.from,
      to: decision.next,
      by: user.id,
      at,
      reason: decision.reason,
      publishAt: decision.publishAt,
    }
    const reviewing = action === 'approve' || action === 'return'
    const nextReview = {
      ...review,
      state: decision.next,
      ...(action === 'submit' ? { submittedAt: at, submittedBy: user.id, reviewedAt: null, reviewedBy: null } : {}),
      ...(reviewing ? { reviewedAt: at, reviewedBy: user.id } : {}),
      reason: action === 'return' ? decision.reason : null,
      publishAt: decision.publishAt,
    }
    req.context = { ...req.context, [REVIEW_CONTEXT]: true }
    let saved: { updatedAt?: unknown }
    try {
      saved = await payload.update({
        collection,
        id,
        data: {
          review: nextReview,
          reviewHistory: [...history, row],
          ...(decision.publish === 'now' ? { _status: 'published' } : {}),
        } as never,
        draft: decision.publish !== 'now',
        depth: 0,
        overrideAccess: false,
        req,
      })
    } finally {
      delete req.context[REVIEW_CONTEXT]
    }
    if (decision.publish === 'scheduled' && decision.publishAt) {
      // Payload's own scheduled publish: the admin shows it and the scheduler's queue run fires it.
      await payload.jobs.queue({
        task: 'schedulePublish',
        input: {
          type: 'publish',
          doc: { relationTo: collection, value: String(id) },
          user: { relationTo: pluginUsersSlug(payload), value: user.id },
          // The version approved: the job publishes only that one (guardScheduledPublishTask).
          approvedUpdatedAt: saved.updatedAt,
        } satisfies ApprovedPublishInput as never,
        waitUntil: new Date(decision.publishAt),
        req,
      })
    }

    const notice = reviewNotice(
      action,
      { title: String(doc.title ?? `#${id}`), kind: KIND[collection] ?? collection },
      String(user.name ?? user.email ?? user.id),
      decision.reason,
      decision.publishAt,
      (iso) =>
        new Intl.DateTimeFormat('vi-VN', {
          timeZone: countingTimeZone(payload),
          dateStyle: 'short',
          timeStyle: 'short',
        }).format(new Date(iso)),
    )
    const recipients: Recipient[] = !notice
      ? []
      : action === 'submit'
        ? await reviewersOfUnit(req, unit, user.id)
        : await submitterOf(req, review.submittedBy, user.id)
    const link = `${payload.config.routes.admin}/collections/${collection}/${id}`
    // The step's number and instant: unique per step even if ids are ever reused (a restored database).
    const step = `${history.length}:${at}`
    for (const r of recipients) {
      await payload.create({
        collection: SCHEDULE_SLUGS.notifications,
        data: {
          key: `review:${collection}:${id}:${step}:user-${r.id}`,
          user: r.id,
          kind: 'review',
          title: notice!.title,
          body: notice!.body,
          link,
          read: false,
        } as never,
        depth: 0,
        // A system write: notifications are created by the product, never through the API.
        overrideAccess: true,
        req,
      })
    }
    if (owner) await commitTransaction(req)
    if (notice) await mailRecipients(req, recipients, `review:${collection}:${id}:${step}`, notice, link)
    return {
      status: 200,
      body: {
        id,
        collection,
        action,
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

/** The submitter, to be told of the decision (not when they decide on their own item). */
async function submitterOf(req: PayloadRequest, submittedBy: unknown, actor: string | number): Promise<Recipient[]> {
  const id = relId(submittedBy)
  if (id === undefined || String(id) === String(actor)) return []
  const u = (await req.payload.findByID({
    collection: pluginUsersSlug(req.payload) as 'users',
    id,
    depth: 0,
    disableErrors: true,
    // The system tells the submitter; a reviewer may not read other accounts' e-mail.
    overrideAccess: true,
    req,
  })) as unknown as { id: string | number; email?: string; name?: string } | null
  return u ? [{ id: u.id, email: u.email ?? '', name: u.name ?? '' }] : []
}

async function mailRecipients(
  req: PayloadRequest,
  recipients: Recipient[],
  key: string,
  notice: { title: string; body: string },
  link: string,
): Promise<void> {
  const base = (req.payload.config.serverURL ?? '').replace(/\/$/, '')
  const text = base ? `${notice.body}\n\n${base}${link}` : notice.body
  for (const r of recipients) {
    if (!r.email) continue
    try {
      await sendEmailOnce(req.payload, `${key}:user-${r.id}`, { to: r.email, subject: notice.title, text })
    } catch (err) {
      req.payload.logger.error({ err, msg: `review notice e-mail to user ${r.id} failed (${key})` })
    }
  }
}
