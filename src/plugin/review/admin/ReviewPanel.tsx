import type { UIFieldServerProps } from 'payload'
import { relId } from '../../../domain/relations'
import { SLUGS } from '../../../domain/slugs'
import { countingTimeZone } from '../../counting/engine/settings'
import { unitReviewSetting } from '../reviewers'
import { ReviewPanelClient } from './ReviewPanelClient'
import { pluginUsersSlug } from '../../counting/engine/settings'

/** Everyone named in an item's review record: its submitter, its reviewer, each history row's actor. */
function actorIds(data: Record<string, unknown> | undefined): Array<string | number> {
  const review = (data?.review ?? {}) as Record<string, unknown>
  const rows = Array.isArray(data?.reviewHistory) ? (data.reviewHistory as Array<Record<string, unknown>>) : []
  const ids = [relId(review.submittedBy), relId(review.reviewedBy), ...rows.map((r) => relId(r.by))]
  return [...new Set(ids.filter((id) => id !== undefined).map(String))]
}

/**
 * The review panel in the sidebar of an article's, infographic's or video's edit view: the
 * state, who did what and why, and the steps the signed-in user may take now (the buttons are
 * the client part). Here, on the server: the names of the people in the record (an editor may
 * not read other accounts, yet should see who returned their item: names only, of people who
 * acted on an item this user can open), and whether the item's unit requires review.
 */
export async function ReviewPanel({ data, req, collectionSlug }: UIFieldServerProps) {
  if (!req.user) return null
  const ids = actorIds(data)
  const people =
    ids.length === 0
      ? []
      : // A system read of names only: an editor may learn who returned their item, but not
        // anyone's e-mail address (only admins and the owner read those).
        (
          await req.payload.find({
            collection: pluginUsersSlug(req.payload) as typeof SLUGS.users,
            where: { id: { in: ids } },
            select: { name: true },
            depth: 0,
            pagination: false,
            overrideAccess: true,
            req,
          })
        ).docs
  const names = Object.fromEntries(
    (people as Array<{ id: string | number; name?: string | null }>).map((u) => [String(u.id), u.name || `#${u.id}`]),
  )
  const unit = await unitReviewSetting(req, data?.unit)
  return (
    <ReviewPanelClient
      collection={collectionSlug}
      apiRoute={req.payload.config.routes.api}
      names={names}
      requiresReview={unit.requiresReview}
      unitName={unit.id === undefined ? null : unit.name}
      timeZone={countingTimeZone(req.payload)}
    />
  )
}
