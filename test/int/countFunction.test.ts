import fc from 'fast-check'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dayOf, dayToInstant } from '../../src/domain/calendar'
import {
  diffContributions,
  normalizeContributions,
  tallyDeltas,
  type Contribution,
  type TallyDelta,
} from '../../src/domain/counting'
import {
  firstDayDeltas,
  makeSpec,
  specKey,
  stepVector,
  yearSteps,
  type FirstDayDelta,
  type FirstDaySpec,
} from '../../src/domain/firstDays'
import { createCountingFixtures } from './helpers/countingFixtures'
import { startTestPayload, type TestPayload } from './helpers/testPayload'

/**
 * A recount's rules run in SQL (`comms_quota.count_<table>`, recountItem.ts) for one round trip a
 * save; the pure functions of src/domain are their definition. On random items (tags,
 * publications across time-zone and year boundaries, drafts, trash), random ledger rows (tags
 * since removed among them) and random specs, the function's deltas, ledger write and direct
 * write must be what diffContributions, tallyDeltas, firstDayDeltas and yearSteps say. Each case
 * runs in a transaction that is rolled back.
 */
const TZ = 'Asia/Ho_Chi_Minh'
const DAYS = ['2024-02-29', '2024-12-31', '2025-01-01', '2025-03-01', '2025-06-30', '2025-07-01', '2025-12-31']
/** A task the item is no longer tagged with: only its ledger rows and specs name it. */
const GONE_TASK = 987654

let t: TestPayload
let pool: pg.Pool
let item: number
let tasks: number[]
let channels: number[]

beforeAll(async () => {
  t = await startTestPayload()
  pool = new pg.Pool({ connectionString: t.databaseUri, max: 2 })
  const f = await createCountingFixtures(t.payload, { planCode: 'CF' })
  const extra = await t.payload.create({ collection: 'channels', data: { name: 'Báo', kind: 'other' } as never })
  const task3 = await t.payload.create({
    collection: 'tasks',
    data: {
      plan: f.plan.id,
      code: '3',
      title: 't3',
      timeframe: { kind: 'deadline', deadline: dayToInstant('2030-12-31') },
    } as never,
  })
  tasks = [f.task1.id, f.task2.id, Number(task3.id)]
  channels = [f.home.id, f.vnexpress.id, f.social.id, Number(extra.id)]
  const unit = await t.payload.create({ collection: 'units', data: { name: 'Vụ CF' } })
  const doc = await t.payload.create({
    collection: 'articles',
    draft: true,
    data: { title: 'count function', unit: unit.id } as never,
  })
  item = Number(doc.id)
})

afterAll(async () => {
  await pool?.end()
  await t?.cleanup()
})

interface Publication {
  channel: number | null
  day: string
  /** 20:00 UTC: the next day in the plan's zone (UTC+7). */
  evening: boolean
  undated: boolean
}

interface Case {
  status: 'published' | 'draft'
  trashed: boolean
  tags: number[]
  publications: Publication[]
  ledger: Contribution[]
  specs: SpecInput[]
}

interface SpecInput {
  task: number
  channels: number[]
  types: string[]
  from: string
}

const caseArb = (): fc.Arbitrary<Case> => {
  const task = fc.constantFrom(...tasks)
  const anyTask = fc.constantFrom(...tasks, GONE_TASK)
  const channel = fc.constantFrom(...channels)
  const day = fc.constantFrom(...DAYS)
  return fc.record({
    status: fc.constantFrom('published' as const, 'published' as const, 'draft' as const),
    trashed: fc.constantFrom(false, false, true),
    tags: fc.uniqueArray(task, { maxLength: 3 }),
    publications: fc.array(
      fc.record({
        channel: fc.option(channel, { freq: 8 }),
        day,
        evening: fc.boolean(),
        undated: fc.constantFrom(false, false, false, true),
      }),
      { maxLength: 4 },
    ),
    ledger: fc.uniqueArray(fc.record({ task: anyTask, channel, day }), {
      maxLength: 6,
      selector: (c) => `${c.task}/${c.channel}/${c.day}`,
    }),
    specs: fc.array(
      fc.record({
        task: anyTask,
        channels: fc.uniqueArray(channel, { minLength: 1, maxLength: 3 }),
        types: fc.uniqueArray(fc.constantFrom('articles', 'videos'), { minLength: 1, maxLength: 2 }),
        from: fc.constantFrom('', ...DAYS),
      }),
      { maxLength: 5 },
    ),
  })
}

/** What the item should contribute, by the domain's definition (dayOf in the plan's zone). */
function desiredOf(c: Case): Contribution[] {
  if (c.status !== 'published' || c.trashed) return []
  const out: Contribution[] = []
  for (const p of c.publications) {
    if (p.channel === null || p.undated) continue
    const day = dayOf(instantOf(p), TZ)!
    for (const task of c.tags) out.push({ task, channel: p.channel, day })
  }
  return normalizeContributions(out)
}

const instantOf = (p: Publication) => `${p.day}T${p.evening ? '20' : '05'}:00:00.000Z`

const specsOf = (c: Case): FirstDaySpec[] => {
  const byKey = new Map<string, FirstDaySpec>()
  for (const s of c.specs) {
    const spec = makeSpec(s.task, s.channels, s.types, s.from)
    byKey.set(specKey(spec), spec)
  }
  return [...byKey.values()]
}

/** Puts the case in the database, inside the client's open transaction. */
async function arrange(db: pg.PoolClient, c: Case): Promise<void> {
  await db.query(`update articles set _status = $1, deleted_at = $2 where id = $3`, [
    c.status,
    c.trashed ? new Date().toISOString() : null,
    item,
  ])
  await db.query(`delete from articles_rels where parent_id = $1 and path = 'tasks'`, [item])
  for (const [i, task] of c.tags.entries())
    await db.query(`insert into articles_rels ("order", parent_id, path, tasks_id) values ($1, $2, 'tasks', $3)`, [
      i + 1,
      item,
      task,
    ])
  await db.query(`delete from articles_publications where _parent_id = $1`, [item])
  for (const [i, p] of c.publications.entries())
    await db.query(
      `insert into articles_publications (_order, _parent_id, id, channel_id, published_at) values ($1, $2, $3, $4, $5)`,
      [i + 1, item, `cf-${i}`, p.channel, p.undated ? null : instantOf(p)],
    )
  await db.query(`delete from quota_contributions where content_type = 'articles' and item = $1`, [item])
  for (const l of c.ledger)
    await db.query(
      `insert into quota_contributions (content_type, item, task, channel, day) values ('articles', $1, $2, $3, $4)`,
      [item, l.task, l.channel, l.day],
    )
  await db.query(`delete from comms_quota.first_day_specs`)
  for (const s of specsOf(c))
    await db.query(
      `insert into comms_quota.first_day_specs (key, task, channels, content_types, from_day) values ($1, $2, $3, $4, $5)`,
      [specKey(s), s.task, s.channels, s.contentTypes, s.from],
    )
}

/** Runs `work` on a case in a transaction that is always rolled back. */
async function inCase<T>(c: Case, work: (db: pg.PoolClient) => Promise<T>): Promise<T> {
  const db = await pool.connect()
  try {
    await db.query('begin')
    await arrange(db, c)
    return await work(db)
  } finally {
    await db.query('rollback')
    db.release()
  }
}

const count = (db: pg.PoolClient, write: boolean) =>
  db.query<Record<string, unknown>>(
    `select kind, task, channel, content_type, day, count, spec, year, ok from comms_quota.count_articles($1, $2, $3)`,
    [item, TZ, write],
  )

const ledgerNow = async (db: pg.PoolClient): Promise<Contribution[]> =>
  normalizeContributions(
    (
      await db.query<{ task: string; channel: string; day: string }>(
        `select task, channel, day from quota_contributions where content_type = 'articles' and item = $1`,
        [item],
      )
    ).rows.map((r) => ({ task: Number(r.task), channel: Number(r.channel), day: r.day })),
  )

const byTallyKey = (a: TallyDelta, b: TallyDelta) =>
  `${a.task}/${a.channel}/${a.day}`.localeCompare(`${b.task}/${b.channel}/${b.day}`)
const byFirstDay = (a: FirstDayDelta, b: FirstDayDelta) =>
  `${a.spec}|${a.day}|${a.delta}`.localeCompare(`${b.spec}|${b.day}|${b.delta}`)

/** The domain's answer for a case. */
function expected(c: Case) {
  const current = normalizeContributions(c.ledger)
  const desired = desiredOf(c)
  const diff = diffContributions(current, desired)
  return {
    desired,
    tallies: tallyDeltas('articles', diff).sort(byTallyKey),
    firstDays: firstDayDeltas(specsOf(c), 'articles', current, desired).sort(byFirstDay),
    tasks: [...new Set([...diff.add, ...diff.remove].map((x) => x.task))].sort((a, b) => a - b),
  }
}

describe('comms_quota.count_<table>: the domain rules, in SQL', () => {
  it('returns the deltas diffContributions, tallyDeltas and firstDayDeltas give, and writes the ledger', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb(), async (c) => {
        const want = expected(c)
        const got = await inCase(c, async (db) => {
          const { rows } = await count(db, false)
          return { rows, ledger: await ledgerNow(db), again: (await count(db, false)).rows }
        })
        const tallies = got.rows
          .filter((r) => r.kind === 'tally')
          .map((r) => ({
            task: Number(r.task),
            channel: Number(r.channel),
            contentType: String(r.content_type),
            day: String(r.day),
            delta: Number(r.count),
          }))
          .sort(byTallyKey)
        const firstDays = got.rows
          .filter((r) => r.kind === 'firstDay')
          .map((r) => ({ spec: String(r.spec), day: String(r.day), delta: Number(r.count) }))
          .sort(byFirstDay)
        expect(tallies).toEqual(want.tallies)
        expect(firstDays).toEqual(want.firstDays)
        expect(got.ledger).toEqual(want.desired)
        // I5: the ledger now says what the item contributes, so a second recount changes nothing.
        expect(got.again).toEqual([])
      }),
      { numRuns: 300, seed: 20261203 },
    )
  })

  it('writing directly moves tallies, first-day rows and counters by exactly those deltas', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb(), async (c) => {
        const want = expected(c)
        const steps = yearSteps(want.firstDays)
        const got = await inCase(c, async (db) => {
          const read = async () => ({
            tallies: await Promise.all(
              want.tallies.map(async (d) =>
                Number(
                  (
                    await db.query<{ count: string }>(
                      `select count from quota_tallies where task = $1 and channel = $2 and content_type = 'articles' and day = $3`,
                      [d.task, d.channel, d.day],
                    )
                  ).rows[0]?.count ?? 0,
                ),
              ),
            ),
            rows: await Promise.all(
              steps.map(
                async (s) =>
                  (
                    await db.query<{ cum: number[] }>(
                      `select cum from comms_quota.first_days where spec = $1 and year = $2`,
                      [s.spec, s.year],
                    )
                  ).rows[0]?.cum ?? new Array<number>(366).fill(0),
              ),
            ),
            versions: Object.fromEntries(
              (
                await db.query<{ scope: string; version: string }>(
                  `select scope, version from quota_versions where scope like 'task:%'`,
                )
              ).rows.map((r) => [r.scope, Number(r.version)]),
            ),
          })
          const before = await read()
          const { rows } = await count(db, true)
          return { before, after: await read(), rows, ledger: await ledgerNow(db) }
        })
        expect(got.ledger).toEqual(want.desired)
        expect(got.after.tallies).toEqual(got.before.tallies.map((n, i) => n + want.tallies[i]!.delta))
        expect(got.after.rows).toEqual(
          got.before.rows.map((cum, i) => {
            const add = stepVector(steps[i]!)
            return cum.map((v, k) => v + add[k]!)
          }),
        )
        const bumped = { ...got.before.versions }
        for (const task of want.tasks) bumped[`task:${task}`] = (bumped[`task:${task}`] ?? 0) + 1
        expect(got.after.versions).toEqual(bumped)
        // What was written comes back for checkWritten: every tally and first-day row touched.
        expect(got.rows.filter((r) => r.kind === 'tally')).toHaveLength(want.tallies.length)
        expect(got.rows.filter((r) => r.kind === 'firstDay')).toHaveLength(steps.length)
      }),
      { numRuns: 150, seed: 20261204 },
    )
  })
})

describe('round trips a counted save costs', () => {
  it('one call of the count function for a save of one item; a bulk update writes its counts once, at its end', async () => {
    const f = { tasks: tasks.slice(0, 2), channels: channels.slice(1, 3) }
    const unit = await t.payload.create({ collection: 'units', data: { name: 'Vụ RT' } })
    const draft = () =>
      t.payload.create({
        collection: 'articles',
        draft: true,
        data: {
          title: 'rt',
          unit: unit.id,
          tasks: f.tasks,
          publications: f.channels.map((channel) => ({ channel, publishedAt: dayToInstant('2025-07-01') })),
        } as never,
      })
    const [a, b] = [await draft(), await draft()]
    const sent: string[] = []
    const query = pg.Client.prototype.query
    // Every statement any pool client sends (Payload's adapter uses this pg).
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const q = args[0]
      const text = typeof q === 'string' ? q : (q as { text?: unknown } | undefined)?.text
      if (typeof text === 'string') sent.push(text)
      return (query as (...a: unknown[]) => unknown).apply(this, args)
    } as typeof query
    const calls = () => {
      const out = {
        count: sent.filter((s) => s.includes('"comms_quota"."count_articles"(')).length,
        writeCounts: sent.filter((s) => s.includes('"comms_quota".write_counts(')).length,
      }
      sent.length = 0
      return out
    }
    try {
      await t.payload.update({ collection: 'articles', id: a.id, data: { _status: 'published' } as never })
      expect(calls()).toEqual({ count: 1, writeCounts: 0 })
      await t.payload.update({
        collection: 'articles',
        where: { id: { in: [a.id, b.id] } },
        data: { _status: 'published', tasks: [f.tasks[0]] } as never,
      })
      expect(calls()).toEqual({ count: 2, writeCounts: 1 })
      await t.payload.delete({ collection: 'articles', id: b.id })
      expect(calls()).toEqual({ count: 1, writeCounts: 0 })
    } finally {
      pg.Client.prototype.query = query
    }
    // And what they wrote: a's rows under the one task left, b's gone.
    const { rows } = await pool.query<{ item: string; n: number }>(
      `select item, count(*)::int as n from quota_contributions where content_type = 'articles' and item = any($1) group by item`,
      [[a.id, b.id]],
    )
    expect(rows.map((r) => [Number(r.item), r.n])).toEqual([[Number(a.id), 3]])
  })
})
