'use client'
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'

export interface ProgressPoint {
  /** The x-axis tick: a short day (d/M). */
  label: string
  /** The tooltip's heading: the week or the day in words. */
  title: string
  /** Counted by then; null after the report day (not known yet). */
  achieved: number | null
  /** Due by then at the plan's pace, whole items. */
  expected: number
}

const ACHIEVED = '#1565c0'
const EXPECTED = '#757575'
const TARGET = '#2e7d32'
const NAMES: Record<string, string> = { achieved: 'Lũy kế đã đạt', expected: 'Cần đạt theo tiến độ' }

/**
 * Cumulative achieved (solid) against the pace line (dashed) and the target, drawn with recharts.
 * The numbers themselves are in the table the caller puts next to it (a chart is not the only way
 * to read them); the SVG is labelled for screen readers.
 */
export function ProgressChart({
  points,
  target,
  summary,
  height = 280,
}: {
  points: ProgressPoint[]
  target: number
  /** What the chart says in one sentence, for screen readers. */
  summary: string
  height?: number
}) {
  const max = Math.max(target, ...points.map((p) => Math.max(p.achieved ?? 0, p.expected)), 1)
  return (
    <div role="img" aria-label={summary} style={{ width: '100%', maxWidth: 960, height }}>
      <LineChart
        responsive
        data={points}
        style={{ width: '100%', height: '100%' }}
        margin={{ top: 16, right: 24, bottom: 4, left: 0 }}
      >
        <CartesianGrid stroke="var(--theme-elevation-150, #ddd)" strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" minTickGap={16} />
        <YAxis allowDecimals={false} domain={[0, Math.ceil(max)]} tick={{ fontSize: 12 }} width={44} />
        <Tooltip
          labelFormatter={(_label, payload) => String(payload?.[0]?.payload?.title ?? _label)}
          formatter={(value, name) => [
            value === null || value === undefined ? 'chưa có' : String(value),
            NAMES[String(name)] ?? String(name),
          ]}
        />
        <Legend formatter={(name) => NAMES[String(name)] ?? String(name)} />
        <ReferenceLine
          y={target}
          stroke={TARGET}
          strokeDasharray="2 4"
          label={{ value: `Chỉ tiêu ${target}`, position: 'insideTopLeft', fontSize: 12, fill: TARGET }}
        />
        <Line
          type="linear"
          dataKey="expected"
          name="expected"
          stroke={EXPECTED}
          strokeWidth={2}
          strokeDasharray="6 4"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          type="linear"
          dataKey="achieved"
          name="achieved"
          stroke={ACHIEVED}
          strokeWidth={3}
          // A dot per week reads well; a dot per day of a long window is a blur.
          dot={points.length <= 40 ? { r: 3 } : false}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  )
}
