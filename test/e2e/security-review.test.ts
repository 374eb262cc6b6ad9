/**
 * Issue 20 (black-box findings) reproduced as an outsider would, over real HTTP against the built
 * app: plain `fetch`, no browser. Run by `npm run test:e2e` (test/e2e/run.ts sets E2E_BASE_URL);
 * `npm run test:e2e -- security-` runs only these files (arguments after `--` go to vitest).
 *
 * Everything here is made by this file through the API as the demo admin (its own units, users,
 * plan, articles, share links); the demo data that the browser journeys count is never touched.
 * Nothing is left scheduled or submitted, and nothing is published. (Every manager, the demo one
 * included, is notified of a submission, as the product does; the journeys do not count those.)
 *
 * Before the fixes of issue 20 every test here failed: the approval stayed "approved", the
 * outsider's server-function call deleted the manager's job, the forged lock was created (201),
 * the unit shapes were accepted (200), the share link was re-pointed (200), and the malformed
 * queries answered 500.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/seed/planData'

const BASE = process.env.E2E_BASE_URL ?? ''
const ROOT = path.resolve(import.meta.dirname, '..', '..')
const PASSWORD = 'e2e-Security-Pass-2026'
const tag = randomBytes(3).toString('hex')

type Json = Record<string, unknown> & {
  errors?: Array<{ message?: string; field?: string; data?: { errors?: Array<{ path?: string }> } }>
}
type Doc = Record<string, unknown> & { id: number }

async function api(
  method: string,
  route: string,
  init: { token?: string; body?: unknown } = {},
): Promise<{ status: number; json: Json }> {
  const headers: Record<string, string> = {}
  if (init.token) headers.Authorization = `JWT ${init.token}`
  if (init.body !== undefined) headers['Content-Type'] = 'application/json'
  const res = await fetch(`${BASE}/api/${route}`, {
    method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const text = await res.text()
  let json: Json = {}
  try {
    json = text ? (JSON.parse(text) as Json) : {}
  } catch {
    json = { raw: text }
  }
  return { status: res.status, json }
}
const fieldOf = (r: { json: Json }) => r.json.errors?.[0]?.data?.errors?.[0]?.path ?? r.json.errors?.[0]?.field

async function login(email: string, password: string): Promise<string> {
  const res = await api('POST', 'users/login', { body: { email, password } })
  expect(res.status, `login ${email}: ${JSON.stringify(res.json)}`).toBe(200)
  return String(res.json.token)
}

/**
 * Payload's admin server functions, called as the admin's browser does (and as an attacker can):
 * one React server action, the layout's `serverFunction`, whose id is in the build's manifest,
 * POSTed to /admin with `Next-Action` and the arguments encoded as React encodes them.
 */
function serverFunctionActionId(): string {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, '.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename?: string }>
  }
  const entry = Object.entries(manifest.node).find(([, v]) => v.filename === 'src/app/(payload)/layout.tsx')
  if (!entry) throw new Error('no server action of src/app/(payload)/layout.tsx in the build manifest')
  return entry[0]
}

async function serverFunction(token: string, name: string, args: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${BASE}/admin`, {
    method: 'POST',
    headers: {
      'Next-Action': serverFunctionActionId(),
      'Content-Type': 'text/plain;charset=UTF-8',
      Accept: 'text/x-component',
      Cookie: `payload-token=${token}`,
      Origin: BASE,
    },
    // React's encodeReply of plain JSON is the JSON itself; a Date is "$D<iso>".
    body: JSON.stringify([{ name, args }]),
  })
  const text = await res.text()
  expect(res.status, `${name}: ${text.slice(0, 300)}`).toBe(200)
  return text
}

/** The ids of the pending schedule jobs of an article, as Payload's schedule drawer lists them. */
async function upcomingJobIds(token: string, id: number): Promise<number[]> {
  const text = await serverFunction(token, 'get-upcoming-scheduled-publish', { collectionSlug: 'articles', id })
  return [...text.matchAll(/"id":(\d+),"input":\{"type":"(?:publish|unpublish)"/g)].map((m) => Number(m[1]))
}

const users = {} as Record<'admin' | 'editor' | 'outsider' | 'manager', { id: number; token: string }>
let unitA: Doc
let unitB: Doc

beforeAll(async () => {
  expect(BASE, 'E2E_BASE_URL (set by test/e2e/run.ts)').not.toBe('')
  const adminEmail = DEMO_USERS.find((u) => u.role === 'admin')!.email
  const adminToken = await login(adminEmail, DEMO_PASSWORD)
  const me = await api('GET', 'users/me', { token: adminToken })
  users.admin = { id: Number((me.json.user as Doc).id), token: adminToken }
  const unit = async (name: string) => {
    const res = await api('POST', 'units', { token: adminToken, body: { name } })
    expect(res.status, JSON.stringify(res.json)).toBe(201)
    return res.json.doc as Doc
  }
  // Unit A requires review (the default for a new unit); B is another unit.
  unitA = await unit(`E2E an ninh A ${tag}`)
  unitB = await unit(`E2E an ninh B ${tag}`)
  const user = async (role: string, unitId: number, who: string) => {
    const email = `e2e-sec-${who}-${tag}@test.gov.vn`
    const res = await api('POST', 'users', {
      token: adminToken,
      body: { email, password: PASSWORD, name: `E2E ${who}`, role, unit: unitId },
    })
    expect(res.status, JSON.stringify(res.json)).toBe(201)
    return { id: Number((res.json.doc as Doc).id), token: await login(email, PASSWORD) }
  }
  users.editor = await user('editor', unitA.id, 'editor')
  users.outsider = await user('editor', unitB.id, 'outsider')
  users.manager = await user('manager', unitA.id, 'manager')
})

async function draft(title: string): Promise<Doc> {
  const res = await api('POST', 'articles?draft=true', {
    token: users.editor.token,
    body: { title: `${title} ${tag}`, summary: 'Sapo đã duyệt' },
  })
  expect(res.status, JSON.stringify(res.json)).toBe(201)
  return res.json.doc as Doc
}
const latest = async (id: number) =>
  (await api('GET', `articles/${id}?draft=true&trash=true&depth=0`, { token: users.manager.token })).json as Doc

/** Submitted by the editor, approved by the manager to go out at `publishAt`. */
async function approvedFor(title: string, publishAt: string): Promise<Doc> {
  const doc = await draft(title)
  expect((await api('POST', `review/articles/${doc.id}/submit`, { token: users.editor.token, body: {} })).status).toBe(
    200,
  )
  const approve = await api('POST', `review/articles/${doc.id}/approve`, {
    token: users.manager.token,
    body: { publishAt, updatedAt: (await latest(doc.id)).updatedAt },
  })
  expect(approve.status, JSON.stringify(approve.json)).toBe(200)
  return doc
}

describe('finding 1: an edit sent with a trash, then a restore, voids the approval', () => {
  it('the review state leaves "approved" and the approved publish is withdrawn', async () => {
    const doc = await approvedFor('Bài duyệt hẹn giờ', new Date(Date.now() + 3_600_000).toISOString())
    expect(await upcomingJobIds(users.manager.token, doc.id)).toHaveLength(1)
    const trash = await api('PATCH', `articles/${doc.id}`, {
      token: users.editor.token,
      body: { deletedAt: new Date().toISOString(), title: `Nội dung chưa duyệt ${tag}`, summary: 'Sapo chưa duyệt' },
    })
    expect(trash.status, JSON.stringify(trash.json)).toBe(200)
    const restore = await api('PATCH', `articles/${doc.id}?trash=true`, {
      token: users.editor.token,
      body: { deletedAt: null },
    })
    expect(restore.status, JSON.stringify(restore.json)).toBe(200)
    expect(((await latest(doc.id)).review as { state?: string }).state).toBe('draft')
    // Nothing left to publish the edited, never-reviewed text at publishAt.
    expect(await upcomingJobIds(users.manager.token, doc.id)).toEqual([])
    expect((await api('GET', `articles/${doc.id}`)).status).toBe(404)
  })
})

describe('finding 2: schedule-publish server function, REST and GraphQL on payload-jobs', () => {
  it("an editor of another unit can neither delete a manager's scheduled publish nor queue one", async () => {
    const doc = await approvedFor('Bài lịch xuất bản', new Date(Date.now() + 3_600_000).toISOString())
    const [job] = await upcomingJobIds(users.manager.token, doc.id)
    expect(job).toBeGreaterThan(0)
    await serverFunction(users.outsider.token, 'schedule-publish', { deleteID: job })
    expect(await upcomingJobIds(users.manager.token, doc.id)).toEqual([job])
    await serverFunction(users.outsider.token, 'schedule-publish', {
      type: 'unpublish',
      doc: { relationTo: 'articles', value: String(doc.id) },
      date: `$D${new Date(Date.now() + 7_200_000).toISOString()}`,
    })
    expect(await upcomingJobIds(users.manager.token, doc.id)).toEqual([job])
    // Nor over REST or GraphQL.
    expect((await api('DELETE', `payload-jobs/${job}`, { token: users.outsider.token })).status).toBe(403)
    expect((await api('GET', 'payload-jobs', { token: users.outsider.token })).status).toBe(403)
    const gql = await api('POST', 'graphql', {
      token: users.outsider.token,
      body: { query: `mutation { deletePayloadJob(id: ${job}) { id } }` },
    })
    expect(gql.json.errors?.length).toBeGreaterThan(0)
    expect(await upcomingJobIds(users.manager.token, doc.id)).toEqual([job])
    // The manager, who may publish it, withdraws it (nothing is left scheduled).
    await serverFunction(users.manager.token, 'schedule-publish', { deleteID: job })
    expect(await upcomingJobIds(users.manager.token, doc.id)).toEqual([])
  })
})

describe("finding 7: locks only of what one may edit, in one's own name", () => {
  it("an editor cannot lock another unit's item or the admin's account", async () => {
    const doc = await draft('Bài khóa')
    const forged = { user: { relationTo: 'users', value: users.admin.id }, updatedAt: '2099-01-01T00:00:00.000Z' }
    const onItem = await api('POST', 'payload-locked-documents', {
      token: users.outsider.token,
      body: { document: { relationTo: 'articles', value: doc.id }, ...forged },
    })
    const onAccount = await api('POST', 'payload-locked-documents', {
      token: users.outsider.token,
      body: { document: { relationTo: 'users', value: users.admin.id }, ...forged },
    })
    // Leave no lock behind, whatever happened (before the fix both were created).
    for (const r of [onItem, onAccount])
      if (r.status === 201)
        await api('DELETE', `payload-locked-documents/${(r.json.doc as Doc).id}`, { token: users.admin.token })
    expect(onItem.status).toBe(403)
    expect(onAccount.status).toBe(403)
    const edit = await api('PATCH', `articles/${doc.id}?draft=true`, {
      token: users.editor.token,
      body: { title: `Sửa ${tag}` },
    })
    expect(edit.status).toBe(200)
  })
})

describe('lower severity: unit moves, share links, 500s', () => {
  it('a unit sent as { relationTo, value } or [id] is a 400 naming unit', async () => {
    const doc = await draft('Bài đơn vị')
    for (const unit of [{ relationTo: 'units', value: unitB.id }, [unitB.id]]) {
      const res = await api('PATCH', `articles/${doc.id}?draft=true`, { token: users.editor.token, body: { unit } })
      expect(res.status, JSON.stringify(unit)).toBe(400)
      expect(fieldOf(res)).toBe('unit')
    }
  })

  it('share links: bound to their plan, revocation final; /share/<token> answers 404 or 410', async () => {
    const admin = users.admin.token
    const plan = async (code: string) =>
      (await api('POST', 'plans', { token: admin, body: { code: `${code}-${tag}`, title: `E2E ${code}` } })).json
        .doc as Doc
    const p1 = await plan('KH-E2E-1')
    const p2 = await plan('KH-E2E-2')
    const link = async () => {
      const res = await api('POST', 'share-links', {
        token: admin,
        body: { label: 'E2E', plan: p1.id, expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
      })
      expect(res.status, JSON.stringify(res.json)).toBe(201)
      const d = res.json.doc as Doc
      return { id: d.id, token: String(d.url).split('/share/')[1]! }
    }
    const l = await link()
    const repoint = await api('PATCH', `share-links/${l.id}`, { token: admin, body: { plan: p2.id } })
    expect(repoint.status).toBe(400)
    expect(fieldOf(repoint)).toBe('plan')
    expect((await api('PATCH', `share-links/${l.id}`, { token: admin, body: { revoked: true } })).status).toBe(200)
    const undo = await api('PATCH', `share-links/${l.id}`, { token: admin, body: { revoked: false } })
    expect(undo.status).toBe(400)
    expect(fieldOf(undo)).toBe('revoked')
    expect((await fetch(`${BASE}/share/${l.token}`)).status).toBe(410)
    const forged = `${l.id}.${'A'.repeat(32)}`
    expect((await fetch(`${BASE}/share/${forged}`)).status).toBe(404)
    expect((await fetch(`${BASE}/share/nonsense`)).status).toBe(404)
    const live = await link()
    const page = await fetch(`${BASE}/share/${live.token}`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Tiến độ thực hiện chỉ tiêu')
    expect((await api('PATCH', `share-links/${live.id}`, { token: admin, body: { revoked: true } })).status).toBe(200)
  })

  it('malformed ids, where operators and draft dates are 4xx naming the field, not 500', async () => {
    const token = users.manager.token
    const byId = await api('GET', 'articles/abc', { token })
    expect(byId.status).toBe(400)
    expect(fieldOf(byId)).toBe('id')
    for (const q of ['where[title][near]=1,2', 'where[_status][equals][foo]=bar']) {
      const res = await api('GET', `articles?${q}`, { token })
      expect(res.status, q).toBe(400)
      expect(String(fieldOf(res)), q).toMatch(/^where\./)
    }
    const channels = await api('GET', 'channels?limit=1&depth=0', { token })
    const channel = (channels.json.docs as Doc[])[0]!
    const garbage = await api('POST', 'articles?draft=true', {
      token: users.editor.token,
      body: { title: `Ngày hỏng ${tag}`, publications: [{ channel: channel.id, publishedAt: 'garbage' }] },
    })
    expect(garbage.status).toBe(400)
    expect(fieldOf(garbage)).toBe('publications.0.publishedAt')
  })
})
