import type { UIFieldServerProps } from 'payload'
import { formatViDay } from '../../../domain/calendar'
import { forecastText } from '../../../domain/forecast'
import { loadItemPlanning } from '../loadItemPlanning'

const warning = {
  border: '1px solid var(--theme-warning-500, #e0a800)',
  background: 'var(--theme-warning-100, #fff4d6)',
  borderRadius: 4,
  padding: '0.4rem 0.6rem',
  color: 'var(--theme-elevation-900)',
}

/**
 * "Kế hoạch đăng" in an item's sidebar: the planned day, slipped or not, a warning when the day
 * lies outside a tagged task's plan (a warning, not a refusal: plans get extended), and the
 * tagged tasks' forecasts. It shows the saved item.
 */
export async function PlannedItemField({ data, req }: UIFieldServerProps) {
  if (!req.user) return null
  const info = await loadItemPlanning(req, (data ?? {}) as Record<string, unknown>)
  if (!info.plannedDay && info.forecasts.length === 0) return null
  return (
    <div data-testid="planned-item" style={{ marginBottom: '1.5rem' }}>
      <h4 style={{ margin: '0 0 0.4rem' }}>Kế hoạch đăng</h4>
      {info.plannedDay && (
        <p data-testid="planned-state" data-slipped={info.slipped} style={info.slipped ? warning : undefined}>
          Dự kiến đăng ngày {formatViDay(info.plannedDay)}
          {info.published ? ' · đã xuất bản' : info.slipped ? ' · đã quá ngày dự kiến, chưa đăng (trễ)' : ''}
        </p>
      )}
      {info.outsidePlans.length > 0 && (
        <p data-testid="planned-outside" role="alert" style={warning}>
          Ngày dự kiến nằm ngoài thời gian thực hiện của kế hoạch {info.outsidePlans.join(', ')}.
        </p>
      )}
      {info.forecasts.length > 0 && (
        <ul style={{ margin: '0.3rem 0 0', paddingLeft: '1.1rem', fontSize: '0.9em' }}>
          {info.forecasts.map((f, i) => (
            <li key={i} data-testid="item-forecast">
              Nhiệm vụ {f.task} · {f.label}: {forecastText(f.forecast)}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
