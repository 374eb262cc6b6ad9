import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  NotFound,
  type Payload,
  type PayloadRequest,
  type TaskConfig,
  type TypedUser,
} from 'payload'
import { refusedPublishNotice, reviewItemKind, scheduledPublishVerdict } from '../../domain/review'
import type { ReviewState } from '../../domain/slugs'
import { countedCollections } from '../counting/engine/settings'
import { adminLinkOf, asReviewStep, createReviewNotification, readLockedDraft } from './reviewedItem'

/** The input of a scheduled publish that a review step queued (Payload's own fields, plus the version). */
export interface ApprovedPublishInput {
  type: 'publish'
  doc: { relationTo: string; value: string }
  user: { relationTo: string; value: string | number }
  /** The `updatedAt` of the version the reviewer approved (the approval's own save). */
  approvedUpdatedAt: unknown
}

type Handler = (args: { input: unknown; job: { id: string | number }; req: PayloadRequest }) => Promise<unknown>

function approvedPublishOf(payload: Payload, input: unknown): ApprovedPublishInput | null {
  const i = input as Partial<ApprovedPublishInput> | null | undefined
  if (!i || i.type !== 'publish' || typeof i.approvedUpdatedAt !== 'string' || !i.doc || !i.user) return null
  return countedCollections(payload).includes(i.doc.relationTo) ? (i as ApprovedPublishInput) : null
}

/**
 * Wraps Payload's `schedulePublish` task (added by Payload's config sanitizer, so it can only be
 * reached once Payload is up): a publish that an approval queued re-checks, when it fires, that
 * the item is still approved and still the version approved, under the review step's row locks,
 * and publishes in that same transaction. Otherwise nothing is published, the item goes back to
 * a draft (it needs a new submission) and the approver is notified. Other scheduled publishes
 * (an admin's "schedule publish", takedowns) run as Payload ships them.
 */
export function guardScheduledPublishTask(payload: Payload): void {
  const task = payload.config.jobs?.tasks?.find((t: TaskConfig) => t.slug === 'schedulePublish')
  if (!task || typeof task.handler !== 'function') return
  const original = task.handler as unknown as Handler
  const guarded: Handler = async (args) => {
    const approved = approvedPublishOf(args.req.payload, args.input)
    return approved ? publishApprovedVersion(args.req.payload, approved, args.job.id) : original(args)
  }
  // Payload calls the handler with its documented arguments; the wrapper passes them through.
  task.handler = guarded as unknown as typeof task.handler
}

async function publishApprovedVersion(
  payload: Payload,
  input: ApprovedPublishInput,
  jobId: string | number,
): Promise<{ output: Record<string, unknown> }> {
  const collection = input.doc.relationTo as 'articles'
  const id = Number(input.doc.value)
  // As Payload's own task does: the job runs as the user who scheduled it, with their access.
  const user = (await payload.findByID({
    collection: input.user.relationTo as 'users',
    id: input.user.value,
    depth: 0,
    disableErrors: true,
  })) as (TypedUser & { collection?: string }) | null
  if (!user) throw new Error(`scheduled publish of ${collection} ${id}: the approving user no longer exists`)
  user.collection = input.user.relationTo as TypedUser['collection']
  const req = await createLocalReq({ user: user as TypedUser }, payload)
  const owner = await initTransaction(req)
  try {
    // The check reads the item whoever may see it; the publish below runs with the user's access.
    const found = await readLockedDraft(req, collection, id, { overrideAccess: true })
    // Gone or trashed since the approval: the job fails with the error the read itself would throw.
    if (!found) throw new NotFound(req.t)
    const doc = found as typeof found & { review?: { state?: ReviewState } | null }
    const verdict = scheduledPublishVerdict({
      state: doc.review?.state,
      approvedUpdatedAt: String(input.approvedUpdatedAt),
      currentUpdatedAt: typeof doc.updatedAt === 'string' ? doc.updatedAt : null,
    })
    if (!verdict.ok) {
      await voidApproval(req, collection, doc, verdict.reason, user.id, jobId)
      if (owner) await commitTransaction(req)
      payload.logger.warn({
        msg: `[review] scheduled publish of ${collection} ${id} refused (${verdict.reason}): not the version approved`,
      })
      return { output: { refused: verdict.reason } }
    }
    await payload.update({
      collection,
      id,
      data: { _status: 'published' } as never,
      depth: 0,
      overrideAccess: false,
      req,
    })
    if (owner) await commitTransaction(req)
    return { output: {} }
  } catch (err) {
    await killTransaction(req)
    throw err
  }
}

/** The visible trace of a refused publish: the item is a draft again and the approver is told. */
async function voidApproval(
  req: PayloadRequest,
  collection: 'articles',
  doc: Record<string, unknown> & { review?: { state?: ReviewState } | null },
  reason: 'not-approved' | 'changed',
  approver: string | number,
  jobId: string | number,
): Promise<void> {
  const id = doc.id as number
  if (doc.review?.state === 'approved') {
    await asReviewStep(req, () =>
      req.payload.update({
        collection,
        id,
        data: { review: { ...doc.review, state: 'draft', publishAt: null } } as never,
        draft: true,
        depth: 0,
        // A system write: the job withdraws an approval that no longer matches the content.
        overrideAccess: true,
        req,
      }),
    )
  }
  const notice = refusedPublishNotice(
    { title: String(doc.title ?? `#${id}`), kind: reviewItemKind(collection) },
    reason,
  )
  await createReviewNotification(req, {
    key: `review-refused:${collection}:${id}:job-${jobId}:user-${approver}`,
    user: approver,
    notice,
    link: adminLinkOf(req, collection, id),
  })
}
