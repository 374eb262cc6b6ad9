import type { CollectionAfterDeleteHook } from 'payload'
import { forgetCounts } from '../engine/forgetCounts'

/**
 * Deleting a task or a channel removes its tags or publications from every item (the database
 * cascades), so what those items contributed under it goes too.
 */
export const forgetCountsAfterDelete =
  (column: 'task' | 'channel'): CollectionAfterDeleteHook =>
  async ({ id, req }) => {
    await forgetCounts(req, column, Number(id))
  }
