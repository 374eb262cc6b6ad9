import type { CollectionBeforeOperationHook } from 'payload'
import { isWriteOperation, openScope } from '../engine/pendingTallies'

/**
 * A write on a counted collection begins: tally deltas of its recounts wait for its end, unless
 * it writes one item (Payload names an update or delete by id `update`/`delete` too, with an id).
 */
export const openCountingScope: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (!isWriteOperation(operation)) return args
  const single = operation === 'create' || operation === 'restoreVersion' || (args as { id?: unknown }).id !== undefined
  await openScope(req ?? (args as { req?: typeof req }).req ?? {}, single)
  return args
}
