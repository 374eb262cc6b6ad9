import type { UIFieldServerProps } from 'payload'
import { hasRole } from '../../access/roles'
import { calendarDay } from '../../../domain/calendar'
import { relId } from '../../../domain/relations'
import { mayFollowTask } from '../../access/mayFollowTask'
import { countingTimeZone } from '../../counting/engine/settings'
import { loadForecasts } from '../../calendar/loadForecasts'
import { buildReport } from '../buildReport'
import { TargetLine } from './ReportView'

/**
 * On a task's edit view: its attainment today, from the same report as the dashboard (read as
 * the signed-in user). Managers and admins get a link to the items behind the numbers; editors
 * and multimedia staff see, read-only, the tasks their unit leads or coordinates, so producers
 * know where the work they are asked for stands.
 */
export async function TaskAttainmentField({ id, data, req }: UIFieldServerProps) {
  const plan = relId(data?.plan)
  if (id === undefined || plan === undefined || !mayFollowTask(req.user, data)) return null
  const manages = hasRole(req.user, 'admin', 'manager')
  const today = calendarDay(new Date(), countingTimeZone(req.payload))
  const report = await buildReport(req, { plan: Number(plan), asOf: today, unit: null, tasks: [Number(id)] })
  const task = report?.tasks[0]
  if (!report || !task) return null
  const channelName = new Map(report.channels.map((c) => [c.id, c.name]))
  const forecasts = await loadForecasts(req, report)
  return (
    <div data-testid="task-attainment" style={{ marginBottom: '1.5rem' }}>
      <h4 style={{ margin: '0 0 0.25rem' }}>Tiến độ chỉ tiêu (đến hôm nay)</h4>
      {task.targets.length === 0 && <p>Nhiệm vụ chưa có chỉ tiêu.</p>}
      {task.targets.map((t) => (
        <TargetLine key={t.id} t={t} channelName={channelName} forecast={forecasts.get(t.id)} />
      ))}
      {manages && (
        <a href={`/admin/quota?plan=${report.plan.id}&asOf=${today}&task=${task.id}`}>Xem sản phẩm được tính</a>
      )}
    </div>
  )
}
