import type { Endpoint, PayloadRequest } from 'payload'
import { fieldBoxes } from '../../../domain/planImport'
import type { LineBox } from '../../../domain/planImport/pdfLayout'
import { scanImportState, type ScanImportRecord } from '../../../domain/planImport/scanImport'
import { RECURRENCE_PERIODS, type RecurrencePeriod } from '../../../domain/slugs'
import { json, refuseNonImporter } from '../../endpoints/http'
import { SCAN_LIMITS } from '../ocrScan'
import { previewBody } from '../previewBody'
import { findImport, importIdOf } from '../scanImportRecord'
import { fieldError } from './importErrors'

interface StoredBoxes {
  lines?: Array<LineBox | null>
  pages?: Array<{ width: number; height: number }>
}

/**
 * GET /api/plan-import/:id — a scan import's state: `queued`, `running` with `pagesDone` of
 * `pagesTotal`, `failed` with the error (the status and field-named message the request would
 * have got), or `done` with the same preview as a text upload gets (parsed now, against the
 * catalog as the user sees it) plus `review`: what was read approximately, the box of each field
 * and task on its page, and the page images' addresses. Its owner and admins only: 401 anonymous,
 * 403 other roles, 404 someone else's or none, 400 for an id that is not one.
 */
export const getPlanImport: Endpoint = {
  path: '/plan-import/:id',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const refused = refuseNonImporter(req)
    if (refused) return refused
    const id = importIdOf(req)
    if (id instanceof Response) return id
    const doc = await findImport(req, id, { pageImages: false })
    if (doc instanceof Response) return doc
    const state = scanImportState(doc as unknown as ScanImportRecord, Date.now(), SCAN_LIMITS.timeoutMs)
    const head = {
      id,
      fileName: doc.fileName,
      status: state.status,
      pagesDone: state.pagesDone,
      pagesTotal: state.pagesTotal,
      error: state.error
        ? { status: state.error.status, ...fieldError(req, state.error.field, state.error.message) }
        : null,
    }
    if (state.status !== 'done' || typeof doc.text !== 'string') return json(200, head)
    const recurrence = RECURRENCE_PERIODS.includes(doc.recurrence as RecurrencePeriod)
      ? (doc.recurrence as RecurrencePeriod)
      : undefined
    const code = typeof doc.code === 'string' && doc.code !== '' ? doc.code : undefined
    const { body, review } = await previewBody(req, {
      text: doc.text,
      fileName: typeof doc.fileName === 'string' ? doc.fileName : null,
      ...(code ? { code } : {}),
      ...(recurrence ? { recurrence } : {}),
    })
    const stored = (doc.boxes ?? {}) as StoredBoxes
    const api = req.payload.config.routes.api
    return json(200, {
      ...head,
      ...body,
      review: {
        approximate: review.approximate,
        boxes: fieldBoxes(review.draft, doc.text, stored.lines ?? []),
        pages: (stored.pages ?? []).map((p, i) => ({
          page: i + 1,
          width: p.width,
          height: p.height,
          url: `${api}/plan-import/${id}/pages/${i + 1}`,
        })),
      },
    })
  },
}
