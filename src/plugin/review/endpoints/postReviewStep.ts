import type { Endpoint, PayloadRequest } from 'payload'
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
    let body: Record<string, unknown> = {}
    // An empty body is fine (submit, withdraw, approve now); anything else must be a JSON object.
    const text = (await req.text?.()) ?? ''
    if (text.trim() !== '') {
      let parsed: unknown
      try {
        parsed = JSON.parse(text)
      } catch {
        // JSON.parse throws a SyntaxError on malformed JSON: the client's mistake.
        return json(400, { errors: [{ field: '(body)', message: 'The body is not valid JSON.' }] })
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        return json(400, { errors: [{ field: '(body)', message: 'The body must be a JSON object.' }] })
      body = parsed as Record<string, unknown>
    }
    const p = req.routeParams ?? {}
    const result = await applyReviewStep(req, {
      collection: String(p.collection ?? ''),
      id: String(p.id ?? ''),
      action: String(p.action ?? ''),
      reason: body.reason,
      publishAt: body.publishAt,
      updatedAt: body.updatedAt,
    })
    return json(result.status, result.body)
  },
}
