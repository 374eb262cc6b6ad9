/**
 * Which Payload collection operations count, and which of them write one item. Payload calls
 * beforeOperation with `update` and `delete` for both the by-id and the bulk forms (only
 * afterOperation names `updateByID` and `deleteByID`), so the by-id form is told by its id.
 */
const WRITE_OPERATIONS = new Set(['create', 'update', 'updateByID', 'delete', 'deleteByID', 'restoreVersion'])

export const isWriteOperation = (operation: string): boolean => WRITE_OPERATIONS.has(operation)

/** A write of one document: its only recount may write its counts itself (pendingTallies.ts). */
export const writesOneItem = (operation: string, args: { id?: unknown }): boolean =>
  operation === 'create' ||
  operation === 'restoreVersion' ||
  ((operation === 'update' || operation === 'delete') && args.id !== undefined && args.id !== null)
