import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { calendarDay } from '../../src/domain/calendar'
import { seed } from '../../src/seed/seed'
import { seedOnFirstStart } from '../../src/seed/seedOnFirstStart'
import { startTestPayload, type TestPayload } from './helpers/testPayload'

const counts = async (payload: Payload) => {
  const out: Record<string, number> = {}
  for (const collection of ['units', 'channels', 'plans', 'tasks', 'users'] as const) {
    out[collection] = (await payload.count({ collection })).totalDocs
  }
  return out
}

describe('seed', () => {
  let t: TestPayload
  beforeAll(async () => {
    t = await startTestPayload()
  })
  afterAll(async () => {
    await t?.cleanup()
  })

  it('loads the plan, units and channels, and no users unless asked', async () => {
    const first = await seed(t.payload)
    expect(first.created).toEqual({
      units: 12,
      channels: 8,
      plans: 2,
      tasks: 12,
      users: 0,
      articles: 0,
      infographics: 0,
      videos: 0,
    })
    expect(await counts(t.payload)).toEqual({ units: 12, channels: 8, plans: 2, tasks: 12, users: 0 })
  })

  it('is idempotent: a second run creates nothing and changes nothing', async () => {
    const before = await t.payload.find({ collection: 'tasks', depth: 0, limit: 100, sort: 'sortOrder' })
    const second = await seed(t.payload)
    expect(second.created).toEqual({
      units: 0,
      channels: 0,
      plans: 0,
      tasks: 0,
      users: 0,
      articles: 0,
      infographics: 0,
      videos: 0,
    })
    const after = await t.payload.find({ collection: 'tasks', depth: 0, limit: 100, sort: 'sortOrder' })
    expect(after.docs).toEqual(before.docs)
  })

  it('never overwrites what people edited since', async () => {
    const task = (await t.payload.find({ collection: 'tasks', where: { code: { equals: '1' } } })).docs[0]!
    await t.payload.update({ collection: 'tasks', id: task.id, data: { title: 'Đã sửa bởi lãnh đạo' } })
    await seed(t.payload)
    expect((await t.payload.findByID({ collection: 'tasks', id: task.id })).title).toBe('Đã sửa bởi lãnh đạo')
  })

  it('creates the demo accounts and demo content only with --demo, once', async () => {
    expect((await seed(t.payload, { demo: true })).created).toMatchObject({
      users: 4,
      articles: 6,
      infographics: 2,
      videos: 2,
    })
    expect((await seed(t.payload, { demo: true })).created).toMatchObject({
      users: 0,
      articles: 0,
      infographics: 0,
      videos: 0,
    })
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
    expect(published.docs.map((d) => d.slug).sort()).toEqual([
      'ket-noi-cong-dich-vu-cong-quoc-gia',
      'mot-he-thong-mot-du-lieu-mot-dich-vu',
      'trung-tam-dieu-hanh-thong-minh-ioc',
      'vneid-diem-truy-cap-duy-nhat',
    ])
    const all = await t.payload.find({ collection: 'articles', depth: 0, limit: 50, draft: true })
    expect(all.totalDocs).toBe(6)
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
      expect(task.targets?.[0]).toMatchObject({ kind: 'deliverable', submitted: false })
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
    await expect(seed(t.payload, { demo: true })).rejects.toThrow(/injected failure/)
    spy.mockRestore()
    expect(await counts(t.payload)).toEqual({ units: 0, channels: 0, plans: 0, tasks: 0, users: 0 })
    expect((await t.payload.count({ collection: 'articles' })).totalDocs).toBe(0)
  })

  it('seeds an empty database with the demo accounts on first start', async () => {
    await seedOnFirstStart(t.payload)
    expect(await counts(t.payload)).toEqual({ units: 12, channels: 8, plans: 2, tasks: 12, users: 4 })
  })

  it('does not touch a database that has users or plans', async () => {
    await t.payload.delete({ collection: 'tasks', where: { code: { equals: '12' } } })
    await seedOnFirstStart(t.payload)
    expect((await t.payload.count({ collection: 'tasks' })).totalDocs).toBe(11)
  })
})
