import { randomBytes } from 'node:crypto'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { DeleteObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import type { Payload } from 'payload'
import type { S3Settings } from '../config/env'
import { databaseUnavailableReason, type PoolStats } from '../domain/databaseErrors'
import { pendingMigrations, type CheckResult } from '../domain/health'
import { sql, type SqlRunner } from '../plugin/engine/sql'
import { s3ClientConfig } from '../storage/objectStorage'

/** Each probe gets this long; a hung database or bucket must not hang the load balancer's check. */
export const PROBE_TIMEOUT_MS = 3_000

export async function withTimeout(what: string, work: Promise<CheckResult>): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, problem: `${what} did not answer within ${PROBE_TIMEOUT_MS} ms`, cause: 'timeout' }),
      PROBE_TIMEOUT_MS,
    )
  })
  try {
    return await Promise.race([work, late])
  } finally {
    clearTimeout(timer)
  }
}

function primary(payload: Payload): SqlRunner {
  const drizzle = (payload.db as unknown as { drizzle?: SqlRunner }).drizzle
  if (!drizzle) throw new Error('the health check needs the Postgres adapter (payload.db.drizzle)')
  return drizzle
}

interface PgPoolCounts {
  totalCount: number
  idleCount: number
  waitingCount: number
  options: { max?: number }
}

/** The primary pool's counts as pg keeps them (no query: this works when the pool is starved). */
export function poolStats(payload: Payload): PoolStats {
  const pool = (payload.db as unknown as { pool?: PgPoolCounts }).pool
  if (!pool) throw new Error('the health check needs the Postgres adapter (payload.db.pool)')
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 }
}

/** The primary answers (execute always goes to the primary, also with read replicas). */
export async function probeDatabase(payload: Payload): Promise<CheckResult> {
  try {
    await primary(payload).execute(sql`select 1 as ok`)
    return { ok: true }
  } catch (err) {
    if (databaseUnavailableReason(err) === 'pool-exhausted')
      return { ok: false, problem: 'no free connection in the pool', cause: 'pool-exhausted' }
    payload.logger.error({ err, msg: '[health] database not reachable' })
    return { ok: false, problem: 'not reachable' }
  }
}

/** Every migration this code ships has run (an instance of newer code before `migrate` must not get traffic). */
export async function probeMigrations(payload: Payload, expected: readonly string[]): Promise<CheckResult> {
  let applied: string[]
  try {
    const { rows } = await primary(payload).execute(sql`select name from payload_migrations`)
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
