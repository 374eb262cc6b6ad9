/**
 * A write whose COMMIT fails must not be answered as a success (I6: a failed save leaves nothing
 * half-changed, and the user must know it failed). @payloadcms/drizzle 3.90.1 swallowed the
 * error of a failed COMMIT (beginTransaction's `.catch`, commitTransaction's `catch (_)`), so a
 * publish whose COMMIT was refused — or whose connection died at COMMIT, as when Postgres
 * restarts under load (npm run test:load) — answered 200 for a change the database never kept.
 * patches/@payloadcms+drizzle+3.90.1.patch makes the commit's error fail the operation; without
 * it this test fails.
 *
 * A deferred constraint trigger makes COMMIT itself fail, deterministically, for one title.
 */
import pg from 'pg'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCountingFixtures, type CountingFixtures } from './helpers/countingFixtures'
import { assertInvariants, poolFor } from './helpers/groundTruth'
import { restClient } from './helpers/rest'
import { createUser, startTestPayload, type TestPayload } from './helpers/testPayload'

const REFUSED = 'Tiêu đề bị từ chối khi COMMIT'

let t: TestPayload
let payload: Payload
let rest: ReturnType<typeof restClient>
let token: string
let f: CountingFixtures
let sql: pg.Pool

beforeAll(async () => {
  t = await startTestPayload({ s3: null })
  payload = t.payload
  rest = restClient(payload)
  f = await createCountingFixtures(payload, { planCode: 'COMMIT-1' })
  const admin = await createUser(payload, { role: 'admin' })
  token = await rest.login(admin.email as string, 'test-Password-1')
  sql = poolFor(t.databaseUri)
  await sql.query(`
    create function refuse_at_commit() returns trigger language plpgsql as $$
    begin
      if new.title = '${REFUSED}' then raise exception 'refused at commit'; end if;
      return new;
    end $$`)
  await sql.query(`
    create constraint trigger refuse_at_commit after insert or update on articles
    deferrable initially deferred for each row execute function refuse_at_commit()`)
}, 120_000)

afterAll(async () => {
  await sql?.end()
  await t?.cleanup()
})

describe('a failed COMMIT', () => {
  it('fails the publish (5xx), and the item, its versions and the tallies are as before', async () => {
    const draft = await payload.create({
      collection: 'articles',
      data: { title: 'Bản nháp', tasks: [f.task1.id] } as never,
      draft: true,
    })
    const res = await rest.patch(
      `articles/${draft.id}`,
      {
        title: REFUSED,
        _status: 'published',
        publications: [{ channel: f.home.id, publishedAt: '2026-03-02T03:00:00.000Z' }],
      },
      { token },
    )
    expect(res.status).toBeGreaterThanOrEqual(500)
    const { rows } = await sql.query(`select title, _status from articles where id = $1`, [draft.id])
    expect(rows).toEqual([{ title: 'Bản nháp', _status: 'draft' }])
    const versions = await sql.query(`select count(*)::int as n from _articles_v where parent_id = $1`, [draft.id])
    expect(versions.rows[0]?.n).toBe(1)
    const tallies = await sql.query(`select coalesce(sum(count), 0)::int as n from quota_tallies`)
    expect(tallies.rows[0]?.n).toBe(0)
    await assertInvariants(sql)
  })

  it('leaves ordinary saves alone: the same publish with another title succeeds and counts', async () => {
    const draft = await payload.create({
      collection: 'articles',
      data: { title: 'Bản nháp 2', tasks: [f.task1.id] } as never,
      draft: true,
    })
    const res = await rest.patch(
      `articles/${draft.id}`,
      { _status: 'published', publications: [{ channel: f.home.id, publishedAt: '2026-03-02T03:00:00.000Z' }] },
      { token },
    )
    expect(res.status).toBe(200)
    const tallies = await sql.query(`select coalesce(sum(count), 0)::int as n from quota_tallies`)
    expect(tallies.rows[0]?.n).toBeGreaterThan(0)
    await assertInvariants(sql)
  })
})
