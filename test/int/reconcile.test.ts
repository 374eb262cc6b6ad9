import type { Payload } from 'payload'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dayToInstant } from '../../src/domain/calendar'
import {
  countDistinctByChannel,
  countDistinctItems,
  countLateItems,
  countTargets,
  countTargetsFromLedger,
  readTallies,
} from '../../src/plugin/counting/engine/read'
import { specKey, targetPrefixes } from '../../src/domain/firstDays'
import { reconcile } from '../../src/plugin/counting/engine/reconcile'
import { assertInvariants, poolFor, storedTallies } from './helpers/groundTruth'
import { createUser, startTestPayload, type TestPayload } from './helpers/testPayload'
import { createCountingFixtures, publishArticle } from './helpers/countingFixtures'

type Doc = Record<string, unknown> & { id: number }

let t: TestPayload
let payload: Payload
let pool: pg.Pool
let editor: Doc
let vnexpress: Doc
let social: Doc
let task: Doc
let other: Doc

const as = (user: Doc) => ({ user, overrideAccess: false as const })
const publish = (title: string, tasks: Doc[], pubs: Array<[Doc, string]>) =>
  publishArticle(payload, editor, title, tasks, pubs)

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  pool = poolFor(t.databaseUri)
  const unit = await payload.create({ collection: 'units', data: { name: 'Đơn vị', requiresReview: false } })
  editor = (await createUser(payload, { role: 'editor', unit: unit.id })) as Doc
  // The fixtures' home channel gets its own row dated today; the checks below look at the others.
  ;({
    vnexpress,
    social,
    task1: task,
    task2: other,
  } = await createCountingFixtures(payload, {
    planCode: 'KH-R',
    deadline: '2025-08-30',
  }))
  await publish(
    'a1',
    [task],
    [
      [vnexpress, '2025-08-01'],
      [social, '2025-08-02'],
    ],
  )
  await publish('a2', [task, other], [[vnexpress, '2025-08-10']])
  await publish('a3', [task], [[social, '2025-09-05']]) // after the deadline only: late
  await publish(
    'a4',
    [task],
    [
      [vnexpress, '2025-07-15'],
      [social, '2025-09-01'],
    ],
  ) // on time on one channel
})

afterAll(async () => {
  await pool?.end()
  await t?.cleanup()
})

describe('read API', () => {
  it('pooled: distinct items across channels inside the window', async () => {
    const n = await countDistinctItems(payload, {
      tasks: [task.id, other.id],
      channels: [vnexpress.id, social.id],
      contentTypes: ['articles'],
      from: '2025-07-01',
      to: '2025-08-30',
    })
    expect(Object.fromEntries(n)).toEqual({ [task.id]: 3, [other.id]: 1 })
  })
  it('per channel, and an empty channel list counts nothing', async () => {
    const rows = await countDistinctByChannel(payload, {
      tasks: [task.id],
      channels: [vnexpress.id, social.id],
      from: '2025-07-01',
      to: '2025-08-30',
    })
    expect(rows).toEqual([
      { task: task.id, channel: vnexpress.id, count: 3 },
      { task: task.id, channel: social.id, count: 1 },
    ])
    expect(Object.fromEntries(await countDistinctItems(payload, { tasks: [task.id], channels: [] }))).toEqual({
      [task.id]: 0,
    })
  })
  it('the batched reader gives every target the same numbers as the one-target readers', async () => {
    const channelSets = [[vnexpress.id, social.id], [vnexpress.id], [social.id], []]
    const windows = [
      ['2025-07-01', '2025-08-30'],
      ['2025-07-16', '2025-09-30'],
      ['2025-01-01', '2025-07-15'],
    ] as const
    const queries = [task.id, other.id].flatMap((tk) =>
      channelSets.flatMap((channels, ci) =>
        windows.map(([from, to], wi) => ({
          key: `${tk}-${ci}-${wi}`,
          task: tk,
          channels,
          contentTypes: ['articles'],
          from,
          to,
          deadline: to,
          lateTo: '2025-12-31',
        })),
      ),
    )
    const batched = await countTargets(payload, queries)
    for (const q of queries) {
      const filter = { tasks: [q.task], channels: q.channels, contentTypes: q.contentTypes, from: q.from, to: q.to }
      const one = {
        pooled: (await countDistinctItems(payload, filter)).get(q.task) ?? 0,
        byChannel: (await countDistinctByChannel(payload, filter)).map((r) => ({ channel: r.channel, count: r.count })),
        late:
          (
            await countLateItems(payload, {
              tasks: [q.task],
              channels: q.channels,
              contentTypes: q.contentTypes,
              deadline: q.deadline,
              to: q.lateTo,
            })
          ).get(q.task) ?? 0,
      }
      expect(batched.get(q.key), q.key).toEqual(one)
    }
    expect([...batched.values()].some((c) => c.pooled > 0 && c.late > 0)).toBe(true)
  })
  it('late: items whose only publications on the channels are after the deadline', async () => {
    const late = await countLateItems(payload, {
      tasks: [task.id],
      channels: [vnexpress.id, social.id],
      deadline: '2025-08-30',
    })
    expect(late.get(task.id)).toBe(1)
  })
  it('tallies by day', async () => {
    const rows = await readTallies(payload, {
      tasks: [task.id],
      channels: [vnexpress.id],
      from: '2025-08-01',
      to: '2025-08-31',
    })
    expect(rows.map((r) => [r.day, r.count])).toEqual([
      ['2025-08-01', 1],
      ['2025-08-10', 1],
    ])
  })
})

describe('reconciliation', () => {
  it('finds nothing on a consistent database', async () => {
    const report = await reconcile(payload, { repair: false })
    expect(report.drift).toEqual({ ledgerMissing: [], ledgerExtra: [], tallies: [] })
    expect(report.firstDays.drift).toEqual([])
    expect(report.repaired).toBe(false)
  })

  it('reports injected drift exactly, repairs it, and a second run changes nothing (I5)', async () => {
    const good = await storedTallies(pool)
    await pool.query(
      `update quota_tallies set count = count + 2 where task = $1 and channel = $2 and day = '2025-08-01'`,
      [task.id, vnexpress.id],
    )
    await pool.query(`delete from quota_contributions where task = $1 and channel = $2 and day = '2025-08-10'`, [
      other.id,
      vnexpress.id,
    ])
    await pool.query(
      `insert into quota_contributions (content_type, item, task, channel, day) values ('articles', 999999, $1, $2, '2025-08-03')`,
      [task.id, social.id],
    )
    await pool.query(
      `insert into quota_tallies (task, channel, content_type, day, count) values ($1, $2, 'videos', '2025-08-04', 5)`,
      [task.id, social.id],
    )

    const dry = await reconcile(payload, { repair: false })
    expect(dry.repaired).toBe(false)
    expect(dry.drift.tallies).toEqual([
      { task: task.id, channel: vnexpress.id, contentType: 'articles', day: '2025-08-01', stored: 3, expected: 1 },
      { task: task.id, channel: social.id, contentType: 'videos', day: '2025-08-04', stored: 5, expected: 0 },
    ])
    expect(dry.drift.ledgerMissing).toEqual([
      expect.objectContaining({ task: other.id, channel: vnexpress.id, day: '2025-08-10' }),
    ])
    expect(dry.drift.ledgerExtra).toEqual([
      { contentType: 'articles', item: 999999, task: task.id, channel: social.id, day: '2025-08-03' },
    ])
    expect(dry.counts).toEqual({ ledgerMissing: 1, ledgerExtra: 1, tallies: 2 })
    // Lists are capped; the counts are not.
    const capped = await reconcile(payload, { repair: false, maxRows: 1 })
    expect(capped.drift.tallies).toHaveLength(1)
    expect(capped.counts.tallies).toBe(2)
    await expect(assertInvariants(pool)).rejects.toThrow(/I1|I2/)

    const fixed = await reconcile(payload, { repair: true })
    expect(fixed.repaired).toBe(true)
    await assertInvariants(pool)
    expect(await storedTallies(pool)).toEqual(good)

    const again = await reconcile(payload, { repair: true })
    expect(again.drift).toEqual({ ledgerMissing: [], ledgerExtra: [], tallies: [] })
    expect(again.counts).toEqual({ ledgerMissing: 0, ledgerExtra: 0, tallies: 0 })
    expect(again.repaired).toBe(false)
  })

  it('checks the kept first-publication counts against the ledger, repairs them, and drops unread specs', async () => {
    const queries = [
      {
        key: 'q',
        task: task.id,
        channels: [vnexpress.id, social.id],
        contentTypes: ['articles'],
        from: '2025-07-01',
        to: '2025-08-30',
        deadline: '2025-08-30',
        lateTo: '2025-12-31',
      },
    ]
    const truth = await countTargetsFromLedger(payload, queries)
    expect(truth.get('q')!.pooled).toBeGreaterThan(0)
    expect(await countTargets(payload, queries)).toEqual(truth)
    const specs = await pool.query('select key from comms_quota.first_day_specs where task = $1', [task.id])
    expect(specs.rows.length).toBeGreaterThanOrEqual(4) // pooled, one per channel, and the late spec
    // Drift: every kept count of the task's specs off by 3 from one day of 2025 on.
    await pool.query(
      `update comms_quota.first_days set cum = array(select c + case when k >= 200 then 3 else 0 end from unnest(cum) with ordinality u(c, k) order by k)
       where year = 2025 and spec in (select key from comms_quota.first_day_specs where task = $1)`,
      [task.id],
    )
    expect(await countTargets(payload, queries)).not.toEqual(truth) // reports read the kept rows
    const dry = await reconcile(payload, { repair: false })
    expect(dry.firstDays.drift.length).toBe(specs.rows.length)
    expect(dry.firstDays.drift[0]!.days[0]).toBe(200)
    expect(dry.repaired).toBe(false)
    const fixed = await reconcile(payload, { repair: true })
    expect(fixed.repaired).toBe(true)
    expect(await countTargets(payload, queries)).toEqual(truth)
    expect((await reconcile(payload, { repair: true })).firstDays.drift).toEqual([])

    // A report marks the specs it reads as read today (once a day), which is what keeps them.
    const asked = targetPrefixes(queries[0]!).specs.map(specKey)
    const readDays = () =>
      pool.query(
        `select f.cum[1] - (current_date - date '1970-01-01') as age from comms_quota.first_days f
         where f.year = 0 and f.spec = any($1::text[])`,
        [asked],
      )
    await pool.query(
      `update comms_quota.first_days set cum = array[(current_date - date '1970-01-01') - 5]
       where year = 0 and spec in (select key from comms_quota.first_day_specs where task = $1)`,
      [task.id],
    )
    expect(new Set((await readDays()).rows.map((r) => Number(r.age)))).toEqual(new Set([-5]))
    await countTargets(payload, queries)
    expect(new Set((await readDays()).rows.map((r) => Number(r.age)))).toEqual(new Set([0]))

    // A spec no report read for longer than the retention is dropped, and rebuilt when asked again.
    await pool.query(
      `update comms_quota.first_days set cum = array[(current_date - date '1970-01-01') - 31]
       where year = 0 and spec in (select key from comms_quota.first_day_specs where task = $1)`,
      [task.id],
    )
    const pruned = await reconcile(payload, { repair: true })
    expect(pruned.firstDays.pruned).toBe(specs.rows.length)
    expect(
      (await pool.query('select count(*)::int as n from comms_quota.first_day_specs where task = $1', [task.id]))
        .rows[0].n,
    ).toBe(0)
    expect(await countTargets(payload, queries)).toEqual(truth)
  })

  it('rebuilds the whole ledger and every tally from empty tables', async () => {
    const good = await storedTallies(pool)
    const ledgerBefore = (await pool.query('select count(*)::int as n from quota_contributions')).rows[0].n
    await pool.query('delete from quota_contributions')
    await pool.query('delete from quota_tallies')
    const rebuilt = await reconcile(payload, { repair: true })
    expect(rebuilt.counts.ledgerMissing).toBe(ledgerBefore)
    await assertInvariants(pool)
    expect(await storedTallies(pool)).toEqual(good)
  })

  it('repairs an item saved without a transaction (the engine refused to count it)', async () => {
    await payload
      .create({
        collection: 'articles',
        data: {
          title: 'no tx',
          _status: 'published',
          tasks: [task.id],
          publications: [{ channel: social.id, publishedAt: dayToInstant('2025-08-20') }],
        } as never,
        disableTransaction: true,
        ...as(editor),
      })
      .catch(() => undefined)
    await expect(assertInvariants(pool)).rejects.toThrow(/I1/)
    const report = await reconcile(payload, { repair: true })
    expect(report.drift.tallies.map((d) => [d.channel, d.day, d.stored, d.expected])).toEqual(
      expect.arrayContaining([[social.id, '2025-08-20', 0, 1]]),
    )
    await assertInvariants(pool)
  })
})
