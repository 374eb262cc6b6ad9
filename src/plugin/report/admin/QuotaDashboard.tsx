import type { AdminViewServerProps, PayloadRequest } from 'payload'
import { AdminPage } from '../../admin/AdminPage'
import { hasRole } from '../../access/roles'
import { planBurnUp } from '../../../domain/burnUp'
import { calendarDay } from '../../../domain/calendar'
import {
  DASHBOARD_STATUSES,
  dashboardQuery,
  filterReport,
  ignoredNote,
  readDashboardFilters,
  type DashboardFilters as Filters,
} from '../../../domain/dashboardFilters'
import { pickDefaultPlan } from '../../../domain/dashboardModel'
import { formatMessage } from '../../../domain/i18n/messages'
import { relId } from '../../../domain/relations'
import { STATUS_LABELS_VI } from '../../../domain/reportCsv'
import { parseReportParams, parseTaskParams } from '../../../domain/reportParams'
import { rankUnits, rollupByUnit } from '../../../domain/unitRollup'
import { SLUGS } from '../../../domain/slugs'
import { listLedgerRows } from '../../counting/engine/read'
import { countedCollections, countingTimeZone } from '../../counting/engine/settings'
import { loadForecasts } from '../../calendar/loadForecasts'
import { buildReport } from '../buildReport'
import { buildTaskDetail } from '../buildTaskDetail'
import { UnitBars } from './DashboardCharts'
import { DashboardFilters, type DashboardState } from './DashboardFilters'
import { ReportView } from './ReportView'
import { TaskDetailView } from './TaskDetailView'
import { UnitRollupView } from './UnitRollupView'

/** The dashboard's own words are Vietnamese only so far: its messages follow, not the admin's language. */
const SCREEN_LANGUAGE = 'vi'

type Row = Record<string, unknown>

/** A list the filters offer, read as the signed-in user: nobody is offered what they cannot see. */
async function visible(req: PayloadRequest, collection: 'plans' | 'units' | 'channels', sort: string): Promise<Row[]> {
  const { docs } = await req.payload.find({
    collection,
    depth: 0,
    limit: 500,
    sort,
    overrideAccess: false,
    req,
  })
  return docs as unknown as Row[]
}

/** A counted collection's Vietnamese plural ("Tin bài"), else its slug. */
function typeLabel(req: PayloadRequest, slug: string): string {
  const labels = req.payload.collections[slug as typeof SLUGS.articles]?.config.labels?.plural
  const vi = labels && typeof labels === 'object' ? (labels as Record<string, string>).vi : undefined
  return vi ?? slug
}

/**
 * /admin/quota: the managers' view of quota attainment. Server-rendered from the same report
 * as GET /api/quota/report, read as the signed-in user. Plan, day, view and the filters (status,
 * channel, content type, lead unit) live in the address: each choice changes it at once
 * (DashboardFilters), so every state is a shareable admin URL and Back undoes a choice. Unknown
 * filter values in the address are ignored, and the page says so.
 */
export async function QuotaDashboard({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const tz = countingTimeZone(req.payload)
  const today = calendarDay(new Date(), tz)
  const allowed = hasRole(req.user, 'admin', 'manager')
  const view = { initPageResult, params, searchParams }
  if (!allowed) {
    return (
      <AdminPage view={view} title="Tiến độ chỉ tiêu">
        <p>Chỉ lãnh đạo và quản trị viên xem được bảng chỉ tiêu.</p>
      </AdminPage>
    )
  }
  const [plans, units, channels] = await Promise.all([
    visible(req, SLUGS.plans, '-updatedAt'),
    visible(req, SLUGS.units, 'name'),
    visible(req, SLUGS.channels, 'name'),
  ])
  const types = countedCollections(req.payload)
  const query = { ...(searchParams ?? {}) } as Record<string, unknown>
  const { filters, ignored } = readDashboardFilters(query, {
    channels: channels.map((c) => Number(c.id)),
    types,
    units: units.map((u) => Number(u.id)),
  })
  // The report's own unit parameter, once known to be a unit the reader can see.
  if (filters.unit === null) delete query.unit
  else query.unit = String(filters.unit)
  // Without a choice, the plan running today (dashboardModel.ts pickDefaultPlan).
  const preferred = pickDefaultPlan(
    plans as Array<{ id: unknown; period?: { from?: string | null; to?: string | null } | null }>,
    today,
    (instant) => calendarDay(instant, tz),
  )
  if (!query.plan && preferred) query.plan = String(preferred.id)
  const parsed = query.plan ? parseReportParams(query, today) : null
  const taskQuery = query.task ? parseTaskParams(query, today) : null
  const detail = taskQuery?.ok ? await buildTaskDetail(req, taskQuery.params) : null
  const full = parsed?.ok && !taskQuery ? await buildReport(req, parsed.params) : null
  const report = full ? filterReport(full, filters) : null
  const byUnit = query.view === 'units'

  const adminPath = `${req.payload.config.routes.admin}/quota`
  const state: DashboardState = {
    plan: String(query.plan ?? ''),
    asOf: parsed?.ok ? parsed.params.asOf : typeof query.asOf === 'string' ? query.asOf : today,
    view: byUnit ? 'units' : '',
    filters: {
      status: filters.status ?? '',
      channel: filters.channel === null ? '' : String(filters.channel),
      type: filters.type ?? '',
      unit: filters.unit === null ? '' : String(filters.unit),
    },
  }
  const hrefWith = (change: Partial<Filters>, extra = '') =>
    `${adminPath}?${dashboardQuery({ plan: state.plan, asOf: state.asOf, view: state.view || null, filters: { ...state.filters, ...change } })}${extra}`
  const taskHref = (task: number) => hrefWith({}, `&task=${task}`)
  const base = parsed?.ok
    ? `plan=${parsed.params.plan}&asOf=${parsed.params.asOf}${parsed.params.unit ? `&unit=${parsed.params.unit}` : ''}`
    : ''

  const rollup = report
    ? rollupByUnit(
        report.tasks,
        units.map((u) => ({
          id: Number(u.id),
          name: String(u.name),
          parent: relId(u.parent) === undefined ? null : Number(relId(u.parent)),
        })),
      )
    : null
  const ranks = report && rollup ? rankUnits(rollup, report.tasks) : null
  const forecasts = report && !byUnit ? await loadForecasts(req, report) : undefined
  const plan = report ? plans.find((p) => Number(p.id) === report.plan.id) : undefined
  const period = (plan?.period ?? null) as { from?: string | null; to?: string | null } | null
  const burnUp =
    report && !byUnit
      ? planBurnUp({
          report,
          // The ledger rows of the tasks the reader was shown (read as the user above), up to the report day.
          rows: await listLedgerRows(req.payload, { tasks: report.tasks.map((t) => t.id), to: report.asOf }, req),
          period: {
            from: period?.from ? calendarDay(period.from, tz) : null,
            to: period?.to ? calendarDay(period.to, tz) : null,
          },
          now: new Date(),
          timeZone: tz,
        })
      : undefined
  const note = ignoredNote(ignored)

  return (
    <AdminPage view={view} title="Tiến độ chỉ tiêu">
      <DashboardFilters
        key={JSON.stringify(state)}
        path={adminPath}
        state={state}
        options={{
          plan: plans.map((p) => ({ value: String(p.id), label: String(p.code ?? p.id) })),
          status: DASHBOARD_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS_VI[s] ?? s })),
          channel: channels.map((c) => ({ value: String(c.id), label: String(c.name ?? c.id) })),
          type: types.map((slug) => ({ value: slug, label: typeLabel(req, slug) })),
          unit: units.map((u) => ({ value: String(u.id), label: String(u.name ?? u.id) })),
        }}
      />
      {note && (
        <p role="status" data-testid="filters-ignored" style={{ color: '#b54708' }}>
          {note}
        </p>
      )}
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
      {detail && (
        <TaskDetailView
          detail={detail}
          backHref={hrefWith({})}
          pageHref={(page) => hrefWith({}, `&task=${detail.task.id}${page > 1 ? `&page=${page}` : ''}`)}
        />
      )}
      {parsed?.ok && !taskQuery && !full && <p role="alert">Không tìm thấy kế hoạch.</p>}
      {report && byUnit && rollup && (
        <>
          <UnitBars ranks={ranks ?? []} unitHref={(unit) => hrefWith({ unit })} />
          <UnitRollupView nodes={rollup} report={report} taskHref={taskHref} />
        </>
      )}
      {report && !byUnit && (
        <ReportView
          report={report}
          taskHref={taskHref}
          exportQuery={base}
          forecasts={forecasts}
          burnUp={burnUp}
          unitRanks={ranks ?? undefined}
          unitHref={(unit) => hrefWith({ unit })}
          filtered={report !== full}
        />
      )}
    </AdminPage>
  )
}
