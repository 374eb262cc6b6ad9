/**
 * Environment the app reads, in one place. Values are read when called (not at import) so
 * tests and CLIs can set them first.
 */
import path from 'node:path'

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
 * The in-process job runner (scheduled publishing) runs in the app, not in tests, which run
 * jobs explicitly to control time. JOBS_AUTORUN=0 turns it off, e.g. on a web-only instance.
 */
export function jobsAutoRun(): boolean {
  return process.env.JOBS_AUTORUN !== '0' && process.env.NODE_ENV !== 'test'
}
