import type { CollectionAfterOperationHook } from 'payload'
import { isWriteOperation } from '../engine/operations'
import { closeScope } from '../engine/pendingTallies'

/**
 * The write is done and its transaction not yet committed: write its tally deltas, sorted, in
 * one statement. Failing here fails the operation, so item and tallies commit together or not.
 */
export const flushTalliesAfterOperation: CollectionAfterOperationHook = async ({ args, operation, req, result }) => {
  if (isWriteOperation(operation)) await closeScope(req ?? (args as { req?: typeof req }).req ?? {})
  return result
}
