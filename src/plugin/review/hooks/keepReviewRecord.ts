import type { CollectionBeforeChangeHook } from 'payload'
import { REVIEW_CONTEXT } from '../fields'
import { isWorkflowOnlySave, stateAfterEdit } from '../../../domain/review'
import { cancelApprovedPublish } from '../cancelApprovedPublish'
import type { ReviewState } from '../../../domain/slugs'

/**
 * The review record is append-only and written by the review step alone. Every other save
 * (REST, admin, bulk, restore of an old version, system code with access off) keeps the stored
 * state and history as they are, except that reworking a returned or approved item makes it a
 * draft again (it needs a new submission).
 */
export const keepReviewRecord: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, req }) => {
  const review = (originalDoc?.review ?? {}) as Record<string, unknown>
  let state: ReviewState | undefined
  if (req.context?.[REVIEW_CONTEXT] === true) {
    // A review step writes the record itself.
    state = (data.review as Record<string, unknown> | undefined)?.state as ReviewState | undefined
  } else {
    // A publish, a trash or a restore keeps the state only when the request changes no reviewed
    // field: a new title sent along with a trash is an edit like any other (issue 20).
    state = stateAfterEdit(review.state as ReviewState | undefined, isWorkflowOnlySave(data, originalDoc))
    data.review = { ...review, state }
    data.reviewHistory = originalDoc?.reviewHistory ?? []
  }
  // Leaving "approved" (an edit, or a new submission then a return) voids the approval, and with
  // it the publish the approval scheduled: that job runs as the approver and would go through.
  if (review.state === 'approved' && state !== 'approved' && originalDoc?.id !== undefined) {
    const withdrawn = await cancelApprovedPublish(req, collection.slug, originalDoc.id as string | number)
    if (withdrawn > 0)
      req.payload.logger.info({
        msg: `[review] ${collection.slug} ${String(originalDoc.id)} left its approval: scheduled publish withdrawn`,
      })
  }
  return data
}
