/**
 * `npm run quota:reconcile [-- --dry-run]`: recomputes every quota contribution and tally from
 * the content tables, prints the drift (which keys, by how much) and repairs it unless
 * --dry-run. Exit code 0 when the stored counts are (now) right; with --dry-run, 1 when drift
 * was found, so it can gate a deployment or a monitor.
 */
import path from 'node:path'
import { ensureLocalSecret } from '../config/localSecret'

const root = path.resolve(import.meta.dirname, '..', '..')

async function main(): Promise<number> {
  if (!process.env.DATABASE_URI) throw new Error('DATABASE_URI is not set (run through `npm run quota:reconcile`).')
  ensureLocalSecret(root, process.env.EMBEDDED_DB === '1')
  Object.assign(process.env, { NODE_ENV: 'production', SEED_ON_FIRST_START: '0', JOBS_AUTORUN: '0' })
  const dryRun = process.argv.includes('--dry-run')
  const { getPayload } = await import('payload')
  const { createAppConfig } = await import('../appConfig')
  const { reconcile } = await import('../plugin/counting/engine/reconcile')
  const payload = await getPayload({
    config: await createAppConfig({ seedOnFirstStart: false, scheduler: { enabled: false } }),
  })
  try {
    const report = await reconcile(payload, { repair: !dryRun })
    const { ledgerMissing, ledgerExtra, tallies } = report.counts
    const firstDays = report.firstDays.drift.length
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
    process.stdout.write(
      `[reconcile] ${tallies} tally key(s) off, ${ledgerMissing} contribution(s) missing, ${ledgerExtra} extra, ` +
        `${firstDays} first-day count row(s) off of ${report.firstDays.specs} spec(s)` +
        (report.repaired ? ' — repaired\n' : dryRun ? ' (dry run, nothing changed)\n' : '\n'),
    )
    return dryRun && tallies + ledgerMissing + ledgerExtra + firstDays > 0 ? 1 : 0
  } finally {
    await payload.destroy()
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`[reconcile] ${(err as Error).stack ?? String(err)}\n`)
    process.exit(2)
  },
)
