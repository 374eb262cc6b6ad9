/**
 * The dashboard's filters (status, channel, content type, lead unit), kept in its URL: read from
 * the address with anything unknown set aside and named (the page says what it ignored), written
 * back as the address, and applied to the report. Filters choose which targets are shown; a
 * target's numbers stay its own (a channel filter shows the targets that name the channel, with
 * their whole count). The unit filter is the report's own (its tasks led by the unit or a unit
 * below it, reportAssembly's ReportParams.unit). Pure.
 */
import { totals, type TargetStatus } from './quota'
import type { QuotaReport } from './reportAssembly'

export const DASHBOARD_STATUSES: readonly TargetStatus[] = ['done', 'on-track', 'at-risk', 'behind', 'overdue']

export interface DashboardFilters {
  status: TargetStatus | null
  channel: number | null
  type: string | null
  unit: number | null
}

export const NO_FILTERS: DashboardFilters = { status: null, channel: null, type: null, unit: null }

export type DashboardFilterName = keyof DashboardFilters
export const DASHBOARD_FILTERS: readonly DashboardFilterName[] = ['status', 'channel', 'type', 'unit']

/** What each filter is called on screen. */
export const FILTER_LABELS_VI: Record<DashboardFilterName, string> = {
  status: 'Tình trạng',
  channel: 'Kênh',
  type: 'Loại sản phẩm',
  unit: 'Đơn vị chủ trì',
}

/** A filter value in the address that the page set aside. */
export interface IgnoredFilter {
  param: DashboardFilterName
  value: string
}

/** The values the reader may choose from (what they can see); anything else is set aside. */
export interface KnownFilterValues {
  channels: readonly number[]
  types: readonly string[]
  units: readonly number[]
}

const first = (v: unknown): string => {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' ? s.trim() : ''
}

export function readDashboardFilters(
  search: Record<string, unknown>,
  known: KnownFilterValues,
): { filters: DashboardFilters; ignored: IgnoredFilter[] } {
  const filters: DashboardFilters = { ...NO_FILTERS }
  const ignored: IgnoredFilter[] = []
  const id = (name: 'channel' | 'unit', allowed: readonly number[]): number | null => {
    const text = first(search[name])
    if (!text) return null
    const n = /^[1-9]\d{0,9}$/.test(text) ? Number(text) : NaN
    if (allowed.includes(n)) return n
    ignored.push({ param: name, value: text })
    return null
  }
  const status = first(search.status)
  if (status) {
    if ((DASHBOARD_STATUSES as readonly string[]).includes(status)) filters.status = status as TargetStatus
    else ignored.push({ param: 'status', value: status })
  }
  filters.channel = id('channel', known.channels)
  const type = first(search.type)
  if (type) {
    if (known.types.includes(type)) filters.type = type
    else ignored.push({ param: 'type', value: type })
  }
  filters.unit = id('unit', known.units)
  return { filters, ignored }
}

/** The note the page shows for what it ignored: "Bỏ qua bộ lọc không hợp lệ: Kênh «99»; …". */
export function ignoredNote(ignored: readonly IgnoredFilter[]): string | null {
  if (ignored.length === 0) return null
  const parts = ignored.map((i) => `${FILTER_LABELS_VI[i.param]} «${i.value}»`)
  return `Bỏ qua bộ lọc không hợp lệ hoặc không có: ${parts.join('; ')}. Đang hiển thị như khi không chọn bộ lọc đó.`
}

/** The dashboard's address query for a state, in a fixed order so equal states give equal URLs. */
export function dashboardQuery(state: {
  plan: string | number | null
  asOf: string | null
  view: string | null
  filters: Partial<Record<DashboardFilterName, string | number | null>>
}): string {
  const params = new URLSearchParams()
  if (state.plan !== null && state.plan !== '') params.set('plan', String(state.plan))
  if (state.asOf) params.set('asOf', state.asOf)
  for (const name of DASHBOARD_FILTERS) {
    const v = state.filters[name]
    if (v !== null && v !== undefined && v !== '') params.set(name, String(v))
  }
  if (state.view) params.set('view', state.view)
  return params.toString()
}

/**
 * The report narrowed to the chosen status, channel and content type: the targets that match
 * (a channel or a type filter keeps content targets only, the only ones with channels and types),
 * tasks left without a target dropped, the channel columns narrowed to the chosen one, totals
 * recomputed as the report computes them. The unit is the report's own parameter, not redone here.
 */
export function filterReport(report: QuotaReport, filters: DashboardFilters): QuotaReport {
  const { status, channel, type } = filters
  if (status === null && channel === null && type === null) return report
  const tasks = report.tasks.flatMap((task) => {
    const targets = task.targets.filter(
      (t) =>
        (status === null || t.status === status) &&
        (channel === null || (t.kind === 'content' && t.channels.includes(channel))) &&
        (type === null || (t.kind === 'content' && t.contentTypes.includes(type))),
    )
    return targets.length > 0 ? [{ ...task, targets }] : []
  })
  const used = new Set(tasks.flatMap((t) => t.targets.flatMap((x) => x.channels)))
  return {
    ...report,
    tasks,
    channels: report.channels.filter((c) => used.has(c.id) && (channel === null || c.id === channel)),
    totals: totals(tasks.flatMap((t) => t.targets.filter((x) => x.kind !== 'indicator'))),
  }
}
