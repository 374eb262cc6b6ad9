/**
 * `npm run migrate`: applies the committed migrations to DATABASE_URI and exits; the deployment
 * step before new instances start. Instances apply pending migrations on start too, but several
 * starting at once on a database with pending migrations would race to apply them (Payload takes
 * no lock), so a deployment runs this once first. Exit code 0 when nothing is pending afterwards.
 */
import path from 'node:path'
import { ensureLocalSecret } from '../config/localSecret'

const root = path.resolve(import.meta.dirname, '..', '..')

async function main(): Promise<number> {
  if (!process.env.DATABASE_URI) throw new Error('DATABASE_URI is not set: point it at the Postgres to migrate.')
  ensureLocalSecret(root, process.env.EMBEDDED_DB === '1')
  // Production mode: the adapter applies `prodMigrations` on connect, and never pushes a schema.
  Object.assign(process.env, { NODE_ENV: 'production', SEED_ON_FIRST_START: '0' })
  const { getPayload } = await import('payload')
  const { createAppConfig } = await import('../appConfig')
  const { migrations } = await import('../migrations')
  const { probeMigrations } = await import('../health/probes')
  const payload = await getPayload({
    config: await createAppConfig({ seedOnFirstStart: false, scheduler: { enabled: false } }),
  })
  try {
    const result = await probeMigrations(
      payload,
      migrations.map((m) => m.name),
    )
    process.stdout.write(
      result.ok ? `[migrate] up to date: ${result.detail ?? ''}\n` : `[migrate] still pending: ${result.problem}\n`,
    )
    return result.ok ? 0 : 1
  } finally {
    await payload.destroy()
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`[migrate] ${(err as Error).stack ?? String(err)}\n`)
    process.exit(2)
  },
)
