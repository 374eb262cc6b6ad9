import { describe, expect, it } from 'vitest'
import { parseJobArgs } from '../../src/cli/jobArgs'
import { alertWindowDays, mailSettings, schedulerEnabled } from '../../src/config/env'
import { PluginConfigError, resolveOptions } from '../../src/plugin/options'
import {
  deadlineAlertMail,
  driftAlertMail,
  formatViNumber,
  reportHeadline,
  reportMail,
} from '../../src/domain/mailText'
import {
  dueDaily,
  dueReports,
  fixedDateIn,
  minuteSlot,
  parseSlot,
  reportOccasions,
  selectDeadlineAlerts,
  wallClock,
  zonedInstant,
  type AlertTaskInput,
  type SchedulablePlan,
} from '../../src/domain/schedule'

const at = (iso: string) => new Date(iso)
const plan = (over: Partial<SchedulablePlan> = {}): SchedulablePlan => ({
  id: 7,
  status: 'active',
  periodFrom: null,
  periodTo: null,
  schedule: { monthlyDay: 20, fixedDates: [] },
  ...over,
})

describe('wall clock in Asia/Ho_Chi_Minh', () => {
  it('08:00 ICT on the 20th is 01:00 UTC', () => {
    expect(zonedInstant('2026-11-20', { hour: 8, minute: 0 }).toISOString()).toBe('2026-11-20T01:00:00.000Z')
  })
  it('02:00 ICT is still the previous day in UTC', () => {
    expect(zonedInstant('2026-01-01', { hour: 2, minute: 0 }).toISOString()).toBe('2025-12-31T19:00:00.000Z')
  })
  it('works for a zone with daylight saving (no hard-coded +7)', () => {
    expect(zonedInstant('2026-07-01', { hour: 8, minute: 0 }, 'Europe/Paris').toISOString()).toBe(
      '2026-07-01T06:00:00.000Z',
    )
    expect(zonedInstant('2026-01-15', { hour: 8, minute: 0 }, 'Europe/Paris').toISOString()).toBe(
      '2026-01-15T07:00:00.000Z',
    )
  })
  it('reads an instant as the local day and time', () => {
    expect(wallClock(at('2026-11-19T17:30:00Z'))).toEqual({ day: '2026-11-20', hour: 0, minute: 30, second: 0 })
  })
  it('rejects a day that does not exist', () => {
    expect(() => zonedInstant('2026-02-30', { hour: 8, minute: 0 })).toThrow(/calendar day/)
  })
})

describe('reporting days', () => {
  it('monthly on the 20th, every month across a year end', () => {
    const days = reportOccasions({ monthlyDay: 20, fixedDates: [] }, '2026-11-01', '2027-02-28').map((o) => o.day)
    expect(days).toEqual(['2026-11-20', '2026-12-20', '2027-01-20', '2027-02-20'])
  })
  it('semiannual 20/6 and 20/12 merge with the monthly report of that day', () => {
    const occ = reportOccasions(
      {
        monthlyDay: 20,
        fixedDates: [
          { day: 20, month: 6, label: 'Báo cáo 6 tháng' },
          { day: 20, month: 12, label: 'Báo cáo năm' },
        ],
      },
      '2026-06-01',
      '2026-12-31',
    )
    expect(occ).toHaveLength(7)
    expect(occ[0]).toEqual({ day: '2026-06-20', labels: ['Báo cáo tháng 6/2026', 'Báo cáo 6 tháng'] })
    expect(occ[6]).toEqual({ day: '2026-12-20', labels: ['Báo cáo tháng 12/2026', 'Báo cáo năm'] })
  })
  it('custom internal dates 10/6 and 15/12 without a monthly report', () => {
    const occ = reportOccasions(
      {
        monthlyDay: null,
        fixedDates: [
          { day: 10, month: 6 },
          { day: 15, month: 12 },
        ],
      },
      '2026-01-01',
      '2027-12-31',
    )
    expect(occ.map((o) => o.day)).toEqual(['2026-06-10', '2026-12-15', '2027-06-10', '2027-12-15'])
    expect(occ[0]?.labels).toEqual(['Báo cáo định kỳ (hạn 10/6)'])
  })
  it('29/2 falls on 28/2 in a common year and on 29/2 in a leap year', () => {
    expect(fixedDateIn(2027, { day: 29, month: 2 })).toBe('2027-02-28')
    expect(fixedDateIn(2028, { day: 29, month: 2 })).toBe('2028-02-29')
    expect(fixedDateIn(2100, { day: 29, month: 2 })).toBe('2100-02-28')
    expect(fixedDateIn(2000, { day: 29, month: 2 })).toBe('2000-02-29')
  })
})

describe('due report slots', () => {
  const hour = (iso: string, hours: number) => ({
    after: at(iso),
    upTo: new Date(at(iso).getTime() + hours * 3_600_000),
  })

  it('fires on the 20th at 08:00 ICT (01:00Z) and not a minute before', () => {
    expect(dueReports([plan()], { after: at('2026-11-19T01:00:00Z'), upTo: at('2026-11-20T00:59:59Z') })).toEqual([])
    const due = dueReports([plan()], { after: at('2026-11-20T00:59:00Z'), upTo: at('2026-11-20T01:00:00Z') })
    expect(due).toEqual([
      {
        slot: 'quota-report:plan-7:2026-11-20',
        plan: 7,
        day: '2026-11-20',
        fireAt: at('2026-11-20T01:00:00Z'),
        labels: ['Báo cáo tháng 11/2026'],
      },
    ])
  })
  it('does not report a day before the plan was entered (a catch-up right after saving a plan)', () => {
    const window = { after: at('2026-11-19T01:00:00Z'), upTo: at('2026-11-21T01:00:00Z') }
    expect(dueReports([{ ...plan(), createdOn: '2026-11-21' }], window)).toEqual([])
    expect(dueReports([{ ...plan(), createdOn: '2026-11-20' }], window).map((d) => d.day)).toEqual(['2026-11-20'])
  })
  it('the window is half-open: a tick at exactly the fire instant owns it, the next one does not', () => {
    expect(dueReports([plan()], { after: at('2026-11-20T01:00:00Z'), upTo: at('2026-11-20T01:01:00Z') })).toEqual([])
  })
  it('a 24-hour catch-up window still finds a report whose instant was missed', () => {
    const due = dueReports([plan()], hour('2026-11-20T00:00:00Z', 24))
    expect(due.map((d) => d.slot)).toEqual(['quota-report:plan-7:2026-11-20'])
  })
  it('month ends: a window across 31/1 → 1/2 and 31/12 → 1/1 finds nothing extra', () => {
    expect(dueReports([plan()], hour('2027-01-30T00:00:00Z', 72))).toEqual([])
    expect(dueReports([plan()], hour('2026-12-30T00:00:00Z', 72))).toEqual([])
    const p = plan({
      schedule: {
        monthlyDay: 28,
        fixedDates: [
          { day: 31, month: 12 },
          { day: 1, month: 1 },
        ],
      },
    })
    expect(dueReports([p], hour('2026-12-30T00:00:00Z', 72)).map((d) => d.day)).toEqual(['2026-12-31', '2027-01-01'])
  })
  it('fires 20/6 and 20/12 for a semiannual plan, one slot for the coinciding monthly report', () => {
    const p = plan({
      schedule: {
        monthlyDay: 20,
        fixedDates: [
          { day: 20, month: 6 },
          { day: 20, month: 12 },
        ],
      },
    })
    const june = dueReports([p], hour('2026-06-20T00:30:00Z', 1))
    expect(june.map((d) => [d.slot, d.fireAt.toISOString()])).toEqual([
      ['quota-report:plan-7:2026-06-20', '2026-06-20T01:00:00.000Z'],
    ])
    expect(june[0]?.labels).toHaveLength(2)
    expect(dueReports([p], hour('2026-12-20T00:30:00Z', 1)).map((d) => d.day)).toEqual(['2026-12-20'])
  })
  it('a plan with custom dates 10/6 and 15/12 fires on those and on no 20th', () => {
    const p = plan({
      id: 9,
      schedule: {
        monthlyDay: null,
        fixedDates: [
          { day: 10, month: 6 },
          { day: 15, month: 12 },
        ],
      },
    })
    const year = { after: at('2025-12-31T17:00:00Z'), upTo: at('2026-12-31T17:00:00Z') }
    expect(dueReports([p], year).map((d) => [d.slot, d.fireAt.toISOString()])).toEqual([
      ['quota-report:plan-9:2026-06-10', '2026-06-10T01:00:00.000Z'],
      ['quota-report:plan-9:2026-12-15', '2026-12-15T01:00:00.000Z'],
    ])
  })
  it('leap years: 29/2 fires on 29/2/2028 and on 28/2/2027', () => {
    const p = plan({ schedule: { monthlyDay: null, fixedDates: [{ day: 29, month: 2 }] } })
    expect(dueReports([p], hour('2027-02-28T00:00:00Z', 2)).map((d) => d.day)).toEqual(['2027-02-28'])
    expect(dueReports([p], hour('2028-02-28T00:00:00Z', 2))).toEqual([])
    expect(dueReports([p], hour('2028-02-29T00:00:00Z', 2)).map((d) => d.day)).toEqual(['2028-02-29'])
  })
  it('only active plans, only inside the plan period', () => {
    const window = { after: at('2026-01-01T00:00:00Z'), upTo: at('2026-12-31T00:00:00Z') }
    expect(dueReports([plan({ status: 'draft' }), plan({ status: 'closed' })], window)).toEqual([])
    const bounded = plan({ periodFrom: '2026-07-01', periodTo: '2026-09-20' })
    expect(dueReports([bounded], window).map((d) => d.day)).toEqual(['2026-07-20', '2026-08-20', '2026-09-20'])
  })
  it('several plans are ordered by fire time, then plan', () => {
    const a = plan({ id: 2, schedule: { monthlyDay: 20, fixedDates: [] } })
    const b = plan({ id: 1, schedule: { monthlyDay: 19, fixedDates: [] } })
    const c = plan({ id: 0, schedule: { monthlyDay: 20, fixedDates: [] } })
    expect(dueReports([a, b, c], hour('2026-11-18T12:00:00Z', 48)).map((d) => d.slot)).toEqual([
      'quota-report:plan-1:2026-11-19',
      'quota-report:plan-0:2026-11-20',
      'quota-report:plan-2:2026-11-20',
    ])
  })
  it('an empty or inverted window is due nothing', () => {
    expect(dueReports([plan()], { after: at('2026-11-20T02:00:00Z'), upTo: at('2026-11-20T00:00:00Z') })).toEqual([])
  })
})

describe('daily and per-minute slots', () => {
  it('alerts at 07:00 ICT and reconciliation at 02:00 ICT, each once a day', () => {
    const window = { after: at('2026-11-19T17:00:00Z'), upTo: at('2026-11-20T17:00:00Z') }
    expect(dueDaily('deadline-alerts', { hour: 7, minute: 0 }, window)).toEqual([
      { slot: 'deadline-alerts:2026-11-20', day: '2026-11-20', fireAt: at('2026-11-20T00:00:00Z') },
    ])
    expect(dueDaily('reconcile', { hour: 2, minute: 0 }, window).map((d) => d.fireAt.toISOString())).toEqual([
      '2026-11-19T19:00:00.000Z',
    ])
  })
  it('names the minute on the local clock', () => {
    expect(minuteSlot('publish-scheduled', at('2026-11-20T01:01:59Z'))).toBe('publish-scheduled:2026-11-20T08:01')
    expect(minuteSlot('publish-scheduled', at('2026-12-31T16:59:00Z'))).toBe('publish-scheduled:2026-12-31T23:59')
    expect(minuteSlot('publish-scheduled', at('2026-12-31T17:00:00Z'))).toBe('publish-scheduled:2027-01-01T00:00')
  })
})

describe('slot keys', () => {
  it('reads full keys and bare periods', () => {
    expect(parseSlot('quota-report', 'quota-report:plan-7:2026-11-20')).toEqual({
      ok: true,
      job: 'quota-report',
      slot: 'quota-report:plan-7:2026-11-20',
      plan: 7,
      day: '2026-11-20',
    })
    expect(parseSlot('quota-report', 'plan-7:2026-11-20')).toMatchObject({
      ok: true,
      slot: 'quota-report:plan-7:2026-11-20',
    })
    expect(parseSlot('reconcile', '2026-11-20')).toMatchObject({ ok: true, slot: 'reconcile:2026-11-20' })
    expect(parseSlot('publish-scheduled', '2026-11-20T08:01')).toMatchObject({ ok: true, time: { hour: 8, minute: 1 } })
  })
  it('rejects unknown jobs and malformed or impossible periods with the expected format', () => {
    expect(parseSlot('monthly', '2026-11')).toEqual({
      ok: false,
      message: expect.stringMatching(/Unknown job "monthly"/),
    })
    for (const [job, slot] of [
      ['quota-report', 'quota-report:plan-x:2026-11-20'],
      ['quota-report', 'plan-0:2026-11-20'],
      ['quota-report', 'plan-7:2026-02-30'],
      ['quota-report', 'reconcile:2026-11-20'],
      ['reconcile', '2026-11'],
      ['deadline-alerts', 'quota-report:plan-7:2026-11-20'],
      ['publish-scheduled', '2026-11-20T24:00'],
      ['publish-scheduled', '2026-11-20'],
    ] as const) {
      const r = parseSlot(job, slot)
      expect(r.ok, `${job} ${slot}`).toBe(false)
      if (!r.ok) expect(r.message).toContain(`expected ${job}:`)
    }
  })
})

describe('deadline alert selection', () => {
  const target = (status: AlertTaskInput['targets'][number]['status'], to: string | null) => ({
    kind: 'content',
    label: null,
    status,
    target: 10,
    achieved: 3,
    window: to ? { from: '2026-01-01', to } : null,
  })
  const task = (id: number, ...targets: AlertTaskInput['targets']): AlertTaskInput => ({
    id,
    code: String(id),
    title: `Task ${id}`,
    leadUnits: [{ id: 1, name: 'Trung tâm' }],
    targets,
  })
  const today = '2026-11-20'

  it('alerts at-risk and behind targets due within the window, overdue ones for the window after', () => {
    const alerts = selectDeadlineAlerts(
      [
        task(1, target('at-risk', '2026-11-27')), // 7 days left: in
        task(2, target('behind', '2026-11-28')), // 8 days: out
        task(3, target('on-track', '2026-11-21'), target('done', '2026-11-20')), // fine: out
        task(4, target('overdue', '2026-11-13')), // 7 days overdue: in
        task(5, target('overdue', '2026-11-12')), // 8 days overdue: out
        task(6, target('behind', '2026-11-20')), // due today: in
        task(7, target('behind', null)), // no window: out
        task(8, target('at-risk', '2026-11-25'), target('behind', '2026-11-22'), target('on-track', '2026-11-21')),
      ],
      today,
      7,
    )
    expect(alerts.map((a) => [a.task, a.due, a.daysLeft, a.status, a.targets.length])).toEqual([
      [4, '2026-11-13', -7, 'overdue', 1],
      [6, '2026-11-20', 0, 'behind', 1],
      [8, '2026-11-22', 2, 'behind', 2],
      [1, '2026-11-27', 7, 'at-risk', 1],
    ])
  })
  it('the window is configurable', () => {
    const tasks = [task(1, target('at-risk', '2026-11-22'))]
    expect(selectDeadlineAlerts(tasks, today, 1)).toEqual([])
    expect(selectDeadlineAlerts(tasks, today, 2)).toHaveLength(1)
  })
})

describe('mail text', () => {
  const report = {
    plan: { code: 'KH-7', title: 'Kế hoạch <thử>' },
    asOf: '2026-11-20',
    labels: ['Báo cáo tháng 11/2026'],
    tasks: [
      {
        code: '1',
        title: 'Một',
        deadline: '2026-11-30',
        targets: [
          { status: 'behind' as const, kind: 'content', achieved: 617, target: 1234 },
          { status: 'done' as const, kind: 'deliverable', achieved: 1, target: 1 },
        ],
      },
      {
        code: '2',
        title: 'Hai',
        deadline: null,
        targets: [{ status: 'on-track' as const, kind: 'deliverable', achieved: 0, target: 1 }],
      },
    ],
    link: 'https://cms.example.gov.vn/admin/collections/quota-reports/3',
  }
  it('formats numbers the Vietnamese way', () => {
    expect(formatViNumber(1234.56)).toBe('1.234,6')
    expect(formatViNumber(50)).toBe('50')
    expect(formatViNumber(0)).toBe('0')
  })
  it('the report mail carries the headline numbers in Vietnamese, escaped in HTML', () => {
    const m = reportMail(report)
    // Each kind in its own unit: 617 articles are never added to a handed-in report.
    expect(m.subject).toBe(
      '[KH-7] Báo cáo tháng 11/2026 — tiến độ đến ngày 20/11/2026: 617/1.234 sản phẩm, 1/2 báo cáo đã nộp',
    )
    expect(m.text).toContain('Sản phẩm truyền thông (tin bài, infographic, video): đã đạt 617/1.234 (50%).')
    expect(m.text).toContain('Báo cáo, văn bản đã nộp: 1/2.')
    expect(m.text).not.toMatch(/Tổng chỉ tiêu/)
    expect(m.text).toContain('Hoàn thành: 1; Đúng tiến độ: 1; Có nguy cơ chậm: 0; Chậm tiến độ: 1; Quá hạn: 0')
    expect(m.text).toContain('- 1. Một — Chậm tiến độ (hạn 30/11/2026)')
    expect(m.html).toContain('Kế hoạch &#60;thử&#62;')
    expect(m.html).not.toContain('<thử>')
    expect(reportHeadline(report).attention).toEqual([
      { code: '1', title: 'Một', deadline: '2026-11-30', status: 'behind' },
    ])
  })
  it('deadline alert and drift mails say what and when', () => {
    const [alert] = selectDeadlineAlerts(
      [
        {
          id: 5,
          code: 'III.1',
          title: 'Tuyên truyền',
          leadUnits: [{ id: 1, name: 'Vụ A' }],
          targets: [
            {
              kind: 'content',
              label: null,
              status: 'at-risk',
              target: 20,
              achieved: 12,
              window: { from: '2026-11-01', to: '2026-11-23' },
            },
          ],
        },
      ],
      '2026-11-20',
      7,
    )
    if (!alert) throw new Error('expected an alert')
    const m = deadlineAlertMail(alert, 'KH-7', null)
    expect(m.subject).toBe('[KH-7] Cảnh báo hạn: Nhiệm vụ III.1 có nguy cơ chậm, còn 3 ngày đến hạn 23/11/2026')
    expect(m.text).toContain('Kính gửi Vụ A,')
    expect(m.text).toContain('- Chỉ tiêu nội dung: đạt 12/20 — Có nguy cơ chậm (hạn 23/11/2026)')
    const d = driftAlertMail({ day: '2026-11-20', tallies: 2, ledgerMissing: 1, ledgerExtra: 0, repaired: true }, null)
    expect(d.subject).toBe('Đối soát số liệu ngày 20/11/2026: phát hiện 3 sai lệch')
    expect(d.text).toContain('Hệ thống đã tự sửa về số đúng.')
  })
})

describe('npm run job arguments', () => {
  it('reads the job and its slot, full or bare', () => {
    expect(parseJobArgs(['quota-report', '--slot', 'quota-report:plan-7:2026-11-20'])).toEqual({
      ok: true,
      name: 'quota-report',
      slot: 'quota-report:plan-7:2026-11-20',
    })
    expect(parseJobArgs(['reconcile', '--slot=2026-11-20'])).toEqual({
      ok: true,
      name: 'reconcile',
      slot: 'reconcile:2026-11-20',
    })
  })
  it('names what is wrong', () => {
    expect(parseJobArgs([])).toEqual({ ok: false, message: 'the job name is missing' })
    expect(parseJobArgs(['reconcile'])).toEqual({ ok: false, message: '--slot is missing' })
    expect(parseJobArgs(['reconcile', '--slot'])).toEqual({ ok: false, message: '--slot needs a value' })
    expect(parseJobArgs(['reconcile', '--slot', '2026-11-20', '--force'])).toEqual({
      ok: false,
      message: 'unknown option --force',
    })
    expect(parseJobArgs(['reconcile', 'extra', '--slot', '2026-11-20'])).toEqual({
      ok: false,
      message: 'unexpected argument "extra"',
    })
    expect(parseJobArgs(['monthly-report', '--slot', 'x'])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Unknown job/),
    })
  })
})

describe('scheduler options', () => {
  const resolve = (scheduler: Record<string, unknown>) => () => resolveOptions({ scheduler } as never, '/tmp')
  it('defaults: every job, every minute, 10-minute lease, 08:00 reports, 7-day alerts, off until enabled', () => {
    const s = resolveOptions({}, '/tmp').scheduler
    expect(s).toMatchObject({
      enabled: false,
      jobs: ['quota-report', 'deadline-alerts', 'reconcile', 'publish-scheduled', 'planned-reminders', 'prune-imports'],
      cron: '* * * * *',
      timeZone: 'Asia/Ho_Chi_Minh',
      leaseMs: 600_000,
      maxAttempts: 5,
      alertWindowDays: 7,
      reportTime: { hour: 8, minute: 0 },
    })
  })
  it('rejects nonsense at start-up, naming the option', () => {
    expect(resolve({ jobs: ['monthly'] })).toThrow(PluginConfigError)
    expect(resolve({ jobs: ['monthly'] })).toThrow(/scheduler\.jobs names "monthly"/)
    expect(resolve({ cron: 'every minute' })).toThrow(/scheduler\.cron "every minute" is not a cron expression/)
    expect(resolve({ leaseMs: 10 })).toThrow(/scheduler\.leaseMs must be a whole number from 500/)
    expect(resolve({ alertWindowDays: 7.5 })).toThrow(/scheduler\.alertWindowDays/)
    expect(resolve({ reportTime: { hour: 24, minute: 0 } })).toThrow(/scheduler\.reportTime\.hour/)
    expect(resolve({ now: 'tomorrow' })).toThrow(/scheduler\.now must be a function/)
  })
})

describe('environment switches', () => {
  const withEnv = (env: Record<string, string | undefined>, fn: () => unknown) => {
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]))
    Object.assign(process.env, env)
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k]
    try {
      return fn()
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k]
        else process.env[k] = v
      }
    }
  }
  it('SCHEDULER: on in production by default, off elsewhere, and only on/off accepted', () => {
    expect(withEnv({ SCHEDULER: undefined, NODE_ENV: 'production' }, schedulerEnabled)).toBe(true)
    expect(withEnv({ SCHEDULER: undefined, NODE_ENV: 'test' }, schedulerEnabled)).toBe(false)
    expect(withEnv({ SCHEDULER: 'off', NODE_ENV: 'production' }, schedulerEnabled)).toBe(false)
    expect(withEnv({ SCHEDULER: 'on', NODE_ENV: 'test' }, schedulerEnabled)).toBe(true)
    expect(() => withEnv({ SCHEDULER: 'sometimes' }, schedulerEnabled)).toThrow(/SCHEDULER must be "on" or "off"/)
  })
  it('SCHEDULER_ALERT_DAYS and SMTP_PORT are checked', () => {
    expect(withEnv({ SCHEDULER_ALERT_DAYS: undefined }, alertWindowDays)).toBe(7)
    expect(withEnv({ SCHEDULER_ALERT_DAYS: '14' }, alertWindowDays)).toBe(14)
    expect(() => withEnv({ SCHEDULER_ALERT_DAYS: 'week' }, alertWindowDays)).toThrow(/SCHEDULER_ALERT_DAYS/)
    expect(withEnv({ SMTP_HOST: undefined }, () => mailSettings('/srv').smtp)).toBeNull()
    expect(
      withEnv(
        { SMTP_HOST: undefined, MAIL_OUTBOX_DIR: undefined, DATA_DIR: undefined },
        () => mailSettings('/srv').outboxDir,
      ),
    ).toBe('/srv/.data/outbox')
    // A second instance with its own DATA_DIR (the browser e2e suite) keeps its mail to itself.
    expect(
      withEnv(
        { SMTP_HOST: undefined, MAIL_OUTBOX_DIR: undefined, DATA_DIR: '.data/e2e' },
        () => mailSettings('/srv').outboxDir,
      ),
    ).toBe('/srv/.data/e2e/outbox')
    expect(withEnv({ SMTP_HOST: 'smtp.gov.vn', SMTP_PORT: '465' }, () => mailSettings('/srv').smtp)).toMatchObject({
      host: 'smtp.gov.vn',
      port: 465,
      secure: true,
    })
    expect(() => withEnv({ SMTP_HOST: 'smtp.gov.vn', SMTP_PORT: 'x' }, () => mailSettings('/srv'))).toThrow(/SMTP_PORT/)
  })
})
