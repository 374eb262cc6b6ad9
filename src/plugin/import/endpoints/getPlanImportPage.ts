import type { Endpoint, PayloadRequest } from 'payload'
import { refuseNonImporter, refuseWith } from '../../endpoints/http'
import { findImport, importIdOf } from '../scanImportRecord'

/**
 * GET /api/plan-import/:id/pages/:page — page `page` (from 1) of a read scan as the WebP image
 * kept with the import, for the crops beside the review's fields. The same owner rule as the
 * import (401, 403, 404); 400 naming `id` or `page`; 409 while the scan is not read yet.
 */
export const getPlanImportPage: Endpoint = {
  path: '/plan-import/:id/pages/:page',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const refused = refuseNonImporter(req)
    if (refused) return refused
    const id = importIdOf(req)
    if (id instanceof Response) return id
    const doc = await findImport(req, id, { status: true, pagesTotal: true, pageImages: true })
    if (doc instanceof Response) return doc
    if (doc.status !== 'done')
      return refuseWith(req, 409, 'planImportNotRead', { field: 'id', vars: { status: String(doc.status) } })
    const images = Array.isArray(doc.pageImages) ? (doc.pageImages as Array<{ webp?: unknown }>) : []
    const raw = String(req.routeParams?.page ?? '')
    const page = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN
    const image = images[page - 1]?.webp
    if (!Number.isInteger(page) || page < 1 || typeof image !== 'string')
      return refuseWith(req, 400, 'planImportBadPage', {
        field: 'page',
        vars: { value: raw.slice(0, 40), max: images.length },
      })
    return new Response(new Uint8Array(Buffer.from(image, 'base64')), {
      status: 200,
      headers: {
        'Content-Type': 'image/webp',
        // The user's own document: the browser may keep it, no shared cache may.
        'Cache-Control': 'private, max-age=3600',
        'X-Content-Type-Options': 'nosniff',
      },
    })
  },
}
