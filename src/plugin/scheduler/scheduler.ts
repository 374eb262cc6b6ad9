import { randomBytes } from 'node:crypto'
import os from 'node:os'
import cron, { type ScheduledTask } from 'node-cron'
import type { Payload } from 'payload'
import { parseSlot, type JobName } from '../../domain/schedule'
import { JOBS } from './registry'
import { claimSlot, failSlot, finishSlot, readSlots, renewLease, type Claim } from './slots'
import type { DueSlot, JobContext, JobDefinition, RunOutcome, SchedulerSettings } from './types'

export type { RunOutcome } from './types'

export class SlotLostError extends Error {
  constructor(slot: string) {
    super(`[comms-quota] lost the claim on ${slot} (its lease ran out and another instance took it over)`)
    this.name = 'SlotLostError'
  }
}

const errorText = (err: unknown) => (err instanceof Error ? (err.stack ?? err.message) : String(err))

/**
 * Fires scheduled work on every instance that runs it, and makes each period run once: on a
 * tick it lists the slots due in the catch-up window (per job, from the pure rules in
 * src/domain/schedule.ts), skips the ones already done and runs each one it manages to claim.
 * A claimed run renews its lease while it works, so only a dead or hung instance loses it.
 */
export class Scheduler {
  readonly instance = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`
  private task: ScheduledTask | null = null
  private ticking: Promise<unknown> | null = null
  /** The run in progress on this instance, so a shutdown can hand its slot back. */
  private active: { claim: Claim; abandon(): void } | null = null

  constructor(
    readonly payload: Payload,
    readonly settings: SchedulerSettings,
  ) {}

  /** Starts the node-cron ticker (on the plan time zone's clock); idempotent. */
  start(): void {
    if (this.task) return
    this.task = cron.schedule(this.settings.cron, () => this.tickSafely(), {
      name: `comms-quota-scheduler:${this.instance}`,
      timezone: this.settings.timeZone,
      noOverlap: true,
    })
    this.payload.logger.info({
      msg: `[scheduler] started on ${this.instance}: ${this.settings.jobs.join(', ')} (tick ${this.settings.cron}, ${this.settings.timeZone})`,
    })
  }

  /**
   * Stops ticking and waits (up to `graceMs`) for a run in progress. A run still going then is
   * abandoned (it stops at its next checkpoint) and its slot handed back as failed with no
   * back-off, so another instance takes it on its next tick instead of after the lease.
   */
  async stop(graceMs = 10_000): Promise<void> {
    const task = this.task
    this.task = null
    if (task) {
      await task.stop()
      await task.destroy()
    }
    if (this.ticking) {
      let timer: NodeJS.Timeout | undefined
      const finished = await Promise.race([
        this.ticking.then(() => true),
        new Promise<false>((r) => (timer = setTimeout(() => r(false), graceMs))),
      ])
      clearTimeout(timer)
      const active = this.active
      if (!finished && active) {
        active.abandon()
        try {
          await failSlot(this.payload, active.claim, 'the instance shut down before the run finished', 0)
          this.payload.logger.warn({
            msg: `[scheduler] shutting down: handed ${active.claim.slot} back for another instance`,
          })
        } catch (err) {
          // Its lease still runs out, after which another instance retries it.
          this.payload.logger.error({ err, msg: `[scheduler] could not hand ${active.claim.slot} back on shutdown` })
        }
      }
    }
  }

  get running(): boolean {
    return this.task !== null
  }

  private tickSafely(): Promise<unknown> {
    if (this.ticking) return this.ticking
    this.ticking = this.tick()
      .catch((err: unknown) => this.payload.logger.error({ err, msg: '[scheduler] tick failed' }))
      .finally(() => {
        this.ticking = null
      })
    return this.ticking
  }

  /** Runs everything due at `now` that no instance has done yet. Returns what happened per slot. */
  async tick(now: Date = this.settings.now()): Promise<RunOutcome[]> {
    const window = { after: new Date(now.getTime() - this.settings.catchUpMs), upTo: now }
    const due: Array<DueSlot & { job: JobDefinition }> = []
    for (const name of this.settings.jobs) {
      const job = JOBS[name] as JobDefinition
      try {
        for (const d of await job.dueSlots({ payload: this.payload, settings: this.settings, window }))
          due.push({ ...d, job })
      } catch (err) {
        this.payload.logger.error({ err, msg: `[scheduler] could not list the due slots of ${name}` })
      }
    }
    due.sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime())
    const states = await readSlots(
      this.payload,
      due.map((d) => d.slot),
    )
    const outcomes: RunOutcome[] = []
    for (const d of due) {
      const state = states.get(d.slot)
      if (state?.status === 'done' || (state && !state.leaseExpired)) continue
      const outcome = await this.runSlot(d.job.name, d.slot, { now })
      this.settings.onOutcome?.(outcome)
      outcomes.push(outcome)
    }
    return outcomes
  }

  /**
   * Claims and runs one slot. `force` (the CLI) also retries a failed slot at once and past the
   * attempt limit; it never takes a slot another instance holds, and never re-runs a done one.
   */
  async runSlot(name: JobName, slotText: string, options: { now?: Date; force?: boolean } = {}): Promise<RunOutcome> {
    const parsed = parseSlot(name, slotText)
    if (!parsed.ok) throw new RangeError(parsed.message)
    const job = JOBS[name] as JobDefinition
    const { payload, settings } = this
    const claim = await claimSlot(payload, {
      slot: parsed.slot,
      job: name,
      instance: this.instance,
      leaseMs: settings.leaseMs,
      maxAttempts: settings.maxAttempts,
      force: options.force,
    })
    if (!claim) return { outcome: 'skipped', slot: parsed.slot }
    let lost = false
    const heartbeat = setInterval(
      () => {
        renewLease(payload, claim, settings.leaseMs).then(
          (ours) => {
            if (!ours) lost = true
          },
          (err: unknown) =>
            payload.logger.error({ err, msg: `[scheduler] could not renew the lease on ${claim.slot}` }),
        )
      },
      Math.max(250, Math.floor(settings.leaseMs / 3)),
    )
    heartbeat.unref()
    this.active = {
      claim,
      abandon: () => {
        lost = true
        clearInterval(heartbeat)
      },
    }
    const ctx: JobContext = {
      payload,
      settings,
      slot: claim.slot,
      instance: this.instance,
      attempt: claim.attempt,
      now: options.now ?? settings.now(),
      async checkpoint(step) {
        await settings.onStep?.(step, claim.slot)
        if (lost) throw new SlotLostError(claim.slot)
      },
    }
    try {
      const result = await job.run(ctx, parsed as never)
      clearInterval(heartbeat)
      if (!(await finishSlot(payload, claim, result))) throw new SlotLostError(claim.slot)
      payload.logger.info({ msg: `[scheduler] ${claim.slot} done (attempt ${claim.attempt})`, result })
      return { outcome: 'done', slot: claim.slot, attempt: claim.attempt, result }
    } catch (err) {
      clearInterval(heartbeat)
      return this.recordFailure(claim, err)
    } finally {
      this.active = null
    }
  }

  private async recordFailure(claim: Claim, err: unknown): Promise<RunOutcome> {
    const { payload, settings } = this
    const retryMs = settings.retryMs * 2 ** Math.max(0, claim.attempt - 1)
    const lastTry = claim.attempt >= settings.maxAttempts
    payload.logger.error({
      err,
      msg: `[scheduler] ${claim.slot} failed (attempt ${claim.attempt}/${settings.maxAttempts})${lastTry ? '; no more automatic retries, run it by hand with npm run job' : `; retry in ${Math.round(retryMs / 1000)} s`}`,
    })
    try {
      await failSlot(payload, claim, errorText(err), retryMs)
    } catch (failErr) {
      // The lease still expires on its own, so the slot is retried anyway.
      payload.logger.error({ err: failErr, msg: `[scheduler] could not record the failure of ${claim.slot}` })
    }
    return { outcome: 'failed', slot: claim.slot, attempt: claim.attempt, error: errorText(err) }
  }
}

const schedulers = new WeakMap<Payload, Scheduler>()

/** The scheduler of a Payload instance (created on first use with the plugin's settings). */
export function getScheduler(payload: Payload): Scheduler {
  let s = schedulers.get(payload)
  if (!s) {
    const custom = payload.config.custom as { commsQuota?: { scheduler?: SchedulerSettings } } | undefined
    const settings = custom?.commsQuota?.scheduler
    if (!settings)
      throw new Error('[comms-quota] the scheduler settings are missing: is commsQuotaPlugin in the config?')
    s = new Scheduler(payload, settings)
    schedulers.set(payload, s)
  }
  return s
}

/**
 * Starts the ticker and ties it to Payload's life: `payload.destroy()` stops Payload's own crons,
 * so the scheduler registers itself among them and stops (waiting for a run in progress) there.
 */
export function startScheduler(payload: Payload): Scheduler {
  const s = getScheduler(payload)
  if (s.running) return s
  s.start()
  // payload.crons holds croner instances, of which destroy() only calls stop(); ours has that.
  ;(payload.crons as unknown as Array<{ stop(): Promise<void> }>).push({ stop: () => s.stop() })
  return s
}

export async function stopScheduler(payload: Payload): Promise<void> {
  await schedulers.get(payload)?.stop()
}
