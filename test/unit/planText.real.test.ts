/**
 * Header and task shapes from real published plans (a ministry, a province's portal page, a
 * district office), each paraphrased into a fixture of our own: the failures issue #25 lists.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parsePlanText } from '../../src/domain/planText'

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/planText')
const parse = (name: string) => parsePlanText(readFileSync(path.join(FIXTURES, name), 'utf8'))
const codes = (xs: Array<{ code: string | null }>) => xs.map((x) => x.code)

describe('a ministry plan: "Bộ Y tế xây dựng Kế hoạch", a cited decision that "ban hành Kế hoạch"', () => {
  const d = parse('real-ministry-xay-dung.txt')

  it('takes the issuer from "xây dựng Kế hoạch", not from the decision title it cites', () => {
    expect(d.issuer).toBe('Bộ Y tế')
  })

  it('reads "Triển khai thực hiện Quyết định số …" as the document it implements, and stops the title before it', () => {
    expect(d.title).toBe('Truyền thông về chuyển đổi số y tế năm 2025')
    expect(d.basis).toEqual([
      expect.objectContaining({ kind: 'Quyết định', code: '88/QĐ-TTg', relation: 'implements' }),
    ])
    expect(d.implementsCode).toBe('88/QĐ-TTg')
  })

  it('reads "III. NỘI DUNG THỰC HIỆN" as tasks; joins a lone "1." to its text; codes "2.1." under "2." as III.2.1', () => {
    expect(codes(d.tasks)).toEqual(['III.1', 'III.2.1', 'III.2.2'])
    expect(d.tasks[0]?.content).toMatch(/^Xây dựng chuyên mục/)
    expect(d.tasks[0]?.leadUnits.map((u) => u.name)).toEqual(['Trung tâm Truyền thông Y tế'])
    expect(d.themes).toEqual([])
  })

  it('keeps the year of "Mục tiêu chung đến năm 2025: 100% …"', () => {
    expect(d.objectives).toHaveLength(1)
    expect(d.objectives[0]).toMatchObject({ year: 2025 })
    expect(d.objectives[0]?.targets[0]).toMatchObject({ kind: 'indicator', value: 100, year: 2025 })
  })
})

describe("a province's plan copied from its portal", () => {
  const d = parse('real-province-portal.txt')

  it('takes the header date, not the portal\'s "Thứ hai, ngày 12 tháng 01 năm 2026"', () => {
    expect(d.issueDate).toBe('2026-01-08')
  })

  it('reads the number given only in prose ("ban hành Kế hoạch số 20/KH-UBND")', () => {
    expect(d.code).toBe('20/KH-UBND')
    expect(d.warnings.map((w) => w.kind)).not.toContain('blankNumber')
  })

  it('joins a title wrapped over capitals lines and drops page residue', () => {
    expect(d.title).toBe('Tuyên truyền chuyển đổi số trên địa bàn tỉnh hoa sen năm 2026')
    expect(d.title).not.toMatch(/[|!]/)
  })

  it("takes the issuer from the header's body name in capitals", () => {
    expect(d.issuer).toBe('Ủy ban nhân dân tỉnh Hoa Sen')
  })
})

describe('a district office plan: "Công điện", several documents in one "Thực hiện" sentence', () => {
  const d = parse('real-district-cong-dien.txt')

  it('reads each document of "Thực hiện A; B; C" with "Công điện" as a known kind', () => {
    expect(d.basis.map((b) => [b.kind, b.code])).toEqual([
      ['Công điện', '03/CĐ-UBND'],
      ['Kế hoạch', '45/KH-UBND'],
      ['Văn bản', '210/UBND-VX'],
    ])
    expect(d.basis.map((b) => b.date)).toEqual(['2025-05-10', '2025-05-12', '2025-05-15'])
  })

  it("takes the issuer from the header's lower body line under its parent", () => {
    expect(d.issuer).toBe('Phòng Văn hóa và Thông tin')
  })

  it('reads "II. NỘI DUNG THỰC HIỆN" as tasks', () => {
    expect(codes(d.tasks)).toEqual(['II.1', 'II.2'])
    expect(d.tasks[1]?.timeframe).toEqual({ kind: 'deadline', date: '2025-08-31' })
  })
})

describe('the rules on their own', () => {
  it('does not take a "ban hành Kế hoạch" inside a cited document as the issuer', () => {
    const d = parsePlanText(
      'KẾ HOẠCH\nTuyên truyền năm 2025\n\nThực hiện Quyết định số 9/QĐ-UBND ngày 02/01/2025 của Ủy ban nhân dân tỉnh về việc ban hành Kế hoạch cải cách hành chính.\n\nI. MỤC ĐÍCH\n',
    )
    expect(d.issuer).toBeNull()
    expect(d.basis.map((b) => b.code)).toEqual(['9/QĐ-UBND'])
  })

  it('a title starting "Triển khai thực hiện Chương trình …" is the title, not a basis', () => {
    const d = parsePlanText(
      'KẾ HOẠCH\nTriển khai thực hiện Chương trình chuyển đổi số năm 2025\n\nCăn cứ Luật Báo chí;\n\nI. MỤC ĐÍCH\n',
    )
    expect(d.title).toBe('Triển khai thực hiện Chương trình chuyển đổi số năm 2025')
    expect(d.basis.map((b) => b.relation)).toEqual(['basedOn'])
  })
})

describe('a title with a speck OCR read after its last word', () => {
  it('drops a lone quote or comma at its end, keeps a closing quote that belongs to the title', () => {
    const head = ['Số: 45/KH-SVHDL', 'Hoa Mai, ngày 20 tháng 1 năm 2026', 'KẾ HOẠCH']
    const title = (line: string) => parsePlanText([...head, line, 'I. MỤC ĐÍCH'].join('\n')).title
    expect(title('Truyền thông quảng bá du lịch số tỉnh Hoa Mai năm 2026 „')).toBe(
      'Truyền thông quảng bá du lịch số tỉnh Hoa Mai năm 2026',
    )
    expect(title('Truyền thông chương trình “Du lịch số”')).toBe('Truyền thông chương trình “Du lịch số”')
  })
})
