import { postgresAdapter } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'
import { describe, expect, it, vi } from 'vitest'
import {
  assertPostgresAdapter,
  findPool,
  hasReadReplicas,
  inTransaction,
  poolRunner,
  requestOrPoolRunner,
  requestRunner,
  requestSession,
  requirePool,
  type SqlRunner,
} from '../../src/plugin/db/postgres'

// Fakes shaped like the adapters' own objects, only the fields the module reads: the module takes
// Pick<Payload, 'db'>, and the cast stands in for the rest of an adapter nobody reads here.
const withDb = (db: Record<string, unknown>) => ({ db }) as unknown as Pick<Payload, 'db'>
const runner = (name: string): SqlRunner & { name: string } => ({
  name,
  execute: async () => ({ rows: [] }),
})

describe('assertPostgresAdapter', () => {
  it('accepts the adapter @payloadcms/db-postgres builds (not connected)', () => {
    const db = postgresAdapter({ pool: { connectionString: 'postgres://unused@127.0.0.1:1/unused' } }).init({
      payload: {} as Payload,
    })
    // Cast: db-postgres's adapter type and Payload's DatabaseAdapter disagree on beginTransaction's options.
    expect(() => assertPostgresAdapter({ db } as unknown as Pick<Payload, 'db'>)).not.toThrow()
  })

  it('names the adapter in use when it is another one', () => {
    expect(() => assertPostgresAdapter(withDb({ name: 'mongoose', packageName: '@payloadcms/db-mongodb' }))).toThrow(
      '[comms-quota] needs @payloadcms/db-postgres; this config uses @payloadcms/db-mongodb',
    )
    expect(() => assertPostgresAdapter(withDb({ name: 'sqlite', packageName: '@payloadcms/db-sqlite' }))).toThrow(
      'this config uses @payloadcms/db-sqlite',
    )
  })

  it('refuses the other Postgres adapters too: the pool and sessions it reads are db-postgres’s', () => {
    expect(() =>
      assertPostgresAdapter(withDb({ name: 'postgres', packageName: '@payloadcms/db-vercel-postgres' })),
    ).toThrow('this config uses @payloadcms/db-vercel-postgres')
  })

  it('falls back to the adapter’s name, then to saying it has none', () => {
    expect(() => assertPostgresAdapter(withDb({ name: 'custom' }))).toThrow('this config uses custom')
    expect(() => assertPostgresAdapter(withDb({}))).toThrow('this config uses an unnamed database adapter')
  })
})

describe('requestSession / requestRunner', () => {
  const session = { db: runner('tx'), resolve: async () => {}, reject: async () => {} }
  const payload = withDb({ sessions: { 'tx-1': session }, drizzle: runner('pool') })

  it('finds the session of the request’s transaction, the same object each time', async () => {
    const req: Partial<PayloadRequest> = { transactionID: 'tx-1' }
    expect(await requestSession(payload, req)).toBe(session)
    expect(await requestSession(payload, req)).toBe(session)
    expect(await requestRunner(payload, req)).toBe(session.db)
  })

  it('waits for a transaction that is still being started (transactionID is then a promise)', async () => {
    const req: Partial<PayloadRequest> = { transactionID: Promise.resolve('tx-1') }
    expect(await requestRunner(payload, req)).toBe(session.db)
  })

  it('has nothing without a transaction, or once it has ended', async () => {
    expect(await requestSession(payload, undefined)).toBeUndefined()
    expect(await requestSession(payload, {})).toBeUndefined()
    expect(await requestSession(payload, { transactionID: 'tx-gone' })).toBeUndefined()
    expect(await requestSession(withDb({}), { transactionID: 'tx-1' })).toBeUndefined()
  })

  it('falls back to the pool outside a transaction', async () => {
    expect(await requestOrPoolRunner(payload, { transactionID: 'tx-1' })).toBe(session.db)
    expect((await requestOrPoolRunner(payload, {})) as { name?: string }).toMatchObject({ name: 'pool' })
  })
})

describe('poolRunner', () => {
  it('says which part needs Postgres when there is no drizzle handle', () => {
    expect(() => poolRunner(withDb({}), 'the scheduler')).toThrow(
      '[comms-quota] the scheduler needs the Postgres adapter (payload.db.drizzle)',
    )
  })
})

describe('inTransaction', () => {
  const adapter = (begun: string | null, withSession = true) => {
    const db = {
      beginTransaction: vi.fn(async () => begun),
      commitTransaction: vi.fn(async () => {}),
      rollbackTransaction: vi.fn(async () => {}),
      sessions: withSession && begun !== null ? { [begun]: { db: runner('own') } } : {},
    }
    return { db, payload: withDb(db) }
  }

  it('commits what the work did and returns its result', async () => {
    const { db, payload } = adapter('t1')
    const seen = await inTransaction(payload, 'reconciliation', async (tx) => (tx as { name?: string }).name)
    expect(seen).toBe('own')
    expect(db.commitTransaction).toHaveBeenCalledWith('t1')
    expect(db.rollbackTransaction).not.toHaveBeenCalled()
  })

  it('rolls back and rethrows when the work throws', async () => {
    const { db, payload } = adapter('t1')
    const boom = new Error('boom')
    await expect(inTransaction(payload, 'reconciliation', () => Promise.reject(boom))).rejects.toBe(boom)
    expect(db.rollbackTransaction).toHaveBeenCalledWith('t1')
    expect(db.commitTransaction).not.toHaveBeenCalled()
  })

  it('refuses to run without a transaction (transactions turned off)', async () => {
    const { payload } = adapter(null)
    const work = vi.fn(async () => 1)
    await expect(inTransaction(payload, 'reconciliation', work)).rejects.toThrow(
      '[comms-quota] reconciliation needs a database transaction',
    )
    expect(work).not.toHaveBeenCalled()
  })

  it('does not leave a begun transaction open when its session cannot be found', async () => {
    const { db, payload } = adapter('t1', false)
    await expect(inTransaction(payload, 'reconciliation', async () => 1)).rejects.toThrow(
      'needs a database transaction',
    )
    expect(db.rollbackTransaction).toHaveBeenCalledWith('t1')
  })
})

describe('pool and read replicas', () => {
  it('finds the pool, or nothing on another adapter', () => {
    const pool = { totalCount: 0 }
    expect(findPool(withDb({ pool }))).toBe(pool)
    expect(findPool(withDb({}))).toBeUndefined()
  })

  it('requirePool needs the pool and the settings it was made with', () => {
    const pool = { totalCount: 0 }
    const poolOptions = { connectionString: 'postgres://x' }
    expect(requirePool(withDb({ pool, poolOptions }), 'the health check')).toEqual({ pool, poolOptions })
    expect(() => requirePool(withDb({ pool }), 'the health check')).toThrow(
      'the health check needs the Postgres adapter (payload.db.pool)',
    )
  })

  it('sees read replicas only when some are configured', () => {
    expect(hasReadReplicas(withDb({}))).toBe(false)
    expect(hasReadReplicas(withDb({ readReplicaOptions: [] }))).toBe(false)
    expect(hasReadReplicas(withDb({ readReplicaOptions: ['postgres://replica'] }))).toBe(true)
  })
})
