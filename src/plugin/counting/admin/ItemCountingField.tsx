import type { UIFieldServerProps } from 'payload'
import { formatViDay } from '../../../domain/calendar'
import { standingText, verdictText } from '../../../domain/itemCounting'
import { targetLabel } from '../../../domain/reportCsv'
import { loadItemCounting } from '../loadItemCounting'

const box = { border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: '0.6rem 0.75rem' }
const warning = {
  ...box,
  background: 'var(--theme-warning-100, #fff4d6)',
  borderColor: 'var(--theme-warning-500, #e0a800)',
  color: 'var(--theme-elevation-900)',
}

/**
 * "Tính vào chỉ tiêu" in the sidebar of every content item: for each tagged task, how this item
 * counts toward each of its targets (or why not) and where the task stands today; a warning when
 * the item counts toward none of them. A draft is judged as if published today. It follows the
 * form as it is edited and saved (see the afterInput note in ../fields.ts), so tagging a task or
 * adding a channel changes the answer without a reload.
 */
export async function ItemCountingField({ collectionSlug, data, req }: UIFieldServerProps) {
  if (!req.user) return null
  const info = await loadItemCounting(req, collectionSlug, (data ?? {}) as Record<string, unknown>)
  const none = info.tasks.length > 0 && info.tasks.every((t) => !t.counts)
  return (
    <div data-testid="item-counting" style={{ marginBottom: '1.5rem' }}>
      <h4 style={{ margin: '0 0 0.4rem' }}>Tính vào chỉ tiêu</h4>
      {info.tasks.length === 0 && info.hidden === 0 && (
        <p data-testid="item-counting-untagged" style={warning}>
          Chưa gắn nhiệm vụ nào: sản phẩm này sẽ không được tính vào chỉ tiêu. Chọn nhiệm vụ ở mục “Nhiệm vụ kế hoạch”.
        </p>
      )}
      {none && (
        <p data-testid="item-counting-warning" role="alert" style={warning}>
          {info.published
            ? 'Sản phẩm này không được tính vào chỉ tiêu nào của các nhiệm vụ đã gắn.'
            : 'Nếu xuất bản hôm nay, sản phẩm này sẽ không được tính vào chỉ tiêu nào của các nhiệm vụ đã gắn.'}{' '}
          Kiểm tra loại nội dung, kênh đăng và ngày đăng bên dưới.
        </p>
      )}
      {info.tasks.map(({ task, planCode, targets }) => (
        <div key={task.id} data-testid="item-counting-task" style={{ ...box, marginTop: '0.5rem' }}>
          <strong>
            {planCode} · Nhiệm vụ {task.code}: {task.title}
          </strong>
          {task.deadline && <div style={{ fontSize: '0.85em' }}>Hạn: {formatViDay(task.deadline)}</div>}
          {targets.length === 0 && (
            <p style={{ margin: '0.3rem 0 0' }}>Nhiệm vụ không có chỉ tiêu số lượng nội dung.</p>
          )}
          <ul style={{ margin: '0.3rem 0 0', paddingLeft: '1.1rem' }}>
            {targets.map(({ target, verdict }) => (
              <li key={target.id} data-verdict={verdict.kind}>
                <div>{targetLabel(target, info.channelNames)}</div>
                <div style={{ fontWeight: 600 }}>{verdictText(verdict, info.channelNames, info.published)}</div>
                <div style={{ fontSize: '0.85em' }}>
                  Nhiệm vụ đến hôm nay: {standingText(target, info.channelNames, info.today)}
                </div>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {info.hidden > 0 && <p style={{ fontSize: '0.85em' }}>{info.hidden} nhiệm vụ đã gắn không xem được.</p>}
    </div>
  )
}
