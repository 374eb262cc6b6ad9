import ical from 'node-ical'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { calendarDay, dayToInstant } from '../../src/domain/calendar'
import { addDays, zonedInstant } from '../../src/domain/schedule'
import { relId } from '../../src/domain/relations'
import { signShareToken } from '../../src/domain/shareToken'
import { loadForecasts } from '../../src/plugin/calendar/loadForecasts'
import { loadItemPlanning } from '../../src/plugin/calendar/loadItemPlanning'
import { buildReport } from '../../src/plugin/report/buildReport'
import { getScheduler, Scheduler } from '../../src/plugin/scheduler/scheduler'
import { captureTransport } from './helpers/captureMail'
import { createCountingFixtures, type CountingFixtures } from './helpers/countingFixtures'
import { restClient } from './helpers/rest'
import { createUser, startTestPayload, type TestPayload } from './helpers/testPayload'

type Doc = Record<string, unknown> & { id: number }

let t: TestPayload
let payload: Payload
let rest: ReturnType<typeof restClient>
let f: CountingFixtures
let editor: Doc
let colleague: Doc
let outsider: Doc
let manager: Doc
let editorToken: string
let managerToken: string
const mail = captureTransport()
const mailsTo = (user: Doc, subject: string) =>
  mail.sent.filter((m) => m.to.includes(String(user.email)) && m.subject.includes(subject))
const today = calendarDay(new Date())
const year = Number(today.slice(0, 4))
const deadline = `${year + 1}-06-30`

const asUser = (user: Doc): Promise<PayloadRequest> =>
  createLocalReq({ user: { ...user, collection: 'users' } as never }, payload)

const planned = (title: string, day: string, data: Record<string, unknown> = {}, token = editorToken) =>
  rest.post('articles', { title, _status: 'draft', tasks: [f.task1.id], plannedDate: day, ...data }, { token })

const notices = async (key: string) =>
  (await payload.find({ collection: 'notifications', where: { key: { like: key } }, depth: 0, pagination: false })).docs

beforeAll(async () => {
  t = await startTestPayload({ mail: { transport: mail.transport } })
  payload = t.payload
  rest = restClient(payload)
  f = await createCountingFixtures(payload, { planCode: 'KH-LICH', deadline })
  await payload.update({
    collection: 'plans',
    id: f.plan.id,
    data: {
      status: 'active',
      period: { from: dayToInstant(`${year}-01-01`), to: dayToInstant(`${year + 1}-12-31`) },
      reporting: { monthlyDay: 20, fixedDates: [{ day: 20, month: 6 }] },
      keyDays: [{ day: 10, month: 10, label: 'Ngày truyền thống' }],
    } as never,
  })
  await payload.update({
    collection: 'tasks',
    id: f.task1.id,
    data: {
      targets: [
        {
          kind: 'content',
          quantity: 4,
          contentTypes: ['articles'],
          channels: [f.home.id, f.vnexpress.id],
          mode: 'pooled',
        },
      ],
    } as never,
  })
  const unit = await payload.create({
    collection: 'units',
    data: { name: 'Phòng Truyền thông', requiresReview: false },
  })
  const other = await payload.create({ collection: 'units', data: { name: 'Vụ Pháp chế', requiresReview: false } })
  await payload.update({ collection: 'tasks', id: f.task1.id, data: { leadUnits: [unit.id] } as never })
  editor = (await createUser(payload, { role: 'editor', unit: unit.id, name: 'Biên tập A' })) as Doc
  colleague = (await createUser(payload, { role: 'editor', unit: unit.id, name: 'Biên tập B' })) as Doc
  outsider = (await createUser(payload, { role: 'editor', unit: other.id })) as Doc
  manager = (await createUser(payload, { role: 'manager', unit: unit.id })) as Doc
  editorToken = await rest.login(editor.email as string, 'test-Password-1')
  managerToken = await rest.login(manager.email as string, 'test-Password-1')
})

afterAll(async () => {
  await t?.cleanup()
})

describe('planned items', () => {
  it('a draft carries a planned day and an assignee of its unit; one of another unit is a 400 on assignee', async () => {
    const ok = await planned('Bài kế hoạch 1', addDays(today, 5), { assignee: colleague.id })
    expect(ok.status, JSON.stringify(ok.json)).toBe(201)
    expect(calendarDay(String((ok.json.doc as Doc).plannedDate))).toBe(addDays(today, 5))
    const bad = await planned('Bài sai đơn vị', addDays(today, 5), { assignee: outsider.id })
    expect(bad.status).toBe(400)
    expect(bad.json.errors?.[0]?.data?.errors?.[0]?.path).toBe('assignee')
    const unknown = await planned('Bài không người', addDays(today, 5), { assignee: 999_999 })
    expect(unknown.status).toBe(400)
    expect(unknown.json.errors?.[0]?.data?.errors?.[0]?.path).toBe('assignee')
    expect((await payload.find({ collection: 'articles', where: { title: { like: 'Bài sai' } } })).totalDocs).toBe(0)
  })

  it('a planned day outside the plan period is saved, with a warning', async () => {
    const res = await planned('Bài ngoài kỳ', `${year + 2}-03-01`)
    expect(res.status).toBe(201)
    const info = await loadItemPlanning(await asUser(editor), res.json.doc as Doc)
    expect(info.outsidePlans).toEqual(['KH-LICH'])
  })

  it('an unpublished item past its planned day is slipped; published, it is not', async () => {
    const res = await planned('Bài trễ', addDays(today, -2))
    const doc = res.json.doc as Doc
    expect(await loadItemPlanning(await asUser(editor), doc)).toMatchObject({ slipped: true, published: false })
    const pub = await rest.patch(`articles/${doc.id}`, { _status: 'published' }, { token: editorToken })
    expect(pub.status).toBe(200)
    expect(await loadItemPlanning(await asUser(editor), pub.json.doc as Doc)).toMatchObject({ slipped: false })
  })

  it('tells the assignee once per assignment, in the save; a new assignee is told too', async () => {
    const res = await planned('Bài giao việc', addDays(today, 7), { assignee: colleague.id })
    const id = (res.json.doc as Doc).id
    const key = `planned-assigned:articles-${id}:%`
    expect(await notices(key)).toHaveLength(1)
    expect((await notices(key))[0]).toMatchObject({ user: colleague.id, kind: 'planned' })
    await rest.patch(`articles/${id}`, { title: 'Bài giao việc (sửa)' }, { token: editorToken })
    await rest.patch(
      `articles/${id}?draft=true&autosave=true`,
      { title: 'Bài giao việc (tự lưu)' },
      { token: editorToken },
    )
    expect(await notices(key)).toHaveLength(1)
    await rest.patch(`articles/${id}`, { assignee: editor.id }, { token: managerToken })
    expect(await notices(key)).toHaveLength(2)
    // Nobody is told of an item they gave themselves.
    const own = await planned('Bài của tôi', addDays(today, 7), { assignee: editor.id })
    expect(await notices(`planned-assigned:articles-${(own.json.doc as Doc).id}:%`)).toHaveLength(0)
  })

  it('e-mails the assignee once per assignment, after the save commits; a refused save mails nobody', async () => {
    const before = mailsTo(colleague, 'Bài giao qua thư').length
    // Planned after the target's deadline, so the forecast below is not moved by it.
    const res = await planned('Bài giao qua thư', addDays(deadline, 3), { assignee: colleague.id })
    expect(res.status).toBe(201)
    const id = (res.json.doc as Doc).id
    const sent = mailsTo(colleague, 'Bài giao qua thư')
    expect(sent).toHaveLength(before + 1)
    expect(sent.at(-1)!.subject).toBe('Được giao tin bài: Bài giao qua thư')
    expect(sent.at(-1)!.text).toContain(`Kính gửi ${String(colleague.name)},`)
    expect(sent.at(-1)!.text).toContain('Nhiệm vụ: 1 (KH-LICH).')
    // Edits and autosaves of the same assignment send nothing more (the mail log's key).
    await rest.patch(`articles/${id}`, { plannedDate: addDays(deadline, 4) }, { token: editorToken })
    await rest.patch(
      `articles/${id}?draft=true&autosave=true`,
      { title: 'Bài giao qua thư (tự lưu)' },
      { token: editorToken },
    )
    expect(mailsTo(colleague, 'Bài giao qua thư')).toHaveLength(before + 1)
    const logged = await payload.find({
      collection: 'email-log',
      where: { key: { equals: `planned-assigned:articles-${id}:user-${colleague.id}` } },
    })
    expect(logged.docs[0]).toMatchObject({ status: 'sent', attempts: 1 })
    // Refused (an assignee of another unit): no notice, no mail, nothing saved.
    const count = mail.sent.length
    const bad = await planned('Bài bị từ chối', addDays(today, 8), { assignee: outsider.id })
    expect(bad.status).toBe(400)
    expect(mail.sent).toHaveLength(count)
  })

  it('checks the assignee on a draft saved with ?draft=true too (Payload skips field validation there)', async () => {
    const bad = await rest.post(
      'articles?draft=true',
      {
        title: 'Nháp sai đơn vị',
        _status: 'draft',
        tasks: [f.task1.id],
        plannedDate: addDays(today, 5),
        assignee: outsider.id,
      },
      { token: editorToken },
    )
    expect(bad.status).toBe(400)
    expect(bad.json.errors?.[0]?.data?.errors?.[0]?.path).toBe('assignee')
    expect(
      (await payload.find({ collection: 'articles', where: { title: { equals: 'Nháp sai đơn vị' } } })).totalDocs,
    ).toBe(0)
    const ok = await rest.post(
      'articles?draft=true',
      {
        title: 'Nháp dự kiến',
        _status: 'draft',
        tasks: [f.task1.id],
        // After the deadline: outside the forecast below.
        plannedDate: addDays(deadline, 5),
        assignee: colleague.id,
      },
      { token: editorToken },
    )
    expect(ok.status, JSON.stringify(ok.json)).toBe(201)
  })
})

describe('forecast', () => {
  it('achieved + planned in the window; publishing a planned item moves achieved by one and keeps the forecast', async () => {
    const forecastOf = async () => {
      const req = await asUser(manager)
      const report = await buildReport(req, { plan: f.plan.id, asOf: today, unit: null, tasks: [f.task1.id] })
      const target = report!.tasks[0]!.targets[0]!
      return (await loadForecasts(req, report!)).get(target.id)!
    }
    const before = await forecastOf()
    // So far: one published (the slipped one, published above), planned on time in the window:
    // 'Bài kế hoạch 1' (+5), 'Bài giao việc' (+7), 'Bài của tôi' (+7); the one outside the plan is past the deadline.
    expect(before).toMatchObject({ target: 4, achieved: 1, planned: 3, forecast: 4, shortfall: 0, meets: true })
    const extra = await planned('Bài dự kiến sau hạn', addDays(deadline, 1))
    expect(extra.status).toBe(201)
    expect((await forecastOf()).planned).toBe(3)
    const one = (await payload.find({ collection: 'articles', where: { title: { equals: 'Bài kế hoạch 1' } } }))
      .docs[0]!
    await rest.patch(`articles/${one.id}`, { _status: 'published' }, { token: editorToken })
    expect(await forecastOf()).toMatchObject({ achieved: 2, planned: 2, forecast: 4 })
  })
})

describe('day-before reminders', () => {
  it('the assignee of a draft planned for tomorrow is told once, whichever of two instances runs the slot', async () => {
    const day = addDays(today, 20)
    const item = await planned('Bài ngày mai', addDays(day, 1), { assignee: colleague.id })
    const id = (item.json.doc as Doc).id
    const slot = `planned-reminders:${day}`
    const settings = payload.config.custom.commsQuota.scheduler
    const at = zonedInstant(day, settings.alertTime)
    const [a, b] = await Promise.all([
      getScheduler(payload).runSlot('planned-reminders', slot, { now: at }),
      new Scheduler(payload, settings).runSlot('planned-reminders', slot, { now: at }),
    ])
    expect([a.outcome, b.outcome].sort()).toEqual(['done', 'skipped'])
    const key = `planned-due:articles-${id}:%`
    expect(await notices(key)).toHaveLength(1)
    expect((await notices(key))[0]).toMatchObject({ user: colleague.id, kind: 'planned' })
    const subject = 'dự kiến đăng: Bài ngày mai'
    expect(mailsTo(colleague, subject)).toHaveLength(1)
    expect(mailsTo(colleague, subject)[0]!.subject).toBe(
      `Ngày mai (${addDays(day, 1).split('-').reverse().map(Number).join('/')}) dự kiến đăng: Bài ngày mai`,
    )
    // Run again by hand (forced past the done slot): the notice's and the mail's keys keep it to one.
    await payload.delete({ collection: 'job-slots', where: { slot: { equals: slot } } })
    await getScheduler(payload).runSlot('planned-reminders', slot, { now: at })
    expect(await notices(key)).toHaveLength(1)
    expect(mailsTo(colleague, subject)).toHaveLength(1)
    // Published before the day: no reminder.
    const gone = await planned('Bài đã đăng sớm', addDays(day, 2), { assignee: colleague.id })
    await rest.patch(`articles/${(gone.json.doc as Doc).id}`, { _status: 'published' }, { token: editorToken })
    await getScheduler(payload).runSlot('planned-reminders', `planned-reminders:${addDays(day, 1)}`, {
      now: zonedInstant(addDays(day, 1), settings.alertTime),
    })
    expect(await notices(`planned-due:articles-${(gone.json.doc as Doc).id}:%`)).toHaveLength(0)
    expect(mailsTo(colleague, 'dự kiến đăng: Bài đã đăng sớm')).toHaveLength(0)
  })
})

describe('calendar feeds (iCalendar)', () => {
  const feedToken = (doc: Record<string, unknown>) => String(doc.url).split('/calendar/feeds/')[1] ?? ''
  const events = (text: string) =>
    Object.values(ical.sync.parseICS(text)).filter((c): c is ical.VEvent => c.type === 'VEVENT')

  it("a user's feed parses back: deadlines, report days, key days and their planned items, all-day", async () => {
    const created = await rest.post('calendar-feeds', { label: 'Lịch của tôi' }, { token: editorToken })
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    const doc = created.json.doc as Record<string, unknown>
    expect(doc.url).toMatch(/\/api\/calendar\/feeds\/\d+\.[A-Za-z0-9_-]{32}\.ics$/)
    expect(relId(doc.owner)).toBe(editor.id)
    const res = await rest.raw(`calendar/feeds/${feedToken(doc)}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/calendar')
    expect(res.headers.get('cache-control')).toContain('no-store')
    const list = events(await res.text())
    const byTitle = (s: string) => list.filter((e) => String(e.summary).includes(s))
    const deadlineEvent = byTitle('Hạn nhiệm vụ 1 (KH-LICH)')[0]
    expect(deadlineEvent?.datetype).toBe('date')
    const start = deadlineEvent!.start as Date & { dateOnly?: boolean }
    expect(start.dateOnly).toBe(true)
    expect(
      `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, '0')}-${String(start.getDate()).padStart(2, '0')}`,
    ).toBe(deadline)
    expect(byTitle('Báo cáo tháng').length).toBeGreaterThan(0)
    expect(byTitle('Ngày truyền thống').length).toBeGreaterThan(0)
    // Their own planned items only: 'Bài của tôi' is the editor's; 'Bài ngày mai' is a colleague's.
    expect(byTitle('Bài của tôi')).toHaveLength(1)
    expect(byTitle('Bài ngày mai')).toHaveLength(0)
    // A refresh gives the same UIDs, so a subscribed calendar updates instead of duplicating.
    const again = events(await (await rest.raw(`calendar/feeds/${feedToken(doc)}`)).text())
    expect(again.map((e) => e.uid).sort()).toEqual(list.map((e) => e.uid).sort())
  })

  it("a plan's feed is for managers (400 on plan for an editor) and holds every planned item of the plan", async () => {
    const refused = await rest.post('calendar-feeds', { plan: f.plan.id }, { token: editorToken })
    expect(refused.status).toBe(400)
    expect(refused.json.errors?.[0]?.data?.errors?.[0]?.path).toBe('plan')
    const created = await rest.post('calendar-feeds', { plan: f.plan.id }, { token: managerToken })
    expect(created.status).toBe(201)
    const list = events(await (await rest.raw(`calendar/feeds/${feedToken(created.json.doc as Doc)}`)).text())
    const titles = list.map((e) => String(e.summary))
    expect(titles.some((s) => s.includes('Bài ngày mai'))).toBe(true)
    expect(titles.some((s) => s.includes('Bài của tôi'))).toBe(true)
    expect(list.find((e) => String(e.summary).includes('Bài ngày mai'))?.description).toContain('Biên tập B')
  })

  it('a forged, unknown or share-link token is 404; a revoked one 410, for good', async () => {
    const created = await rest.post('calendar-feeds', {}, { token: editorToken })
    const doc = created.json.doc as Doc
    const token = feedToken(doc).replace(/\.ics$/, '')
    const forged = `${doc.id}.${'A'.repeat(32)}`
    for (const bad of ['nonsense', forged, `999999.${token.split('.')[1]}`]) {
      const res = await rest.get(`calendar/feeds/${bad}`)
      expect(res.status, bad).toBe(404)
      expect(res.json.errors?.[0]?.message).toBeTruthy()
    }
    // The same id and time signed for a share link opens nothing here.
    const shareToken = signShareToken(payload.secret, doc.id, String(doc.createdAt))
    expect((await rest.get(`calendar/feeds/${shareToken}`)).status).toBe(404)
    // Someone else cannot see or revoke it.
    expect((await rest.get(`calendar-feeds/${doc.id}`, { token: managerToken })).status).toBe(404)
    expect((await rest.patch(`calendar-feeds/${doc.id}`, { revoked: true }, { token: managerToken })).status).toBe(403)
    const revoked = await rest.patch(`calendar-feeds/${doc.id}`, { revoked: true }, { token: editorToken })
    expect(revoked.status).toBe(200)
    const gone = await rest.get(`calendar/feeds/${token}.ics`)
    expect(gone.status).toBe(410)
    expect(gone.json.errors?.[0]?.message).toMatch(/revoked/)
    const undo = await rest.patch(`calendar-feeds/${doc.id}`, { revoked: false }, { token: editorToken })
    expect(undo.status).toBe(400)
    expect((await rest.get(`calendar/feeds/${token}`)).status).toBe(410)
  })
})

describe('calendar view endpoint', () => {
  type ViewEvent = { id: string; kind: string; day: string; title: string; editable: boolean; channel?: number }
  const range = `from=${addDays(today, -10)}&to=${addDays(today, 40)}`
  const view = async (query: string, token?: string) => {
    const res = await rest.get(`calendar/events?${query}`, token ? { token } : {})
    return { status: res.status, json: res.json, events: (res.json.events ?? []) as ViewEvent[] }
  }

  it("shows a manager every unit's planned items (draggable) and the publications, by channel", async () => {
    const other = (await payload.find({ collection: 'units', where: { name: { equals: 'Vụ Pháp chế' } } })).docs[0]!
    await payload.create({
      collection: 'articles',
      data: { title: 'Bài đơn vị khác', _status: 'draft', unit: other.id, plannedDate: addDays(today, 3) } as never,
    })
    const { status, events } = await view(range, managerToken)
    expect(status).toBe(200)
    const planned = events.filter((e) => e.kind === 'planned')
    expect(planned.map((e) => e.title)).toEqual(expect.arrayContaining(['Bài giao việc (tự lưu)', 'Bài đơn vị khác']))
    expect(planned.every((e) => e.editable)).toBe(true)
    const published = events.filter((e) => e.kind === 'published' && e.title === 'Bài kế hoạch 1')
    expect(published.map((e) => e.channel)).toEqual([f.home.id])
    const onVnexpress = await view(`${range}&channel=${f.vnexpress.id}`, managerToken)
    expect(onVnexpress.events.filter((e) => e.kind === 'published' || e.kind === 'planned')).toEqual([])
  })

  it('shows an editor their unit and what is theirs, not draggable; filters narrow it', async () => {
    const { events } = await view(range, editorToken)
    const titles = events.map((e) => e.title)
    expect(titles).not.toContain('Bài đơn vị khác')
    expect(titles).toContain('Bài giao việc (tự lưu)')
    expect(events.some((e) => e.editable)).toBe(false)
    const mine = await view(`${range}&assignee=${editor.id}`, editorToken)
    expect(mine.events.filter((e) => e.kind === 'planned').map((e) => e.title)).toEqual(
      expect.arrayContaining(['Bài giao việc (tự lưu)', 'Bài của tôi']),
    )
    expect(mine.events.filter((e) => e.kind === 'planned').every((e) => e.title !== 'Bài ngày mai')).toBe(true)
    const videos = await view(`${range}&type=videos`, editorToken)
    expect(videos.events.filter((e) => e.kind === 'planned' || e.kind === 'published')).toEqual([])
  })

  it("shows each target's window as a bar, start to deadline with the end exclusive, linking to the task", async () => {
    const { events } = await view(`from=${year}-01-01&to=${year}-12-31&plan=${f.plan.id}`, managerToken)
    const bars = events.filter((e) => e.kind === 'window') as Array<ViewEvent & { end?: string; path?: string }>
    expect(bars).toHaveLength(1)
    expect(bars[0]).toMatchObject({ day: `${year}-01-01`, path: `/collections/tasks/${f.task1.id}` })
    expect(bars[0]!.title).toContain('Nhiệm vụ 1 (KH-LICH): 4 tin bài')
    // Inside a range of next year the window runs to the deadline: the end is the day after it.
    const next = await view(`from=${year + 1}-06-01&to=${year + 1}-07-10`, managerToken)
    expect(next.events.find((e) => e.kind === 'window')).toMatchObject({ end: addDays(deadline, 1) })
  })

  it('shows pending scheduled publishes ("Hẹn đăng") of the items the reader may see, not done ones', async () => {
    const other = (await payload.find({ collection: 'units', where: { name: { equals: 'Vụ Pháp chế' } } })).docs[0]!
    const mine = await planned('Bài hẹn đăng', addDays(today, 4))
    const theirs = await payload.create({
      collection: 'articles',
      data: { title: 'Bài hẹn đăng đơn vị khác', _status: 'draft', unit: other.id } as never,
    })
    const at = zonedInstant(addDays(today, 6), { hour: 8, minute: 30 })
    const queue = (collection: string, id: number, type = 'publish') =>
      payload.jobs.queue({
        task: 'schedulePublish',
        input: { type, doc: { relationTo: collection, value: String(id) } } as never,
        waitUntil: at,
      })
    await queue('articles', (mine.json.doc as Doc).id)
    await queue('articles', theirs.id as number)
    const done = await queue('articles', (mine.json.doc as Doc).id)
    await payload.update({
      collection: 'payload-jobs',
      id: done.id,
      data: { completedAt: new Date().toISOString() } as never,
    })
    await queue('articles', (mine.json.doc as Doc).id, 'unpublish')

    const scheduled = (events: ViewEvent[]) => events.filter((e) => e.kind === 'scheduled').map((e) => [e.day, e.title])
    const asEditor = await view(range, editorToken)
    expect(scheduled(asEditor.events)).toEqual([[addDays(today, 6), 'Hẹn đăng 08:30: Bài hẹn đăng']])
    const asManager = await view(range, managerToken)
    expect(scheduled(asManager.events)).toEqual(
      expect.arrayContaining([
        [addDays(today, 6), 'Hẹn đăng 08:30: Bài hẹn đăng'],
        [addDays(today, 6), 'Hẹn đăng 08:30: Bài hẹn đăng đơn vị khác'],
      ]),
    )
    expect(scheduled(asManager.events)).toHaveLength(2)
    // A channel filter shows publications only; the type filter applies as for planned items.
    expect(scheduled((await view(`${range}&channel=${f.home.id}`, managerToken)).events)).toEqual([])
    expect(scheduled((await view(`${range}&type=videos`, managerToken)).events)).toEqual([])
  })

  it('refuses anonymous users (401) and bad parameters (400 naming them)', async () => {
    expect((await view(range)).status).toBe(401)
    for (const [query, field] of [
      ['to=2026-01-01', 'from'],
      [`from=${today}&to=2026-02-30`, 'to'],
      [`from=${today}&to=${addDays(today, -1)}`, 'to'],
      [`from=${today}&to=${addDays(today, 401)}`, 'to'],
      [`${range}&plan=abc`, 'plan'],
      [`${range}&type=podcasts`, 'type'],
    ] as const) {
      const res = await view(query, editorToken)
      expect(res.status, query).toBe(400)
      expect((res.json.errors as Array<{ field?: string }>)[0]?.field, query).toBe(field)
    }
  })

  it('a manager re-plans by a normal save; an editor of another unit is refused and the day stays', async () => {
    const item = (await payload.find({ collection: 'articles', where: { title: { equals: 'Bài của tôi' } } })).docs[0]!
    const moved = await rest.patch(`articles/${item.id}`, { plannedDate: addDays(today, 9) }, { token: managerToken })
    expect(moved.status).toBe(200)
    const outsiderToken = await rest.login(outsider.email as string, 'test-Password-1')
    const refused = await rest.patch(
      `articles/${item.id}`,
      { plannedDate: addDays(today, 1) },
      { token: outsiderToken },
    )
    expect(refused.status).toBe(403)
    const after = await payload.findByID({ collection: 'articles', id: item.id, depth: 0 })
    expect(calendarDay(String((after as { plannedDate?: string }).plannedDate))).toBe(addDays(today, 9))
  })
})
