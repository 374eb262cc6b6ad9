import type { CollectionConfig } from 'payload'
import { DEFAULT_TIME_ZONE } from '../domain/calendar'

export type PlanCollectionKey = 'units' | 'channels' | 'plans' | 'tasks' | 'planDocuments'

export interface CommsQuotaOptions {
  /** Slug of the auth collection whose users manage plans (must exist in the config). */
  usersSlug?: string
  /** Where plan documents (deliverables, evidence) are stored on disk. */
  uploadsDir?: string
  /** The time zone whose calendar days deadlines and publications are counted in. */
  timeZone?: string
  /** Adjust a collection the plugin adds (labels, extra fields, access) without forking it. */
  collectionOverrides?: Partial<Record<PlanCollectionKey, (collection: CollectionConfig) => CollectionConfig>>
  /**
   * Collections whose published items count towards quotas. Each must have drafts (versions)
   * and the plan-tag fields: `tasks` (relationship to tasks, hasMany) and `publications`
   * (array with `channel` and `publishedAt`).
   */
  contentCollections?: string[]
  /** Keep the counting hooks off (the tables stay, so the schema does not change). Default on. */
  counting?: boolean
}

export interface ResolvedOptions {
  contentCollections: string[]
  counting: boolean
  usersSlug: string
  uploadsDir: string
  timeZone: string
  collectionOverrides: Partial<Record<PlanCollectionKey, (collection: CollectionConfig) => CollectionConfig>>
}

export class PluginConfigError extends Error {
  constructor(message: string) {
    super(`[comms-quota] ${message}`)
    this.name = 'PluginConfigError'
  }
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    // Intl throws RangeError for unknown zones; that is the answer we are asking for.
    return false
  }
}

/** Applies defaults once, at start-up, and rejects nonsense with a message naming the option. */
export function resolveOptions(options: CommsQuotaOptions | undefined, cwd: string): ResolvedOptions {
  const o = options ?? {}
  const usersSlug = o.usersSlug ?? 'users'
  if (typeof usersSlug !== 'string' || usersSlug.trim() === '')
    throw new PluginConfigError('usersSlug must be a non-empty string.')
  const timeZone = o.timeZone ?? DEFAULT_TIME_ZONE
  if (!isTimeZone(timeZone)) throw new PluginConfigError(`timeZone "${timeZone}" is not a known IANA time zone.`)
  const uploadsDir = o.uploadsDir ?? `${cwd}/.data/uploads`
  if (typeof uploadsDir !== 'string' || uploadsDir === '') throw new PluginConfigError('uploadsDir must be a path.')
  const overrides = o.collectionOverrides ?? {}
  for (const [key, fn] of Object.entries(overrides)) {
    if (typeof fn !== 'function')
      throw new PluginConfigError(`collectionOverrides.${key} must be a function (collection) => collection.`)
  }
  const contentCollections = o.contentCollections ?? []
  if (!Array.isArray(contentCollections) || contentCollections.some((c) => typeof c !== 'string' || c === '')) {
    throw new PluginConfigError('contentCollections must be a list of collection slugs.')
  }
  if (new Set(contentCollections).size !== contentCollections.length)
    throw new PluginConfigError('contentCollections lists a slug twice.')
  const counting = o.counting ?? true
  if (typeof counting !== 'boolean') throw new PluginConfigError('counting must be true or false.')
  return { usersSlug, uploadsDir, timeZone, collectionOverrides: overrides, contentCollections, counting }
}
