/**
 * Plan import end to end on a real Payload and Postgres: the REST endpoints as a manager, editor
 * and anonymous user would call them, the one-transaction save, and the CLIs as real processes.
 * The seed document 000 (../shared/seeds) is imported when present; the fixture in
 * test/fixtures/planImport (our own text in the same shape) always is.
 */
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { REST_POST } from '@payloadcms/next/routes'
import type { Payload, PayloadRequest } from 'payload'
import { commitTransaction, createLocalReq, initTransaction } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { calendarDay } from '../../src/domain/calendar'
import { draftFromText, toCreateData, type ImportDraft } from '../../src/domain/planImport'
import { importPlan, savePlan } from '../../src/plugin/import/importPlan'
import { loadImportCatalog } from '../../src/plugin/import/loadCatalog'
import { seed } from '../../src/seed/seed'
import { CHANNELS, DEMO_ANCHOR, PLAN, UNITS } from '../../src/seed/planData'
import { buildDocx } from '../fixtures/docx'
import { restClient } from './helpers/rest'
import { createUser, startTestPayload, type TestPayload } from './helpers/testPayload'

const ROOT = path.resolve(import.meta.dirname, '../..')
const FIXTURE = path.join(ROOT, 'test/fixtures/planImport/du-lich-so.txt')
const SEEDS = path.resolve(ROOT, '../shared/seeds')
const SEED_000 = existsSync(SEEDS)
  ? readdirSync(SEEDS)
      .filter((f) => f.startsWith('000_') && f.endsWith('.txt'))
      .map((f) => path.join(SEEDS, f))[0]
  : undefined

type Doc = Record<string, unknown> & { id: number }
type Errors = Array<{ field: string; message: string }>

let t: TestPayload
let payload: Payload
let rest: ReturnType<typeof restClient>
let managerToken: string
let editorToken: string
let adminToken: string
const units: Record<string, Doc> = {}
const channels: Record<string, Doc> = {}
let parentPlan: Doc

const count = async (collection: 'plans' | 'tasks', where?: Record<string, unknown>) =>
  (await payload.count({ collection, where: where as never })).totalDocs

/** A POST with a raw body (malformed JSON), through the same REST handler as restClient. */
async function postRaw(route: string, body: string, contentType: string, token?: string) {
  const url = new URL(`http://localhost/api/${route}`)
  const headers = new Headers({ 'Content-Type': contentType })
  if (token) headers.set('Authorization', `JWT ${token}`)
  const res = await REST_POST(Promise.resolve(payload.config))(new Request(url, { method: 'POST', headers, body }), {
    params: Promise.resolve({ slug: route.split('/') }),
  })
  return { status: res.status, json: (await res.json()) as { errors?: Errors } }
}

const upload = (name: string, data: Buffer | string, type = 'application/octet-stream') => {
  const form = new FormData()
  form.append('file', new File([typeof data === 'string' ? data : new Uint8Array(data)], name, { type }))
  return form
}

interface RunResult {
  code: number | null
  stdout: string
  stderr: string
}

/** A CLI as a real process against this file's database, as `npm run plan:…` runs it. */
function runCli(script: string, args: string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', './src/cli/register.mjs', path.join(ROOT, 'src/cli', script), ...args],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URI: t.databaseUri,
          PAYLOAD_SECRET: 'plan-import-test-secret-0123456789abcdef',
          EMBEDDED_DB: '',
          UPLOADS_DIR: t.uploadsDir,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  rest = restClient(payload)
  const unit = async (key: string, name: string, shortName?: string) => {
    units[key] = (await payload.create({ collection: 'units', data: { name, shortName } })) as unknown as Doc
  }
  await unit('qldl', 'Phòng Quản lý du lịch')
  await unit('ttdl', 'Trung tâm Thông tin Du lịch')
  await unit('vp', 'Văn phòng Sở Văn hóa và Du lịch', 'Văn phòng Sở')
  await unit('bao', 'Báo Hoa Mai')
  const channel = async (key: string, name: string, kind: string, isHome = false) => {
    channels[key] = (await payload.create({
      collection: 'channels',
      data: { name, kind, isHome } as never,
    })) as unknown as Doc
  }
  await channel('portal', 'Cổng Thông tin điện tử Sở Văn hóa và Du lịch', 'portal', true)
  await channel('fanpage', 'Fanpage Sở VHDL', 'social')
  await channel('youtube', 'Kênh YouTube Sở VHDL', 'social')
  parentPlan = (await payload.create({
    collection: 'plans',
    data: { code: '15/KH-UBND', title: 'Kế hoạch phát triển du lịch số' },
  })) as unknown as Doc
  const manager = await createUser(payload, { role: 'manager' })
  const editor = await createUser(payload, { role: 'editor' })
  const admin = await createUser(payload, { role: 'admin' })
  managerToken = await rest.login(manager.email as string, 'test-Password-1')
  editorToken = await rest.login(editor.email as string, 'test-Password-1')
  adminToken = await rest.login(admin.email as string, 'test-Password-1')
})

afterAll(async () => {
  await t?.cleanup()
})

describe('who may import', () => {
  const text = () => readFileSync(FIXTURE, 'utf8')

  it('anonymous 401, editor 403, manager and admin 200 on preview', async () => {
    expect((await rest.post('plan-import/preview', { text: text() })).status).toBe(401)
    const editor = await rest.post('plan-import/preview', { text: text() }, { token: editorToken })
    expect(editor.status).toBe(403)
    expect(editor.json.errors?.[0]?.message).toMatch(/lãnh đạo và quản trị viên/)
    expect((await rest.post('plan-import/preview', { text: text() }, { token: managerToken })).status).toBe(200)
    expect((await rest.post('plan-import/preview', { text: text() }, { token: adminToken })).status).toBe(200)
  })

  it('anonymous 401 and editor 403 on commit, and nothing is created', async () => {
    const draft = draftFromText(text(), await systemCatalog())
    const before = await count('plans')
    expect((await rest.post('plan-import/commit', draft)).status).toBe(401)
    expect((await rest.post('plan-import/commit', draft, { token: editorToken })).status).toBe(403)
    expect(await count('plans')).toBe(before)
  })
})

async function systemCatalog() {
  return loadImportCatalog((await createLocalReq({}, payload)) as PayloadRequest, { overrideAccess: true })
}

describe('preview: bad input gets a 4xx naming the field', () => {
  const post = (body: unknown) => rest.post('plan-import/preview', body, { token: managerToken })
  const fieldOf = (json: { errors?: Array<{ field?: string; message: string }> }) => json.errors?.[0]?.field

  it('empty or missing text: 400 text', async () => {
    const empty = await post({ text: '   \n ' })
    expect([empty.status, fieldOf(empty.json)]).toEqual([400, 'text'])
    expect(empty.json.errors?.[0]?.message).toBe('text: văn bản kế hoạch trống.')
    const missing = await post({ code: 'X' })
    expect([missing.status, fieldOf(missing.json)]).toEqual([400, 'text'])
    const wrongType = await post({ text: 42 })
    expect([wrongType.status, fieldOf(wrongType.json)]).toEqual([400, 'text'])
  })

  it('malformed JSON: 400; another content type: 415', async () => {
    const bad = await postRaw('plan-import/preview', '{"text": "abc', 'application/json', managerToken)
    expect([bad.status, bad.json.errors?.[0]?.field]).toEqual([400, '(body)'])
    const plain = await postRaw('plan-import/preview', 'KẾ HOẠCH', 'text/plain', managerToken)
    expect([plain.status, plain.json.errors?.[0]?.field]).toEqual([415, '(body)'])
  })

  it('a file of a type the importer does not read: 400 file, named in the message', async () => {
    const res = await rest.post('plan-import/preview', upload('ke-hoach.odt', 'PK'), { token: managerToken })
    expect(res.status).toBe(400)
    expect(res.json.errors?.[0]).toMatchObject({ field: 'file', message: expect.stringContaining('ke-hoach.odt') })
  })

  it('a .docx that is not a Word file, a .txt that is not UTF-8: 400 file', async () => {
    const fake = await rest.post('plan-import/preview', upload('ke-hoach.docx', 'not a zip'), { token: managerToken })
    expect([fake.status, fieldOf(fake.json)]).toEqual([400, 'file'])
    const latin1 = Buffer.from([0x4b, 0xc9, 0x20, 0x48, 0x4f, 0xc0, 0x43, 0x48]) // "KÉ HOÀCH" in Latin-1
    const txt = await rest.post('plan-import/preview', upload('ke-hoach.txt', latin1), { token: managerToken })
    expect([txt.status, fieldOf(txt.json)]).toEqual([400, 'file'])
  })

  it('an oversized file: 413', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0x61)
    const res = await rest.post('plan-import/preview', upload('ke-hoach.txt', big), { token: managerToken })
    expect([res.status, fieldOf(res.json)]).toEqual([413, 'file'])
  })

  it('an unknown recurrence option: 400 recurrence', async () => {
    const res = await post({ text: 'KẾ HOẠCH', recurrence: 'weekly' })
    expect([res.status, fieldOf(res.json)]).toEqual([400, 'recurrence'])
  })
})

describe('the fixture plan, through preview and commit', () => {
  let preview: {
    draft: ImportDraft
    problems: Errors
    notes: Array<{ line: number | null; message: string }>
    catalog: { units: unknown[]; channels: unknown[]; plans: unknown[] }
    existing: unknown
    source: { text: string }
  }

  beforeAll(async () => {
    const res = await rest.post('plan-import/preview', upload('du-lich-so.txt', readFileSync(FIXTURE)), {
      token: managerToken,
    })
    expect(res.status).toBe(200)
    preview = res.json as unknown as typeof preview
  })

  it('previews the draft with matched records, source lines, problems and notes; saves nothing', async () => {
    const d = preview.draft
    expect(d.plan).toMatchObject({ code: '45/KH-SVHDL', monthlyDay: 25, basedOn: [{ id: parentPlan.id }] })
    expect(d.tasks.map((x) => [x.code, x.line])).toEqual([
      ['1', 33],
      ['2', 34],
      ['3', 35],
      ['4', 36],
    ])
    expect(d.tasks[0]!.leadUnits.map((u) => u.id)).toEqual([units.qldl!.id, units.ttdl!.id])
    const target = d.tasks[0]!.targets[0]
    expect(target?.kind === 'content' && target.channels.map((c) => c.id)).toEqual([
      channels.portal!.id,
      channels.fanpage!.id,
    ])
    expect(preview.problems).toEqual([
      {
        field: 'tasks[3].leadUnits[0]',
        message: expect.stringContaining('đơn vị "Phòng Truyền thông số" chưa khớp với danh mục'),
      },
    ])
    expect(preview.notes).toEqual([{ kind: 'rowWithoutNumber', line: 32, source: null, message: expect.any(String) }])
    expect(preview.catalog.units).toHaveLength(4)
    expect(preview.existing).toBeNull()
    expect(preview.source.text.split('\n')[32]).toMatch(/^1\t/)
    expect(await count('plans', { code: { equals: '45/KH-SVHDL' } })).toBe(0)
  })

  it('refuses to commit while a name is unresolved, naming the field; nothing is written', async () => {
    const res = await rest.post('plan-import/commit', preview.draft, { token: managerToken })
    expect(res.status).toBe(400)
    expect((res.json.errors as unknown as Errors).map((e) => e.field)).toEqual(['tasks[3].leadUnits[0]'])
    expect(await count('plans', { code: { equals: '45/KH-SVHDL' } })).toBe(0)
  })

  it('refuses a malformed draft with a 400 naming each missing field', async () => {
    const broken = structuredClone(preview.draft) as unknown as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- broken on purpose
    delete broken.tasks[0].title
    delete broken.tasks[1].timeframe
    broken.tasks[2].targets[0].label = ''
    const res = await rest.post('plan-import/commit', broken, { token: managerToken })
    expect(res.status).toBe(400)
    expect(res.json.errors).toEqual(
      expect.arrayContaining([
        { field: 'tasks[0].title', message: 'tasks[0].title: bắt buộc, không được để trống.' },
        { field: 'tasks[1].timeframe', message: expect.stringMatching(/^tasks\[1\]\.timeframe: /) },
        { field: 'tasks[2].targets[0].label', message: expect.any(String) },
      ]),
    )
    const notJson = await postRaw('plan-import/commit', '{"plan": ', 'application/json', managerToken)
    expect([notJson.status, notJson.json.errors?.[0]?.field]).toEqual([400, '(body)'])
    const notADraft = await rest.post('plan-import/commit', [1, 2], { token: managerToken })
    expect([notADraft.status, (notADraft.json.errors as unknown as Errors)[0]?.field]).toEqual([400, '(body)'])
    expect(await count('plans', { code: { equals: '45/KH-SVHDL' } })).toBe(0)
  })

  it('creates the plan and its tasks as the manager once the reviewer resolved the unit', async () => {
    const draft = structuredClone(preview.draft)
    draft.tasks[3]!.leadUnits[0]!.id = units.ttdl!.id
    draft.tasks[1]!.title = 'Video lễ hội và làng nghề'
    const tasksBefore = await count('tasks')
    const res = await rest.post('plan-import/commit', draft, { token: managerToken })
    expect(res.status).toBe(201)
    expect(res.json).toMatchObject({
      status: 'created',
      plan: { code: '45/KH-SVHDL' },
      created: { plans: 1, tasks: 4, targets: 4 },
    })
    const planId = (res.json.plan as { id: number }).id
    expect(res.json.url).toBe(`/admin/collections/plans/${planId}`)
    expect(await count('tasks')).toBe(tasksBefore + 4)

    const plan = await payload.findByID({ collection: 'plans', id: planId, depth: 0 })
    expect(plan).toMatchObject({
      title: 'Kế hoạch truyền thông quảng bá du lịch số tỉnh Hoa Mai năm 2026',
      issuer: 'Sở Văn hóa và Du lịch',
      status: 'active',
      basedOn: [parentPlan.id],
      reporting: { monthlyDay: 25 },
    })
    expect(calendarDay(plan.issueDate!)).toBe('2026-01-20')
    expect([calendarDay(plan.period!.from!), calendarDay(plan.period!.to!)]).toEqual(['2026-01-01', '2026-12-31'])
    expect(plan.basisDocuments?.map((b) => b.code)).toEqual(['07/2025/QĐ-UBND'])

    const tasks = (
      await payload.find({ collection: 'tasks', where: { plan: { equals: planId } }, sort: 'sortOrder', depth: 0 })
    ).docs
    expect(tasks.map((x) => [x.code, x.sortOrder, x.title])).toEqual([
      ['1', 1, 'Giới thiệu bản đồ du lịch số và ứng dụng thuyết minh tự động tại các điểm đến'],
      ['2', 2, 'Video lễ hội và làng nghề'],
      ['3', 3, 'Tổng hợp kết quả thực hiện kế hoạch, đề xuất nhiệm vụ năm sau'],
      ['4', 4, 'Đăng infographic số liệu du khách định kỳ'],
    ])
    expect(tasks.map((x) => x.leadUnits)).toEqual([
      [units.qldl!.id, units.ttdl!.id],
      [units.ttdl!.id],
      [units.vp!.id],
      [units.ttdl!.id],
    ])
    expect(tasks[0]!.coordinatingUnits).toEqual([units.bao!.id])
    expect(calendarDay(tasks[1]!.timeframe!.deadline!)).toBe('2026-09-30')
    expect(tasks[3]!.timeframe).toMatchObject({ kind: 'recurring', recurrence: 'month' })
    expect(tasks[0]!.targets?.[0]).toMatchObject({
      kind: 'content',
      quantity: 12,
      mode: 'pooled',
      contentTypes: ['articles'],
      channels: [channels.portal!.id, channels.fanpage!.id],
    })
    expect(tasks[1]!.targets?.[0]).toMatchObject({ kind: 'content', quantity: 6, mode: 'perChannel' })
    expect(tasks[2]!.targets?.[0]).toMatchObject({
      kind: 'deliverable',
      label: 'Báo cáo kết quả thực hiện',
      submitted: false,
    })
    expect(tasks[3]!.targets?.[0]).toMatchObject({ kind: 'content', quantity: 2, contentTypes: ['infographics'] })
  })

  it('committing again creates nothing and says the plan exists', async () => {
    const draft = structuredClone(preview.draft)
    draft.tasks[3]!.leadUnits[0]!.id = units.ttdl!.id
    const [plans, tasks] = [await count('plans'), await count('tasks')]
    const res = await rest.post('plan-import/commit', draft, { token: managerToken })
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ status: 'exists', created: { plans: 0, tasks: 0, targets: 0 } })
    expect([await count('plans'), await count('tasks')]).toEqual([plans, tasks])
    const again = await rest.post(
      'plan-import/preview',
      { text: readFileSync(FIXTURE, 'utf8') },
      { token: managerToken },
    )
    expect(again.json.existing).toMatchObject({ code: '45/KH-SVHDL' })
  })

  it('two reviewers confirming the same plan at once: one creates it, the other is told it exists', async () => {
    const draft = structuredClone(preview.draft)
    draft.plan.code = 'KH-CUNG-LUC'
    draft.tasks[3]!.leadUnits[0]!.id = units.ttdl!.id
    const tasks = await count('tasks')
    const answers = await Promise.all([
      rest.post('plan-import/commit', draft, { token: managerToken }),
      rest.post('plan-import/commit', draft, { token: adminToken }),
    ])
    expect(answers.map((a) => a.json.status).sort()).toEqual(['created', 'exists'])
    expect(answers.map((a) => a.status).sort()).toEqual([200, 201])
    expect(await count('plans', { code: { equals: 'KH-CUNG-LUC' } })).toBe(1)
    expect(await count('tasks')).toBe(tasks + 4)
  })

  it('reads a .docx upload (tables kept) into the same kind of draft', async () => {
    const docx = await buildDocx([
      { p: 'Số: 46/KH-SVHDL' },
      { p: 'KẾ HOẠCH' },
      { p: 'Truyền thông lễ hội mùa xuân năm 2026' },
      { p: 'Phụ lục' },
      {
        table: [
          ['STT', 'Nội dung nhiệm vụ', 'Đơn vị thực hiện', 'Thời gian hoàn thành', 'Kết quả'],
          [
            '1',
            ['- Đưa tin về lễ hội.', '- Giới thiệu làng nghề.'],
            ['- Trung tâm Thông tin Du lịch', '- Báo Hoa Mai'],
            '28/2/2026',
            '10 tin bài trên Fanpage Sở VHDL; Kênh YouTube Sở VHDL',
          ],
          ['2', 'Tổng kết lễ hội.', 'Văn phòng Sở', '31/3/2026', 'Báo cáo tổng kết'],
        ],
      },
    ])
    const res = await rest.post('plan-import/preview', upload('le-hoi.docx', docx), { token: managerToken })
    expect(res.status).toBe(200)
    const d = (res.json as unknown as { draft: ImportDraft }).draft
    expect(d.plan.code).toBe('46/KH-SVHDL')
    expect(d.tasks.map((x) => [x.code, x.leadUnits.map((u) => u.id), x.timeframe])).toEqual([
      ['1', [units.ttdl!.id, units.bao!.id], { kind: 'deadline', deadline: '2026-02-28' }],
      ['2', [units.vp!.id], { kind: 'deadline', deadline: '2026-03-31' }],
    ])
    expect(res.json.problems).toEqual([])
  })
})

describe('never partial', () => {
  it('a task Payload refuses half-way leaves no plan and no tasks', async () => {
    const catalog = await systemCatalog()
    const draft = draftFromText(readFileSync(FIXTURE, 'utf8'), catalog, { code: 'KH-HALF' })
    draft.tasks[3]!.leadUnits[0]!.id = units.ttdl!.id
    const set = toCreateData(draft, catalog)
    // The third task breaks a rule of the tasks collection (quantity ≥ 1): the plan and the first
    // two tasks are already written in the transaction when Payload refuses it.
    const third = set.tasks[2]!
    third.targets = [{ ...(set.tasks[0]!.targets[0] as object), quantity: 0 } as never]
    const [plans, tasks] = [await count('plans'), await count('tasks')]
    const req = (await createLocalReq({}, payload)) as PayloadRequest
    const outcome = await savePlan(req, set, { overrideAccess: true })
    expect(outcome).toEqual({
      status: 'rejected',
      errors: [{ field: 'tasks[2].targets[0].quantity', message: expect.any(String) }],
    })
    expect([await count('plans'), await count('tasks')]).toEqual([plans, tasks])
    expect(await count('plans', { code: { equals: 'KH-HALF' } })).toBe(0)
    expect(req.transactionID).toBeUndefined()
  })

  it('a plan created meanwhile by another transaction makes the save report it exists, not fail', async () => {
    const catalog = await systemCatalog()
    const draft = draftFromText(readFileSync(FIXTURE, 'utf8'), catalog, { code: 'KH-RACE' })
    draft.tasks[3]!.leadUnits[0]!.id = units.ttdl!.id
    const tasks = await count('tasks')
    // Another import holds an uncommitted plan with the same code: ours cannot see it, so it goes
    // on to insert, waits on the unique index, and meets the duplicate once the other commits.
    const other = (await createLocalReq({}, payload)) as PayloadRequest
    await initTransaction(other)
    const theirs = await payload.create({
      collection: 'plans',
      data: { code: 'KH-RACE', title: 'Nhập song song' },
      req: other,
    })
    const ours = savePlan((await createLocalReq({}, payload)) as PayloadRequest, toCreateData(draft, catalog), {
      overrideAccess: true,
    })
    await new Promise((r) => setTimeout(r, 300))
    await commitTransaction(other)
    expect(await ours).toEqual({
      status: 'exists',
      plan: { id: theirs.id, code: 'KH-RACE' },
      created: { plans: 0, tasks: 0, targets: 0 },
    })
    expect(await count('tasks')).toBe(tasks)
  })

  it('a user without the right cannot import through the save function either', async () => {
    const editor = await createUser(payload, { role: 'editor' })
    const req = (await createLocalReq({ user: { ...editor, collection: 'users' } as never }, payload)) as PayloadRequest
    const draft = draftFromText(readFileSync(FIXTURE, 'utf8'), await systemCatalog(), { code: 'KH-EDITOR' })
    draft.tasks[3]!.leadUnits[0]!.id = units.ttdl!.id
    // Payload's Forbidden (403), raised by the plans collection's create access.
    await expect(importPlan(req, draft, { overrideAccess: false })).rejects.toMatchObject({ status: 403 })
    expect(await count('plans', { code: { equals: 'KH-EDITOR' } })).toBe(0)
  })
})

describe('CLIs', () => {
  it('plan:parse prints the draft as JSON without a database; missing files exit 2 before any database', async () => {
    // Independent processes: run them side by side (each spends most of its time starting up).
    const [ok, missing, importMissing] = await Promise.all([
      runCli('planParse.ts', [FIXTURE]),
      runCli('planParse.ts', ['/nonexistent/ke-hoach.txt']),
      runCli('planImport.ts', ['/nonexistent/ke-hoach.txt']),
    ])
    expect(ok.code).toBe(0)
    const draft = JSON.parse(ok.stdout) as { code: string; tasks: Array<{ code: string; line: number }> }
    expect(draft.code).toBe('45/KH-SVHDL')
    expect(draft.tasks.map((x) => [x.code, x.line])).toEqual([
      ['1', 33],
      ['2', 34],
      ['3', 35],
      ['4', 36],
    ])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('cannot read /nonexistent/ke-hoach.txt: no such file')
    expect(importMissing.code).toBe(2)
    expect(importMissing.stderr).toContain('cannot read /nonexistent/ke-hoach.txt: no such file')
  })
})

describe.skipIf(!SEED_000)('seed document 000 through the CLI', () => {
  const seedUnit = (key: string) => UNITS.find((u) => u.key === key)!.name
  const seedChannel = (key: string) => CHANNELS.find((c) => c.key === key)!.name

  beforeAll(async () => {
    await seed(payload, { today: DEMO_ANCHOR })
  })

  it('recognises the plan the Foundation seed created: importing it creates nothing', async () => {
    const req = (await createLocalReq({}, payload)) as PayloadRequest
    const draft = draftFromText(readFileSync(SEED_000!, 'utf8'), await systemCatalog(), { code: PLAN.code })
    const outcome = await importPlan(req, draft, { overrideAccess: true })
    expect(outcome).toMatchObject({ status: 'exists', plan: { code: PLAN.code } })
  })

  it('creates exactly the plan, tasks and targets planData.ts describes; a second run creates nothing', async () => {
    // Start from the seed's units, channels and parent plan without the plan itself.
    const seeded = (await payload.find({ collection: 'plans', where: { code: { equals: PLAN.code } } })).docs[0]!
    const seededTasks = await payload.find({ collection: 'tasks', where: { plan: { equals: seeded.id } }, limit: 100 })
    for (const task of seededTasks.docs) await payload.delete({ collection: 'tasks', id: task.id })
    await payload.delete({ collection: 'plans', id: seeded.id })
    const [plansBefore, tasksBefore] = [await count('plans'), await count('tasks')]

    // A dry run without --code alongside (it writes nothing, so the two cannot disturb each other).
    const [first, dryRun] = await Promise.all([
      runCli('planImport.ts', [SEED_000!, '--code', PLAN.code]),
      runCli('planImport.ts', [SEED_000!, '--dry-run']),
    ])
    expect(dryRun.code).toBe(1)
    expect(dryRun.stderr).toContain('[plan.code]')
    expect(dryRun.stderr).toContain('--code')
    expect(JSON.parse(dryRun.stdout).problems).toEqual([{ field: 'plan.code', message: { key: 'required' } }])
    expect(first.code, first.stderr).toBe(0)
    expect(JSON.parse(first.stdout)).toMatchObject({
      status: 'created',
      created: { plans: 1, tasks: 12, targets: 12 },
    })
    expect([await count('plans'), await count('tasks')]).toEqual([plansBefore + 1, tasksBefore + 12])

    const plan = (await payload.find({ collection: 'plans', where: { code: { equals: PLAN.code } }, depth: 1 }))
      .docs[0]!
    expect(plan.issuer).toBe(PLAN.issuer)
    expect(plan.reporting?.monthlyDay).toBe(PLAN.monthlyDay)
    expect((plan.basedOn as Array<{ code: string }>).map((p) => p.code)).toEqual(['02-KH/BCĐTW'])
    expect(plan.title.startsWith('Kế hoạch truyền thông thực hiện Kế hoạch số 02-KH/BCĐTW ngày 19')).toBe(true)
    expect(PLAN.title.startsWith('Kế hoạch truyền thông thực hiện Kế hoạch số 02-KH/BCĐTW ngày 19')).toBe(true)
    // The document misspells the ministry's code "BKHHCN"; the seed corrected it. The import keeps
    // what the document says (a reviewer can fix it in the preview).
    expect(plan.basisDocuments?.map((b) => [b.code, calendarDay(b.date!)])).toEqual(
      PLAN.basisDocuments.map((b) => [b.code.replace('/QĐ-BKHCN', '/QĐ-BKHHCN'), b.date]),
    )

    const tasks = (
      await payload.find({
        collection: 'tasks',
        where: { plan: { equals: plan.id } },
        sort: 'sortOrder',
        depth: 1,
        limit: 100,
      })
    ).docs
    expect(tasks.map((x) => [x.code, x.sortOrder])).toEqual(PLAN.tasks.map((s, i) => [s.code, i + 1]))
    tasks.forEach((task, i) => {
      const s = PLAN.tasks[i]!
      expect((task.leadUnits as Array<{ name: string }>).map((u) => u.name)).toEqual(s.leads.map(seedUnit))
      expect(task.timeframe?.kind).toBe('deadline')
      expect(calendarDay(task.timeframe!.deadline!)).toBe(s.deadline)
      expect(task.targets).toHaveLength(1)
      const target = task.targets![0]!
      if (s.target.kind === 'content') {
        expect(target).toMatchObject({
          kind: 'content',
          quantity: s.target.quantity,
          mode: s.target.mode,
          contentTypes: s.target.contentTypes,
        })
        expect((target.channels as Array<{ name: string }>).map((c) => c.name)).toEqual(
          s.target.channels.map(seedChannel),
        )
      } else {
        expect(target).toMatchObject({ kind: 'deliverable', label: s.target.label, submitted: false })
        expect(task.expectedResult).toBe(s.expectedResult)
      }
      // The seed abbreviates the document's task text; both begin alike.
      expect(task.content?.slice(0, 30)).toBe(s.content.slice(0, 30))
    })

    // Run the same command again; alongside, import the dry run's draft saved as .json (the
    // reviewed-draft path of the CLI): both find the plan and create nothing.
    const draftFile = path.join(t.uploadsDir, 'reviewed-draft.json')
    writeFileSync(draftFile, JSON.stringify((JSON.parse(dryRun.stdout) as { draft: unknown }).draft))
    const [second, fromJson] = await Promise.all([
      runCli('planImport.ts', [SEED_000!, '--code', PLAN.code]),
      runCli('planImport.ts', [draftFile, '--code', PLAN.code]),
    ])
    expect(fromJson.code, fromJson.stderr).toBe(0)
    expect(JSON.parse(fromJson.stdout)).toMatchObject({ status: 'exists', plan: { code: PLAN.code } })
    expect(second.code, second.stderr).toBe(0)
    expect(JSON.parse(second.stdout)).toMatchObject({ status: 'exists', created: { plans: 0, tasks: 0, targets: 0 } })
    expect(second.stderr).toContain('nothing was created')
    expect([await count('plans'), await count('tasks')]).toEqual([plansBefore + 1, tasksBefore + 12])
  })
})
