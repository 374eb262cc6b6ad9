import type { CollectionSlug, Payload, Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dayToInstant } from '../../src/domain/calendar'
import { pdfFile, pngFile, type UploadFile } from '../fixtures/files'
import { graphqlClient } from './helpers/graphql'
import { restClient, type RestResponse } from './helpers/rest'
import { createUser, startTestPayload, type TestPayload } from './helpers/testPayload'

/**
 * The access matrix of docs/SECURITY.md, as a table: every collection × role × operation, over
 * REST (the route's real handlers) and the local API with `overrideAccess: false`, plus a GraphQL
 * read and mutation per collection and role. One Payload, seeded once. To cover a new collection,
 * add a row to MATRIX (its data, a harmless patch and the rules per role).
 */

type Doc = Record<string, unknown> & { id: number | string }
/** `integration` signs in with an API key (docs/api.md), every other role with a password. */
type Role = 'admin' | 'manager' | 'editor' | 'multimedia' | 'integration' | 'anonymous'
const ROLES: Role[] = ['admin', 'manager', 'editor', 'multimedia', 'integration', 'anonymous']
const INTEGRATION_KEY = 'matrix-integration-key-0123456789abcdef'
type Api = 'rest' | 'local'

/** Which fixtures a role sees: all, only published ones, only its own account, or none (403). */
type ReadRule = 'all' | 'published' | 'self' | 'none'
/** Which fixtures a role may write: all, its unit's ('own'), its own account ('self'), none. */
type WriteRule = 'all' | 'own' | 'self' | 'none'
interface Rules {
  read: ReadRule
  create: boolean
  update: WriteRule
  delete: WriteRule
}

interface Ctx {
  unitA: Doc
  unitB: Doc
  plan: Doc
  users: Record<Exclude<Role, 'anonymous'>, Doc>
  n: () => number
}

interface Row {
  slug: CollectionSlug
  /** GraphQL names: the list query and the singular (for `update<Singular>`). */
  gql: [string, string]
  /** Drafts: fixtures are published, plus one draft; publish, `/versions`, `draft=true` are tested. */
  drafts?: boolean
  /** The fixture of the other unit differs from the actor's unit (editOwnUnitContent). */
  scoped?: boolean
  upload?: () => Promise<UploadFile>
  data: (ctx: Ctx, unit: Doc) => Record<string, unknown>
  /** A harmless string field to change. */
  patchField: string
  rules: Record<Role, Rules>
}

const R = (read: ReadRule, create: boolean, update: WriteRule, del: WriteRule): Rules => ({
  read,
  create,
  update,
  delete: del,
})
const NONE = R('none', false, 'none', 'none')

/**
 * Units, channels, plans, tasks: staff read, managers and admins write, the public nothing.
 * Integrations read them: they are what the reports they pull are about.
 */
const planModel: Record<Role, Rules> = {
  admin: R('all', true, 'all', 'all'),
  manager: R('all', true, 'all', 'all'),
  editor: R('all', false, 'none', 'none'),
  multimedia: R('all', false, 'none', 'none'),
  integration: R('all', false, 'none', 'none'),
  anonymous: NONE,
}
const content = (producer: 'editor' | 'multimedia'): Record<Role, Rules> => ({
  admin: R('all', true, 'all', 'all'),
  manager: R('all', true, 'all', 'all'),
  editor: producer === 'editor' ? R('all', true, 'own', 'own') : R('all', false, 'none', 'none'),
  multimedia: producer === 'multimedia' ? R('all', true, 'own', 'own') : R('all', false, 'none', 'none'),
  integration: R('published', false, 'none', 'none'),
  anonymous: R('published', false, 'none', 'none'),
})
const quotaTable: Record<Role, Rules> = {
  admin: R('all', false, 'none', 'none'),
  manager: R('all', false, 'none', 'none'),
  editor: NONE,
  multimedia: NONE,
  integration: NONE,
  anonymous: NONE,
}

const DRAFT_MARKER = 'BAN-NHAP-BI-MAT'

const MATRIX: Row[] = [
  {
    slug: 'users',
    gql: ['Users', 'User'],
    data: (ctx, unit) => ({
      email: `u${ctx.n()}@matrix.gov.vn`,
      password: 'matrix-Password-1',
      name: 'Người dùng',
      role: 'editor',
      unit: unit.id,
    }),
    patchField: 'name',
    rules: {
      admin: R('all', true, 'all', 'all'),
      manager: R('all', false, 'self', 'none'),
      editor: R('self', false, 'self', 'none'),
      multimedia: R('self', false, 'self', 'none'),
      // An integration account is the administrator's: it reads itself and changes nothing.
      integration: R('self', false, 'none', 'none'),
      anonymous: NONE,
    },
  },
  {
    slug: 'units',
    gql: ['Units', 'Unit'],
    data: (ctx) => ({ name: `Đơn vị ${ctx.n()}` }),
    patchField: 'shortName',
    rules: planModel,
  },
  {
    slug: 'channels',
    gql: ['Channels', 'Channel'],
    data: (ctx) => ({ name: `Kênh ${ctx.n()}`, kind: 'other' }),
    patchField: 'url',
    rules: planModel,
  },
  {
    slug: 'plans',
    gql: ['Plans', 'Plan'],
    data: (ctx) => ({
      code: `KH-M-${ctx.n()}`,
      title: 'Kế hoạch',
      managers: [ctx.users.manager.id, ctx.users.admin.id],
    }),
    patchField: 'issuer',
    rules: planModel,
  },
  {
    slug: 'tasks',
    gql: ['Tasks', 'Task'],
    data: (ctx) => ({
      plan: ctx.plan.id,
      code: `M${ctx.n()}`,
      title: 'Nhiệm vụ',
      timeframe: { kind: 'deadline', deadline: dayToInstant('2030-12-31') },
    }),
    patchField: 'content',
    rules: planModel,
  },
  {
    slug: 'plan-documents',
    gql: ['PlanDocuments', 'PlanDocument'],
    upload: () => Promise.resolve(pdfFile()),
    data: () => ({ title: 'Báo cáo' }),
    patchField: 'title',
    rules: {
      admin: R('all', true, 'all', 'all'),
      manager: R('all', true, 'all', 'all'),
      editor: R('all', true, 'none', 'none'),
      multimedia: R('all', true, 'none', 'none'),
      integration: NONE,
      anonymous: NONE,
    },
  },
  {
    slug: 'articles',
    gql: ['Articles', 'Article'],
    drafts: true,
    scoped: true,
    data: (ctx, unit) => ({
      title: 'Tin bài',
      unit: unit.id,
      authors: [ctx.users.editor.id, ctx.users.multimedia.id, ctx.users.admin.id],
    }),
    patchField: 'summary',
    rules: content('editor'),
  },
  {
    slug: 'infographics',
    gql: ['Infographics', 'Infographic'],
    drafts: true,
    scoped: true,
    upload: () => pngFile(40, 30),
    data: (_, unit) => ({ title: 'Infographic', alt: 'Biểu đồ', unit: unit.id }),
    patchField: 'caption',
    rules: content('multimedia'),
  },
  {
    slug: 'videos',
    gql: ['Videos', 'Video'],
    drafts: true,
    scoped: true,
    data: (_, unit) => ({
      title: 'Video',
      source: 'external',
      externalUrl: 'https://www.youtube.com/watch?v=M7lc1UVf-VE',
      unit: unit.id,
    }),
    patchField: 'summary',
    rules: content('multimedia'),
  },
  {
    slug: 'media',
    gql: ['allMedia', 'Media'],
    scoped: true,
    upload: () => pngFile(40, 30),
    data: (_, unit) => ({ alt: 'Ảnh', unit: unit.id }),
    patchField: 'caption',
    rules: {
      admin: R('all', true, 'all', 'all'),
      manager: R('all', true, 'all', 'all'),
      editor: R('all', true, 'own', 'own'),
      multimedia: R('all', true, 'own', 'own'),
      integration: R('all', false, 'none', 'none'),
      anonymous: R('all', false, 'none', 'none'),
    },
  },
  {
    slug: 'share-links',
    gql: ['ShareLinks', 'ShareLink'],
    data: (ctx) => ({
      label: `Lãnh đạo ${ctx.n()}`,
      plan: ctx.plan.id,
      expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    }),
    patchField: 'label',
    rules: {
      admin: R('all', true, 'all', 'all'),
      manager: R('all', true, 'all', 'all'),
      editor: NONE,
      multimedia: NONE,
      integration: NONE,
      anonymous: NONE,
    },
  },
  {
    slug: 'quota-contributions',
    gql: ['QuotaContributions', 'QuotaContribution'],
    // Ids far from real rows, so the counting engine never meets these hand-made ledger lines.
    data: (ctx) => ({
      contentType: 'articles',
      item: 900_000 + ctx.n(),
      task: 900_000,
      channel: 900_000,
      day: '2025-01-01',
    }),
    patchField: 'day',
    rules: quotaTable,
  },
  {
    slug: 'quota-tallies',
    gql: ['QuotaTallies', 'QuotaTally'],
    data: (ctx) => ({
      task: 900_000 + ctx.n(),
      channel: 900_000,
      contentType: 'articles',
      day: '2025-01-01',
      count: 1,
    }),
    patchField: 'day',
    rules: quotaTable,
  },
]

let t: TestPayload
let payload: Payload
let rest: ReturnType<typeof restClient>
let gql: ReturnType<typeof graphqlClient>
let ctx: Ctx
const tokens: Partial<Record<Role, string>> = {}
const fixtures = new Map<string, { own: Doc; other: Doc; draft?: Doc }>()
const allEmails: string[] = []

/** A document written by the system (no access rules), as seeds and the engine write. */
async function systemCreate(
  row: Row,
  unit: Doc,
  status: 'published' | 'draft' = 'published',
  secret = false,
): Promise<Doc> {
  const data: Record<string, unknown> = { ...row.data(ctx, unit), ...(row.drafts ? { _status: status } : {}) }
  if (secret) data.title = `${String(data.title)} ${DRAFT_MARKER}`
  return (await payload.create({
    collection: row.slug,
    data: data as never,
    ...(row.upload ? { file: await row.upload() } : {}),
    ...(row.drafts && status === 'draft' ? { draft: true } : {}),
    depth: 0,
  })) as unknown as Doc
}

async function systemFind(slug: CollectionSlug, id: Doc['id']): Promise<Doc | null> {
  return (await payload.findByID({ collection: slug, id, depth: 0, disableErrors: true })) as Doc | null
}

async function sessionIds(id: Doc['id']): Promise<string[]> {
  const user = (await payload.findByID({ collection: 'users', id, depth: 0, showHiddenFields: true })) as unknown as {
    sessions?: Array<{ id: string }> | null
  }
  return (user.sessions ?? []).map((x) => x.id)
}

const actor = (role: Role): Doc | undefined => (role === 'anonymous' ? undefined : ctx.users[role])
const asLocal = (role: Role) => ({ overrideAccess: false as const, user: actor(role) as never })

/** The fixtures of a row as seen by an actor: "own" is the actor's account for users. */
function targets(row: Row, role: Role): { own: Doc; other: Doc; draft?: Doc } {
  const f = fixtures.get(row.slug)!
  if (row.slug === 'users') return { own: actor(role) ?? f.own, other: f.other }
  return f
}

function expectedVisible(row: Row, role: Role): Array<Doc['id']> | 'forbidden' {
  const rule = row.rules[role].read
  const f = targets(row, role)
  const all = [f.own, f.other, ...(f.draft ? [f.draft] : [])]
  if (rule === 'none') return 'forbidden'
  if (rule === 'self') return [f.own.id]
  if (rule === 'published') return [f.own.id, f.other.id]
  return all.map((d) => d.id)
}

const allowedOn = (rule: WriteRule, target: 'own' | 'other'): boolean =>
  rule === 'all' || ((rule === 'own' || rule === 'self') && target === 'own')

type Outcome = { status: number; doc?: Doc; docs?: Doc[]; totalDocs?: number; text: string }

async function attempt(fn: () => Promise<unknown>): Promise<Outcome> {
  try {
    const result = (await fn()) as Record<string, unknown>
    const text = JSON.stringify(result)
    if (result && Array.isArray(result.docs))
      return { status: 200, docs: result.docs as Doc[], totalDocs: result.totalDocs as number, text }
    if (result && typeof result.totalDocs === 'number') return { status: 200, totalDocs: result.totalDocs, text }
    return { status: 200, doc: result as Doc, text }
  } catch (err) {
    const e = err as { status?: number; message?: string }
    return { status: e.status ?? 500, text: String(e.message) }
  }
}

function fromRest(res: RestResponse): Outcome {
  const json = res.json as Record<string, unknown>
  return {
    status: res.status,
    docs: json.docs as Doc[] | undefined,
    totalDocs: json.totalDocs as number | undefined,
    doc: (json.doc as Doc | undefined) ?? (json.id !== undefined ? (json as Doc) : undefined),
    text: JSON.stringify(json),
  }
}

const whereIds = (ids: Array<Doc['id']>): Where => ({ id: { in: ids } })
const idQuery = (ids: Array<Doc['id']>) => ids.map((id, i) => `where[id][in][${i}]=${id}`).join('&')

/** One API, one role: the operations of the matrix. */
const ops = (api: Api, role: Role, row: Row) => {
  const token = tokens[role]
  const opts = token ? { token } : {}
  return {
    find: async (ids: Array<Doc['id']>, extra = '') =>
      api === 'rest'
        ? fromRest(await rest.get(`${row.slug}?${idQuery(ids)}&depth=3${extra}`, opts))
        : attempt(() =>
            payload.find({
              collection: row.slug,
              where: whereIds(ids),
              depth: 3,
              draft: extra.includes('draft=true'),
              ...asLocal(role),
            }),
          ),
    count: async (ids: Array<Doc['id']>) =>
      api === 'rest'
        ? fromRest(await rest.get(`${row.slug}/count?${idQuery(ids)}`, opts))
        : attempt(() => payload.count({ collection: row.slug, where: whereIds(ids), ...asLocal(role) })),
    findByID: async (id: Doc['id']) =>
      api === 'rest'
        ? fromRest(await rest.get(`${row.slug}/${id}?depth=0`, opts))
        : attempt(() => payload.findByID({ collection: row.slug, id, depth: 0, ...asLocal(role) })),
    versions: async (ids: Array<Doc['id']>) =>
      api === 'rest'
        ? fromRest(
            await rest.get(
              `${row.slug}/versions?${ids.map((id, i) => `where[parent][in][${i}]=${id}`).join('&')}`,
              opts,
            ),
          )
        : attempt(() =>
            payload.findVersions({ collection: row.slug, where: { parent: { in: ids } }, depth: 0, ...asLocal(role) }),
          ),
    create: async (data: Record<string, unknown>, file?: UploadFile) => {
      if (api === 'local')
        return attempt(() =>
          payload.create({
            collection: row.slug,
            data: data as never,
            ...(file ? { file } : {}),
            draft: Boolean(row.drafts),
            depth: 0,
            ...asLocal(role),
          }),
        )
      const path = `${row.slug}?depth=0${row.drafts ? '&draft=true' : ''}`
      if (!file) return fromRest(await rest.post(path, data, opts))
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(file.data)], { type: file.mimetype }), file.name)
      form.append('_payload', JSON.stringify(data))
      return fromRest(await rest.post(path, form, opts))
    },
    update: async (id: Doc['id'], data: Record<string, unknown>) =>
      api === 'rest'
        ? fromRest(await rest.patch(`${row.slug}/${id}?depth=0`, data, opts))
        : attempt(() => payload.update({ collection: row.slug, id, data: data as never, depth: 0, ...asLocal(role) })),
    delete: async (id: Doc['id']) =>
      api === 'rest'
        ? fromRest(await rest.delete(`${row.slug}/${id}`, opts))
        : attempt(() => payload.delete({ collection: row.slug, id, ...asLocal(role) })),
  }
}

const DENIED = [401, 403, 404]

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  rest = restClient(payload)
  gql = graphqlClient(payload)
  let counter = 0
  // The matrix is about who may write what; review before publishing is its own rule (the test
  // at the end, and test/int/review.test.ts): these units let their producers publish.
  const unitA = (await payload.create({
    collection: 'units',
    data: { name: 'Đơn vị A', requiresReview: false },
  })) as unknown as Doc
  const unitB = (await payload.create({
    collection: 'units',
    data: { name: 'Đơn vị B', requiresReview: false },
  })) as unknown as Doc
  await payload.create({ collection: 'channels', data: { name: 'Cổng TTĐT', kind: 'portal', isHome: true } })
  const users = {
    admin: await createUser(payload, { role: 'admin', unit: unitA.id }),
    manager: await createUser(payload, { role: 'manager', unit: unitA.id }),
    editor: await createUser(payload, { role: 'editor', unit: unitA.id }),
    multimedia: await createUser(payload, { role: 'multimedia', unit: unitA.id }),
    integration: await createUser(payload, { role: 'integration', apiKey: INTEGRATION_KEY }),
  }
  const plan = (await payload.create({
    collection: 'plans',
    data: { code: 'KH-MATRIX', title: 'Kế hoạch' },
  })) as unknown as Doc
  ctx = { unitA, unitB, plan, users, n: () => ++counter }
  for (const role of ROLES) {
    const u = actor(role)
    if (u) {
      tokens[role] =
        role === 'integration'
          ? `users API-Key ${INTEGRATION_KEY}`
          : await rest.login(u.email as string, 'test-Password-1')
      allEmails.push(u.email as string)
    }
  }
  for (const row of MATRIX) {
    const own = await systemCreate(row, unitA)
    const other = await systemCreate(row, unitB)
    const draft = row.drafts ? await systemCreate(row, unitA, 'draft', true) : undefined
    if (row.slug === 'users') allEmails.push(String(own.email), String(other.email))
    fixtures.set(row.slug, { own, other, ...(draft ? { draft } : {}) })
  }
})

afterAll(async () => {
  await t?.cleanup()
})

for (const row of MATRIX) {
  describe(`${row.slug}`, () => {
    for (const api of ['rest', 'local'] as const) {
      for (const role of ROLES) {
        const rules = row.rules[role]
        it(`${api} ${role}: read ${rules.read}, create ${rules.create}, update ${rules.update}, delete ${rules.delete}`, async () => {
          const op = ops(api, role, row)
          const f = targets(row, role)
          const ids = [f.own.id, f.other.id, ...(f.draft ? [f.draft.id] : [])]
          const visible = expectedVisible(row, role)

          // read, /count, findByID, and nothing leaking through depth
          const found = await op.find(ids)
          const counted = await op.count(ids)
          if (visible === 'forbidden') {
            expect(found.status, found.text).toBe(403)
            expect(counted.status, counted.text).toBe(403)
            expect(DENIED).toContain((await op.findByID(f.own.id)).status)
          } else {
            expect(found.status, found.text).toBe(200)
            expect(found.docs!.map((d) => d.id).sort()).toEqual([...visible].sort())
            expect(counted.totalDocs, counted.text).toBe(visible.length)
            const hidden = ids.filter((id) => !visible.includes(id))
            for (const id of hidden) expect(DENIED).toContain((await op.findByID(id)).status)
            // Population (depth 3) shows no e-mail but the reader's own, and admins'; no draft to the public.
            const own = actor(role)?.email
            if (role !== 'admin')
              for (const email of allEmails.filter((e) => e !== own)) expect(found.text).not.toContain(email)
            if (rules.read === 'published') expect(found.text).not.toContain(DRAFT_MARKER)
            // Session ids are the owner's alone (Payload's own field rule).
            const mine = new Set(actor(role) ? await sessionIds(actor(role)!.id) : [])
            for (const m of found.text.matchAll(/"sessions":\[\{"id":"([^"]+)"/g)) expect(mine.has(m[1]!)).toBe(true)
          }

          // versions and draft=true
          if (row.drafts) {
            const versions = await op.versions([f.draft!.id])
            if (rules.read === 'published') expect(versions.status, versions.text).toBe(403)
            else {
              expect(versions.status, versions.text).toBe(200)
              expect(versions.text).toContain(DRAFT_MARKER)
            }
            const drafts = await op.find(ids, '&draft=true')
            if (rules.read === 'published') {
              expect(drafts.status).toBe(200)
              expect(drafts.text).not.toContain(DRAFT_MARKER)
              expect(drafts.docs!.every((d) => d._status === 'published')).toBe(true)
            } else expect(drafts.text).toContain(DRAFT_MARKER)
          }

          // create (an editor's item lands in the editor's unit)
          const before = (await payload.count({ collection: row.slug })).totalDocs
          const created = await op.create(row.data(ctx, ctx.unitA), row.upload ? await row.upload() : undefined)
          if (rules.create) {
            expect([200, 201], created.text).toContain(created.status)
            if (row.scoped)
              expect(String((await systemFind(row.slug, created.doc!.id))?.unit)).toBe(String(ctx.unitA.id))
          } else {
            expect(DENIED, created.text).toContain(created.status)
            expect((await payload.count({ collection: row.slug })).totalDocs).toBe(before)
          }

          // update own / other, checked in the database
          for (const which of ['own', 'other'] as const) {
            const target = f[which]
            const value = row.slug.startsWith('quota')
              ? `2025-0${which === 'own' ? 3 : 4}-0${api === 'rest' ? 1 : 2}`
              : `https://x.gov.vn/${api}-${role}-${which}`
            const res = await op.update(target.id, { [row.patchField]: value })
            const stored = (await systemFind(row.slug, target.id))?.[row.patchField]
            if (allowedOn(rules.update, which)) {
              expect(res.status, `${which}: ${res.text}`).toBe(200)
              expect(stored).toBe(value)
            } else {
              expect(DENIED, `${which}: ${res.text}`).toContain(res.status)
              expect(stored).not.toBe(value)
            }
          }

          // publish a fresh draft of the actor's unit: the same right as update
          if (row.drafts) {
            const draft = await systemCreate(row, ctx.unitA, 'draft')
            const res = await op.update(draft.id, { _status: 'published' })
            const stored = await systemFind(row.slug, draft.id)
            if (allowedOn(rules.update, 'own')) {
              expect(res.status, res.text).toBe(200)
              expect(stored?._status).toBe('published')
            } else {
              expect(DENIED, res.text).toContain(res.status)
              expect(stored?._status).toBe('draft')
            }
          }

          // delete a fresh document of the actor's unit and one of the other unit
          for (const which of ['own', 'other'] as const) {
            const target =
              row.slug === 'users' && which === 'own'
                ? null // nobody deletes their own account in this table
                : await systemCreate(row, which === 'own' ? ctx.unitA : ctx.unitB)
            if (!target) continue
            const res = await op.delete(target.id)
            const still = await systemFind(row.slug, target.id)
            if (allowedOn(rules.delete, which) && rules.delete !== 'self') {
              expect(res.status, `${which}: ${res.text}`).toBe(200)
              expect(still).toBeNull()
            } else {
              expect(DENIED, `${which}: ${res.text}`).toContain(res.status)
              expect(still).not.toBeNull()
            }
          }
        })
      }
    }

    describe('GraphQL', () => {
      for (const role of ROLES) {
        const rules = row.rules[role]
        it(`${role}: list read (${rules.read}) and update mutation (${rules.update})`, async () => {
          const f = targets(row, role)
          const ids = [f.own.id, f.other.id, ...(f.draft ? [f.draft.id] : [])]
          const visible = expectedVisible(row, role)
          const token = tokens[role]
          const where = `{ OR: [${ids.map((id) => `{ id: { equals: ${id} } }`).join(', ')}] }`
          const read = await gql(`{ ${row.gql[0]}(where: ${where}, limit: 50) { docs { id } totalDocs } }`, { token })
          if (visible === 'forbidden') {
            expect(read.json.errors?.[0]?.extensions?.statusCode, read.text).toBe(403)
          } else {
            const docs = (read.json.data?.[row.gql[0]] as { docs: Doc[] }).docs
            expect(docs.map((d) => d.id).sort(), read.text).toEqual([...visible].sort())
          }
          const value = row.slug.startsWith('quota') ? '2025-05-05' : `https://gql.gov.vn/${role}`
          const res = await gql(
            `mutation($id: Int!) { update${row.gql[1]}(id: $id, data: { ${row.patchField}: ${JSON.stringify(value)} }) { id } }`,
            { token, variables: { id: Number(f.own.id) } },
          )
          const stored = (await systemFind(row.slug, f.own.id))?.[row.patchField]
          if (allowedOn(rules.update, 'own')) {
            expect(res.json.errors, res.text).toBeUndefined()
            expect(stored).toBe(value)
          } else {
            expect(DENIED, res.text).toContain(res.json.errors?.[0]?.extensions?.statusCode)
            expect(stored).not.toBe(value)
          }
        })
      }
    })
  })
}

describe('hidden fields and population', () => {
  it('filtering on e-mail is refused to everyone but admins, directly and through relationships', async () => {
    for (const role of ['manager', 'editor', 'multimedia', 'anonymous'] as const) {
      const opts = tokens[role] ? { token: tokens[role] } : {}
      for (const path of [
        'users?where[email][like]=matrix',
        'articles?where[authors.email][like]=matrix',
        'articles?where[lastPublishedBy.email][exists]=true',
        'plans?where[managers.email][like]=test',
      ]) {
        const res = await rest.get(path, opts)
        expect([400, 403], `${role} ${path}: ${JSON.stringify(res.json)}`).toContain(res.status)
      }
    }
    const admin = await rest.get('articles?where[authors.email][like]=test.gov.vn&depth=0', { token: tokens.admin })
    expect(admin.status).toBe(200)
  })

  it('GraphQL population shows no e-mail of others and no draft to the public', async () => {
    const query = `{ Articles(limit: 50) { docs { title authors { id name email } } } Plans { docs { managers { email } } } }`
    for (const role of ['manager', 'editor', 'multimedia', 'anonymous'] as const) {
      const res = await gql(query, { token: tokens[role] })
      const own = actor(role)?.email
      for (const email of allEmails.filter((e) => e !== own)) expect(res.text, role).not.toContain(email)
      if (role === 'anonymous') expect(res.text).not.toContain(DRAFT_MARKER)
    }
    const anonDraft = await gql(`{ Articles(draft: true, limit: 50) { docs { title } } }`)
    expect(anonDraft.text).not.toContain(DRAFT_MARKER)
    const anonVersions = await gql(`{ versionsArticles { docs { id } } }`)
    expect(anonVersions.json.errors?.[0]?.extensions?.statusCode, anonVersions.text).toBe(403)
  })

  it('an anonymous reader of a published item with a newer draft gets the published text, never the draft', async () => {
    const row = MATRIX.find((r) => r.slug === 'articles')!
    const a = await systemCreate(row, ctx.unitA)
    await payload.update({ collection: 'articles', id: a.id, data: { title: `Sửa ${DRAFT_MARKER}` }, draft: true })
    for (const path of [
      `articles/${a.id}?draft=true`,
      `articles?draft=true&where[id][equals]=${a.id}`,
      `articles/${a.id}`,
    ]) {
      const res = await rest.get(path)
      expect(res.status, path).toBe(200)
      expect(JSON.stringify(res.json), path).not.toContain(DRAFT_MARKER)
    }
    const versions = await rest.get(`articles/versions?where[parent][equals]=${a.id}`)
    expect(versions.status).toBe(403)
  })
})

describe('field rules', () => {
  it('a user changes own name and password only: role, unit, e-mail and auth fields stay', async () => {
    const editor = ctx.users.editor
    for (const api of ['rest', 'local'] as const) {
      const data = {
        name: `Tên mới ${api}`,
        role: 'admin',
        unit: ctx.unitB.id,
        email: `hijack-${api}@evil.example`,
        loginAttempts: 99,
        lockUntil: '2099-01-01T00:00:00.000Z',
        resetPasswordToken: 'chosen-token',
        sessions: [{ id: 'forged', expiresAt: '2099-01-01T00:00:00.000Z' }],
      }
      if (api === 'rest')
        expect((await rest.patch(`users/${editor.id}`, data, { token: tokens.editor })).status).toBe(200)
      else await payload.update({ collection: 'users', id: editor.id, data: data as never, ...asLocal('editor') })
      const stored = (await payload.findByID({
        collection: 'users',
        id: editor.id,
        depth: 0,
        showHiddenFields: true,
      })) as unknown as Doc
      expect(stored).toMatchObject({ name: `Tên mới ${api}`, role: 'editor', unit: ctx.unitA.id, email: editor.email })
      expect(stored.loginAttempts ?? 0).toBe(0)
      expect(stored.lockUntil ?? null).toBeNull()
      expect(stored.resetPasswordToken ?? null).toBeNull()
      expect(JSON.stringify(stored.sessions ?? [])).not.toContain('forged')
    }
    // The password did change, through the same self-update.
    const res = await rest.patch(`users/${editor.id}`, { password: 'new-Password-2' }, { token: tokens.editor })
    expect(res.status).toBe(200)
    tokens.editor = await rest.login(editor.email as string, 'new-Password-2')
  })

  it('only admins change roles and units; a manager cannot promote anyone', async () => {
    const target = await createUser(payload, { role: 'editor', unit: ctx.unitA.id })
    const byManager = await rest.patch(`users/${target.id}`, { role: 'admin' }, { token: tokens.manager })
    expect(DENIED).toContain(byManager.status)
    const byAdmin = await rest.patch(
      `users/${target.id}`,
      { role: 'manager', unit: ctx.unitB.id },
      { token: tokens.admin },
    )
    expect(byAdmin.status).toBe(200)
    expect(await systemFind('users', target.id)).toMatchObject({ role: 'manager', unit: ctx.unitB.id })
  })

  it('an editor cannot file an item under another unit, nor move one there (400 on unit)', async () => {
    for (const [slug, role, extra] of [
      ['articles', 'editor', { title: 'x' }],
      ['videos', 'multimedia', { title: 'x', source: 'external', externalUrl: 'https://youtu.be/M7lc1UVf-VE' }],
    ] as const) {
      const create = await rest.post(`${slug}?draft=true`, { ...extra, unit: ctx.unitB.id }, { token: tokens[role] })
      expect(create.status, JSON.stringify(create.json)).toBe(400)
      expect(create.json.errors?.[0]?.data?.errors?.[0]?.path).toBe('unit')
      const mine = await rest.post(`${slug}?draft=true`, { ...extra }, { token: tokens[role] })
      expect(mine.status).toBe(201)
      const id = (mine.json.doc as Doc).id
      const move = await rest.patch(`${slug}/${id}`, { unit: ctx.unitB.id }, { token: tokens[role] })
      expect(move.status).toBe(400)
      expect(move.json.errors?.[0]?.data?.errors?.[0]?.path).toBe('unit')
      expect(String((await systemFind(slug, id))?.unit)).toBe(String(ctx.unitA.id))
      // Sending its own unit back is fine (the admin form does), and a manager may move it.
      expect((await rest.patch(`${slug}/${id}`, { unit: ctx.unitA.id }, { token: tokens[role] })).status).toBe(200)
      expect((await rest.patch(`${slug}/${id}`, { unit: ctx.unitB.id }, { token: tokens.manager })).status).toBe(200)
      expect(String((await systemFind(slug, id))?.unit)).toBe(String(ctx.unitB.id))
    }
    const img = await payload.create({
      collection: 'media',
      data: { alt: 'x' } as never,
      file: await pngFile(20, 20),
      ...asLocal('multimedia'),
    })
    const err = await attempt(() =>
      payload.update({
        collection: 'media',
        id: img.id,
        data: { unit: ctx.unitB.id } as never,
        ...asLocal('multimedia'),
      }),
    )
    expect(err.status).toBe(400)
  })
})

describe('custom endpoints check access themselves', () => {
  it('GET /api/quota/report: 401 anonymous, 403 editors and multimedia, answered for managers and admins', async () => {
    const path = `quota/report?plan=${ctx.plan.id}`
    expect((await rest.get(path)).status).toBe(401)
    for (const role of ['editor', 'multimedia'] as const)
      expect((await rest.get(path, { token: tokens[role] })).status).toBe(403)
    for (const role of ['manager', 'admin', 'integration'] as const)
      expect((await rest.get(path, { token: tokens[role] })).status).toBe(200)
  })
})

describe('integration accounts (API keys)', () => {
  const key = () => tokens.integration!

  it('pull reports, the drill-down and the API contract, and nothing a person does in the newsroom', async () => {
    const task = fixtures.get('tasks')!.own
    expect((await rest.raw(`quota/report?plan=${ctx.plan.id}&format=csv`, { token: key() })).status).toBe(200)
    expect((await rest.get(`quota/task?task=${task.id}`, { token: key() })).status).toBe(200)
    // The review workflow, plan import, share links and the stored periodic reports are staff's.
    const article = fixtures.get('articles')!.own
    const review = await rest.post(`review/articles/${article.id}/submit`, {}, { token: key() })
    expect([401, 403, 404], JSON.stringify(review.json)).toContain(review.status)
    const preview = await rest.post('plan-import/preview', { text: 'KẾ HOẠCH' }, { token: key() })
    expect([401, 403]).toContain(preview.status)
    expect((await rest.get('quota-reports', { token: key() })).status).toBe(403)
    expect((await rest.get('payload-jobs', { token: key() })).status).toBeGreaterThanOrEqual(400)
  })

  it('cannot open the admin panel; a wrong or revoked key is anonymous', async () => {
    const access = await rest.get('access', { token: key() })
    expect(access.status).toBe(200)
    // Payload leaves a false permission out of the answer.
    expect(access.json.canAccessAdmin ?? false).toBe(false)
    const staff = await rest.get('access', { token: tokens.editor })
    expect(staff.json.canAccessAdmin).toBe(true)
    const wrong = 'users API-Key not-the-key-0000000000000000000000'
    expect((await rest.get(`quota/report?plan=${ctx.plan.id}`, { token: wrong })).status).toBe(401)
    const revocable = 'revocable-integration-key-0123456789'
    const account = await createUser(payload, { role: 'integration', apiKey: revocable })
    expect((await rest.get(`quota/report?plan=${ctx.plan.id}`, { token: `users API-Key ${revocable}` })).status).toBe(
      200,
    )
    const revoke = await rest.patch(
      `users/${account.id}`,
      { enableAPIKey: false, apiKey: null },
      { token: tokens.admin },
    )
    expect(revoke.status, JSON.stringify(revoke.json)).toBe(200)
    expect((await rest.get(`quota/report?plan=${ctx.plan.id}`, { token: `users API-Key ${revocable}` })).status).toBe(
      401,
    )
  })

  it('only an administrator gives a key: staff cannot give themselves one, nor read whether others have one', async () => {
    for (const role of ['editor', 'manager'] as const) {
      const self = ctx.users[role]
      const chosen = `self-made-${role}-key-0123456789abcdef`
      const res = await rest.patch(`users/${self.id}`, { enableAPIKey: true, apiKey: chosen }, { token: tokens[role] })
      expect(res.status, JSON.stringify(res.json)).toBe(200)
      expect((await rest.get(`quota/report?plan=${ctx.plan.id}`, { token: `users API-Key ${chosen}` })).status).toBe(
        401,
      )
      const stored = (await payload.findByID({
        collection: 'users',
        id: self.id,
        showHiddenFields: true,
      })) as unknown as Doc
      expect(stored.enableAPIKey ?? false).toBe(false)
    }
    const seen = await rest.get(`users/${ctx.users.integration.id}`, { token: tokens.manager })
    expect(seen.status).toBe(200)
    expect(seen.json.hasAPIKey).toBeUndefined()
    expect(JSON.stringify(seen.json)).not.toContain(INTEGRATION_KEY)
    const byAdmin = await rest.get(`users/${ctx.users.integration.id}`, { token: tokens.admin })
    expect(byAdmin.json.hasAPIKey).toBe(true)
    expect(JSON.stringify(byAdmin.json)).not.toContain(INTEGRATION_KEY)
  })
})

describe('review before publishing (a unit with requiresReview)', () => {
  it('producers may no longer publish (or change a live item) of their unit; managers and admins still may', async () => {
    await payload.update({ collection: 'units', id: ctx.unitA.id, data: { requiresReview: true } as never })
    try {
      const cases: Array<[CollectionSlug, Exclude<Role, 'anonymous'>, boolean]> = [
        ['articles', 'editor', false],
        ['videos', 'multimedia', false],
        ['articles', 'manager', true],
        ['videos', 'admin', true],
      ]
      for (const [slug, role, allowed] of cases) {
        const row = MATRIX.find((r) => r.slug === slug)!
        const draft = await systemCreate(row, ctx.unitA, 'draft')
        const res = await rest.patch(`${slug}/${draft.id}`, { _status: 'published' }, { token: tokens[role] })
        expect(res.status, `${slug} ${role}`).toBe(allowed ? 200 : 403)
        expect((await systemFind(slug, draft.id))?._status).toBe(allowed ? 'published' : 'draft')
        const live = await systemCreate(row, ctx.unitA)
        const edit = await rest.patch(`${slug}/${live.id}`, { title: 'Sửa trực tiếp' }, { token: tokens[role] })
        expect(edit.status, `${slug} ${role} live edit`).toBe(allowed ? 200 : 403)
        // a draft of the change is always the producer's to make
        const staged = await rest.patch(`${slug}/${live.id}?draft=true`, { title: 'Bản nháp' }, { token: tokens[role] })
        expect(staged.status, `${slug} ${role} draft`).toBe(200)
      }
    } finally {
      await payload.update({ collection: 'units', id: ctx.unitA.id, data: { requiresReview: false } as never })
    }
  })
})
