import type { CollectionBeforeOperationHook } from 'payload'
import { checkDataDepth } from '../src/domain/requestLimits'
import { throwFieldError } from '../src/plugin/shared/validation'

/**
 * Refuses absurdly nested data (e.g. rich text thousands of levels deep) before Payload's
 * recursive field walks overflow the stack and answer a 500.
 */
export const limitDataDepth: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const problem = checkDataDepth((args as { data?: unknown }).data)
  if (problem) throwFieldError(req, collection.slug, problem.param, problem.problem)
  return args
}
