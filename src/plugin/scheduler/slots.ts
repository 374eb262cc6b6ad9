import type { Payload } from 'payload'
import { SCHEDULE_SLUGS } from '../../domain/slugs'
import { ident, sql, tableOf } from '../counting/engine/sql'
import { poolRunner, type SqlRunner } from '../db/postgres'

/**
 * The slot table's state machine, each transition one SQL statement on its own connection
 * (autocommit), so it holds however many instances race:
 *
 *   (none) ──claim──▶ running ──finish──▶ done
 *                       │  ▲                (never runs again, except by the CLI, which
 *                       │  │ claim after     only reports it)
 *                 fail  ▼  │ lease/backoff
 *                      failed
 *
 * A claim inserts the row, or takes over an existing one only when it is not done and its lease
 * (running: crashed or hung holder) or back-off (failed) has run out. Postgres serialises
 * `insert … on conflict do update … where` on the row: of several instances claiming at once,
 * exactly one gets a row back. Lease times come from the database clock, so instances with
 * skewed clocks still agree on when a lease ran out.
 */
const table = () => ident(tableOf(SCHEDULE_SLUGS.jobSlots))

export function db(payload: Payload): SqlRunner {
  return poolRunner(payload, 'the scheduler')
}

export interface Claim {
  slot: string
  attempt: number
  instance: string
}

export async function claimSlot(
  payload: Payload,
  args: { slot: string; job: string; instance: string; leaseMs: number; maxAttempts: number; force?: boolean },
): Promise<Claim | null> {
  const t = table()
  const force = args.force === true
  const { rows } = await db(payload).execute(sql`
    insert into ${t} as s (slot, job, status, attempts, instance, claimed_at, lease_expires_at, updated_at, created_at)
    values (${args.slot}, ${args.job}, 'running', 1, ${args.instance}, clock_timestamp(),
            clock_timestamp() + ${args.leaseMs}::int * interval '1 millisecond', now(), now())
    on conflict (slot) do update set
      status = 'running', attempts = s.attempts + 1, instance = excluded.instance,
      claimed_at = excluded.claimed_at, lease_expires_at = excluded.lease_expires_at, finished_at = null,
      updated_at = now()
    where s.status <> 'done'
      and (s.lease_expires_at <= clock_timestamp() or (${force} and s.status = 'failed'))
      and (${force} or s.attempts < ${args.maxAttempts})
    returning attempts`)
  const attempt = rows[0]?.attempts
  return attempt === undefined ? null : { slot: args.slot, attempt: Number(attempt), instance: args.instance }
}

/** Extends our lease; false when the slot is no longer ours (it lapsed and was taken over). */
export async function renewLease(payload: Payload, claim: Claim, leaseMs: number): Promise<boolean> {
  const { rows } = await db(payload).execute(sql`
    update ${table()} set lease_expires_at = clock_timestamp() + ${leaseMs}::int * interval '1 millisecond', updated_at = now()
    where slot = ${claim.slot} and instance = ${claim.instance} and attempts = ${claim.attempt} and status = 'running'
    returning 1 as ok`)
  return rows.length === 1
}

export async function finishSlot(payload: Payload, claim: Claim, result: unknown): Promise<boolean> {
  const { rows } = await db(payload).execute(sql`
    update ${table()} set status = 'done', finished_at = clock_timestamp(), result = ${JSON.stringify(result)}::jsonb,
      last_error = null, updated_at = now()
    where slot = ${claim.slot} and instance = ${claim.instance} and attempts = ${claim.attempt} and status = 'running'
    returning 1 as ok`)
  return rows.length === 1
}

/** Records the failure; the slot may be claimed again after `retryMs` (the caller doubles it per attempt). */
export async function failSlot(payload: Payload, claim: Claim, error: string, retryMs: number): Promise<void> {
  await db(payload).execute(sql`
    update ${table()} set status = 'failed', last_error = ${error.slice(0, 4000)}, finished_at = clock_timestamp(),
      lease_expires_at = clock_timestamp() + ${Math.round(retryMs)}::int * interval '1 millisecond', updated_at = now()
    where slot = ${claim.slot} and instance = ${claim.instance} and attempts = ${claim.attempt} and status = 'running'`)
}

export interface SlotState {
  slot: string
  status: 'running' | 'done' | 'failed'
  attempts: number
  instance: string | null
  leaseExpired: boolean
  leaseExpiresAt: string | null
  claimedAt: string | null
}

export async function readSlots(payload: Payload, slots: string[]): Promise<Map<string, SlotState>> {
  if (slots.length === 0) return new Map()
  const { rows } = await db(payload).execute(sql`
    select slot, status, attempts, instance, lease_expires_at <= clock_timestamp() as expired, lease_expires_at, claimed_at
    from ${table()} where slot in (${sql.join(
      slots.map((s) => sql`${s}`),
      sql`, `,
    )})`)
  return new Map(
    rows.map((r) => [
      String(r.slot),
      {
        slot: String(r.slot),
        status: r.status as SlotState['status'],
        attempts: Number(r.attempts),
        instance: r.instance === null ? null : String(r.instance),
        leaseExpired: r.expired === true,
        leaseExpiresAt: r.lease_expires_at === null ? null : new Date(String(r.lease_expires_at)).toISOString(),
        claimedAt: r.claimed_at === null ? null : new Date(String(r.claimed_at)).toISOString(),
      },
    ]),
  )
}

/** The per-minute publishing slots pile up (1,440 a day); finished ones older than two days go. */
export async function pruneSlots(payload: Payload, job: string): Promise<number> {
  const { rows } = await db(payload).execute(sql`
    delete from ${table()} where job = ${job} and status = 'done' and finished_at < now() - interval '2 days'
    returning 1 as gone`)
  return rows.length
}
