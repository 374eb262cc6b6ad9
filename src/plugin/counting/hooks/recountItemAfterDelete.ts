import type { CollectionAfterDeleteHook } from 'payload'
import { countingTimeZone } from '../engine/settings'
import { recountItem } from '../engine/recountItem'

/** A deleted item contributes nothing: the recount finds no row and removes what it gave. */
export const recountItemAfterDelete: CollectionAfterDeleteHook = async ({ collection, id, req }) => {
  await recountItem(req, collection.slug, id, countingTimeZone(req.payload))
}
