/** Every collection slug the product uses, in one place, so hooks and queries never drift apart. */
export const SLUGS = {
  users: 'users',
  units: 'units',
  channels: 'channels',
  plans: 'plans',
  tasks: 'tasks',
  planDocuments: 'plan-documents',
  /** A scan being read for plan import (OCR job: progress, text, page images). */
  planImports: 'plan-imports',
  shareLinks: 'share-links',
  calendarFeeds: 'calendar-feeds',
  articles: 'articles',
  infographics: 'infographics',
  videos: 'videos',
  media: 'media',
} as const

/** The counting engine's own tables. */
export const QUOTA_SLUGS = {
  contributions: 'quota-contributions',
  tallies: 'quota-tallies',
  versions: 'quota-versions',
} as const

/** Scheduled work: run slots, stored periodic reports, reconciliation runs, the mail log, notifications. */
export const SCHEDULE_SLUGS = {
  jobSlots: 'job-slots',
  quotaReports: 'quota-reports',
  reconcileRuns: 'quota-reconcile-runs',
  emailLog: 'email-log',
  notifications: 'notifications',
} as const

/** A scan import's OCR job: waiting for its turn, reading pages, read, or failed. */
export const PLAN_IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const
export type PlanImportStatus = (typeof PLAN_IMPORT_STATUSES)[number]

export const JOB_SLOT_STATUSES = ['running', 'done', 'failed'] as const
export type JobSlotStatus = (typeof JOB_SLOT_STATUSES)[number]

export const NOTIFICATION_KINDS = ['deadline', 'report', 'reconcile', 'review', 'planned'] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/** The collections whose published items fill quotas. */
export const CONTENT_SLUGS = ['articles', 'infographics', 'videos'] as const

export type Slug = (typeof SLUGS)[keyof typeof SLUGS]

/**
 * `integration`: an account for another system (a province's portal, a ministry's data warehouse)
 * that pulls reports and published content with an API key, and does nothing else.
 */
export const ROLES = ['admin', 'manager', 'editor', 'multimedia', 'integration'] as const
export type Role = (typeof ROLES)[number]

export const CONTENT_TYPES = ['articles', 'infographics', 'videos'] as const
export type ContentType = (typeof CONTENT_TYPES)[number]

export const CHANNEL_KINDS = ['portal', 'enewspaper', 'magazine', 'print', 'tv', 'radio', 'social', 'other'] as const
export type ChannelKind = (typeof CHANNEL_KINDS)[number]

export const SOCIAL_PLATFORMS = ['facebook', 'youtube', 'tiktok', 'zalo', 'other'] as const

/** The four channel groups of plan 03-KH/BCĐTW, section III. */
export const CHANNEL_GROUPS = ['central-press', 'epress-magazines', 'local-press', 'digital-social'] as const
export type ChannelGroup = (typeof CHANNEL_GROUPS)[number]

export const TARGET_KINDS = ['content', 'deliverable', 'indicator'] as const
export type TargetKind = (typeof TARGET_KINDS)[number]

export const TIMEFRAME_KINDS = ['deadline', 'recurring', 'byYear'] as const
export type TimeframeKind = (typeof TIMEFRAME_KINDS)[number]

export const RECURRENCE_PERIODS = ['month', 'quarter', 'year'] as const
export type RecurrencePeriod = (typeof RECURRENCE_PERIODS)[number]

/** Editorial review of content, beside Payload's draft/published (see src/domain/review.ts). */
export const REVIEW_STATES = ['draft', 'submitted', 'approved', 'returned'] as const
export type ReviewState = (typeof REVIEW_STATES)[number]

export const REVIEW_ACTIONS = ['submit', 'withdraw', 'approve', 'return'] as const
export type ReviewAction = (typeof REVIEW_ACTIONS)[number]
