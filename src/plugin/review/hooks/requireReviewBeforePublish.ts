import { APIError, type CollectionBeforeChangeHook } from 'payload'
import { REVIEW_CONTEXT } from '../fields'
import { problemText } from '../../shared/validation'
import { isWorkflowOnlySave, mayPublishDirectly } from '../../../domain/review'
import { isReviewerOf, unitReviewSetting } from '../reviewers'

/**
 * Nothing goes live in a unit that requires review unless a reviewer (a manager, an admin, a
 * reviewer of the unit) puts it there: a publish, or an edit of the live version, by anyone
 * else is refused with 403. System work without a user (seeding, jobs queued without a user)
 * is not an editorial act and passes; Payload's scheduled publish runs as the user who
 * scheduled it, so an author's own schedule is refused when it fires.
 */
export const requireReviewBeforePublish: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (!req.user || req.context?.[REVIEW_CONTEXT] === true) return data
  // A trash or restore of a live item is not an edit of it, unless the same request also
  // changes a reviewed field (issue 20: a new title sent along with a trash went live).
  const liveEdit =
    operation === 'update' &&
    data._status === undefined &&
    originalDoc?._status === 'published' &&
    !isWorkflowOnlySave(data, originalDoc)
  if (data._status !== 'published' && !liveEdit) return data
  const unit = data.unit !== undefined ? data.unit : originalDoc?.unit
  const setting = await unitReviewSetting(req, unit)
  if (mayPublishDirectly(setting.requiresReview, isReviewerOf(req.user, setting.id))) return data
  throw new APIError(
    problemText({ key: 'reviewRequiredToPublish', vars: { unit: setting.name } }, req),
    403,
    null,
    true,
  )
}
