import cron from 'node-cron'
import type { CollectionConfig } from 'payload'
import { DEFAULT_TIME_ZONE } from '../domain/calendar'
import { checkItemUrlPattern, DEFAULT_ITEM_URL_PATTERN } from '../domain/portalUrl'
import {
  DEFAULT_ALERT_TIME,
  DEFAULT_RECONCILE_TIME,
  DEFAULT_REPORT_TIME,
  JOB_NAMES,
  isJobName,
  type JobName,
  type WallTime,
} from '../domain/schedule'
import type { FeedContentFields, FeedFieldOption } from './feeds/feedContent'
import type { SchedulerSettings } from './scheduler/types'

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
  /** RSS feeds of published content (/feeds/rss.xml, /feeds/plans/<id>.xml, /feeds/tasks/<id>.xml). */
  feeds?: FeedOptions
  /** Scheduled work: periodic reports, deadline alerts, reconciliation, scheduled publishing. */
  scheduler?: SchedulerOptions
  /**
   * Editorial review of content (submit → approve/return, per-unit rules, the review queue).
   * Default on; off leaves content collections without review fields, hooks and views.
   */
  review?: boolean
  /** Editorial review: items submitted longer ago than this are highlighted in the queue (default 48). */
  reviewOverdueHours?: number
  /**
   * Payload API keys on the users collection, for accounts with the `integration` role (another
   * system pulling reports and published content). Only administrators give or change a key;
   * integration accounts cannot open the admin panel. Default on.
   */
  apiKeys?: boolean
}

export interface FeedOptions {
  /**
   * Where an item lives on the portal. Placeholders: {homeUrl} (the home channel's URL),
   * {segment} (tin-bai, infographic, video), {collection}, {slug} (falls back to the id), {id}.
   * One pattern for every collection, or one per collection slug (others use the default).
   * Default "{homeUrl}/{segment}/{slug}", the address the home-channel publication records.
   */
  itemUrl?: string | Record<string, string>
  /** The feeds' site title; default: the home channel's name. */
  siteTitle?: string
  /** Items when the request gives no limit (default 50). */
  defaultLimit?: number
  /** The largest limit a request may ask for (default 100); more is a 400. */
  maxLimit?: number
  /** Seconds caches may keep a feed (Cache-Control max-age, default 60). */
  maxAge?: number
  /**
   * Per content collection, the fields an item shows: `summary` (a text field) and `image` (an
   * upload field); null shows none. Default: the first of summary/caption/excerpt/description,
   * and of coverImage/poster/image/thumbnail; an upload collection's item is its own image.
   */
  fields?: Record<string, FeedFieldOption>
}

export interface ResolvedFeedOptions {
  itemUrl: string
  itemUrlByCollection: Record<string, string>
  siteTitle: string | null
  defaultLimit: number
  maxLimit: number
  maxAge: number
  /** The content collections feeds list, in order (the plugin's contentCollections). */
  types: string[]
  /** What each of them shows, decided at start-up from its fields (feedContent.ts). */
  contents: Record<string, FeedContentFields>
  /** The host's `fields` choices, checked when the collections are known. */
  fields: Record<string, FeedFieldOption>
}

export interface SchedulerOptions {
  /** Start the scheduler when Payload initialises (default off; the app turns it on in production). */
  enabled?: boolean
  /** The jobs this instance fires; default all of them. */
  jobs?: JobName[]
  /** node-cron expression of the tick (default every minute; tests tick every second). */
  cron?: string
  /** How long a run holds its slot without renewing (default 10 minutes). */
  leaseMs?: number
  /** First retry delay after a failure, doubled per attempt (default 5 minutes). */
  retryMs?: number
  /** Automatic attempts per slot (default 5); the CLI can run a slot past them. */
  maxAttempts?: number
  /** How far back due work is still done after downtime (default 24 hours). */
  catchUpMs?: number
  /** Deadline alerts: days ahead (and overdue days) to warn about (default 7). */
  alertWindowDays?: number
  reportTime?: WallTime
  alertTime?: WallTime
  reconcileTime?: WallTime
  now?: () => Date
  onStep?: (step: string, slot: string) => void | Promise<void>
  onOutcome?: SchedulerSettings['onOutcome']
}

export interface ResolvedOptions {
  contentCollections: string[]
  counting: boolean
  usersSlug: string
  uploadsDir: string
  timeZone: string
  collectionOverrides: Partial<Record<PlanCollectionKey, (collection: CollectionConfig) => CollectionConfig>>
  feeds: ResolvedFeedOptions
  scheduler: SchedulerSettings
  review: boolean
  reviewOverdueHours: number
  apiKeys: boolean
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
  const feeds = resolveFeedOptions(o.feeds)
  const scheduler = resolveScheduler(o.scheduler ?? {}, timeZone)
  const review = o.review ?? true
  if (typeof review !== 'boolean') throw new PluginConfigError('review must be true or false.')
  const reviewOverdueHours = wholeNumber(o.reviewOverdueHours ?? 48, 'reviewOverdueHours', 1, 24 * 365)
  const apiKeys = o.apiKeys ?? true
  if (typeof apiKeys !== 'boolean') throw new PluginConfigError('apiKeys must be true or false.')
  return {
    review,
    reviewOverdueHours,
    apiKeys,
    usersSlug,
    uploadsDir,
    timeZone,
    collectionOverrides: overrides,
    contentCollections,
    counting,
    feeds,
    scheduler,
  }
}

export function resolveFeedOptions(options: FeedOptions | undefined): ResolvedFeedOptions {
  const o = options ?? {}
  if (typeof o !== 'object') throw new PluginConfigError('feeds must be an object of feed options.')
  const checkPattern = (name: string, pattern: unknown): string => {
    const problem = checkItemUrlPattern(pattern)
    if (problem) throw new PluginConfigError(`${name} ${problem}; got ${JSON.stringify(pattern)}.`)
    return pattern as string
  }
  let itemUrl = DEFAULT_ITEM_URL_PATTERN
  const itemUrlByCollection: Record<string, string> = {}
  if (typeof o.itemUrl === 'string') itemUrl = checkPattern('feeds.itemUrl', o.itemUrl)
  else if (o.itemUrl !== undefined) {
    if (o.itemUrl === null || typeof o.itemUrl !== 'object' || Array.isArray(o.itemUrl))
      throw new PluginConfigError('feeds.itemUrl must be a URL pattern or an object of patterns per collection slug.')
    for (const [slug, pattern] of Object.entries(o.itemUrl))
      itemUrlByCollection[slug] = checkPattern(`feeds.itemUrl.${slug}`, pattern)
  }
  const siteTitle = o.siteTitle ?? null
  if (siteTitle !== null && (typeof siteTitle !== 'string' || siteTitle.trim() === ''))
    throw new PluginConfigError('feeds.siteTitle must be a non-empty string.')
  const maxLimit = wholeNumber(o.maxLimit ?? 100, 'feeds.maxLimit', 1, 1000)
  const defaultLimit = wholeNumber(o.defaultLimit ?? Math.min(50, maxLimit), 'feeds.defaultLimit', 1, maxLimit)
  const maxAge = wholeNumber(o.maxAge ?? 60, 'feeds.maxAge (seconds)', 0, 86_400)
  const fields = o.fields ?? {}
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields))
    throw new PluginConfigError('feeds.fields must be an object of { summary, image } per collection slug.')
  return {
    itemUrl,
    itemUrlByCollection,
    siteTitle: siteTitle?.trim() ?? null,
    defaultLimit,
    maxLimit,
    maxAge,
    types: [],
    contents: {},
    fields,
  }
}

function wholeNumber(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw new PluginConfigError(`${name} must be a whole number from ${min} to ${max}, got ${String(value)}.`)
  return value
}

function wallTime(value: WallTime | undefined, fallback: WallTime, name: string): WallTime {
  if (value === undefined) return fallback
  return {
    hour: wholeNumber(value?.hour, `${name}.hour`, 0, 23),
    minute: wholeNumber(value?.minute, `${name}.minute`, 0, 59),
  }
}

function resolveScheduler(o: SchedulerOptions, timeZone: string): SchedulerSettings {
  const jobs = o.jobs ?? [...JOB_NAMES]
  if (!Array.isArray(jobs)) throw new PluginConfigError(`scheduler.jobs must be a list of ${JOB_NAMES.join(', ')}.`)
  for (const j of jobs) {
    if (!isJobName(j))
      throw new PluginConfigError(`scheduler.jobs names "${String(j)}"; the jobs are ${JOB_NAMES.join(', ')}.`)
  }
  const expr = o.cron ?? '* * * * *'
  if (typeof expr !== 'string' || !cron.validate(expr))
    throw new PluginConfigError(`scheduler.cron "${String(expr)}" is not a cron expression.`)
  if (o.now !== undefined && typeof o.now !== 'function')
    throw new PluginConfigError('scheduler.now must be a function returning a Date.')
  for (const hook of ['onStep', 'onOutcome'] as const) {
    if (o[hook] !== undefined && typeof o[hook] !== 'function')
      throw new PluginConfigError(`scheduler.${hook} must be a function.`)
  }
  return {
    enabled: o.enabled === true,
    jobs: [...new Set(jobs)],
    cron: expr,
    timeZone,
    leaseMs: wholeNumber(o.leaseMs ?? 10 * 60_000, 'scheduler.leaseMs', 500, 24 * 3_600_000),
    retryMs: wholeNumber(o.retryMs ?? 5 * 60_000, 'scheduler.retryMs', 0, 24 * 3_600_000),
    maxAttempts: wholeNumber(o.maxAttempts ?? 5, 'scheduler.maxAttempts', 1, 100),
    catchUpMs: wholeNumber(o.catchUpMs ?? 24 * 3_600_000, 'scheduler.catchUpMs', 60_000, 31 * 24 * 3_600_000),
    alertWindowDays: wholeNumber(o.alertWindowDays ?? 7, 'scheduler.alertWindowDays', 0, 60),
    reportTime: wallTime(o.reportTime, DEFAULT_REPORT_TIME, 'scheduler.reportTime'),
    alertTime: wallTime(o.alertTime, DEFAULT_ALERT_TIME, 'scheduler.alertTime'),
    reconcileTime: wallTime(o.reconcileTime, DEFAULT_RECONCILE_TIME, 'scheduler.reconcileTime'),
    now: o.now ?? (() => new Date()),
    onStep: o.onStep,
    onOutcome: o.onOutcome,
  }
}
