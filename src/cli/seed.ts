/**
 * `npm run seed [-- --demo]`: loads the reference plan, its units and channels (idempotent);
 * `--demo` also creates one demo account per role. Runs the committed migrations first, like a
 * production start, so it can target the quick-start database or your own DATABASE_URI.
 */
import path from 'node:path'
import { ensureLocalSecret } from '../config/localSecret'

const root = path.resolve(import.meta.dirname, '..', '..')

async function main(): Promise<void> {
  if (!process.env.DATABASE_URI)
    throw new Error('DATABASE_URI is not set (run through `npm run seed`, which starts the embedded Postgres).')
  ensureLocalSecret(root, process.env.EMBEDDED_DB === '1')
  // Production mode: migrations, never an interactive schema push.
  Object.assign(process.env, { NODE_ENV: 'production', SEED_ON_FIRST_START: '0' })
  const { getPayload } = await import('payload')
  const { createAppConfig } = await import('../appConfig')
  const { seed } = await import('../seed/seed')
  const payload = await getPayload({
    config: await createAppConfig({ seedOnFirstStart: false, scheduler: { enabled: false } }),
  })
  try {
    const { created, offset } = await seed(payload, { demo: process.argv.includes('--demo') })
    // offset: days the plan's dates were moved from the data as written (DEMO_TODAY, demoDates.ts).
    payload.logger.info({ msg: 'Seed complete', created, offset })
  } finally {
    await payload.destroy()
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`[seed] ${(err as Error).stack ?? String(err)}\n`)
    process.exit(1)
  },
)
