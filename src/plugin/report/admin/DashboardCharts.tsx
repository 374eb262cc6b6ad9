import { formatViDay } from '../../../domain/calendar'
import type { BurnUp } from '../../../domain/burnUp'
import { HEAT_COLORS, heatCellText, heatLegend, type HeatMap } from '../../../domain/heatMap'
import type { SeriesPoint } from '../../../domain/targetItems'
import type { UnitRank } from '../../../domain/unitRollup'
import { ProgressChart, type ProgressPoint } from './ProgressChart'

// Fallbacks keep the view readable outside the admin (the share page has no admin theme).
const MUTED = 'var(--theme-elevation-600, #555)'
const RULE = 'var(--theme-elevation-150, #ddd)'
const TRACK = 'var(--theme-elevation-100, #e6e6e6)'

const shortDay = (day: string): string => formatViDay(day).replace(/\/\d{4}$/, '')

const section = { margin: '1.5rem 0' } as const
const heading = { margin: '0 0 0.25rem', fontSize: '1.1rem' } as const
const cell = { padding: '0.3rem 0.5rem', borderBottom: `1px solid ${RULE}`, textAlign: 'left' } as const
const numberCell = { ...cell, textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const

/** The plan's weekly burn-up of content items, with its numbers in a table below the chart. */
export function BurnUpSection({ burnUp }: { burnUp: BurnUp }) {
  if (burnUp.empty) {
    return (
      <section data-testid="burnup" data-empty={burnUp.empty} style={section}>
        <h2 style={heading}>Lũy kế sản phẩm truyền thông theo tuần</h2>
        <p style={{ color: MUTED }}>
          {burnUp.empty === 'no-content'
            ? 'Không có chỉ tiêu sản phẩm truyền thông nào trong phạm vi đang xem.'
            : 'Kế hoạch và các chỉ tiêu chưa có ngày bắt đầu, kết thúc nên chưa vẽ được biểu đồ theo tuần.'}
        </p>
      </section>
    )
  }
  const points: ProgressPoint[] = burnUp.points.map((p) => ({
    label: shortDay(p.weekEnd),
    title: `Tuần ${shortDay(p.weekStart)}–${formatViDay(p.weekEnd)}`,
    achieved: p.achieved,
    expected: p.expected,
  }))
  const known = burnUp.points.filter((p) => p.achieved !== null)
  const last = known.at(-1)
  const due = burnUp.expectedAtCutOff
  const done = last?.achieved ?? 0
  const summary = `Đến ${formatViDay(burnUp.cutOff)}: đã đạt ${done} trên ${burnUp.target} sản phẩm; cần đạt ${due} theo tiến độ`
  return (
    <section data-testid="burnup" style={section}>
      <h2 style={heading}>Lũy kế sản phẩm truyền thông theo tuần</h2>
      <p style={{ margin: '0 0 0.5rem', color: MUTED }}>
        Tin bài, infographic, video được tính vào các chỉ tiêu sản phẩm (không cộng báo cáo, sản phẩm giao nộp). Đến{' '}
        {formatViDay(burnUp.cutOff)}: <strong data-testid="burnup-achieved">{done}</strong> /{' '}
        <span data-testid="burnup-target">{burnUp.target}</span> sản phẩm
        {due > done ? ` · cần đạt ${due} theo tiến độ · còn thiếu ${due - done}` : ' · đúng tiến độ'}.
      </p>
      <figure data-testid="burnup-chart" style={{ margin: 0 }}>
        <ProgressChart points={points} target={burnUp.target} summary={summary} />
        <figcaption style={{ fontSize: '0.85em', color: MUTED }}>
          Mỗi điểm là cuối một tuần (thứ Hai đến Chủ nhật), từ {formatViDay(burnUp.range?.from ?? '')} đến{' '}
          {formatViDay(burnUp.range?.to ?? '')}.
        </figcaption>
      </figure>
      <details style={{ marginTop: '0.5rem' }}>
        <summary>Xem số liệu theo tuần</summary>
        <table
          data-testid="burnup-table"
          style={{ borderCollapse: 'collapse', fontSize: '0.9em', marginTop: '0.5rem' }}
        >
          <caption style={{ textAlign: 'left', color: MUTED }}>Số sản phẩm lũy kế đến cuối mỗi tuần</caption>
          <thead>
            <tr>
              <th scope="col" style={cell}>
                Tuần
              </th>
              <th scope="col" style={numberCell}>
                Đã đạt
              </th>
              <th scope="col" style={numberCell}>
                Cần đạt theo tiến độ
              </th>
            </tr>
          </thead>
          <tbody>
            {burnUp.points.map((p, i) => (
              <tr key={p.weekStart}>
                <th scope="row" style={{ ...cell, fontWeight: 'normal' }}>
                  {points[i]?.title}
                </th>
                <td style={numberCell}>{p.achieved ?? '—'}</td>
                <td style={numberCell}>{p.expected}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  )
}

/** One content target's cumulative line over its window (the task drill-down). */
export function TargetProgress({ series, target }: { series: SeriesPoint[]; target: number }) {
  if (series.length < 2) return null
  const last = [...series].reverse().find((p) => p.achieved !== null)
  const points: ProgressPoint[] = series.map((p) => ({
    label: shortDay(p.day),
    title: formatViDay(p.day),
    achieved: p.achieved,
    expected: Math.ceil(p.expected - 1e-9),
  }))
  return (
    <figure style={{ margin: '0.5rem 0' }} data-testid="cumulative-chart">
      <ProgressChart
        points={points}
        target={target}
        height={220}
        summary={`Lũy kế ${last?.achieved ?? 0} trên ${target} sản phẩm, từ ${formatViDay(series[0]!.day)} đến ${formatViDay(series.at(-1)!.day)}`}
      />
    </figure>
  )
}

function Swatch({ color }: { color: string }) {
  return (
    <span
      aria-hidden="true"
      style={{
        display: 'inline-block',
        width: '1rem',
        height: '0.8rem',
        background: color,
        border: `1px solid ${RULE}`,
        verticalAlign: 'middle',
        marginRight: '0.25rem',
      }}
    />
  )
}

/**
 * Tasks × channels: each cell the task's items on the channel, as a share of the channel's quota
 * (per-channel targets) or as a count (pooled targets). A real table: row and column headers, a
 * caption, each cell's number and its words for screen readers; the colour only repeats them.
 */
export function HeatMapTable({ map }: { map: HeatMap }) {
  if (map.rows.length === 0 || map.channels.length === 0) {
    return (
      <section data-testid="heatmap" data-empty="true" style={section}>
        <h2 style={heading}>Nhiệm vụ theo kênh</h2>
        <p style={{ color: MUTED }}>Không có chỉ tiêu sản phẩm truyền thông nào có kênh trong phạm vi đang xem.</p>
      </section>
    )
  }
  const scales = new Set(map.rows.flatMap((r) => r.cells.flatMap((c) => (c ? [c.scale] : []))))
  return (
    <section data-testid="heatmap" style={section}>
      <h2 style={heading} id="heatmap-title">
        Nhiệm vụ theo kênh
      </h2>
      <div style={{ overflowX: 'auto' }}>
        <table
          aria-labelledby="heatmap-title"
          aria-describedby="heatmap-legend"
          style={{ borderCollapse: 'collapse', fontSize: '0.9em', minWidth: '60%' }}
        >
          <caption style={{ textAlign: 'left', color: MUTED, paddingBottom: '0.35rem' }}>
            Số sản phẩm của mỗi nhiệm vụ trên mỗi kênh.
            {scales.has('ratio') && ' Chỉ tiêu chia theo kênh: số đã đạt / chỉ tiêu của kênh.'}
            {scales.has('count') && ' Chỉ tiêu chung: số sản phẩm, không so với kênh.'} “—”: kênh không thuộc chỉ tiêu.
          </caption>
          <thead>
            <tr>
              <th scope="col" style={cell}>
                Nhiệm vụ
              </th>
              {map.channels.map((c) => (
                <th key={c.id} scope="col" style={{ ...cell, textAlign: 'center' }}>
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {map.rows.map((r) => (
              <tr key={r.task.id} data-testid={`heat-row-${r.task.code}`}>
                <th scope="row" style={{ ...cell, fontWeight: 'normal', maxWidth: '28rem' }}>
                  {r.task.code}. {r.task.title}
                </th>
                {r.cells.map((c, i) => {
                  const text = heatCellText(c)
                  const channel = map.channels[i]
                  return (
                    <td
                      key={channel?.id ?? i}
                      data-testid={channel ? `heat-${r.task.code}-${channel.id}` : undefined}
                      data-count={c?.count}
                      data-level={c?.level}
                      title={text.label}
                      style={{
                        ...cell,
                        textAlign: 'center',
                        minWidth: '5.5rem',
                        fontVariantNumeric: 'tabular-nums',
                        color: '#111',
                        background: c ? HEAT_COLORS[c.scale][c.level] : 'transparent',
                        fontWeight: c ? 600 : 'normal',
                      }}
                    >
                      <span aria-hidden="true">{text.short}</span>
                      {c?.percent !== null && c?.percent !== undefined && (
                        <span aria-hidden="true" style={{ fontWeight: 'normal' }}>
                          {' '}
                          ({c.percent}%)
                        </span>
                      )}
                      <span className="sr-only" style={SR_ONLY}>
                        {text.label}
                      </span>
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div id="heatmap-legend" style={{ fontSize: '0.85em', color: MUTED, marginTop: '0.5rem' }}>
        {scales.has('ratio') && (
          <p style={{ margin: '0.2rem 0' }}>
            Tỉ lệ đạt so với chỉ tiêu của kênh:{' '}
            {heatLegend('ratio', map.countSteps).map((label, i) => (
              <span key={label} style={{ marginRight: '0.75rem', whiteSpace: 'nowrap' }}>
                <Swatch color={HEAT_COLORS.ratio[i] ?? '#fff'} />
                {label}
              </span>
            ))}
          </p>
        )}
        {scales.has('count') && (
          <p style={{ margin: '0.2rem 0' }}>
            Số sản phẩm (chỉ tiêu chung):{' '}
            {heatLegend('count', map.countSteps).map((label, i) => (
              <span key={label} style={{ marginRight: '0.75rem', whiteSpace: 'nowrap' }}>
                <Swatch color={HEAT_COLORS.count[i] ?? '#fff'} />
                {label}
              </span>
            ))}
          </p>
        )}
        {map.withoutContent > 0 && (
          <p style={{ margin: '0.2rem 0' }}>
            {map.withoutContent} nhiệm vụ chỉ có báo cáo, sản phẩm giao nộp hoặc chỉ số nên không có trong bảng này.
          </p>
        )}
      </div>
    </section>
  )
}

const SR_ONLY = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const

function Bar({ percent, color }: { percent: number; color: string }) {
  return (
    <div aria-hidden="true" style={{ height: 10, background: TRACK, borderRadius: 5, minWidth: '8rem' }}>
      <div style={{ width: `${Math.min(100, percent)}%`, height: '100%', background: color, borderRadius: 5 }} />
    </div>
  )
}

/**
 * Units ranked by what the tasks they lead delivered, with bars: content items and deliverables
 * in their own columns (never added), in a table a screen reader reads as numbers.
 */
export function UnitBars({ ranks, unitHref }: { ranks: UnitRank[]; unitHref?: (unit: number) => string }) {
  if (ranks.length === 0) {
    return (
      <section data-testid="unit-bars" data-empty="true" style={section}>
        <h2 style={heading}>Xếp hạng đơn vị chủ trì</h2>
        <p style={{ color: MUTED }}>Chưa có nhiệm vụ nào được giao đơn vị chủ trì trong phạm vi đang xem.</p>
      </section>
    )
  }
  return (
    <section data-testid="unit-bars" style={section}>
      <h2 style={heading} id="unit-bars-title">
        Xếp hạng đơn vị chủ trì
      </h2>
      <table aria-labelledby="unit-bars-title" style={{ borderCollapse: 'collapse', fontSize: '0.9em', width: '100%' }}>
        <caption style={{ textAlign: 'left', color: MUTED, paddingBottom: '0.35rem' }}>
          Theo các nhiệm vụ mỗi đơn vị chủ trì; sản phẩm truyền thông và báo cáo tính riêng, không cộng vào nhau.
        </caption>
        <thead>
          <tr>
            <th scope="col" style={cell}>
              Đơn vị
            </th>
            <th scope="col" style={cell}>
              Sản phẩm truyền thông
            </th>
            <th scope="col" style={cell}>
              Báo cáo, sản phẩm giao nộp
            </th>
            <th scope="col" style={numberCell}>
              Chỉ tiêu cần chú ý
            </th>
          </tr>
        </thead>
        <tbody>
          {ranks.map((r) => (
            <tr key={r.unit?.id ?? 'none'} data-testid={`unit-bar-${r.unit?.id ?? 'none'}`}>
              <th scope="row" style={{ ...cell, fontWeight: 'normal' }}>
                {r.unit && unitHref ? (
                  <a href={unitHref(r.unit.id)}>{r.unit.name}</a>
                ) : (
                  (r.unit?.name ?? 'Chưa giao đơn vị chủ trì')
                )}
                <div style={{ color: MUTED, fontSize: '0.85em' }}>{r.tasks} nhiệm vụ</div>
              </th>
              <td style={cell} data-testid="unit-content" data-achieved={r.content?.achieved}>
                {r.content ? (
                  <>
                    <Bar percent={r.content.percent} color="#1565c0" />
                    {r.content.achieved}/{r.content.target} sản phẩm ({r.content.percent}%)
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td style={cell} data-testid="unit-deliverables">
                {r.deliverables ? (
                  <>
                    <Bar percent={r.deliverables.percent} color="#6941c6" />
                    {r.deliverables.done}/{r.deliverables.total} đã nộp
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td style={numberCell}>{r.attention}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
