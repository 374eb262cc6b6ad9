import { describe, expect, it } from 'vitest'
import { detectMarker, furnitureLines, preprocess, splitLines, toParagraphs } from '../../src/domain/planText/lines'
import { buildOutline, codeOf, parseAssignment } from '../../src/domain/planText/outline'
import { parseTables } from '../../src/domain/planText/table'

const tsv = (...rows: string[][]) => splitLines(rows.map((r) => r.join('\t')).join('\n'))
const HEADER = ['STT', 'Nội dung nhiệm vụ', 'Đơn vị thực hiện', 'Thời gian hoàn thành', 'Kết quả']

describe('appendix table', () => {
  it('maps columns by their header words', () => {
    const [t] = parseTables(
      tsv(
        ['TT', 'Nội dung', 'Cơ quan chủ trì', 'Đơn vị phối hợp', 'Thời hạn', 'Sản phẩm'],
        ['1', 'A', 'B', 'C', '30/9/2025', 'D'],
      ),
    )
    expect(t?.columns).toEqual(['stt', 'content', 'lead', 'coordinating', 'timeframe', 'result'])
    expect(t?.rows[0]?.cells).toEqual({
      content: 'A',
      lead: 'B',
      coordinating: 'C',
      timeframe: '30/9/2025',
      result: 'D',
    })
  })
  it('appends a continuation row (empty STT, only content) to the previous row', () => {
    const [t] = parseTables(
      tsv(
        HEADER,
        ['1', '<p>- Ý một.</p>', 'Phòng A', '30/8/2025', '5 tin bài'],
        ['', '- Ý hai và', '', '', ''],
        ['', 'tiếp tục câu.', '', '', ''],
      ),
    )
    expect(t?.rows).toHaveLength(1)
    expect(t?.rows[0]?.cells.content).toBe('- Ý một.\n- Ý hai và tiếp tục câu.')
  })
  it('joins a word cut by a page break with a space, a new bullet with a line break', () => {
    const [t] = parseTables(
      tsv(
        HEADER,
        ['1', 'phối hợp với Trung tâm khoa học và công', 'X', '31/12/2025', 'Báo cáo'],
        ['', 'nghệ trong truyền thông', '', '', ''],
      ),
    )
    expect(t?.rows[0]?.cells.content).toBe('phối hợp với Trung tâm khoa học và công nghệ trong truyền thông')
  })
  it('keeps a row without STT but with its own unit and date as a new row', () => {
    const [t] = parseTables(tsv(HEADER, ['5', 'A', 'X', '30/9/2025', 'R'], ['', 'B', 'Y', '31/12/2025', 'R']))
    expect(t?.rows.map((r) => [r.stt, r.cells.content])).toEqual([
      ['5', 'A'],
      ['', 'B'],
    ])
  })
  it('joins a row cut by a page break in several cells, but not a new task without STT', () => {
    const [t] = parseTables(
      tsv(
        HEADER,
        ['2', 'Sản xuất sản', 'Trung tâm', 'Quý IV/2025', '04'],
        ['', 'phẩm đa phương tiện về tiêm chủng.', 'Truyền thông Y tế', '', 'infographic trên Fanpage'],
        ['', 'Tổng hợp tình hình báo chí', 'Văn phòng Sở', '31/12/2025', 'Báo cáo'],
        ['', 'cập nhật hằng tháng.', 'Phòng Kế hoạch', '', ''],
      ),
    )
    expect(t?.rows.map((r) => [r.stt, r.cells.content, r.cells.lead, r.cells.result])).toEqual([
      [
        '2',
        'Sản xuất sản phẩm đa phương tiện về tiêm chủng.',
        'Trung tâm Truyền thông Y tế',
        '04 infographic trên Fanpage',
      ],
      ['', 'Tổng hợp tình hình báo chí cập nhật hằng tháng.', 'Văn phòng Sở Phòng Kế hoạch', 'Báo cáo'],
    ])
    // After a finished sentence, a lower-case start is not taken as the same task's text.
    const [u] = parseTables(
      tsv(HEADER, ['1', 'Đăng tin.', 'X', '30/9/2025', 'R'], ['', 'đăng lại bài cũ', 'Y', '31/12/2025', 'R']),
    )
    expect(u?.rows).toHaveLength(2)
  })
  it('merges lines when a cell held a line break (too few tabs)', () => {
    const lines = splitLines(
      [
        'STT\tNội dung\tĐơn vị thực hiện\tThời gian\tKết quả',
        '1\tDòng đầu',
        'dòng giữa',
        'dòng cuối\tPhòng A\t30/9/2025\t3 video',
      ].join('\n'),
    )
    const [t] = parseTables(lines)
    expect(t?.rows).toHaveLength(1)
    expect(t?.rows[0]?.cells).toEqual({
      content: 'Dòng đầu\ndòng giữa\ndòng cuối',
      lead: 'Phòng A',
      timeframe: '30/9/2025',
      result: '3 video',
    })
  })
  it('notes extra cells and ends at the first line without tabs', () => {
    const lines = splitLines([HEADER.join('\t'), '1\tA\tB\t30/9/2025\tR\tthừa', 'Đoạn văn sau bảng.'].join('\n'))
    const [t] = parseTables(lines)
    expect(t?.rows[0]?.cells.result).toBe('R\nthừa')
    expect(t?.notes.map((n) => n.message)).toEqual([
      'table row has more cells than the header; extra cells added to the last column',
    ])
    expect([...(t?.lines ?? [])]).toEqual([1, 2])
  })
})

describe('paragraphs', () => {
  it('joins hard-wrapped lines and keeps markers, capitals and short headings apart', () => {
    const wrapped = [
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Yêu cầu',
      'Việc tuyên truyền phải được thực hiện thường xuyên, liên tục, đồng bộ giữa',
      'các cấp, các ngành, bảo đảm tính thống nhất, có trọng tâm, trọng điểm của',
      'Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo',
      'và chuyển đổi số. Nghị quyết số 57-',
      'NQ/TW được phổ biến rộng rãi đến toàn thể cán bộ, công chức, viên chức.',
      'a) Xây dựng chuyên mục trên Cổng thông tin điện tử của Sở Khoa học và',
      'Công nghệ.',
      '- Đơn vị thực hiện: Văn phòng Sở',
    ]
    const text = wrapped.flatMap((l) => [l, '']).join('\n')
    const ps = toParagraphs(splitLines(text), new Set())
    expect(ps.map((p) => p.text)).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Yêu cầu',
      'Việc tuyên truyền phải được thực hiện thường xuyên, liên tục, đồng bộ giữa các cấp, các ngành, bảo đảm tính thống nhất, có trọng tâm, trọng điểm của Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số. Nghị quyết số 57-NQ/TW được phổ biến rộng rãi đến toàn thể cán bộ, công chức, viên chức.',
      'a) Xây dựng chuyên mục trên Cổng thông tin điện tử của Sở Khoa học và Công nghệ.',
      '- Đơn vị thực hiện: Văn phòng Sở',
    ])
  })
  it("ends a heading's last short line there, and keeps a wrapped sentence's capitals tail in it", () => {
    const wrapped = [
      'II. NHIỆM VỤ',
      '2. Tăng cường các hoạt động truyền thông nâng cao nhận thức về vai trò',
      'của khoa học, công nghệ tại các cơ sở giáo dục',
      'Bộ Giáo dục và Đào tạo chủ trì tổ chức thực hiện các nhiệm vụ sau đây:',
      'a) Sản xuất 10 tin bài trên Cổng TTĐT Sở KHCN, Fanpage Sở KHCN, Kênh Zalo',
      'OA.',
      'b) Tổ chức tọa đàm về chuyển đổi số tại các trường học trên địa bàn.',
      'Thời gian thực hiện trong năm 2025 theo kế hoạch của từng đơn vị có liên',
      'quan, bảo đảm tiến độ và chất lượng của các sản phẩm truyền thông.',
    ]
    const ps = toParagraphs(splitLines(wrapped.join('\n')), new Set())
    expect(ps.map((p) => p.text)).toEqual([
      'II. NHIỆM VỤ',
      '2. Tăng cường các hoạt động truyền thông nâng cao nhận thức về vai trò của khoa học, công nghệ tại các cơ sở giáo dục',
      'Bộ Giáo dục và Đào tạo chủ trì tổ chức thực hiện các nhiệm vụ sau đây:',
      'a) Sản xuất 10 tin bài trên Cổng TTĐT Sở KHCN, Fanpage Sở KHCN, Kênh Zalo OA.',
      'b) Tổ chức tọa đàm về chuyển đổi số tại các trường học trên địa bàn.',
      'Thời gian thực hiện trong năm 2025 theo kế hoạch của từng đơn vị có liên quan, bảo đảm tiến độ và chất lượng của các sản phẩm truyền thông.',
    ])
  })
  it('drops a footer repeated on every page', () => {
    const footer = 'Tài liệu này thuộc sở hữu của cơ quan. Nghiêm cấm phát tán.'
    const lines = splitLines(
      ['Đoạn một.', footer, 'Đoạn hai.', footer, 'Đoạn ba.', footer.replace('cấm', 'cẩm')].join('\n'),
    )
    expect([...furnitureLines(lines)]).toEqual([2, 4, 6])
  })
  it('canonicalises OCR look-alikes and line ends', () => {
    expect(preprocess('\u00d0ơn vị\r\nb')).toBe('Đơn vị\nb')
    // Tesseract's doubled Đ in a code.
    expect(preprocess('số 230-Q\u0110\u00d0/TW')).toBe('số 230-QĐ/TW')
  })
  it("reads OCR's l and | in a section numeral as I, before a heading in capitals only", () => {
    const label = (line: string) => {
      const m = detectMarker(line)
      return m ? `${m.kind} ${m.label}` : null
    }
    expect(label('l. QUAN ĐIỂM')).toBe('roman I')
    expect(label('lII. NHIỆM VỤ VÀ GIẢI PHÁP')).toBe('roman III')
    expect(label('|V. KINH PHÍ')).toBe('roman IV')
    expect(label('II. MỤC TIÊU')).toBe('roman II')
    // Not a section: lower-case text after it (an item lettered l), or not a numeral once read.
    expect(label('l. quan điểm')).toBe('letter l')
    expect(label('lll|. QUAN ĐIỂM')).toBeNull()
    expect(label('1. QUAN ĐIỂM')).toBe('number 1')
  })
})

describe('outline', () => {
  const outline = (text: string) => buildOutline(toParagraphs(splitLines(text), new Set()))
  it('nests sections, numbers, letters and bullets and codes them', () => {
    const root = outline(
      ['III. NHIỆM VỤ', '1. Nhóm một', 'a) Việc a', '- Ý thứ nhất', '- Ý thứ hai', 'b) Việc b', '2. Nhóm hai'].join(
        '\n',
      ),
    )
    const sec = root.children[0]
    expect(sec?.label).toBe('III')
    const a = sec?.children[0]?.children[0]
    expect(a && codeOf(a)).toBe('III.1.a')
    const bullet = a?.children[1]
    expect(bullet && codeOf(bullet)).toBe('III.1.a.2')
    expect(sec?.children.map((c) => c.label)).toEqual(['1', '2'])
  })
  it("lifts fields written after a group's last sub-item to the group", () => {
    const root = outline(
      [
        'III. NHIỆM VỤ',
        '1. Nhóm',
        'a) Việc a',
        'b) Việc b',
        '- Đơn vị thực hiện: Phòng A',
        '- Thời gian thực hiện: Thường xuyên',
      ].join('\n'),
    )
    const group = root.children[0]?.children[0]
    expect(group?.children.map((c) => c.kind)).toEqual(['marked', 'marked', 'field', 'field'])
  })
  it('reads "X chủ trì, phối hợp với Y:" and unit lists ending in a colon', () => {
    expect(
      parseAssignment('Bộ Khoa học và Công nghệ chủ trì, phối hợp với các bộ, ngành và địa phương:', true),
    ).toEqual({
      lead: 'Bộ Khoa học và Công nghệ',
      coordinating: 'các bộ, ngành và địa phương',
    })
    expect(parseAssignment('Các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh:', true)).toEqual({
      lead: 'Các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh',
      coordinating: null,
    })
    expect(parseAssignment('Bảo đảm các yêu cầu sau:', true)).toBeNull()
    expect(parseAssignment('Sở Công Thương chủ trì tổ chức thực hiện', false)?.lead).toBe('Sở Công Thương')
  })
})
