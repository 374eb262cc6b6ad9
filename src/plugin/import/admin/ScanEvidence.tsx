'use client'
/**
 * Beside a field read from a scan: the crop of the page region it came from (the page image kept
 * with the import, shown through a window on the box) and a "cần kiểm tra" badge when the field
 * was read approximately. The page image is fetched with the user's session from the owner-only
 * endpoint; the crop is made here from the image and the box.
 */
import type { CSSProperties } from 'react'
import type { LineBox } from '../../../domain/planImport/pdfLayout'
import { translate } from '../../../domain/i18n/translate'

export interface ScanPage {
  page: number
  width: number
  height: number
  url: string
}

/**
 * Widest a crop is shown (a header field beside its input; a task row in its narrower column),
 * and tallest (a long task row is shown scaled down).
 */
const CROP_WIDTH = 520
const TASK_CROP_WIDTH = 300
const CROP_MAX_HEIGHT = 140
/** White space kept around the box, as a fraction of the page. */
const MARGIN = 0.003

const badge: CSSProperties = {
  display: 'inline-block',
  padding: '0 0.4rem',
  borderRadius: 3,
  fontSize: '0.75rem',
  fontWeight: 600,
  background: 'var(--theme-warning-100, #fff3cd)',
  color: 'var(--theme-warning-800, #7a5200)',
  border: '1px solid var(--theme-warning-500, #e0a800)',
  whiteSpace: 'nowrap',
}

export function ApproximateBadge({ field }: { field: string }) {
  return (
    <span data-testid="approx-badge" data-field={field} title={translate('vi', 'planImportCheckTitle')} style={badge}>
      {translate('vi', 'planImportCheck')}
    </span>
  )
}

export function PageCrop({ box, page, field, label }: { box: LineBox; page: ScanPage; field: string; label: string }) {
  const x = Math.max(0, box.x - MARGIN)
  const y = Math.max(0, box.y - MARGIN)
  const w = Math.min(1 - x, box.w + 2 * MARGIN)
  const h = Math.min(1 - y, box.h + 2 * MARGIN)
  const aspect = page.height / page.width
  // The page image's width on screen: the box fills the crop's width, unless that makes it too tall.
  const width = field.startsWith('tasks[') ? TASK_CROP_WIDTH : CROP_WIDTH
  let imageWidth = width / Math.max(w, 0.01)
  if (h * imageWidth * aspect > CROP_MAX_HEIGHT) imageWidth = CROP_MAX_HEIGHT / (h * aspect)
  const imageHeight = imageWidth * aspect
  return (
    <div
      data-testid="page-crop"
      data-field={field}
      style={{
        position: 'relative',
        overflow: 'hidden',
        width: Math.round(w * imageWidth),
        height: Math.round(h * imageHeight),
        border: '1px solid var(--theme-elevation-200)',
        background: '#fff',
        marginTop: '0.25rem',
      }}
    >
      <img
        src={page.url}
        alt={translate('vi', 'planImportCropAlt', { page: page.page, field: label })}
        style={{
          position: 'absolute',
          left: -Math.round(x * imageWidth),
          top: -Math.round(y * imageHeight),
          width: Math.round(imageWidth),
          height: Math.round(imageHeight),
          maxWidth: 'none',
        }}
      />
    </div>
  )
}

/** What the review needs of a scan: each field's box, the pages, what was read approximately. */
export interface ScanReview {
  boxes: {
    plan: Record<string, LineBox | null>
    basisDocuments: Array<LineBox | null>
    fixedReportDates: Array<LineBox | null>
    tasks: Array<LineBox | null>
  }
  pages: ScanPage[]
  approximate: { fields: string[]; tasks: number[] }
}

/** The review's field path ("plan.code", "tasks[2]", "plan.basisDocuments[0]") → its box. */
function boxOf(review: ScanReview, field: string): LineBox | null {
  const m = /^(plan\.basisDocuments|plan\.fixedReportDates|tasks)\[(\d+)\]$/.exec(field)
  if (m) {
    const list =
      m[1] === 'tasks'
        ? review.boxes.tasks
        : m[1] === 'plan.basisDocuments'
          ? review.boxes.basisDocuments
          : review.boxes.fixedReportDates
    return list[Number(m[2])] ?? null
  }
  return review.boxes.plan[field.replace(/^plan\./, '')] ?? null
}

/** The parser's approximate header fields, by the review's field path. */
const APPROXIMATE_FIELD: Record<string, string> = {
  'plan.code': 'code',
  'plan.title': 'title',
  'plan.issuer': 'issuer',
  'plan.issueDate': 'issueDate',
  'plan.period': 'period',
  'plan.monthlyDay': 'reporting',
}

function isApproximate(review: ScanReview, field: string): boolean {
  const task = /^tasks\[(\d+)\]$/.exec(field)
  if (task) return review.approximate.tasks.includes(Number(task[1]))
  // The lists' badge is on the list's row, once; their items get a crop each.
  if (field === 'plan.basisDocuments') return review.approximate.fields.includes('basis')
  if (field === 'plan.fixedReportDates') return review.approximate.fields.includes('reporting')
  const key = APPROXIMATE_FIELD[field]
  return key !== undefined && review.approximate.fields.includes(key)
}

/** Badge and crop for `field`, or nothing when the field has no box (not from the scan). */
export function ScanEvidence({ review, field, label }: { review: ScanReview; field: string; label: string }) {
  const box = boxOf(review, field)
  const page = box ? review.pages[box.page] : undefined
  const approximate = isApproximate(review, field)
  if (!approximate && (!box || !page)) return null
  return (
    <div data-testid="scan-evidence" data-field={field}>
      {approximate && <ApproximateBadge field={field} />}
      {box && page && <PageCrop box={box} page={page} field={field} label={label} />}
    </div>
  )
}
