import { describe, expect, it } from 'vitest'
import {
  asIfPublished,
  explainItem,
  explainTarget,
  standingText,
  verdictText,
  type ItemForCounting,
} from '../../src/domain/itemCounting'
import type { ReportTarget, ReportTask } from '../../src/domain/reportAssembly'

const PORTAL = 1
const VNEXPRESS = 2
const MAGAZINE = 3
const names = new Map([
  [PORTAL, 'Cổng TTĐT'],
  [VNEXPRESS, 'VnExpress'],
  [MAGAZINE, 'Tạp chí KH&CN'],
])

const target = (over: Partial<ReportTarget> = {}): ReportTarget => ({
  id: 't',
  kind: 'content',
  label: null,
  contentTypes: ['articles'],
  channels: [PORTAL, VNEXPRESS, MAGAZINE],
  mode: 'pooled',
  window: { from: '2025-07-01', to: '2025-08-30' },
  target: 20,
  achieved: 3,
  late: 0,
  percent: 15,
  remaining: 17,
  expected: 12.4,
  status: 'behind',
  byChannel: [
    { channel: PORTAL, achieved: 3, quota: null },
    { channel: VNEXPRESS, achieved: 0, quota: null },
    { channel: MAGAZINE, achieved: 0, quota: null },
  ],
  ...over,
})
const article = (
  publications: ItemForCounting['publications'],
  over: Partial<ItemForCounting> = {},
): ItemForCounting => ({
  contentType: 'articles',
  published: true,
  publications,
  ...over,
})

describe('how an item counts toward a target', () => {
  it('counts a publication on one of the target channels inside the window', () => {
    expect(explainTarget(article([{ channel: VNEXPRESS, day: '2025-08-12' }]), target(), '2025-08-20')).toEqual({
      kind: 'counts',
      channels: [VNEXPRESS],
      firstDay: '2025-08-12',
    })
  })

  it('says why not: wrong content type, no channel of the target, before the window', () => {
    const t = target({ channels: [VNEXPRESS] })
    expect(
      explainTarget(article([{ channel: VNEXPRESS, day: '2025-08-12' }], { contentType: 'videos' }), t, '2025-08-20'),
    ).toEqual({
      kind: 'wrongType',
      allowed: ['articles'],
    })
    expect(explainTarget(article([{ channel: PORTAL, day: '2025-08-12' }]), t, '2025-08-20')).toEqual({
      kind: 'noChannel',
      channels: [VNEXPRESS],
    })
    expect(explainTarget(article([{ channel: VNEXPRESS, day: '2025-06-12' }]), t, '2025-08-20')).toEqual({
      kind: 'beforeWindow',
      from: '2025-07-01',
    })
  })

  it('is late only when every publication on the target channels is after the deadline (the report rule)', () => {
    const early = { channel: PORTAL, day: '2025-06-10' }
    const late = { channel: VNEXPRESS, day: '2025-09-05' }
    expect(explainTarget(article([late]), target(), '2025-09-10')).toEqual({ kind: 'late', firstDay: '2025-09-05' })
    // One publication before the window and one after the deadline: neither counted nor late.
    expect(explainTarget(article([early, late]), target(), '2025-09-10').kind).toBe('notCounted')
    // Before the deadline has passed the later one is simply not known to the report day.
    expect(explainTarget(article([late]), target(), '2025-08-20').kind).toBe('afterWindow')
  })

  it('judges a draft as if published today: the home channel, dated today, is added', () => {
    const draft = article([], { published: false })
    expect(asIfPublished(draft, PORTAL, '2025-08-20').publications).toEqual([{ channel: PORTAL, day: '2025-08-20' }])
    expect(asIfPublished({ ...draft, published: true }, PORTAL, '2025-08-20').publications).toEqual([])
    const [task] = explainItem(draft, [{ task: task1([target()]), planCode: '02-KH' }], PORTAL, '2025-08-20')
    expect(task?.counts).toBe(true)
    expect(verdictText(task!.targets[0]!.verdict, names, false)).toBe(
      'Khi xuất bản hôm nay: sẽ được tính (Cổng TTĐT, từ 20/8/2025)',
    )
  })

  it('flags a task the item counts toward nowhere, and leaves deliverables and indicators out', () => {
    const video = article([{ channel: PORTAL, day: '2025-08-12' }], { contentType: 'videos' })
    const deliverable = target({ id: 'd', kind: 'deliverable', contentTypes: [], channels: [], mode: null })
    const [task] = explainItem(
      video,
      [{ task: task1([target(), deliverable]), planCode: '02-KH' }],
      PORTAL,
      '2025-08-20',
    )
    expect(task?.counts).toBe(false)
    expect(task?.targets.map((t) => t.target.id)).toEqual(['t'])
    expect(verdictText(task!.targets[0]!.verdict, names, true)).toBe('Không được tính: chỉ tiêu này chỉ tính tin bài')
  })
})

describe('a target standing, in whole numbers', () => {
  it('names what is missing and the deadline, and the channels still at zero', () => {
    expect(standingText(target(), names, '2025-08-20')).toBe(
      '3/20, còn thiếu 17 trước 30/8/2025; chưa có VnExpress, Tạp chí KH&CN',
    )
    expect(standingText(target({ achieved: 20, remaining: 0 }), names, '2025-08-20')).toBe(
      '20/20, đã đạt; chưa có VnExpress, Tạp chí KH&CN',
    )
    expect(standingText(target(), names, '2025-09-01')).toBe(
      '3/20, còn thiếu 17 (hạn 30/8/2025 đã qua); chưa có VnExpress, Tạp chí KH&CN',
    )
    const perChannel = target({
      mode: 'perChannel',
      target: 6,
      achieved: 4.0,
      remaining: 2,
      byChannel: [
        { channel: PORTAL, achieved: 2, quota: 2 },
        { channel: VNEXPRESS, achieved: 2, quota: 2 },
        { channel: MAGAZINE, achieved: 0, quota: 2 },
      ],
    })
    expect(standingText(perChannel, names, '2025-08-20')).toBe(
      '4/6, còn thiếu 2 trước 30/8/2025; chưa có Tạp chí KH&CN',
    )
  })
})

function task1(targets: ReportTarget[]): ReportTask {
  return { id: 1, code: '1', title: 'Tin bài', deadline: '2025-08-30', recurring: false, leadUnits: [], targets }
}
