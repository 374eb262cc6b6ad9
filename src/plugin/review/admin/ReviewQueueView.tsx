import type { AdminViewServerProps, Where } from 'payload'
import { AdminPage } from '../../admin/AdminPage'
import { hasRole } from '../../access/roles'
import { SLUGS } from '../../../domain/slugs'
import { countingTimeZone } from '../../counting/engine/settings'
import { loadReviewQueue, type QueueFilters } from '../loadReviewQueue'
import { reviewUnitsOf } from '../reviewers'

const TYPE_LABELS: Record<string, string> = { articles: 'Tin bài', infographics: 'Infographic', videos: 'Video' }
const AGES = [
  { value: '', label: 'Mọi thời gian' },
  { value: '4', label: 'Từ 4 giờ' },
  { value: '24', label: 'Từ 1 ngày' },
  { value: '48', label: 'Từ 2 ngày' },
  { value: '168', label: 'Từ 1 tuần' },
]

const one = (v: unknown): string | undefined => (Array.isArray(v) ? one(v[0]) : typeof v === 'string' ? v : undefined)

/**
 * /admin/review: the items waiting for the signed-in reviewer, oldest first, filtered by unit,
 * type, task and waiting time in a plain GET form (every state is a shareable URL); items
 * waiting longer than the plugin's reviewOverdueHours are highlighted.
 */
export async function ReviewQueueView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const filters: QueueFilters = {
    unit: one(searchParams?.unit),
    type: one(searchParams?.type),
    task: one(searchParams?.task),
    minAge: one(searchParams?.minAge),
  }
  const queue = await loadReviewQueue(req, filters)
  const everyUnit = hasRole(req.user, 'admin', 'manager')
  const unitWhere: Where = everyUnit ? {} : { id: { in: reviewUnitsOf(req.user) } }
  const units = queue.allowed
    ? (
        await req.payload.find({
          collection: SLUGS.units,
          where: unitWhere,
          depth: 0,
          limit: 500,
          sort: 'name',
          req,
          overrideAccess: false,
        })
      ).docs
    : []
  const tasks = queue.allowed
    ? (
        await req.payload.find({
          collection: SLUGS.tasks,
          depth: 0,
          limit: 500,
          sort: 'code',
          req,
          overrideAccess: false,
        })
      ).docs
    : []
  const unitName = new Map(units.map((u) => [String(u.id), String(u.name)]))
  const when = new Intl.DateTimeFormat('vi-VN', {
    timeZone: countingTimeZone(req.payload),
    dateStyle: 'short',
    timeStyle: 'short',
  })
  const cell = {
    padding: '0.4rem 0.6rem',
    borderBottom: '1px solid var(--theme-elevation-150)',
    textAlign: 'left' as const,
  }

  return (
    <AdminPage view={{ initPageResult, params, searchParams }} title="Nội dung chờ duyệt">
      {!queue.allowed ? (
        <p>Chỉ lãnh đạo và người được giao duyệt nội dung của đơn vị xem được danh sách này.</p>
      ) : (
        <>
          <form
            method="get"
            style={{ display: 'flex', gap: '0.75rem', flexWrap: 'wrap', alignItems: 'end', marginBottom: '1.5rem' }}
          >
            <label>
              Đơn vị
              <br />
              <select name="unit" defaultValue={filters.unit ?? ''}>
                <option value="">Tất cả</option>
                {units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Loại
              <br />
              <select name="type" defaultValue={filters.type ?? ''}>
                <option value="">Tất cả</option>
                {queue.types.map((t) => (
                  <option key={t} value={t}>
                    {TYPE_LABELS[t] ?? t}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Nhiệm vụ
              <br />
              <select name="task" defaultValue={filters.task ?? ''}>
                <option value="">Tất cả</option>
                {tasks.map((t) => (
                  <option key={t.id} value={t.id}>
                    {String(t.code)} — {String(t.title).slice(0, 60)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Thời gian chờ
              <br />
              <select name="minAge" defaultValue={filters.minAge ?? ''}>
                {AGES.map((a) => (
                  <option key={a.value} value={a.value}>
                    {a.label}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="btn btn--style-primary btn--size-small" style={{ margin: 0 }}>
              Lọc
            </button>
          </form>
          <p>
            {queue.items.length} nội dung chờ duyệt; tô đậm: chờ quá {queue.overdueHours} giờ (
            {queue.items.filter((i) => i.overdue).length}).
          </p>
          {queue.items.length > 0 && (
            <table style={{ borderCollapse: 'collapse', width: '100%' }}>
              <thead>
                <tr>
                  <th style={cell}>Tiêu đề</th>
                  <th style={cell}>Loại</th>
                  <th style={cell}>Đơn vị</th>
                  <th style={cell}>Gửi duyệt lúc</th>
                  <th style={cell}>Đã chờ</th>
                </tr>
              </thead>
              <tbody>
                {queue.items.map((i) => (
                  <tr
                    key={`${i.collection}-${i.id}`}
                    data-overdue={i.overdue ? 'true' : undefined}
                    style={i.overdue ? { background: 'var(--theme-warning-100)', fontWeight: 600 } : undefined}
                  >
                    <td style={cell}>
                      <a href={i.href}>{i.title}</a>
                    </td>
                    <td style={cell}>{TYPE_LABELS[i.collection] ?? i.collection}</td>
                    <td style={cell}>{i.unit === null ? '—' : (unitName.get(String(i.unit)) ?? String(i.unit))}</td>
                    <td style={cell}>{i.submittedAt ? when.format(new Date(i.submittedAt)) : '—'}</td>
                    <td style={cell}>
                      {i.waitingHours < 24 ? `${i.waitingHours} giờ` : `${Math.floor(i.waitingHours / 24)} ngày`}
                      {i.overdue ? ' (quá hạn)' : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </AdminPage>
  )
}
