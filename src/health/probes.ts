import { randomBytes } from 'node:crypto'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { DeleteObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import type { Payload } from 'payload'
import pg from 'pg'
import type { S3Settings } from '../config/env'
import { databaseUnavailableReason, type DatabaseUnavailableReason, type PoolStats } from '../domain/databaseErrors'
import { pendingMigrations, type CheckResult } from '../domain/health'
import { lastPoolExhaustion } from '../db/resilientPg'
import { requirePool } from '../plugin/db/postgres'
import { s3ClientConfig } from '../storage/objectStorage'

/** Each probe gets this long; a hung database or bucket must not hang the load balancer's check. */
export const PROBE_TIMEOUT_MS = 3_000

export async function withTimeout(what: string, work: Promise<CheckResult>): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<CheckResult>((resolve) => {
    // setImmediate: after a long event-loop stall the timer runs before the I/O callbacks of the
    // same turn; one more turn lets an answer that has already arrived win the race.
    timer = setTimeout(
      () => setImmediate(() => resolve({ ok: false, problem: `${what} did not answer within ${PROBE_TIMEOUT_MS} ms` })),
      PROBE_TIMEOUT_MS,
    )
  })
  try {
    return await Promise.race([work, late])
  } finally {
    clearTimeout(timer)
  }
}

const adapter = (payload: Payload) => requirePool(payload, 'the health check')

const probePools = new WeakMap<Payload, pg.Pool>()

/**
 * The probes' own single connection to the primary, beside the app's pool: under heavy load the
 * app's pool has a queue, and a probe waiting in it would report a busy database as a dead one.
 * Saturation of the app's pool is reported from its counters instead (poolStats).
 */
function probePool(payload: Payload): pg.Pool {
  let pool = probePools.get(payload)
  if (!pool) {
    const { poolOptions } = adapter(payload)
    pool = new pg.Pool({ ...poolOptions, max: 1, connectionTimeoutMillis: PROBE_TIMEOUT_MS, idleTimeoutMillis: 30_000 })
    pool.on('error', (err) => payload.logger.warn({ err, msg: '[health] the probe connection failed; it reconnects' }))
    probePools.set(payload, pool)
  }
  return pool
}

/** The app's pool, as pg counts it (no query: this works when the pool is starved). */
export function poolStats(payload: Payload): PoolStats {
  const { pool } = adapter(payload)
  const exhaustedAt = lastPoolExhaustion(pool)
  return {
    total: pool.totalCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
    max: pool.options.max ?? 10,
    ...(exhaustedAt === undefined ? {} : { lastExhaustedAgoMs: Date.now() - exhaustedAt }),
  }
}

/** The primary answers. */
export async function probeDatabase(payload: Payload): Promise<CheckResult> {
  try {
    await probePool(payload).query('select 1 as ok')
    return { ok: true }
  } catch (err) {
    payload.logger.error({ err, msg: '[health] database not reachable' })
    return { ok: false, problem: 'not reachable' }
  }
}

/**
 * Why the database cannot serve right now, or null when it answers (or is merely slow: after
 * `timeoutMs` we do not know, and say nothing). Used on error paths only.
 */
export async function databaseDownReason(
  payload: Payload,
  timeoutMs = 1_000,
): Promise<DatabaseUnavailableReason | null> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => setImmediate(() => resolve(null)), timeoutMs)
  })
  const probe = probePool(payload)
    .query('select 1 as ok')
    .then(
      () => null,
      (err: unknown) => databaseUnavailableReason(err),
    )
  try {
    return await Promise.race([probe, late])
  } finally {
    clearTimeout(timer)
  }
}

/** Every migration this code ships has run (an instance of newer code before `migrate` must not get traffic). */
export async function probeMigrations(payload: Payload, expected: readonly string[]): Promise<CheckResult> {
  let applied: string[]
  try {
    const { rows } = await probePool(payload).query<{ name: string }>('select name from payload_migrations')
    applied = rows.map((r) => String(r.name))
  } catch (err) {
    payload.logger.error({ err, msg: '[health] could not read payload_migrations' })
    return { ok: false, problem: 'the migrations table cannot be read' }
  }
  const pending = pendingMigrations(expected, applied)
  if (pending.length > 0) return { ok: false, problem: `${pending.length} pending (${pending.join(', ')})` }
  return { ok: true, detail: `${expected.length} applied` }
}

/** A storage probe writes a small object and deletes it again. */
export type StorageProbe = (payload: Payload) => Promise<CheckResult>

export function storageProbe(target: { s3: S3Settings | null; uploadsDir: string }): StorageProbe {
  const { s3, uploadsDir } = target
  const name = () => `.health/${process.pid}-${randomBytes(6).toString('hex')}`
  if (s3) {
    let client: S3Client | undefined
    return async (payload) => {
      client ??= new S3Client(s3ClientConfig(s3))
      const key = name()
      try {
        await client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: key, Body: 'ok', ContentType: 'text/plain' }))
        await client.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: key }))
        return { ok: true, detail: 's3' }
      } catch (err) {
        payload.logger.error({ err, msg: `[health] bucket ${s3.bucket} not writable` })
        return { ok: false, problem: 'the bucket is not writable' }
      }
    }
  }
  return async (payload) => {
    const file = path.join(uploadsDir, name())
    try {
      await mkdir(path.dirname(file), { recursive: true })
      await writeFile(file, 'ok')
      await rm(file, { force: true })
      return { ok: true, detail: 'local disk' }
    } catch (err) {
      payload.logger.error({ err, msg: `[health] uploads folder ${uploadsDir} not writable` })
      return { ok: false, problem: 'the uploads folder is not writable' }
    }
  }
}
