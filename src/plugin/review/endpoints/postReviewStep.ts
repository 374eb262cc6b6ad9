import type { Endpoint, PayloadRequest } from 'payload'
import { parseReviewBody } from '../../../domain/review'
import { applyReviewStep } from '../applyReviewStep'
import { json } from '../../endpoints/http'

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
    if (!req.user) return json(401, { errors: [{ field: null, message: 'Sign in to review content.' }] })
    // An empty body is fine (submit, withdraw, approve now); anything else must be a JSON object.
    const body = parseReviewBody((await req.text?.()) ?? '')
    if (!body.ok) return json(body.status, { errors: [{ field: body.field, message: body.message }] })
    const p = req.routeParams ?? {}
    const result = await applyReviewStep(req, {
      collection: String(p.collection ?? ''),
      id: String(p.id ?? ''),
      action: String(p.action ?? ''),
      ...body.fields,
    })
    return json(result.status, result.body)
  },
}
