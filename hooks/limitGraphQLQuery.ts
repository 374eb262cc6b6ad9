import { APIError, type CollectionBeforeOperationHook } from 'payload'
import { checkFindArgs } from '../src/domain/requestLimits'
import { t } from '../src/plugin/i18n'

const READS = new Set(['read', 'count', 'readDistinct'])

/**
 * GraphQL arguments never pass the REST guard: the same caps apply to them here.
 */
export const limitGraphQLQuery: CollectionBeforeOperationHook = ({ args, operation, overrideAccess, req }) => {
  if (req.payloadAPI !== 'GraphQL') return args
  // System reads inside the request (hooks keep the override) and population are not user input.
  const a = args as { disableErrors?: boolean; overrideAccess?: boolean }
  if (a.disableErrors || (a.overrideAccess ?? overrideAccess) === true) return args
  const problem = checkFindArgs(args as Parameters<typeof checkFindArgs>[0], READS.has(operation))
  if (!problem) return args
  const message = t(req, problem.problem.key, problem.problem.vars)
  throw new APIError(message, 400, { errors: [{ path: problem.param, message }] }, true)
}
