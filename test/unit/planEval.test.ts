/** The plan parser's measuring tools: the fact scorer and the degraded copy (npm run plan:eval). */
import { describe, expect, it } from 'vitest'
import { degradeText, planFacts, scoreFacts, stripDiacritics, titleSimilarity } from '../../src/domain/planEval'
import { parsePlanText } from '../../src/domain/planText'

const PLAN = [
  'Số: 12/KH-SVHTT',
  'Hoa Sen, ngày 3 tháng 2 năm 2025',
  'KẾ HOẠCH',
  'Truyền thông về du lịch số năm 2025',
  'Căn cứ Kế hoạch số 7/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân tỉnh;',
  'I. NHIỆM VỤ',
  '1. Đăng 12 tin bài trên Cổng thông tin điện tử của Sở.',
  '- Đơn vị thực hiện: Phòng Quản lý Du lịch',
  '- Thời gian thực hiện: 30/6/2025',
  'II. TỔ CHỨC THỰC HIỆN',
  'Báo cáo kết quả trước ngày 20 hằng tháng.',
].join('\n')

describe('scoreFacts', () => {
  const truth = planFacts(parsePlanText(PLAN))

  it('counts each fact the truth holds once', () => {
    const s = scoreFacts(truth, truth)
    expect(s.misses).toEqual([])
    // code, issuer? (none here), issue date, title, 1 basis code, period, 1 reporting day, task count,
    // and for task I.1: deadline, lead unit, target.
    expect(s.total).toBe(s.recovered)
    expect(s.byFact.basisCodes).toEqual({ recovered: 1, total: 1 })
    expect(s.byFact.deadlines).toEqual({ recovered: 1, total: 1 })
    expect(s.byFact.targets).toEqual({ recovered: 1, total: 1 })
  })

  it('a value the truth does not have is a miss, so inventing never scores', () => {
    const s = scoreFacts({ ...truth, code: null }, truth)
    expect(s.misses).toContain('code (invented "12/KH-SVHTT")')
    expect(s.recovered).toBe(s.total - 1)
  })

  it('compares codes and names without diacritics, titles by their words', () => {
    const got = {
      ...truth,
      code: '12/KH-SVHTT',
      basisCodes: ['7/KH-UBND'],
      title: 'Truyen thong ve du lich so nam 2O25',
    }
    expect(scoreFacts(truth, got).misses).toEqual([])
    expect(titleSimilarity('Truyền thông về du lịch', 'Kế hoạch khác hẳn')).toBeLessThan(0.5)
    const wrong = { ...truth, deadlines: { 'I.1': '2025-07-30' }, leadUnits: { 'I.1': ['Văn phòng Sở'] } }
    expect(scoreFacts(truth, wrong).misses).toEqual(['deadlines I.1', 'leadUnits I.1'])
  })
})

describe('degradeText', () => {
  it('is deterministic for a seed, strips every diacritic and mangles some words', () => {
    const a = degradeText(PLAN, { seed: 25 })
    expect(degradeText(PLAN, { seed: 25 })).toBe(a)
    expect(degradeText(PLAN, { seed: 26 })).not.toBe(a)
    expect(a).not.toMatch(/[ăâđêôơưĂÂĐÊÔƠƯ]/)
    const words = (s: string) => s.split(/\s+/)
    const changed = words(a).filter((w, i) => w !== stripDiacritics(words(PLAN)[i] ?? ''))
    expect(changed.length).toBeGreaterThan(0)
    expect(changed.length).toBeLessThan(words(a).length / 3)
  })

  it('the parser still reads most of a degraded plan, and says which fields are approximate', () => {
    const truth = planFacts(parsePlanText(PLAN))
    const d = parsePlanText(degradeText(PLAN, { seed: 3, rate: 0.3 }))
    const s = scoreFacts(truth, planFacts(d))
    expect(s.recovered / s.total).toBeGreaterThanOrEqual(0.7)
    expect(d.approximate.length).toBeGreaterThan(0)
  })
})
