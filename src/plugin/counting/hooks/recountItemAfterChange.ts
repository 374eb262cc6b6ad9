import type { CollectionAfterChangeHook } from 'payload'
import { countingTimeZone } from '../engine/settings'
import { recountItem } from '../engine/recountItem'

/**
 * Every save of a counted item, draft or not, recounts it from the database's published state:
 * a draft save or autosave leaves that state alone, so it changes nothing; a publish, unpublish,
 * trash, restore or edit of tags and publications changes exactly what it must.
 */
export const recountItemAfterChange: CollectionAfterChangeHook = async ({ collection, doc, req }) => {
  await recountItem(req, collection.slug, doc.id, countingTimeZone(req.payload))
  return doc
}
