import type { AdminViewServerProps } from 'payload'
import { AdminPage } from '../../admin/AdminPage'
import { hasRole } from '../../access/roles'
import { calendarDay } from '../../../domain/calendar'
import { pickDefaultPlan } from '../../../domain/dashboardModel'
import { formatMessage } from '../../../domain/i18n/messages'
import { relId } from '../../../domain/relations'
import { parseReportParams, parseTaskParams } from '../../../domain/reportParams'
import { rollupByUnit } from '../../../domain/unitRollup'
import { SLUGS } from '../../../domain/slugs'
import { countingTimeZone } from '../../counting/engine/settings'
import { loadForecasts } from '../../calendar/loadForecasts'
import { buildReport } from '../buildReport'
import { buildTaskDetail } from '../buildTaskDetail'
import { ReportView } from './ReportView'
import { TaskDetailView } from './TaskDetailView'
import { UnitRollupView } from './UnitRollupView'

/** The dashboard's own words are Vietnamese only so far: its messages follow, not the admin's language. */
const SCREEN_LANGUAGE = 'vi'

/**
 * /admin/quota: the managers' view of quota attainment. Server-rendered from the same report
 * as GET /api/quota/report, read as the signed-in user; plan, day and unit are chosen in a
 * plain GET form, so every state is a shareable admin URL.
 */
export async function QuotaDashboard({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
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
  // Without a choice, the plan running today (dashboardModel.ts pickDefaultPlan).
  const tz = countingTimeZone(req.payload)
  const preferred = pickDefaultPlan(
    plans as Array<{ id: unknown; period?: { from?: string | null; to?: string | null } | null }>,
    today,
    (instant) => calendarDay(instant, tz),
  )
  if (!query.plan && preferred) query.plan = String(preferred.id)
  const parsed = allowed && query.plan ? parseReportParams(query, today) : null
  const taskQuery = allowed && query.task ? parseTaskParams(query, today) : null
  const detail = taskQuery?.ok ? await buildTaskDetail(req, taskQuery.params) : null
  const report = parsed?.ok && !taskQuery ? await buildReport(req, parsed.params) : null
  const byUnit = query.view === 'units'
  const forecasts = report && !byUnit ? await loadForecasts(req, report) : undefined
  const base = parsed?.ok
    ? `plan=${parsed.params.plan}&asOf=${parsed.params.asOf}${parsed.params.unit ? `&unit=${parsed.params.unit}` : ''}`
    : ''
  const taskHref = (task: number) => `/admin/quota?${base}&task=${task}`
  const rollup =
    report && byUnit
      ? rollupByUnit(
          report.tasks,
          units.map((u) => ({
            id: Number(u.id),
            name: String(u.name),
            parent: relId(u.parent) === undefined ? null : Number(relId(u.parent)),
          })),
        )
      : null

  return (
    <AdminPage view={{ initPageResult, params, searchParams }} title="Tiến độ chỉ tiêu">
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
            <label>
              Cách xem
              <br />
              <select name="view" defaultValue={byUnit ? 'units' : ''}>
                <option value="">Theo nhiệm vụ</option>
                <option value="units">Theo đơn vị chủ trì</option>
              </select>
            </label>
            <button type="submit" className="btn btn--style-primary btn--size-small" style={{ margin: 0 }}>
              Xem
            </button>
          </form>
          {parsed && !parsed.ok && (
            <p role="alert">
              Tham số không hợp lệ ({parsed.field}): {formatMessage(parsed.problem, SCREEN_LANGUAGE)}
            </p>
          )}
          {taskQuery && !taskQuery.ok && (
            <p role="alert">
              Tham số không hợp lệ ({taskQuery.field}): {formatMessage(taskQuery.problem, SCREEN_LANGUAGE)}
            </p>
          )}
          {taskQuery?.ok && !detail && <p role="alert">Không tìm thấy nhiệm vụ.</p>}
          {detail && <TaskDetailView detail={detail} backHref={`/admin/quota?${base}`} />}
          {parsed?.ok && !taskQuery && !report && <p role="alert">Không tìm thấy kế hoạch.</p>}
          {report && rollup && <UnitRollupView nodes={rollup} report={report} taskHref={taskHref} />}
          {report && !rollup && (
            <ReportView report={report} taskHref={taskHref} exportQuery={base} forecasts={forecasts} />
          )}
        </>
      )}
    </AdminPage>
  )
}
