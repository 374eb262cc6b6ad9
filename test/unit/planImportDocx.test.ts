import { describe, expect, it } from 'vitest'
import { docxHtmlToPlanText } from '../../src/domain/planImport'
import { parsePlanText } from '../../src/domain/planText'

describe('.docx HTML (mammoth) → plan text', () => {
  it('puts paragraphs and headings on their own lines, decoded, with blank lines between', () => {
    expect(docxHtmlToPlanText('<h1>KẾ HOẠCH</h1><p>Truyền thông <strong>KH&amp;CN</strong>  năm 2026</p>')).toBe(
      'KẾ HOẠCH\n\nTruyền thông KH&CN năm 2026\n',
    )
  })

  it('numbers lists the way plans write them: 1. / a) / -', () => {
    const html =
      '<ol><li>Mục một<ol><li>ý a</li><li>ý b</li></ol></li><li>Mục hai</li></ol><ul><li>gạch đầu dòng</li></ul>'
    expect(docxHtmlToPlanText(html)).toBe('1. Mục một\n\na) ý a\n\nb) ý b\n\n2. Mục hai\n\n- gạch đầu dòng\n')
  })

  it('writes a table row per line, cells tab-separated, multi-paragraph cells as <p> HTML (still escaped)', () => {
    const html =
      '<table><tr><th><p>STT</p></th><th><p>Nội dung</p></th><th><p>Đơn vị</p></th></tr>' +
      '<tr><td><p>1</p></td><td><p>- Việc a.</p><p>- Việc b &amp; c.</p></td><td><p>Văn phòng</p></td></tr></table>'
    expect(docxHtmlToPlanText(html)).toBe(
      'STT\tNội dung\tĐơn vị\n1\t<p>- Việc a.</p> <p>- Việc b &amp; c.</p>\tVăn phòng\n',
    )
  })

  it('spreads merged cells back over the grid so every row keeps the header columns', () => {
    const html =
      '<table><tr><td>A</td><td>B</td><td>C</td></tr>' +
      '<tr><td rowspan="2">1</td><td colspan="2">wide</td></tr>' +
      '<tr><td>x</td><td>y</td></tr></table>'
    expect(docxHtmlToPlanText(html).split('\n').slice(0, 3)).toEqual(['A\tB\tC', '1\twide\t', '\tx\ty'])
  })

  it('gives the parser a table it reads as tasks with targets', () => {
    const html =
      '<p>KẾ HOẠCH</p><p>Truyền thông chuyển đổi số năm 2026</p><p>Phụ lục</p>' +
      '<table><tr><td>STT</td><td>Nội dung nhiệm vụ</td><td>Đơn vị thực hiện</td><td>Thời gian hoàn thành</td><td>Kết quả</td></tr>' +
      '<tr><td>1</td><td><p>- Giới thiệu dịch vụ công.</p><p>- Hướng dẫn người dân.</p></td><td><p>- Văn phòng Sở</p><p>- Báo Hoa Mai</p></td><td>30/6/2026</td><td>8 tin bài trên Cổng TTĐT, Fanpage</td></tr>' +
      '<tr><td>2</td><td>Tổng kết năm.</td><td>Văn phòng Sở</td><td>15/12/2026</td><td>Báo cáo tổng kết</td></tr></table>'
    const d = parsePlanText(docxHtmlToPlanText(html))
    expect(d.tasks.map((t) => [t.code, t.leadUnits.map((u) => u.name), t.timeframe])).toEqual([
      ['1', ['Văn phòng Sở', 'Báo Hoa Mai'], { kind: 'deadline', date: '2026-06-30' }],
      ['2', ['Văn phòng Sở'], { kind: 'deadline', date: '2026-12-15' }],
    ])
    expect(d.tasks[0]?.content).toBe('- Giới thiệu dịch vụ công.\n- Hướng dẫn người dân.')
    expect(d.tasks[0]?.targets[0]).toMatchObject({ kind: 'content', quantity: 8 })
    expect(d.tasks[1]?.targets[0]).toMatchObject({ kind: 'deliverable', title: 'Báo cáo tổng kết' })
  })
})
