'use client'
import { Button, toast, useAuth, useDocumentInfo, useFormModified } from '@payloadcms/ui'
import { useState, type CSSProperties } from 'react'
import { relId } from '../../../domain/relations'
import {
  availableActions,
  itemStatus,
  panelActions,
  recentHistory,
  REASON_MAX,
  reviewActorOf,
  wallTimeToInstant,
  type ItemStatus,
} from '../../../domain/review'
import type { ReviewAction, ReviewState } from '../../../domain/slugs'

const STATUS: Record<ItemStatus, { label: string; color: string }> = {
  draft: { label: 'Bản nháp', color: 'var(--theme-elevation-500)' },
  submitted: { label: 'Chờ duyệt', color: 'var(--theme-warning-500)' },
  returned: { label: 'Trả lại', color: 'var(--theme-error-500)' },
  approved: { label: 'Đã duyệt, chờ xuất bản', color: 'var(--theme-success-500)' },
  scheduled: { label: 'Đã duyệt, hẹn xuất bản', color: 'var(--theme-success-500)' },
  published: { label: 'Đã xuất bản', color: 'var(--theme-success-500)' },
  publishedWithChanges: { label: 'Đã xuất bản, có thay đổi chưa xuất bản', color: 'var(--theme-warning-500)' },
}

const DONE: Record<ReviewAction, string> = {
  submit: 'Đã gửi duyệt',
  withdraw: 'Đã rút lại',
  approve: 'Đã duyệt',
  return: 'Đã trả lại',
}

const DID: Record<ReviewAction, string> = {
  submit: 'gửi duyệt',
  withdraw: 'rút lại',
  approve: 'duyệt',
  return: 'trả lại',
}

const HISTORY_ROWS = 5

interface Review {
  state?: ReviewState | null
  submittedAt?: string | null
  submittedBy?: unknown
  reviewedAt?: string | null
  reviewedBy?: unknown
  reason?: string | null
  publishAt?: string | null
}

interface HistoryRow {
  id?: string | null
  action: ReviewAction
  by?: unknown
  at: string
  reason?: string | null
  publishAt?: string | null
}

export interface ReviewPanelClientProps {
  collection: string
  apiRoute: string
  /** Display names of the people in the review record, by id (resolved on the server). */
  names: Record<string, string>
  requiresReview: boolean
  unitName: string | null
  timeZone: string
}

const small: CSSProperties = { fontSize: '0.85em', color: 'var(--theme-elevation-650)', margin: '0.15rem 0' }
const box: CSSProperties = { display: 'flex', flexDirection: 'column', gap: '0.4rem', marginTop: '0.6rem' }
const textInput: CSSProperties = {
  width: '100%',
  padding: '0.4rem',
  font: 'inherit',
  color: 'var(--theme-text)',
  background: 'var(--theme-input-bg)',
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 'var(--style-radius-s)',
}

/**
 * The buttons of the review panel: only the steps `availableActions` allows (the endpoint's own
 * rule), each calling POST /api/review/:collection/:id/:action as the signed-in user. Steps work
 * on the SAVED document, so they wait while the form has unsaved changes; after a step the page
 * reloads, since the step may have published the item and the form must show what is stored.
 */
export function ReviewPanelClient({
  collection,
  apiRoute,
  names,
  requiresReview,
  unitName,
  timeZone,
}: ReviewPanelClientProps) {
  const { user } = useAuth()
  const { id, data, hasSavePermission, hasPublishedDoc } = useDocumentInfo()
  const modified = useFormModified()
  const [reason, setReason] = useState('')
  const [publishAt, setPublishAt] = useState('')
  const [busy, setBusy] = useState<ReviewAction | null>(null)
  const [error, setError] = useState<string | null>(null)
  // The server said the draft changed since this page loaded: the way forward is a reload.
  const [stale, setStale] = useState(false)

  if (!user) return null
  const when = new Intl.DateTimeFormat('vi-VN', { timeZone, dateStyle: 'short', timeStyle: 'short' })
  const at = (iso: string | null | undefined) => (iso ? when.format(new Date(iso)) : '')
  const who = (value: unknown) => {
    const key = relId(value)
    return key === undefined
      ? 'không rõ'
      : (names[String(key)] ?? (String(key) === String(user.id) ? 'bạn' : `#${key}`))
  }

  const review = ((data as { review?: Review } | undefined)?.review ?? {}) as Review
  const history = (data as { reviewHistory?: HistoryRow[] } | undefined)?.reviewHistory
  const state: ReviewState = review.state ?? 'draft'
  const unit = relId((data as { unit?: unknown } | undefined)?.unit)
  const actor = reviewActorOf(
    user as { id: string | number; role?: string | null; reviewUnits?: unknown },
    unit,
    Boolean(hasSavePermission),
  )
  const status = itemStatus({
    published: hasPublishedDoc,
    pendingChanges: (data as { _status?: unknown } | undefined)?._status === 'draft',
    review: state,
    publishAt: review.publishAt,
    now: new Date(),
  })
  const actions =
    id === undefined
      ? []
      : panelActions(availableActions({ state, submittedBy: relId(review.submittedBy) }, actor), status)
  const ownSubmission =
    state === 'submitted' && actor.isReviewer && !actor.isAdmin && String(relId(review.submittedBy)) === String(user.id)
  const scheduled = publishAt === '' ? null : wallTimeToInstant(publishAt, timeZone)
  const blocked = modified || busy !== null

  async function run(action: ReviewAction): Promise<void> {
    setBusy(action)
    setError(null)
    setStale(false)
    try {
      const body: { reason?: string; publishAt?: string; updatedAt?: string } = {}
      if (action === 'return') body.reason = reason.trim()
      if (action === 'approve' && scheduled) body.publishAt = scheduled
      // The version on screen: the document as loaded, or as this user's own last save returned it
      // (Payload replaces `data` after each save, autosave included). Another user's save since
      // then makes the server refuse the approval with 409 instead of publishing unseen content.
      if (action === 'approve') body.updatedAt = String((data as { updatedAt?: unknown } | undefined)?.updatedAt ?? '')
      const res = await fetch(`${apiRoute}/review/${collection}/${id}/${action}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      if (!res.ok) {
        const json = (await res.json().catch(() => null)) as {
          errors?: Array<{ message?: string; field?: string | null }>
        } | null
        setError(json?.errors?.[0]?.message ?? `Lỗi máy chủ (HTTP ${res.status}).`)
        setStale(res.status === 409 && json?.errors?.[0]?.field === 'updatedAt')
        setBusy(null)
        return
      }
      toast.success(DONE[action])
      // A full reload: the form, the status pill and the version list all change with the step.
      window.location.reload()
    } catch (err) {
      setError(`Không gửi được yêu cầu: ${(err as Error).message}`)
      setBusy(null)
    }
  }

  const button = (action: ReviewAction, label: string, style: 'primary' | 'secondary', disabled = false) => (
    <Button
      buttonStyle={style}
      size="small"
      margin={false}
      disabled={blocked || disabled}
      onClick={() => void run(action)}
      id={`review-${action}`}
    >
      {busy === action ? 'Đang xử lý…' : label}
    </Button>
  )

  return (
    <div data-testid="review-panel" style={{ marginBottom: '1.5rem' }}>
      <h4 style={{ margin: '0 0 0.35rem' }}>Trạng thái</h4>
      <p style={{ margin: 0 }}>
        <span
          data-testid="review-state"
          style={{
            display: 'inline-block',
            padding: '0.1rem 0.5rem',
            borderRadius: '1rem',
            border: `1px solid ${STATUS[status].color}`,
            color: STATUS[status].color,
            fontWeight: 600,
          }}
        >
          {STATUS[status].label}
        </span>
      </p>
      {review.submittedAt && state !== 'draft' && (
        <p style={small}>
          Gửi duyệt: {who(review.submittedBy)}, {at(review.submittedAt)}
        </p>
      )}
      {review.reviewedAt && (state === 'approved' || state === 'returned') && (
        <p style={small}>
          {state === 'approved' ? 'Duyệt' : 'Trả lại'}: {who(review.reviewedBy)}, {at(review.reviewedAt)}
        </p>
      )}
      {state === 'approved' && review.publishAt && <p style={small}>Hẹn xuất bản: {at(review.publishAt)}</p>}
      {state === 'returned' && review.reason && (
        <p
          data-testid="review-reason"
          style={{
            ...small,
            color: 'var(--theme-text)',
            borderLeft: '3px solid var(--theme-error-500)',
            paddingLeft: '0.5rem',
            whiteSpace: 'pre-wrap',
          }}
        >
          Lý do trả lại: {review.reason}
        </p>
      )}
      {unitName && (
        <p style={small}>
          {requiresReview
            ? `Đơn vị ${unitName} yêu cầu duyệt trước khi xuất bản.`
            : `Đơn vị ${unitName} không bắt buộc duyệt: có thể xuất bản trực tiếp.`}
        </p>
      )}

      {id === undefined && <p style={small}>Lưu bản nháp để gửi duyệt.</p>}
      {actions.length > 0 && modified && (
        <p data-testid="review-unsaved" style={{ ...small, color: 'var(--theme-warning-650, var(--theme-text))' }}>
          Có thay đổi chưa lưu: hãy lưu bản nháp trước, thao tác duyệt áp dụng cho bản đã lưu.
        </p>
      )}
      {ownSubmission && <p style={small}>Bạn không thể tự duyệt nội dung do chính mình gửi.</p>}

      {actions.length > 0 && (
        <div style={box}>
          {actions.includes('submit') && button('submit', 'Gửi duyệt', 'primary')}
          {actions.includes('withdraw') && button('withdraw', 'Rút lại', 'secondary')}
          {actions.includes('approve') && (
            <div style={box}>
              <label style={small}>
                Hẹn xuất bản (giờ {timeZone === 'Asia/Ho_Chi_Minh' ? 'Việt Nam' : timeZone}; để trống: xuất bản ngay)
                <input
                  type="datetime-local"
                  aria-label="Hẹn xuất bản"
                  value={publishAt}
                  onChange={(e) => setPublishAt(e.target.value)}
                  style={textInput}
                />
              </label>
              {button(
                'approve',
                scheduled ? 'Duyệt và hẹn xuất bản' : 'Duyệt và xuất bản',
                'primary',
                publishAt !== '' && !scheduled,
              )}
            </div>
          )}
          {actions.includes('return') && (
            <div style={box}>
              <label style={small}>
                Lý do trả lại (bắt buộc khi trả lại)
                <textarea
                  aria-label="Lý do trả lại"
                  rows={3}
                  maxLength={REASON_MAX}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  style={textInput}
                />
              </label>
              {button('return', 'Trả lại', 'secondary', reason.trim() === '')}
            </div>
          )}
        </div>
      )}
      {error && (
        <p role="alert" data-testid="review-error" style={{ ...small, color: 'var(--theme-error-500)' }}>
          {error}
        </p>
      )}
      {stale && (
        <Button
          buttonStyle="secondary"
          size="small"
          margin={false}
          id="review-reload"
          onClick={() => window.location.reload()}
        >
          Tải lại trang
        </Button>
      )}

      {(history?.length ?? 0) > 0 && (
        <details style={{ marginTop: '0.75rem' }} open>
          <summary style={small}>Lịch sử duyệt gần đây</summary>
          <ul data-testid="review-history" style={{ margin: '0.25rem 0 0', paddingLeft: '1.1rem' }}>
            {recentHistory(history, HISTORY_ROWS).map((row, i) => (
              <li key={row.id ?? i} style={small}>
                {at(row.at)}: {who(row.by)} {DID[row.action]}
                {row.publishAt ? ` (hẹn ${at(row.publishAt)})` : ''}
                {row.reason ? `: “${row.reason}”` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}
