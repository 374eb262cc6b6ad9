import type { Endpoint, PayloadRequest } from 'payload'
import { SLUGS } from '../../../domain/slugs'
import { BodyError, json, refuse, refuseBody, refuseNonImporter } from '../../endpoints/http'
import { startScanImport } from '../jobs/runScanImport'
import { checkOcrTools } from '../ocrScan'
import { previewBody } from '../previewBody'
import { PlanSourceError, readPlanSource, type PlanSource } from '../readPlanSource'
import { fieldError } from './importErrors'

/**
 * POST /api/plan-import/preview — plan text (JSON `{ text }`, or multipart with a `file`) → the
 * draft the reviewer edits, what still blocks its save, the notes, and the catalog to choose
 * from. Nothing is saved. A scan (a PDF without text, or an image) is checked against its limits
 * here (413, and 503 without the OCR programs), then read in the background: 202 with the
 * import's id, whose progress and result GET /api/plan-import/:id gives. Managers and admins only
 * (401/403); 400/413/415 name the field at fault.
 */
export const previewPlanImport: Endpoint = {
  path: '/plan-import/preview',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    const refused = refuseNonImporter(req)
    if (refused) return refused
    let source: PlanSource
    try {
      source = await readPlanSource(req)
      if (source.scan) await checkOcrTools(source.scan)
    } catch (err) {
      if (err instanceof BodyError) return refuseBody(req, err)
      if (err instanceof PlanSourceError) return refuse(err.status, fieldError(req, err.field, err.problem))
      throw err
    }
    if (source.scan && req.user) {
      const record = await req.payload.create({
        collection: SLUGS.planImports,
        data: {
          // Postgres ids are serial integers.
          user: Number(req.user.id),
          fileName: source.fileName ?? 'scan',
          status: 'queued',
          pagesTotal: source.scan.pages,
          code: source.code ?? null,
          recurrence: source.recurrence ?? null,
        },
        depth: 0,
        req,
        overrideAccess: false,
      })
      void startScanImport(req.payload, record.id, source.scan)
      const url = `${req.payload.config.routes.api}/plan-import/${record.id}`
      return json(
        202,
        {
          id: record.id,
          status: 'queued',
          pagesDone: 0,
          pagesTotal: source.scan.pages,
          fileName: record.fileName,
          url,
        },
        { Location: url },
      )
    }
    const { body } = await previewBody(req, source)
    return json(200, body)
  },
}
