import type { Payload } from 'payload'
import type { JobName, ParsedSlot, TimeWindow, WallTime } from '../../domain/schedule'

/** The scheduler's settings after validation (plugin option `scheduler`, see options.ts). */
export interface SchedulerSettings {
  /** Start the node-cron ticker when Payload initialises. */
  enabled: boolean
  /** The jobs this instance fires (all by default); the CLI can run any job regardless. */
  jobs: JobName[]
  /** node-cron expression of the tick, on the plan time zone's clock; every minute by default. */
  cron: string
  timeZone: string
  /** How long a claimed slot is held without a heartbeat before another instance may retry it. */
  leaseMs: number
  /** Wait before retrying a failed run; doubles with each attempt. */
  retryMs: number
  maxAttempts: number
  /** How far back a tick looks for due slots, so work missed while every instance was down still runs. */
  catchUpMs: number
  /** Deadline alerts: days before a deadline (and after it, for overdue targets). */
  alertWindowDays: number
  reportTime: WallTime
  alertTime: WallTime
  reconcileTime: WallTime
  /** The clock; tests set it to a due instant instead of waiting for one. */
  now: () => Date
  /** Called at each step of a run (tests kill the process here to prove a crashed run is retried). */
  onStep?: (step: string, slot: string) => void | Promise<void>
  /** Told what each attempted slot came to (done, failed, or skipped because another instance has it). */
  onOutcome?: (outcome: RunOutcome) => void
}

export type RunOutcome =
  | { outcome: 'done'; slot: string; attempt: number; result: Record<string, unknown> }
  | { outcome: 'failed'; slot: string; attempt: number; error: string }
  /** Another instance holds it (or it is done, or out of attempts): nothing was run. */
  | { outcome: 'skipped'; slot: string }

export interface DueSlot {
  slot: string
  fireAt: Date
}

export interface JobContext {
  payload: Payload
  settings: SchedulerSettings
  /** The full slot key being run, e.g. `quota-report:plan-7:2026-11-20`. */
  slot: string
  instance: string
  attempt: number
  /** The instant the run is for (the tick's clock, or the CLI's). */
  now: Date
  /**
   * Marks a step done: reports it to `onStep` and stops the run if another instance has taken
   * the slot over (our lease lapsed), before any further side effect.
   */
  checkpoint(step: string): Promise<void>
}

type OkSlot = Extract<ParsedSlot, { ok: true }>

/** A scheduled job: which slots fall due in a window, and how to run one (idempotently). */
export interface JobDefinition<J extends JobName = JobName> {
  name: J
  /** Vietnamese, for the CLI's help and logs. */
  title: string
  dueSlots(args: { payload: Payload; settings: SchedulerSettings; window: TimeWindow }): Promise<DueSlot[]>
  run(ctx: JobContext, slot: Extract<OkSlot, { job: J }>): Promise<Record<string, unknown>>
}
