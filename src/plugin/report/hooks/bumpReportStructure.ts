import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import { transactionRunner } from '../../counting/engine/sql'
import { STRUCTURE_SCOPE, bumpVersions } from '../../counting/engine/versions'

/**
 * A plan, task, unit or channel changed (or went): cached quota reports are no longer the
 * report of record. Moves the structure counter in the saving transaction, so the cache sees
 * the change exactly when it commits (src/plugin/report/reportCache.ts).
 */
export const bumpReportStructure: CollectionAfterChangeHook & CollectionAfterDeleteHook = async ({ doc, req }) => {
  await bumpVersions(await transactionRunner(req, 'Marking cached reports stale'), [STRUCTURE_SCOPE])
  return doc
}
