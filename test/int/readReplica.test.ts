/**
 * What a read replica serves (docs/DEPLOY.md, "Read replicas"), against a real streaming
 * replica of a real Postgres: Payload's own reads (documents, lists, the report's plan and task
 * names) may come from the replica and lag behind it; the report's numbers never do, because the
 * counting engine reads and writes the primary only.
 */
import path from 'node:path'
import { getPayload, type Payload } from 'payload'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppConfig } from '../../src/appConfig'
import { migrations } from '../../src/migrations'
import { startPrimaryWithReplica, type PrimaryWithReplica } from '../helpers/streamingReplica'
import { createCountingFixtures, publishArticle, type CountingFixtures } from './helpers/countingFixtures'
import { restClient } from './helpers/rest'
import { createUser } from './helpers/testPayload'

type Doc = Record<string, unknown> & { id: number }
type MigrationList = NonNullable<Parameters<Payload['db']['migrate']>[0]>['migrations']
type Report = { tasks: Array<{ title: string; targets: Array<{ achieved: number }> }> }

let cluster: PrimaryWithReplica
let payload: Payload
let f: CountingFixtures
let editor: Doc
let managerToken: string
let rest: ReturnType<typeof restClient>

/** Payload keeps an instance's reads on the primary this long after it writes. */
const STICKY_MS = 2_000
const pastStickyWindow = () => new Promise((r) => setTimeout(r, STICKY_MS + 500))

beforeAll(async () => {
  cluster = await startPrimaryWithReplica(path.join(process.cwd(), '.data', `replica-${process.pid}`), 'replica_test')
  const before = process.env.DATABASE_READ_REPLICA_URIS
  process.env.DATABASE_READ_REPLICA_URIS = cluster.replica.uri
  try {
    const config = await createAppConfig({
      databaseUri: cluster.primary.uri,
      seedOnFirstStart: false,
      uploadsDir: path.join(process.cwd(), '.data', `replica-uploads-${process.pid}`),
      push: false,
      scheduler: { enabled: false },
    })
    payload = await getPayload({ config, key: cluster.primary.uri })
  } finally {
    if (before === undefined) delete process.env.DATABASE_READ_REPLICA_URIS
    else process.env.DATABASE_READ_REPLICA_URIS = before
  }
  await payload.db.migrate({ migrations: migrations as unknown as MigrationList })
  rest = restClient(payload)
  const unit = await payload.create({ collection: 'units', data: { name: 'Trung tâm', requiresReview: false } })
  f = await createCountingFixtures(payload, { planCode: 'KH-REPLICA', deadline: '2025-12-31' })
  await payload.update({
    collection: 'tasks',
    id: f.task1.id,
    data: {
      targets: [
        { kind: 'content', quantity: 10, contentTypes: ['articles'], channels: [f.vnexpress.id], mode: 'pooled' },
      ],
    } as never,
  })
  const manager = await createUser(payload, { role: 'manager' })
  editor = (await createUser(payload, { role: 'editor', unit: unit.id })) as Doc
  managerToken = await rest.login(String(manager.email), 'test-Password-1')
  await publishArticle(payload, editor, 'first', [f.task1], [[f.vnexpress, '2025-08-01']])
  await cluster.caughtUp()
}, 120_000)

afterAll(async () => {
  // Stopping the two servers under the pools is expected to log dropped connections.
  if (payload) payload.logger.level = 'fatal'
  const pool = (payload?.db as unknown as { pool?: pg.Pool } | undefined)?.pool
  pool?.on('error', () => undefined)
  await payload?.destroy()
  await cluster?.stop()
})

const report = async (): Promise<Report> => {
  const res = await rest.get(`quota/report?plan=${f.plan.id}&asOf=2025-12-31`, { token: managerToken })
  expect(res.status).toBe(200)
  return res.json as Report
}

describe('with a streaming read replica', () => {
  it('Payload reads come from the replica (they lag while it is paused); report numbers come from the primary', async () => {
    expect((await report()).tasks[0]!.targets[0]!.achieved).toBe(1)
    await cluster.pauseReplay()
    try {
      await publishArticle(payload, editor, 'second', [f.task1], [[f.vnexpress, '2025-08-02']])
      await payload.update({ collection: 'tasks', id: f.task1.id, data: { title: 'renamed on the primary' } })
      await pastStickyWindow()
      // Payload's find: from the replica, which has not replayed the new article or the rename.
      const found = await payload.find({ collection: 'articles', where: { title: { equals: 'second' } }, depth: 0 })
      expect(found.totalDocs).toBe(0)
      const r = await report()
      // The numbers: from the primary, with the article the replica does not have yet.
      expect(r.tasks[0]!.targets[0]!.achieved).toBe(2)
      // The plan, its tasks and their targets: through Payload, from the replica, up to its lag
      // old (so a target edited meanwhile is counted as the replica still has it).
      expect(r.tasks[0]!.title).toBe(f.task1.title)
    } finally {
      await cluster.resumeReplay()
    }
    await cluster.caughtUp()
    await pastStickyWindow()
    expect(
      (await payload.find({ collection: 'articles', where: { title: { equals: 'second' } }, depth: 0 })).totalDocs,
    ).toBe(1)
    const r = await report()
    expect(r.tasks[0]!.title).toBe('renamed on the primary')
    expect(r.tasks[0]!.targets[0]!.achieved).toBe(2)
  }, 60_000)
})
