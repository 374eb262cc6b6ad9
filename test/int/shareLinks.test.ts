import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { calendarDay, dayToInstant } from '../../src/domain/calendar'
import { createCountingFixtures, publishArticle, type CountingFixtures } from './helpers/countingFixtures'
import { restClient } from './helpers/rest'
import { createUser, startTestPayload, type TestPayload } from './helpers/testPayload'

type Doc = Record<string, unknown> & { id: number }

let t: TestPayload
let payload: Payload
let rest: ReturnType<typeof restClient>
let f: CountingFixtures
let managerToken: string
let editorToken: string
let otherPlan: Doc
const today = calendarDay(new Date())
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString()

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  rest = restClient(payload)
  const year = Number(today.slice(0, 4))
  f = await createCountingFixtures(payload, { planCode: 'KH-SHARE', deadline: `${year + 1}-12-31` })
  await payload.update({
    collection: 'plans',
    id: f.plan.id,
    data: { period: { from: dayToInstant(`${year}-01-01`), to: dayToInstant(`${year + 1}-12-31`) } },
  })
  await payload.update({
    collection: 'tasks',
    id: f.task1.id,
    data: {
      targets: [
        { kind: 'content', quantity: 5, contentTypes: ['articles'], channels: [f.vnexpress.id], mode: 'pooled' },
      ],
    } as never,
  })
  otherPlan = (await payload.create({ collection: 'plans', data: { code: 'KH-OTHER', title: 'Khác' } })) as never
  const unit = await payload.create({ collection: 'units', data: { name: 'Trung tâm', requiresReview: false } })
  const manager = await createUser(payload, { role: 'manager' })
  const editor = (await createUser(payload, { role: 'editor', unit: unit.id })) as Doc
  managerToken = await rest.login(manager.email as string, 'test-Password-1')
  editorToken = await rest.login(editor.email as string, 'test-Password-1')
  await publishArticle(payload, editor, 'Bài đã đăng', [f.task1], [[f.vnexpress, today]])
  await payload.create({
    collection: 'articles',
    data: {
      title: 'Bản nháp bí mật',
      _status: 'draft',
      tasks: [f.task1.id],
      publications: [{ channel: f.vnexpress.id, publishedAt: dayToInstant(today) }],
    } as never,
    user: editor,
    overrideAccess: false,
  })
})

afterAll(async () => {
  await t?.cleanup()
})

const createLink = async (data: Record<string, unknown>, token = managerToken) =>
  rest.post('share-links', { label: 'Lãnh đạo Bộ', plan: f.plan.id, expiresAt: inDays(30), ...data }, { token })

const tokenOf = (doc: Record<string, unknown>) => String(doc.url).split('/share/')[1] ?? ''

describe('share links', () => {
  it('a manager creates a link; anyone holding it sees exactly the plan report, numbers only', async () => {
    const res = await createLink({})
    expect(res.status).toBe(201)
    const doc = res.json.doc as Record<string, unknown>
    expect(doc.url).toMatch(/\/share\/\d+\.[A-Za-z0-9_-]{32}$/)
    expect(doc.createdBy).toBeTruthy()
    const shared = await rest.get(`quota/shared/${tokenOf(doc)}`)
    expect(shared.status).toBe(200)
    expect(shared.headers.get('cache-control')).toContain('no-store')
    const report = (await rest.get(`quota/report?plan=${f.plan.id}&asOf=${today}`, { token: managerToken })).json
    expect(shared.json.tasks).toEqual(report.tasks)
    expect(shared.json.totals).toEqual(report.totals)
    expect(shared.json.plan).toMatchObject({ id: f.plan.id, code: 'KH-SHARE' })
    const tasks = shared.json.tasks as Array<{ code: string; targets: Array<{ achieved: number }> }>
    const target = tasks.find((x) => x.code === '1')?.targets[0]
    expect(target, JSON.stringify(tasks)).toMatchObject({ achieved: 1 })
    const body = JSON.stringify(shared.json)
    expect(body).not.toContain('@test.gov.vn')
    expect(body).not.toContain('Bản nháp bí mật')
  })

  it('shows only its own plan, whatever the query says', async () => {
    const doc = (await createLink({})).json.doc as Record<string, unknown>
    const res = await rest.get(`quota/shared/${tokenOf(doc)}?plan=${otherPlan.id}`)
    expect((res.json.plan as { id: number }).id).toBe(f.plan.id)
  })

  it('stops working when revoked (410), for good: undoing the revocation is refused (400 on revoked)', async () => {
    const doc = (await createLink({})).json.doc as Record<string, unknown>
    const token = tokenOf(doc)
    const revoked = await rest.patch(`share-links/${String(doc.id)}`, { revoked: true }, { token: managerToken })
    expect(revoked.status).toBe(200)
    expect((revoked.json.doc as { revokedAt?: string }).revokedAt).toBeTruthy()
    const gone = await rest.get(`quota/shared/${token}`)
    expect(gone.status).toBe(410)
    expect(gone.json.errors?.[0]?.message).toMatch(/revoked/)
    const undo = await rest.patch(`share-links/${String(doc.id)}`, { revoked: false }, { token: managerToken })
    expect(undo.status).toBe(400)
    expect(undo.json.errors?.[0]?.data?.errors?.[0]?.path).toBe('revoked')
    expect((await rest.get(`quota/shared/${token}`)).status).toBe(410)
  })

  it('stops working once expired (410)', async () => {
    const doc = (await createLink({})).json.doc as Record<string, unknown>
    const res = await rest.patch(`share-links/${String(doc.id)}`, { expiresAt: inDays(-1) }, { token: managerToken })
    expect(res.status).toBe(200)
    const gone = await rest.get(`quota/shared/${tokenOf(doc)}`)
    expect(gone.status).toBe(410)
    expect(gone.json.errors?.[0]?.message).toMatch(/expired/)
  })

  it('a forged, altered or malformed token is simply not found (404)', async () => {
    const doc = (await createLink({})).json.doc as Record<string, unknown>
    const token = tokenOf(doc)
    const [id, sig] = token.split('.') as [string, string]
    const flipped = sig.slice(0, -1) + (sig.endsWith('A') ? 'B' : 'A')
    for (const bad of [`${id}.${flipped}`, `${Number(id) + 1000}.${sig}`, 'abc', `${id}`, `${id}.${sig}x`]) {
      const res = await rest.get(`quota/shared/${encodeURIComponent(bad)}`)
      expect(res.status, bad).toBe(404)
    }
  })

  it('only managers and admins make, list or change links; the stamps cannot be forged', async () => {
    expect((await createLink({}, editorToken)).status).toBe(403)
    expect((await rest.get('share-links')).status).toBe(403)
    expect((await rest.get('share-links', { token: editorToken })).status).toBe(403)
    const doc = (await createLink({})).json.doc as Record<string, unknown>
    expect((await rest.patch(`share-links/${String(doc.id)}`, { revoked: true }, { token: editorToken })).status).toBe(
      403,
    )
    const forged = await rest.patch(
      `share-links/${String(doc.id)}`,
      { createdBy: 999, revokedAt: '2020-01-01T00:00:00.000Z' },
      { token: managerToken },
    )
    expect(forged.status).toBe(200)
    expect((forged.json.doc as { createdBy: unknown }).createdBy).toEqual(doc.createdBy)
    expect((forged.json.doc as { revokedAt: unknown }).revokedAt ?? null).toBeNull()
  })

  it('takes a bare day, lasts to the end of it, and answers with the full address of the host it was asked on', async () => {
    const res = await rest.post(
      'share-links',
      { label: 'Hôm nay', plan: f.plan.id, expiresAt: today },
      {
        token: managerToken,
        headers: { 'x-forwarded-host': 'truyenthong.example.gov.vn', 'x-forwarded-proto': 'https' },
      },
    )
    expect(res.status, JSON.stringify(res.json)).toBe(201)
    const doc = res.json.doc as Record<string, unknown>
    // Stored the way the admin's day picker stores a day, and valid for the rest of today.
    expect(doc.expiresAt).toBe(dayToInstant(today))
    expect(doc.url).toMatch(/^https:\/\/truyenthong\.example\.gov\.vn\/share\/\d+\.[A-Za-z0-9_-]{32}$/)
    expect((await rest.get(`quota/shared/${tokenOf(doc)}`)).status).toBe(200)
  })

  it('says what is wrong with an expiry in Vietnamese, naming the field and the accepted shape', async () => {
    const res = await createLink({ expiresAt: '31/12/2026' })
    expect(res.status).toBe(400)
    const error = res.json.errors?.[0]?.data?.errors?.find((e) => e.path === 'expiresAt')
    // The app's date guard answers first for something that is no date at all.
    expect(error?.message).toMatch(/không phải ngày/)
    const past = await createLink({ expiresAt: inDays(-2) })
    const pastError = past.json.errors?.[0]?.data?.errors?.find((e) => e.path === 'expiresAt')
    expect(pastError?.message).toContain('Hiệu lực đến')
    expect(pastError?.message).toMatch(/không được trước hôm nay/)
  })

  it('refuses a link without a plan, in the past or too far ahead, naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ plan: undefined }, 'plan'],
      [{ expiresAt: inDays(-1) }, 'expiresAt'],
      [{ expiresAt: inDays(400) }, 'expiresAt'],
      [{ expiresAt: 'not a date' }, 'expiresAt'],
      [{ expiresAt: '2026-02-30' }, 'expiresAt'],
      [{ label: '' }, 'label'],
    ]
    for (const [data, field] of cases) {
      const res = await createLink(data)
      expect(res.status, JSON.stringify(data)).toBe(400)
      const paths = res.json.errors?.[0]?.data?.errors?.map((e) => e.path) ?? []
      expect(paths, JSON.stringify(data)).toContain(field)
    }
    expect((await payload.count({ collection: 'share-links', where: { label: { equals: '' } } })).totalDocs).toBe(0)
  })
})
