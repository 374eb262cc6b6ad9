/**
 * `npm run job -- <name> --slot <slot>`: runs one slot of a scheduled job by hand, through the
 * same claim as the scheduler, so it is idempotent too: a slot already done is reported and not
 * run again, a slot another instance is running is left alone (exit 1), a failed one is retried
 * at once (even past the automatic attempts). Jobs and slot formats:
 *
 *   quota-report       quota-report:plan-<id>:YYYY-MM-DD   (the plan's report as of that day)
 *   deadline-alerts    deadline-alerts:YYYY-MM-DD
 *   reconcile          reconcile:YYYY-MM-DD
 *   publish-scheduled  publish-scheduled:YYYY-MM-DDTHH:mm  (runs the due scheduled publishing)
 *   planned-reminders  planned-reminders:YYYY-MM-DD         (assignees of items planned for the next day)
 *   prune-imports      prune-imports:YYYY-MM-DD             (scan imports older than 30 days removed)
 *
 * The period alone (`plan-7:2026-11-20`) is accepted too. Exit codes: 0 done (or already done),
 * 1 failed or held elsewhere, 2 bad arguments.
 */
import path from 'node:path'
import { ensureLocalSecret } from '../config/localSecret'
import { JOB_NAMES } from '../domain/schedule'
import { parseJobArgs } from './jobArgs'

const root = path.resolve(import.meta.dirname, '..', '..')
const USAGE = `Usage: npm run job -- <${JOB_NAMES.join('|')}> --slot <slot>`

async function main(): Promise<number> {
  const parsed = parseJobArgs(process.argv.slice(2))
  if (!parsed.ok) {
    process.stderr.write(`[job] ${parsed.message}\n${USAGE}\n`)
    return 2
  }
  const args = parsed
  if (!process.env.DATABASE_URI) throw new Error('DATABASE_URI is not set (run through `npm run job`).')
  ensureLocalSecret(root, process.env.EMBEDDED_DB === '1')
  Object.assign(process.env, { NODE_ENV: 'production', SEED_ON_FIRST_START: '0' })
  const { getPayload } = await import('payload')
  const { createAppConfig } = await import('../appConfig')
  const { getScheduler } = await import('../plugin/scheduler/scheduler')
  const { readSlots } = await import('../plugin/scheduler/slots')
  const payload = await getPayload({
    config: await createAppConfig({ seedOnFirstStart: false, scheduler: { enabled: false } }),
  })
  try {
    const outcome = await getScheduler(payload).runSlot(args.name, args.slot, {
      force: true,
    })
    if (outcome.outcome === 'done') {
      process.stdout.write(`${JSON.stringify(outcome.result, null, 2)}\n`)
      process.stderr.write(`[job] ${args.slot} done (attempt ${outcome.attempt})\n`)
      return 0
    }
    if (outcome.outcome === 'failed') {
      process.stderr.write(`[job] ${args.slot} failed (attempt ${outcome.attempt}):\n${outcome.error}\n`)
      return 1
    }
    const state = (await readSlots(payload, [args.slot])).get(args.slot)
    if (state?.status === 'done') {
      process.stderr.write(`[job] ${args.slot} was already done (by ${state.instance}); nothing to do\n`)
      return 0
    }
    process.stderr.write(
      `[job] ${args.slot} is being run by ${state?.instance ?? 'another instance'} (lease until ${state?.leaseExpiresAt ?? '?'}); left alone\n`,
    )
    return 1
  } finally {
    await payload.destroy()
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`[job] ${(err as Error).stack ?? String(err)}\n`)
    process.exit(1)
  },
)
