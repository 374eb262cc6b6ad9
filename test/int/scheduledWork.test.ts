/**
 * Scheduled work end to end on a real Postgres: periodic reports (snapshot + XLSX + mail),
 * deadline alerts, nightly reconciliation and scheduled publishing, fired by the scheduler with
 * a controlled clock; exactly-once across three worker processes and after a SIGKILL mid-run;
 * the CLI. Mail is captured by a real nodemailer transport (in this process) or read from the
 * no-SMTP outbox folder (workers, CLI).
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Payload } from 'payload'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { calendarDay, dayToInstant } from '../../src/domain/calendar'
import { formatViNumber, STATUS_VI } from '../../src/domain/mailText'
import type { QuotaReport } from '../../src/domain/reportAssembly'
import { JOB_NAMES } from '../../src/domain/schedule'
import { Scheduler, getScheduler } from '../../src/plugin/scheduler/scheduler'
import { readSlots } from '../../src/plugin/scheduler/slots'
import type { RunOutcome } from '../../src/plugin/scheduler/types'
import { expectedResultRows, readDocx, resultNumbers, resultRows } from '../fixtures/reportDocument'
import { captureTransport } from './helpers/captureMail'
import { assertInvariants, poolFor } from './helpers/groundTruth'
import { restClient } from './helpers/rest'
import { createUser, startTestPayload, type TestPayload } from './helpers/testPayload'
import { startPayloadOn } from './helpers/workerPayload'
import { startReadyWorker, type WorkerRun } from './helpers/workerProcess'

type Doc = Record<string, unknown> & { id: number }
type ReportJson = {
  totals: { target: number; achieved: number; percent: number }
  tasks: Array<{
    code: string
    targets: Array<{ kind: string; target: number; achieved: number; percent: number; status: string }>
  }>
}

const ROOT = path.resolve(import.meta.dirname, '../..')
const mail = captureTransport()
const steps: { hook?: (step: string, slot: string) => void } = {}

let t: TestPayload
let payload: Payload
let pool: pg.Pool
let rest: ReturnType<typeof restClient>
let scheduler: Scheduler
const users: Record<string, Doc> = {}
const plans: Record<string, Doc> = {}
const tasks: Record<string, Doc> = {}
let vnexpress: Doc

const at = (iso: string) => new Date(iso)
const mailsAbout = (text: string) => mail.sent.filter((m) => m.subject.includes(text))
const done = (outcomes: RunOutcome[], slot: string) => outcomes.find((o) => o.slot === slot)
const reportSlot = (plan: string, day: string) => `quota-report:plan-${plans[plan]?.id}:${day}`

async function count(sql: string, params: unknown[] = []): Promise<number> {
  return Number((await pool.query(sql, params)).rows[0]?.n)
}

const snapshots = (slot: string) => count('select count(*)::int as n from quota_reports where slot = $1', [slot])

async function makePlan(key: string, code: string, reporting: Record<string, unknown>, managers: Doc[]): Promise<Doc> {
  plans[key] = (await payload.create({
    collection: 'plans',
    data: {
      code,
      title: `Kế hoạch ${code}`,
      status: 'active',
      period: { from: dayToInstant('2026-01-01'), to: dayToInstant('2026-12-31') },
      reporting,
      managers: managers.map((m) => m.id),
      // Entered before the report days these tests tick through (a day before a plan was
      // entered is never reported).
      createdAt: dayToInstant('2026-01-01'),
    } as never,
  })) as unknown as Doc
  return plans[key]
}

async function makeTask(key: string, plan: Doc, code: string, deadline: string, lead: Doc, quantity: number) {
  tasks[key] = (await payload.create({
    collection: 'tasks',
    data: {
      plan: plan.id,
      code,
      sortOrder: Number(code),
      title: `Nhiệm vụ ${code}`,
      timeframe: { kind: 'deadline', deadline: dayToInstant(deadline) },
      leadUnits: [lead.id],
      targets: [{ kind: 'content', quantity, contentTypes: ['articles'], channels: [vnexpress.id], mode: 'pooled' }],
    } as never,
  })) as unknown as Doc
}

async function publish(title: string, task: Doc, day: string) {
  await payload.create({
    collection: 'articles',
    data: {
      title,
      _status: 'published',
      tasks: [task.id],
      publications: [{ channel: vnexpress.id, publishedAt: dayToInstant(day) }],
    } as never,
    user: users.editorA,
    overrideAccess: false,
  })
}

beforeAll(async () => {
  t = await startTestPayload({
    mail: { transport: mail.transport },
    scheduler: {
      enabled: false,
      jobs: [...JOB_NAMES],
      leaseMs: 1500,
      retryMs: 200,
      onStep: (step, slot) => steps.hook?.(step, slot),
    },
  })
  payload = t.payload
  pool = poolFor(t.databaseUri)
  rest = restClient(payload)
  scheduler = getScheduler(payload)
  const unitA = (await payload.create({
    collection: 'units',
    data: { name: 'Trung tâm Truyền thông', requiresReview: false },
  })) as unknown as Doc
  const unitB = (await payload.create({
    collection: 'units',
    data: { name: 'Văn phòng', requiresReview: false },
  })) as unknown as Doc
  // The home channel every publish records (its row is not read here).
  await payload.create({ collection: 'channels', data: { name: 'Cổng', kind: 'portal', isHome: true } as never })
  vnexpress = (await payload.create({
    collection: 'channels',
    data: { name: 'VnExpress', kind: 'enewspaper' } as never,
  })) as unknown as Doc
  users.admin = (await createUser(payload, { role: 'admin', name: 'Quản trị' })) as Doc
  users.m1 = (await createUser(payload, { role: 'manager', name: 'Lãnh đạo 1' })) as Doc
  users.m2 = (await createUser(payload, { role: 'manager', name: 'Lãnh đạo 2' })) as Doc
  users.editorA = (await createUser(payload, { role: 'editor', unit: unitA.id })) as Doc
  users.staffA = (await createUser(payload, { role: 'multimedia', unit: unitA.id })) as Doc
  users.staffB = (await createUser(payload, { role: 'editor', unit: unitB.id })) as Doc

  const p1 = await makePlan(
    'p1',
    'KH-BC',
    {
      monthlyDay: 20,
      fixedDates: [
        { day: 20, month: 6, label: 'Báo cáo 6 tháng' },
        { day: 20, month: 12, label: 'Báo cáo năm' },
      ],
    },
    [users.m1!, users.m2!],
  )
  await makePlan(
    'p2',
    'KH-NB',
    {
      monthlyDay: null,
      fixedDates: [
        { day: 10, month: 6 },
        { day: 15, month: 12 },
      ],
    },
    [users.m1!],
  )
  // Every reporting plan needs a target (a plan without one reports nothing); far from its deadline.
  await makeTask('p2', plans.p2!, '1', '2026-12-31', unitB, 1)
  // Behind near its deadline (2 of 10 by 20/11, deadline 25/11): alerted to unit A.
  await makeTask('late', p1, '1', '2026-11-25', unitA, 10)
  // Far from its deadline, and a done one near it: no alerts.
  await makeTask('far', p1, '2', '2026-12-31', unitB, 4)
  await makeTask('done', p1, '3', '2026-11-24', unitB, 1)
  await publish('Bài 1', tasks.late!, '2026-11-01')
  await publish('Bài 2', tasks.late!, '2026-11-10')
  await publish('Bài 3', tasks.done!, '2026-11-05')
})

afterAll(async () => {
  await pool?.end()
  await t?.cleanup()
})

describe('periodic report', () => {
  it('fires on the 20th at 08:00 ICT (01:00 UTC), not a second before', async () => {
    const before = await scheduler.tick(at('2026-11-20T00:59:59Z'))
    expect(before.map((o) => o.slot)).not.toContain(reportSlot('p1', '2026-11-20'))
    expect(await snapshots(reportSlot('p1', '2026-11-20'))).toBe(0)
    const outcomes = await scheduler.tick(at('2026-11-20T01:00:00Z'))
    expect(done(outcomes, reportSlot('p1', '2026-11-20'))).toMatchObject({ outcome: 'done', attempt: 1 })
    expect(await snapshots(reportSlot('p1', '2026-11-20'))).toBe(1)
  })

  it('stores the report as of that day and mails the managers the XLSX, whose numbers equal the endpoint’s', async () => {
    const token = await rest.login(String(users.m1?.email), 'test-Password-1')
    const res = await rest.get(`quota/report?plan=${plans.p1?.id}&asOf=2026-11-20`, { token })
    expect(res.status).toBe(200)
    const endpoint = res.json as unknown as ReportJson
    expect(endpoint.totals.target).toBe(15)
    expect(endpoint.totals.achieved).toBe(3)

    const { docs } = await payload.find({ collection: 'quota-reports', where: { plan: { equals: plans.p1?.id } } })
    expect(docs).toHaveLength(1)
    const snap = docs[0]!
    expect(snap.report).toEqual(endpoint)
    expect(calendarDay(snap.asOf)).toBe('2026-11-20')
    expect(snap.title).toBe('KH-BC — Báo cáo tháng 11/2026 (20/11/2026)')
    expect(existsSync(path.join(t.uploadsDir, 'quota-reports', String(snap.filename)))).toBe(true)

    const mails = mailsAbout('[KH-BC] Báo cáo tháng 11/2026')
    expect(mails).toHaveLength(1)
    const m = mails[0]!
    expect(m.to.sort()).toEqual([users.m1?.email, users.m2?.email].sort())
    expect(m.subject).toMatch(/^\[KH-BC\] Báo cáo tháng 11\/2026 — tiến độ đến ngày 20\/11\/2026: \d+\/\d+ sản phẩm/)
    const content = endpoint.tasks.flatMap((t) => t.targets.filter((x) => x.kind === 'content'))
    const achieved = content.reduce((n, x) => n + x.achieved, 0)
    const target = content.reduce((n, x) => n + x.target, 0)
    expect(m.subject).toContain(`${achieved}/${target} sản phẩm`)
    expect(m.text).toContain(`đã đạt ${achieved}/${target}`)
    expect(m.text).toContain('- 1. Nhiệm vụ 1 — Chậm tiến độ (hạn 25/11/2026)')
    expect(m.raw).toMatch(/Content-Type:\s+application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/)

    expect(m.attachments.map((a) => a.filename)).toEqual([String(snap.filename), 'bao-cao-kh-bc-2026-11-20.docx'])
    // The record says who was mailed (managers cannot read the e-mail log), and a write can't change it.
    const stored = (await payload.findByID({ collection: 'quota-reports', id: snap.id })) as typeof snap & {
      mailedTo?: string | null
      mailedAt?: string | null
    }
    expect(stored.mailedTo?.split('\n').sort()).toEqual(
      [users.m1, users.m2].map((u) => `${String(u?.name)} <${String(u?.email)}>`).sort(),
    )
    expect(stored.mailedAt).toBeTruthy()
    const managerToken = await rest.login(String(users.m1?.email), 'test-Password-1')
    const forged = await rest.patch(`quota-reports/${snap.id}`, { mailedTo: 'x@y.z' }, { token: managerToken })
    expect(forged.status).toBe(200)
    expect((forged.json.doc as { mailedTo?: string }).mailedTo).toBe(stored.mailedTo)
    // The report document beside it, dated the reporting day, with the same numbers.
    const document = await readDocx(m.attachments[1]!.content)
    expect(resultNumbers(resultRows(document))).toEqual(
      expectedResultRows(endpoint as unknown as QuotaReport, formatViNumber, STATUS_VI),
    )
    expect(document.text).toContain('ngày 20 tháng 11 năm 2026')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(m.attachments[0]!.content as unknown as ArrayBuffer)
    const sheet = wb.getWorksheet('Chỉ tiêu')!
    const rows: Array<[string, number, number, number]> = []
    sheet.eachRow((row, n) => {
      if (n === 1 || row.getCell(1).value === null) return
      rows.push([
        String(row.getCell(1).value),
        Number(row.getCell(8).value),
        Number(row.getCell(9).value),
        Number(row.getCell(11).value),
      ])
    })
    const expected = endpoint.tasks.flatMap((task) =>
      task.targets.map((x) => [task.code, x.target, x.achieved, x.percent / 100] as [string, number, number, number]),
    )
    expect(rows).toEqual(expected)
    const totalsRow = sheet.getRow(sheet.rowCount)
    expect([totalsRow.getCell(8).value, totalsRow.getCell(9).value, totalsRow.getCell(11).value]).toEqual([
      endpoint.totals.target,
      endpoint.totals.achieved,
      endpoint.totals.percent / 100,
    ])
    // And each manager finds it in the admin.
    for (const manager of [users.m1!, users.m2!]) {
      expect(
        await payload.count({
          collection: 'notifications',
          where: { and: [{ user: { equals: manager.id } }, { kind: { equals: 'report' } }] },
        }),
      ).toMatchObject({ totalDocs: 1 })
    }
  })

  it('a plan without targets reports nothing: no snapshot, no mail (no "0 chỉ tiêu" report)', async () => {
    await makePlan('empty', 'KH-RONG', { monthlyDay: 20 }, [users.m1!])
    const slot = reportSlot('empty', '2026-11-20')
    await scheduler.runSlot('quota-report', slot, { force: true })
    expect(await snapshots(slot)).toBe(0)
    expect(mailsAbout('[KH-RONG]')).toHaveLength(0)
    // Out of the way of the other report days these tests tick through.
    await payload.delete({ collection: 'plans', id: plans.empty!.id })
  })

  it('a done slot never runs again: later ticks, another instance and a forced run skip it', async () => {
    const slot = reportSlot('p1', '2026-11-20')
    const later = await scheduler.tick(at('2026-11-20T05:00:00Z'))
    expect(later.map((o) => o.slot)).not.toContain(slot)
    const other = new Scheduler(payload, payload.config.custom.commsQuota.scheduler)
    expect(await other.runSlot('quota-report', slot, { force: true })).toEqual({ outcome: 'skipped', slot })
    expect(await snapshots(slot)).toBe(1)
    expect(mailsAbout('[KH-BC] Báo cáo tháng 11/2026')).toHaveLength(1)
    expect((await readSlots(payload, [slot])).get(slot)).toMatchObject({ status: 'done', attempts: 1 })
  })

  it('20/6 (with the monthly report of that day) and custom dates 10/6 and 15/12 fire on those days only', async () => {
    const june10 = await scheduler.tick(at('2026-06-10T01:00:00Z'))
    expect(done(june10, reportSlot('p2', '2026-06-10'))?.outcome).toBe('done')
    expect(june10.filter((o) => o.slot.startsWith('quota-report:')).map((o) => o.slot)).toEqual([
      reportSlot('p2', '2026-06-10'),
    ])
    const june20 = await scheduler.tick(at('2026-06-20T01:00:00Z'))
    expect(june20.filter((o) => o.slot.startsWith('quota-report:')).map((o) => o.slot)).toEqual([
      reportSlot('p1', '2026-06-20'),
    ])
    expect(mailsAbout('[KH-BC] Báo cáo tháng 6/2026, Báo cáo 6 tháng — tiến độ đến ngày 20/6/2026')).toHaveLength(1)
    const dec15 = await scheduler.tick(at('2026-12-15T01:00:00Z'))
    expect(dec15.filter((o) => o.slot.startsWith('quota-report:')).map((o) => o.slot)).toEqual([
      reportSlot('p2', '2026-12-15'),
    ])
    expect(mailsAbout('[KH-NB] Báo cáo định kỳ (hạn 10/6)')).toHaveLength(1)
    expect(mailsAbout('[KH-NB] Báo cáo định kỳ (hạn 15/12)')).toHaveLength(1)
  })

  it('a run that fails after mailing is retried after its back-off without a second snapshot or mail', async () => {
    const slot = reportSlot('p1', '2026-07-20')
    steps.hook = (step, s) => {
      if (s === slot && step === 'email-sent') throw new Error('injected failure after the mail')
    }
    const first = await scheduler.tick(at('2026-07-20T01:00:00Z'))
    steps.hook = undefined
    expect(done(first, slot)).toMatchObject({
      outcome: 'failed',
      attempt: 1,
      error: expect.stringContaining('injected'),
    })
    expect((await readSlots(payload, [slot])).get(slot)).toMatchObject({ status: 'failed', attempts: 1 })
    expect(await snapshots(slot)).toBe(1)
    expect(mailsAbout('Báo cáo tháng 7/2026')).toHaveLength(1)
    await new Promise((r) => setTimeout(r, 300))
    const retry = await scheduler.tick(at('2026-07-20T01:01:00Z'))
    expect(done(retry, slot)).toMatchObject({ outcome: 'done', attempt: 2, result: { email: 'already-sent' } })
    expect(await snapshots(slot)).toBe(1)
    expect(mailsAbout('Báo cáo tháng 7/2026')).toHaveLength(1)
  })
})

describe('deadline alerts', () => {
  const alertsFor = (code: string) => mailsAbout(`Cảnh báo hạn: Nhiệm vụ ${code} `)

  it('warns the lead unit’s staff of a task behind near its deadline, once per task per day', async () => {
    // The 20/11 alerts ran at 07:00 ICT, in the first tick of the report tests.
    const mails = alertsFor('1')
    expect(mails.map((m) => m.subject)).toEqual([
      '[KH-BC] Cảnh báo hạn: Nhiệm vụ 1 chậm tiến độ, còn 5 ngày đến hạn 25/11/2026',
    ])
    expect(mails[0]?.to.sort()).toEqual([users.editorA?.email, users.staffA?.email].sort())
    expect(alertsFor('2')).toHaveLength(0)
    expect(alertsFor('3')).toHaveLength(0)
    await scheduler.runSlot('deadline-alerts', 'deadline-alerts:2026-11-20', { force: true })
    expect(alertsFor('1')).toHaveLength(1)
    const next = await scheduler.tick(at('2026-11-21T00:00:00Z'))
    expect(done(next, 'deadline-alerts:2026-11-21')).toMatchObject({
      outcome: 'done',
      result: { alerts: 1, emails: 1, notifications: 2 },
    })
    expect(alertsFor('1').map((m) => m.subject)[1]).toBe(
      '[KH-BC] Cảnh báo hạn: Nhiệm vụ 1 chậm tiến độ, còn 4 ngày đến hạn 25/11/2026',
    )
  })

  it('notifications: each user reads only their own and may only mark them read', async () => {
    const tokenA = await rest.login(String(users.editorA?.email), 'test-Password-1')
    const tokenB = await rest.login(String(users.staffB?.email), 'test-Password-1')
    const tokenM = await rest.login(String(users.m1?.email), 'test-Password-1')
    const mine = await rest.get('notifications?depth=0', { token: tokenA })
    expect(mine.status).toBe(200)
    const docs = mine.json.docs as Array<Doc & { user: number; kind: string; title: string; read: boolean }>
    expect(docs.map((d) => [d.user, d.kind])).toEqual([
      [users.editorA?.id, 'deadline'],
      [users.editorA?.id, 'deadline'],
    ])
    expect((await rest.get('notifications', { token: tokenB })).json.docs).toEqual([])
    const managers = (await rest.get('notifications?depth=0', { token: tokenM })).json.docs as Doc[]
    expect(managers.length).toBeGreaterThan(0)
    expect((await rest.get('notifications')).status).toBe(403)

    const own = docs[0]!
    const patched = await rest.patch(
      `notifications/${own.id}`,
      { read: true, title: 'đổi tiêu đề', user: users.staffB?.id },
      { token: tokenA },
    )
    expect(patched.status).toBe(200)
    const after = await payload.findByID({ collection: 'notifications', id: own.id, depth: 0 })
    expect([after.read, after.title, after.user]).toEqual([true, own.title, users.editorA?.id])
    expect((await rest.patch(`notifications/${managers[0]?.id}`, { read: true }, { token: tokenA })).status).toBe(403)
    const create = await rest.post(
      'notifications',
      { user: users.editorA?.id, kind: 'deadline', title: 'x', key: 'forged' },
      { token: tokenA },
    )
    expect(create.status).toBe(403)
  })
})

describe('who sees the scheduled work', () => {
  it('the inbox: "Mở" marks one read and goes to its admin page only; "mark all read" marks the reader\'s own only', async () => {
    const tokenA = await rest.login(String(users.editorA?.email), 'test-Password-1')
    const unread = async (user: Doc) =>
      (
        await payload.count({
          collection: 'notifications',
          where: { user: { equals: user.id }, read: { equals: false } },
        })
      ).totalDocs
    const notice = await payload.create({
      collection: 'notifications',
      data: {
        user: users.editorA?.id,
        kind: 'review',
        title: 'Bài đã được duyệt',
        link: '/admin/collections/articles/1',
        key: 'inbox-1',
        read: false,
      } as never,
    })
    const forged = await payload.create({
      collection: 'notifications',
      data: {
        user: users.editorA?.id,
        kind: 'review',
        title: 'Liên kết lạ',
        link: 'https://evil.example/admin',
        key: 'inbox-2',
        read: false,
      } as never,
    })
    const open = await rest.raw(`inbox/open/${notice.id}`, { token: tokenA })
    expect(open.status).toBe(303)
    expect(open.headers.get('location')).toBe('/admin/collections/articles/1')
    expect((await payload.findByID({ collection: 'notifications', id: notice.id })).read).toBe(true)
    // A stored link to another site never leaves the admin: back to the inbox.
    expect((await rest.raw(`inbox/open/${forged.id}`, { token: tokenA })).headers.get('location')).toBe('/admin/inbox')
    // Someone else's notice is not found, and stays unread; without sign-in, 401; a bad id, 400.
    const theirs = await payload.create({
      collection: 'notifications',
      data: { user: users.m1?.id, kind: 'report', title: 'Báo cáo', key: 'inbox-3', read: false } as never,
    })
    expect((await rest.raw(`inbox/open/${theirs.id}`, { token: tokenA })).status).toBe(404)
    expect((await rest.raw(`inbox/open/${theirs.id}`)).status).toBe(401)
    expect((await rest.raw('inbox/open/abc', { token: tokenA })).status).toBe(400)
    // "Mark all read": the reader's own only.
    expect(await unread(users.editorA!)).toBeGreaterThan(0)
    const all = await rest.post('inbox/read-all', {}, { token: tokenA, headers: { Accept: 'application/json' } })
    expect(all.status).toBe(200)
    expect(all.json.marked).toBeGreaterThan(0)
    expect(await unread(users.editorA!)).toBe(0)
    expect((await payload.findByID({ collection: 'notifications', id: theirs.id })).read).toBe(false)
    expect((await rest.post('inbox/read-all', {})).status).toBe(401)
  })

  it('reports for managers and admins, who write only their narrative; runs, mail log and reconciliation for admins; nobody writes those', async () => {
    const token = async (u: string) => rest.login(String(users[u]?.email), 'test-Password-1')
    const [admin, manager, editor] = [await token('admin'), await token('m1'), await token('editorA')]
    const status = async (path: string, tok?: string) => (await rest.get(path, tok ? { token: tok } : {})).status
    for (const c of ['job-slots', 'email-log', 'quota-reconcile-runs']) {
      expect([c, await status(c, admin), await status(c, manager), await status(c, editor), await status(c)]).toEqual([
        c,
        200,
        403,
        403,
        403,
      ])
    }
    const reports = await rest.get('quota-reports?depth=0', { token: manager })
    expect(reports.status).toBe(200)
    expect((reports.json.docs as Doc[]).length).toBeGreaterThan(0)
    expect(await status('quota-reports', editor)).toBe(403)
    const doc = (reports.json.docs as Array<Doc & { url: string }>)[0]!
    const file = await rest.raw(doc.url.replace(/^\/api\//, ''), { token: manager })
    expect(file.status).toBe(200)
    expect((await rest.raw(doc.url.replace(/^\/api\//, ''), { token: editor })).status).toBe(403)
    const forged = { slot: 'reconcile:2030-01-01', job: 'reconcile', status: 'done', attempts: 1 }
    expect((await rest.post('job-slots', forged, { token: admin })).status).toBe(403)
    // A report's numbers stay those of its day: a write to them is ignored, as Payload does for
    // fields the user may not update; the narrative, signer and sent mark are the managers' (reportDocument.test.ts).
    const titled = await rest.patch(`quota-reports/${doc.id}`, { title: 'x', issues: 'Ghi chú' }, { token: admin })
    expect(titled.status).toBe(200)
    expect((titled.json.doc as Doc).title).toBe(doc.title)
    expect((titled.json.doc as Doc).issues).toBe('Ghi chú')
    expect((await rest.patch(`quota-reports/${doc.id}`, { issues: 'x' }, { token: editor })).status).toBe(403)
  })
})

describe('nightly reconciliation', () => {
  it('stores the drift it finds before repairing it, and alerts the admins', async () => {
    const quiet = await count(`select count(*)::int as n from quota_reconcile_runs where drift = 0`)
    expect(quiet).toBeGreaterThan(0)
    expect(mailsAbout('Đối soát số liệu')).toHaveLength(0)
    await pool.query('update quota_tallies set count = count + 2 where id = (select min(id) from quota_tallies)')
    const r = await scheduler.runSlot('reconcile', 'reconcile:2026-11-22')
    expect(r).toMatchObject({ outcome: 'done', result: { drift: 1, repairedNow: true, alerted: 1 } })
    const run = (
      await payload.find({ collection: 'quota-reconcile-runs', where: { slot: { equals: 'reconcile:2026-11-22' } } })
    ).docs[0]
    expect(run).toMatchObject({ drift: 1, tallies: 1, ledgerMissing: 0, ledgerExtra: 0, repaired: true })
    await assertInvariants(pool)
    const alerts = mailsAbout('Đối soát số liệu ngày 22/11/2026: phát hiện 1 sai lệch')
    expect(alerts.map((m) => m.to)).toEqual([[users.admin?.email]])
    expect(
      (await payload.count({ collection: 'notifications', where: { kind: { equals: 'reconcile' } } })).totalDocs,
    ).toBe(1)
  })
})

describe('scheduled publishing', () => {
  it('runs the job queue under the per-minute slot, once, and nobody can run the queue over REST', async () => {
    const draft = (await payload.create({
      collection: 'articles',
      data: { title: 'Hẹn giờ' } as never,
      draft: true,
      user: users.editorA,
      overrideAccess: false,
    })) as unknown as Doc
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: 'articles', value: draft.id },
        user: { relationTo: 'users', value: users.editorA?.id },
      },
      waitUntil: new Date(Date.now() - 1000),
    } as never)
    const first = await scheduler.tick(at('2026-11-22T03:00:10Z'))
    expect(done(first, 'publish-scheduled:2026-11-22T10:00')).toMatchObject({ outcome: 'done', result: { ran: 1 } })
    expect((await payload.findByID({ collection: 'articles', id: draft.id }))._status).toBe('published')
    const again = await scheduler.tick(at('2026-11-22T03:00:50Z'))
    expect(again.map((o) => o.slot)).not.toContain('publish-scheduled:2026-11-22T10:00')
    const adminToken = await rest.login(String(users.admin?.email), 'test-Password-1')
    expect((await rest.get('payload-jobs/run', { token: adminToken })).status).toBe(401)
  })

  it('hands back a publish job that a crashed run left processing, after a lease', async () => {
    const draft = (await payload.create({
      collection: 'articles',
      data: { title: 'Bị treo' } as never,
      draft: true,
      user: users.editorA,
      overrideAccess: false,
    })) as unknown as Doc
    const job = await payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: 'articles', value: draft.id },
        user: { relationTo: 'users', value: users.editorA?.id },
      },
      waitUntil: new Date(Date.now() - 1000),
    } as never)
    // What Payload leaves behind when the process running the job dies: processing, forever.
    await pool.query(
      `update payload_jobs set processing = true, updated_at = now() - interval '1 second' where id = $1`,
      [job.id],
    )
    const held = await scheduler.tick(at('2026-11-22T03:01:10Z'))
    expect(done(held, 'publish-scheduled:2026-11-22T10:01')).toMatchObject({ result: { ran: 0, released: 0 } })
    expect((await payload.findByID({ collection: 'articles', id: draft.id }))._status).toBe('draft')
    await pool.query(`update payload_jobs set updated_at = now() - interval '1 hour' where id = $1`, [job.id])
    const freed = await scheduler.tick(at('2026-11-22T03:02:10Z'))
    expect(done(freed, 'publish-scheduled:2026-11-22T10:02')).toMatchObject({ result: { ran: 1, released: 1 } })
    expect((await payload.findByID({ collection: 'articles', id: draft.id }))._status).toBe('published')
  })
})

describe('started with the app', () => {
  it('a Payload with the scheduler enabled starts ticking on init and stops on destroy', async () => {
    const slot = 'reconcile:2026-11-26'
    const instance = await startPayloadOn(t.databaseUri, {
      instance: 'with-scheduler',
      config: {
        mail: { transport: mail.transport },
        scheduler: {
          enabled: true,
          cron: '* * * * * *',
          jobs: ['reconcile'],
          now: () => at('2026-11-25T19:00:00Z'),
        },
      },
    })
    try {
      const s = getScheduler(instance.payload)
      expect(s.running).toBe(true)
      const until = Date.now() + 15_000
      while ((await readSlots(payload, [slot])).get(slot)?.status !== 'done') {
        if (Date.now() > until) throw new Error(`${slot} was not run by the started scheduler`)
        await new Promise((r) => setTimeout(r, 200))
      }
      expect((await readSlots(payload, [slot])).get(slot)?.instance).toBe(s.instance)
    } finally {
      await instance.close()
    }
    expect(getScheduler(instance.payload).running).toBe(false)
  })
})

describe('several instances and a crash (worker processes)', () => {
  const dirs: string[] = []
  const emls = async (dir: string) => (await readdir(dir)).filter((f) => f.endsWith('.eml'))
  let trio: WorkerRun[] = []
  let trioOutbox: string
  const drafts: Doc[] = []

  // startReadyWorker: a worker that exits with code 13 while booting Payload under heavy load (a
  // rare flake of worker processes, see workerProcess.ts) is started again once, as elsewhere.
  const worker = (outbox: string, now: string, jobs: string, leaseMs: number) =>
    startReadyWorker(
      'test/int/helpers/workerScheduler.ts',
      [t.databaseUri, outbox, now, jobs, String(leaseMs)],
      {},
      (l) => l === 'READY',
      90_000,
    )
  function ready(w: WorkerRun) {
    const line = w.lines.find((l) => l.startsWith('UPLOADS '))
    if (line) dirs.push(line.slice('UPLOADS '.length))
  }
  async function waitFor(check: () => Promise<boolean>, ms: number, what: string) {
    const until = Date.now() + ms
    while (!(await check())) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
      await new Promise((r) => setTimeout(r, 100))
    }
  }

  beforeAll(async () => {
    const p3 = await makePlan('p3', 'KH-3P', { monthlyDay: 23, fixedDates: [] }, [users.m1!])
    const p4 = await makePlan('p4', 'KH-KILL', { monthlyDay: 24, fixedDates: [] }, [users.m2!])
    const unit = await payload.create({ collection: 'units', data: { name: 'Đơn vị nhiều tiến trình' } as never })
    await makeTask('p3', p3, '1', '2026-12-31', unit as unknown as Doc, 1)
    await makeTask('p4', p4, '1', '2026-12-31', unit as unknown as Doc, 1)
    trioOutbox = await mkdtemp(path.join(os.tmpdir(), 'outbox-3p-'))
    dirs.push(trioOutbox)
    for (const title of ['Hẹn 1', 'Hẹn 2', 'Hẹn 3']) {
      const d = (await payload.create({
        collection: 'articles',
        data: { title } as never,
        draft: true,
        user: users.editorA,
        overrideAccess: false,
      })) as unknown as Doc
      drafts.push(d)
      await payload.jobs.queue({
        task: 'schedulePublish',
        input: {
          type: 'publish',
          doc: { relationTo: 'articles', value: d.id },
          user: { relationTo: 'users', value: users.editorA?.id },
        },
        waitUntil: new Date(Date.now() - 1000),
      } as never)
    }
    // Booting dominates: the three boot together, and one of them is the crash test's victim after.
    const started = await Promise.allSettled(
      [0, 1, 2].map(() => worker(trioOutbox, '2026-11-23T01:00:00Z', 'quota-report,publish-scheduled', 5000)),
    )
    trio = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))
    trio.forEach(ready)
    const failed = started.find((r) => r.status === 'rejected')
    if (failed) throw failed.reason
  })

  afterAll(async () => {
    for (const w of trio) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL')
    for (const d of dirs) await rm(d, { recursive: true, force: true })
  })

  it('three instances with the same slot due make exactly one snapshot and one e-mail', async () => {
    for (const w of trio) w.send('go\n')
    await Promise.all(trio.map((w) => w.waitForLine((l) => l === 'STARTED', 10_000)))
    const slot = reportSlot('p3', '2026-11-23')
    const publishSlot = 'publish-scheduled:2026-11-23T08:00'
    await waitFor(
      async () => {
        const s = await readSlots(payload, [slot, publishSlot])
        return s.get(slot)?.status === 'done' && s.get(publishSlot)?.status === 'done'
      },
      30_000,
      'the report and publishing slots to be done',
    ).catch(async (err: Error) => {
      const states = JSON.stringify([...(await readSlots(payload, [slot, publishSlot])).values()])
      const out = trio.map((w, i) => `worker ${i}:\n${w.lines.join('\n')}\n${w.stderr().slice(-2000)}`).join('\n')
      throw new Error(`${err.message}\nslots: ${states}\n${out}`)
    })
    // Every worker keeps ticking every second with the slot still due: give them two more ticks.
    await new Promise((r) => setTimeout(r, 2500))
    // Two stop cleanly; the third lives on for the crash test.
    for (const w of trio.slice(1)) w.send('stop\n')
    for (const w of trio.slice(1)) expect((await w.exited(30_000)).code).toBe(0)

    expect(await snapshots(slot)).toBe(1)
    const files = await emls(trioOutbox)
    expect(files).toHaveLength(1)
    const eml = await readFile(path.join(trioOutbox, files[0]!), 'utf8')
    expect(eml).toContain(`To: ${String(users.m1?.email)}`)
    expect(eml).toMatch(/filename=.*bao-cao-kh-3p-2026-11-23\.xlsx/)
    expect((await readSlots(payload, [slot])).get(slot)).toMatchObject({ status: 'done', attempts: 1 })
    const ran = trio.flatMap((w) => w.lines.filter((l) => l === `OUTCOME done ${slot}`))
    expect(ran).toHaveLength(1)
    // Scheduled publishing ran once too: one published version per article.
    for (const d of drafts) {
      const published = await count(
        `select count(*)::int as n from _articles_v where parent_id = $1 and version__status = 'published'`,
        [d.id],
      )
      expect(published).toBe(1)
    }
  })

  it('a run killed mid-way (SIGKILL after the snapshot) is retried after its lease: one snapshot, one e-mail', async () => {
    // The survivor of the trio moves its clock to the next plan's reporting instant and dies
    // right after storing that report's snapshot, before mailing it.
    const killer = trio[0]!
    const mailedBefore = (await emls(trioOutbox)).length
    killer.send('crash snapshot-stored\n')
    await killer.waitForLine((l) => l === 'CRASH-AT snapshot-stored', 10_000)
    killer.send('now 2026-11-24T01:00:00Z\n')
    await killer.waitForLine((l) => l.startsWith('STEP snapshot-stored quota-report:'), 30_000)
    expect((await killer.exited(20_000)).signal).toBe('SIGKILL')
    const slot = reportSlot('p4', '2026-11-24')
    const dead = (await readSlots(payload, [slot])).get(slot)
    expect(dead).toMatchObject({ status: 'running', attempts: 1 })
    expect(await snapshots(slot)).toBe(1)
    expect(await emls(trioOutbox)).toHaveLength(mailedBefore)

    // Ticks go on; the slot is taken over only once the dead worker's lease has run out.
    const early = await scheduler.tick(at('2026-11-24T01:00:30Z'))
    await waitFor(async () => (await readSlots(payload, [slot])).get(slot)?.leaseExpired === true, 15_000, 'the lease')
    const retry = await scheduler.tick(at('2026-11-24T01:01:00Z'))
    const outcome = done(early, slot) ?? done(retry, slot)
    const retried = (await readSlots(payload, [slot])).get(slot)
    expect(Date.parse(String(retried?.claimedAt))).toBeGreaterThanOrEqual(Date.parse(String(dead?.leaseExpiresAt)))
    expect(outcome).toMatchObject({ outcome: 'done', attempt: 2, result: { email: 'sent' } })
    expect(await snapshots(slot)).toBe(1)
    const mails = mailsAbout('[KH-KILL]')
    expect(mails).toHaveLength(1)
    expect(mails[0]?.attachments.map((a) => a.filename)).toEqual([
      'bao-cao-kh-kill-2026-11-24.xlsx',
      'bao-cao-kh-kill-2026-11-24.docx',
    ])
    expect(await emls(trioOutbox)).toHaveLength(mailedBefore)
    const log = await pool.query('select status, attempts::int from email_log where key = $1', [slot])
    expect(log.rows).toEqual([{ status: 'sent', attempts: 1 }])
  })
})

describe('npm run job (CLI)', () => {
  const cli = (args: string[], env: Record<string, string> = {}) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', './src/cli/register.mjs', 'src/cli/runJob.ts', ...args], {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URI: t.databaseUri,
          PAYLOAD_SECRET: 'cli-test-secret',
          UPLOADS_DIR: t.uploadsDir,
          ...env,
        },
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
      child.on('close', (status) => resolve({ status, stdout, stderr }))
    })

  it('rejects a malformed slot with exit 2 and says what is expected', async () => {
    const bad = await cli(['quota-report', '--slot', 'plan-7:2026-13-01'])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('expected quota-report:plan-<id>:YYYY-MM-DD')
    expect(bad.stderr).toContain(
      'Usage: npm run job -- <quota-report|deadline-alerts|reconcile|publish-scheduled|planned-reminders|prune-imports> --slot <slot>',
    )
  })

  it('runs a new slot by hand, and finds a slot the scheduler did already done without redoing anything', async () => {
    const outbox = await mkdtemp(path.join(os.tmpdir(), 'outbox-cli-'))
    try {
      const slot = reportSlot('p2', '2026-11-22')
      const doneSlot = reportSlot('p1', '2026-11-20')
      const env = { MAIL_OUTBOX_DIR: outbox }
      // Two processes at once (each boots the whole app; together they take about one boot's time).
      const [first, again] = await Promise.all([
        cli(['quota-report', '--slot', slot], env),
        cli(['quota-report', '--slot', `plan-${plans.p1?.id}:2026-11-20`], env),
      ])
      expect(first.stderr).toContain(`${slot} done (attempt 1)`)
      expect(first.status).toBe(0)
      // stdout carries Payload's log lines too; the result is the pretty-printed JSON among them.
      expect(first.stdout).toContain('"email": "sent"')
      expect(first.stdout).toContain('"asOf": "2026-11-22"')
      expect(await snapshots(slot)).toBe(1)
      expect(again.status).toBe(0)
      expect(again.stderr).toContain(`${doneSlot} was already done`)
      expect(await snapshots(doneSlot)).toBe(1)
      expect((await readSlots(payload, [doneSlot])).get(doneSlot)).toMatchObject({ status: 'done', attempts: 1 })
      expect((await readdir(outbox)).filter((f) => f.endsWith('.eml'))).toHaveLength(1)
    } finally {
      await rm(outbox, { recursive: true, force: true })
    }
  })
})
