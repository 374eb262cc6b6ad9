/**
 * One app instance with the scheduler, for scheduledWork.test.ts:
 *
 *   node --import tsx test/int/helpers/workerScheduler.ts <databaseUri> <outboxDir> <nowIso> <jobs> [crashAt]
 *
 * Its clock stands at <nowIso> and it ticks every second (node-cron), so a due slot is due on
 * every tick without waiting for the real date. Mail goes to <outboxDir> (the no-SMTP outbox:
 * one .eml per message). It prints READY once Payload is up, starts the scheduler on "go"
 * (so several workers start ticking together) and stops cleanly on "stop". With [crashAt], it
 * SIGKILLs itself at that step of a run: a crash mid-run, with the slot still claimed.
 */
import { createInterface } from 'node:readline'
import { startScheduler } from '../../../src/plugin/scheduler/scheduler'
import type { JobName } from '../../../src/domain/schedule'
import { startPayloadOn } from './workerPayload'

const [databaseUri, outboxDir, nowIso, jobs, leaseMs, crashAt] = process.argv.slice(2)
if (!databaseUri || !outboxDir || !nowIso || !jobs || !leaseMs) {
  process.stderr.write('usage: workerScheduler.ts <databaseUri> <outboxDir> <nowIso> <jobs> <leaseMs> [crashAt]\n')
  process.exit(2)
}
const now = new Date(nowIso)
const say = (line: string) => process.stdout.write(`${line}\n`)

const { payload, uploadsDir, close } = await startPayloadOn(databaseUri, {
  config: {
    mail: { outboxDir },
    scheduler: {
      enabled: false,
      cron: '* * * * * *',
      now: () => now,
      jobs: jobs.split(',') as JobName[],
      leaseMs: Number(leaseMs),
      catchUpMs: 60_000,
      onStep: (step, slot) => {
        say(`STEP ${step} ${slot}`)
        if (step === crashAt) process.kill(process.pid, 'SIGKILL')
      },
      onOutcome: (o) => say(`OUTCOME ${o.outcome} ${o.slot}`),
    },
  },
})
// A SIGKILLed worker cannot clean up: the test removes this folder.
say(`UPLOADS ${uploadsDir}`)
say('READY')
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'go') {
    startScheduler(payload)
    say('STARTED')
  }
  if (line === 'stop') break
}
await close()
process.exit(0)
