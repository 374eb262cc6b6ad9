import {
  schedulePublishHandler,
  type SchedulePublishHandlerArgs,
} from '@payloadcms/ui/utilities/schedulePublishHandler'
import {
  canAccessAdmin,
  docAccessOperation,
  docAccessOperationGlobal,
  type PayloadRequest,
  type ServerFunction,
  type TypedUser,
} from 'payload'
import { hasScheduledPublishEnabled } from 'payload/shared'
import { mayPublishItem } from './mayPublishItem'

type Target = { doc?: { relationTo: string; value: string | number } | null; global?: string | null }

/**
 * Whether the signed-in user may publish the document (or global) a schedule job targets: the
 * collection's update access with `_status: 'published'` (what Payload's own schedule drawer asks
 * before listing a document's jobs) and the review rule (an author in a unit that requires review
 * does not publish directly, so neither schedules nor cancels publishing).
 */
async function mayPublishTarget(req: PayloadRequest, target: Target): Promise<boolean> {
  const { payload } = req
  const user = req.user as TypedUser | null
  if (!user) return false
  if (target.doc) {
    const collection = payload.collections[target.doc.relationTo as 'articles']
    if (!collection || !hasScheduledPublishEnabled(collection.config)) return false
    const idType = collection.customIDType ?? payload.db.defaultIDType
    const id = idType === 'number' ? Number(target.doc.value) : String(target.doc.value)
    if (idType === 'number' && !Number.isSafeInteger(id)) return false
    const access = await docAccessOperation({ id, collection, data: { _status: 'published' }, req })
    if (!access.update) return false
    return mayPublishItem({ payload, user, collection: collection.config.slug, id })
  }
  if (target.global) {
    const globalConfig = payload.config.globals.find((g) => g.slug === target.global)
    if (!globalConfig || !hasScheduledPublishEnabled(globalConfig)) return false
    return Boolean((await docAccessOperationGlobal({ data: { _status: 'published' }, globalConfig, req })).update)
  }
  return false
}

/**
 * Payload's `schedule-publish` admin server function checks only that the caller may use the
 * admin, then deletes any job by `deleteID` and queues whatever it is sent, with access off
 * (issue 20: an editor of another unit cancelled a manager's approved publish). This one lets
 * a user queue or delete a document's schedule jobs only when they may publish that document;
 * the queueing itself is still Payload's. Registered in `app/(payload)/layout.tsx`.
 */
export const guardSchedulePublish: ServerFunction<SchedulePublishHandlerArgs> = async (args) => {
  const { req } = args
  await canAccessAdmin({ req })
  const refused = { error: req.i18n.t('error:unauthorized') }
  if (args.deleteID !== undefined && args.deleteID !== null) {
    const job = (await req.payload.findByID({
      collection: 'payload-jobs',
      id: args.deleteID,
      depth: 0,
      disableErrors: true,
      // A lookup for the check below: nobody may read the jobs collection itself.
      overrideAccess: true,
      req,
    })) as { taskSlug?: string | null; completedAt?: string | null; input?: Target | null } | null
    if (!job || job.taskSlug !== 'schedulePublish' || job.completedAt) return refused
    if (!(await mayPublishTarget(req, job.input ?? {}))) return refused
    await req.payload.delete({
      collection: 'payload-jobs',
      id: args.deleteID,
      // Checked above (the user may publish the job's document); the collection denies everyone.
      overrideAccess: true,
      req,
    })
    // Payload's handler would also queue an empty job after a delete: nothing to queue here.
    if (!args.doc && !args.global) return { message: req.i18n.t('general:success') }
  }
  if (!(await mayPublishTarget(req, { doc: args.doc, global: args.global }))) return refused
  return schedulePublishHandler({ ...args, deleteID: undefined })
}
