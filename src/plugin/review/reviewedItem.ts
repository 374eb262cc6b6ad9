import type { PayloadRequest } from 'payload'
import type { ReviewNotice } from '../../domain/review'
import { SCHEDULE_SLUGS } from '../../domain/slugs'
import { REVIEW_CONTEXT } from './fields'
import { lockReviewedItem } from './lockReviewedItem'

/**
 * What a review step and an approved scheduled publish share: both decide on the item's latest
 * draft under row locks, write its review record as the review step, and leave a notice.
 */

export type ReviewedDoc = Record<string, unknown> & { id: string | number }

/**
 * The item's latest draft, read after its row locks are taken (lockReviewedItem), so what is
 * decided on it stays true until the caller's transaction commits. Null when there is no such
 * item, it is trashed, or (without `overrideAccess`) the user cannot read it.
 */
export async function readLockedDraft(
  req: PayloadRequest,
  collection: 'articles',
  id: number,
  access: { overrideAccess: boolean },
): Promise<ReviewedDoc | null> {
  await lockReviewedItem(req, collection, id)
  return (await req.payload.findByID({
    collection,
    id,
    draft: true,
    depth: 0,
    disableErrors: true,
    overrideAccess: access.overrideAccess,
    req,
  })) as unknown as ReviewedDoc | null
}

/** Runs a write as the review step: only under REVIEW_CONTEXT does keepReviewRecord let the review fields through. */
export async function asReviewStep<T>(req: PayloadRequest, write: () => Promise<T>): Promise<T> {
  req.context = { ...req.context, [REVIEW_CONTEXT]: true }
  try {
    return await write()
  } finally {
    delete req.context[REVIEW_CONTEXT]
  }
}

/** A review notice in the user's admin inbox; `key` is unique, so one notice is never stored twice. */
export async function createReviewNotification(
  req: PayloadRequest,
  args: { key: string; user: string | number; notice: ReviewNotice; link: string },
): Promise<void> {
  await req.payload.create({
    collection: SCHEDULE_SLUGS.notifications,
    data: {
      key: args.key,
      user: args.user,
      kind: 'review',
      title: args.notice.title,
      body: args.notice.body,
      link: args.link,
      read: false,
    } as never,
    depth: 0,
    // A system write: notifications are created by the product, never through the API.
    overrideAccess: true,
    req,
  })
}

/** Where the item is in the admin. */
export const adminLinkOf = (req: PayloadRequest, collection: string, id: string | number): string =>
  `${req.payload.config.routes.admin}/collections/${collection}/${id}`
