import type { Endpoint, PayloadRequest } from 'payload'
import { calendarDay } from '../../../domain/calendar'
import { parseReportParams } from '../../../domain/reportParams'
import { quotaReportCsv } from '../../../domain/reportCsv'
import { buildReport } from '../buildReport'
import { buildReportDocument } from '../buildReportDocument'
import { documentResponse, refuseUnlessPdfPossible } from '../documentResponse'
import { reportWorkbook } from '../reportWorkbook'
import { countingTimeZone } from '../../counting/engine/settings'
import { jsonOnce, refuseUnlessReportReader, refuseWith } from '../../endpoints/http'

/**
 * GET /api/quota/report?plan=<id>[&asOf=YYYY-MM-DD][&unit=<id>][&format=json|csv|xlsx|docx|pdf]
 * Managers and admins only: 401 anonymous, 403 other roles, 400 with the parameter named,
 * 404 for a plan that does not exist (or that the user cannot see). docx is the report document
 * a manager signs (Decree 30 layout) from the same report; pdf is LibreOffice's rendering of it,
 * 501 naming the package to install where LibreOffice is missing.
 */
export const getQuotaReport: Endpoint = {
  path: '/quota/report',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const refused = refuseUnlessReportReader(req)
    if (refused) return refused
    const parsed = parseReportParams(
      (req.query ?? {}) as Record<string, unknown>,
      calendarDay(new Date(), countingTimeZone(req.payload)),
    )
    if (!parsed.ok) return refuseWith(req, 400, parsed.problem.key, { field: parsed.field, vars: parsed.problem.vars })
    const noPdf = refuseUnlessPdfPossible(req, parsed.params.format)
    if (noPdf) return noPdf
    const report = await buildReport(req, parsed.params)
    if (!report) return refuseWith(req, 404, 'planNotFound', { field: 'plan', vars: { id: parsed.params.plan } })
    const { format } = parsed.params
    if (format === 'docx' || format === 'pdf') {
      const built = await buildReportDocument(req, { report })
      if (!built) return refuseWith(req, 404, 'planNotFound', { field: 'plan', vars: { id: parsed.params.plan } })
      return documentResponse(req, built.docx, format, built.document.filename)
    }
    if (parsed.params.format === 'xlsx') {
      return new Response(new Uint8Array(await reportWorkbook(report)), {
        status: 200,
        headers: {
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'Content-Disposition': `attachment; filename="bao-cao-chi-tieu-${report.plan.id}-${report.asOf}.xlsx"`,
          'Cache-Control': 'no-store',
        },
      })
    }
    if (parsed.params.format === 'csv') {
      return new Response(quotaReportCsv(report), {
        status: 200,
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="bao-cao-chi-tieu-${report.plan.id}-${report.asOf}.csv"`,
          'Cache-Control': 'no-store',
        },
      })
    }
    return jsonOnce(200, report)
  },
}
