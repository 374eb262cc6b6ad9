import fc from 'fast-check'
import { createLocalReq, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dayToInstant } from '../../src/domain/calendar'
import { poolRunner } from '../../src/plugin/db/postgres'
import { sql } from '../../src/plugin/counting/engine/sql'
import { dayReaching, makeSpec, specKey } from '../../src/domain/firstDays'
import { listTargetItems, readFirstDayRows } from '../../src/plugin/counting/engine/read'
import { buildTaskDetail } from '../../src/plugin/report/buildTaskDetail'
import { classifyItems, cumulativeSeries, type ItemOnChannels } from '../../src/domain/targetItems'
import { plainCounts } from '../helpers/plainCounts'
import { createUser, startTestPayload, type TestPayload } from './helpers/testPayload'

/**
 * The drill-down (/api/quota/task) lists items with `counted` and `late` flags; the report gives
 * `achieved` and `late` from its own SQL. For random ledgers, windows and report days, the list
 * must add up to the numbers exactly (issue #27: an item published before the window on one
 * channel and after the deadline on another was listed as late while the report said 0).
 * The list is classified in SQL and the cumulative line read from the first-publication store:
 * both must equal the plain rules (classifyItems, a pass over every item per day) applied to the
 * ledger. The ledger rows are written directly: what is under test is the readers of one ledger.
 */
type Doc = Record<string, unknown> & { id: number }

let t: TestPayload
let req: PayloadRequest
let task: Doc
const channels: Doc[] = []

const DAY0 = Date.UTC(2026, 0, 1)
const day = (i: number): string => new Date(DAY0 + i * 86_400_000).toISOString().slice(0, 10)

beforeAll(async () => {
  t = await startTestPayload()
  const { payload } = t
  for (const name of ['A', 'B', 'C'])
    channels.push(
      (await payload.create({ collection: 'channels', data: { name, kind: 'social' } as never })) as unknown as Doc,
    )
  const plan = (await payload.create({ collection: 'plans', data: { code: 'KH-PROP', title: 'p' } })) as unknown as Doc
  task = (await payload.create({
    collection: 'tasks',
    data: { plan: plan.id, code: '1', title: 't', timeframe: { kind: 'deadline', deadline: dayToInstant(day(60)) } },
  } as never)) as unknown as Doc
  const manager = await createUser(payload, { role: 'manager' })
  req = await createLocalReq({ user: { ...manager, collection: 'users' } as never }, payload)
})

afterAll(async () => {
  await t?.cleanup()
})

const publication = fc.record({ channel: fc.integer({ min: 0, max: 2 }), day: fc.integer({ min: 0, max: 89 }) })
const scenario = fc.record({
  items: fc.array(
    fc.record({
      // Videos are not the target's type: they must never be listed or counted.
      type: fc.constantFrom('articles', 'articles', 'videos'),
      publications: fc.array(publication, { minLength: 1, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 8 },
  ),
  windowStart: fc.integer({ min: 0, max: 60 }),
  deadline: fc.integer({ min: 0, max: 60 }),
  asOf: fc.integer({ min: 0, max: 89 }),
  mode: fc.constantFrom('pooled' as const, 'perChannel' as const),
})

describe('drill-down and report', () => {
  it('for random ledgers, windows and days, the listed counted and late items sum to achieved and late', async () => {
    const { payload } = t
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const from = Math.min(s.windowStart, s.deadline)
        const to = Math.max(s.windowStart, s.deadline)
        // Channels A and B are the target's; C is not, and must never count or make an item late.
        await payload.update({
          collection: 'tasks',
          id: task.id,
          data: {
            timeframe: { kind: 'deadline', deadline: dayToInstant(day(to)) },
            targets: [
              {
                kind: 'content',
                quantity: 100,
                contentTypes: ['articles'],
                channels: [channels[0]!.id, channels[1]!.id],
                mode: s.mode,
                windowStart: dayToInstant(day(from)),
              },
            ],
          } as never,
        })
        const db = poolRunner(payload)
        await db.execute(sql`delete from quota_contributions`)
        const rows = s.items.flatMap(({ type, publications }, item) =>
          [...new Map(publications.map((p) => [`${p.channel}:${p.day}`, p])).values()].map(
            (p) => sql`(${type}, ${item + 1}::int, ${task.id}::int, ${channels[p.channel]!.id}::int, ${day(p.day)})`,
          ),
        )
        await db.execute(
          sql`insert into quota_contributions (content_type, item, task, channel, day) values ${sql.join(rows, sql`, `)}`,
        )
        // The ledger was written behind the engine's back: the counts kept from it start over
        // (rebuilt from this ledger when the report asks).
        await db.execute(sql`truncate comms_quota.first_days, comms_quota.first_day_specs`)
        const detail = await buildTaskDetail(req, { task: Number(task.id), asOf: day(s.asOf) })
        const target = detail?.targets[0]
        expect(target).toBeDefined()
        // Per channel, an item counts once on each channel it is on: the list adds up for pooled.
        if (s.mode === 'pooled') expect(target!.items.filter((i) => i.counted).length).toBe(target!.achieved)
        expect(target!.items.filter((i) => i.late).length).toBe(target!.late)

        // The same list and line as the plain rules give over the ledger.
        const ours = new Set([channels[0]!.id, channels[1]!.id])
        const onTarget: ItemOnChannels[] = s.items.flatMap(({ type, publications }, i) => {
          const pubs = [...new Map(publications.map((p) => [`${p.channel}:${p.day}`, p])).values()]
            .map((p) => ({ channel: channels[p.channel]!.id, day: day(p.day) }))
            .filter((p) => ours.has(p.channel) && p.day <= day(s.asOf))
            .sort((a, b) => (a.day === b.day ? a.channel - b.channel : a.day < b.day ? -1 : 1))
          return type === 'articles' && pubs.length > 0 ? [{ contentType: type, item: i + 1, publications: pubs }] : []
        })
        const window = target!.window!
        const reference = classifyItems(onTarget, window, day(s.asOf))
        expect(
          target!.items.map((i) => ({
            contentType: i.type,
            item: i.id,
            publications: i.channels.map((c) => ({ channel: c.id, day: c.day })),
            counted: i.counted,
            late: i.late,
            firstDay: i.firstDay,
          })),
        ).toEqual(reference)

        expect(target!.itemsTotal).toBe(reference.length)
        const quantity = s.mode === 'perChannel' ? target!.target / 2 : target!.target
        expect(target!.series).toEqual(
          cumulativeSeries({
            mode: s.mode,
            quantity,
            channels: [channels[0]!.id, channels[1]!.id],
            window,
            asOf: day(s.asOf),
            countsAt: plainCounts(onTarget, window.from),
          }),
        )

        // Every page of two, read up to the day the store says enough items had counted by, and
        // read whole: the same slices of the plain list.
        const limit = 2
        const spec = makeSpec(Number(task.id), [...ours], ['articles'], window.from)
        const stored = (await readFirstDayRows(payload, [spec])).get(specKey(spec)) ?? []
        const countTo = window.to < day(s.asOf) ? window.to : day(s.asOf)
        for (let offset = 0; offset <= reference.length; offset += limit) {
          const countedBy = dayReaching(stored, offset + limit + 1, window.from, countTo)
          for (const by of [countedBy, null]) {
            const page = await listTargetItems(payload, {
              task: Number(task.id),
              channels: [...ours],
              contentTypes: ['articles'],
              window,
              asOf: day(s.asOf),
              offset,
              limit,
              countedBy: by,
            })
            expect(page.items).toEqual(reference.slice(offset, offset + limit))
            expect(page.truncated).toBe(reference.length > offset + limit)
          }
        }
      }),
      { numRuns: 60, seed: 20261202 },
    )
  })

  it('lists a page at most the limit long, first days first, and says more follow', async () => {
    const db = poolRunner(t.payload)
    await db.execute(sql`delete from quota_contributions`)
    const days = [5, 3, 9, 3, 7]
    await db.execute(
      sql`insert into quota_contributions (content_type, item, task, channel, day) values ${sql.join(
        days.map((d, i) => sql`('articles', ${i + 1}::int, ${task.id}::int, ${channels[0]!.id}::int, ${day(d)})`),
        sql`, `,
      )}`,
    )
    const ask = (limit: number, offset = 0) =>
      listTargetItems(t.payload, {
        task: Number(task.id),
        channels: [channels[0]!.id],
        contentTypes: ['articles'],
        window: { from: day(0), to: day(30) },
        asOf: day(30),
        offset,
        limit,
      })
    const three = await ask(3)
    expect(three.items.map((i) => [i.item, i.firstDay])).toEqual([
      [2, day(3)],
      [4, day(3)],
      [1, day(5)],
    ])
    expect(three.truncated).toBe(true)
    const all = await ask(5)
    expect(all.items.map((i) => i.item)).toEqual([2, 4, 1, 5, 3])
    expect(all.truncated).toBe(false)
    const second = await ask(3, 3)
    expect(second.items.map((i) => i.item)).toEqual([5, 3])
    expect(second.truncated).toBe(false)
    expect((await ask(3, 9)).items).toEqual([])
  })
})
