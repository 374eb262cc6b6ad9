import { formatViDay } from '../../../domain/calendar'
import { seriesPath, type SeriesPoint } from '../../../domain/targetItems'

const W = 560
const H = 160

/** Cumulative achieved (solid) against expected by the pace rule (dashed) over a target's window. */
export function CumulativeChart({ series, target }: { series: SeriesPoint[]; target: number }) {
  if (series.length < 2) return null
  const max = Math.max(target, ...series.map((p) => p.achieved ?? 0), 1)
  const box = { width: W, height: H, max }
  const achieved = seriesPath(
    series.map((p) => ({ value: p.achieved })),
    box,
  )
  const expected = seriesPath(
    series.map((p) => ({ value: p.expected })),
    box,
  )
  const last = [...series].reverse().find((p) => p.achieved !== null)
  return (
    <figure style={{ margin: '0.5rem 0' }} data-testid="cumulative-chart">
      <svg
        viewBox={`-30 -10 ${W + 40} ${H + 30}`}
        width="100%"
        style={{ maxWidth: W + 40 }}
        role="img"
        aria-label={`Lũy kế ${last?.achieved ?? 0} / ${target}`}
      >
        <line x1={0} y1={H} x2={W} y2={H} stroke="currentColor" strokeOpacity={0.3} />
        <line x1={0} y1={0} x2={0} y2={H} stroke="currentColor" strokeOpacity={0.3} />
        <text x={-6} y={4} fontSize={11} textAnchor="end" fill="currentColor">
          {max}
        </text>
        <text x={-6} y={H} fontSize={11} textAnchor="end" fill="currentColor">
          0
        </text>
        <text x={0} y={H + 16} fontSize={11} fill="currentColor">
          {formatViDay(series[0]!.day)}
        </text>
        <text x={W} y={H + 16} fontSize={11} textAnchor="end" fill="currentColor">
          {formatViDay(series.at(-1)!.day)}
        </text>
        <polyline points={expected} fill="none" stroke="#9e9e9e" strokeWidth={2} strokeDasharray="6 4" />
        <polyline points={achieved} fill="none" stroke="#1565c0" strokeWidth={2.5} />
      </svg>
      <figcaption style={{ fontSize: '0.85em' }}>
        <span style={{ color: '#1565c0' }}>━</span> Lũy kế đạt được · <span style={{ color: '#9e9e9e' }}>╍</span> Cần
        đạt theo tiến độ
      </figcaption>
    </figure>
  )
}
