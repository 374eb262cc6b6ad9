import type { AdminViewServerProps, PayloadRequest } from 'payload'
import { calendarDay } from '../../../domain/calendar'
import { readCalendarUrl, type CalendarFilterName } from '../../../domain/calendarView'
import { SLUGS } from '../../../domain/slugs'
import { relId } from '../../../domain/relations'
import { hasRole, isStaffUser } from '../../access/roles'
import { AdminPage } from '../../admin/AdminPage'
import { countedCollections, countingTimeZone, pluginUsersSlug } from '../../counting/engine/settings'
import { CalendarClient, type CalendarOption } from './CalendarClient'
import type { PlanningOptions } from './PlanItemForm'

type Row = Record<string, unknown>

/**
 * The "Lên kế hoạch" form's choices, read as the planner (access on): the tasks they may read (with
 * their plan, so the form can list the filtered plan's), and the users they may see grouped by
 * unit, their own unit's first. The API decides on the save (another unit's user is a 400).
 */
async function planningOptions(
  req: PayloadRequest,
  types: CalendarOption[],
  units: CalendarOption[],
): Promise<PlanningOptions> {
  const tasks = await req.payload.find({
    collection: SLUGS.tasks,
    depth: 0,
    limit: 500,
    sort: 'code',
    select: { code: true, title: true, plan: true },
    overrideAccess: false,
    req,
  })
  const users = await req.payload.find({
    collection: pluginUsersSlug(req.payload) as typeof SLUGS.users,
    depth: 0,
    limit: 500,
    sort: 'name',
    select: { name: true, email: true, unit: true },
    overrideAccess: false,
    req,
  })
  const own = String(relId((req.user as { unit?: unknown } | null)?.unit) ?? '')
  const unitName = new Map(units.map((u) => [u.value, u.label]))
  const groups = new Map<string, PlanningOptions['assignees'][number]>()
  for (const u of users.docs as unknown as Row[]) {
    const unit = String(relId(u.unit) ?? '')
    const group =
      unit === own && own ? `Đơn vị của bạn (${unitName.get(unit) ?? unit})` : (unitName.get(unit) ?? 'Chưa có đơn vị')
    if (!groups.has(group)) groups.set(group, { group, users: [] })
    groups.get(group)?.users.push({ value: String(u.id), label: String(u.name || u.email || u.id) })
  }
  const ordered = [...groups.values()].sort((a, b) =>
    a.group.startsWith('Đơn vị của bạn')
      ? -1
      : b.group.startsWith('Đơn vị của bạn')
        ? 1
        : a.group.localeCompare(b.group, 'vi'),
  )
  return {
    types,
    tasks: (tasks.docs as unknown as Row[]).map((t) => ({
      value: String(t.id),
      label: `${String(t.code ?? '')}. ${String(t.title ?? '')}`,
      plan: String(relId(t.plan) ?? ''),
    })),
    assignees: ordered,
  }
}

/** A filter's choices, read as the signed-in user: nobody is offered what they cannot see. */
async function optionsOf(
  req: PayloadRequest,
  collection: string,
  label: (doc: Record<string, unknown>) => string,
  sort: string,
): Promise<CalendarOption[]> {
  const { docs } = await req.payload.find({
    collection: collection as typeof SLUGS.plans,
    depth: 0,
    limit: 200,
    sort,
    overrideAccess: false,
    req,
  })
  return (docs as unknown as Array<Record<string, unknown>>).map((d) => ({ value: String(d.id), label: label(d) }))
}

/**
 * /admin/calendar: deadlines, report and key days, planned, slipped and published items on one
 * calendar, for the plan's staff (editors see their unit's work and what is assigned to them; the
 * endpoint decides). The filters, the view and the date are in the URL.
 */
export async function CalendarView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const page = { initPageResult, params, searchParams }
  if (!req.user || !isStaffUser(req.user)) {
    return (
      <AdminPage view={page} title="Lịch kế hoạch">
        <p role="alert">Lịch kế hoạch dành cho cán bộ của đơn vị; hãy đăng nhập bằng tài khoản cán bộ.</p>
      </AdminPage>
    )
  }
  const { filters, view, date } = readCalendarUrl((searchParams ?? {}) as Record<string, string | string[] | undefined>)
  const types = countedCollections(req.payload)
  const typeLabel = (slug: string) => {
    const labels = req.payload.collections[slug as typeof SLUGS.plans]?.config.labels?.plural
    const vi = labels && typeof labels === 'object' ? (labels as Record<string, string>).vi : undefined
    return vi ?? slug
  }
  const options: Record<CalendarFilterName, CalendarOption[]> = {
    plan: await optionsOf(req, SLUGS.plans, (d) => String(d.code ?? d.id), '-createdAt'),
    unit: await optionsOf(req, SLUGS.units, (d) => String(d.name ?? d.id), 'name'),
    channel: await optionsOf(req, SLUGS.channels, (d) => String(d.name ?? d.id), 'name'),
    type: types.map((slug) => ({ value: slug, label: typeLabel(slug) })),
    assignee: await optionsOf(req, pluginUsersSlug(req.payload), (d) => String(d.name ?? d.email ?? d.id), 'name'),
  }
  return (
    <AdminPage view={page} title="Lịch kế hoạch">
      <p style={{ marginTop: 0, color: 'var(--theme-elevation-600)' }}>
        Hạn nhiệm vụ và thời gian của từng chỉ tiêu, ngày báo cáo, ngày trọng điểm, tin bài dự kiến đăng (kéo sang ngày
        khác để dời lịch, nếu bạn có quyền), tin bài hẹn giờ đăng và tin bài đã đăng theo kênh. Bấm vào một mục để mở
        nhiệm vụ hoặc tin bài.
      </p>
      <CalendarClient
        apiRoute={`${req.payload.config.serverURL ?? ''}${req.payload.config.routes.api}`}
        adminRoute={req.payload.config.routes.admin}
        initialFilters={filters}
        initialView={view}
        initialDate={date ?? calendarDay(new Date(), countingTimeZone(req.payload))}
        options={options}
        planning={hasRole(req.user, 'admin', 'manager') ? await planningOptions(req, options.type, options.unit) : null}
      />
    </AdminPage>
  )
}
