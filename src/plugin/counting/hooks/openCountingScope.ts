import type { CollectionBeforeOperationHook } from 'payload'
import { isWriteOperation, openScope } from '../engine/pendingTallies'

/** A write on a counted collection begins: tally deltas of its recounts wait for its end. */
export const openCountingScope: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (isWriteOperation(operation)) await openScope(req ?? (args as { req?: typeof req }).req ?? {})
  return args
}
