import { createLocalReq, type Payload } from 'payload'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { mayPublishItem } from '../../src/plugin/review/mayPublishItem'
import { loadReviewQueue } from '../../src/plugin/review/loadReviewQueue'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { captureTransport, type CapturedMail } from './helpers/captureMail'
import { restClient } from './helpers/rest'
import { createUser, startTestPayload, type TestPayload } from './helpers/testPayload'

/**
 * Editorial review over REST with real logins: every step × role, the publish guard, bad inputs,
 * notices (admin and e-mail), the history surviving ordinary edits, scheduled approval.
 */

type Doc = Record<string, unknown> & { id: string | number }
type Who = 'editor' | 'multimedia' | 'reviewer' | 'manager' | 'manager2' | 'admin' | 'editorB' | 'editorC'

let t: TestPayload
let payload: Payload
let rest: ReturnType<typeof restClient>
let sent: CapturedMail[]
const users = {} as Record<Who, Doc>
const tokens = {} as Record<Who, string>
let unitA: Doc // requires review (the default)
let unitB: Doc // does not
let unitC: Doc

beforeAll(async () => {
  const mail = captureTransport()
  sent = mail.sent
  t = await startTestPayload({ mail: { transport: mail.transport } })
  payload = t.payload
  rest = restClient(payload)
  unitA = (await payload.create({ collection: 'units', data: { name: 'Trung tâm Truyền thông' } })) as unknown as Doc
  unitB = (await payload.create({
    collection: 'units',
    data: { name: 'Vụ Pháp chế', requiresReview: false },
  })) as unknown as Doc
  unitC = (await payload.create({ collection: 'units', data: { name: 'Văn phòng' } })) as unknown as Doc
  await payload.create({
    collection: 'channels',
    data: { name: 'Cổng TTĐT', kind: 'portal', isHome: true, url: 'https://portal.example.gov.vn' },
  })
  users.editor = await createUser(payload, { role: 'editor', unit: unitA.id, name: 'Biên tập A' })
  users.multimedia = await createUser(payload, { role: 'multimedia', unit: unitA.id })
  // An editor of another unit whom unit A marks as its reviewer.
  users.reviewer = await createUser(payload, { role: 'editor', unit: unitC.id, name: 'Người duyệt A' })
  await payload.update({ collection: 'users', id: users.reviewer.id, data: { reviewUnits: [unitA.id] } as never })
  users.manager = await createUser(payload, { role: 'manager', unit: unitA.id, name: 'Lãnh đạo' })
  users.manager2 = await createUser(payload, { role: 'manager', unit: unitC.id })
  users.admin = await createUser(payload, { role: 'admin', unit: unitA.id })
  users.editorB = await createUser(payload, { role: 'editor', unit: unitB.id })
  users.editorC = await createUser(payload, { role: 'editor', unit: unitC.id })
  for (const who of Object.keys(users) as Who[])
    tokens[who] = await rest.login(String(users[who].email), 'test-Password-1')
})

afterAll(async () => {
  await t?.cleanup()
})

let n = 0
async function draftAs(who: Who, collection = 'articles'): Promise<Doc> {
  n += 1
  const data =
    collection === 'articles'
      ? { title: `Bài ${n}` }
      : { title: `Video ${n}`, source: 'external', externalUrl: 'https://www.youtube.com/watch?v=M7lc1UVf-VE' }
  const res = await rest.post(`${collection}?draft=true`, data, { token: tokens[who] })
  expect(res.status, JSON.stringify(res.json)).toBe(201)
  return (res.json as { doc: Doc }).doc
}

/**
 * A review step over REST. An approval carries the draft's `updatedAt` as the reviewer would have
 * it on screen, read just before (as a reviewer who has the item open); a body that names
 * `updatedAt` itself (even as undefined, to leave it out) is sent as it is.
 */
async function step(who: Who | null, id: Doc['id'], action: string, body?: unknown, collection = 'articles') {
  let sent = body
  if (action === 'approve' && !(body && typeof body === 'object' && 'updatedAt' in body))
    sent = { ...(body as object | undefined), updatedAt: (await latest(id, collection)).updatedAt }
  return rest.post(`review/${collection}/${id}/${action}`, sent, who ? { token: tokens[who] } : {})
}

/** The latest version (the review record lives there, as drafts do). */
async function latest(id: Doc['id'], collection = 'articles'): Promise<Doc> {
  return (await payload.findByID({ collection: collection as 'articles', id, draft: true, depth: 0 })) as unknown as Doc
}
const state = async (id: Doc['id']) => ((await latest(id)).review as { state?: string } | undefined)?.state
const history = async (id: Doc['id']) => ((await latest(id)).reviewHistory ?? []) as Array<Record<string, unknown>>
async function mainStatus(id: Doc['id']): Promise<string> {
  const { rows } = await (
    payload.db as unknown as { pool: { query(q: string, v: unknown[]): Promise<{ rows: Array<{ _status: string }> }> } }
  ).pool.query('select _status from articles where id = $1', [id])
  return String(rows[0]?._status)
}
async function noticesOf(who: Who): Promise<Array<Record<string, unknown>>> {
  const res = await rest.get('notifications?limit=100&sort=-createdAt', { token: tokens[who] })
  expect(res.status).toBe(200)
  return (res.json as { docs: Array<Record<string, unknown>> }).docs.filter((d) => d.kind === 'review')
}
const errorField = (res: { json: { errors?: Array<Record<string, unknown>> } }) => res.json.errors?.[0]?.field

describe('publish guard: a unit that requires review', () => {
  it('refuses an editor publishing directly (create or update) and keeps the item a draft', async () => {
    const created = await rest.post('articles', { title: 'Đăng thẳng', _status: 'published' }, { token: tokens.editor })
    expect(created.status).toBe(403)
    expect(created.json.errors?.[0]?.message).toMatch(/yêu cầu duyệt/)
    expect(
      (await payload.count({ collection: 'articles', where: { title: { equals: 'Đăng thẳng' } } })).totalDocs,
    ).toBe(0)
    const draft = await draftAs('editor')
    const publish = await rest.patch(`articles/${draft.id}`, { _status: 'published' }, { token: tokens.editor })
    expect(publish.status).toBe(403)
    expect(await mainStatus(draft.id)).toBe('draft')
    // multimedia staff, their own kind of item
    const video = await draftAs('multimedia', 'videos')
    expect(
      (await rest.patch(`videos/${video.id}`, { _status: 'published' }, { token: tokens.multimedia })).status,
    ).toBe(403)
  })

  it('lets reviewers publish directly, and the authors of a unit without review', async () => {
    for (const who of ['manager', 'admin'] as const) {
      const d = await draftAs('editor')
      expect((await rest.patch(`articles/${d.id}`, { _status: 'published' }, { token: tokens[who] })).status).toBe(200)
      expect(await mainStatus(d.id)).toBe('published')
    }
    const b = await rest.post(
      'articles',
      { title: 'Đơn vị B tự đăng', _status: 'published' },
      { token: tokens.editorB },
    )
    expect(b.status).toBe(201)
    expect(await mainStatus((b.json as { doc: Doc }).doc.id)).toBe('published')
  })

  it('refuses an editor changing the live version, but allows a draft of the change', async () => {
    const d = await draftAs('editor')
    await rest.patch(`articles/${d.id}`, { _status: 'published' }, { token: tokens.manager })
    const live = await rest.patch(`articles/${d.id}`, { title: 'Sửa thẳng' }, { token: tokens.editor })
    expect(live.status).toBe(403)
    const draft = await rest.patch(`articles/${d.id}?draft=true`, { title: 'Sửa nháp' }, { token: tokens.editor })
    expect(draft.status).toBe(200)
    const pub = (await payload.findByID({ collection: 'articles', id: d.id, depth: 0 })) as unknown as Doc
    expect(pub.title).not.toBe('Sửa thẳng')
  })
})

describe("the edit view's Publish button", () => {
  /**
   * What src/plugin/review/admin/ReviewPublishButton.tsx renders for `who` on the item (undefined: the
   * create view). The component itself imports @payloadcms/ui, which Node cannot load outside
   * Next (CSS imports): its one decision is this function; the e2e journey sees the button.
   */
  async function buttonFor(who: Who, id?: Doc['id'], collection = 'articles') {
    const user = await payload.findByID({ collection: 'users', id: users[who].id, depth: 0 })
    const publish = await mayPublishItem({ payload, user: { ...user, collection: 'users' } as never, collection, id })
    return publish ? 'publish' : 'save draft'
  }

  it('replaces Payload’s button in every content collection, through the import map', () => {
    for (const slug of ['articles', 'infographics', 'videos'] as const)
      expect(payload.collections[slug].config.admin.components?.edit?.PublishButton).toEqual({
        path: '/plugin/review/admin/ReviewPublishButton#ReviewPublishButton',
        serverProps: { collection: slug },
      })
    const importMap = readFileSync(path.resolve('src/app/(payload)/admin/importMap.js'), 'utf8')
    expect(importMap).toContain('"/plugin/review/admin/ReviewPublishButton#ReviewPublishButton": ReviewPublishButton_')
  })

  it('is hidden from authors of a unit that requires review (Save draft instead), shown to reviewers and elsewhere', async () => {
    const a = await draftAs('editor')
    expect(await buttonFor('editor', a.id)).toBe('save draft')
    expect(await buttonFor('editor')).toBe('save draft') // the create view: the author's own unit
    const v = await draftAs('multimedia', 'videos')
    expect(await buttonFor('multimedia', v.id, 'videos')).toBe('save draft')
    for (const who of ['reviewer', 'manager', 'admin'] as const) expect(await buttonFor(who, a.id), who).toBe('publish')
    // the unit-marked reviewer reviews unit A only: in their own unit C (review required) they are an author
    const c = await draftAs('editorC')
    expect(await buttonFor('reviewer', c.id)).toBe('save draft')
    const b = await draftAs('editorB')
    expect(await buttonFor('editorB', b.id)).toBe('publish')
    expect(await buttonFor('editorB')).toBe('publish')
  })
})

describe('review steps', () => {
  it('submit → return (reason) → edit → submit → approve, with notices and the history', async () => {
    const d = await draftAs('editor')
    expect(await state(d.id)).toBe('draft')

    const submit = await step('editor', d.id, 'submit')
    expect(submit.status, JSON.stringify(submit.json)).toBe(200)
    expect(submit.json).toMatchObject({ state: 'submitted', published: false })
    expect(await mainStatus(d.id)).toBe('draft')
    // the unit's reviewers are told: managers and the unit-marked reviewer, not other editors
    for (const who of ['manager', 'manager2', 'reviewer'] as const)
      expect(
        (await noticesOf(who)).some((x) => String(x.title).includes(String(d.title))),
        who,
      ).toBe(true)
    expect((await noticesOf('editorC')).length).toBe(0)
    expect(sent.some((m) => m.to.includes(String(users.reviewer.email)) && m.subject.includes(String(d.title)))).toBe(
      true,
    )

    // forbidden: the author approving or returning, another unit's editor, the wrong state
    expect((await step('editor', d.id, 'approve')).status).toBe(403)
    expect((await step('editor', d.id, 'return', { reason: 'x' })).status).toBe(403)
    expect((await step('editorC', d.id, 'approve')).status).toBe(403)
    expect((await step('editorB', d.id, 'withdraw')).status).toBe(403)
    expect((await step('multimedia', d.id, 'withdraw')).status).toBe(403)
    const again = await step('editor', d.id, 'submit')
    expect(again.status).toBe(409)
    expect(again.json.errors?.[0]?.message).toMatch(/submitted/)

    // a return needs a reason
    for (const body of [undefined, {}, { reason: '   ' }, { reason: 42 }]) {
      const res = await step('reviewer', d.id, 'return', body)
      expect(res.status).toBe(400)
      expect(errorField(res)).toBe('reason')
      expect(res.json.errors?.[0]?.message).toMatch(/reason/)
    }
    expect(await state(d.id)).toBe('submitted')

    const ret = await step('reviewer', d.id, 'return', { reason: 'Thiếu nguồn số liệu' })
    expect(ret.status, JSON.stringify(ret.json)).toBe(200)
    expect(await state(d.id)).toBe('returned')
    const told = (await noticesOf('editor')).find((x) => String(x.title).startsWith('Bị trả lại'))
    expect(told?.body).toMatch(/Thiếu nguồn số liệu/)
    expect(sent.some((m) => m.to.includes(String(users.editor.email)) && m.text.includes('Thiếu nguồn số liệu'))).toBe(
      true,
    )

    // reworking a returned item makes it a draft again; the history stays
    expect(
      (await rest.patch(`articles/${d.id}?draft=true`, { title: `${d.title} (sửa)` }, { token: tokens.editor })).status,
    ).toBe(200)
    expect(await state(d.id)).toBe('draft')
    expect((await history(d.id)).map((h) => h.action)).toEqual(['submit', 'return'])

    expect((await step('editor', d.id, 'submit')).status).toBe(200)
    const approve = await step('reviewer', d.id, 'approve')
    expect(approve.status, JSON.stringify(approve.json)).toBe(200)
    expect(approve.json).toMatchObject({ state: 'approved', published: true })
    expect(await mainStatus(d.id)).toBe('published')
    const pub = (await payload.findByID({ collection: 'articles', id: d.id, depth: 0 })) as unknown as Doc
    expect(pub.title).toBe(`${d.title} (sửa)`)
    expect(String(pub.lastPublishedBy)).toBe(String(users.reviewer.id))
    expect((await noticesOf('editor')).some((x) => String(x.title).startsWith('Đã duyệt'))).toBe(true)

    const h = await history(d.id)
    expect(h.map((x) => [x.action, x.from, x.to])).toEqual([
      ['submit', 'draft', 'submitted'],
      ['return', 'submitted', 'returned'],
      ['submit', 'draft', 'submitted'],
      ['approve', 'submitted', 'approved'],
    ])
    expect(h[1]).toMatchObject({ reason: 'Thiếu nguồn số liệu' })
    expect(String(h[1]!.by)).toBe(String(users.reviewer.id))
    expect(String(h[0]!.by)).toBe(String(users.editor.id))
    expect(typeof h[0]!.at).toBe('string')
  })

  it('withdraw: the author takes a submission back; nothing to approve then', async () => {
    const d = await draftAs('editor')
    expect((await step('editor', d.id, 'withdraw')).status).toBe(409)
    expect((await step('editor', d.id, 'submit')).status).toBe(200)
    expect((await step('manager', d.id, 'withdraw')).status).toBe(200) // a manager may edit, so may withdraw
    expect(await state(d.id)).toBe('draft')
    expect((await step('manager', d.id, 'approve')).status).toBe(409)
    expect((await step('manager', d.id, 'return', { reason: 'x' })).status).toBe(409)
  })

  it('nobody but an admin approves their own submission; a reviewer of another unit cannot', async () => {
    const m = await draftAs('manager')
    expect((await step('manager', m.id, 'submit')).status).toBe(200)
    const own = await step('manager', m.id, 'approve')
    expect(own.status).toBe(403)
    expect(own.json.errors?.[0]?.message).toMatch(/tự duyệt/)
    expect((await step('manager2', m.id, 'approve')).status).toBe(200)

    const a = await draftAs('admin')
    expect((await step('admin', a.id, 'submit')).status).toBe(200)
    expect((await step('admin', a.id, 'approve')).status).toBe(200)

    const c = await draftAs('editorC')
    expect((await step('editorC', c.id, 'submit')).status).toBe(200)
    expect((await step('reviewer', c.id, 'approve')).status).toBe(403) // reviews unit A only
    expect((await step('reviewer', c.id, 'return', { reason: 'x' })).status).toBe(403)
    expect((await step('editorC', c.id, 'approve')).status).toBe(403)
  })

  it('other kinds: multimedia staff submit videos; editors may not submit them', async () => {
    const v = await draftAs('multimedia', 'videos')
    expect((await step('editor', v.id, 'submit', undefined, 'videos')).status).toBe(403)
    expect((await step('multimedia', v.id, 'submit', undefined, 'videos')).status).toBe(200)
    expect((await step('reviewer', v.id, 'approve', undefined, 'videos')).status).toBe(200)
    const doc = (await payload.findByID({ collection: 'videos', id: v.id, depth: 0 })) as unknown as Doc
    expect(doc._status).toBe('published')
  })
})

describe('bad requests', () => {
  it('401 anonymous, 404 unknown collection / id / action, 400 bad body', async () => {
    const d = await draftAs('editor')
    expect((await step(null, d.id, 'submit')).status).toBe(401)
    const coll = await step('editor', d.id, 'submit', undefined, 'units')
    expect(coll.status).toBe(404)
    expect(errorField(coll)).toBe('collection')
    expect(errorField(await step('editor', 999999, 'submit'))).toBe('id')
    expect((await step('editor', 'abc', 'submit')).status).toBe(404)
    const act = await step('editor', d.id, 'publish')
    expect(act.status).toBe(404)
    expect(errorField(act)).toBe('action')
    expect((await step('editor', d.id, 'submit', [1, 2])).status).toBe(400)
    expect(await state(d.id)).toBe('draft')
    expect(await history(d.id)).toEqual([])
  })

  it('bad publishAt: not a date-time, or not in the future — nothing changes', async () => {
    const d = await draftAs('editor')
    await step('editor', d.id, 'submit')
    for (const publishAt of ['mai', '2030-01-01', new Date(Date.now() - 60_000).toISOString(), 12]) {
      const res = await step('manager', d.id, 'approve', { publishAt })
      expect(res.status, String(publishAt)).toBe(400)
      expect(errorField(res)).toBe('publishAt')
    }
    expect(await state(d.id)).toBe('submitted')
    expect(await mainStatus(d.id)).toBe('draft')
  })
})

describe('approval names the version the reviewer saw', () => {
  /** What the reviewer's edit view loads: the latest draft, over REST as the reviewer. */
  async function openAs(who: Who, id: Doc['id']): Promise<Doc> {
    const res = await rest.get(`articles/${id}?draft=true&depth=0`, { token: tokens[who] })
    expect(res.status).toBe(200)
    return res.json as unknown as Doc
  }
  /** The task's tallies (every channel and day), as the counting engine keeps them. */
  async function talliesOf(task: Doc['id']): Promise<string> {
    const { rows } = await (
      payload.db as unknown as { pool: { query(q: string, v: unknown[]): Promise<{ rows: unknown[] }> } }
    ).pool.query(
      'select channel, content_type, day, count from quota_tallies where task = $1 order by channel, content_type, day',
      [task],
    )
    return JSON.stringify(rows)
  }
  let task: Doc
  beforeAll(async () => {
    const plan = await payload.create({ collection: 'plans', data: { code: 'KH-V', title: 'p' } })
    task = (await payload.create({
      collection: 'tasks',
      data: {
        plan: plan.id,
        code: '1',
        title: 'Nhiệm vụ đếm',
        timeframe: { kind: 'deadline', deadline: '2099-12-31T05:00:00.000Z' },
      } as never,
    })) as unknown as Doc
  })
  async function submittedWithTask(): Promise<Doc> {
    const d = await draftAs('editor')
    expect(
      (await rest.patch(`articles/${d.id}?draft=true`, { tasks: [task.id] }, { token: tokens.editor })).status,
    ).toBe(200)
    expect((await step('editor', d.id, 'submit')).status).toBe(200)
    return d
  }

  it('approves the draft the reviewer opened', async () => {
    const d = await submittedWithTask()
    const seen = await openAs('reviewer', d.id)
    const before = await talliesOf(task.id)
    const res = await step('reviewer', d.id, 'approve', { updatedAt: seen.updatedAt })
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    expect(await mainStatus(d.id)).toBe('published')
    // the approval counts: the same check below (nothing moved) could fail
    expect(await talliesOf(task.id)).not.toBe(before)
  })

  it('refuses with 409 an approval of a draft the author saved again since; nothing is published or counted', async () => {
    const d = await submittedWithTask()
    const seen = await openAs('reviewer', d.id)
    // the author keeps working (an autosave is the same PATCH ?draft=true, with autosave=true)
    const edit = await rest.patch(
      `articles/${d.id}?draft=true&autosave=true`,
      { title: `${d.title}: số liệu mới` },
      { token: tokens.editor },
    )
    expect(edit.status).toBe(200)
    expect(await state(d.id)).toBe('submitted') // an edit keeps the submission
    const stepsBefore = (await history(d.id)).length
    const tallies = await talliesOf(task.id)

    const stale = await step('reviewer', d.id, 'approve', { updatedAt: seen.updatedAt })
    expect(stale.status, JSON.stringify(stale.json)).toBe(409)
    expect(errorField(stale)).toBe('updatedAt')
    expect(stale.json.errors?.[0]?.message).toMatch(/đã được sửa sau khi bạn mở.*tải lại trang/)
    // the two save times as people read them (Vietnam time, to the second), not ISO strings
    expect(stale.json.errors?.[0]?.message).toMatch(/\d{2}:\d{2}:\d{2}/)
    expect(stale.json.errors?.[0]?.message).not.toMatch(/\d{4}-\d{2}-\d{2}T/)
    const en = await rest.post(
      `review/articles/${d.id}/approve`,
      { updatedAt: seen.updatedAt },
      { token: tokens.reviewer, headers: { 'Accept-Language': 'en' } },
    )
    expect(en.status).toBe(409)
    expect(en.json.errors?.[0]?.message).toMatch(/changed after you opened it.*reload/i)
    // a scheduled approval is refused the same way (it would publish the unseen draft later)
    const later = await step('reviewer', d.id, 'approve', {
      updatedAt: seen.updatedAt,
      publishAt: new Date(Date.now() + 3_600_000).toISOString(),
    })
    expect(later.status).toBe(409)

    expect(await mainStatus(d.id)).toBe('draft')
    expect(await state(d.id)).toBe('submitted')
    expect(await history(d.id)).toHaveLength(stepsBefore)
    expect(await talliesOf(task.id)).toBe(tallies)
    const jobs = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'schedulePublish' } } })
    expect(jobs.docs.some((j) => String((j.input as { doc?: { value?: string } }).doc?.value) === String(d.id))).toBe(
      false,
    )

    // reloaded, the reviewer sees the new text and approves it: that version is what goes live
    const again = await openAs('reviewer', d.id)
    expect(again.title).toBe(`${d.title}: số liệu mới`)
    expect((await step('reviewer', d.id, 'approve', { updatedAt: again.updatedAt })).status).toBe(200)
    const pub = (await payload.findByID({ collection: 'articles', id: d.id, depth: 0 })) as unknown as Doc
    expect(pub.title).toBe(`${d.title}: số liệu mới`)
    expect(await talliesOf(task.id)).not.toBe(tallies)
  })

  it('400 naming "updatedAt" when the approval does not say which version, or not as a date-time', async () => {
    const d = await submittedWithTask()
    for (const body of [undefined, {}, { updatedAt: undefined }, { updatedAt: '' }, { updatedAt: null }]) {
      const res = await rest.post(`review/articles/${d.id}/approve`, body, { token: tokens.reviewer })
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(errorField(res)).toBe('updatedAt')
      expect(res.json.errors?.[0]?.message).toMatch(/updatedAt/)
    }
    for (const updatedAt of ['hôm nay', 42, '2025-08-30'])
      expect((await step('reviewer', d.id, 'approve', { updatedAt })).status, String(updatedAt)).toBe(400)
    expect(await state(d.id)).toBe('submitted')
    expect(await mainStatus(d.id)).toBe('draft')
  })

  it('a return or a withdrawal needs no version (neither publishes anything)', async () => {
    const d = await submittedWithTask()
    const ret = await rest.post(`review/articles/${d.id}/return`, { reason: 'Sửa sapo' }, { token: tokens.reviewer })
    expect(ret.status).toBe(200)
    const e = await submittedWithTask()
    expect((await rest.post(`review/articles/${e.id}/withdraw`, undefined, { token: tokens.editor })).status).toBe(200)
    expect(await state(e.id)).toBe('draft')
  })
})

describe('history and state cannot be forged', () => {
  it('ordinary saves (REST as author, local API as the system) keep the record', async () => {
    const d = await draftAs('editor')
    await step('editor', d.id, 'submit')
    await step('manager', d.id, 'return', { reason: 'Viết lại sapo' })
    const before = await history(d.id)
    expect(before).toHaveLength(2)
    const forged = await rest.patch(
      `articles/${d.id}?draft=true`,
      { review: { state: 'approved' }, reviewHistory: [], title: 'Tiêu đề mới' },
      { token: tokens.editor },
    )
    expect(forged.status).toBe(200)
    expect(await state(d.id)).toBe('draft') // reworked, not approved
    expect((await history(d.id)).map((h) => h.id)).toEqual(before.map((h) => h.id))
    await payload.update({ collection: 'articles', id: d.id, data: { reviewHistory: [] } as never, draft: true })
    expect((await history(d.id)).map((h) => h.reason)).toEqual([null, 'Viết lại sapo'])
  })
})

describe('scheduled approval', () => {
  it('approval with publishAt publishes when the job runs after that time, not before', async () => {
    const d = await draftAs('editor')
    await step('editor', d.id, 'submit')
    const publishAt = new Date(Date.now() + 2500).toISOString()
    const res = await step('reviewer', d.id, 'approve', { publishAt })
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    expect(res.json).toMatchObject({ state: 'approved', published: false, publishAt })
    expect(await mainStatus(d.id)).toBe('draft')
    const jobs = await payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'schedulePublish' } },
      depth: 0,
    })
    const job = jobs.docs.find((j) => String((j.input as { doc?: { value?: string } }).doc?.value) === String(d.id))
    expect(job?.waitUntil).toBe(publishAt)
    await payload.jobs.run()
    expect(await mainStatus(d.id)).toBe('draft')
    await new Promise((r) => setTimeout(r, Math.max(0, new Date(publishAt).getTime() - Date.now() + 200)))
    await payload.jobs.run()
    expect(await mainStatus(d.id)).toBe('published')
    expect(await state(d.id)).toBe('approved')
    expect((await noticesOf('editor')).some((x) => String(x.body).includes('sẽ được xuất bản lúc'))).toBe(true)
  })

  it('an edit after a scheduled approval voids it: the publish is withdrawn and nothing unapproved goes out', async () => {
    const d = await draftAs('editor')
    await step('editor', d.id, 'submit')
    const publishAt = new Date(Date.now() + 1500).toISOString()
    expect((await step('reviewer', d.id, 'approve', { publishAt })).status).toBe(200)
    const pending = async () =>
      (
        await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'schedulePublish' } }, depth: 0 })
      ).docs.filter(
        (j) => String((j.input as { doc?: { value?: string } }).doc?.value) === String(d.id) && !j.completedAt,
      )
    expect(await pending()).toHaveLength(1)
    const edited = await rest.patch(
      `articles/${d.id}?draft=true`,
      { title: 'Sửa sau khi duyệt' },
      { token: tokens.editor },
    )
    expect(edited.status).toBe(200)
    expect(await state(d.id)).toBe('draft')
    expect(await pending()).toHaveLength(0)
    await new Promise((r) => setTimeout(r, Math.max(0, new Date(publishAt).getTime() - Date.now() + 200)))
    await payload.jobs.run()
    expect(await mainStatus(d.id)).toBe('draft')
  })

  const jobsOf = async (id: Doc['id']) =>
    (
      await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'schedulePublish' } }, depth: 0 })
    ).docs.filter((j) => String((j.input as { doc?: { value?: string } }).doc?.value) === String(id) && !j.completedAt)

  it('a new submission after a scheduled approval, then a return, leaves nothing to publish', async () => {
    const d = await draftAs('editor')
    await step('editor', d.id, 'submit')
    const publishAt = new Date(Date.now() + 1500).toISOString()
    expect((await step('reviewer', d.id, 'approve', { publishAt })).status).toBe(200)
    expect(await jobsOf(d.id)).toHaveLength(1)
    // Submitting again is a step (no content edit): it leaves the approval all the same.
    expect((await step('editor', d.id, 'submit')).status).toBe(200)
    expect(await jobsOf(d.id)).toHaveLength(0)
    expect((await step('reviewer', d.id, 'return', { reason: 'Chưa đạt' })).status).toBe(200)
    await new Promise((r) => setTimeout(r, Math.max(0, new Date(publishAt).getTime() - Date.now() + 200)))
    await payload.jobs.run()
    expect(await mainStatus(d.id)).toBe('draft')
    expect(await state(d.id)).toBe('returned')
  })

  it('leaving an approval withdraws only the approved publish, never a scheduled takedown', async () => {
    const d = await draftAs('editor')
    await step('editor', d.id, 'submit')
    const publishAt = new Date(Date.now() + 60_000).toISOString()
    expect((await step('reviewer', d.id, 'approve', { publishAt })).status).toBe(200)
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'unpublish',
        doc: { relationTo: 'articles', value: String(d.id) },
        user: { relationTo: 'users', value: users.reviewer.id },
      } as never,
      waitUntil: new Date(Date.now() + 120_000),
    })
    expect((await jobsOf(d.id)).map((j) => (j.input as { type?: string }).type).sort()).toEqual([
      'publish',
      'unpublish',
    ])
    const edited = await rest.patch(`articles/${d.id}?draft=true`, { title: 'Sửa lại' }, { token: tokens.editor })
    expect(edited.status).toBe(200)
    expect((await jobsOf(d.id)).map((j) => (j.input as { type?: string }).type)).toEqual(['unpublish'])
  })

  it("an author's own scheduled publish in a unit that requires review does not publish", async () => {
    const d = await draftAs('editor')
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: 'articles', value: String(d.id) },
        user: { relationTo: 'users', value: users.editor.id },
      } as never,
      waitUntil: new Date(Date.now() - 1000),
    })
    await payload.jobs.run()
    expect(await mainStatus(d.id)).toBe('draft')
  })
})

describe('review queue', () => {
  // The user as the database has it now (as a signed-in request would see it).
  const queueOf = async (who: Who, filters = {}, now = new Date()) => {
    const user = await payload.findByID({ collection: 'users', id: users[who].id, depth: 0 })
    return loadReviewQueue(
      await createLocalReq({ user: { ...user, collection: 'users' } as never }, payload),
      filters,
      now,
    )
  }

  it('shows each reviewer the submitted items of their units, filtered, with overdue marked', async () => {
    const a = await draftAs('editor')
    const v = await draftAs('multimedia', 'videos')
    const c = await draftAs('editorC')
    for (const [who, d, coll] of [
      ['editor', a, 'articles'],
      ['multimedia', v, 'videos'],
      ['editorC', c, 'articles'],
    ] as const)
      expect((await step(who, d.id, 'submit', undefined, coll)).status).toBe(200)
    const key = (i: { collection: string; id: unknown }) => `${i.collection}:${i.id}`
    const mine = (await queueOf('reviewer')).items.map(key)
    expect(mine).toEqual(expect.arrayContaining([`articles:${a.id}`, `videos:${v.id}`]))
    expect(mine).not.toContain(`articles:${c.id}`) // unit C is not theirs
    expect((await queueOf('manager')).items.map(key)).toEqual(expect.arrayContaining([`articles:${c.id}`]))
    expect(await queueOf('editor')).toMatchObject({ allowed: false, items: [] })

    const videosOnly = (await queueOf('manager', { type: 'videos' })).items
    expect(videosOnly.length).toBeGreaterThan(0)
    expect(videosOnly.every((i) => i.collection === 'videos')).toBe(true)
    const onlyC = (await queueOf('manager', { unit: String(unitC.id) })).items
    expect(onlyC.map(key)).toContain(`articles:${c.id}`)
    expect(onlyC.every((i) => String(i.unit) === String(unitC.id))).toBe(true)
    expect((await queueOf('manager', { minAge: '1' })).items.map(key)).not.toContain(`articles:${a.id}`)
    const later = new Date(Date.now() + 49 * 3_600_000)
    const old = await queueOf('manager', { minAge: '48' }, later)
    expect(old.items.map(key)).toContain(`articles:${a.id}`)
    expect(old.items.every((i) => i.overdue && i.waitingHours >= 48)).toBe(true)
    expect((await queueOf('manager')).items.some((i) => i.overdue)).toBe(false)
  })

  it('filters by task', async () => {
    const plan = await payload.create({ collection: 'plans', data: { code: 'KH-R', title: 'p' } })
    const task = await payload.create({
      collection: 'tasks',
      data: {
        plan: plan.id,
        code: '1',
        title: 't',
        timeframe: { kind: 'deadline', deadline: '2030-12-31T05:00:00.000Z' },
      } as never,
    })
    const d = await draftAs('editor')
    await rest.patch(`articles/${d.id}?draft=true`, { tasks: [task.id] }, { token: tokens.editor })
    await step('editor', d.id, 'submit')
    const items = (await queueOf('manager', { task: String(task.id) })).items
    expect(items.map((i) => i.id)).toEqual([d.id])
  })
})
