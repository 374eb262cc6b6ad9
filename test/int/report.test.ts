import ExcelJS from 'exceljs'
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dayToInstant } from '../../src/domain/calendar'
import { loadItemCounting } from '../../src/plugin/counting/loadItemCounting'
import { readDetailItems, readsPlainly } from '../../src/plugin/report/readDetailItems'
import { createCountingFixtures, publishArticle, type CountingFixtures } from './helpers/countingFixtures'
import { restClient } from './helpers/rest'
import { createUser, startTestPayload, type TestPayload } from './helpers/testPayload'

type Doc = Record<string, unknown> & { id: number }
type Report = {
  plan: { id: number; code: string }
  asOf: string
  tasks: Array<{
    id: number
    code: string
    targets: Array<
      Record<string, unknown> & {
        id: string
        byChannel: Array<{ channel: number; achieved: number; quota: number | null }>
      }
    >
  }>
  totals: { target: number; achieved: number; percent: number }
}

let t: TestPayload
let payload: Payload
let rest: ReturnType<typeof restClient>
let f: CountingFixtures
let managerToken: string
let editorToken: string
let unitA: Doc
let editor: Doc

const publish = (title: string, tasks: Doc[], pubs: Array<[Doc, string]>) =>
  publishArticle(payload, editor, title, tasks, pubs)

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  rest = restClient(payload)
  unitA = (await payload.create({
    collection: 'units',
    data: { name: 'Trung tâm', requiresReview: false },
  })) as unknown as Doc
  const unitB = await payload.create({ collection: 'units', data: { name: 'Vụ', requiresReview: false } })
  f = await createCountingFixtures(payload, { planCode: 'KH-REPORT', deadline: '2025-08-30' })
  await payload.update({
    collection: 'plans',
    id: f.plan.id,
    data: { period: { from: dayToInstant('2025-07-01'), to: dayToInstant('2025-12-31') } },
  })
  const channels = [f.vnexpress.id, f.social.id]
  await payload.update({
    collection: 'tasks',
    id: f.task1.id,
    data: {
      sortOrder: 1,
      leadUnits: [unitA.id],
      targets: [{ kind: 'content', quantity: 4, contentTypes: ['articles'], channels, mode: 'pooled' }],
    } as never,
  })
  await payload.update({
    collection: 'tasks',
    id: f.task2.id,
    data: {
      sortOrder: 2,
      leadUnits: [unitB.id],
      targets: [
        { kind: 'content', quantity: 1, contentTypes: ['articles'], channels, mode: 'perChannel' },
        { kind: 'deliverable', label: 'Báo cáo' },
      ],
    } as never,
  })
  const manager = await createUser(payload, { role: 'manager' })
  editor = (await createUser(payload, { role: 'editor', unit: unitA.id })) as Doc
  managerToken = await rest.login(manager.email as string, 'test-Password-1')
  editorToken = await rest.login(editor.email as string, 'test-Password-1')
  await publish(
    'one item, two channels',
    [f.task1],
    [
      [f.vnexpress, '2025-08-01'],
      [f.social, '2025-08-02'],
    ],
  )
  await publish(
    'second',
    [f.task1, f.task2],
    [
      [f.vnexpress, '2025-08-10'],
      [f.social, '2025-08-11'],
    ],
  )
  await publish('late only', [f.task1], [[f.social, '2025-09-05']])
})

afterAll(async () => {
  await t?.cleanup()
})

const get = (query: string, token = managerToken) => rest.get(`quota/report?${query}`, { token })

describe('GET /api/quota/report', () => {
  it('reports pooled, per-channel and deliverable targets with exact numbers as of a day', async () => {
    const res = await get(`plan=${f.plan.id}&asOf=2025-08-20`)
    expect(res.status).toBe(200)
    const report = res.json as unknown as Report
    expect(report.plan).toMatchObject({ id: f.plan.id, code: 'KH-REPORT' })
    const [t1, t2] = report.tasks
    expect(t1?.targets[0]).toMatchObject({
      kind: 'content',
      mode: 'pooled',
      target: 4,
      achieved: 2,
      late: 0,
      remaining: 2,
      percent: 50,
    })
    expect(t1?.targets[0]?.byChannel).toEqual([
      { channel: f.vnexpress.id, achieved: 2, quota: null },
      { channel: f.social.id, achieved: 2, quota: null },
    ])
    expect(t2?.targets[0]).toMatchObject({
      kind: 'content',
      mode: 'perChannel',
      target: 2,
      achieved: 2,
      status: 'done',
    })
    // A per-channel target says each channel's quota, so a client need not divide the target.
    expect(t2?.targets[0]?.byChannel).toEqual([
      { channel: f.vnexpress.id, achieved: 1, quota: 1 },
      { channel: f.social.id, achieved: 1, quota: 1 },
    ])
    expect(t2?.targets[1]).toMatchObject({ kind: 'deliverable', target: 1, achieved: 0 })
    expect(report.totals).toEqual({ target: 7, achieved: 4, percent: expect.any(Number) })
  })

  it('counts nothing published after asOf, and reports late items after the deadline', async () => {
    const early = (await get(`plan=${f.plan.id}&asOf=2025-08-05`)).json as unknown as Report
    expect(early.tasks[0]?.targets[0]).toMatchObject({ achieved: 1 })
    const after = (await get(`plan=${f.plan.id}&asOf=2025-09-10`)).json as unknown as Report
    expect(after.tasks[0]?.targets[0]).toMatchObject({ achieved: 2, late: 1, status: 'overdue' })
  })

  it('filters tasks by lead unit, rolling up the units below it', async () => {
    const report = (await get(`plan=${f.plan.id}&asOf=2025-08-20&unit=${unitA.id}`)).json as unknown as Report
    expect(report.tasks.map((x) => x.id)).toEqual([f.task1.id])
    const ministry = await payload.create({ collection: 'units', data: { name: 'Bộ', requiresReview: false } })
    await payload.update({ collection: 'units', id: unitA.id, data: { parent: ministry.id } })
    const rolledUp = (await get(`plan=${f.plan.id}&asOf=2025-08-20&unit=${ministry.id}`)).json as unknown as Report
    expect(rolledUp.tasks.map((x) => x.id)).toEqual([f.task1.id])
    const none = (await get(`plan=${f.plan.id}&asOf=2025-08-20&unit=${ministry.id + 1000}`)).json as unknown as Report
    expect(none.tasks).toEqual([])
  })

  it('exports the same numbers as CSV', async () => {
    const config = Promise.resolve(payload.config)
    const { REST_GET } = await import('@payloadcms/next/routes')
    const res = await REST_GET(config)(
      new Request(`http://localhost/api/quota/report?plan=${f.plan.id}&asOf=2025-08-20&format=csv`, {
        headers: { Authorization: `JWT ${managerToken}` },
      }),
      { params: Promise.resolve({ slug: ['quota', 'report'] }) },
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/csv/)
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines).toHaveLength(4)
    const json = (await get(`plan=${f.plan.id}&asOf=2025-08-20`)).json as unknown as Report
    const [pooled, perChannel, deliverable] = json.tasks.flatMap((task) => task.targets)
    // Columns: task, target id and label, kind, mode, attainment, then quota and count per channel.
    expect(lines[0]!.split(',').slice(-4)).toEqual([
      `VnExpress [kênh ${f.vnexpress.id}]: chỉ tiêu mỗi kênh`,
      `VnExpress [kênh ${f.vnexpress.id}]: đã đạt`,
      `Facebook [kênh ${f.social.id}]: chỉ tiêu mỗi kênh`,
      `Facebook [kênh ${f.social.id}]: đã đạt`,
    ])
    expect(lines[1]).toMatch(
      new RegExp(
        `^1,t1,2025-08-30,${pooled!.id},"4 sản phẩm \\(tin bài\\) trên: VnExpress, Facebook",Số lượng nội dung,Tổng trên các kênh,4,2,0,50,2,`,
      ),
    )
    expect(lines[1]!.endsWith(',,2,,2')).toBe(true)
    expect(lines[2]).toMatch(new RegExp(`^2,t2,2025-08-30,${perChannel!.id},"1 sản phẩm \\(tin bài\\) mỗi kênh trên: `))
    expect(lines[2]!.endsWith(',1,1,1,1')).toBe(true)
    expect(lines[3]).toMatch(new RegExp(`^2,t2,2025-08-30,${deliverable!.id},Báo cáo,Sản phẩm / báo cáo,,1,0,`))
    expect(lines[3]!.endsWith(',,,,')).toBe(true)
  })

  it('orders tasks without a display order by their number (STT) in natural order', async () => {
    const plan = await payload.create({ collection: 'plans', data: { code: 'KH-STT', title: 'STT' } as never })
    for (const code of ['10', '3.b', '2', '3.a', '1', '2.1']) {
      await payload.create({
        collection: 'tasks',
        data: {
          plan: plan.id,
          code,
          title: `Nhiệm vụ ${code}`,
          timeframe: { kind: 'deadline', deadline: dayToInstant('2025-12-31') },
        } as never,
      })
    }
    const report = (await get(`plan=${plan.id}&asOf=2025-08-20`)).json as unknown as Report
    expect(report.tasks.map((x) => x.code)).toEqual(['1', '2', '2.1', '3.a', '3.b', '10'])
  })

  it('exports the same numbers as a real XLSX workbook (read back with exceljs)', async () => {
    const json = (await get(`plan=${f.plan.id}&asOf=2025-08-20`)).json as unknown as Report
    const res = await rest.raw(`quota/report?plan=${f.plan.id}&asOf=2025-08-20&format=xlsx`, { token: managerToken })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(new Uint8Array(await res.arrayBuffer()) as unknown as ArrayBuffer)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Chỉ tiêu', 'Theo kênh', 'Thông tin'])
    const sheet = wb.getWorksheet('Chỉ tiêu')!
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.getRow(1).values).toEqual(
      expect.arrayContaining(['Mã nhiệm vụ', 'Nhiệm vụ', 'Mã chỉ tiêu', 'Tên chỉ tiêu', 'Chỉ tiêu', 'Đã đạt', 'Tỷ lệ']),
    )
    const headers = (sheet.getRow(1).values as unknown[]).map(String)
    const col = (name: string) => headers.indexOf(name)
    const vnQuota = col(`VnExpress [kênh ${f.vnexpress.id}]: chỉ tiêu mỗi kênh`)
    const vnCount = col(`VnExpress [kênh ${f.vnexpress.id}]: đã đạt`)
    expect(Math.min(vnQuota, vnCount)).toBeGreaterThan(0)
    const rows = json.tasks.flatMap((task) =>
      task.targets.map((t) => [
        task.code,
        t.id,
        t.target,
        t.achieved,
        Number(t.percent) / 100,
        t.byChannel[0]?.quota ?? null,
        t.byChannel[0]?.achieved ?? null,
      ]),
    )
    expect(rows).toHaveLength(3)
    for (const [i, expected] of rows.entries()) {
      const row = sheet.getRow(i + 2)
      const cells = ['Mã nhiệm vụ', 'Mã chỉ tiêu', 'Chỉ tiêu', 'Đã đạt', 'Tỷ lệ'].map((h) => row.getCell(col(h)).value)
      expect([...cells, row.getCell(vnQuota).value, row.getCell(vnCount).value]).toEqual(expected)
    }
    expect(sheet.getRow(2).getCell(col('Tỷ lệ')).numFmt).toBe('0.0%')
    expect(sheet.getRow(2).getCell(col('Hạn hoàn thành')).value).toEqual(new Date('2025-08-30T00:00:00.000Z'))
    const byChannel = wb.getWorksheet('Theo kênh')!
    expect(byChannel.getRow(1).values).toEqual(
      expect.arrayContaining(['Mã chỉ tiêu', 'Mã kênh', 'Kênh', 'Chỉ tiêu mỗi kênh', 'Đã đạt']),
    )
    // One row per target × channel: 2 channels for each of the two content targets.
    expect(byChannel.rowCount).toBe(1 + 4)
    const perChannelRow = byChannel.getRow(4).values as unknown[]
    expect(perChannelRow).toEqual(expect.arrayContaining(['2', json.tasks[1]!.targets[0]!.id, 'VnExpress', 1]))
  })

  it('unpublished and trashed items leave the numbers; a recurring monthly target counts the current month; an indicator reports its latest entry', async () => {
    const plan = await payload.create({
      collection: 'plans',
      data: {
        code: 'KH-SCEN',
        title: 's',
        period: { from: dayToInstant('2025-01-01'), to: dayToInstant('2025-12-31') },
      } as never,
    })
    const monthly = await payload.create({
      collection: 'tasks',
      data: {
        plan: plan.id,
        code: 'M',
        title: 'Hằng tháng',
        sortOrder: 1,
        timeframe: { kind: 'recurring', recurrence: 'month' },
        targets: [
          { kind: 'content', quantity: 2, contentTypes: ['articles'], channels: [f.vnexpress.id], mode: 'pooled' },
        ],
      } as never,
    })
    await payload.create({
      collection: 'tasks',
      data: {
        plan: plan.id,
        code: 'I',
        title: 'Chỉ số',
        sortOrder: 2,
        timeframe: { kind: 'byYear', year: 2025 },
        targets: [
          {
            kind: 'indicator',
            indicatorUnit: 'percent',
            targetValue: 80,
            progress: [
              { date: dayToInstant('2025-03-01'), value: 40 },
              { date: dayToInstant('2025-06-01'), value: 65 },
            ],
          },
        ],
      } as never,
    })
    const julyA = await publish('tháng 7 a', [monthly as unknown as Doc], [[f.vnexpress, '2025-07-03']])
    await publish('tháng 7 b', [monthly as unknown as Doc], [[f.vnexpress, '2025-07-20']])
    await publish('tháng 8', [monthly as unknown as Doc], [[f.vnexpress, '2025-08-02']])
    const at = async (asOf: string) => ((await get(`plan=${plan.id}&asOf=${asOf}`)).json as unknown as Report).tasks
    // July: both July items; August: only the August one, in a window of August.
    expect((await at('2025-07-25'))[0]?.targets[0]).toMatchObject({
      achieved: 2,
      target: 2,
      status: 'done',
      window: { from: '2025-07-01', to: '2025-07-31' },
    })
    expect((await at('2025-08-10'))[0]?.targets[0]).toMatchObject({
      achieved: 1,
      window: { from: '2025-08-01', to: '2025-08-31' },
    })
    // Unpublishing and trashing an item takes it out.
    await payload.update({ collection: 'articles', id: julyA.id, data: { _status: 'draft' } })
    expect((await at('2025-07-25'))[0]?.targets[0]).toMatchObject({ achieved: 1, status: 'behind' })
    await payload.update({ collection: 'articles', id: julyA.id, data: { _status: 'published' } })
    expect((await at('2025-07-25'))[0]?.targets[0]).toMatchObject({ achieved: 2 })
    await payload.update({
      collection: 'articles',
      id: julyA.id,
      data: { deletedAt: new Date().toISOString() } as never,
    })
    expect((await at('2025-07-25'))[0]?.targets[0]).toMatchObject({ achieved: 1 })
    // The indicator reports its latest entry up to the report day.
    expect((await at('2025-07-01'))[1]?.targets[0]).toMatchObject({ kind: 'indicator', target: 80, achieved: 65 })
    expect((await at('2025-04-01'))[1]?.targets[0]).toMatchObject({ achieved: 40 })
  })

  it('answers bad requests with the right status and the parameter named', async () => {
    expect((await rest.get(`quota/report?plan=${f.plan.id}`)).status).toBe(401)
    expect((await get(`plan=${f.plan.id}`, editorToken)).status).toBe(403)
    const bad = async (query: string, field: string) => {
      const res = await get(query)
      expect(res.status, query).toBe(400)
      // `page` is checked for every REST route before the endpoint (Payload's validation shape).
      const error = res.json.errors?.[0] as { field?: string; data?: { errors?: Array<{ path?: string }> } } | undefined
      expect(error?.field ?? error?.data?.errors?.[0]?.path, query).toBe(field)
    }
    await bad('', 'plan')
    await bad('plan=abc', 'plan')
    await bad(`plan=${f.plan.id}&asOf=2025-13-01`, 'asOf')
    await bad(`plan=${f.plan.id}&unit=x`, 'unit')
    await bad(`plan=${f.plan.id}&format=odt`, 'format')
    const missing = await get('plan=999999')
    expect(missing.status).toBe(404)
  })

  it("the drill-down's items read in SQL (a manager sees every item as stored) equal Payload's find", async () => {
    const linked = await payload.create({
      collection: 'articles',
      data: {
        title: 'có đường dẫn',
        _status: 'published',
        tasks: [f.task2.id],
        publications: [
          { channel: f.social.id, publishedAt: dayToInstant('2025-08-12'), url: 'https://facebook.com/p/1' },
          { channel: f.vnexpress.id, publishedAt: dayToInstant('2025-08-13') },
        ],
      } as never,
    })
    const manager = (await payload.find({ collection: 'users', where: { role: { equals: 'manager' } }, limit: 1 }))
      .docs[0]
    const req = await createLocalReq({ user: { ...manager, collection: 'users' } as never }, payload)
    const items = [...(await payload.find({ collection: 'articles', depth: 0, limit: 100 })).docs].map((d) => ({
      contentType: 'articles',
      item: Number(d.id),
    }))
    // The SQL path is the one taken for a manager, and not for a reader whose access is a filter.
    expect(await readsPlainly(req, 'articles')).toBe(true)
    expect(await readsPlainly(await createLocalReq({}, payload), 'articles')).toBe(false)
    const viaSql = await readDetailItems(req, items)
    const viaPayload = await payload.find({
      collection: 'articles',
      where: { id: { in: items.map((i) => i.item) } },
      depth: 0,
      pagination: false,
      select: { title: true, publications: true },
    })
    expect(viaSql.size).toBe(viaPayload.docs.length)
    for (const doc of viaPayload.docs as unknown as Array<{
      id: number
      title: string
      publications: Array<Record<string, unknown>>
    }>) {
      const row = viaSql.get(`articles:${doc.id}`)
      expect(row?.title).toBe(doc.title)
      expect(row?.publications).toEqual(doc.publications.map((p) => ({ channel: p.channel, url: p.url ?? null })))
    }
    expect(viaSql.get(`articles:${linked.id}`)?.publications).toContainEqual({
      channel: f.social.id,
      url: 'https://facebook.com/p/1',
    })
    await payload.delete({ collection: 'articles', id: linked.id })
  })

  it('GET /api/quota/task lists the counted items, the late ones and a cumulative line ending on the report number', async () => {
    type Detail = {
      task: { id: number; code: string }
      targets: Array<{
        achieved: number
        late: number
        series: Array<{ day: string; achieved: number | null; expected: number }>
        items: Array<{
          title: string
          type: string
          firstDay: string
          counted: boolean
          late: boolean
          adminUrl: string
          channels: Array<{ id: number; name: string; day: string; url: string | null }>
        }>
      }>
    }
    const during = (await rest.get(`quota/task?task=${f.task1.id}&asOf=2025-08-20`, { token: managerToken }))
      .json as unknown as Detail
    const target = during.targets[0]!
    expect(during.task).toMatchObject({ id: f.task1.id })
    expect(target.items.map((i) => [i.title, i.firstDay, i.counted, i.late])).toEqual([
      ['one item, two channels', '2025-08-01', true, false],
      ['second', '2025-08-10', true, false],
    ])
    expect(target.items[0]?.channels.map((c) => [c.id, c.day])).toEqual([
      [f.vnexpress.id, '2025-08-01'],
      [f.social.id, '2025-08-02'],
    ])
    expect(target.items[0]?.adminUrl).toMatch(/^\/admin\/collections\/articles\/\d+$/)
    // The line: achieved known up to the report day, ending on the report's own number.
    const known = target.series.filter((p) => p.achieved !== null)
    expect(known.at(-1)).toMatchObject({ day: '2025-08-20', achieved: target.achieved })
    expect(target.achieved).toBe(2)
    expect(target.series.find((p) => p.day === '2025-08-05')?.achieved).toBe(1)
    expect(target.series.at(-1)).toMatchObject({ day: '2025-08-30', achieved: null, expected: 4 })
    // After the deadline: the September item is listed as late, not counted.
    const after = (await rest.get(`quota/task?task=${f.task1.id}&asOf=2025-09-10`, { token: managerToken }))
      .json as unknown as Detail
    expect(after.targets[0]?.items.map((i) => [i.title, i.counted, i.late])).toEqual([
      ['one item, two channels', true, false],
      ['second', true, false],
      ['late only', false, true],
    ])
    expect(after.targets[0]).toMatchObject({ achieved: 2, late: 1, itemsTotal: 3, itemsTruncated: false })
    expect(after).toMatchObject({ page: 1, pageSize: 100 })
    // A page past the last lists nothing and keeps the numbers and the total.
    const past = (await rest.get(`quota/task?task=${f.task1.id}&asOf=2025-09-10&page=2`, { token: managerToken }))
      .json as unknown as Detail
    expect(past).toMatchObject({ page: 2 })
    expect(past.targets[0]).toMatchObject({ achieved: 2, late: 1, itemsTotal: 3, items: [], itemsTruncated: false })
  })

  it('GET /api/quota/task refuses bad requests with the parameter named', async () => {
    expect((await rest.get(`quota/task?task=${f.task1.id}`)).status).toBe(401)
    expect((await rest.get(`quota/task?task=${f.task1.id}`, { token: editorToken })).status).toBe(403)
    for (const [query, field] of [
      ['', 'task'],
      ['task=1.5', 'task'],
      [`task=${f.task1.id}&asOf=20-08-2025`, 'asOf'],
      [`task=${f.task1.id}&page=0`, 'page'],
      [`task=${f.task1.id}&page=two`, 'page'],
      [`task=${f.task1.id}&page=-1`, 'page'],
    ] as const) {
      const res = await rest.get(`quota/task?${query}`, { token: managerToken })
      expect(res.status, query).toBe(400)
      // `page` is checked for every REST route before the endpoint (Payload's validation shape).
      const error = res.json.errors?.[0] as { field?: string; data?: { errors?: Array<{ path?: string }> } } | undefined
      expect(error?.field ?? error?.data?.errors?.[0]?.path, query).toBe(field)
    }
    const missing = await rest.get('quota/task?task=999999', { token: managerToken })
    expect(missing.status).toBe(404)
  })

  it('a CSV cell that looks like a formula is neutralised', async () => {
    await payload.update({ collection: 'tasks', id: f.task1.id, data: { title: '=cmd|calc' } })
    const { REST_GET } = await import('@payloadcms/next/routes')
    const res = await REST_GET(Promise.resolve(payload.config))(
      new Request(`http://localhost/api/quota/report?plan=${f.plan.id}&format=csv`, {
        headers: { Authorization: `JWT ${managerToken}` },
      }),
      { params: Promise.resolve({ slug: ['quota', 'report'] }) },
    )
    expect(await res.text()).toContain(",'=cmd|calc,")
  })
})

describe('the drill-down and the report agree on late items (domain rule 3)', () => {
  it('does not list as late an item published on one channel before the window and on another after the deadline', async () => {
    const plan = (await payload.create({
      collection: 'plans',
      data: {
        code: 'KH-LATE',
        title: 'Muộn',
        period: { from: dayToInstant('2026-01-01'), to: dayToInstant('2026-12-31') },
      },
    } as never)) as unknown as Doc
    const task = (await payload.create({
      collection: 'tasks',
      data: {
        plan: plan.id,
        code: '1',
        title: 'Cửa sổ 1/3–30/6',
        timeframe: { kind: 'deadline', deadline: dayToInstant('2026-06-30') },
        targets: [
          {
            kind: 'content',
            quantity: 2,
            contentTypes: ['articles'],
            channels: [f.vnexpress.id, f.social.id],
            mode: 'pooled',
            windowStart: dayToInstant('2026-03-01'),
          },
        ],
      },
    } as never)) as unknown as Doc
    await publish(
      'before the window on A, after the deadline on B',
      [task],
      [
        [f.vnexpress, '2026-02-10'],
        [f.social, '2026-07-10'],
      ],
    )
    await publish('after the deadline only', [task], [[f.social, '2026-07-12']])
    const report = (await get(`plan=${plan.id}&asOf=2026-07-20`)).json as unknown as Report
    expect(report.tasks[0]?.targets[0]).toMatchObject({ achieved: 0, late: 1 })
    const detail = (await rest.get(`quota/task?task=${task.id}&asOf=2026-07-20`, { token: managerToken })).json as {
      targets: Array<{
        achieved: number
        late: number
        items: Array<{ title: string; counted: boolean; late: boolean }>
      }>
    }
    const target = detail.targets[0]!
    expect(target).toMatchObject({ achieved: 0, late: 1 })
    expect(target.items.map((i) => [i.title, i.counted, i.late])).toEqual([['after the deadline only', false, true]])
    // The list adds up to the numbers.
    expect(target.items.filter((i) => i.counted)).toHaveLength(target.achieved)
    expect(target.items.filter((i) => i.late)).toHaveLength(target.late)
  })
})

describe('the "Tính vào chỉ tiêu" sidebar of an item (loadItemCounting, read as its editor)', () => {
  const on = new Date('2025-08-20T05:00:00Z')
  const load = async (contentType: string, data: Record<string, unknown>) => {
    const req = await createLocalReq({ user: { ...editor, collection: 'users' } as never }, payload)
    return loadItemCounting(req, contentType, data, on)
  }

  it('says an article counts, on which channels, and where the task stands in the report numbers', async () => {
    const info = await load('articles', {
      _status: 'published',
      tasks: [f.task1.id],
      publications: [{ channel: f.vnexpress.id, publishedAt: dayToInstant('2025-08-01') }],
    })
    const report = (await get(`plan=${f.plan.id}&asOf=2025-08-20`)).json as unknown as Report
    const [task] = info.tasks
    expect(task?.planCode).toBe('KH-REPORT')
    expect(task?.counts).toBe(true)
    expect(task?.targets[0]?.verdict).toEqual({ kind: 'counts', channels: [f.vnexpress.id], firstDay: '2025-08-01' })
    // The standing is the report's: same achieved and target as the JSON for the same day.
    expect(task?.targets[0]?.target).toMatchObject({
      achieved: report.tasks[0]?.targets[0]?.achieved,
      target: report.tasks[0]?.targets[0]?.target,
    })
  })

  it('says why a video tagged to an articles-only task counts nowhere, and so does a draft with no target channel', async () => {
    const video = await load('videos', {
      _status: 'published',
      tasks: [f.task1.id],
      publications: [{ channel: f.vnexpress.id, publishedAt: dayToInstant('2025-08-01') }],
    })
    expect(video.tasks[0]?.counts).toBe(false)
    expect(video.tasks[0]?.targets[0]?.verdict).toEqual({ kind: 'wrongType', allowed: ['articles'] })
    // A draft is judged as if published today: only the home channel, which the target does not use.
    const draft = await load('articles', { _status: 'draft', tasks: [f.task1.id], publications: [] })
    expect(draft.published).toBe(false)
    expect(draft.tasks[0]?.targets[0]?.verdict).toEqual({ kind: 'noChannel', channels: [f.vnexpress.id, f.social.id] })
    // Nothing tagged, or a task that does not exist: nothing to explain, nothing hidden is shown.
    expect((await load('articles', { tasks: [] })).tasks).toEqual([])
    expect(await load('articles', { tasks: [987654] })).toMatchObject({ tasks: [], hidden: 1 })
  })
})
