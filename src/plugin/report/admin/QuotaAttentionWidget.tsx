import { createLocalReq, type Payload, type TypedUser } from 'payload'
import { hasRole } from '../../access/roles'
import { calendarDay, formatViDay } from '../../../domain/calendar'
import { attentionList, STATUS_COLORS } from '../../../domain/dashboardModel'
import { attainmentByKind } from '../../../domain/mailText'
import { STATUS_LABELS_VI } from '../../../domain/reportCsv'
import { SLUGS } from '../../../domain/slugs'
import { countingTimeZone } from '../../counting/engine/settings'
import { buildReport } from '../buildReport'

/** How many plans and rows the home widget shows; the dashboard has the rest. */
const MAX_PLANS = 5
const MAX_ROWS = 8

/**
 * On the admin home, for managers: the tasks of the current plans with a target at risk,
 * behind or overdue today. Read as the signed-in user.
 */
export async function QuotaAttentionWidget({ payload, user }: { payload: Payload; user?: TypedUser | null }) {
  if (!user || !hasRole(user, 'admin', 'manager')) return null
  const req = await createLocalReq({ user }, payload)
  const today = calendarDay(new Date(), countingTimeZone(payload))
  const { docs: plans } = await payload.find({
    collection: SLUGS.plans,
    where: {
      or: [{ 'period.to': { exists: false } }, { 'period.to': { greater_than_equal: `${today}T00:00:00.000Z` } }],
    },
    depth: 0,
    limit: MAX_PLANS,
    sort: '-updatedAt',
    select: { code: true },
    overrideAccess: false,
    req,
  })
  const sections = []
  for (const plan of plans) {
    const report = await buildReport(req, { plan: Number(plan.id), asOf: today, unit: null })
    // A plan without tasks yet (a basis document, a plan being entered) has nothing to flag.
    if (report && report.tasks.length > 0) sections.push({ report, rows: attentionList(report.tasks) })
  }
  return (
    <section
      data-testid="quota-attention"
      style={{ marginBottom: '2rem', padding: '1rem', border: '1px solid var(--theme-elevation-150)', borderRadius: 4 }}
    >
      <h3 style={{ marginTop: 0 }}>
        Nhiệm vụ cần chú ý hôm nay · <a href="/admin/quota">Bảng tiến độ chỉ tiêu</a>
      </h3>
      {sections.length === 0 && <p>Chưa có kế hoạch đang thực hiện.</p>}
      {sections.map(({ report, rows }) => (
        <div key={report.plan.id}>
          <h4 style={{ margin: '0.75rem 0 0.25rem' }}>
            {report.plan.code} — {attainmentByKind(report.tasks).short}
          </h4>
          {rows.length === 0 ? (
            <p>Mọi chỉ tiêu đang đúng tiến độ.</p>
          ) : (
            <ul style={{ margin: 0, paddingLeft: '1.25rem' }}>
              {rows.slice(0, MAX_ROWS).map((r) => (
                <li key={r.task.id} data-status={r.status}>
                  <a href={`/admin/quota?plan=${report.plan.id}&asOf=${today}&task=${r.task.id}`}>
                    {r.task.code}. {r.task.title}
                  </a>{' '}
                  —{' '}
                  <span style={{ color: STATUS_COLORS[r.status], fontWeight: 600 }}>{STATUS_LABELS_VI[r.status]}</span>
                  {r.target > 0 && ` · ${r.achieved}/${r.target}`}
                  {r.task.deadline && ` · hạn ${formatViDay(r.task.deadline)}`}
                </li>
              ))}
              {rows.length > MAX_ROWS && (
                <li>
                  <a href={`/admin/quota?plan=${report.plan.id}`}>và {rows.length - MAX_ROWS} nhiệm vụ khác…</a>
                </li>
              )}
            </ul>
          )}
        </div>
      ))}
    </section>
  )
}
