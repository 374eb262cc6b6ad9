import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { vi } from '@payloadcms/translations/languages/vi'
import type { Transporter } from 'nodemailer'
import type { S3Settings } from './config/env'
import { mailAdapter } from './config/mail'
import { buildConfig, type CollectionConfig, type Payload, type Plugin, type SanitizedConfig } from 'payload'
import sharp from 'sharp'
import { Articles } from '../collections/Articles'
import { Infographics } from '../collections/Infographics'
import { Media } from '../collections/Media'
import { Users } from '../collections/Users'
import { Videos } from '../collections/Videos'
import {
  alertWindowDays,
  databaseTimeouts,
  databaseUri,
  mailSettings,
  payloadSecret,
  poolMax,
  readReplicaUris,
  s3Settings,
  schedulerCron,
  schedulerEnabled,
  shouldSeedOnFirstStart,
  uploadsDir,
} from './config/env'
import { appJobs } from '../jobs'
import { migrations } from './migrations'
import { commsQuotaPlugin, type SchedulerOptions } from './plugin'
import { CONTENT_SLUGS } from './domain/slugs'
import { documentLocksPlugin } from './security/documentLocksPlugin'
import { malformedInputPlugin } from './security/malformedInputPlugin'
import { hardeningPlugin } from './security/hardeningPlugin'
import { seedOnFirstStart } from './seed/seedOnFirstStart'
import { healthEndpoint } from './health/healthEndpoint'
import { answerDatabaseUnavailable } from '../hooks/answerDatabaseUnavailable'
import { resilientPg } from './db/resilientPg'
import { objectStoragePlugin } from './storage/objectStorage'

const dirname = path.dirname(fileURLToPath(import.meta.url))
export const ROOT_DIR = path.resolve(dirname, '..')

export interface AppConfigOptions {
  /** Overrides DATABASE_URI (tests point each file at its own database). */
  databaseUri?: string
  /** Overrides the first-start seeding decision. */
  seedOnFirstStart?: boolean
  /** Where uploads go; defaults to UPLOADS_DIR or .data/uploads. */
  uploadsDir?: string
  /** Schema push in development (default on); the migration tests turn it off. */
  push?: boolean
  /** Counting hooks on (default) or off; the publish-latency benchmark compares both. */
  counting?: boolean
  /** More plugins after ours (tests add fault injection this way). */
  plugins?: Plugin[]
  /** Mail: a transport of your own (tests capture mail), or another outbox folder. */
  mail?: { transport?: Transporter; outboxDir?: string }
  /** Scheduler settings over the environment's (SCHEDULER, SCHEDULER_ALERT_DAYS, JOBS_AUTORUN). */
  scheduler?: SchedulerOptions
  /** Object storage over the environment's S3_* settings; null keeps files on local disk. */
  s3?: S3Settings | null
}

/** Upload collections store their files under one uploads folder, one sub-folder each. */
function withStaticDir(collection: CollectionConfig, uploads: string): CollectionConfig {
  if (!collection.upload) return collection
  const upload = typeof collection.upload === 'object' ? collection.upload : {}
  return { ...collection, upload: { ...upload, staticDir: path.join(uploads, collection.slug) } }
}

/** The ready-to-run app: users plus the comms-quota plugin, Vietnamese first, on Postgres. */
export function createAppConfig(options: AppConfigOptions = {}): Promise<SanitizedConfig> {
  const uploads = options.uploadsDir ?? uploadsDir(ROOT_DIR)
  const seed = options.seedOnFirstStart ?? shouldSeedOnFirstStart()
  const mail = mailSettings(ROOT_DIR)
  const s3 = options.s3 === undefined ? s3Settings() : options.s3
  const cronExpr = schedulerCron()
  const timeouts = databaseTimeouts()
  // The pool exists before Payload's logger is handed to us (onInit); until then, stderr.
  let logger: Payload['logger'] | undefined
  const pg = resilientPg((err, msg) => {
    if (logger) logger.warn({ err, msg })
    else process.stderr.write(`${msg}: ${err.message}\n`)
  })
  const scheduler: SchedulerOptions = {
    enabled: schedulerEnabled(),
    ...(cronExpr ? { cron: cronExpr } : {}),
    alertWindowDays: alertWindowDays(),
    jobs: appJobs(),
    ...options.scheduler,
  }
  return buildConfig({
    admin: {
      user: Users.slug,
      importMap: { baseDir: dirname },
      // No Gravatar: it would send staff e-mail hashes to a third party and break offline.
      avatar: 'default',
      dateFormat: 'd/M/yyyy HH:mm',
      meta: {
        titleSuffix: ' — Kế hoạch truyền thông',
        description: 'Quản lý kế hoạch truyền thông, nhiệm vụ, chỉ tiêu và kết quả thực hiện.',
      },
    },
    collections: [Users, Media, Articles, Infographics, Videos].map((c) => withStaticDir(c, uploads)),
    db: postgresAdapter({
      pg,
      // No request path may hold a transaction while it waits for a second pooled connection
      // (docs/database.md); these timeouts make sure that if one ever does, it
      // fails with a 503 within seconds instead of hanging the app for good.
      pool: {
        connectionString: options.databaseUri ?? databaseUri(),
        max: poolMax(),
        connectionTimeoutMillis: timeouts.acquireMs,
        statement_timeout: timeouts.statementMs,
        idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
      },
      readReplicas: readReplicaUris(),
      migrationDir: path.join(dirname, 'migrations'),
      push: options.push,
      prodMigrations: migrations,
    }),
    editor: lexicalEditor(),
    email: mailAdapter({
      from: mail.from,
      smtp: mail.smtp,
      outboxDir: options.mail?.outboxDir ?? mail.outboxDir,
      transport: options.mail?.transport,
    }),
    jobs: {
      // No autoRun: it can run one job on two instances at once. The scheduler runs the queue
      // (scheduled publishing) once a minute under a claimed slot instead (src/plugin/review/jobs/publishScheduledContent.ts).
      // Nobody runs it over REST either, which would bypass the slot.
      access: { run: () => false },
    },
    hooks: { afterError: [answerDatabaseUnavailable] },
    i18n: {
      supportedLanguages: { vi, en },
      fallbackLanguage: 'vi',
    },
    // Refused requests are the system working, not failing: keep them out of the error log so
    // real errors stand out. Lockouts stay visible as warnings.
    loggingLevels: {
      AuthenticationError: 'info',
      Forbidden: 'info',
      NotFound: 'info',
      ValidationError: 'info',
      LockedAuth: 'warn',
    },
    secret: payloadSecret(),
    serverURL: process.env.SERVER_URL ?? '',
    sharp,
    typescript: { outputFile: path.join(dirname, 'payload-types.ts') },
    plugins: [
      commsQuotaPlugin({
        usersSlug: Users.slug,
        uploadsDir: uploads,
        contentCollections: [...CONTENT_SLUGS],
        counting: options.counting ?? process.env.QUOTA_COUNTING !== '0',
        scheduler,
      }),
      ...(options.plugins ?? []),
      // After the plugins that add collections, so its caps and headers cover them all.
      hardeningPlugin(),
      // After hardening: the S3 file handler serves with the collection config it receives.
      objectStoragePlugin(s3),
      documentLocksPlugin(),
      malformedInputPlugin(),
    ],
    endpoints: [healthEndpoint({ uploadsDir: uploads, s3, migrations: migrations.map((m) => m.name) })],
    onInit: async (payload) => {
      logger = payload.logger
      if (seed) await seedOnFirstStart(payload)
    },
  })
}
