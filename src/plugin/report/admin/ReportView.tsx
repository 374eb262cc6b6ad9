import type { BurnUp } from '../../../domain/burnUp'
import { formatViDay } from '../../../domain/calendar'
import { daysLeft, paceText, STATUS_COLORS, summarizeReport, targetBar } from '../../../domain/dashboardModel'
import { forecastText, type Forecast } from '../../../domain/forecast'
import { taskChannelHeatMap } from '../../../domain/heatMap'
import { STATUS_LABELS_VI } from '../../../domain/reportCsv'
import type { UnitRank } from '../../../domain/unitRollup'
import type { QuotaReport, ReportTarget } from '../buildReport'
import { BurnUpSection, HeatMapTable, UnitBars } from './DashboardCharts'

export const KIND_VI: Record<string, string> = {
  content: 'Nội dung',
  deliverable: 'Sản phẩm / báo cáo',
  indicator: 'Chỉ số',
}

// Fallbacks keep the view readable outside the admin (the share page has no admin theme).
const MUTED = 'var(--theme-elevation-600, #555)'
const TRACK = 'var(--theme-elevation-100, #e6e6e6)'
const RULE = 'var(--theme-elevation-150, #ddd)'
const TEXT = 'var(--theme-text, #111)'

/** A target's progress bar with the pace marker, coloured by status. */
export function TargetBar({ t }: { t: Pick<ReportTarget, 'target' | 'achieved' | 'expected' | 'status'> }) {
  const bar = targetBar(t)
  return (
    <div
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={t.target}
      aria-valuenow={t.achieved}
      style={{ position: 'relative', height: 10, background: TRACK, borderRadius: 5 }}
    >
      <div style={{ width: `${bar.fill}%`, height: '100%', background: STATUS_COLORS[t.status], borderRadius: 5 }} />
      <div
        title="Cần đạt đến nay"
        style={{ position: 'absolute', left: `${bar.marker}%`, top: -3, bottom: -3, width: 2, background: TEXT }}
      />
    </div>
  )
}

/** A target's per-channel bars: each channel's share of its quota (per-channel) or of the target. */
export function ChannelBars({ t, channelName }: { t: ReportTarget; channelName: Map<number, string> }) {
  if (t.byChannel.length === 0) return null
  return (
    <ul
      style={{
        listStyle: 'none',
        padding: 0,
        margin: '0.35rem 0 0',
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(12rem, 1fr))',
        gap: '0.25rem 1rem',
        fontSize: '0.85em',
      }}
    >
      {t.byChannel.map((c) => {
        // A per-channel target's bar is the channel's share of its own quota; a pooled one's, of the target.
        const quota = c.quota ?? t.target
        const share = quota > 0 ? Math.min(100, (c.achieved / quota) * 100) : 0
        return (
          <li key={c.channel} data-testid={`channel-${c.channel}`} data-achieved={c.achieved}>
            <span>
              {channelName.get(c.channel) ?? c.channel}: <strong>{c.achieved}</strong>
            </span>
            <div style={{ height: 4, background: TRACK, borderRadius: 2 }}>
              <div style={{ width: `${Math.round(share)}%`, height: '100%', background: MUTED, borderRadius: 2 }} />
            </div>
          </li>
        )
      })}
    </ul>
  )
}

export function TargetLine({
  t,
  channelName,
  forecast,
}: {
  t: ReportTarget
  channelName: Map<number, string>
  /** The plan as it stands (planned items on time), when the reader may see it. */
  forecast?: Forecast | undefined
}) {
  return (
    <div data-testid={`target-${t.id}`} data-status={t.status} style={{ margin: '0.5rem 0' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: '1rem', flexWrap: 'wrap' }}>
        <span>
          {t.label ?? KIND_VI[t.kind]}
          {t.mode === 'perChannel' ? ' (mỗi kênh)' : ''}
        </span>
        <span>
          <strong data-testid="achieved">{t.achieved}</strong> / <span data-testid="target">{t.target}</span> (
          {Math.floor(t.percent)}%) · <span data-testid="pace">{paceText(t)}</span>
          {t.late > 0 && ` · ${t.late} trễ hạn`} ·{' '}
          <span style={{ color: STATUS_COLORS[t.status], fontWeight: 600 }}>{STATUS_LABELS_VI[t.status]}</span>
        </span>
      </div>
      <TargetBar t={t} />
      {forecast && (
        <div data-testid="forecast" data-meets={forecast.meets} style={{ fontSize: '0.85em', margin: '0.2rem 0 0' }}>
          {forecastText(forecast)}
        </div>
      )}
      <ChannelBars t={t} channelName={channelName} />
    </div>
  )
}

export function TaskMeta({ task, asOf }: { task: QuotaReport['tasks'][number]; asOf: string }) {
  const left = daysLeft(task.deadline, asOf)
  return (
    <p style={{ margin: '0.25rem 0', color: MUTED }}>
      {task.recurring ? 'Thường xuyên' : task.deadline ? `Hạn ${formatViDay(task.deadline)}` : 'Không có hạn'}
      {left !== null && (left >= 0 ? ` · còn ${left} ngày` : ` · quá hạn ${-left} ngày`)}
      {task.leadUnits.length > 0 && ` · ${task.leadUnits.map((u) => u.name).join(', ')}`}
    </p>
  )
}

const card = {
  border: `1px solid ${RULE}`,
  borderRadius: 6,
  padding: '0.5rem 0.75rem',
  minWidth: '9rem',
}

/**
 * The summary at the top: targets by status (coloured as the bars), and each kind of target in
 * its own unit, never added together (dashboardModel.ts summarizeReport).
 */
export function SummaryCards({ report }: { report: QuotaReport }) {
  const s = summarizeReport(report.tasks)
  const statuses = Object.keys(s.byStatus) as Array<keyof typeof s.byStatus>
  return (
    <div data-testid="quota-summary" style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', margin: '0.75rem 0' }}>
      <div data-testid="quota-totals" style={card}>
        <div style={{ color: MUTED, fontSize: '0.85em' }}>Sản phẩm truyền thông</div>
        <strong style={{ fontSize: '1.4em' }}>{s.content.achieved}</strong> / {s.content.target}
      </div>
      {s.deliverables.total > 0 && (
        <div data-testid="summary-deliverables" style={card}>
          <div style={{ color: MUTED, fontSize: '0.85em' }}>Báo cáo, sản phẩm giao nộp</div>
          <strong style={{ fontSize: '1.4em' }}>{s.deliverables.done}</strong> / {s.deliverables.total} đã nộp
        </div>
      )}
      {s.indicators.total > 0 && (
        <div data-testid="summary-indicators" style={card}>
          <div style={{ color: MUTED, fontSize: '0.85em' }}>Chỉ số</div>
          <strong style={{ fontSize: '1.4em' }}>{s.indicators.done}</strong> / {s.indicators.total} đạt
        </div>
      )}
      {statuses.map((status) => (
        <div
          key={status}
          data-testid={`summary-${status}`}
          style={{ ...card, borderLeft: `4px solid ${STATUS_COLORS[status]}` }}
        >
          <div style={{ color: MUTED, fontSize: '0.85em' }}>{STATUS_LABELS_VI[status]}</div>
          <strong style={{ fontSize: '1.4em' }}>{s.byStatus[status]}</strong> chỉ tiêu
        </div>
      ))}
    </div>
  )
}

/**
 * The plan's attainment: the summary, the charts, then task by task. Presentational only: the
 * numbers come from the report, so the admin dashboard, the periodic report's page and the public
 * share page show the same thing. The tasks × channels heat map needs the report alone; the
 * weekly burn-up (from the ledger) and the units' ranking (from the unit tree) are the dashboard's.
 */
export function ReportView({
  report,
  taskHref,
  exportQuery,
  forecasts,
  burnUp,
  unitRanks,
  unitHref,
  filtered = false,
}: {
  report: QuotaReport
  /** The plan's weekly burn-up of content items (the dashboard's). */
  burnUp?: BurnUp | undefined
  /** Units ranked by their tasks (the dashboard's), and where a unit's name leads. */
  unitRanks?: UnitRank[] | undefined
  unitHref?: (unit: number) => string
  /** The report was narrowed by the dashboard's filters: say so above the numbers. */
  filtered?: boolean
  /** Forecasts by target id (the dashboard's; the public share page shows none). */
  forecasts?: Map<string, Forecast>
  /** Where a task's title leads (its drill-down); plain text when absent. */
  taskHref?: (task: number) => string
  /** Query for the CSV/XLSX/DOCX links; no links when absent. */
  exportQuery?: string
}) {
  const channelName = new Map(report.channels.map((c) => [c.id, c.name]))
  return (
    <section data-testid="quota-report">
      <p>
        <strong>{report.plan.code}</strong> — {report.plan.title}
      </p>
      <SummaryCards report={report} />
      <p>
        Số liệu đến ngày {formatViDay(report.asOf)}
        {exportQuery && (
          <>
            {' '}
            · <a href={`/api/quota/report?${exportQuery}&format=xlsx`}>Tải XLSX</a> ·{' '}
            <a href={`/api/quota/report?${exportQuery}&format=csv`}>Tải CSV</a> ·{' '}
            <a href={`/api/quota/report?${exportQuery}&format=docx`} data-testid="report-docx">
              Tải báo cáo (.docx)
            </a>
          </>
        )}
      </p>
      {filtered && (
        <p data-testid="filtered-note" style={{ color: MUTED }}>
          Đang lọc: chỉ hiện các chỉ tiêu khớp bộ lọc; số liệu của mỗi chỉ tiêu vẫn là số của cả chỉ tiêu. Các tệp tải
          về gồm toàn bộ kế hoạch.
        </p>
      )}
      {burnUp && <BurnUpSection burnUp={burnUp} />}
      <HeatMapTable map={taskChannelHeatMap(report)} />
      {unitRanks && <UnitBars ranks={unitRanks} unitHref={unitHref} />}
      <h2 style={{ margin: '1.5rem 0 0.25rem', fontSize: '1.1rem' }}>Từng nhiệm vụ</h2>
      {report.tasks.length === 0 && <p>Không có nhiệm vụ nào phù hợp.</p>}
      {report.tasks.map((task) => (
        <article
          key={task.id}
          data-testid={`task-${task.code}`}
          style={{ borderTop: `1px solid ${RULE}`, padding: '1rem 0' }}
        >
          <h3 style={{ margin: 0 }}>
            {taskHref ? (
              <a href={taskHref(task.id)}>
                {task.code}. {task.title}
              </a>
            ) : (
              <>
                {task.code}. {task.title}
              </>
            )}
          </h3>
          <TaskMeta task={task} asOf={report.asOf} />
          {task.targets.map((t) => (
            <TargetLine key={t.id} t={t} channelName={channelName} forecast={forecasts?.get(t.id)} />
          ))}
        </article>
      ))}
    </section>
  )
}
