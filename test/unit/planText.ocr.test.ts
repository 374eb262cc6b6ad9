/**
 * OCR-robust reading: approximate matching of structure words with OCR's usual confusions, and
 * the approximate fields a reviewer must check. The OCR sample is written for this test in the
 * shape of a Vietnamese-unaware OCR of a plan ("Cén cir", "s6", "Qb/TW"), not copied from one.
 */
import { describe, expect, it } from 'vitest'
import { looksLikeOcr, ocrDistance, parsePlanText, repairOcr } from '../../src/domain/planText'
import { translate } from '../../src/domain/i18n/translate'
import { draftFromText } from '../../src/domain/planImport'

describe('ocrDistance', () => {
  it('charges little for OCR confusions and a full edit for anything else', () => {
    expect(ocrDistance('s6', 'so')).toBeLessThan(0.5)
    expect(ocrDistance('cir', 'cu')).toBeLessThan(0.5)
    expect(ocrDistance('ctr', 'cu')).toBeLessThan(0.5)
    expect(ocrDistance('narn', 'nam')).toBeLessThan(0.5)
    expect(ocrDistance('thwc', 'thuc')).toBeLessThan(0.5)
    expect(ocrDistance('1ich', 'lich')).toBeLessThan(0.5)
    expect(ocrDistance('cta', 'cua')).toBeLessThan(0.6)
    expect(ocrDistance('thong', 'phong')).toBe(1)
    expect(ocrDistance('sen', 'den')).toBe(1)
    expect(ocrDistance('abc', 'abc')).toBe(0)
  })
})

const OCR_PLAN = [
  'BAN CHI DAO TRUNG UONG',
  'Sé 03-KH/BCDTW',
  'Ha N6i, ngay 28 thang 7 narn 2025',
  '',
  'KÉ HOACH',
  'Truyen thong ve chuyen d6i s6 nam 2025',
  '',
  'Cén cir Nghi quyet s6 57-NQ/TW ngay 22/12/2024 cia B6 Chinh tri;',
  'Cian ctr Quy dinh s6 230-Qb/TW ngay 10/01/2025 cta B6 Chinh tri;',
  'Can clr Ké hoach s6 02-KH/BCDTW ngay 19/6/2025 ciia Ban Chi dao;',
  '',
  'I. MUC DICH, YEU CAU',
  'Nang cao nhan thuc ve chuyen d6i s6 trong toan xa hoi va cac co quan nha nuoc.',
  'II. NHIEM VU',
  '1. Dang 20 tin bai tren Cong thong tin dien tu.',
  '- Don vj thwc hien: Van phong Ban Chi dao',
  '- Th6i gian thuc hien: 30/9/2025',
  '2. San xuat 05 video ve chuyen d6i s6.',
  '- Don vi thuc hien: Trung tam Truyen thong',
  '- Thoi gian thwc hien: Thuong xuyen',
  'III. TO CHUC THUC HIEN',
  'Cac don vi bao cao ket qua truoc ngay 20 hang thang.',
  'Noi nhan:',
  '- Luu: VT.',
].join('\n')

describe('repairOcr', () => {
  it('repairs structure words and codes, leaves names and numbers as read', () => {
    const { text, repairs } = repairOcr(OCR_PLAN)
    const lines = text.split('\n')
    expect(lines[7]).toMatch(/^Can cu Nghi quyet so 57-NQ\/TW ngay 22\/12\/2024 cua Bo Chinh tri;$/)
    expect(lines[8]).toMatch(/^Can cu Quy dinh so 230-QĐ\/TW .* cua Bo Chinh tri;$/)
    expect(lines[9]).toMatch(/^Can cu Ké hoach so 02-KH\/BCDTW ngay 19\/6\/2025 cua Ban Chi dao;$/)
    expect(lines[15]).toBe('- Don vi thuc hien: Van phong Ban Chi dao')
    expect(repairs.every((r) => r.line >= 1 && r.read !== r.as)).toBe(true)
  })

  it('leaves clean text alone, and does not take clean text for OCR', () => {
    const clean = 'Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về phát triển khoa học, công nghệ.'
    expect(looksLikeOcr(clean.repeat(5))).toBe(false)
    expect(repairOcr(clean).repairs).toEqual([])
    expect(repairOcr('Trung tam Xuc tien Du lich tinh Hoa Sen').repairs).toEqual([])
  })
})

describe('parsePlanText on OCR text', () => {
  const d = parsePlanText(OCR_PLAN)

  it('reads the header through the OCR damage', () => {
    expect(d.code).toBe('03-KH/BCDTW')
    expect(d.issueDate).toBe('2025-07-28')
    expect(d.basis.map((b) => b.code)).toEqual(['57-NQ/TW', '230-QĐ/TW', '02-KH/BCDTW'])
    expect(d.reporting).toEqual([expect.objectContaining({ kind: 'monthly', day: 20 })])
  })

  it('reads the tasks with their units and timeframes', () => {
    expect(d.tasks.map((t) => [t.code, t.leadUnits.map((u) => u.name), t.timeframe])).toEqual([
      ['II.1', ['Van phong Ban Chi dao'], { kind: 'deadline', date: '2025-09-30' }],
      ['II.2', ['Trung tam Truyen thong'], { kind: 'recurring' }],
    ])
  })

  it('marks what only the repairs found as approximate, with a "cần kiểm tra" note', () => {
    expect(d.approximate).toEqual(expect.arrayContaining(['code', 'basis', 'tasks']))
    expect(d.approximateTasks).toEqual(['II.1', 'II.2'])
    const notes = d.warnings.filter((w) => w.kind === 'approximate')
    expect(notes.length).toBe(d.approximate.length - 1 + d.approximateTasks.length)
    expect(notes.every((n) => n.message.includes('cần kiểm tra'))).toBe(true)
    expect(notes.find((n) => n.message.startsWith('task II.1'))?.line).toBe(15)
    expect(translate('vi', 'parserWarningApproximate')).toMatch(/cần kiểm tra/)
  })

  it('a clean text has nothing approximate', () => {
    const clean = parsePlanText('KẾ HOẠCH\nTruyền thông năm 2025\n\nII. NHIỆM VỤ\n1. Đăng 20 tin bài.\n')
    expect(clean.approximate).toEqual([])
    expect(clean.warnings.map((w) => w.kind)).not.toContain('approximate')
  })
})

describe('the import review', () => {
  it('lists each approximate field among its notes, labelled "cần kiểm tra"', () => {
    const draft = draftFromText(OCR_PLAN, { units: [], channels: [], plans: [] })
    const notes = draft.notes.filter((n) => n.kind === 'approximate')
    expect(notes.length).toBeGreaterThan(0)
    expect(notes.find((n) => n.line === 15)?.message).toMatchObject({
      key: 'noteParser',
      vars: { label: 'Đọc gần đúng từ bản quét/OCR — cần kiểm tra' },
    })
  })
})
