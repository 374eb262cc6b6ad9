import type { AdminViewServerProps, PayloadRequest } from 'payload'
import { calendarDay } from '../../../domain/calendar'
import { readCalendarUrl, type CalendarFilterName } from '../../../domain/calendarView'
import { SLUGS } from '../../../domain/slugs'
import { isStaffUser } from '../../access/roles'
import { AdminPage } from '../../admin/AdminPage'
import { countedCollections, countingTimeZone, pluginUsersSlug } from '../../counting/engine/settings'
import { CalendarClient, type CalendarOption } from './CalendarClient'

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
        Hạn nhiệm vụ, ngày báo cáo, ngày trọng điểm, tin bài dự kiến đăng (kéo sang ngày khác để dời lịch, nếu bạn có
        quyền) và tin bài đã đăng theo kênh. Bấm vào một mục để mở nhiệm vụ hoặc tin bài.
      </p>
      <CalendarClient
        apiRoute={`${req.payload.config.serverURL ?? ''}${req.payload.config.routes.api}`}
        adminRoute={req.payload.config.routes.admin}
        initialFilters={filters}
        initialView={view}
        initialDate={date ?? calendarDay(new Date(), countingTimeZone(req.payload))}
        options={options}
      />
    </AdminPage>
  )
}
