import { ValidationError, type PayloadRequest } from 'payload'
import type { Problem } from '../../domain/i18n/messages'
import { t } from '../i18n'

/** Bridges a pure rule's result to Payload's validate contract, in the request's language. */
export function toValidation(problem: Problem | null, req: Partial<PayloadRequest> | undefined): true | string {
  return problem ? problemText(problem, req) : true
}

/** The text of a problem for an APIError, in the request's language. */
export function problemText(problem: Problem, req: Partial<PayloadRequest> | undefined): string {
  return t(req, problem.key, problem.vars)
}

/**
 * Fails the save with a 400 that names the field, the same shape Payload uses for its own
 * field validation, so the admin highlights the field and API clients get `errors[].path`.
 */
export function throwFieldError(req: PayloadRequest, collection: string, path: string, problem: Problem): never {
  const message = problemText(problem, req)
  throw new ValidationError({ collection, errors: [{ path, message }], req }, req.t)
}
