import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { graphqlClient } from './helpers/graphql'
import { restClient, type RestResponse } from './helpers/rest'
import { createUser, startTestPayload, type TestPayload } from './helpers/testPayload'

/**
 * Issue 20, lower-severity black-box findings: unit values Payload dropped in silence, share
 * links revived by an edit, and malformed input answered 500 instead of a 4xx naming the field.
 */

type Doc = Record<string, unknown> & { id: number }

let t: TestPayload
let payload: Payload
let rest: ReturnType<typeof restClient>
let unitA: Doc
let unitB: Doc
let plan: Doc
let otherPlan: Doc
const tokens = {} as Record<'editor' | 'manager', string>
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString()
const fieldOf = (res: RestResponse) => res.json.errors?.[0]?.data?.errors?.[0]?.path

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  rest = restClient(payload)
  unitA = (await payload.create({ collection: 'units', data: { name: 'Đơn vị A', requiresReview: false } })) as never
  unitB = (await payload.create({ collection: 'units', data: { name: 'Đơn vị B' } })) as never
  plan = (await payload.create({ collection: 'plans', data: { code: 'KH-1', title: 'Kế hoạch 1' } })) as never
  otherPlan = (await payload.create({ collection: 'plans', data: { code: 'KH-2', title: 'Kế hoạch 2' } })) as never
  const editor = await createUser(payload, { role: 'editor', unit: unitA.id })
  const manager = await createUser(payload, { role: 'manager', unit: unitA.id })
  tokens.editor = await rest.login(String(editor.email), 'test-Password-1')
  tokens.manager = await rest.login(String(manager.email), 'test-Password-1')
})

afterAll(async () => {
  await t?.cleanup()
})

describe('unit moves: every shape of another unit is a 400 on unit', () => {
  it('refuses { relationTo, value } and [id] from an editor (create and update), and a manager too', async () => {
    const created = await rest.post('articles?draft=true', { title: 'Bài A' }, { token: tokens.editor })
    const id = (created.json as { doc: Doc }).doc.id
    for (const unit of [{ relationTo: 'units', value: unitB.id }, [unitB.id], { value: unitB.id }]) {
      const moved = await rest.patch(`articles/${id}?draft=true`, { unit }, { token: tokens.editor })
      expect(moved.status, JSON.stringify(unit)).toBe(400)
      expect(fieldOf(moved)).toBe('unit')
      const made = await rest.post('articles?draft=true', { title: 'Bài mới', unit }, { token: tokens.editor })
      expect(made.status, JSON.stringify(unit)).toBe(400)
      expect(fieldOf(made)).toBe('unit')
      const byManager = await rest.patch(`articles/${id}?draft=true`, { unit }, { token: tokens.manager })
      expect(byManager.status, JSON.stringify(unit)).toBe(400)
      expect(fieldOf(byManager)).toBe('unit')
    }
    const stored = await payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
    expect(stored.unit).toBe(unitA.id)
    // The plain forms still work as documented.
    expect((await rest.patch(`articles/${id}?draft=true`, { unit: unitA.id }, { token: tokens.editor })).status).toBe(
      200,
    )
    expect((await rest.patch(`articles/${id}?draft=true`, { unit: unitB.id }, { token: tokens.manager })).status).toBe(
      200,
    )
  })
})

describe('share links: a token is bound to its plan; revocation and expiry are final', () => {
  const link = async () => {
    const res = await rest.post(
      'share-links',
      { label: 'Lãnh đạo', plan: plan.id, expiresAt: inDays(30) },
      { token: tokens.manager },
    )
    expect(res.status, JSON.stringify(res.json)).toBe(201)
    const doc = res.json.doc as Doc & { url: string }
    return { id: doc.id, token: String(doc.url).split('/share/')[1]! }
  }

  it('re-pointing a link at another plan is refused and the token keeps opening its own plan', async () => {
    const l = await link()
    const res = await rest.patch(`share-links/${l.id}`, { plan: otherPlan.id }, { token: tokens.manager })
    expect(res.status).toBe(400)
    expect(fieldOf(res)).toBe('plan')
    const shared = await rest.get(`quota/shared/${l.token}`)
    expect(shared.status).toBe(200)
    expect(shared.json.plan).toMatchObject({ id: plan.id })
  })

  it('a revoked link stays revoked; an expired link cannot be extended; a new link has a new token', async () => {
    const l = await link()
    expect((await rest.patch(`share-links/${l.id}`, { revoked: true }, { token: tokens.manager })).status).toBe(200)
    const undo = await rest.patch(`share-links/${l.id}`, { revoked: false }, { token: tokens.manager })
    expect(undo.status).toBe(400)
    expect(fieldOf(undo)).toBe('revoked')
    expect((await rest.get(`quota/shared/${l.token}`)).status).toBe(410)
    const e = await link()
    expect((await rest.patch(`share-links/${e.id}`, { expiresAt: inDays(-1) }, { token: tokens.manager })).status).toBe(
      200,
    )
    const revive = await rest.patch(`share-links/${e.id}`, { expiresAt: inDays(10) }, { token: tokens.manager })
    expect(revive.status).toBe(400)
    expect(fieldOf(revive)).toBe('expiresAt')
    expect((await rest.get(`quota/shared/${e.token}`)).status).toBe(410)
    const fresh = await link()
    expect(fresh.token).not.toBe(l.token)
    expect((await rest.get(`quota/shared/${fresh.token}`)).status).toBe(200)
  })

  it('?state=1 answers the status alone (what the share page asks before rendering)', async () => {
    const l = await link()
    const live = await rest.get(`quota/shared/${l.token}?state=1`)
    expect(live.status).toBe(200)
    expect(live.json).toMatchObject({ state: 'active' })
    expect(live.json.tasks).toBeUndefined()
    expect((await rest.get(`quota/shared/${l.id}.${'A'.repeat(32)}?state=1`)).status).toBe(404)
    await rest.patch(`share-links/${l.id}`, { revoked: true }, { token: tokens.manager })
    expect((await rest.get(`quota/shared/${l.token}?state=1`)).status).toBe(410)
  })
})

describe('malformed input is a 4xx naming the field, not a 500', () => {
  it('GET /api/articles/abc', async () => {
    const res = await rest.get('articles/abc', { token: tokens.manager })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(fieldOf(res)).toBe('id')
    expect((await rest.get('articles/abc')).status).toBeLessThan(500)
    expect((await rest.patch('articles/abc', { title: 'x' }, { token: tokens.manager })).status).toBe(400)
    expect((await rest.delete('articles/abc', { token: tokens.manager })).status).toBe(400)
  })

  it('?where[title][near]=1,2 and ?where[_status][equals][foo]=bar', async () => {
    for (const q of ['where[title][near]=1,2', 'where[_status][equals][foo]=bar', 'where[unit][equals][a][b]=1']) {
      const res = await rest.get(`articles?${q}`, { token: tokens.manager })
      expect(res.status, q).toBe(400)
      expect(String(fieldOf(res)), q).toMatch(/^where/)
      expect((await rest.get(`articles?${q}`)).status, `${q} anonymous`).toBe(400)
      expect((await rest.get(`articles/count?${q}`, { token: tokens.manager })).status, `${q} count`).toBe(400)
    }
    const gql = graphqlClient(payload)
    const res = await gql('{ Articles(where: { title: { near: "1,2" } }) { totalDocs } }', { token: tokens.manager })
    expect(res.json.errors?.[0]?.extensions?.statusCode ?? 400).toBeLessThan(500)
    // Well-formed queries still answer.
    expect((await rest.get('articles?where[_status][equals]=draft', { token: tokens.manager })).status).toBe(200)
    expect((await rest.get('articles?where[unit][in]=1,2', { token: tokens.manager })).status).toBe(200)
  })

  it('a draft save with publications[0].publishedAt: "garbage"', async () => {
    const channel = await payload.create({ collection: 'channels', data: { name: 'VnExpress', kind: 'enewspaper' } })
    const res = await rest.post(
      'articles?draft=true',
      { title: 'Ngày hỏng', publications: [{ channel: channel.id, publishedAt: 'garbage' }] },
      { token: tokens.editor },
    )
    expect(res.status).toBe(400)
    expect(fieldOf(res)).toBe('publications.0.publishedAt')
    const ok = await rest.post('articles?draft=true', { title: 'Ngày đúng' }, { token: tokens.editor })
    const id = (ok.json as { doc: Doc }).doc.id
    const upd = await rest.patch(
      `articles/${id}?draft=true&autosave=true`,
      { publications: [{ channel: channel.id, publishedAt: 'garbage' }] },
      { token: tokens.editor },
    )
    expect(upd.status).toBe(400)
    expect(fieldOf(upd)).toBe('publications.0.publishedAt')
  })
})
