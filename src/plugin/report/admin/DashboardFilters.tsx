'use client'
import { useRouter } from 'next/navigation'
import { useState, useSyncExternalStore, useTransition } from 'react'
import { FilterSelect, type FilterOption } from '../../admin/FilterSelect'
import { dashboardQuery, type DashboardFilterName } from '../../../domain/dashboardFilters'

export type { FilterOption }

const noSubscription = () => () => undefined

export interface DashboardState {
  plan: string
  asOf: string
  view: string
  filters: Record<DashboardFilterName, string>
}

/**
 * The dashboard's choices: plan, day, view and the four filters. Each change goes straight to the
 * address (a new history entry, so Back undoes it, and a reload or a copied link shows the same),
 * and the server renders the page for it; there is no button to press.
 */
export function DashboardFilters({
  path,
  state,
  options,
}: {
  /** The dashboard's own path (/admin/quota). */
  path: string
  state: DashboardState
  options: { plan: FilterOption[] } & Record<DashboardFilterName, FilterOption[]>
}) {
  const router = useRouter()
  const [pending, startTransition] = useTransition()
  const [current, setCurrent] = useState(state)
  // Marks the controls as live: a choice made before React takes over the server's HTML is lost.
  // (false in the server's HTML, true once hydrated; no effect needed).
  const ready = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )

  const go = (next: DashboardState) => {
    setCurrent(next)
    const query = dashboardQuery({ plan: next.plan, asOf: next.asOf, view: next.view || null, filters: next.filters })
    startTransition(() => router.push(`${path}?${query}`))
  }
  const setFilter = (name: DashboardFilterName, value: string) =>
    go({ ...current, filters: { ...current.filters, [name]: value } })
  const anyFilter = Object.values(current.filters).some(Boolean)

  const select = (name: DashboardFilterName, label: string, all: string) => (
    <FilterSelect
      name={name}
      label={label}
      all={all}
      value={current.filters[name]}
      options={options[name]}
      onChange={(value) => setFilter(name, value)}
      testId={`filter-${name}`}
      style={field}
    />
  )

  return (
    <div
      role="search"
      aria-label="Chọn kế hoạch và bộ lọc"
      aria-busy={pending}
      data-testid="dashboard-filters"
      data-ready={ready}
      style={{ display: 'flex', gap: '0.75rem', flexWrap: 'wrap', alignItems: 'end', marginBottom: '1rem' }}
    >
      <label style={field}>
        Kế hoạch
        <select name="plan" value={current.plan} onChange={(e) => go({ ...current, plan: e.target.value })}>
          {options.plan.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label style={field}>
        Số liệu đến ngày
        <input
          type="date"
          name="asOf"
          value={current.asOf}
          onChange={(e) => {
            // A day being typed is incomplete until the browser gives a whole date.
            if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) go({ ...current, asOf: e.target.value })
          }}
        />
      </label>
      {select('status', 'Tình trạng', 'Tất cả')}
      {select('channel', 'Kênh', 'Tất cả các kênh')}
      {select('type', 'Loại sản phẩm', 'Tất cả các loại')}
      {select('unit', 'Đơn vị chủ trì', 'Tất cả các đơn vị')}
      <label style={field}>
        Cách xem
        <select name="view" value={current.view} onChange={(e) => go({ ...current, view: e.target.value })}>
          <option value="">Theo nhiệm vụ</option>
          <option value="units">Theo đơn vị chủ trì</option>
        </select>
      </label>
      {anyFilter && (
        <button
          type="button"
          className="btn btn--style-secondary btn--size-small"
          style={{ margin: 0 }}
          onClick={() => go({ ...current, filters: { status: '', channel: '', type: '', unit: '' } })}
        >
          Bỏ lọc
        </button>
      )}
      <span role="status" style={{ minWidth: '8rem', color: 'var(--theme-elevation-600, #555)' }}>
        {pending ? 'Đang cập nhật…' : ''}
      </span>
    </div>
  )
}

const field = { display: 'flex', flexDirection: 'column', gap: '0.2rem' } as const
