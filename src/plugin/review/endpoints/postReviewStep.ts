import type { Endpoint, PayloadRequest } from 'payload'
import { reviewBodyFields } from '../../../domain/review'
import { applyReviewStep } from '../applyReviewStep'
import { BodyError, json, readJsonObject, refuse, refuseBody, refuseWith } from '../../endpoints/http'

/**
 * POST /api/review/:collection/:id/:action — action is submit, withdraw, approve or return;
 * JSON body `{ reason?, publishAt?, updatedAt? }` (reason required to return; publishAt, an ISO
 * date-time in the future, schedules an approval's publish; updatedAt, required to approve, the
 * `updatedAt` of the draft the reviewer saw). 200 with the new state; 400 naming the field;
 * 401 anonymous; 403 not allowed for this user; 404 unknown collection, item or action; 409 not
 * allowed from the item's current state, or the draft was saved again after the reviewer saw it.
 */
export const postReviewStep: Endpoint = {
  path: '/review/:collection/:id/:action',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    if (!req.user) return refuseWith(req, 401, 'signInToReview')
    // An empty body is fine (submit, withdraw, approve now); anything else must be a JSON object.
    let body: Record<string, unknown>
    try {
      body = await readJsonObject(req)
    } catch (err) {
      if (err instanceof BodyError) return refuseBody(req, err)
      throw err
    }
    const p = req.routeParams ?? {}
    const result = await applyReviewStep(req, {
      collection: String(p.collection ?? ''),
      id: String(p.id ?? ''),
      action: String(p.action ?? ''),
      ...reviewBodyFields(body),
    })
    return result.status === 200 ? json(200, result.body) : refuse(result.status, result.body.errors)
  },
}
