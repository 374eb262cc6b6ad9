/**
 * GET /api/health, what a load balancer asks each instance: 200 when the database answers, every
 * shipped migration has run and file storage takes a write; 503 naming the failed check
 * otherwise, with no detail an outsider could use. (With S3: test/int/objectStorage.test.ts.)
 */
import { rm, writeFile } from 'node:fs/promises'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrations } from '../../src/migrations'
import { startTestPayload, type TestPayload } from './helpers/testPayload'
import { restClient } from './helpers/rest'

let local: TestPayload

beforeAll(async () => {
  local = await startTestPayload({ s3: null })
}, 60_000)

afterAll(async () => {
  await local?.cleanup()
})

describe('GET /api/health', () => {
  it('answers 200 without sign-in when the database, migrations and local storage are fine', async () => {
    const res = await restClient(local.payload).get('health')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.json).toEqual({
      status: 'ok',
      failed: [],
      database: 'ok',
      pool: expect.stringMatching(/^ok \(\d+\/\d+ busy, \d+ idle, 0 waiting\)$/),
      migrations: `ok (${migrations.length} applied)`,
      storage: 'ok (local disk)',
    })
  })

  it('answers 503 naming the migration that has not run', async () => {
    const last = migrations[migrations.length - 1]?.name as string
    const client = new pg.Client({ connectionString: local.databaseUri })
    await client.connect()
    try {
      await client.query('delete from payload_migrations where name = $1', [last])
      const res = await restClient(local.payload).get('health')
      expect(res.status).toBe(503)
      expect(res.json.failed).toEqual(['migrations'])
      expect(res.json.migrations).toBe(`fail: 1 pending (${last})`)
      expect(res.json.database).toBe('ok')
    } finally {
      await client.query(
        `insert into payload_migrations (name, batch, updated_at, created_at) values ($1, 99, now(), now())`,
        [last],
      )
      await client.end()
    }
  })

  it('answers 503 when the uploads folder cannot be written, without saying where it is', async () => {
    await rm(local.uploadsDir, { recursive: true, force: true })
    await writeFile(local.uploadsDir, 'a file where the uploads folder should be')
    try {
      const res = await restClient(local.payload).get('health')
      expect(res.status).toBe(503)
      expect(res.json.failed).toEqual(['storage'])
      expect(res.json.storage).toBe('fail: the uploads folder is not writable')
      expect(JSON.stringify(res.json)).not.toContain(local.uploadsDir)
    } finally {
      await rm(local.uploadsDir, { force: true })
    }
  })
})
