import type { Endpoint, PayloadRequest } from 'payload'
import { relId } from '../../../domain/relations'
import type { QuotaReport } from '../../../domain/reportAssembly'
import type { AppendixItem } from '../../../domain/reportDocument'
import { parsePeriodicReportParams } from '../../../domain/reportParams'
import { SCHEDULE_SLUGS } from '../../../domain/slugs'
import { refuseUnlessManager, refuseWith } from '../../endpoints/http'
import { buildReportDocument } from '../buildReportDocument'
import { documentResponse, refuseUnlessPdfPossible } from '../documentResponse'

type Row = Record<string, unknown>

/**
 * GET /api/quota/periodic-report?id=<id>[&format=docx|pdf]: a stored periodic report as the
 * document to sign, with the numbers and items of its day (as mailed) and the narrative and
 * signer saved on it. Managers and admins: 401, 403, 400 naming the parameter, 404 unknown id.
 */
export const getPeriodicReportDocument: Endpoint = {
  path: '/quota/periodic-report',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const refused = refuseUnlessManager(req)
    if (refused) return refused
    const parsed = parsePeriodicReportParams((req.query ?? {}) as Record<string, unknown>)
    if (!parsed.ok) return refuseWith(req, 400, parsed.problem.key, { field: parsed.field, vars: parsed.problem.vars })
    const noPdf = refuseUnlessPdfPossible(req, parsed.params.format)
    if (noPdf) return noPdf
    const notFound = () =>
      refuseWith(req, 404, 'periodicReportNotFound', { field: 'id', vars: { id: parsed.params.id } })
    const stored = (await req.payload.findByID({
      collection: SCHEDULE_SLUGS.quotaReports,
      id: parsed.params.id,
      depth: 0,
      overrideAccess: false,
      req,
      disableErrors: true,
    })) as Row | null
    if (!stored) return notFound()
    const report = stored.report as QuotaReport
    const built = await buildReportDocument(req, {
      report,
      evidence: Array.isArray(stored.evidence) ? (stored.evidence as AppendixItem[]) : null,
      narrative: { issues: stored.issues as string | null, directions: stored.directions as string | null },
      signer: relId(stored.signer),
    })
    if (!built) return notFound()
    return documentResponse(req, built.docx, parsed.params.format, built.document.filename)
  },
}
