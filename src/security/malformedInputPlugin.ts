import type { CollectionConfig, Config, Plugin } from 'payload'
import { refuseMalformedQuery } from '../../hooks/refuseMalformedQuery'
import { refuseUnparsableDates } from '../../hooks/refuseUnparsableDates'

function withInputShapeChecks(collection: CollectionConfig): CollectionConfig {
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: {
      ...hooks,
      beforeOperation: [refuseMalformedQuery, refuseUnparsableDates, ...(hooks.beforeOperation ?? [])],
    },
  }
}

/**
 * Input that Payload hands on to SQL, where it fails as a 500, is refused first with a 400 naming
 * the field (issue 20): malformed ids, impossible `where` operators, unparsable dates in drafts.
 * Covers every collection the config has when it runs (apply it after the plugins that add some).
 */
export const malformedInputPlugin =
  (): Plugin =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map(withInputShapeChecks),
  })
