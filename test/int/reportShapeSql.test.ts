/**
 * The report's shape read in plain SQL (readReportShapeSql.ts) equals what Payload's reads give
 * (readReportShapeThroughPayload): same tasks in the same order, same fields in the same formats,
 * same names, for a full plan, a unit roll-up and a task subset, and the reports built from
 * them are identical. Readers who do not see everything as stored (a `Where` from read access,
 * an afterRead hook) keep Payload's reads; trashed tasks stay out on both paths.
 */
import {
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
  type Plugin,
} from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dayToInstant } from '../../src/domain/calendar'
import type { ReportParams, ReportShape } from '../../src/domain/reportAssembly'
import { countTargets } from '../../src/plugin/counting/engine/read'
import { poolRunner } from '../../src/plugin/db/postgres'
import {
  assembleReport,
  buildReport,
  readReportShape,
  readReportShapeThroughPayload,
  reportQuestions,
} from '../../src/plugin/report/buildReport'
import { readReportShapeSql } from '../../src/plugin/report/readReportShapeSql'
import { readerSeesEverything } from '../../src/plugin/report/readerSeesEverything'
import { reportCacheStats } from '../../src/plugin/report/reportCache'
import { sql } from '../../src/plugin/counting/engine/sql'
import { pdfFile } from '../fixtures/files'
import { publishArticle } from './helpers/countingFixtures'
import { createUser, startTestPayload, type TestPayload } from './helpers/testPayload'
import { startPayloadOn, type PayloadOn } from './helpers/workerPayload'

type Doc = Record<string, unknown> & { id: number }

let t: TestPayload
let payload: Payload
let manager: Doc
let editor: Doc
let ministry: Doc
let department: Doc
let other: Doc
let plan: Doc
const tasks: Record<string, Doc> = {}

async function reqFor(p: Payload, user?: Doc): Promise<PayloadRequest> {
  return createLocalReq(user ? { user: { ...user, collection: 'users' } as never } : {}, p)
}

/** Of the plan, what the report reads (the SQL path returns only that). */
function planAsReportReadsIt(shape: ReportShape) {
  const period = (shape.plan.period ?? {}) as Record<string, unknown>
  return {
    id: shape.plan.id,
    code: shape.plan.code,
    title: shape.plan.title,
    period: { from: period.from ?? null, to: period.to ?? null },
  }
}

async function reportOf(p: Payload, req: PayloadRequest, shape: ReportShape, params: ReportParams) {
  const questions = reportQuestions(shape, params.asOf)
  return assembleReport(shape, questions, await countTargets(p, questions.queries, req), params)
}

/** Both paths for the same reader and report; their shapes and reports must agree. */
async function expectSameShape(p: Payload, req: PayloadRequest, params: ReportParams) {
  const viaSql = await readReportShapeSql(req, params)
  const viaPayload = await readReportShapeThroughPayload(req, params)
  expect(viaSql).not.toBeNull()
  expect(viaPayload).not.toBeNull()
  expect(viaSql!.tasks).toStrictEqual(viaPayload!.tasks)
  expect(viaSql!.plan).toStrictEqual(planAsReportReadsIt(viaPayload!))
  expect(viaSql!.unitNames).toStrictEqual(viaPayload!.unitNames)
  expect(viaSql!.channelNames).toStrictEqual(viaPayload!.channelNames)
  expect(viaSql!.tz).toBe(viaPayload!.tz)
  expect(await reportOf(p, req, viaSql!, params)).toStrictEqual(await reportOf(p, req, viaPayload!, params))
  return { viaSql: viaSql!, viaPayload: viaPayload! }
}

const codes = (shape: ReportShape) => shape.tasks.map((x) => x.code)

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  const unit = (name: string, parent?: number) =>
    payload.create({
      collection: 'units',
      data: { name, requiresReview: false, ...(parent ? { parent } : {}) } as never,
    }) as unknown as Promise<Doc>
  ministry = await unit('Bộ')
  department = await unit('Vụ Truyền thông', ministry.id)
  other = await unit('Sở')
  manager = (await createUser(payload, { role: 'manager', unit: ministry.id })) as Doc
  editor = (await createUser(payload, { role: 'editor', unit: ministry.id })) as Doc
  const channel = (name: string, kind: string, isHome = false) =>
    payload.create({ collection: 'channels', data: { name, kind, isHome } as never }) as unknown as Promise<Doc>
  const home = await channel('Cổng', 'portal', true)
  const paper = await channel('Báo điện tử', 'enewspaper')
  const social = await channel('Fanpage', 'social')
  const document = (await payload.create({
    collection: 'plan-documents',
    data: { title: 'Báo cáo sơ kết' },
    file: pdfFile(),
  })) as unknown as Doc
  plan = (await payload.create({
    collection: 'plans',
    data: {
      code: 'KH-SQL',
      title: 'Kế hoạch truyền thông',
      period: { from: dayToInstant('2025-01-01'), to: dayToInstant('2025-12-31') },
    },
  })) as unknown as Doc
  const otherPlan = (await payload.create({
    collection: 'plans',
    data: { code: 'KH-KHAC', title: 'Khác' },
  })) as unknown as Doc
  const task = async (data: Record<string, unknown>, planId = plan.id) =>
    (await payload.create({ collection: 'tasks', data: { plan: planId, ...data } as never })) as unknown as Doc

  // Display-order ties broken by STT in natural order ("2" before "10").
  tasks.ten = await task({
    code: '10',
    title: 'Tuyên truyền trên báo chí',
    sortOrder: 1,
    leadUnits: [department.id, other.id],
    timeframe: { kind: 'deadline', deadline: dayToInstant('2025-09-30') },
    targets: [
      {
        kind: 'content',
        label: 'Mỗi kênh',
        quantity: 12,
        mode: 'perChannel',
        contentTypes: ['videos', 'articles'],
        channels: [social.id, paper.id, home.id],
        windowStart: dayToInstant('2025-03-01'),
      },
      { kind: 'content', quantity: 5, mode: 'pooled', contentTypes: ['infographics'], channels: [home.id] },
    ],
  })
  tasks.two = await task({
    code: '2',
    title: 'Báo cáo và chỉ số',
    sortOrder: 1,
    leadUnits: [ministry.id],
    timeframe: { kind: 'recurring', recurrence: 'quarter' },
    targets: [
      {
        kind: 'deliverable',
        label: 'Báo cáo sơ kết',
        document: document.id,
        submitted: true,
        submittedAt: dayToInstant('2025-04-02'),
      },
      {
        kind: 'indicator',
        label: 'Tỉ lệ tiếp cận',
        indicatorUnit: 'percent',
        targetValue: 80,
        progress: [
          { date: dayToInstant('2025-02-01'), value: 20, evidence: 'Khảo sát' },
          { date: dayToInstant('2025-05-01'), value: 42.5, evidenceFile: document.id },
        ],
      },
    ],
  })
  tasks.section = await task({
    code: 'II.1.a',
    title: 'Trong năm',
    sortOrder: 2.5,
    leadUnits: [other.id, department.id],
    timeframe: { kind: 'byYear', year: 2025 },
    targets: [
      { kind: 'deliverable', label: 'Chưa nộp' },
      { kind: 'content', quantity: 3, contentTypes: ['articles'], channels: [paper.id] },
    ],
  })
  tasks.b = await task({
    code: 'II.1.b',
    title: 'Không chỉ tiêu',
    timeframe: { kind: 'deadline', deadline: dayToInstant('2025-06-30') },
  })
  tasks.one = await task({
    code: '1',
    title: 'Không thứ tự hiển thị',
    leadUnits: [department.id],
    timeframe: { kind: 'deadline', deadline: dayToInstant('2025-12-31') },
    targets: [{ kind: 'content', quantity: 2, contentTypes: ['articles'], channels: [social.id] }],
  })
  tasks.elsewhere = await task(
    {
      code: '1',
      title: 'Kế hoạch khác',
      leadUnits: [ministry.id],
      timeframe: { kind: 'deadline', deadline: dayToInstant('2025-06-30') },
      targets: [{ kind: 'content', quantity: 1, contentTypes: ['articles'], channels: [home.id] }],
    },
    otherPlan.id,
  )
  await publishArticle(
    payload,
    editor,
    'Bài 1',
    [tasks.ten!, tasks.one!],
    [
      [paper, '2025-03-05'],
      [social, '2025-03-06'],
    ],
  )
})

afterAll(async () => {
  await t?.cleanup()
})

describe('report shape in SQL', () => {
  it('equals the Payload read of a full plan, in report order, and gives the same report', async () => {
    const req = await reqFor(payload, manager)
    const { viaSql } = await expectSameShape(payload, req, { plan: plan.id, asOf: '2025-06-30', unit: null })
    expect(codes(viaSql)).toEqual(['2', '10', 'II.1.a', '1', 'II.1.b'])
    // Spot checks that the comparison compares something: formats as Payload prints them.
    const two = viaSql.tasks[0] as { targets: Array<Record<string, unknown>> }
    expect(two.targets[1]!.progress).toMatchObject([
      { date: new Date(dayToInstant('2025-02-01')).toISOString(), value: 20, evidence: 'Khảo sát' },
      { value: 42.5, evidenceFile: expect.any(Number) },
    ])
    expect(two.targets[0]).toMatchObject({ kind: 'deliverable', submitted: true, document: expect.any(Number) })
    const ten = viaSql.tasks[1] as { leadUnits: number[]; targets: Array<Record<string, unknown>> }
    expect(ten.leadUnits).toEqual([department.id, other.id])
    expect(ten.targets[0]).toMatchObject({
      mode: 'perChannel',
      quantity: 12,
      contentTypes: ['videos', 'articles'],
      windowStart: new Date(dayToInstant('2025-03-01')).toISOString(),
    })
    expect((ten.targets[0]!.channels as number[]).length).toBe(3)
    expect(viaSql.tasks[2]).toMatchObject({ sortOrder: 2.5, timeframe: { kind: 'byYear', year: 2025, deadline: null } })
    expect(viaSql.channelNames.size).toBe(3)
    expect(viaSql.unitNames.size).toBe(3)
  })

  it('equals the Payload read of a unit roll-up, a task subset, an empty subset and a missing plan', async () => {
    const req = await reqFor(payload, manager)
    const rollup = await expectSameShape(payload, req, { plan: plan.id, asOf: '2025-06-30', unit: ministry.id })
    expect(codes(rollup.viaSql)).toEqual(['2', '10', 'II.1.a', '1'])
    const dept = await expectSameShape(payload, req, { plan: plan.id, asOf: '2025-06-30', unit: department.id })
    expect(codes(dept.viaSql)).toEqual(['10', 'II.1.a', '1'])
    const some = await expectSameShape(payload, req, {
      plan: plan.id,
      asOf: '2025-12-31',
      unit: null,
      tasks: [tasks.section!.id, tasks.two!.id, tasks.elsewhere!.id],
    })
    expect(codes(some.viaSql)).toEqual(['2', 'II.1.a'])
    const none = await expectSameShape(payload, req, { plan: plan.id, asOf: '2025-12-31', unit: null, tasks: [] })
    expect(none.viaSql.tasks).toEqual([])
    const missing = { plan: 999_999, asOf: '2025-06-30', unit: null }
    expect(await readReportShapeSql(req, missing)).toBeNull()
    expect(await readReportShapeThroughPayload(req, missing)).toBeNull()
    // Ids past Postgres' integer (reportParams allows ten digits) find nothing here; Payload's
    // find fails on them with a database error.
    expect(await readReportShapeSql(req, { ...missing, plan: 9_999_999_999 })).toBeNull()
    const outOfRange = { plan: plan.id, asOf: '2025-06-30', unit: 9_999_999_999, tasks: [9_999_999_999] }
    expect((await readReportShapeSql(req, outOfRange))?.tasks).toEqual([])
  })

  it("reads in the request's transaction, seeing its uncommitted writes as Payload does", async () => {
    const req = await reqFor(payload, manager)
    await initTransaction(req)
    try {
      await payload.update({ collection: 'tasks', id: tasks.b!.id, data: { title: 'Chưa lưu', sortOrder: 0 }, req })
      const { viaSql } = await expectSameShape(payload, req, { plan: plan.id, asOf: '2025-06-30', unit: null })
      expect(viaSql.tasks[0]).toMatchObject({ code: 'II.1.b', title: 'Chưa lưu' })
    } finally {
      await killTransaction(req)
    }
    const after = await readReportShapeSql(await reqFor(payload, manager), {
      plan: plan.id,
      asOf: '2025-06-30',
      unit: null,
    })
    expect(after!.tasks.find((x) => x.id === tasks.b!.id)).toMatchObject({ title: 'Không chỉ tiêu' })
  })

  it('is taken for readers who see everything; buildReport then equals the Payload-read report', async () => {
    const req = await reqFor(payload, manager)
    expect(await readerSeesEverything(req, {})).toBe(true)
    expect(await readerSeesEverything(await reqFor(payload), { overrideAccess: true })).toBe(true)
    // The SQL path's plan row has only what the report reads; Payload's has every field.
    const params = { plan: plan.id, asOf: '2025-06-30', unit: null }
    expect(Object.keys((await readReportShape(req, params))!.plan).sort()).toEqual(['code', 'id', 'period', 'title'])
    // No user: read access answers false, so Payload decides (and finds nothing).
    const anonymous = await reqFor(payload)
    expect(await readerSeesEverything(anonymous, {})).toBe(false)
    expect(await readReportShape(anonymous, params)).toBeNull()
    const viaPayload = await readReportShapeThroughPayload(req, params)
    expect(await buildReport(req, params)).toStrictEqual(await reportOf(payload, req, viaPayload!, params))
  })
})

describe('hosts whose readers do not see everything as stored', () => {
  let hooked: PayloadOn | undefined
  let trashing: PayloadOn | undefined

  afterAll(async () => {
    await hooked?.close()
    await trashing?.close()
  })

  it('an afterRead hook keeps the Payload path (and the report cache off)', async () => {
    const starred: Plugin = (config) => ({
      ...config,
      collections: (config.collections ?? []).map((c) =>
        c.slug === 'channels'
          ? {
              ...c,
              hooks: {
                ...c.hooks,
                afterRead: [...(c.hooks?.afterRead ?? []), ({ doc }) => ({ ...doc, name: `${String(doc.name)} *` })],
              },
            }
          : c,
      ),
    })
    hooked = await startPayloadOn(t.databaseUri, { instance: 'hooked', plugins: [starred] })
    const req = await reqFor(hooked.payload, manager)
    expect(await readerSeesEverything(req, {})).toBe(false)
    expect(await readerSeesEverything(req, { overrideAccess: true })).toBe(false)
    const params = { plan: plan.id, asOf: '2025-06-30', unit: null }
    const shape = await readReportShape(req, params)
    expect(shape!.channelNames.size).toBe(3)
    expect([...shape!.channelNames.values()].every((name) => name.endsWith(' *'))).toBe(true)
    const before = reportCacheStats(hooked.payload).bypassed
    await buildReport(req, params)
    expect(reportCacheStats(hooked.payload).bypassed).toBe(before + 1)
  })

  it('tasks read access answering a Where keeps the Payload path; trashed tasks stay out of both', async () => {
    // The host turns trash on for tasks (its migration adds the column) and hides a task from editors.
    await poolRunner(payload).execute(
      sql`alter table tasks add column if not exists deleted_at timestamp(3) with time zone`,
    )
    const host: Plugin = (config) => ({
      ...config,
      collections: (config.collections ?? []).map((c) =>
        c.slug === 'tasks'
          ? {
              ...c,
              trash: true,
              access: {
                ...c.access,
                read: ({ req }) =>
                  !req.user ? false : req.user.role === 'editor' ? { code: { not_equals: 'II.1.b' } } : true,
              },
            }
          : c,
      ),
    })
    trashing = await startPayloadOn(t.databaseUri, { instance: 'trashing', plugins: [host] })
    const p = trashing.payload
    await p.delete({ collection: 'tasks', id: tasks.section!.id, trash: true })
    const params = { plan: plan.id, asOf: '2025-06-30', unit: null }

    const editorReq = await reqFor(p, editor)
    expect(await readerSeesEverything(editorReq, {})).toBe(false)
    expect((await readReportShape(editorReq, params))!.plan.createdAt).toEqual(expect.any(String))
    expect(codes((await readReportShape(editorReq, params))!)).toEqual(['2', '10', '1'])

    const managerReq = await reqFor(p, manager)
    expect(await readerSeesEverything(managerReq, {})).toBe(true)
    const { viaSql } = await expectSameShape(p, managerReq, params)
    expect(codes(viaSql)).toEqual(['2', '10', '1', 'II.1.b'])
    await expectSameShape(p, managerReq, { ...params, unit: department.id })
  })
})
