/**
 * Pool starvation (issue 19). No request path may hold its transaction's connection while it
 * waits for a second pooled connection: with as many such requests as the pool has connections,
 * every one of them waits forever. Payload 3.90.1 did exactly that on every REST and admin update
 * (its document-lock check read the lock table without `req`; patches/payload+3.90.1.patch).
 *
 * The pool here has 3 connections, and Payload's adapter keeps one of them for itself, so two
 * serve requests: any path that needs a second connection inside a transaction deadlocks at once.
 * Without the patch the first test fails (every update ends in the acquire timeout's 503).
 * The built app is put under the same load over real HTTP by `npm run test:load`.
 */
import pg from 'pg'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCountingFixtures, type CountingFixtures } from './helpers/countingFixtures'
import { restClient } from './helpers/rest'
import { createUser, startTestPayload, type TestPayload } from './helpers/testPayload'

// Read by createAppConfig when the file's Payload starts (each int file runs in its own process).
// The acquire timeout sits above the queueing that 16 requests on two connections see on a busy
// 2-core machine, so a 503 here means a deadlock, not a queue.
process.env.DATABASE_POOL_MAX = '3'
process.env.DATABASE_ACQUIRE_TIMEOUT_MS = '20000'

let t: TestPayload
let payload: Payload
let rest: ReturnType<typeof restClient>
let token: string
let f: CountingFixtures

beforeAll(async () => {
  t = await startTestPayload({ s3: null })
  payload = t.payload
  rest = restClient(payload)
  f = await createCountingFixtures(payload, { planCode: 'POOL-1' })
  const admin = await createUser(payload, { role: 'admin' })
  token = await rest.login(admin.email as string, 'test-Password-1')
}, 120_000)

afterAll(async () => {
  await t?.cleanup()
})

/** The pool of the Payload that the REST handlers run on (Payload caches one per config). */
function restPool(): pg.Pool {
  const cached = (globalThis as { _payload?: Map<string, { payload?: Payload | null }> })._payload
  const instance = [...(cached?.values() ?? [])].find((c) => c.payload && c.payload !== payload)?.payload
  if (!instance) throw new Error('the REST handlers have not started their Payload yet')
  return (instance.db as unknown as { pool: pg.Pool }).pool
}

async function drafts(n: number, prefix: string): Promise<number[]> {
  const ids: number[] = []
  for (let i = 0; i < n; i++) {
    const doc = await payload.create({
      collection: 'articles',
      data: { title: `${prefix} ${i}`, tasks: [f.task1.id] } as never,
      draft: true,
    })
    ids.push(Number(doc.id))
  }
  return ids
}

describe('requests never wait for a second connection inside their transaction', () => {
  it('16 concurrent publishes, then 16 concurrent draft saves, all succeed on a pool of 3', async () => {
    const ids = await drafts(16, 'Bài đồng thời')
    const published = await Promise.all(
      ids.map((id) => rest.patch(`articles/${id}`, { _status: 'published' }, { token })),
    )
    expect(published.map((r) => r.status)).toEqual(ids.map(() => 200))
    const saved = await Promise.all(
      ids.map((id) => rest.patch(`articles/${id}?draft=true`, { title: `Sửa nháp ${id}` }, { token })),
    )
    expect(saved.map((r) => r.status)).toEqual(ids.map(() => 200))
    const { totalDocs } = await payload.count({ collection: 'articles', where: { _status: { equals: 'published' } } })
    expect(totalDocs).toBe(16)
  }, 60_000)

  it('16 concurrent deletes (which check locks too) all succeed', async () => {
    const ids = await drafts(16, 'Bài xoá')
    const deleted = await Promise.all(ids.map((id) => rest.delete(`articles/${id}`, { token })))
    expect(deleted.map((r) => r.status)).toEqual(ids.map(() => 200))
  }, 60_000)
})

describe('when the pool is exhausted anyway', () => {
  it('a request is answered 503 with Retry-After within the acquire timeout, and health names the starved pool', async () => {
    const pool = restPool()
    // The adapter holds one; these take the other two. A shorter acquire timeout than the
    // file's, as an operator would set it, so the test does not wait 20 s.
    const held = await Promise.all([pool.connect(), pool.connect()])
    const options = (pool as unknown as { options: pg.PoolConfig }).options
    const configured = options.connectionTimeoutMillis
    options.connectionTimeoutMillis = 1_500
    try {
      const started = Date.now()
      const res = await rest.get('articles?limit=1', { token })
      const ms = Date.now() - started
      expect(res.status).toBe(503)
      expect(res.headers.get('retry-after')).toBe('2')
      expect(res.json.errors?.[0]?.message).toMatch(/Cơ sở dữ liệu đang quá tải/)
      expect(ms).toBeLessThan(5_000)

      const health = await rest.get('health')
      expect(health.status).toBe(503)
      // The database itself answers (the probes have a connection of their own); the pool is starved.
      expect(health.json.failed).toEqual(['pool'])
      expect(health.json.database).toBe('ok')
      expect(health.json.pool).toMatch(
        /^fail: starved: 3\/3 busy, 0 idle, \d+ waiting; a request got no connection within the acquire timeout \d+ s ago$/,
      )
    } finally {
      options.connectionTimeoutMillis = configured
      for (const c of held) c.release()
    }
    // Connections back: the app serves again without a restart (health stays "starved" for 30 s
    // after the last refused request, so that a load balancer's poll does not miss it).
    expect((await rest.get('articles?limit=1', { token })).status).toBe(200)
  }, 30_000)

  it('sessions carry the statement and idle-in-transaction timeouts', async () => {
    const client = await restPool().connect()
    try {
      const statement = await client.query('show statement_timeout')
      const idle = await client.query('show idle_in_transaction_session_timeout')
      expect([statement.rows[0]?.statement_timeout, idle.rows[0]?.idle_in_transaction_session_timeout]).toEqual([
        '1min',
        '1min',
      ])
    } finally {
      client.release()
    }
  })

  it('a transaction left idle is cut by Postgres, the process survives, and the pool carries on', async () => {
    const client = await restPool().connect()
    // The app's setting is a minute; the same cut, sooner.
    await client.query('set idle_in_transaction_session_timeout = 500')
    await client.query('begin')
    await client.query('select 1')
    await new Promise((r) => setTimeout(r, 1_500))
    // Postgres ended the session (25P03); the client knows it is broken.
    await expect(client.query('select 1')).rejects.toThrow()
    client.release(true)
    expect((await rest.get('articles?limit=1', { token })).status).toBe(200)
    const server = new pg.Client({ connectionString: t.databaseUri })
    await server.connect()
    try {
      const { rows } = await server.query(
        `select count(*)::int as n from pg_stat_activity where datname = current_database() and state = 'idle in transaction'`,
      )
      expect(rows[0]?.n).toBe(0)
    } finally {
      await server.end()
    }
  }, 30_000)
})
