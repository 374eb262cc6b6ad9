import type { CollectionConfig, Endpoint } from 'payload'
import type { ResolvedFeedOptions } from '../options'
import { getPlanFeed, getSiteFeed, getTaskFeed } from './endpoints/getFeed'
import { describeFeedContent } from './feedContent'

export const feedEndpoints = (): Endpoint[] => [getSiteFeed, getPlanFeed, getTaskFeed]

/** The feed options completed with the content collections, now that the config is known. */
export function feedsFor(feeds: ResolvedFeedOptions, content: readonly CollectionConfig[]): ResolvedFeedOptions {
  return { ...feeds, types: content.map((c) => c.slug), contents: describeFeedContent(content, feeds.fields) }
}
