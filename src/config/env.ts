/**
 * Environment the app reads, in one place. Values are read when called (not at import) so
 * tests and CLIs can set them first.
 */
import path from 'node:path'
import { calendarDay, isIsoDay } from '../domain/calendar'

const BUILD_PHASE = 'phase-production-build'

export function databaseUri(): string {
  const uri = process.env.DATABASE_URI
  if (uri) return uri
  if (process.env.NEXT_PHASE === BUILD_PHASE) return 'postgres://build-time-placeholder@127.0.0.1:1/none'
  throw new Error(
    'DATABASE_URI is not set. Start the app with `npm start` or `npm run dev` (they start an embedded Postgres), or set DATABASE_URI to your Postgres.',
  )
}

export function payloadSecret(): string {
  const secret = process.env.PAYLOAD_SECRET
  if (secret) return secret
  // `next build` evaluates the config without serving anything; a secret is not used there.
  if (process.env.NEXT_PHASE === BUILD_PHASE) return 'build-time-placeholder-never-used-at-runtime'
  if (process.env.NODE_ENV !== 'production') return 'dev-only-insecure-secret-do-not-deploy'
  throw new Error('PAYLOAD_SECRET is required in production (a long random string).')
}

export function poolMax(): number {
  const n = Number(process.env.DATABASE_POOL_MAX ?? 10)
  if (!Number.isInteger(n) || n < 2)
    throw new Error('DATABASE_POOL_MAX must be a whole number ≥ 2 (1 hangs schema pull).')
  return n
}

export interface DatabaseTimeouts {
  /** How long a request waits for a pooled connection before it is answered 503. */
  acquireMs: number
  /** Postgres cuts a statement running longer (0: never). */
  statementMs: number
  /** Postgres ends a session left idle inside an open transaction this long (0: never). */
  idleInTransactionMs: number
}

function wholeMs(env: Record<string, string | undefined>, name: string, fallback: number, min: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min)
    throw new Error(`${name} must be a whole number of milliseconds ≥ ${min}, got "${raw}".`)
  return n
}

/**
 * No request may wait forever: not for a connection (the pool's acquire timeout), not on a
 * statement, and no leaked transaction may hold a connection forever. Defaults suit the app's
 * requests; CLIs over very large data can lift the statement limit with 0.
 */
export function databaseTimeouts(env: Record<string, string | undefined> = process.env): DatabaseTimeouts {
  return {
    acquireMs: wholeMs(env, 'DATABASE_ACQUIRE_TIMEOUT_MS', 10_000, 1),
    statementMs: wholeMs(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 60_000, 0),
    idleInTransactionMs: wholeMs(env, 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', 60_000, 0),
  }
}

/**
 * The quick start's own folder: embedded database (`app/`), generated secret and uploads. DATA_DIR
 * moves all three at once, so a second instance (the browser end-to-end suite) never touches the
 * user's data in `.data`.
 */
export function dataDir(cwd: string): string {
  return path.resolve(cwd, process.env.DATA_DIR || '.data')
}

export function uploadsDir(cwd: string): string {
  return process.env.UPLOADS_DIR ?? path.join(dataDir(cwd), 'uploads')
}

/** The quick start seeds demo data into an empty embedded database; tests never do. */
export function shouldSeedOnFirstStart(): boolean {
  return process.env.EMBEDDED_DB === '1' && process.env.NODE_ENV !== 'test' && process.env.SEED_ON_FIRST_START !== '0'
}

/**
 * Scheduled publishing runs from the scheduler (under a claimed per-minute slot), so it is off
 * wherever the scheduler is (tests run jobs explicitly to control time). JOBS_AUTORUN=0 keeps it
 * off one instance whose scheduler is on; another instance does it.
 */
export function jobsAutoRun(): boolean {
  return process.env.JOBS_AUTORUN !== '0'
}

export interface SmtpSettings {
  host: string
  port: number
  secure: boolean
  user: string | undefined
  pass: string | undefined
}

/**
 * Outgoing mail: SMTP_HOST (and SMTP_PORT, default 587; 465 means implicit TLS; SMTP_USER,
 * SMTP_PASS) or, without SMTP_HOST, .eml files in MAIL_OUTBOX_DIR (default DATA_DIR/outbox) so
 * that no message is lost silently. SMTP_FROM is the sender ("Name <address>" or an address).
 */
export function mailSettings(cwd: string): { smtp: SmtpSettings | null; from: string; outboxDir: string } {
  const from = process.env.SMTP_FROM || 'Kế hoạch truyền thông <no-reply@localhost>'
  const outboxDir = process.env.MAIL_OUTBOX_DIR || path.join(dataDir(cwd), 'outbox')
  const host = process.env.SMTP_HOST
  if (!host) return { smtp: null, from, outboxDir }
  const port = Number(process.env.SMTP_PORT ?? 587)
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`SMTP_PORT must be a TCP port, got "${process.env.SMTP_PORT}".`)
  return {
    smtp: { host, port, secure: port === 465, user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },
    from,
    outboxDir,
  }
}

/**
 * The scheduler (periodic reports, deadline alerts, reconciliation, scheduled publishing) runs
 * in the production app (`npm start`) and nowhere else unless asked: SCHEDULER=on|off.
 * Every instance may run it; the slot table keeps each run to one instance.
 */
export function schedulerEnabled(): boolean {
  const v = process.env.SCHEDULER?.trim().toLowerCase()
  if (v === undefined || v === '')
    return process.env.NODE_ENV === 'production' && process.env.NEXT_PHASE !== BUILD_PHASE
  if (v === 'on' || v === '1' || v === 'true') return true
  if (v === 'off' || v === '0' || v === 'false') return false
  throw new Error(`SCHEDULER must be "on" or "off", got "${process.env.SCHEDULER}".`)
}

/** Deadline alerts look this many days ahead (and chase overdue targets as long): SCHEDULER_ALERT_DAYS, default 7. */
export function alertWindowDays(): number {
  const raw = process.env.SCHEDULER_ALERT_DAYS
  if (raw === undefined || raw === '') return 7
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0 || n > 60)
    throw new Error(`SCHEDULER_ALERT_DAYS must be a whole number of days from 0 to 60, got "${raw}".`)
  return n
}

/** Where uploaded files live when S3_BUCKET is set (otherwise on local disk under the uploads folder). */
export interface S3Settings {
  bucket: string
  region: string
  /** An S3-compatible server (MinIO, Ceph, a cloud's object storage); AWS itself when unset. */
  endpoint: string | undefined
  /** `bucket` in the path instead of the host name; most S3-compatible servers need it. */
  forcePathStyle: boolean
  /** Unset: the AWS SDK's default chain (instance role, AWS_* variables, ~/.aws). */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined
}

const S3_VARIABLES = ['S3_REGION', 'S3_ENDPOINT', 'S3_FORCE_PATH_STYLE', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']

/**
 * Object storage from S3_BUCKET, S3_REGION, S3_ENDPOINT, S3_FORCE_PATH_STYLE, S3_ACCESS_KEY_ID,
 * S3_SECRET_ACCESS_KEY; null (local disk) when none is set. A half-written configuration stops
 * start-up naming the variable: silently falling back to local disk would scatter files over the
 * instances' disks, where the other instances cannot serve them.
 */
export function s3Settings(env: Readonly<Record<string, string | undefined>> = process.env): S3Settings | null {
  const value = (name: string) => {
    const v = env[name]?.trim()
    return v === undefined || v === '' ? undefined : v
  }
  const bucket = value('S3_BUCKET')
  if (!bucket) {
    const stray = S3_VARIABLES.filter((name) => value(name) !== undefined)
    if (stray.length > 0)
      throw new Error(`S3_BUCKET is not set, but ${stray.join(', ')} is: set S3_BUCKET too, or unset them.`)
    return null
  }
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
    throw new Error(`S3_BUCKET "${bucket}" is not a bucket name (3–63 lowercase letters, digits, dots, hyphens).`)
  const region = value('S3_REGION')
  if (!region) throw new Error('S3_REGION is required with S3_BUCKET (any value, e.g. us-east-1, for MinIO).')
  const endpoint = value('S3_ENDPOINT')
  if (endpoint !== undefined) {
    let url: URL | undefined
    try {
      url = new URL(endpoint)
    } catch {
      url = undefined
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
      throw new Error(`S3_ENDPOINT must be an http(s) URL, got "${endpoint}".`)
  }
  const pathStyle = value('S3_FORCE_PATH_STYLE')?.toLowerCase()
  if (pathStyle !== undefined && !['true', 'false', '1', '0'].includes(pathStyle))
    throw new Error(`S3_FORCE_PATH_STYLE must be "true" or "false", got "${env.S3_FORCE_PATH_STYLE}".`)
  const accessKeyId = value('S3_ACCESS_KEY_ID')
  const secretAccessKey = value('S3_SECRET_ACCESS_KEY')
  if (accessKeyId && !secretAccessKey) throw new Error('S3_SECRET_ACCESS_KEY is required with S3_ACCESS_KEY_ID.')
  if (secretAccessKey && !accessKeyId) throw new Error('S3_ACCESS_KEY_ID is required with S3_SECRET_ACCESS_KEY.')
  return {
    bucket,
    region,
    endpoint,
    forcePathStyle: pathStyle === 'true' || pathStyle === '1',
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
  }
}

/**
 * DATABASE_READ_REPLICA_URIS: comma-separated Postgres URIs of read replicas. Payload's own reads
 * (lists, documents) go there, except for a short window after this instance wrote; every write,
 * transaction and raw-SQL read (counting, tallies, reports, the scheduler) stays on the primary.
 */
export function readReplicaUris(env: Readonly<Record<string, string | undefined>> = process.env): string[] | undefined {
  const raw = env.DATABASE_READ_REPLICA_URIS?.trim()
  if (!raw) return undefined
  const uris = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  for (const uri of uris) {
    let ok = false
    try {
      ok = ['postgres:', 'postgresql:'].includes(new URL(uri).protocol)
    } catch {
      ok = false
    }
    if (!ok)
      throw new Error(`DATABASE_READ_REPLICA_URIS must list postgres:// URIs separated by commas; "${uri}" is not one.`)
  }
  return uris
}

/** SCHEDULER_CRON: how often each instance looks for due work (node-cron, default every minute). */
export function schedulerCron(): string | undefined {
  const v = process.env.SCHEDULER_CRON?.trim()
  return v ? v : undefined
}

/** SHUTDOWN_GRACE_MS: on SIGTERM, how long in-flight requests may take before their connections are cut (default 25 s). */
export function shutdownGraceMs(): number {
  const raw = process.env.SHUTDOWN_GRACE_MS
  if (raw === undefined || raw === '') return 25_000
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0 || n > 600_000)
    throw new Error(`SHUTDOWN_GRACE_MS must be a whole number of milliseconds from 0 to 600000, got "${raw}".`)
  return n
}

/**
 * The day the demo plan is dated around (src/seed/demoDates.ts): DEMO_TODAY (YYYY-MM-DD) when
 * set, so tests and screenshots get the same plan every day, else today in Asia/Ho_Chi_Minh.
 */
export function demoToday(env: Readonly<Record<string, string | undefined>> = process.env, now = new Date()): string {
  const raw = env.DEMO_TODAY?.trim()
  if (raw === undefined || raw === '') return calendarDay(now)
  if (!isIsoDay(raw)) throw new Error(`DEMO_TODAY must be a day as YYYY-MM-DD (e.g. 2025-09-24), got "${raw}".`)
  return raw
}
