import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  forecastTarget,
  forecastText,
  isSlipped,
  type ForecastTargetInput,
  type PlannedItem,
} from '../../src/domain/forecast'

const HOME = 1
const window = { from: '2026-07-01', to: '2026-08-30' }
const pooled = (achieved: number, over: Partial<ForecastTargetInput> = {}): ForecastTargetInput => ({
  task: 7,
  contentTypes: ['articles'],
  channels: [HOME, 2, 3],
  mode: 'pooled',
  window,
  target: 20,
  achieved,
  byChannel: [],
  ...over,
})
const item = (plannedDay: string, over: Partial<PlannedItem> = {}): PlannedItem => ({
  contentType: 'articles',
  plannedDay,
  tasks: [7],
  ...over,
})
const TODAY = '2026-07-15'

describe('forecastTarget', () => {
  it('adds the planned items inside the window to what is achieved (the issue example)', () => {
    const planned = [item('2026-07-20'), item('2026-08-01'), item('2026-08-30'), item('2026-07-15')]
    const f = forecastTarget(pooled(10), planned, HOME, TODAY)
    expect(f).toMatchObject({ target: 20, achieved: 10, planned: 4, forecast: 14, shortfall: 6, meets: false })
    expect(forecastText(f)).toBe('Dự kiến: 14/20 nếu các bài đã lên lịch được đăng đúng hạn — còn thiếu 6')
  })

  it('leaves out items planned after the deadline, before the window, of another type or task', () => {
    const planned = [
      item('2026-08-31'),
      item('2026-06-30'),
      item('2026-07-20', { contentType: 'videos' }),
      item('2026-07-20', { tasks: [8] }),
    ]
    expect(forecastTarget(pooled(10), planned, HOME, TODAY)).toMatchObject({ planned: 0, forecast: 10 })
  })

  it('counts a slipped item (planned day passed, still a draft) as slipped, not as planned', () => {
    const f = forecastTarget(pooled(10), [item('2026-07-14'), item('2026-07-16')], HOME, TODAY)
    expect(f).toMatchObject({ planned: 1, slipped: 1, forecast: 11 })
    expect(forecastText(f)).toContain('1 bài đã quá ngày dự kiến chưa đăng')
  })

  it('gives nothing when the target does not count the home channel (planned items go out there)', () => {
    const f = forecastTarget(pooled(3, { channels: [2, 3] }), [item('2026-07-20')], HOME, TODAY)
    expect(f).toMatchObject({ planned: 0, forecast: 3, shortfall: 17 })
    expect(forecastTarget(pooled(3), [item('2026-07-20')], null, TODAY).planned).toBe(0)
  })

  it('caps a per-channel target at the home channel quota', () => {
    const t = pooled(7, {
      mode: 'perChannel',
      target: 10,
      channels: [HOME, 2],
      byChannel: [
        { channel: HOME, achieved: 3, quota: 5 },
        { channel: 2, achieved: 4, quota: 5 },
      ],
    })
    const planned = [item('2026-07-20'), item('2026-07-21'), item('2026-07-22'), item('2026-07-23')]
    expect(forecastTarget(t, planned, HOME, TODAY)).toMatchObject({ planned: 2, forecast: 9, shortfall: 1 })
  })

  it('says the target is met once the forecast reaches it', () => {
    const f = forecastTarget(pooled(19), [item('2026-07-20'), item('2026-07-21')], HOME, TODAY)
    expect(f).toMatchObject({ forecast: 21, shortfall: 0, meets: true })
    expect(forecastText(f)).toBe('Dự kiến: 21/20 nếu các bài đã lên lịch được đăng đúng hạn — đạt chỉ tiêu')
  })

  it('plans nothing into a target without a window', () => {
    expect(forecastTarget(pooled(2, { window: null }), [item('2026-07-20')], HOME, TODAY).planned).toBe(0)
  })

  it('never forecasts below achieved nor adds more than the planned items', () => {
    const day = fc
      .integer({ min: 0, max: 120 })
      .map((n) => new Date(Date.UTC(2026, 5, 1) + n * 86_400_000).toISOString().slice(0, 10))
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.array(day, { maxLength: 20 }),
        day,
        (achieved, target, days, today) => {
          const f = forecastTarget(
            pooled(achieved, { target }),
            days.map((d) => item(d)),
            HOME,
            today,
          )
          expect(f.forecast).toBeGreaterThanOrEqual(achieved)
          expect(f.planned + f.slipped).toBeLessThanOrEqual(days.length)
          expect(f.shortfall).toBe(Math.max(0, target - f.forecast))
          expect(f.meets).toBe(f.shortfall === 0)
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('isSlipped', () => {
  it('is a draft whose planned day is before today', () => {
    expect(isSlipped({ plannedDay: '2026-07-14', published: false }, TODAY)).toBe(true)
    expect(isSlipped({ plannedDay: '2026-07-15', published: false }, TODAY)).toBe(false)
    expect(isSlipped({ plannedDay: '2026-07-14', published: true }, TODAY)).toBe(false)
    expect(isSlipped({ plannedDay: null, published: false }, TODAY)).toBe(false)
  })
})
