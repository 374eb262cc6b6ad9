import { describe, expect, it } from 'vitest'
import { databaseUnavailableReason, poolVerdict, retryAfterSeconds } from '../../src/domain/databaseErrors'
import { databaseTimeouts } from '../../src/config/env'

describe('databaseUnavailableReason', () => {
  it('reads pg-pool’s acquire timeout as an exhausted pool', () => {
    expect(databaseUnavailableReason(new Error('timeout exceeded when trying to connect'))).toBe('pool-exhausted')
  })

  it('reads a server that is down, restarting or full as unreachable', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })
    expect(databaseUnavailableReason(refused)).toBe('unreachable')
    for (const code of ['57P01', '57P03', '53300', '08006'])
      expect(databaseUnavailableReason(Object.assign(new Error('x'), { code }))).toBe('unreachable')
    expect(databaseUnavailableReason(new Error('Connection terminated unexpectedly'))).toBe('unreachable')
  })

  it('reads statement and idle-in-transaction timeouts as timeouts', () => {
    expect(databaseUnavailableReason(Object.assign(new Error('canceling statement'), { code: '57014' }))).toBe(
      'timeout',
    )
    expect(databaseUnavailableReason(Object.assign(new Error('terminating'), { code: '25P03' }))).toBe('timeout')
  })

  it('follows causes, as drizzle and Payload wrap the driver’s error', () => {
    const inner = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
    const drizzle = new Error('Failed query: select 1', { cause: inner })
    expect(databaseUnavailableReason(new Error('outer', { cause: drizzle }))).toBe('unreachable')
  })

  it('reads Payload’s "cannot begin transaction" wrapper, which keeps only the message', () => {
    expect(
      databaseUnavailableReason(new Error('Error: cannot begin transaction: timeout exceeded when trying to connect')),
    ).toBe('pool-exhausted')
    expect(
      databaseUnavailableReason(new Error('Error: cannot begin transaction: connect ECONNREFUSED 127.0.0.1:5432')),
    ).toBe('unreachable')
  })

  it('leaves every other error alone: bad input and bugs are not the database being away', () => {
    expect(databaseUnavailableReason(new Error('The following field is invalid: title'))).toBeNull()
    expect(databaseUnavailableReason(Object.assign(new Error('dup'), { code: '23505' }))).toBeNull()
    expect(databaseUnavailableReason(Object.assign(new Error('bad'), { code: '22P02' }))).toBeNull()
    expect(databaseUnavailableReason(undefined)).toBeNull()
    expect(databaseUnavailableReason('timeout exceeded when trying to connect')).toBeNull()
  })

  it('stops on a cause cycle', () => {
    const a: { message: string; cause?: unknown } = { message: 'a' }
    a.cause = a
    expect(databaseUnavailableReason(a)).toBeNull()
  })

  it('asks for a longer wait when the server is away than when the pool is busy', () => {
    expect(retryAfterSeconds('unreachable')).toBeGreaterThan(retryAfterSeconds('pool-exhausted'))
  })
})

describe('poolVerdict', () => {
  const stats = { total: 10, idle: 0, waiting: 12, max: 10 }
  it('is fine under load: every connection busy and requests queued, but none refused', () => {
    expect(poolVerdict(stats)).toEqual({ ok: true, detail: '10/10 busy, 0 idle, 12 waiting' })
  })

  it('is starved while requests were refused for lack of a connection within the last 30 s', () => {
    expect(poolVerdict({ ...stats, lastExhaustedAgoMs: 4_200 })).toEqual({
      ok: false,
      problem:
        'starved: 10/10 busy, 0 idle, 12 waiting; a request got no connection within the acquire timeout 4 s ago',
    })
    expect(poolVerdict({ ...stats, lastExhaustedAgoMs: 30_000 }).ok).toBe(false)
  })

  it('recovers once no request has been refused for 30 s', () => {
    expect(poolVerdict({ total: 3, idle: 2, waiting: 0, max: 10, lastExhaustedAgoMs: 30_001 })).toEqual({
      ok: true,
      detail: '1/10 busy, 2 idle, 0 waiting',
    })
  })
})

describe('databaseTimeouts', () => {
  it('has defaults that never wait forever', () => {
    expect(databaseTimeouts({})).toEqual({ acquireMs: 10_000, statementMs: 60_000, idleInTransactionMs: 60_000 })
  })

  it('takes whole milliseconds; 0 turns the Postgres-side limits off but never the acquire timeout', () => {
    expect(
      databaseTimeouts({
        DATABASE_ACQUIRE_TIMEOUT_MS: '500',
        DATABASE_STATEMENT_TIMEOUT_MS: '0',
        DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '0',
      }),
    ).toEqual({ acquireMs: 500, statementMs: 0, idleInTransactionMs: 0 })
    expect(() => databaseTimeouts({ DATABASE_ACQUIRE_TIMEOUT_MS: '0' })).toThrow(/DATABASE_ACQUIRE_TIMEOUT_MS/)
    expect(() => databaseTimeouts({ DATABASE_STATEMENT_TIMEOUT_MS: '1.5' })).toThrow(/DATABASE_STATEMENT_TIMEOUT_MS/)
    expect(() => databaseTimeouts({ DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: 'soon' })).toThrow(/"soon"/)
  })
})
