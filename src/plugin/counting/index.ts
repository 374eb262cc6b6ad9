import type { CollectionConfig, Field } from 'payload'
import { SLUGS } from '../../domain/slugs'
import type { ResolvedOptions } from '../options'
import { PluginConfigError } from '../options'
import { findField, missingFields, retargetUsers, withHooks } from '../shared/extendCollection'
import { QuotaContributions } from './collections/QuotaContributions'
import { QuotaTallies } from './collections/QuotaTallies'
import { QuotaVersions } from './collections/QuotaVersions'
import { ReconcileRuns } from './collections/ReconcileRuns'
import { planTagFields, publishingFields } from './fields'
import { flushTalliesAfterOperation } from './hooks/flushTalliesAfterOperation'
import { forgetCountsAfterDelete } from './hooks/forgetCountsAfterDelete'
import { openCountingScope } from './hooks/openCountingScope'
import { recountItemAfterChange } from './hooks/recountItemAfterChange'
import { recountItemAfterDelete } from './hooks/recountItemAfterDelete'
import { stampPublishing } from './hooks/stampPublishing'

/** The ledger, its per-task tallies, the version counters and the reconciliation log. */
export const countingCollections = (): CollectionConfig[] => [
  QuotaContributions,
  QuotaTallies,
  QuotaVersions,
  ReconcileRuns,
]

/** What a counted field must be when the host declares it itself. */
const EXPECTED: Record<string, Field['type']> = {
  tasks: 'relationship',
  unit: 'relationship',
  publications: 'array',
  firstPublishedAt: 'date',
}

/**
 * A content collection as counting needs it: drafts (counting follows the published state), the
 * plan tags and publications (added when the host has not placed them itself), the publishing
 * stamp that records the home-channel publication, and the recount hooks.
 */
export function countContent(collection: CollectionConfig, opts: ResolvedOptions): CollectionConfig {
  const slug = collection.slug
  if (!collection.versions || typeof collection.versions !== 'object' || !collection.versions.drafts)
    throw new PluginConfigError(
      `contentCollections: "${slug}" needs versions with drafts (counting follows the published state).`,
    )
  for (const [name, type] of Object.entries(EXPECTED)) {
    const own = findField(collection.fields, name)
    if (own && own.type !== type)
      throw new PluginConfigError(
        `contentCollections: "${slug}" has a "${name}" field of type ${own.type}; counting needs a ${type}.`,
      )
  }
  const added = missingFields(
    collection,
    retargetUsers([...planTagFields, ...publishingFields], SLUGS.users, opts.usersSlug),
  )
  const withFields: CollectionConfig = added.length
    ? { ...collection, fields: [...collection.fields, ...added] }
    : collection
  return withHooks(withFields, {
    beforeChange: [stampPublishing],
    ...(opts.counting
      ? {
          beforeOperation: [openCountingScope],
          afterChange: [recountItemAfterChange],
          afterDelete: [recountItemAfterDelete],
          afterOperation: [flushTalliesAfterOperation],
        }
      : {}),
  })
}

/** Deleting a task or a channel drops its counts (the ledger rows name it). */
export function forgetCountsOf(collection: CollectionConfig, opts: ResolvedOptions): CollectionConfig {
  if (!opts.counting) return collection
  if (collection.slug === SLUGS.tasks) return withHooks(collection, { afterDelete: [forgetCountsAfterDelete('task')] })
  if (collection.slug === SLUGS.channels)
    return withHooks(collection, { afterDelete: [forgetCountsAfterDelete('channel')] })
  return collection
}
