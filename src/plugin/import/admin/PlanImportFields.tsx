'use client'
/**
 * The editable parts of the plan-import review screen: plan fields, task rows, unit/channel
 * pickers, timeframe and target editors. Each edit goes through `update`, which copies the draft.
 */
import type { CSSProperties, ReactNode } from 'react'
import type {
  Id,
  ImportCatalog,
  ImportContentTarget,
  ImportDraft,
  ImportRef,
  ImportTarget,
  ImportTask,
  ImportTimeframe,
} from '../../../domain/planImport/types'
import type { ContentType, RecurrencePeriod } from '../../../domain/slugs'

const TYPE_LABELS: Record<ContentType, string> = { articles: 'Tin bài', infographics: 'Infographic', videos: 'Video' }
export const PERIOD_LABELS: Record<RecurrencePeriod, string> = { month: 'Tháng', quarter: 'Quý', year: 'Năm' }
const KIND_LABELS = { content: 'Số lượng nội dung', deliverable: 'Sản phẩm / báo cáo', indicator: 'Chỉ số' } as const

export const cell: CSSProperties = {
  borderTop: '1px solid var(--theme-elevation-150)',
  padding: '0.5rem',
  verticalAlign: 'top',
}
export const small: CSSProperties = { fontSize: '0.8rem', color: 'var(--theme-elevation-600)' }
export const input: CSSProperties = { width: '100%', padding: '0.25rem 0.4rem', font: 'inherit' }
export const badStyle: CSSProperties = { outline: '2px solid var(--theme-error-500, #d33)' }

export const numberOrNull = (v: string): number | null => (v.trim() === '' ? null : Number(v))

export function catalogNames(catalog: ImportCatalog, kind: 'unit' | 'channel' | 'plan'): Map<string, string> {
  if (kind === 'plan') return new Map(catalog.plans.map((p) => [String(p.id), p.code]))
  return new Map((kind === 'unit' ? catalog.units : catalog.channels).map((r) => [String(r.id), r.name]))
}

export interface Shared {
  catalog: ImportCatalog
  update: (edit: (d: ImportDraft) => void) => void
  bad: Set<string>
  line: (n: number | null | undefined) => ReactNode
  chooseRef: (field: string, id: Id | null) => void
  /** For a scan: the page crop and "cần kiểm tra" badge of a field (by its path), else nothing. */
  evidence?: (field: string, label: string) => ReactNode
}

function RefList({
  refs,
  field,
  kind,
  label,
  catalog,
  update,
  bad,
  line,
  chooseRef,
  getList,
}: Shared & {
  refs: ImportRef[]
  field: string
  kind: 'unit' | 'channel' | 'plan'
  label: string
  getList: (d: ImportDraft) => ImportRef[]
}) {
  const names = catalogNames(catalog, kind)
  const options = [...names.entries()].sort((a, b) => a[1].localeCompare(b[1], 'vi'))
  return (
    <div data-field={field}>
      {refs.map((r, i) => {
        const f = `${field}[${i}]`
        const unresolved = r.id === null
        return (
          <div key={i} style={{ display: 'flex', gap: '0.25rem', alignItems: 'center', marginBottom: '0.25rem' }}>
            <div style={{ flex: 1, minWidth: 0 }}>
              <select
                aria-label={`${label} ${i + 1}`}
                data-field={f}
                value={r.id === null ? '' : String(r.id)}
                onChange={(e) => chooseRef(f, catalogIds(catalog, kind).get(e.target.value) ?? null)}
                style={{ ...input, ...(bad.has(f) ? badStyle : {}) }}
              >
                <option value="">— chưa chọn —</option>
                {r.candidates && r.candidates.length > 0 && (
                  <optgroup label="Gợi ý">
                    {r.candidates.map((c) => (
                      <option key={`c${c}`} value={String(c)}>
                        {names.get(String(c)) ?? String(c)}
                      </option>
                    ))}
                  </optgroup>
                )}
                {options.map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
              </select>
              {r.name && (unresolved || names.get(String(r.id)) !== r.name) && (
                <div style={small}>
                  Văn bản: “{r.name}” · {line(r.line)}
                </div>
              )}
              {r.name && !unresolved && names.get(String(r.id)) === r.name && <div style={small}>{line(r.line)}</div>}
            </div>
            <button
              type="button"
              aria-label={`Bỏ ${label.toLowerCase()} ${i + 1}`}
              title="Bỏ"
              onClick={() => update((d) => void getList(d).splice(i, 1))}
              style={{ padding: '0 0.4rem' }}
            >
              ×
            </button>
          </div>
        )
      })}
      <button
        type="button"
        onClick={() => update((d) => void getList(d).push({ id: null, name: '', line: null }))}
        style={{ ...small, padding: '0 0.4rem' }}
      >
        + {label.toLowerCase()}
      </button>
    </div>
  )
}

function catalogIds(catalog: ImportCatalog, kind: 'unit' | 'channel' | 'plan'): Map<string, Id> {
  const list: Array<{ id: Id }> = kind === 'plan' ? catalog.plans : kind === 'unit' ? catalog.units : catalog.channels
  return new Map(list.map((r) => [String(r.id), r.id]))
}

export function PlanFields({ draft, ...shared }: Shared & { draft: ImportDraft }) {
  const { update, bad, line, evidence } = shared
  const p = draft.plan
  const row = (label: string, field: string, control: ReactNode, source: ReactNode) => (
    <tr>
      <th style={{ ...cell, textAlign: 'left', width: 200 }}>{label}</th>
      <td style={cell} data-field={field}>
        {control}
        {evidence?.(field, label)}
      </td>
      <td style={{ ...cell, width: 80 }}>{source}</td>
    </tr>
  )
  const bind = (field: string) => (bad.has(field) ? badStyle : {})
  return (
    <table data-testid="plan-fields" style={{ width: '100%', borderCollapse: 'collapse' }}>
      <tbody>
        {row(
          'Số hiệu',
          'plan.code',
          <input
            aria-label="Số hiệu kế hoạch"
            value={p.code}
            onChange={(e) => update((d) => void (d.plan.code = e.target.value))}
            placeholder="Ví dụ: 12/KH-BKHCN (văn bản chưa có số: tự đặt)"
            style={{ ...input, ...bind('plan.code') }}
          />,
          line(p.lines.code),
        )}
        {row(
          'Tên kế hoạch',
          'plan.title',
          <textarea
            aria-label="Tên kế hoạch"
            value={p.title}
            rows={3}
            onChange={(e) => update((d) => void (d.plan.title = e.target.value))}
            style={{ ...input, ...bind('plan.title') }}
          />,
          line(p.lines.title),
        )}
        {row(
          'Cơ quan ban hành',
          'plan.issuer',
          <input
            aria-label="Cơ quan ban hành"
            value={p.issuer ?? ''}
            onChange={(e) => update((d) => void (d.plan.issuer = e.target.value || null))}
            style={input}
          />,
          line(p.lines.issuer),
        )}
        {row(
          'Ngày ban hành',
          'plan.issueDate',
          <input
            type="date"
            aria-label="Ngày ban hành"
            value={p.issueDate ?? ''}
            onChange={(e) => update((d) => void (d.plan.issueDate = e.target.value || null))}
            style={bind('plan.issueDate')}
          />,
          line(p.lines.issueDate),
        )}
        {row(
          'Thời gian thực hiện',
          'plan.period',
          <span>
            từ{' '}
            <input
              type="date"
              aria-label="Từ ngày"
              value={p.period.from ?? ''}
              onChange={(e) => update((d) => void (d.plan.period.from = e.target.value || null))}
              style={bind('plan.period.from')}
            />{' '}
            đến{' '}
            <input
              type="date"
              aria-label="Đến ngày"
              value={p.period.to ?? ''}
              onChange={(e) => update((d) => void (d.plan.period.to = e.target.value || null))}
              style={bind('plan.period.to')}
            />
          </span>,
          line(p.lines.period),
        )}
        {row(
          'Báo cáo hằng tháng vào ngày',
          'plan.monthlyDay',
          <input
            type="number"
            min={1}
            max={28}
            aria-label="Ngày báo cáo hằng tháng"
            value={p.monthlyDay ?? ''}
            onChange={(e) => update((d) => void (d.plan.monthlyDay = numberOrNull(e.target.value)))}
            style={{ width: 80, ...bind('plan.monthlyDay') }}
          />,
          line(p.lines.monthlyDay),
        )}
        {row(
          'Căn cứ (kế hoạch đã có)',
          'plan.basedOn',
          <RefList
            {...shared}
            refs={p.basedOn}
            field="plan.basedOn"
            kind="plan"
            label="Kế hoạch"
            getList={(d) => d.plan.basedOn}
          />,
          null,
        )}
        {row(
          'Văn bản căn cứ khác',
          'plan.basisDocuments',
          <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
            {p.basisDocuments.map((b, i) => (
              <li key={i}>
                <strong>{b.code ?? '(không số)'}</strong> {b.date ? `(${b.date})` : ''} — {b.title} {line(b.line)}{' '}
                <button type="button" title="Bỏ" onClick={() => update((d) => void d.plan.basisDocuments.splice(i, 1))}>
                  ×
                </button>
                {evidence?.(`plan.basisDocuments[${i}]`, b.code ?? b.title)}
              </li>
            ))}
          </ul>,
          null,
        )}
        {row(
          'Mốc báo cáo, ngày trọng điểm',
          'plan.fixedReportDates',
          <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
            {p.fixedReportDates.map((d, i) => (
              <li key={`r${i}`}>
                Báo cáo trước {d.day}/{d.month} {d.label ? `(${d.label})` : ''} {line(d.line)}
                {evidence?.(`plan.fixedReportDates[${i}]`, `${d.day}/${d.month}`)}
              </li>
            ))}
            {p.keyDays.map((d, i) => (
              <li key={`k${i}`}>
                {d.day}/{d.month}: {d.label} {line(d.line)}
              </li>
            ))}
          </ul>,
          null,
        )}
      </tbody>
    </table>
  )
}

function TimeframeEditor({
  tf,
  field,
  set,
  bad,
}: {
  tf: ImportTimeframe
  field: string
  set: (tf: ImportTimeframe) => void
  bad: Set<string>
}) {
  return (
    <div>
      <select
        aria-label="Loại thời gian"
        value={tf.kind}
        onChange={(e) => {
          const kind = e.target.value as ImportTimeframe['kind']
          if (kind === 'deadline') set({ kind, deadline: null })
          else if (kind === 'recurring') set({ kind, recurrence: null })
          else set({ kind, year: null })
        }}
        style={input}
      >
        <option value="deadline">Có hạn</option>
        <option value="recurring">Thường xuyên</option>
        <option value="byYear">Hoàn thành trong năm</option>
      </select>
      {tf.kind === 'deadline' && (
        <input
          type="date"
          aria-label="Hạn hoàn thành"
          value={tf.deadline ?? ''}
          onChange={(e) => set({ kind: 'deadline', deadline: e.target.value || null })}
          style={{ ...input, ...(bad.has(`${field}.deadline`) ? badStyle : {}) }}
        />
      )}
      {tf.kind === 'recurring' && (
        <select
          aria-label="Chu kỳ"
          value={tf.recurrence ?? ''}
          onChange={(e) => set({ kind: 'recurring', recurrence: (e.target.value || null) as RecurrencePeriod | null })}
          style={{ ...input, ...(bad.has(`${field}.recurrence`) ? badStyle : {}) }}
        >
          <option value="">— chu kỳ —</option>
          {(Object.keys(PERIOD_LABELS) as RecurrencePeriod[]).map((p) => (
            <option key={p} value={p}>
              {PERIOD_LABELS[p]}
            </option>
          ))}
        </select>
      )}
      {tf.kind === 'byYear' && (
        <input
          type="number"
          aria-label="Năm"
          value={tf.year ?? ''}
          onChange={(e) => set({ kind: 'byYear', year: numberOrNull(e.target.value) })}
          style={{ ...input, ...(bad.has(`${field}.year`) ? badStyle : {}) }}
        />
      )}
    </div>
  )
}

function TargetEditor({
  target,
  field,
  getTarget,
  ...shared
}: Shared & { target: ImportTarget; field: string; getTarget: (d: ImportDraft) => ImportTarget | undefined }) {
  const { update, bad, line } = shared
  const bind = (f: string) => (bad.has(`${field}.${f}`) ? badStyle : {})
  const edit = (fn: (t: ImportTarget) => void) =>
    update((d) => {
      const t = getTarget(d)
      if (t) fn(t)
    })
  return (
    <div
      style={{ border: '1px solid var(--theme-elevation-150)', padding: '0.4rem', marginBottom: '0.4rem' }}
      data-field={field}
    >
      <div style={{ ...small, marginBottom: '0.25rem' }}>
        {KIND_LABELS[target.kind]} · {line(target.line)}
        {target.source && <> · “{target.source.length > 120 ? `${target.source.slice(0, 120)}…` : target.source}”</>}
      </div>
      {target.kind === 'content' && (
        <ContentTargetFields
          target={target}
          field={field}
          edit={edit}
          bind={bind}
          shared={shared}
          getChannels={(d) => {
            const t = getTarget(d)
            return t?.kind === 'content' ? t.channels : []
          }}
        />
      )}
      {target.kind === 'deliverable' && (
        <input
          aria-label="Sản phẩm"
          value={target.label}
          onChange={(e) => edit((t) => void (t.kind === 'deliverable' && (t.label = e.target.value)))}
          style={{ ...input, ...bind('label') }}
        />
      )}
      {target.kind === 'indicator' && (
        <div>
          <input
            type="number"
            aria-label="Giá trị mục tiêu"
            value={target.targetValue ?? ''}
            onChange={(e) =>
              edit((t) => void (t.kind === 'indicator' && (t.targetValue = numberOrNull(e.target.value))))
            }
            style={{ width: 90, ...bind('targetValue') }}
          />{' '}
          <select
            aria-label="Đơn vị đo"
            value={target.indicatorUnit}
            onChange={(e) =>
              edit((t) => void (t.kind === 'indicator' && (t.indicatorUnit = e.target.value as 'percent' | 'number')))
            }
          >
            <option value="percent">%</option>
            <option value="number">số</option>
          </select>
          <input
            aria-label="Mô tả chỉ số"
            value={target.label ?? ''}
            onChange={(e) => edit((t) => void (t.kind === 'indicator' && (t.label = e.target.value || null)))}
            style={{ ...input, marginTop: '0.25rem' }}
          />
        </div>
      )}
    </div>
  )
}

function ContentTargetFields({
  target,
  field,
  edit,
  bind,
  shared,
  getChannels,
}: {
  target: ImportContentTarget
  field: string
  edit: (fn: (t: ImportTarget) => void) => void
  bind: (f: string) => CSSProperties
  shared: Shared
  getChannels: (d: ImportDraft) => ImportRef[]
}) {
  const content = (fn: (t: ImportContentTarget) => void) => edit((t) => void (t.kind === 'content' && fn(t)))
  return (
    <div>
      <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap', alignItems: 'center' }}>
        <input
          type="number"
          min={1}
          aria-label="Số lượng"
          value={target.quantity ?? ''}
          onChange={(e) => content((t) => void (t.quantity = numberOrNull(e.target.value)))}
          style={{ width: 70, ...bind('quantity') }}
        />
        <span style={bind('contentTypes')}>
          {(Object.keys(TYPE_LABELS) as ContentType[]).map((ty) => (
            <label key={ty} style={{ marginRight: '0.4rem' }}>
              <input
                type="checkbox"
                checked={target.contentTypes.includes(ty)}
                onChange={(e) =>
                  content((t) => {
                    t.contentTypes = e.target.checked ? [...t.contentTypes, ty] : t.contentTypes.filter((x) => x !== ty)
                  })
                }
              />{' '}
              {TYPE_LABELS[ty]}
            </label>
          ))}
        </span>
        <select
          aria-label="Cách tính"
          value={target.mode}
          onChange={(e) => content((t) => void (t.mode = e.target.value as 'pooled' | 'perChannel'))}
        >
          <option value="pooled">tổng trên các kênh</option>
          <option value="perChannel">mỗi kênh</option>
        </select>
        <label style={small}>
          tính từ{' '}
          <input
            type="date"
            aria-label="Tính từ ngày"
            value={target.windowStart ?? ''}
            onChange={(e) => content((t) => void (t.windowStart = e.target.value || null))}
            style={bind('windowStart')}
          />
        </label>
      </div>
      <div style={{ marginTop: '0.25rem', ...bind('channels') }}>
        <RefList
          {...shared}
          refs={target.channels}
          field={`${field}.channels`}
          kind="channel"
          label="Kênh"
          getList={getChannels}
        />
      </div>
    </div>
  )
}

export function TaskRow({ task, index, ...shared }: Shared & { task: ImportTask; index: number }) {
  const { update, bad, line } = shared
  const f = `tasks[${index}]`
  const bind = (field: string) => (bad.has(`${f}.${field}`) ? badStyle : {})
  const taskOf = (d: ImportDraft) => d.tasks[index]
  const edit = (fn: (t: ImportTask) => void) =>
    update((d) => {
      const t = taskOf(d)
      if (t) fn(t)
    })
  return (
    <tr data-testid={`task-${index}`}>
      <td style={cell}>{line(task.line)}</td>
      <td style={cell}>
        <input
          aria-label={`Mã nhiệm vụ ${index + 1}`}
          value={task.code}
          onChange={(e) => edit((t) => void (t.code = e.target.value))}
          style={{ ...input, ...bind('code') }}
        />
        {task.codeInferred && <div style={small}>tự đánh số</div>}
      </td>
      <td style={cell}>
        <textarea
          aria-label={`Tên nhiệm vụ ${index + 1}`}
          value={task.title}
          rows={3}
          onChange={(e) => edit((t) => void (t.title = e.target.value.replace(/\n/g, ' ')))}
          style={{ ...input, fontWeight: 600, resize: 'vertical', ...bind('title') }}
        />
        <details>
          <summary style={small}>Nội dung, kết quả</summary>
          <textarea
            aria-label={`Nội dung nhiệm vụ ${index + 1}`}
            value={task.content}
            rows={5}
            onChange={(e) => edit((t) => void (t.content = e.target.value))}
            style={input}
          />
          <div style={small}>Kết quả: {task.expectedResult ?? '—'}</div>
        </details>
        {shared.evidence?.(f, `nhiệm vụ ${task.code}`)}
      </td>
      <td style={cell}>
        <div style={small}>Chủ trì</div>
        <RefList
          {...shared}
          refs={task.leadUnits}
          field={`${f}.leadUnits`}
          kind="unit"
          label="Đơn vị"
          getList={(d) => taskOf(d)?.leadUnits ?? []}
        />
        <div style={{ ...small, marginTop: '0.4rem' }}>Phối hợp</div>
        <RefList
          {...shared}
          refs={task.coordinatingUnits}
          field={`${f}.coordinatingUnits`}
          kind="unit"
          label="Đơn vị phối hợp"
          getList={(d) => taskOf(d)?.coordinatingUnits ?? []}
        />
      </td>
      <td style={cell}>
        <TimeframeEditor
          tf={task.timeframe}
          field={`${f}.timeframe`}
          bad={bad}
          set={(tf) => edit((t) => void (t.timeframe = tf))}
        />
        {task.timeframeText && (
          <div style={small}>
            Văn bản: “{task.timeframeText}” · {line(task.timeframeLine)}
          </div>
        )}
      </td>
      <td style={cell}>
        {task.targets.map((target, xi) => (
          <div key={xi} style={{ display: 'flex', gap: '0.25rem' }}>
            <div style={{ flex: 1, minWidth: 0 }}>
              <TargetEditor
                {...shared}
                target={target}
                field={`${f}.targets[${xi}]`}
                getTarget={(d) => taskOf(d)?.targets[xi]}
              />
            </div>
            <button
              type="button"
              title="Bỏ chỉ tiêu"
              style={{ alignSelf: 'flex-start' }}
              onClick={() => edit((t) => void t.targets.splice(xi, 1))}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          style={{ ...small, padding: '0 0.4rem' }}
          onClick={() =>
            edit(
              (t) =>
                void t.targets.push({
                  kind: 'content',
                  quantity: null,
                  contentTypes: ['articles'],
                  channels: [],
                  mode: 'pooled',
                  windowStart: null,
                  label: null,
                  source: null,
                  line: null,
                }),
            )
          }
        >
          + chỉ tiêu số lượng
        </button>{' '}
        <button
          type="button"
          style={{ ...small, padding: '0 0.4rem' }}
          onClick={() =>
            edit(
              (t) =>
                void t.targets.push({
                  kind: 'deliverable',
                  label: 'Báo cáo thực hiện nhiệm vụ',
                  source: null,
                  line: null,
                }),
            )
          }
        >
          + sản phẩm
        </button>
      </td>
      <td style={cell}>
        <button
          type="button"
          title="Bỏ nhiệm vụ này"
          aria-label={`Bỏ nhiệm vụ ${index + 1}`}
          onClick={() => update((d) => void d.tasks.splice(index, 1))}
        >
          ×
        </button>
      </td>
    </tr>
  )
}
