import fc from 'fast-check'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stepVector, YEAR_DAYS } from '../../src/domain/firstDays'
import { startTestPayload, type TestPayload } from './helpers/testPayload'

/**
 * The store's writes in SQL (`comms_quota.add_steps` and `add_year_steps`, created at start-up)
 * held to the domain's definition of what steps stand for (`stepVector`). The model test checks
 * reports end to end; this pins the boundaries (day 1, day 366, several steps, a step down) and
 * the two paths a single writer never takes: a row another transaction holds, and a row another
 * transaction inserted after this statement's snapshot.
 */
let t: TestPayload
let pool: pg.Pool

beforeAll(async () => {
  t = await startTestPayload()
  // Two writers in their own transactions, and a third connection that watches them.
  pool = new pg.Pool({ connectionString: t.databaseUri, max: 3 })
})

afterAll(async () => {
  await pool?.end()
  await t?.cleanup()
})

const stored = async (spec: string, year: number): Promise<number[] | undefined> => {
  const { rows } = await pool.query<{ cum: number[] }>(
    'select cum from comms_quota.first_days where spec = $1 and year = $2',
    [spec, year],
  )
  return rows[0]?.cum
}

const addYearSteps = (db: pg.Pool | pg.PoolClient, spec: string, days: number[], deltas: number[]) =>
  db.query<{ spec: string; year: number; ok: boolean }>(
    'select spec, year, ok from comms_quota.add_year_steps($1::text[], $2::int[], $3::int[], $4::int[])',
    [days.map(() => spec), days.map(() => 2025), days, deltas],
  )

const plus = (a: readonly number[], b: readonly number[]) => a.map((x, i) => x + b[i]!)

/** Resolves once a backend of the pool waits for a lock (the other transaction's row). */
async function untilWaiting(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await pool.query<{ n: number }>(
      `select count(*)::int as n from pg_locks where not granted and pid <> pg_backend_pid()`,
    )
    if ((rows[0]?.n ?? 0) > 0) return
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error('the second writer never waited for the first')
}

type Steps = { days: number[]; deltas: number[] }

/**
 * The first writer steps the row in its open transaction; the second starts its write, which must
 * wait for the first; the first commits; the second's write then completes (every row it leaves
 * >= 0) and commits.
 */
async function interleave(spec: string, first: Steps, second: Steps): Promise<void> {
  const a = await pool.connect()
  const b = await pool.connect()
  try {
    await a.query('begin')
    await addYearSteps(a, spec, first.days, first.deltas)
    await b.query('begin')
    const waiting = addYearSteps(b, spec, second.days, second.deltas)
    await untilWaiting()
    await a.query('commit')
    expect((await waiting).rows).toEqual([{ spec, year: 2025, ok: true }])
    await b.query('commit')
  } finally {
    a.release()
    b.release()
  }
}

describe('first-day writes in SQL', () => {
  it('add_steps adds exactly the vector the steps stand for, from day 1 to day 366', async () => {
    const steps = fc
      .uniqueArray(fc.integer({ min: 1, max: YEAR_DAYS }), { maxLength: 6 })
      .map((days) => days.sort((a, b) => a - b))
      .chain((days) =>
        fc.record({
          days: fc.constant(days),
          deltas: fc.array(
            fc.integer({ min: -3, max: 3 }).filter((d) => d !== 0),
            {
              minLength: days.length,
              maxLength: days.length,
            },
          ),
        }),
      )
    const base = fc.array(fc.integer({ min: -5, max: 50 }), { minLength: YEAR_DAYS, maxLength: YEAR_DAYS })
    await fc.assert(
      fc.asyncProperty(base, steps, async (v, s) => {
        const { rows } = await pool.query<{ v: number[] }>(
          'select comms_quota.add_steps($1::int[], $2::int[], $3::int[]) as v',
          [v, s.days, s.deltas],
        )
        expect(rows[0]?.v).toEqual(plus(v, stepVector(s)))
      }),
      { numRuns: 150 },
    )
  })

  it('add_year_steps steps a row that exists, inserts one that does not, and flags a row left below zero', async () => {
    const spec = 'test-writes/a'
    expect((await addYearSteps(pool, spec, [1, 366], [2, 1])).rows).toEqual([{ spec, year: 2025, ok: true }])
    expect(await stored(spec, 2025)).toEqual(stepVector({ days: [1, 366], deltas: [2, 1] }))
    expect((await addYearSteps(pool, spec, [100], [-1])).rows).toEqual([{ spec, year: 2025, ok: true }])
    expect(await stored(spec, 2025)).toEqual(stepVector({ days: [1, 100, 366], deltas: [2, -1, 1] }))
    // Below zero from day 200 on: written, and reported so that the caller fails the save (I3).
    expect((await addYearSteps(pool, spec, [200], [-2])).rows).toEqual([{ spec, year: 2025, ok: false }])
  })

  it('a row another transaction steps: the second writer waits and adds to what the first committed', async () => {
    const spec = 'test-writes/b'
    await addYearSteps(pool, spec, [10], [1])
    await interleave(spec, { days: [20], deltas: [1] }, { days: [30], deltas: [2] })
    expect(await stored(spec, 2025)).toEqual(stepVector({ days: [10, 20, 30], deltas: [1, 1, 2] }))
  })

  it('a row another transaction inserted after the snapshot: the conflict adds to it', async () => {
    const spec = 'test-writes/c'
    await interleave(spec, { days: [5], deltas: [1] }, { days: [7, 300], deltas: [3, -1] })
    expect(await stored(spec, 2025)).toEqual(stepVector({ days: [5, 7, 300], deltas: [1, 3, -1] }))
  })
})
