import type { Endpoint, PayloadRequest } from 'payload'
import { BodyError, json, readJson, refuse, refuseBody, refuseNonImporter } from '../../endpoints/http'
import { importPlan } from '../importPlan'
import { fieldError, problemErrors } from './importErrors'

/**
 * POST /api/plan-import/commit — the reviewed draft (JSON, as the preview returned it and the
 * reviewer edited it) → the plan and its tasks, created in one transaction as the signed-in user.
 * 201 created; 200 `exists` when a plan with that code is already there (nothing created);
 * 400 naming each field at fault (nothing written); 401/403 for anyone but managers and admins.
 */
export const commitPlanImport: Endpoint = {
  path: '/plan-import/commit',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    const refused = refuseNonImporter(req)
    if (refused) return refused
    let body: unknown
    try {
      body = await readJson(req)
    } catch (err) {
      if (err instanceof BodyError) return refuseBody(req, err)
      throw err
    }
    const outcome = await importPlan(req, body, { overrideAccess: false })
    if (outcome.status === 'invalid') return refuse(400, problemErrors(req, outcome.problems))
    if (outcome.status === 'rejected')
      return refuse(
        400,
        outcome.errors.map((e) => fieldError(req, e.field, e.message)),
      )
    const url = `${req.payload.config.routes.admin}/collections/plans/${outcome.plan.id}`
    return json(outcome.status === 'created' ? 201 : 200, { ...outcome, url })
  },
}
