import { describe, expect, it } from 'vitest'
import { toQueryString } from '../../src/domain/queryString'
import { foldSearchWhere, matchesFoldedSearch } from '../../src/domain/searchFold'
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

  it('filters the options in the browser the way the server searches: folded, every word, any order', () => {
    const label = 'KHTT-02/BKHCN · 1. Truyền thông kết quả kết nối · hạn 30/8/2026'
    expect(matchesFoldedSearch(label, 'ket noi')).toBe(true)
    expect(matchesFoldedSearch(label, 'KẾT NỐI')).toBe(true)
    expect(matchesFoldedSearch(label, 'kết nối')).toBe(true)
    expect(matchesFoldedSearch(label, '  noi   truyen ')).toBe(true)
    expect(matchesFoldedSearch(label, 'khtt-02 30/8')).toBe(true)
    expect(matchesFoldedSearch('Đổi mới sáng tạo', 'doi moi')).toBe(true)
    expect(matchesFoldedSearch(label, 'ket noi zzz')).toBe(false)
    expect(matchesFoldedSearch(label, 'báo chí')).toBe(false)
    expect(matchesFoldedSearch(label, '')).toBe(true)
    expect(matchesFoldedSearch(null, 'ket')).toBe(false)
  })

  it('writes the picker’s REST query in the bracket notation Payload reads', () => {
    expect(
      toQueryString({
        depth: 0,
        draft: true,
        select: { pickerLabel: true },
        sort: 'pickerSort',
        where: { and: [{ pickerLabel: { like: 'kết nối & co' } }, { id: { in: [3, 7] } }] },
        skipped: undefined,
      }),
    ).toBe(
      [
        'depth=0',
        'draft=true',
        'select%5BpickerLabel%5D=true',
        'sort=pickerSort',
        `where%5Band%5D%5B0%5D%5BpickerLabel%5D%5Blike%5D=${encodeURIComponent('kết nối & co')}`,
        'where%5Band%5D%5B1%5D%5Bid%5D%5Bin%5D%5B0%5D=3',
        'where%5Band%5D%5B1%5D%5Bid%5D%5Bin%5D%5B1%5D=7',
      ].join('&'),
    )
  })
})
