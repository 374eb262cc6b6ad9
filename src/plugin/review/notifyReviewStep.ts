import type { PayloadRequest } from 'payload'
import { relId } from '../../domain/relations'
import {
  reviewItemKind,
  reviewNotice,
  type ReviewNotice,
  type ReviewStep,
  type ReviewStepDecision,
} from '../../domain/review'
import { sendEmailOnce } from '../email/sendEmailOnce'
import { countingTimeZone } from '../counting/engine/settings'
import { readAccount } from '../shared/readAccounts'
import { adminLinkOf, createReviewNotification, type ReviewedDoc } from './reviewedItem'
import { reviewersOfUnit } from './reviewers'

/**
 * The notify part of a review step (applyReviewStep): who decideReviewStep says is told gets an
 * in-admin notice in the step's transaction, and an e-mail once the step has committed.
 */

export type ReviewUser = ReviewedDoc & { name?: string; email?: string }
type Recipient = { id: string | number; email: string; name: string }

/** What the step tells whom; mailed once the step has committed. */
export interface ReviewNotices {
  recipients: Recipient[]
  notice: ReviewNotice
  link: string
  key: string
}

/** The in-admin notices of the step, in its transaction; null when nobody is told. */
export async function leaveReviewNotices(
  req: PayloadRequest,
  step: ReviewStep,
  doc: ReviewedDoc,
  decision: Extract<ReviewStepDecision, { ok: true }>,
  user: ReviewUser,
): Promise<ReviewNotices | null> {
  const { payload } = req
  const notice = reviewNotice(
    step.action,
    { title: String(doc.title ?? `#${step.id}`), kind: reviewItemKind(step.collection) },
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
  if (!notice || !decision.notify) return null
  // A decision tells the submitter, if the account still exists.
  const submitter = decision.notify.to === 'reviewers' ? null : await readAccount(req, decision.notify.user)
  const recipients: Recipient[] =
    decision.notify.to === 'reviewers'
      ? await reviewersOfUnit(req, relId(doc.unit), user.id)
      : submitter
        ? [submitter]
        : []
  const link = adminLinkOf(req, step.collection, step.id)
  const key = `review:${step.collection}:${step.id}:${decision.stepKey}`
  for (const r of recipients)
    await createReviewNotification(req, { key: `${key}:user-${r.id}`, user: r.id, notice, link })
  return { recipients, notice, link, key }
}

/** The notices as e-mails, after the commit: a failed mail is logged, the step stands. */
export async function mailReviewNotices(
  req: PayloadRequest,
  { recipients, notice, link, key }: ReviewNotices,
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
