import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { vi } from '@payloadcms/translations/languages/vi'
import { buildConfig, type CollectionConfig, type Plugin, type SanitizedConfig } from 'payload'
import sharp from 'sharp'
import { Articles } from '../collections/Articles'
import { Infographics } from '../collections/Infographics'
import { Media } from '../collections/Media'
import { Users } from '../collections/Users'
import { Videos } from '../collections/Videos'
import { databaseUri, jobsAutoRun, payloadSecret, poolMax, shouldSeedOnFirstStart, uploadsDir } from './config/env'
import { migrations } from './migrations'
import { commsQuotaPlugin } from './plugin'
import { CONTENT_SLUGS } from './slugs'
import { seedOnFirstStart } from './seed/seedOnFirstStart'

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
  return buildConfig({
    admin: {
      user: Users.slug,
      importMap: { baseDir: dirname },
      components: {
        views: {
          quotaDashboard: { Component: '/plugin/admin/QuotaDashboard#QuotaDashboard', path: '/quota' },
          planImport: { Component: '/plugin/admin/PlanImportView#PlanImportView', path: '/plan-import' },
        },
        afterNavLinks: ['/plugin/admin/QuotaNavLink#QuotaNavLink', '/plugin/admin/PlanImportNavLink#PlanImportNavLink'],
      },
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
      pool: { connectionString: options.databaseUri ?? databaseUri(), max: poolMax() },
      migrationDir: path.join(dirname, 'migrations'),
      push: options.push,
      prodMigrations: migrations,
    }),
    editor: lexicalEditor(),
    jobs: {
      // Scheduled publishing: due jobs are picked up every minute by the running app.
      autoRun: [{ cron: '* * * * *', limit: 50, queue: 'default' }],
      shouldAutoRun: () => jobsAutoRun(),
    },
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
      }),
      ...(options.plugins ?? []),
    ],
    onInit: async (payload) => {
      if (seed) await seedOnFirstStart(payload)
    },
  })
}
