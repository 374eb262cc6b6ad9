import type { CollectionConfig, Endpoint } from 'payload'
import { SLUGS } from '../../domain/slugs'
import type { ResolvedOptions } from '../options'
import { findField, missingFields, retargetUsers, withHooks } from '../shared/extendCollection'
import { postReviewStep } from './endpoints/postReviewStep'
import { reviewFields, reviewPanelField } from './fields'
import { keepReviewRecord } from './hooks/keepReviewRecord'
import { requireReviewBeforePublish } from './hooks/requireReviewBeforePublish'

export const reviewEndpoints = (): Endpoint[] => [postReviewStep]

export const reviewViews = {
  reviewQueue: { Component: '/plugin/review/admin/ReviewQueueView#ReviewQueueView', path: '/review' as const },
}
export const reviewNavLinks = ['/plugin/review/admin/ReviewNavLink#ReviewNavLink']

/**
 * A content collection under editorial review: the review panel first in the sidebar, the
 * review record and its history, the guard that refuses a publish the unit's rules do not
 * allow, and a Publish button that authors in such units do not see. A host that placed the
 * fields or its own Publish button keeps them.
 */
export function reviewContent(collection: CollectionConfig, opts: ResolvedOptions): CollectionConfig {
  const record = missingFields(collection, retargetUsers(reviewFields, SLUGS.users, opts.usersSlug))
  const panel = findField(collection.fields, 'reviewPanel') ? [] : [reviewPanelField]
  const edit = collection.admin?.components?.edit
  const withFields: CollectionConfig = {
    ...collection,
    fields: [...panel, ...collection.fields, ...record],
    admin: {
      ...collection.admin,
      components: {
        ...collection.admin?.components,
        edit: {
          ...edit,
          // Hidden for authors of units that require review (they submit from the review panel).
          PublishButton: edit?.PublishButton ?? {
            path: '/plugin/review/admin/ReviewPublishButton#ReviewPublishButton',
            serverProps: { collection: collection.slug },
          },
        },
      },
    },
  }
  return withHooks(withFields, { beforeChange: [requireReviewBeforePublish, keepReviewRecord] })
}
