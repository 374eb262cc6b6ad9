import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import { hasRole } from '../../access/roles'
import { calendarDay, formatViDay } from '../../domain/calendar'
import { daysLeft, STATUS_COLORS, targetBar } from '../../domain/dashboardModel'
import { STATUS_LABELS_VI } from '../../domain/reportCsv'
import { parseReportParams } from '../../domain/reportParams'
import { SLUGS } from '../../slugs'
import { countingTimeZone } from '../engine/settings'
import { buildReport, type QuotaReport } from '../report/buildReport'

const KIND_VI: Record<string, string> = { content: 'Nội dung', deliverable: 'Sản phẩm / báo cáo', indicator: 'Chỉ số' }

/**
 * /admin/quota: the managers' view of quota attainment. Server-rendered from the same report
 * as GET /api/quota/report, read as the signed-in user; plan, day and unit are chosen in a
 * plain GET form, so every state is a shareable admin URL.
 */
export async function QuotaDashboard({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, locale, visibleEntities } = initPageResult
  const today = calendarDay(new Date(), countingTimeZone(req.payload))
  const allowed = hasRole(req.user, 'admin', 'manager')
  const plans = allowed
    ? (
        await req.payload.find({
          collection: SLUGS.plans,
          depth: 0,
          limit: 200,
          sort: '-updatedAt',
          overrideAccess: false,
          req,
        })
      ).docs
    : []
  const units = allowed
    ? (
        await req.payload.find({
          collection: SLUGS.units,
          depth: 0,
          limit: 500,
          sort: 'name',
          overrideAccess: false,
          req,
        })
      ).docs
    : []
  const query = { ...(searchParams ?? {}) } as Record<string, unknown>
  if (!query.plan && plans[0]) query.plan = String(plans[0].id)
  const parsed = allowed && query.plan ? parseReportParams(query, today) : null
  const report = parsed?.ok ? await buildReport(req, parsed.params) : null

  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <h1 style={{ margin: '1.5rem 0 1rem' }}>Tiến độ chỉ tiêu</h1>
        {!allowed ? (
          <p>Chỉ lãnh đạo và quản trị viên xem được bảng chỉ tiêu.</p>
        ) : (
          <>
            <form
              method="get"
              style={{ display: 'flex', gap: '0.75rem', flexWrap: 'wrap', alignItems: 'end', marginBottom: '1.5rem' }}
            >
              <label>
                Kế hoạch
                <br />
                <select name="plan" defaultValue={String(query.plan ?? '')}>
                  {plans.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.code}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Số liệu đến ngày
                <br />
                <input type="date" name="asOf" defaultValue={parsed?.ok ? parsed.params.asOf : today} />
              </label>
              <label>
                Đơn vị chủ trì
                <br />
                <select name="unit" defaultValue={String(query.unit ?? '')}>
                  <option value="">Tất cả</option>
                  {units.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className="btn btn--style-primary btn--size-small" style={{ margin: 0 }}>
                Xem
              </button>
            </form>
            {parsed && !parsed.ok && (
              <p role="alert">
                Tham số không hợp lệ ({parsed.field}): {parsed.message}
              </p>
            )}
            {parsed?.ok && !report && <p role="alert">Không tìm thấy kế hoạch.</p>}
            {report && <ReportView report={report} />}
          </>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}

function ReportView({ report }: { report: QuotaReport }) {
  const channelName = new Map(report.channels.map((c) => [c.id, c.name]))
  const exportQuery = `plan=${report.plan.id}&asOf=${report.asOf}${report.unit ? `&unit=${report.unit}` : ''}`
  return (
    <section data-testid="quota-report">
      <p>
        <strong>{report.plan.code}</strong> — {report.plan.title}
      </p>
      <p data-testid="quota-totals">
        Tổng: <strong>{report.totals.achieved}</strong> / {report.totals.target} ({report.totals.percent}%) · số liệu
        đến ngày {formatViDay(report.asOf)} · <a href={`/api/quota/report?${exportQuery}&format=xlsx`}>Tải XLSX</a> ·{' '}
        <a href={`/api/quota/report?${exportQuery}&format=csv`}>Tải CSV</a>
      </p>
      {report.tasks.map((task) => {
        const left = daysLeft(task.deadline, report.asOf)
        return (
          <article
            key={task.id}
            data-testid={`task-${task.code}`}
            style={{ borderTop: '1px solid var(--theme-elevation-150)', padding: '1rem 0' }}
          >
            <h3 style={{ margin: 0 }}>
              <a href={`/admin/collections/tasks/${task.id}`}>
                {task.code}. {task.title}
              </a>
            </h3>
            <p style={{ margin: '0.25rem 0', color: 'var(--theme-elevation-600)' }}>
              {task.recurring ? 'Thường xuyên' : task.deadline ? `Hạn ${formatViDay(task.deadline)}` : 'Không có hạn'}
              {left !== null && (left >= 0 ? ` · còn ${left} ngày` : ` · quá hạn ${-left} ngày`)}
              {task.leadUnits.length > 0 && ` · ${task.leadUnits.map((u) => u.name).join(', ')}`}
            </p>
            {task.targets.map((t) => {
              const bar = targetBar(t)
              return (
                <div key={t.id} data-testid={`target-${t.id}`} data-status={t.status} style={{ margin: '0.5rem 0' }}>
                  <div style={{ display: 'flex', justifyContent: 'space-between', gap: '1rem' }}>
                    <span>
                      {t.label ?? KIND_VI[t.kind]}
                      {t.mode === 'perChannel' ? ' (mỗi kênh)' : ''}
                    </span>
                    <span>
                      <strong data-testid="achieved">{t.achieved}</strong> /{' '}
                      <span data-testid="target">{t.target}</span> ({t.percent}%) · cần {t.expected}
                      {t.late > 0 && ` · ${t.late} trễ hạn`} ·{' '}
                      <span style={{ color: STATUS_COLORS[t.status], fontWeight: 600 }}>
                        {STATUS_LABELS_VI[t.status]}
                      </span>
                    </span>
                  </div>
                  <div
                    role="progressbar"
                    aria-valuemin={0}
                    aria-valuemax={t.target}
                    aria-valuenow={t.achieved}
                    style={{
                      position: 'relative',
                      height: 10,
                      background: 'var(--theme-elevation-100)',
                      borderRadius: 5,
                    }}
                  >
                    <div
                      style={{
                        width: `${bar.fill}%`,
                        height: '100%',
                        background: STATUS_COLORS[t.status],
                        borderRadius: 5,
                      }}
                    />
                    <div
                      title="Cần đạt đến nay"
                      style={{
                        position: 'absolute',
                        left: `${bar.marker}%`,
                        top: -3,
                        bottom: -3,
                        width: 2,
                        background: 'var(--theme-text)',
                      }}
                    />
                  </div>
                  {t.byChannel.length > 0 && (
                    <ul
                      style={{
                        listStyle: 'none',
                        padding: 0,
                        margin: '0.25rem 0 0',
                        display: 'flex',
                        flexWrap: 'wrap',
                        gap: '0.25rem 1rem',
                        fontSize: '0.85em',
                      }}
                    >
                      {t.byChannel.map((c) => (
                        <li key={c.channel} data-testid={`channel-${c.channel}`}>
                          {channelName.get(c.channel) ?? c.channel}: <strong>{c.achieved}</strong>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              )
            })}
          </article>
        )
      })}
    </section>
  )
}
