import type { Payload } from 'payload'
import { DEFAULT_TIME_ZONE } from '../../../domain/calendar'

/** The plugin's resolved options, recorded in config.custom at start-up. */
export function countingTimeZone(payload: Payload): string {
  const custom = payload.config.custom as { commsQuota?: { timeZone?: string } } | undefined
  return custom?.commsQuota?.timeZone ?? DEFAULT_TIME_ZONE
}

export function countedCollections(payload: Payload): string[] {
  const custom = payload.config.custom as { commsQuota?: { contentCollections?: string[] } } | undefined
  return custom?.commsQuota?.contentCollections ?? []
}

/** Whether a counted collection has trash (a `deleted_at` column) — it is the host's choice. */
export function hasTrash(payload: Payload, slug: string): boolean {
  const collections = payload.collections as unknown as Record<string, { config: { trash?: boolean } } | undefined>
  return Boolean(collections[slug]?.config.trash)
}

/** Hours after which a submitted item is overdue in the review queue (plugin option reviewOverdueHours). */
export function reviewOverdueHours(payload: Payload): number {
  const custom = payload.config.custom as { commsQuota?: { reviewOverdueHours?: number } } | undefined
  return custom?.commsQuota?.reviewOverdueHours ?? 48
}

/** The auth collection the plugin's user relationships point at. */
export function pluginUsersSlug(payload: Payload): string {
  const custom = payload.config.custom as { commsQuota?: { usersSlug?: string } } | undefined
  return custom?.commsQuota?.usersSlug ?? 'users'
}
