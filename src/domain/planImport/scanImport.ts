/**
 * The state of a scan import as its reader sees it: the stored record, plus what a record left
 * behind by a stopped server means. The OCR job touches the record after every page, and a page
 * never takes longer than the whole file's time limit; so a job still "running" with no touch for
 * longer than that (plus a grace) died with its server. A job waiting its turn touches its record
 * every QUEUED_HEARTBEAT_MS; one silent for two of those (plus the grace) was lost with its server. Both are reported failed ("upload again"), never
 * left spinning. Pure.
 */
import type { ImportMessage, ImportMessageKey } from '../i18n/messages'
import { addDays, zonedInstant } from '../schedule'
import { PLAN_IMPORT_STATUSES, type PlanImportStatus } from '../slugs'

export interface ScanImportError {
  /** The HTTP status the same problem gets when it is found in the request (413, 422, 503…). */
  status: number
  field: string
  message: ImportMessage
}

export interface ScanImportState {
  status: PlanImportStatus
  pagesDone: number
  pagesTotal: number
  error: ScanImportError | null
}

export interface ScanImportRecord {
  status?: string | null
  pagesDone?: number | null
  pagesTotal?: number | null
  error?: unknown
  createdAt: string
  updatedAt: string
}

/** Grace beyond the time limit before a silent running job is taken for dead. */
export const STALE_GRACE_MS = 60_000
/** A job waiting its turn touches its record this often, so that a lost one shows. */
export const QUEUED_HEARTBEAT_MS = 30_000

const isStatus = (s: unknown): s is PlanImportStatus => PLAN_IMPORT_STATUSES.includes(s as PlanImportStatus)

/** The stored error (JSON from the database) back as a typed one; null when it is not one. */
export function storedError(value: unknown): ScanImportError | null {
  if (typeof value !== 'object' || value === null) return null
  const o = value as Record<string, unknown>
  if (typeof o.status !== 'number' || typeof o.field !== 'string' || typeof o.key !== 'string') return null
  const vars = typeof o.vars === 'object' && o.vars !== null ? (o.vars as Record<string, string | number>) : undefined
  return {
    status: o.status,
    field: o.field,
    message: { key: o.key as ImportMessageKey, ...(vars ? { vars } : {}) },
  }
}

/** The error as it is stored. */
export const errorToStore = (e: ScanImportError) => ({
  status: e.status,
  field: e.field,
  key: e.message.key,
  ...(e.message.vars ? { vars: e.message.vars } : {}),
})

const interrupted: ScanImportError = { status: 503, field: 'file', message: { key: 'scanInterrupted' } }

export function scanImportState(record: ScanImportRecord, now: number, timeoutMs: number): ScanImportState {
  const status = isStatus(record.status) ? record.status : 'failed'
  const base = {
    pagesDone: Math.max(0, record.pagesDone ?? 0),
    pagesTotal: Math.max(1, record.pagesTotal ?? 1),
  }
  const since = (iso: string) => now - Date.parse(iso)
  if (status === 'running' && since(record.updatedAt) > timeoutMs + STALE_GRACE_MS)
    return { status: 'failed', ...base, error: interrupted }
  if (status === 'queued' && since(record.updatedAt) > 2 * QUEUED_HEARTBEAT_MS + STALE_GRACE_MS)
    return { status: 'failed', ...base, error: interrupted }
  if (status === 'failed')
    return {
      status,
      ...base,
      error: storedError(record.error) ?? { status: 500, field: 'file', message: { key: 'scanFailed' } },
    }
  return { status, ...base, error: null }
}

/**
 * How long a scan import (its plan text and page images, about 100 KB a page) is kept: long enough
 * to come back to a review, short enough that uploaded plans do not pile up in the database.
 */
export const SCAN_IMPORT_RETENTION_DAYS = 30

/**
 * The instant before which a scan import is removed by the daily prune run of `day` (ISO day):
 * the start of the day `retentionDays` earlier, in the time zone, so a record made on a day is
 * kept for `retentionDays` whole days after it whatever the hour of the run.
 */
export function scanImportCutoff(
  day: string,
  timeZone: string,
  retentionDays: number = SCAN_IMPORT_RETENTION_DAYS,
): Date {
  if (!Number.isInteger(retentionDays) || retentionDays < 1)
    throw new RangeError(`retentionDays must be a whole number of days ≥ 1, got ${retentionDays}`)
  return zonedInstant(addDays(day, -retentionDays), { hour: 0, minute: 0 }, timeZone)
}
