import { PublishButton, SaveDraftButton } from '@payloadcms/ui'
import type { Payload, TypedUser } from 'payload'
import { mayPublishItem } from '../mayPublishItem'

export interface ReviewPublishButtonProps {
  /** From the collection's component config (collections/shared/contentCollection.ts). */
  collection: string
  /** Payload's server props of the edit view's document controls. */
  id?: number | string
  payload: Payload
  user?: TypedUser | null
}

/**
 * The edit view's Publish button (and its "Schedule publish" menu), in place of Payload's own:
 * shown to whoever may publish the item directly (managers, admins, the unit's reviewers, and
 * everyone in a unit without review); an author in a unit that requires review gets "Save
 * draft" instead and sends the item to review from the review panel. Only what the user is
 * offered changes: requireReviewBeforePublish still refuses a publish sent any other way, and a
 * schedule such an author set would be refused when it fires.
 */
export async function ReviewPublishButton({ collection, id, payload, user }: ReviewPublishButtonProps) {
  if (!user) return null
  return (await mayPublishItem({ payload, user, collection, id })) ? <PublishButton /> : <SaveDraftButton />
}
