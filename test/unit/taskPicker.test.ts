import { describe, expect, it } from 'vitest'
import { foldSearchWhere } from '../../src/domain/searchFold'
import { taskPickerLabel, taskPickerSort, taskSearchText } from '../../src/domain/taskPicker'

const plan = { code: 'KHTT-02/BKHCN', status: 'active', period: { to: '2026-12-31T12:00:00.000Z' } }
const task = {
  code: '1',
  title: 'Truyền thông kết quả kết nối',
  content: 'Cổng Dịch vụ công',
  timeframe: { kind: 'deadline', deadline: '2026-08-30T12:00:00.000Z' },
}

describe('the task picker (issue 21 point 2)', () => {
  it('labels a task with its plan code, STT, title and deadline', () => {
    expect(taskPickerLabel(task, plan)).toBe('KHTT-02/BKHCN · 1. Truyền thông kết quả kết nối · hạn 30/8/2026')
    expect(taskPickerLabel({ ...task, timeframe: { kind: 'recurring' } }, plan)).toMatch(/ · thường xuyên$/)
    expect(taskPickerLabel({ ...task, timeframe: { kind: 'byYear', year: 2026 } }, null)).toBe(
      '1. Truyền thông kết quả kết nối · trong năm 2026',
    )
  })

  it('searches folded text, plan code included', () => {
    expect(taskSearchText(task, plan)).toBe('khtt-02/bkhcn 1 truyen thong ket qua ket noi cong dich vu cong')
  })

  it('orders running plans first, then the later plan, then tasks due later (open before expired)', () => {
    const sorted = [
      taskPickerSort(task, { ...plan, status: 'closed' }),
      taskPickerSort({ ...task, timeframe: { kind: 'deadline', deadline: '2026-03-01T12:00:00.000Z' } }, plan),
      taskPickerSort(task, plan),
      taskPickerSort(task, { ...plan, period: { to: '2025-12-31T12:00:00.000Z' } }),
      taskPickerSort({ ...task, timeframe: { kind: 'recurring' } }, plan),
    ].sort()
    expect(sorted).toEqual([
      taskPickerSort({ ...task, timeframe: { kind: 'recurring' } }, plan),
      taskPickerSort(task, plan),
      taskPickerSort({ ...task, timeframe: { kind: 'deadline', deadline: '2026-03-01T12:00:00.000Z' } }, plan),
      taskPickerSort(task, { ...plan, period: { to: '2025-12-31T12:00:00.000Z' } }),
      taskPickerSort(task, { ...plan, status: 'closed' }),
    ])
  })

  it('folds the search text conditions and moves the picker label’s onto them', () => {
    expect(foldSearchWhere({ or: [{ searchText: { like: 'Kết Nối' } }] })).toEqual({
      or: [{ searchText: { like: 'ket noi' } }],
    })
    expect(
      foldSearchWhere({ and: [{ id: { not_in: [1] } }, { pickerLabel: { like: 'ĐỔI số' } }] }, 'searchText', [
        'pickerLabel',
      ]),
    ).toEqual({ and: [{ id: { not_in: [1] } }, { and: [{ searchText: { like: 'doi so' } }] }] })
    expect(foldSearchWhere({ title: { like: 'Kết' }, searchText: { exists: true } })).toEqual({
      title: { like: 'Kết' },
      searchText: { exists: true },
    })
  })
})
