/**
 * One app instance with the scheduler, for scheduledWork.test.ts:
 *
 *   node --import ./src/cli/register.mjs test/int/helpers/workerScheduler.ts <databaseUri> <outboxDir> <nowIso> <jobs> <leaseMs>
 *
 * Its clock stands at <nowIso> and it ticks every second (node-cron), so a due slot is due on
 * every tick without waiting for the real date. Mail goes to <outboxDir> (the no-SMTP outbox:
 * one .eml per message). It prints READY once Payload is up and obeys lines on stdin:
 *   go            start the scheduler (so several workers start ticking together)
 *   now <iso>     move its clock
 *   crash <step>  SIGKILL itself when a run reaches that step (a crash mid-run, slot still claimed)
 *   stop          stop the scheduler and Payload, exit 0
 */
import { createInterface } from 'node:readline'
import type { JobName } from '../../../src/domain/schedule'
import { startScheduler } from '../../../src/plugin/scheduler/scheduler'
import { startPayloadOn } from './workerPayload'

const [databaseUri, outboxDir, nowIso, jobs, leaseMs] = process.argv.slice(2)
if (!databaseUri || !outboxDir || !nowIso || !jobs || !leaseMs) {
  process.stderr.write('usage: workerScheduler.ts <databaseUri> <outboxDir> <nowIso> <jobs> <leaseMs>\n')
  process.exit(2)
}
let now = new Date(nowIso)
let crashAt: string | undefined
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
  const [command, arg] = line.split(' ')
  if (command === 'go') {
    startScheduler(payload)
    say('STARTED')
  } else if (command === 'now' && arg) {
    now = new Date(arg)
    say(`NOW ${now.toISOString()}`)
  } else if (command === 'crash' && arg) {
    crashAt = arg
    say(`CRASH-AT ${arg}`)
  } else if (command === 'stop') break
}
await close()
process.exit(0)
