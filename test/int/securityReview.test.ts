import { createLocalReq, type Payload, type TypedUser } from 'payload'
import { guardSchedulePublish } from '../../src/plugin/review/guardSchedulePublish'
import { graphqlClient } from './helpers/graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { captureTransport } from './helpers/captureMail'
import { restClient } from './helpers/rest'
import { createUser, startTestPayload, type TestPayload } from './helpers/testPayload'

/**
 * Issue 20, finding 1: an approval is of one version. A request that both trashes (or restores)
 * an item and edits it voids the approval like any other edit, and the scheduled publish an
 * approval queued checks, when it fires, that the item is still the version approved.
 */

type Doc = Record<string, unknown> & { id: string | number }
type Who = 'editor' | 'reviewer' | 'manager' | 'outsider' | 'admin'

let t: TestPayload
let payload: Payload
let rest: ReturnType<typeof restClient>
const users = {} as Record<Who, Doc>
const tokens = {} as Record<Who, string>

beforeAll(async () => {
  t = await startTestPayload({ mail: { transport: captureTransport().transport } })
  payload = t.payload
  rest = restClient(payload)
  const unit = (await payload.create({
    collection: 'units',
    data: { name: 'Trung tâm Truyền thông' },
  })) as unknown as Doc
  const other = (await payload.create({ collection: 'units', data: { name: 'Văn phòng' } })) as unknown as Doc
  await payload.create({
    collection: 'channels',
    data: { name: 'Cổng TTĐT', kind: 'portal', isHome: true, url: 'https://portal.example.gov.vn' },
  })
  users.editor = await createUser(payload, { role: 'editor', unit: unit.id })
  users.reviewer = await createUser(payload, { role: 'editor', unit: other.id })
  await payload.update({ collection: 'users', id: users.reviewer.id, data: { reviewUnits: [unit.id] } as never })
  users.manager = await createUser(payload, { role: 'manager', unit: unit.id })
  users.outsider = await createUser(payload, { role: 'editor', unit: other.id })
  users.admin = await createUser(payload, { role: 'admin', unit: other.id })
  for (const who of Object.keys(users) as Who[])
    tokens[who] = await rest.login(String(users[who].email), 'test-Password-1')
})

afterAll(async () => {
  await t?.cleanup()
})

type Query = { query(q: string, v?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }> }
const pool = () => (payload.db as unknown as { pool: Query }).pool

async function latest(id: Doc['id']): Promise<Doc> {
  return (await payload.findByID({ collection: 'articles', id, draft: true, depth: 0, trash: true })) as unknown as Doc
}
const reviewState = async (id: Doc['id']) => ((await latest(id)).review as { state?: string } | undefined)?.state
async function live(id: Doc['id']): Promise<{ status: string; title: string }> {
  const { rows } = await pool().query('select _status, title from articles where id = $1', [id])
  return { status: String(rows[0]?._status), title: String(rows[0]?.title) }
}
const pendingPublishJobs = async (id: Doc['id']) =>
  (
    await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'schedulePublish' } }, depth: 0 })
  ).docs.filter(
    (j) =>
      String((j.input as { doc?: { value?: string } }).doc?.value) === String(id) &&
      (j.input as { type?: string }).type === 'publish' &&
      !j.completedAt,
  )
const sleepUntil = (iso: string) =>
  new Promise((r) => setTimeout(r, Math.max(0, new Date(iso).getTime() - Date.now() + 200)))

/** An editor's draft, submitted, approved by the unit's reviewer to go out at `publishAt`. */
async function approvedForLater(publishAt: string): Promise<Doc> {
  const created = await rest.post(
    'articles?draft=true',
    { title: 'Bài đã duyệt', summary: 'Sapo đã duyệt' },
    { token: tokens.editor },
  )
  expect(created.status, JSON.stringify(created.json)).toBe(201)
  const doc = (created.json as { doc: Doc }).doc
  expect((await rest.post(`review/articles/${doc.id}/submit`, {}, { token: tokens.editor })).status).toBe(200)
  const approve = await rest.post(
    `review/articles/${doc.id}/approve`,
    { publishAt, updatedAt: (await latest(doc.id)).updatedAt },
    { token: tokens.reviewer },
  )
  expect(approve.status, JSON.stringify(approve.json)).toBe(200)
  expect(await pendingPublishJobs(doc.id)).toHaveLength(1)
  return doc
}

describe('finding 1: an edit sent together with a trash or restore voids the approval', () => {
  it('trash + new title in one PATCH, then restore: approval void, job withdrawn, nothing unreviewed goes live', async () => {
    const publishAt = new Date(Date.now() + 2500).toISOString()
    const doc = await approvedForLater(publishAt)
    const trashed = await rest.patch(
      `articles/${doc.id}`,
      { deletedAt: new Date().toISOString(), title: 'Nội dung chưa duyệt', summary: 'Sapo chưa duyệt' },
      { token: tokens.editor },
    )
    expect(trashed.status, JSON.stringify(trashed.json)).toBe(200)
    const restored = await rest.patch(`articles/${doc.id}?trash=true`, { deletedAt: null }, { token: tokens.editor })
    expect(restored.status, JSON.stringify(restored.json)).toBe(200)
    expect(await reviewState(doc.id)).toBe('draft')
    expect(await pendingPublishJobs(doc.id)).toHaveLength(0)
    await sleepUntil(publishAt)
    await payload.jobs.run()
    expect((await live(doc.id)).status).toBe('draft')
  })

  it('restore + new title in one PATCH voids the approval too', async () => {
    const doc = await approvedForLater(new Date(Date.now() + 60_000).toISOString())
    expect(
      (await rest.patch(`articles/${doc.id}`, { deletedAt: new Date().toISOString() }, { token: tokens.editor }))
        .status,
    ).toBe(200)
    // A trash alone changes no content: the approval stands.
    expect(await reviewState(doc.id)).toBe('approved')
    const restored = await rest.patch(
      `articles/${doc.id}?trash=true`,
      { deletedAt: null, title: 'Khôi phục kèm sửa' },
      { token: tokens.editor },
    )
    expect(restored.status, JSON.stringify(restored.json)).toBe(200)
    expect(await reviewState(doc.id)).toBe('draft')
    expect(await pendingPublishJobs(doc.id)).toHaveLength(0)
  })

  it('an editor cannot change the live text of a published item by trashing it in the same request', async () => {
    const created = await rest.post('articles?draft=true', { title: 'Bài đang đăng' }, { token: tokens.editor })
    const doc = (created.json as { doc: Doc }).doc
    expect((await rest.patch(`articles/${doc.id}`, { _status: 'published' }, { token: tokens.manager })).status).toBe(
      200,
    )
    const res = await rest.patch(
      `articles/${doc.id}`,
      { deletedAt: new Date().toISOString(), title: 'Sửa bản đang đăng' },
      { token: tokens.editor },
    )
    expect(res.status).toBe(403)
    expect((await live(doc.id)).title).toBe('Bài đang đăng')
  })
})

describe('finding 1: the scheduled publish checks it still publishes the version approved', () => {
  it('refuses when the draft changed behind the review record, leaves the item unapproved and tells the reviewer', async () => {
    const publishAt = new Date(Date.now() + 2500).toISOString()
    const doc = await approvedForLater(publishAt)
    // A change that no hook saw (a direct database write, a future code path that forgets the rule).
    await pool().query(
      `update _articles_v set version_title = 'Sửa ngoài quy trình', version_updated_at = now() + interval '1 second'
       where parent_id = $1 and latest`,
      [doc.id],
    )
    await sleepUntil(publishAt)
    await payload.jobs.run()
    expect((await live(doc.id)).status).toBe('draft')
    expect(await reviewState(doc.id)).not.toBe('approved')
    const notices = await rest.get('notifications?limit=50&sort=-createdAt', { token: tokens.reviewer })
    const docs = (notices.json as { docs: Array<Record<string, unknown>> }).docs
    expect(
      docs.some((n) => String(n.link ?? '').endsWith(`/articles/${doc.id}`) && /không xuất bản/i.test(String(n.title))),
    ).toBe(true)
  })

  it('still publishes the approved version when nothing changed', async () => {
    const publishAt = new Date(Date.now() + 2000).toISOString()
    const doc = await approvedForLater(publishAt)
    await sleepUntil(publishAt)
    await payload.jobs.run()
    expect(await live(doc.id)).toEqual({ status: 'published', title: 'Bài đã duyệt' })
    expect(await reviewState(doc.id)).toBe('approved')
  })
})

describe('finding 2: only a user who may publish a document queues or deletes its schedule jobs', () => {
  const reqAs = async (who: Who) =>
    createLocalReq({ user: { ...users[who], collection: 'users' } as unknown as TypedUser }, payload)
  const jobExists = async (id: string | number) =>
    (await payload.count({ collection: 'payload-jobs', where: { id: { equals: id } } })).totalDocs === 1
  const schedule = (who: Who, args: Record<string, unknown>) =>
    reqAs(who).then((req) => guardSchedulePublish({ ...args, req } as never) as Promise<Record<string, unknown>>)

  it('the schedule-publish server function refuses to delete a job of a document the caller may not publish', async () => {
    const doc = await approvedForLater(new Date(Date.now() + 3_600_000).toISOString())
    const job = (await pendingPublishJobs(doc.id))[0]!
    // An editor of another unit, and the item's own author (a unit that requires review).
    for (const who of ['outsider', 'editor'] as const) {
      const res = await schedule(who, { deleteID: job.id })
      expect(res.error, who).toBeTruthy()
      expect(await jobExists(job.id)).toBe(true)
    }
    // A job that is not a schedule job at all is never deleted this way.
    const other = await payload.jobs.queue({
      task: 'schedulePublish',
      input: {} as never,
      waitUntil: new Date(Date.now() + 3_600_000),
    })
    expect((await schedule('outsider', { deleteID: other.id })).error).toBeTruthy()
    expect(await jobExists(other.id)).toBe(true)
    // The manager (who may publish it) withdraws it.
    const ok = await schedule('manager', { deleteID: job.id })
    expect(ok.error).toBeUndefined()
    expect(await jobExists(job.id)).toBe(false)
  })

  it('refuses to queue a publish or takedown for a document the caller may not publish', async () => {
    const created = await rest.post('articles?draft=true', { title: 'Lịch xuất bản' }, { token: tokens.editor })
    const doc = (created.json as { doc: Doc }).doc
    const target = {
      type: 'publish',
      doc: { relationTo: 'articles', value: String(doc.id) },
      date: new Date(Date.now() + 3_600_000),
    }
    const before = (await payload.count({ collection: 'payload-jobs' })).totalDocs
    for (const who of ['outsider', 'editor'] as const) {
      expect((await schedule(who, target)).error, who).toBeTruthy()
      expect((await schedule(who, { ...target, type: 'unpublish' })).error, who).toBeTruthy()
    }
    expect((await schedule('outsider', { type: 'publish', date: target.date })).error).toBeTruthy()
    expect((await payload.count({ collection: 'payload-jobs' })).totalDocs).toBe(before)
    expect((await schedule('manager', target)).error).toBeUndefined()
    const queued = await pendingPublishJobs(doc.id)
    expect(queued).toHaveLength(1)
    expect((queued[0]!.input as { user?: { value?: unknown } }).user?.value).toBe(users.manager.id)
  })

  it('REST and GraphQL on payload-jobs are closed to every role', async () => {
    const doc = await approvedForLater(new Date(Date.now() + 3_600_000).toISOString())
    const job = (await pendingPublishJobs(doc.id))[0]!
    const gql = graphqlClient(payload)
    for (const who of ['outsider', 'editor', 'manager', 'admin'] as const) {
      const token = tokens[who]
      expect((await rest.delete(`payload-jobs/${job.id}`, { token })).status, who).toBe(403)
      expect((await rest.get('payload-jobs', { token })).status, who).toBe(403)
      expect(
        (await rest.patch(`payload-jobs/${job.id}`, { waitUntil: new Date().toISOString() }, { token })).status,
      ).toBe(403)
      expect((await rest.post('payload-jobs', { taskSlug: 'schedulePublish', input: {} }, { token })).status).toBe(403)
      const del = await gql(`mutation { deletePayloadJob(id: ${job.id}) { id } }`, { token })
      expect(del.json.errors?.length, who).toBeGreaterThan(0)
      const list = await gql('{ PayloadJobs { docs { id } } }', { token })
      expect(list.json.errors?.length, who).toBeGreaterThan(0)
    }
    expect(await jobExists(job.id)).toBe(true)
  })
})

describe('finding 7: locks only of what the caller may edit, in their name, stamped by the server', () => {
  const locksOf = async (collection: string, id: string | number) =>
    (
      await payload.find({
        collection: 'payload-locked-documents',
        where: { and: [{ 'document.relationTo': { equals: collection } }, { 'document.value': { equals: id } }] },
        depth: 0,
      })
    ).docs as unknown as Array<Record<string, unknown> & { id: number }>

  it("refuses a lock on another unit's item or on someone else's account, and the owner can still edit", async () => {
    const created = await rest.post('articles?draft=true', { title: 'Bài của đơn vị' }, { token: tokens.editor })
    const doc = (created.json as { doc: Doc }).doc
    const forged = { user: { relationTo: 'users', value: users.admin.id }, updatedAt: '2099-01-01T00:00:00.000Z' }
    const onItem = await rest.post(
      'payload-locked-documents',
      { document: { relationTo: 'articles', value: doc.id }, ...forged },
      { token: tokens.outsider },
    )
    expect(onItem.status).toBe(403)
    expect(await locksOf('articles', doc.id)).toHaveLength(0)
    const onAccount = await rest.post(
      'payload-locked-documents',
      { document: { relationTo: 'users', value: users.admin.id }, ...forged },
      { token: tokens.outsider },
    )
    expect(onAccount.status).toBe(403)
    expect(await locksOf('users', users.admin.id)).toHaveLength(0)
    expect((await rest.post('payload-locked-documents', { ...forged }, { token: tokens.outsider })).status).toBe(403)
    const edit = await rest.patch(`articles/${doc.id}?draft=true`, { title: 'Vẫn sửa được' }, { token: tokens.editor })
    expect(edit.status).toBe(200)
    expect((await rest.patch(`users/${users.admin.id}`, { name: 'Quản trị' }, { token: tokens.admin })).status).toBe(
      200,
    )
  })

  it("a lock on one's own item is the caller's, with the server's time, whatever the request says", async () => {
    const created = await rest.post('articles?draft=true', { title: 'Bài khóa' }, { token: tokens.editor })
    const doc = (created.json as { doc: Doc }).doc
    const res = await rest.post(
      'payload-locked-documents',
      {
        document: { relationTo: 'articles', value: doc.id },
        user: { relationTo: 'users', value: users.admin.id },
        createdAt: '2099-01-01T00:00:00.000Z',
        updatedAt: '2099-01-01T00:00:00.000Z',
      },
      { token: tokens.editor },
    )
    expect(res.status, JSON.stringify(res.json)).toBe(201)
    const [lock] = await locksOf('articles', doc.id)
    expect((lock!.user as { value: unknown }).value).toBe(users.editor.id)
    expect(Math.abs(new Date(String(lock!.updatedAt)).getTime() - Date.now())).toBeLessThan(60_000)
    expect(Math.abs(new Date(String(lock!.createdAt)).getTime() - Date.now())).toBeLessThan(60_000)
    // Someone who may not edit the item can neither take the lock over, re-point it, nor release it.
    expect(
      (
        await rest.patch(
          `payload-locked-documents/${lock!.id}`,
          { user: users.outsider.id },
          { token: tokens.outsider },
        )
      ).status,
    ).toBe(403)
    expect((await rest.delete(`payload-locked-documents/${lock!.id}`, { token: tokens.outsider })).status).toBe(403)
    // The item's editors can: a manager takes it over (in their own name, never another's) …
    const takeover = await rest.patch(
      `payload-locked-documents/${lock!.id}`,
      { user: { relationTo: 'users', value: users.admin.id }, updatedAt: '2099-01-01T00:00:00.000Z' },
      { token: tokens.manager },
    )
    expect(takeover.status, JSON.stringify(takeover.json)).toBe(200)
    const [after] = await locksOf('articles', doc.id)
    expect((after!.user as { value: unknown }).value).toBe(users.manager.id)
    expect(new Date(String(after!.updatedAt)).getFullYear()).toBeLessThan(2099)
    // … but cannot re-point it at something they may not edit (an account).
    expect(
      (
        await rest.patch(
          `payload-locked-documents/${lock!.id}`,
          { document: { relationTo: 'users', value: users.admin.id } },
          { token: tokens.manager },
        )
      ).status,
    ).toBe(403)
    expect((await rest.delete(`payload-locked-documents/${lock!.id}`, { token: tokens.manager })).status).toBe(200)
  })
})
