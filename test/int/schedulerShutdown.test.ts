/**
 * An instance stopping (SIGTERM → payload.destroy → scheduler.stop) while it runs a scheduled
 * slot: after the grace period it hands the slot back — failed, no back-off — so another instance
 * claims it at once instead of waiting out the 10-minute lease, and the abandoned run stops at
 * its next checkpoint without touching the slot again.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { getScheduler } from '../../src/plugin'
import { claimSlot, readSlots } from '../../src/plugin/scheduler/slots'
import { startTestPayload, type TestPayload } from './helpers/testPayload'

const slot = 'reconcile:2026-11-26'
let t: TestPayload
let entered: () => void
const inRun = new Promise<void>((r) => (entered = r))
let release: () => void
const held = new Promise<void>((r) => (release = r))

beforeAll(async () => {
  t = await startTestPayload({
    scheduler: {
      enabled: true,
      cron: '* * * * * *',
      jobs: ['reconcile'],
      leaseMs: 600_000,
      now: () => new Date('2026-11-25T19:00:00Z'),
      // The run stalls at its first checkpoint, as a long run would.
      onStep: async () => {
        entered()
        await held
      },
    },
  })
}, 60_000)

afterAll(async () => {
  release?.()
  await t?.cleanup()
})

it('hands a run still going at shutdown back to the other instances', { timeout: 30_000 }, async () => {
  const { payload } = t
  const scheduler = getScheduler(payload)
  await inRun
  const before = (await readSlots(payload, [slot])).get(slot)
  expect(before).toMatchObject({ status: 'running', instance: scheduler.instance, leaseExpired: false })

  const started = Date.now()
  await scheduler.stop(300)
  expect(Date.now() - started).toBeLessThan(5_000)
  const after = (await readSlots(payload, [slot])).get(slot)
  expect(after).toMatchObject({ status: 'failed', attempts: 1, leaseExpired: true })

  // Another instance takes it straight away (without the hand-back: only after 10 minutes).
  const other = await claimSlot(payload, { slot, job: 'reconcile', instance: 'other', leaseMs: 60_000, maxAttempts: 5 })
  expect(other).toEqual({ slot, attempt: 2, instance: 'other' })

  // The abandoned run wakes up, finds its claim gone and leaves the new holder's row alone.
  release()
  await new Promise((r) => setTimeout(r, 500))
  expect((await readSlots(payload, [slot])).get(slot)).toMatchObject({
    status: 'running',
    instance: 'other',
    attempts: 2,
  })
})
