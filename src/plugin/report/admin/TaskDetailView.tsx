import { formatViDay } from '../../../domain/calendar'
import { formatViNumber } from '../../../domain/mailText'
import type { TaskDetail } from '../buildTaskDetail'
import { TargetProgress } from './DashboardCharts'
import { TargetLine, TaskMeta } from './ReportView'

const TYPE_VI: Record<string, string> = { articles: 'Bài viết', infographics: 'Infographic', videos: 'Video' }
const cell = { padding: '0.3rem 0.5rem', borderBottom: '1px solid var(--theme-elevation-150, #ddd)' } as const

/**
 * One task: each target with its cumulative line (recharts) and the items behind its number, a
 * page at a time (`pageHref` links the pages).
 */
export function TaskDetailView({
  detail,
  backHref,
  pageHref,
}: {
  detail: TaskDetail
  backHref: string
  pageHref: (page: number) => string
}) {
  const channelName = new Map(detail.channels.map((c) => [c.id, c.name]))
  return (
    <section data-testid="task-detail">
      <p>
        <a href={backHref}>← Toàn bộ kế hoạch {detail.plan.code}</a>
      </p>
      <h2 style={{ margin: '0.5rem 0 0' }}>
        {detail.task.code}. {detail.task.title}
      </h2>
      <TaskMeta task={{ ...detail.task, targets: [] }} asOf={detail.asOf} />
      <p>
        <a href={`/admin/collections/tasks/${detail.task.id}`}>Sửa nhiệm vụ</a>
      </p>
      {detail.targets.map((t) => (
        <div key={t.id} style={{ margin: '1.5rem 0' }}>
          <TargetLine t={t} channelName={channelName} />
          {t.kind === 'content' && <TargetProgress series={t.series} target={t.target} />}
          {t.kind === 'content' && (
            <ItemPages detail={detail} t={t} pageHref={pageHref} testId={`items-pages-top-${t.id}`} />
          )}
          {t.kind === 'content' && (
            <table
              style={{ width: '100%', borderCollapse: 'collapse', fontSize: '0.9em' }}
              data-testid={`items-${t.id}`}
            >
              <thead>
                <tr>
                  <th style={{ ...cell, textAlign: 'left' }}>Tiêu đề</th>
                  <th style={{ ...cell, textAlign: 'left' }}>Loại</th>
                  <th style={{ ...cell, textAlign: 'left' }}>Kênh và ngày đăng</th>
                  <th style={{ ...cell, textAlign: 'left' }}>Tính</th>
                </tr>
              </thead>
              <tbody>
                {t.items.length === 0 && (
                  <tr>
                    <td style={cell} colSpan={4}>
                      Chưa có sản phẩm nào được tính.
                    </td>
                  </tr>
                )}
                {t.items.map((item) => (
                  <tr key={`${item.type}-${item.id}`} data-late={item.late} data-counted={item.counted}>
                    <td style={cell}>
                      <a href={item.adminUrl}>{item.title}</a>
                    </td>
                    <td style={cell}>{TYPE_VI[item.type] ?? item.type}</td>
                    <td style={cell}>
                      {item.channels.map((c, i) => (
                        <span key={c.id}>
                          {i > 0 && '; '}
                          {c.url ? (
                            <a href={c.url} rel="noreferrer noopener" target="_blank">
                              {c.name}
                            </a>
                          ) : (
                            c.name
                          )}{' '}
                          {formatViDay(c.day)}
                        </span>
                      ))}
                    </td>
                    <td style={cell}>{item.counted ? 'Được tính' : item.late ? 'Trễ hạn (không tính)' : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {t.kind === 'content' && (
            <ItemPages detail={detail} t={t} pageHref={pageHref} testId={`items-pages-${t.id}`} />
          )}
        </div>
      ))}
    </section>
  )
}

/**
 * Which items of the target this page lists, and the links to the pages around it; above the
 * list (a long page is read from the top) and below it. Nothing when everything fits one page.
 */
function ItemPages({
  detail,
  t,
  pageHref,
  testId,
}: {
  detail: TaskDetail
  t: TaskDetail['targets'][number]
  pageHref: (page: number) => string
  testId: string
}) {
  if (detail.page === 1 && !t.itemsTruncated) return null
  const first = (detail.page - 1) * detail.pageSize
  return (
    <p data-testid={testId}>
      {t.items.length > 0
        ? `Sản phẩm ${formatViNumber(first + 1)}–${formatViNumber(first + t.items.length)} trong ${formatViNumber(t.itemsTotal)}. `
        : `Trang này không còn sản phẩm (tổng ${formatViNumber(t.itemsTotal)}). `}
      {detail.page > 1 && <a href={pageHref(detail.page - 1)}>← Trang trước</a>}
      {detail.page > 1 && t.itemsTruncated && ' · '}
      {t.itemsTruncated && <a href={pageHref(detail.page + 1)}>Trang sau →</a>}
    </p>
  )
}
