'use client'
import { useMemo, useState, type CSSProperties, type ReactNode } from 'react'
import { describeField } from '../../domain/planImport/fieldLabel'
import type {
  Id,
  ImportCatalog,
  ImportContentTarget,
  ImportDraft,
  ImportRef,
  ImportTarget,
  ImportTask,
  ImportTimeframe,
} from '../../domain/planImport/types'
import { draftProblems, draftRefs } from '../../domain/planImport/validate'
import { formatImportMessage } from '../../i18n/planImportMessages'
import type { ContentType, RecurrencePeriod } from '../../slugs'

interface Preview {
  draft: ImportDraft
  catalog: ImportCatalog
  notes: Array<{ kind: string | null; line: number | null; source: string | null; message: string }>
  existing: { id: Id; code: string } | null
  source: { fileName: string | null; text: string }
}

interface CommitResult {
  status: 'created' | 'exists'
  plan: { id: Id; code: string }
  created: { plans: number; tasks: number; targets: number }
  url: string
}

type ApiErrors = Array<{ field?: string; message: string }>

const TYPE_LABELS: Record<ContentType, string> = { articles: 'Tin bài', infographics: 'Infographic', videos: 'Video' }
const PERIOD_LABELS: Record<RecurrencePeriod, string> = { month: 'Tháng', quarter: 'Quý', year: 'Năm' }
const KIND_LABELS = { content: 'Số lượng nội dung', deliverable: 'Sản phẩm / báo cáo', indicator: 'Chỉ số' } as const

const cell: CSSProperties = {
  borderTop: '1px solid var(--theme-elevation-150)',
  padding: '0.5rem',
  verticalAlign: 'top',
}
const small: CSSProperties = { fontSize: '0.8rem', color: 'var(--theme-elevation-600)' }
const input: CSSProperties = { width: '100%', padding: '0.25rem 0.4rem', font: 'inherit' }
const badStyle: CSSProperties = { outline: '2px solid var(--theme-error-500, #d33)' }

/** Deep copy, edit, set: drafts are plain JSON of modest size. */
function edited(draft: ImportDraft, edit: (d: ImportDraft) => void): ImportDraft {
  const copy = structuredClone(draft)
  edit(copy)
  return copy
}

const numberOrNull = (v: string): number | null => (v.trim() === '' ? null : Number(v))

async function readErrors(res: Response): Promise<ApiErrors> {
  try {
    const body = (await res.json()) as { errors?: ApiErrors }
    return body.errors ?? [{ message: `HTTP ${res.status}` }]
  } catch {
    // Not JSON (a proxy's error page): the status is all there is to say.
    return [{ message: `HTTP ${res.status}` }]
  }
}

/**
 * The review screen of the plan import: paste text or upload a .txt/.docx, see what was understood
 * (each value with its source line), fix it, confirm. All checks run here as the reviewer types
 * (the same pure checks the server runs again on commit).
 */
export function PlanImportForm({ apiRoute, adminRoute }: { apiRoute: string; adminRoute: string }) {
  const [text, setText] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [requestErrors, setRequestErrors] = useState<ApiErrors>([])
  const [preview, setPreview] = useState<Preview | null>(null)
  const [draft, setDraft] = useState<ImportDraft | null>(null)
  const [result, setResult] = useState<CommitResult | null>(null)

  const problems = useMemo(() => {
    if (!draft || !preview) return []
    const checked = draftProblems(draft, preview.catalog)
    return checked.ok ? [] : checked.problems
  }, [draft, preview])
  const badFields = useMemo(() => new Set(problems.map((p) => p.field)), [problems])
  const sourceLines = useMemo(() => preview?.source.text.replace(/\r\n?/g, '\n').split('\n') ?? [], [preview])

  const update = (edit: (d: ImportDraft) => void) => setDraft((d) => (d ? edited(d, edit) : d))

  async function analyse() {
    setBusy(true)
    setRequestErrors([])
    setResult(null)
    try {
      let res: Response
      if (file) {
        const form = new FormData()
        form.append('file', file)
        res = await fetch(`${apiRoute}/plan-import/preview`, { method: 'POST', body: form, credentials: 'include' })
      } else {
        res = await fetch(`${apiRoute}/plan-import/preview`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ text }),
          credentials: 'include',
        })
      }
      if (!res.ok) {
        setRequestErrors(await readErrors(res))
        return
      }
      const body = (await res.json()) as Preview
      setPreview(body)
      setDraft(body.draft)
    } catch (err) {
      setRequestErrors([{ message: `Không gửi được yêu cầu: ${err instanceof Error ? err.message : String(err)}` }])
    } finally {
      setBusy(false)
    }
  }

  async function commit() {
    if (!draft) return
    setBusy(true)
    setRequestErrors([])
    try {
      const res = await fetch(`${apiRoute}/plan-import/commit`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(draft),
        credentials: 'include',
      })
      if (res.status === 201 || res.status === 200) setResult((await res.json()) as CommitResult)
      else setRequestErrors(await readErrors(res))
    } catch (err) {
      setRequestErrors([{ message: `Không gửi được yêu cầu: ${err instanceof Error ? err.message : String(err)}` }])
    } finally {
      setBusy(false)
    }
  }

  const line = (n: number | null | undefined): ReactNode =>
    n ? (
      <a href={`#src-${n}`} title={sourceLines[n - 1]?.trim() ?? ''} style={small} data-line={n}>
        dòng {n}
      </a>
    ) : (
      <span style={small}>—</span>
    )

  /** Choosing a record for a name resolves every other unresolved mention of the same name too. */
  function chooseRef(field: string, id: Id | null) {
    update((d) => {
      const all = draftRefs(d)
      const target = all.find((r) => r.field === field)
      if (!target) return
      const wasUnresolved = target.ref.id === null
      const names = preview ? catalogNames(preview.catalog, target.kind) : new Map<string, string>()
      for (const r of all) {
        const same =
          r === target ||
          (wasUnresolved && r.kind === target.kind && r.ref.id === null && r.ref.name === target.ref.name)
        if (!same) continue
        r.ref.id = id
        delete r.ref.candidates
      }
      if (target.ref.name === '' && id !== null) target.ref.name = names.get(String(id)) ?? ''
    })
  }

  const missingRecurrence = draft?.tasks.some((t) => t.timeframe.kind === 'recurring' && !t.timeframe.recurrence)

  return (
    <div data-testid="plan-import">
      <section style={{ marginBottom: '1.5rem' }}>
        <p>
          Dán văn bản kế hoạch (kể cả văn bản OCR) hoặc tải lên tệp .txt / .docx. Hệ thống đọc các nhiệm vụ, đơn vị,
          thời hạn và chỉ tiêu; bạn xem lại, sửa rồi xác nhận. Chưa có gì được lưu cho đến khi xác nhận.
        </p>
        <textarea
          aria-label="Văn bản kế hoạch"
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={8}
          disabled={file !== null}
          placeholder="Dán văn bản kế hoạch vào đây…"
          style={{ ...input, fontFamily: 'monospace' }}
        />
        <div style={{ display: 'flex', gap: '1rem', alignItems: 'center', flexWrap: 'wrap', marginTop: '0.5rem' }}>
          <label>
            Hoặc tệp (.txt, .docx):{' '}
            <input
              type="file"
              accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </label>
          <button
            type="button"
            className="btn btn--style-primary btn--size-small"
            style={{ margin: 0 }}
            disabled={busy || (!file && text.trim() === '')}
            onClick={analyse}
          >
            {busy && !draft ? 'Đang phân tích…' : 'Phân tích'}
          </button>
        </div>
      </section>

      {requestErrors.length > 0 && (
        <div
          role="alert"
          data-testid="request-errors"
          style={{ color: 'var(--theme-error-500, #d33)', marginBottom: '1rem' }}
        >
          {requestErrors.map((e, i) => (
            <p key={i} style={{ margin: '0.25rem 0' }}>
              {e.field && draft ? `${describeField(e.field, draft)}: ` : ''}
              {e.message}
            </p>
          ))}
        </div>
      )}

      {result && (
        <div
          role="status"
          data-testid="import-result"
          style={{ padding: '1rem', border: '1px solid var(--theme-success-500, #2a2)', marginBottom: '1rem' }}
        >
          {result.status === 'created' ? (
            <p style={{ margin: 0 }}>
              Đã tạo kế hoạch <strong>{result.plan.code}</strong> với {result.created.tasks} nhiệm vụ và{' '}
              {result.created.targets} chỉ tiêu. <a href={result.url}>Mở kế hoạch</a>
            </p>
          ) : (
            <p style={{ margin: 0 }}>
              Kế hoạch <strong>{result.plan.code}</strong> đã có trong hệ thống: không tạo thêm gì.{' '}
              <a href={result.url}>Mở kế hoạch</a>
            </p>
          )}
        </div>
      )}

      {draft && preview && !result && (
        <>
          <p data-testid="import-summary">
            {preview.source.fileName ? `Tệp ${preview.source.fileName}: ` : ''}
            {draft.tasks.length} nhiệm vụ, {draft.tasks.reduce((n, t) => n + t.targets.length, 0)} chỉ tiêu.{' '}
            {problems.length === 0 ? (
              <strong>Sẵn sàng nhập.</strong>
            ) : (
              <strong style={{ color: 'var(--theme-error-500, #d33)' }}>
                {problems.length} điểm cần xử lý trước khi nhập.
              </strong>
            )}
          </p>
          {preview.existing && preview.existing.code === draft.plan.code && (
            <p role="alert">
              Đã có kế hoạch số hiệu <strong>{preview.existing.code}</strong>: xác nhận sẽ không tạo thêm gì.{' '}
              <a href={`${adminRoute}/collections/plans/${preview.existing.id}`}>Mở kế hoạch đó</a>
            </p>
          )}

          <h2>Kế hoạch</h2>
          <PlanFields
            draft={draft}
            catalog={preview.catalog}
            update={update}
            bad={badFields}
            line={line}
            chooseRef={chooseRef}
          />

          <h2 style={{ marginTop: '1.5rem' }}>Nhiệm vụ ({draft.tasks.length})</h2>
          {missingRecurrence && (
            <p>
              Chu kỳ cho mọi nhiệm vụ thường xuyên chưa có chu kỳ:{' '}
              <select
                aria-label="Chu kỳ chung"
                defaultValue=""
                onChange={(e) => {
                  const value = e.target.value as RecurrencePeriod
                  if (!value) return
                  update((d) => {
                    for (const t of d.tasks)
                      if (t.timeframe.kind === 'recurring' && !t.timeframe.recurrence) t.timeframe.recurrence = value
                  })
                }}
              >
                <option value="">— chọn —</option>
                {(Object.keys(PERIOD_LABELS) as RecurrencePeriod[]).map((p) => (
                  <option key={p} value={p}>
                    {PERIOD_LABELS[p]}
                  </option>
                ))}
              </select>
            </p>
          )}
          <div style={{ overflowX: 'auto' }}>
            <table data-testid="tasks-table" style={{ width: '100%', borderCollapse: 'collapse', minWidth: 1100 }}>
              <thead>
                <tr style={{ textAlign: 'left' }}>
                  <th style={cell}>Dòng</th>
                  <th style={{ ...cell, width: 80 }}>Mã</th>
                  <th style={{ ...cell, width: '28%' }}>Nhiệm vụ</th>
                  <th style={cell}>Đơn vị</th>
                  <th style={{ ...cell, width: 170 }}>Thời gian</th>
                  <th style={{ ...cell, width: '30%' }}>Chỉ tiêu</th>
                  <th style={cell} />
                </tr>
              </thead>
              <tbody>
                {draft.tasks.map((task, ti) => (
                  <TaskRow
                    key={ti}
                    task={task}
                    index={ti}
                    catalog={preview.catalog}
                    update={update}
                    bad={badFields}
                    line={line}
                    chooseRef={chooseRef}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            onClick={() =>
              update((d) =>
                d.tasks.push({
                  code: String(d.tasks.length + 1),
                  codeInferred: false,
                  title: '',
                  content: '',
                  leadUnits: [],
                  coordinatingUnits: [],
                  timeframe: { kind: 'deadline', deadline: null },
                  timeframeText: null,
                  expectedResult: null,
                  targets: [],
                  line: null,
                }),
              )
            }
          >
            + Thêm nhiệm vụ
          </button>

          {problems.length > 0 && (
            <section data-testid="problems" style={{ marginTop: '1.5rem' }}>
              <h2>Cần xử lý ({problems.length})</h2>
              <ul>
                {problems.map((p, i) => (
                  <li key={i} data-field={p.field}>
                    <strong>{describeField(p.field, draft)}</strong>: {formatImportMessage(p.message, 'vi')}
                  </li>
                ))}
              </ul>
            </section>
          )}

          <section data-testid="notes" style={{ marginTop: '1.5rem' }}>
            <h2>Phần chưa nhận diện / không nhập ({preview.notes.length})</h2>
            {preview.notes.length === 0 ? (
              <p>Không có.</p>
            ) : (
              <ul>
                {preview.notes.map((n, i) => (
                  <li key={i}>
                    {line(n.line)} {n.message.length > 400 ? `${n.message.slice(0, 400)}…` : n.message}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <div style={{ display: 'flex', gap: '1rem', alignItems: 'center', margin: '1.5rem 0' }}>
            <button
              type="button"
              className="btn btn--style-primary"
              style={{ margin: 0 }}
              disabled={busy || problems.length > 0}
              onClick={commit}
              data-testid="confirm-import"
            >
              {busy ? 'Đang lưu…' : 'Xác nhận nhập kế hoạch'}
            </button>
            {problems.length > 0 && <span style={small}>Xử lý hết các điểm trên để nhập.</span>}
          </div>

          <details>
            <summary>Văn bản nguồn ({sourceLines.length} dòng)</summary>
            <ol style={{ fontFamily: 'monospace', fontSize: '0.8rem', whiteSpace: 'pre-wrap' }}>
              {sourceLines.map((l, i) => (
                <li key={i} id={`src-${i + 1}`}>
                  {l}
                </li>
              ))}
            </ol>
          </details>
        </>
      )}
    </div>
  )
}

function catalogNames(catalog: ImportCatalog, kind: 'unit' | 'channel' | 'plan'): Map<string, string> {
  if (kind === 'plan') return new Map(catalog.plans.map((p) => [String(p.id), p.code]))
  return new Map((kind === 'unit' ? catalog.units : catalog.channels).map((r) => [String(r.id), r.name]))
}

interface Shared {
  catalog: ImportCatalog
  update: (edit: (d: ImportDraft) => void) => void
  bad: Set<string>
  line: (n: number | null | undefined) => ReactNode
  chooseRef: (field: string, id: Id | null) => void
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
            <div style={{ flex: 1 }}>
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

function PlanFields({ draft, ...shared }: Shared & { draft: ImportDraft }) {
  const { update, bad, line } = shared
  const p = draft.plan
  const row = (label: string, field: string, control: ReactNode, source: ReactNode) => (
    <tr>
      <th style={{ ...cell, textAlign: 'left', width: 200 }}>{label}</th>
      <td style={cell} data-field={field}>
        {control}
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

function TaskRow({ task, index, ...shared }: Shared & { task: ImportTask; index: number }) {
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
        <input
          aria-label={`Tên nhiệm vụ ${index + 1}`}
          value={task.title}
          onChange={(e) => edit((t) => void (t.title = e.target.value))}
          style={{ ...input, fontWeight: 600, ...bind('title') }}
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
        {task.timeframeText && <div style={small}>Văn bản: “{task.timeframeText}”</div>}
      </td>
      <td style={cell}>
        {task.targets.map((target, xi) => (
          <div key={xi} style={{ display: 'flex', gap: '0.25rem' }}>
            <div style={{ flex: 1 }}>
              <TargetEditor
                {...shared}
                target={target}
                field={`${f}.targets[${xi}]`}
                getTarget={(d) => taskOf(d)?.targets[xi]}
              />
            </div>
            <button type="button" title="Bỏ chỉ tiêu" onClick={() => edit((t) => void t.targets.splice(xi, 1))}>
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
