import { STATUS_COLORS } from '../../../domain/dashboardModel'
import type { RollupNode } from '../../../domain/unitRollup'
import type { QuotaReport } from '../buildReport'

/** Tasks grouped by lead unit down the unit hierarchy, with subtree totals. */
export function UnitRollupView({
  nodes,
  report,
  taskHref,
}: {
  nodes: RollupNode[]
  report: QuotaReport
  taskHref: (task: number) => string
}) {
  const tasks = new Map(report.tasks.map((t) => [t.id, t]))
  const render = (node: RollupNode, depth: number) => (
    <li
      key={node.unit?.id ?? 'none'}
      data-testid={`unit-${node.unit?.id ?? 'none'}`}
      style={{ margin: '0.5rem 0', paddingLeft: depth ? '1.25rem' : 0 }}
    >
      <strong>{node.unit?.name ?? 'Chưa giao đơn vị chủ trì'}</strong> —{' '}
      <span data-testid="unit-totals">
        {node.totals.achieved} / {node.totals.target} ({node.totals.percent}%)
      </span>{' '}
      · {node.totals.tasks} nhiệm vụ
      {node.attention > 0 && (
        <span style={{ color: STATUS_COLORS.behind }}> · {node.attention} chỉ tiêu cần chú ý</span>
      )}
      {node.taskIds.length > 0 && (
        <ul style={{ margin: '0.25rem 0', paddingLeft: '1.25rem' }}>
          {node.taskIds.map((id) => {
            const t = tasks.get(id)
            return t ? (
              <li key={id}>
                <a href={taskHref(id)}>
                  {t.code}. {t.title}
                </a>
              </li>
            ) : null
          })}
        </ul>
      )}
      {node.children.length > 0 && (
        <ul style={{ listStyle: 'none', padding: 0 }}>{node.children.map((c) => render(c, depth + 1))}</ul>
      )}
    </li>
  )
  return (
    <section data-testid="unit-rollup">
      <ul style={{ listStyle: 'none', padding: 0 }}>{nodes.map((n) => render(n, 0))}</ul>
    </section>
  )
}
