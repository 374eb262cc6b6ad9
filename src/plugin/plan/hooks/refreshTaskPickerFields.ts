import type { CollectionAfterChangeHook } from 'payload'
import { SLUGS } from '../../../domain/slugs'

/** The plan fields a task's picker label and order are made of. */
const SHOWN = (doc: Record<string, unknown> | undefined) =>
  JSON.stringify([doc?.code, doc?.status, (doc?.period as { to?: unknown } | undefined)?.to])

/**
 * A plan's new code, status or end date changes how its tasks read and sort in the picker:
 * each task is saved again (its computeTaskPickerFields recomputes them), in this request's
 * transaction, one after another (a plan has tens of tasks, not thousands).
 */
export const refreshTaskPickerFields: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || SHOWN(doc) === SHOWN(previousDoc)) return doc
  let page = 1
  for (;;) {
    const tasks = await req.payload.find({
      collection: SLUGS.tasks,
      where: { plan: { equals: doc.id } },
      depth: 0,
      limit: 100,
      page,
      req,
      select: { code: true },
    })
    for (const task of tasks.docs) {
      await req.payload.update({ collection: SLUGS.tasks, id: task.id, data: {}, depth: 0, req })
    }
    if (!tasks.hasNextPage) break
    page += 1
  }
  return doc
}
