import type { CollectionBeforeChangeHook } from 'payload'
import { REVIEW_CONTEXT } from '../collections/shared/reviewFields'
import { stateAfterEdit } from '../src/domain/review'
import { cancelApprovedPublish } from '../src/plugin/review/cancelApprovedPublish'
import type { ReviewState } from '../src/slugs'

/**
 * The review record is append-only and written by the review step alone. Every other save
 * (REST, admin, bulk, restore of an old version, system code with access off) keeps the stored
 * state and history as they are, except that reworking a returned or approved item makes it a
 * draft again (it needs a new submission).
 */
export const keepReviewRecord: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, req }) => {
  if (req.context?.[REVIEW_CONTEXT] === true) return data
  const review = (originalDoc?.review ?? {}) as Record<string, unknown>
  // Publishing, trashing and restoring from trash change no content: the state stays.
  const trashing = data.deletedAt !== undefined && Boolean(data.deletedAt) !== Boolean(originalDoc?.deletedAt)
  const keeps = data._status === 'published' || trashing
  const state = stateAfterEdit(review.state as ReviewState | undefined, keeps)
  data.review = { ...review, state }
  data.reviewHistory = originalDoc?.reviewHistory ?? []
  // An edit voids an approval, and with it the publish the approval scheduled.
  if (review.state === 'approved' && state !== 'approved' && originalDoc?.id !== undefined) {
    const withdrawn = await cancelApprovedPublish(req, collection.slug, originalDoc.id as string | number)
    if (withdrawn > 0)
      req.payload.logger.info({
        msg: `[review] ${collection.slug} ${String(originalDoc.id)} edited after approval: scheduled publish withdrawn`,
      })
  }
  return data
}
