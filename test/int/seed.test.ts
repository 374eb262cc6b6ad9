import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { demoToday } from '../../src/config/env'
import { calendarDay } from '../../src/domain/calendar'
import { buildReport } from '../../src/plugin/report/buildReport'
import { DEMO_ANCHOR, DEMO_PACE_ITEMS } from '../../src/seed/planData'
import { seed, type SeedOptions } from '../../src/seed/seed'
import { seedOnFirstStart } from '../../src/seed/seedOnFirstStart'
import { startTestPayload, type TestPayload } from './helpers/testPayload'
import { DEMO_STATUS_MIX } from '../fixtures/demoStatusMix'

const counts = async (payload: Payload) => {
  const out: Record<string, number> = {}
  for (const collection of ['units', 'channels', 'plans', 'tasks', 'users'] as const) {
    out[collection] = (await payload.count({ collection })).totalDocs
  }
  return out
}

/** The data as written (2025), as the checks below read it. */
const asWritten = (options: SeedOptions = {}) => ({ ...options, today: DEMO_ANCHOR })

describe('seed', () => {
  let t: TestPayload
  beforeAll(async () => {
    t = await startTestPayload()
  })
  afterAll(async () => {
    await t?.cleanup()
  })

  it('loads the plan, units and channels, and no users unless asked', async () => {
    const first = await seed(t.payload, asWritten())
    expect(first.created).toEqual({
      units: 12,
      channels: 8,
      plans: 2,
      tasks: 12,
      users: 0,
      articles: 0,
      infographics: 0,
      videos: 0,
      planDocuments: 0,
      periodicReports: 0,
    })
    expect(await counts(t.payload)).toEqual({ units: 12, channels: 8, plans: 2, tasks: 12, users: 0 })
  })

  it('is idempotent: a second run creates nothing and changes nothing', async () => {
    const before = await t.payload.find({ collection: 'tasks', depth: 0, limit: 100, sort: 'sortOrder' })
    const second = await seed(t.payload, asWritten())
    expect(second.created).toEqual({
      units: 0,
      channels: 0,
      plans: 0,
      tasks: 0,
      users: 0,
      articles: 0,
      infographics: 0,
      videos: 0,
      planDocuments: 0,
      periodicReports: 0,
    })
    const after = await t.payload.find({ collection: 'tasks', depth: 0, limit: 100, sort: 'sortOrder' })
    expect(after.docs).toEqual(before.docs)
  })

  it('never overwrites what people edited since', async () => {
    const task = (await t.payload.find({ collection: 'tasks', where: { code: { equals: '1' } } })).docs[0]!
    await t.payload.update({ collection: 'tasks', id: task.id, data: { title: 'Đã sửa bởi lãnh đạo' } })
    await seed(t.payload, asWritten())
    expect((await t.payload.findByID({ collection: 'tasks', id: task.id })).title).toBe('Đã sửa bởi lãnh đạo')
  })

  it('creates the demo accounts and demo content only with --demo, once', async () => {
    expect((await seed(t.payload, asWritten({ demo: true }))).created).toMatchObject({
      users: 4,
      articles: 6 + DEMO_PACE_ITEMS.length,
      infographics: 2,
      videos: 2,
      planDocuments: 1,
      periodicReports: 1,
    })
    expect((await seed(t.payload, asWritten({ demo: true }))).created).toMatchObject({
      users: 0,
      articles: 0,
      infographics: 0,
      videos: 0,
      planDocuments: 0,
      periodicReports: 0,
    })
    // A sample periodic report to read (issue 21 point 5): the monthly one of 20/9/2025, the last
    // reporting day before the day the data is written for, with its numbers. (Not mailed here:
    // this plan was seeded before the demo accounts, so it has no managers.)
    const reports = await t.payload.find({ collection: 'quota-reports', depth: 0 })
    expect(reports.docs).toHaveLength(1)
    const sample = reports.docs[0]!
    expect(calendarDay(sample.asOf)).toBe('2025-09-20')
    expect((sample.report as { tasks: unknown[] }).tasks).toHaveLength(12)
    const users = await t.payload.find({ collection: 'users', sort: 'email', depth: 0 })
    expect(users.docs.map((u) => [u.email, u.role])).toEqual([
      ['admin@demo.gov.vn', 'admin'],
      ['editor@demo.gov.vn', 'editor'],
      ['manager@demo.gov.vn', 'manager'],
      ['multimedia@demo.gov.vn', 'multimedia'],
    ])
    const login = await t.payload.login({
      collection: 'users',
      data: { email: 'manager@demo.gov.vn', password: 'demo-Password-2025' },
    })
    expect(login.token).toBeTruthy()
  })

  it('demo content: published and draft items across tasks and channels, drafts invisible to the public', async () => {
    const published = await t.payload.find({ collection: 'articles', overrideAccess: false, depth: 0, limit: 50 })
    expect(published.docs.map((d) => d.slug).sort()).toEqual(
      [
        'ket-noi-cong-dich-vu-cong-quoc-gia',
        'mot-he-thong-mot-du-lieu-mot-dich-vu',
        'trung-tam-dieu-hanh-thong-minh-ioc',
        'vneid-diem-truy-cap-duy-nhat',
        ...DEMO_PACE_ITEMS.map((d) => d.slug),
      ].sort(),
    )
    const all = await t.payload.find({ collection: 'articles', depth: 0, limit: 50, draft: true })
    expect(all.totalDocs).toBe(6 + DEMO_PACE_ITEMS.length)
    const first = published.docs.find((d) => d.slug === 'ket-noi-cong-dich-vu-cong-quoc-gia')!
    expect(first.publications?.map((p) => calendarDay(p.publishedAt as string))).toEqual([
      '2025-08-04',
      '2025-08-05',
      '2025-08-05',
    ])
    const infographic = (
      await t.payload.find({ collection: 'infographics', where: { _status: { equals: 'published' } }, depth: 0 })
    ).docs[0]!
    expect(infographic.sizes?.og?.width).toBe(1200)
    const video = (
      await t.payload.find({ collection: 'videos', where: { _status: { equals: 'published' } }, depth: 0 })
    ).docs[0]!
    expect(video).toMatchObject({ provider: 'youtube', videoId: 'M7lc1UVf-VE' })
  })

  it('the plan has 5 pooled content tasks of 20 articles on 5 channels and 7 report tasks', async () => {
    const plan = (
      await t.payload.find({ collection: 'plans', where: { code: { equals: 'KHTT-02/BKHCN-2025' } }, depth: 0 })
    ).docs[0]!
    expect(plan.reporting?.monthlyDay).toBe(20)
    expect(plan.basedOn).toHaveLength(1)
    const tasks = await t.payload.find({
      collection: 'tasks',
      where: { plan: { equals: plan.id } },
      sort: 'sortOrder',
      depth: 1,
      limit: 100,
    })
    expect(tasks.docs.map((d) => d.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'])

    const content = tasks.docs.slice(0, 5)
    expect(content.map((d) => calendarDay(d.timeframe!.deadline!))).toEqual([
      '2025-08-30',
      '2025-09-30',
      '2025-10-30',
      '2025-11-30',
      '2025-12-31',
    ])
    for (const task of content) {
      const [target] = task.targets ?? []
      expect(target).toMatchObject({ kind: 'content', quantity: 20, mode: 'pooled', contentTypes: ['articles'] })
      const names = (target!.channels as Array<{ name: string }>).map((c) => c.name)
      expect(names).toEqual([
        'Cổng TTĐT Bộ KH&CN',
        'Mạng xã hội Bộ KH&CN',
        'Báo điện tử VnExpress',
        'Tạp chí Khoa học và Công nghệ Việt Nam',
        'Các cơ quan báo chí hợp tác',
      ])
    }

    const reports = tasks.docs.slice(5)
    for (const task of reports) {
      // The demo (seeded above) hands in task 7's report; the others are still due.
      if (task.code === '7') {
        expect(task.targets?.[0]).toMatchObject({ kind: 'deliverable', submitted: true })
        expect((task.targets?.[0]?.document as { filename?: string }).filename).toMatch(/\.docx$/)
      } else expect(task.targets?.[0]).toMatchObject({ kind: 'deliverable', submitted: false })
      expect(calendarDay(task.timeframe!.deadline!)).toBe('2025-12-31')
    }
    const leads = reports.map((d) => (d.leadUnits as Array<{ name: string }>).map((u) => u.name).join(' + '))
    expect(leads).toEqual([
      'Văn phòng Bộ + Trung tâm Truyền thông Khoa học và Công nghệ',
      'Vụ Pháp chế',
      'Vụ Tổ chức cán bộ',
      'Cục Chuyển đổi số quốc gia',
      'Cục Sở hữu trí tuệ',
      'Ủy ban Tiêu chuẩn Đo lường Chất lượng Quốc gia',
      'Sở Khoa học và Công nghệ các tỉnh, thành phố',
    ])
  })

  it('leaves exactly one home channel and the four channel groups in use', async () => {
    const homes = await t.payload.find({ collection: 'channels', where: { isHome: { equals: true } } })
    expect(homes.docs.map((c) => c.name)).toEqual(['Cổng TTĐT Bộ KH&CN'])
    const all = await t.payload.find({ collection: 'channels', limit: 100 })
    expect(new Set(all.docs.map((c) => c.group))).toEqual(
      new Set(['central-press', 'epress-magazines', 'local-press', 'digital-social']),
    )
  })
})

describe('seed atomicity and first start', () => {
  let t: TestPayload
  beforeAll(async () => {
    t = await startTestPayload()
  })
  afterAll(async () => {
    await t?.cleanup()
  })

  it('a failure half-way leaves nothing behind', async () => {
    const realCreate = t.payload.create.bind(t.payload)
    const spy = vi.spyOn(t.payload, 'create').mockImplementation((async (args: Parameters<Payload['create']>[0]) => {
      if (args.collection === 'tasks') throw new Error('injected failure while creating tasks')
      return realCreate(args)
    }) as Payload['create'])
    await expect(seed(t.payload, asWritten({ demo: true }))).rejects.toThrow(/injected failure/)
    spy.mockRestore()
    expect(await counts(t.payload)).toEqual({ units: 0, channels: 0, plans: 0, tasks: 0, users: 0 })
    expect((await t.payload.count({ collection: 'articles' })).totalDocs).toBe(0)
  })

  it('seeds an empty database with the demo accounts on first start', async () => {
    await seedOnFirstStart(t.payload, DEMO_ANCHOR)
    expect(await counts(t.payload)).toEqual({ units: 12, channels: 8, plans: 2, tasks: 12, users: 4 })
  })

  it('does not touch a database that has users or plans', async () => {
    await t.payload.delete({ collection: 'tasks', where: { code: { equals: '12' } } })
    await seedOnFirstStart(t.payload, DEMO_ANCHOR)
    expect((await t.payload.count({ collection: 'tasks' })).totalDocs).toBe(11)
  })
})

describe('the demo dated relative to the day it is loaded', () => {
  const TODAY = '2026-03-15'
  let t: TestPayload
  beforeAll(async () => {
    t = await startTestPayload()
  })
  afterAll(async () => {
    await t?.cleanup()
  })

  const statusOf = async (today: string) => {
    const plan = (await t.payload.find({ collection: 'plans', where: { code: { equals: 'KHTT-02/BKHCN-2025' } } }))
      .docs[0]!
    const req = await createLocalReq({}, t.payload)
    const report = await buildReport(req, { plan: plan.id, asOf: today, unit: null }, { overrideAccess: true })
    return { plan, statuses: Object.fromEntries(report!.tasks.map((task) => [task.code, task.targets[0]!.status])) }
  }

  it('loaded on a day of 2026, the plan is running with a mix of done, on-track, at-risk, behind and one overdue', async () => {
    const { offset } = await seed(t.payload, { demo: true, today: TODAY })
    expect(offset).toBe(172) // 24/9/2025 → 15/3/2026
    const { plan, statuses } = await statusOf(TODAY)
    const from = calendarDay(plan.period!.from!)
    const to = calendarDay(plan.period!.to!)
    expect(from <= TODAY && TODAY <= to, `${from}..${to}`).toBe(true)
    expect(statuses).toEqual(DEMO_STATUS_MIX)
    // Nothing is published after the day it is loaded.
    const items = await t.payload.find({ collection: 'articles', depth: 0, limit: 100 })
    const days = items.docs.flatMap((d) => (d.publications ?? []).map((p) => calendarDay(p.publishedAt as string)))
    expect(days.length).toBeGreaterThan(0)
    expect(days.every((d) => d <= TODAY)).toBe(true)
  })

  it('re-seeding on a later day keeps the plan where it was: nothing created, nothing moved', async () => {
    const snapshot = async () => ({
      plans: (await t.payload.find({ collection: 'plans', depth: 0, limit: 10, sort: 'code' })).docs,
      tasks: (await t.payload.find({ collection: 'tasks', depth: 0, limit: 100, sort: 'sortOrder' })).docs,
      articles: (await t.payload.find({ collection: 'articles', depth: 0, limit: 100, sort: 'slug', draft: true }))
        .docs,
      documents: (await t.payload.count({ collection: 'plan-documents' })).totalDocs,
    })
    const before = await snapshot()
    const again = await seed(t.payload, { demo: true, today: '2026-11-02' })
    expect(again.offset).toBe(172)
    expect(Object.values(again.created).every((n) => n === 0)).toBe(true)
    expect(await snapshot()).toEqual(before)
  })

  it('DEMO_TODAY: a day as YYYY-MM-DD, else today in Vietnam; a bad value is refused by name before anything is written', async () => {
    expect(demoToday({ DEMO_TODAY: '2026-03-15' })).toBe('2026-03-15')
    // 23:30 UTC on 2 Dec is already 3 Dec in Hanoi.
    expect(demoToday({}, new Date('2026-12-02T23:30:00Z'))).toBe('2026-12-03')
    const saved = process.env.DEMO_TODAY
    process.env.DEMO_TODAY = '15/03/2026'
    try {
      await expect(seed(t.payload, { demo: true })).rejects.toThrow(
        /DEMO_TODAY must be a day as YYYY-MM-DD.*15\/03\/2026/,
      )
    } finally {
      if (saved === undefined) delete process.env.DEMO_TODAY
      else process.env.DEMO_TODAY = saved
    }
  })
})
