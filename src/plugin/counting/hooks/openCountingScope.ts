import type { CollectionBeforeOperationHook } from 'payload'
import { isWriteOperation, writesOneItem } from '../engine/operations'
import { openScope } from '../engine/pendingTallies'

/**
 * A write on a counted collection begins: tally deltas of its recounts wait for its end, unless
 * it writes one item.
 */
export const openCountingScope: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (!isWriteOperation(operation)) return args
  await openScope(req ?? (args as { req?: typeof req }).req ?? {}, writesOneItem(operation, args as { id?: unknown }))
  return args
}
