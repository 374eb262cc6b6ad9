/**
 * The dashboard's tasks × channels heat map: one row per task with content targets (in STT
 * order), one column per channel the targets name. A cell is the task's items on that channel:
 * against the channel's quota where the target is per channel (a ratio), the count alone where
 * the target is pooled (a pooled target has no per-channel share to compare with). Pure: shaped
 * from the report, drawn by the admin as a real table.
 */
import type { QuotaReport } from './reportAssembly'
import { compareTaskCodes } from './taskOrder'

export interface HeatCell {
  channel: number
  /** Items on the channel counted for the task's targets naming it (uncapped). */
  count: number
  /** The channel's quota where every target naming it is per channel; null otherwise. */
  quota: number | null
  /** count / quota, whole per cent (uncapped, 120 for over-delivery); null without a quota. */
  percent: number | null
  /** 0 (none) to 4 (most): the colour step, on the ratio scale or the count scale. */
  level: 0 | 1 | 2 | 3 | 4
  scale: 'ratio' | 'count'
}

export interface HeatRow {
  task: { id: number; code: string; title: string }
  /** One per column, in column order; null where none of the task's content targets names the channel. */
  cells: Array<HeatCell | null>
}

export interface HeatMap {
  channels: Array<{ id: number; name: string }>
  rows: HeatRow[]
  /** Tasks left out: they have no content target (reports, deliverables, indicators). */
  withoutContent: number
  /** Largest count of a count-scale cell, for the legend. */
  maxCount: number
  /** The count scale's steps: level n covers counts up to countSteps[n - 1] (level 0 is 0). */
  countSteps: number[]
}

/** Ratio steps: below 25 %, below 50 %, below 100 %, reached (level 0 is nothing yet). */
export const RATIO_STEPS = [25, 50, 100] as const

function ratioLevel(percent: number, count: number): HeatCell['level'] {
  if (count === 0) return 0
  if (percent < RATIO_STEPS[0]) return 1
  if (percent < RATIO_STEPS[1]) return 2
  if (percent < RATIO_STEPS[2]) return 3
  return 4
}

/** Four whole-number steps up to the largest count: 1–2, 3–5, … ; [1, 2, 3, 4] when small. */
export function countSteps(max: number): number[] {
  const top = Math.max(4, max)
  return [1, 2, 3, 4].map((i) => Math.ceil((top * i) / 4))
}

function countLevel(count: number, steps: number[]): HeatCell['level'] {
  if (count <= 0) return 0
  const i = steps.findIndex((s) => count <= s)
  return (i < 0 ? 4 : i + 1) as HeatCell['level']
}

export function taskChannelHeatMap(report: QuotaReport): HeatMap {
  const channels = report.channels
  const tasks = [...report.tasks].sort((a, b) => compareTaskCodes(a.code, b.code) || a.id - b.id)
  const shaped: Array<{ task: HeatRow['task']; cells: Array<Omit<HeatCell, 'level'> | null> }> = []
  let withoutContent = 0
  for (const task of tasks) {
    const content = task.targets.filter((t) => t.kind === 'content')
    if (content.length === 0) {
      withoutContent += 1
      continue
    }
    const cells = channels.map((ch) => {
      const naming = content.filter((t) => t.channels.includes(ch.id))
      if (naming.length === 0) return null
      let count = 0
      let quota = 0
      let allPerChannel = true
      for (const t of naming) {
        const row = t.byChannel.find((c) => c.channel === ch.id)
        count += row?.achieved ?? 0
        if (t.mode === 'perChannel' && row?.quota !== null && row?.quota !== undefined) quota += row.quota
        else allPerChannel = false
      }
      if (allPerChannel && quota > 0) {
        return {
          channel: ch.id,
          count,
          quota,
          percent: Math.floor((count / quota) * 100 + 1e-9),
          scale: 'ratio' as const,
        }
      }
      return { channel: ch.id, count, quota: null, percent: null, scale: 'count' as const }
    })
    shaped.push({ task: { id: task.id, code: task.code, title: task.title }, cells })
  }
  const maxCount = Math.max(
    0,
    ...shaped.flatMap((r) => r.cells.flatMap((c) => (c?.scale === 'count' ? [c.count] : []))),
  )
  const steps = countSteps(maxCount)
  const rows = shaped.map((r) => ({
    task: r.task,
    cells: r.cells.map((c) =>
      c === null
        ? null
        : {
            ...c,
            level: c.scale === 'ratio' ? ratioLevel(c.percent ?? 0, c.count) : countLevel(c.count, steps),
          },
    ),
  }))
  return { channels, rows, withoutContent, maxCount, countSteps: steps }
}

/** What a cell says, in words, for its table cell and screen readers. */
export function heatCellText(cell: HeatCell | null): { short: string; label: string } {
  if (!cell) return { short: '—', label: 'kênh không thuộc chỉ tiêu' }
  if (cell.scale === 'ratio')
    return {
      short: `${cell.count}/${cell.quota}`,
      label: `${cell.count} trên ${cell.quota} sản phẩm của kênh, đạt ${cell.percent}%`,
    }
  return { short: String(cell.count), label: `${cell.count} sản phẩm (chỉ tiêu chung, không chia theo kênh)` }
}

/** Cell colours by scale and level, light enough for dark text on every step. */
export const HEAT_COLORS: Record<HeatCell['scale'], readonly [string, string, string, string, string]> = {
  ratio: ['#fde2e1', '#fbd0a6', '#fde68a', '#c7e9c0', '#74c476'],
  count: ['#f2f4f7', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6'],
}

/** The legend's words for each step of a scale. */
export function heatLegend(scale: HeatCell['scale'], steps: number[]): string[] {
  if (scale === 'ratio')
    return ['chưa có', `dưới ${RATIO_STEPS[0]}%`, `dưới ${RATIO_STEPS[1]}%`, `dưới ${RATIO_STEPS[2]}%`, 'đạt']
  const ranges: string[] = ['0']
  let low = 1
  for (const high of steps) {
    ranges.push(high <= low ? String(high) : `${low}–${high}`)
    low = high + 1
  }
  return ranges
}
