import { createLocalReq, type Payload, type TypedUser } from 'payload'
import { relId } from '../../domain/relations'
import { mayPublishDirectly } from '../../domain/review'
import { isReviewerOf, unitReviewSetting } from './reviewers'

/**
 * Whether `user` may publish the item directly (without a review step): the rule of
 * src/plugin/review/hooks/requireReviewBeforePublish.ts, asked before the fact so the edit view offers only what
 * the server will accept. `id` undefined is the create view: a new item is in the author's unit.
 */
export async function mayPublishItem(args: {
  payload: Payload
  user: TypedUser
  collection: string
  id?: number | string
}): Promise<boolean> {
  const { payload, user, collection, id } = args
  const req = await createLocalReq({ user }, payload)
  const item =
    id === undefined
      ? null
      : ((await payload.findByID({
          collection: collection as 'articles',
          id,
          draft: true,
          depth: 0,
          select: { unit: true },
          disableErrors: true,
          // Read as the user: an item they cannot open offers them nothing to publish.
          overrideAccess: false,
          req,
        })) as { unit?: unknown } | null)
  if (id !== undefined && !item) return false
  const setting = await unitReviewSetting(req, item ? item.unit : relId((user as { unit?: unknown }).unit))
  return mayPublishDirectly(setting.requiresReview, isReviewerOf(user, setting.id))
}
