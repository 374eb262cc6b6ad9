import type { Payload } from 'payload'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dayToInstant } from '../../src/domain/calendar'
import { countTargets, countTargetsFromLedger } from '../../src/plugin/counting/engine/read'
import { reconcile } from '../../src/plugin/counting/engine/reconcile'
import { assertInvariants, poolFor } from './helpers/groundTruth'
import { publishArticle } from './helpers/countingFixtures'
import { createUser, startTestPayload, type TestPayload } from './helpers/testPayload'

/**
 * Deleting a task or a channel while saves are in flight on it. Every writer takes its locks in
 * one order: the task's lock (shared by a save, exclusive by a task's deletion), the item's ledger
 * rows, the tallies, the first-day rows, the counters. A save in flight is simulated by a
 * transaction of our own that holds what a save holds at that point, so the interleaving is
 * exact, not left to timing. With the order broken, Postgres finds a deadlock and fails one side.
 */
type Doc = Record<string, unknown> & { id: number }

let t: TestPayload
let payload: Payload
let pool: pg.Pool
let editor: Doc

const TASK_LOCK = `hashtext('comms_quota.first_days')`

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  pool = poolFor(t.databaseUri)
  const unit = await payload.create({ collection: 'units', data: { name: 'Đơn vị', requiresReview: false } })
  editor = (await createUser(payload, { role: 'editor', unit: unit.id })) as Doc
})

afterAll(async () => {
  await pool?.end()
  await t?.cleanup()
})

/** A task with a counted article on two channels, and its first-day counts built (a report asked). */
async function taskWithCounts(code: string) {
  const channel = async (name: string) =>
    (await payload.create({
      collection: 'channels',
      data: { name: `${code} ${name}`, kind: 'social' } as never,
    })) as unknown as Doc
  const vnexpress = await channel('VnExpress')
  const social = await channel('Facebook')
  const plan = (await payload.create({ collection: 'plans', data: { code, title: 'p' } })) as unknown as Doc
  const task1 = (await payload.create({
    collection: 'tasks',
    data: {
      plan: plan.id,
      code: '1',
      title: 't',
      timeframe: { kind: 'deadline', deadline: dayToInstant('2030-12-31') },
    },
  } as never)) as unknown as Doc
  await publishArticle(
    payload,
    editor,
    `${code} A`,
    [task1],
    [
      [vnexpress, '2025-08-05'],
      [social, '2025-08-06'],
    ],
  )
  const query = {
    key: 'q',
    task: Number(task1.id),
    channels: [Number(vnexpress.id), Number(social.id)],
    contentTypes: ['articles'],
    from: '2025-01-01',
    to: '2025-12-31',
  }
  expect((await countTargets(payload, [query])).get('q')).toMatchObject({ pooled: 1 })
  return { task: task1, vnexpress, social, query }
}

/** Settles within `ms`, or says it was still waiting. */
const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p.then((value) => ({ done: true as const, value })), sleep(ms).then(() => ({ done: false as const }))])
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('deleting what saves are counting', () => {
  it('a channel is deleted without waiting for saves in flight on the tasks that use it', async () => {
    const { task, social, vnexpress, query } = await taskWithCounts('KH-DL1')
    const save = await pool.connect()
    try {
      await save.query('begin')
      // A save of an item of the task, between its task lock and its commit.
      await save.query(`select pg_advisory_xact_lock_shared(${TASK_LOCK}, $1)`, [task.id])
      const deleted = await within(payload.delete({ collection: 'channels', id: social.id }), 5000)
      expect(deleted.done).toBe(true)
      await save.query('commit')
    } finally {
      save.release()
    }
    // The specs naming the channel are gone; the counts without it still equal the ledger's.
    const { rows } = await pool.query(
      `select count(*)::int as n from comms_quota.first_day_specs where $1 = any(channels)`,
      [social.id],
    )
    expect(rows[0]?.n).toBe(0)
    const left = { ...query, channels: [Number(vnexpress.id)] }
    expect(await countTargets(payload, [left])).toEqual(await countTargetsFromLedger(payload, [left]))
    await assertInvariants(pool)
    const report = await reconcile(payload, { repair: false })
    expect(report.firstDays.drift).toEqual([])
  })

  it('a task is deleted after the saves in flight on it, which finish their writes without a deadlock', async () => {
    const { task } = await taskWithCounts('KH-DL2')
    const save = await pool.connect()
    let deletion: Promise<unknown> | undefined
    try {
      await save.query('begin')
      // The save holds the task's lock and has written its ledger rows...
      await save.query(`select pg_advisory_xact_lock_shared(${TASK_LOCK}, $1)`, [task.id])
      await save.query(`update quota_contributions set day = day where task = $1`, [task.id])
      // ...when the task is deleted: the deletion waits for the task's lock, holding no row yet.
      deletion = payload.delete({ collection: 'tasks', id: task.id })
      expect((await within(deletion, 500)).done).toBe(false)
      // The save goes on to its tallies and first-day rows, then commits.
      const flushed = within(
        (async () => {
          await save.query(`update quota_tallies set count = count where task = $1`, [task.id])
          await save.query(
            `update comms_quota.first_days set cum = cum where spec in (select key from comms_quota.first_day_specs where task = $1)`,
            [task.id],
          )
          await save.query('commit')
        })(),
        5000,
      )
      expect((await flushed).done).toBe(true)
    } finally {
      save.release()
    }
    expect((await within(deletion!, 5000)).done).toBe(true)
    const { rows } = await pool.query(
      `select (select count(*) from quota_contributions where task = $1)::int as ledger,
              (select count(*) from quota_tallies where task = $1)::int as tallies,
              (select count(*) from comms_quota.first_day_specs where task = $1)::int as specs`,
      [task.id],
    )
    expect(rows[0]).toEqual({ ledger: 0, tallies: 0, specs: 0 })
    await assertInvariants(pool)
  })

  it('a save that reaches a deleted channel after its specs were dropped leaves no count a report reads', async () => {
    const { task, vnexpress, social } = await taskWithCounts('KH-DL3')
    // A save read the task's specs (those naming the channel among them) and adds to them only
    // after the channel's deletion committed: its rows belong to no spec.
    const { rows: before } = await pool.query(
      `select key from comms_quota.first_day_specs where task = $1 and $2 = any(channels)`,
      [task.id, social.id],
    )
    expect(before.length).toBeGreaterThan(0)
    await payload.delete({ collection: 'channels', id: social.id })
    await pool.query(
      `insert into comms_quota.first_days (spec, year, cum) select key, 2025, array_fill(1, array[366]) from unnest($1::text[]) key`,
      [before.map((r) => r.key)],
    )
    // The nightly pruning removes them; the counts a report reads are the ledger's.
    const report = await reconcile(payload, { repair: true })
    expect(report.firstDays.drift).toEqual([])
    const { rows: orphans } = await pool.query(
      `select count(*)::int as n from comms_quota.first_days where spec = any($1::text[])`,
      [before.map((r) => r.key)],
    )
    expect(orphans[0]?.n).toBe(0)
    const q = {
      key: 'q',
      task: Number(task.id),
      channels: [Number(vnexpress.id)],
      contentTypes: ['articles'],
      from: '2025-01-01',
      to: '2025-12-31',
    }
    expect(await countTargets(payload, [q])).toEqual(await countTargetsFromLedger(payload, [q]))
    await publishArticle(payload, editor, 'KH-DL3 B', [task], [[vnexpress, '2025-09-01']])
    expect((await countTargets(payload, [q])).get('q')).toMatchObject({ pooled: 2 })
  })
})
