import type { Endpoint, PayloadRequest } from 'payload'
import { calendarDay } from '../../../domain/calendar'
import { parseReportParams } from '../../../domain/reportParams'
import { quotaReportCsv } from '../../../domain/reportCsv'
import { buildReport } from '../buildReport'
import { reportWorkbook } from '../reportWorkbook'
import { countingTimeZone } from '../../counting/engine/settings'
import { json, refuseUnlessReportReader, refuseWith } from '../../endpoints/http'

/**
 * GET /api/quota/report?plan=<id>[&asOf=YYYY-MM-DD][&unit=<id>][&format=json|csv|xlsx]
 * Managers and admins only: 401 anonymous, 403 other roles, 400 with the parameter named,
 * 404 for a plan that does not exist (or that the user cannot see).
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
    const report = await buildReport(req, parsed.params)
    if (!report) return refuseWith(req, 404, 'planNotFound', { field: 'plan', vars: { id: parsed.params.plan } })
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
    return json(200, report)
  },
}
