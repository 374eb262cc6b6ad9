import { describe, expect, it } from 'vitest'
import { ATTAINMENT_FIELDS } from '../../src/domain/quota'
import type { ReportTarget } from '../../src/domain/reportAssembly'
import { csvCell, quotaReportCsv, reportCsv, reportCsvRows, targetLabel } from '../../src/domain/reportCsv'
import { parsePeriodicReportParams, parseReportParams, parseTaskParams } from '../../src/domain/reportParams'

describe('report parameters', () => {
  const today = '2025-08-15'
  it('defaults asOf to today and format to json', () => {
    expect(parseReportParams({ plan: '7' }, today)).toEqual({
      ok: true,
      params: { plan: 7, asOf: today, unit: null, format: 'json' },
    })
    expect(parseReportParams({ plan: '7', asOf: '2025-09-01', unit: '3', format: 'CSV' }, today)).toEqual({
      ok: true,
      params: { plan: 7, asOf: '2025-09-01', unit: 3, format: 'csv' },
    })
  })
  it('names the parameter of every problem', () => {
    const field = (q: Record<string, unknown>) => {
      const r = parseReportParams(q, today)
      return r.ok ? null : r.field
    }
    expect(field({})).toBe('plan')
    expect(field({ plan: 'abc' })).toBe('plan')
    expect(field({ plan: '0' })).toBe('plan')
    expect(field({ plan: '1; drop table plans' })).toBe('plan')
    expect(field({ plan: '1', asOf: '2025-02-30' })).toBe('asOf')
    expect(field({ plan: '1', asOf: '15/8/2025' })).toBe('asOf')
    expect(field({ plan: '1', unit: '-2' })).toBe('unit')
    expect(field({ plan: '1', format: 'xml' })).toBe('format')
    expect(field({ plan: '1', format: 'xlsx' })).toBeNull()
    expect(field({ plan: '1', format: 'DOCX' })).toBeNull()
    expect(field({ plan: '1', format: 'pdf' })).toBeNull()
    expect(field({ plan: '1', format: 'odt' })).toBe('format')
    const periodic = (q: Record<string, unknown>) => {
      const r = parsePeriodicReportParams(q)
      return r.ok ? r.params : r.field
    }
    expect(periodic({})).toBe('id')
    expect(periodic({ id: 'x' })).toBe('id')
    expect(periodic({ id: '3', format: 'xlsx' })).toBe('format')
    expect(periodic({ id: '3' })).toEqual({ id: 3, format: 'docx' })
    expect(periodic({ id: '3', format: 'PDF' })).toEqual({ id: 3, format: 'pdf' })
    expect(field({ plan: ['1', '2'] })).toBe('plan')
  })
  it("the drill-down's page is the first unless asked, and a whole number from 1", () => {
    const task = (q: Record<string, unknown>) => {
      const r = parseTaskParams(q, today)
      return r.ok ? r.params : r.field
    }
    expect(task({ task: '4' })).toEqual({ task: 4, asOf: today, page: 1 })
    expect(task({ task: '4', page: '3' })).toEqual({ task: 4, asOf: today, page: 3 })
    expect(task({ task: '4', page: '' })).toEqual({ task: 4, asOf: today, page: 1 })
    for (const page of ['0', '-1', '1.5', 'two', '99999999999']) expect(task({ task: '4', page })).toBe('page')
  })
})

describe('report CSV', () => {
  it('quotes, neutralises formulas, starts with a BOM and uses Vietnamese headers and statuses', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvCell(-3)).toBe('-3')
    expect(csvCell(null)).toBe('')
    const csv = reportCsv([
      {
        taskCode: '1',
        taskTitle: 'Truyền thông, chuyển đổi số',
        deadline: '2025-08-30',
        targetId: 't1',
        targetLabel: '20 tin',
        kind: 'content',
        mode: 'pooled',
        target: 20,
        achieved: 8,
        late: 0,
        percent: 40,
        remaining: 12,
        expected: 10.5,
        status: 'at-risk',
        channels: {},
      },
    ])
    expect(csv.startsWith('\uFEFFMã nhiệm vụ,Nhiệm vụ,')).toBe(true)
    expect(csv).toContain(
      '\r\n1,"Truyền thông, chuyển đổi số",2025-08-30,t1,20 tin,content,pooled,20,8,0,40,12,10.5,Có nguy cơ chậm\r\n',
    )
  })
})

describe('report CSV rows', () => {
  const target = (over: Partial<ReportTarget>): ReportTarget => ({
    id: 'a',
    kind: 'content',
    label: null,
    contentTypes: ['articles'],
    channels: [1, 2],
    mode: 'pooled',
    window: { from: '2025-07-01', to: '2025-08-30' },
    target: 20,
    achieved: 8,
    late: 1,
    percent: 40,
    remaining: 12,
    expected: 10.5,
    status: 'at-risk',
    byChannel: [
      { channel: 1, achieved: 8, quota: null },
      { channel: 2, achieved: 0, quota: null },
    ],
    ...over,
  })

  it('one row per task × target with exactly the attainment numbers, in report order', () => {
    const rows = reportCsvRows({
      tasks: [
        {
          id: 1,
          code: 'I.1',
          title: 'A',
          deadline: '2025-08-30',
          recurring: false,
          leadUnits: [],
          targets: [
            target({}),
            target({
              id: 'b',
              kind: 'deliverable',
              mode: null,
              target: 1,
              achieved: 1,
              status: 'done',
              channels: [],
              contentTypes: [],
              byChannel: [],
            }),
          ],
        },
        { id: 2, code: 'I.2', title: 'B', deadline: null, recurring: true, leadUnits: [], targets: [] },
      ],
      channels: [
        { id: 1, name: 'Cổng TTĐT' },
        { id: 2, name: 'VnExpress' },
      ],
    })
    expect(rows).toEqual([
      {
        taskCode: 'I.1',
        taskTitle: 'A',
        deadline: '2025-08-30',
        targetId: 'a',
        targetLabel: '20 sản phẩm (tin bài) trên: Cổng TTĐT, VnExpress',
        channels: { 1: { quota: null, achieved: 8 }, 2: { quota: null, achieved: 0 } },
        kind: 'Số lượng nội dung',
        mode: 'Tổng trên các kênh',
        target: 20,
        achieved: 8,
        late: 1,
        percent: 40,
        remaining: 12,
        expected: 10.5,
        status: 'at-risk',
      },
      expect.objectContaining({
        targetId: 'b',
        targetLabel: 'Sản phẩm / báo cáo',
        kind: 'Sản phẩm / báo cáo',
        mode: '',
        target: 1,
        achieved: 1,
        status: 'done',
        channels: {},
      }),
    ])
  })

  it('tells several targets of one task apart by id and label, with a quota and a count per channel', () => {
    const report = {
      channels: [
        { id: 1, name: 'Cổng TTĐT' },
        { id: 2, name: 'Fanpage' },
      ],
      tasks: [
        {
          id: 1,
          code: '3',
          title: 'Tin bài',
          deadline: '2025-08-30',
          recurring: false,
          leadUnits: [],
          targets: [
            target({
              id: 'p',
              label: 'Tin trên cổng',
              channels: [1],
              byChannel: [{ channel: 1, achieved: 8, quota: null }],
            }),
            target({
              id: 'q',
              mode: 'perChannel',
              target: 10,
              achieved: 7,
              channels: [1, 2],
              byChannel: [
                { channel: 1, achieved: 9, quota: 5 },
                { channel: 2, achieved: 2, quota: 5 },
              ],
            }),
          ],
        },
      ],
    }
    const lines = quotaReportCsv(report).slice(1).trimEnd().split('\r\n')
    const header = lines[0]!.split(',')
    expect(header.slice(-4)).toEqual([
      'Cổng TTĐT [kênh 1]: chỉ tiêu mỗi kênh',
      'Cổng TTĐT [kênh 1]: đã đạt',
      'Fanpage [kênh 2]: chỉ tiêu mỗi kênh',
      'Fanpage [kênh 2]: đã đạt',
    ])
    // The pooled target has no per-channel quota and no cell for a channel it does not use.
    expect(lines[1]).toMatch(/^3,Tin bài,2025-08-30,p,Tin trên cổng,.*,,8,,$/)
    expect(lines[2]).toContain('3,Tin bài,2025-08-30,q,"5 sản phẩm (tin bài) mỗi kênh trên: Cổng TTĐT, Fanpage",')
    expect(lines[2]!.endsWith(',5,9,5,2')).toBe(true)
    expect(lines).toHaveLength(3)
  })

  it('names unnamed targets by what they ask for, and keeps a plan-given label', () => {
    const names = new Map([[4, 'VnExpress']])
    expect(targetLabel(target({ label: '  Bài trên VnExpress ' }), names)).toBe('Bài trên VnExpress')
    expect(targetLabel(target({ channels: [4, 9], contentTypes: ['videos'] }), names)).toBe(
      '20 sản phẩm (video) trên: VnExpress, kênh 9',
    )
    expect(targetLabel(target({ kind: 'indicator', mode: null }), names)).toBe('Chỉ số')
  })

  it('has the task and target columns, then a column for every attainment field', () => {
    const header = reportCsv([]).slice(1).split('\r\n')[0]!.split(',')
    expect(header).toHaveLength(7 + ATTAINMENT_FIELDS.length)
    expect(header.slice(3, 5)).toEqual(['Mã chỉ tiêu', 'Tên chỉ tiêu'])
    expect(header.slice(7)).toEqual([
      'Chỉ tiêu',
      'Đã đạt',
      'Trễ hạn',
      'Tỷ lệ (%)',
      'Còn thiếu',
      'Cần đạt đến nay',
      'Trạng thái',
    ])
  })
})
