import type { Payload } from 'payload'
import { resolveFeedOptions, type ResolvedFeedOptions } from '../options'

/** The plugin's resolved feed options (recorded in config.custom at start-up). */
export function feedSettings(payload: Payload): ResolvedFeedOptions {
  const custom = payload.config.custom as { commsQuota?: { feeds?: ResolvedFeedOptions } } | undefined
  return custom?.commsQuota?.feeds ?? resolveFeedOptions(undefined)
}

/** The item-URL pattern for a collection: its own, else the common one. */
export const itemUrlPatternFor =
  (settings: ResolvedFeedOptions) =>
  (collection: string): string =>
    settings.itemUrlByCollection[collection] ?? settings.itemUrl
