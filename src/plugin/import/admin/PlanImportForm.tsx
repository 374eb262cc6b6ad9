'use client'
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { describeField } from '../../../domain/planImport/fieldLabel'
import type { Id, ImportCatalog, ImportDraft } from '../../../domain/planImport/types'
import { draftProblems, draftRefs } from '../../../domain/planImport/validate'
import { formatImportMessage } from '../../../domain/i18n/messages'
import { translate } from '../../../domain/i18n/translate'
import type { RecurrencePeriod } from '../../../domain/slugs'
import { catalogNames, cell, input, PERIOD_LABELS, PlanFields, small, TaskRow } from './PlanImportFields'
import { ScanEvidence, type ScanReview } from './ScanEvidence'

interface Preview {
  draft: ImportDraft
  catalog: ImportCatalog
  notes: Array<{ kind: string | null; line: number | null; source: string | null; message: string }>
  existing: { id: Id; code: string } | null
  source: { fileName: string | null; text: string }
  /** What was read approximately (pasted OCR text too): a "cần kiểm tra" badge beside it. */
  approximate?: ScanReview['approximate']
  /** A scan's page crops and approximate fields (GET /api/plan-import/:id when read). */
  review?: ScanReview
}

const NO_BOXES: ScanReview['boxes'] = { plan: {}, basisDocuments: [], fixedReportDates: [], tasks: [] }

/** The badges and crops beside the fields: a scan's review, or badges alone for approximate text. */
function evidenceOf(preview: Preview): ScanReview | null {
  if (preview.review) return preview.review
  const approximate = preview.approximate
  if (!approximate || (approximate.fields.length === 0 && approximate.tasks.length === 0)) return null
  return { approximate, boxes: NO_BOXES, pages: [] }
}

/** A scan being read in the background (the preview's 202, then GET /api/plan-import/:id). */
interface ScanProgress {
  id: number
  url: string
  fileName: string
  status: 'queued' | 'running' | 'done' | 'failed'
  pagesDone: number
  pagesTotal: number
  error: { status: number; field: string; message: string } | null
}

/** How often the screen asks how far the scan is. */
const POLL_MS = 1000

interface CommitResult {
  status: 'created' | 'exists'
  plan: { id: Id; code: string }
  created: { plans: number; tasks: number; targets: number }
  url: string
}

type ApiErrors = Array<{ field?: string; message: string }>

/** Deep copy, edit, set: drafts are plain JSON of modest size. */
function edited(draft: ImportDraft, edit: (d: ImportDraft) => void): ImportDraft {
  const copy = structuredClone(draft)
  edit(copy)
  return copy
}

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
  const [scan, setScan] = useState<ScanProgress | null>(null)
  // The scan being followed; a new analysis (or leaving the page) stops following the old one.
  const following = useRef(0)
  useEffect(
    () => () => {
      following.current++
    },
    [],
  )

  const problems = useMemo(() => {
    if (!draft || !preview) return []
    const checked = draftProblems(draft, preview.catalog)
    return checked.ok ? [] : checked.problems
  }, [draft, preview])
  const badFields = useMemo(() => new Set(problems.map((p) => p.field)), [problems])
  const sourceLines = useMemo(() => preview?.source.text.replace(/\r\n?/g, '\n').split('\n') ?? [], [preview])

  const update = (edit: (d: ImportDraft) => void) => setDraft((d) => (d ? edited(d, edit) : d))

  /** Polls a scan import until it is read (then shows its review) or failed (then says why). */
  async function follow(start: ScanProgress) {
    const token = ++following.current
    let state = start
    setScan(state)
    while (state.status === 'queued' || state.status === 'running') {
      await new Promise((r) => setTimeout(r, POLL_MS))
      if (following.current !== token) return
      const res = await fetch(state.url, { credentials: 'include', cache: 'no-store' })
      if (following.current !== token) return
      if (!res.ok) {
        setRequestErrors(await readErrors(res))
        setScan(null)
        return
      }
      const body = (await res.json()) as ScanProgress & Partial<Preview>
      state = {
        ...state,
        status: body.status,
        pagesDone: body.pagesDone,
        pagesTotal: body.pagesTotal,
        error: body.error,
      }
      setScan(state)
      if (body.status === 'done' && body.draft) {
        setPreview(body as Preview)
        setDraft(body.draft)
      }
    }
  }

  async function analyse() {
    setBusy(true)
    setRequestErrors([])
    setResult(null)
    setScan(null)
    setPreview(null)
    setDraft(null)
    following.current++
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
      if (res.status === 202) {
        const started = (await res.json()) as Omit<ScanProgress, 'error'>
        await follow({ ...started, error: null })
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

  const evidence = useMemo(() => (preview ? evidenceOf(preview) : null), [preview])
  const missingRecurrence = draft?.tasks.some((t) => t.timeframe.kind === 'recurring' && !t.timeframe.recurrence)

  return (
    <div data-testid="plan-import">
      <section style={{ marginBottom: '1.5rem' }}>
        <p>
          Dán văn bản kế hoạch (kể cả văn bản OCR) hoặc tải lên tệp .txt / .docx / .pdf hay ảnh quét (.png, .jpg, .tif;
          tối đa 10 trang, nhận dạng chữ có thể mất vài chục giây). Hệ thống đọc các nhiệm vụ, đơn vị, thời hạn và chỉ
          tiêu; bạn xem lại, sửa rồi xác nhận. Chưa có gì được lưu cho đến khi xác nhận.
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
            Hoặc tệp (.txt, .docx, .pdf, ảnh quét):{' '}
            <input
              type="file"
              accept=".txt,.docx,.pdf,.png,.jpg,.jpeg,.tif,.tiff,text/plain,application/pdf,image/png,image/jpeg,image/tiff,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </label>
          {file && (
            <button
              type="button"
              onClick={(e) => {
                setFile(null)
                const picker = e.currentTarget.parentElement?.querySelector<HTMLInputElement>('input[type="file"]')
                if (picker) picker.value = ''
              }}
            >
              Bỏ tệp, dùng văn bản dán
            </button>
          )}
          <button
            type="button"
            className="btn btn--style-primary btn--size-small"
            style={{ margin: 0 }}
            disabled={busy || (!file && text.trim() === '')}
            onClick={analyse}
          >
            {busy && !draft
              ? /\.(pdf|png|jpe?g|tiff?)$/i.test(file?.name ?? '')
                ? scan
                  ? 'Đang đọc bản quét…'
                  : 'Đang gửi tệp…'
                : 'Đang phân tích…'
              : 'Phân tích'}
          </button>
        </div>
      </section>

      {scan && scan.status !== 'done' && (
        <div
          role={scan.status === 'failed' ? 'alert' : 'status'}
          aria-live="polite"
          data-testid="scan-progress"
          data-status={scan.status}
          style={{
            padding: '0.75rem 1rem',
            marginBottom: '1rem',
            border: `1px solid ${scan.status === 'failed' ? 'var(--theme-error-500, #d33)' : 'var(--theme-elevation-200)'}`,
            color: scan.status === 'failed' ? 'var(--theme-error-500, #d33)' : undefined,
          }}
        >
          {scan.status === 'failed' ? (
            <p style={{ margin: 0 }}>
              {translate('vi', 'planImportFailed', { file: scan.fileName })} {scan.error?.message}
            </p>
          ) : (
            <>
              <p style={{ margin: 0 }}>
                {scan.status === 'queued'
                  ? translate('vi', 'planImportQueued')
                  : scan.pagesDone === 0
                    ? translate('vi', 'planImportReadingStart', { total: scan.pagesTotal })
                    : translate('vi', 'planImportReading', { done: scan.pagesDone, total: scan.pagesTotal })}
              </p>
              <progress
                max={scan.pagesTotal}
                value={scan.pagesDone}
                style={{ width: '100%', maxWidth: 400, marginTop: '0.5rem' }}
              />
            </>
          )}
        </div>
      )}

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
            evidence={
              evidence ? (field, label) => <ScanEvidence review={evidence} field={field} label={label} /> : undefined
            }
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
            <table
              data-testid="tasks-table"
              style={{ width: '100%', borderCollapse: 'collapse', minWidth: 1100, tableLayout: 'fixed' }}
            >
              <thead>
                <tr style={{ textAlign: 'left' }}>
                  <th style={{ ...cell, width: 56 }}>Dòng</th>
                  <th style={{ ...cell, width: 70 }}>Mã</th>
                  <th style={cell}>Nhiệm vụ</th>
                  <th style={{ ...cell, width: 230 }}>Đơn vị</th>
                  <th style={{ ...cell, width: 160 }}>Thời gian</th>
                  <th style={{ ...cell, width: 320 }}>Chỉ tiêu</th>
                  <th style={{ ...cell, width: 36 }} />
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
                    evidence={
                      evidence
                        ? (field, label) => <ScanEvidence review={evidence} field={field} label={label} />
                        : undefined
                    }
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
                  timeframeLine: null,
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
