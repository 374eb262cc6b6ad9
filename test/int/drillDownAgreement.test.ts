import fc from 'fast-check'
import { createLocalReq, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dayToInstant } from '../../src/domain/calendar'
import { poolRunner } from '../../src/plugin/db/postgres'
import { sql } from '../../src/plugin/counting/engine/sql'
import { buildTaskDetail } from '../../src/plugin/report/buildTaskDetail'
import { createUser, startTestPayload, type TestPayload } from './helpers/testPayload'

/**
 * The drill-down (/api/quota/task) lists items with `counted` and `late` flags; the report gives
 * `achieved` and `late` from its own SQL. For random ledgers, windows and report days, the list
 * must add up to the numbers exactly (issue #27: an item published before the window on one
 * channel and after the deadline on another was listed as late while the report said 0).
 * The ledger rows are written directly: what is under test is the two readers of one ledger.
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
  items: fc.array(fc.array(publication, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
  windowStart: fc.integer({ min: 0, max: 60 }),
  deadline: fc.integer({ min: 0, max: 60 }),
  asOf: fc.integer({ min: 0, max: 89 }),
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
                mode: 'pooled',
                windowStart: dayToInstant(day(from)),
              },
            ],
          } as never,
        })
        const db = poolRunner(payload)
        await db.execute(sql`delete from quota_contributions`)
        const rows = s.items.flatMap((pubs, item) =>
          [...new Map(pubs.map((p) => [`${p.channel}:${p.day}`, p])).values()].map(
            (p) => sql`('articles', ${item + 1}::int, ${task.id}::int, ${channels[p.channel]!.id}::int, ${day(p.day)})`,
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
        expect(target!.items.filter((i) => i.counted).length).toBe(target!.achieved)
        expect(target!.items.filter((i) => i.late).length).toBe(target!.late)
      }),
      { numRuns: 60, seed: 20261202 },
    )
  })
})
