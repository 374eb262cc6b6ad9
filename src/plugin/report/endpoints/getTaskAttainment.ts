import type { Endpoint, PayloadRequest } from 'payload'
import { calendarDay } from '../../../domain/calendar'
import { parseTaskParams } from '../../../domain/reportParams'
import { countingTimeZone } from '../../counting/engine/settings'
import { json, refuseUnlessReportReader, refuseWith } from '../../endpoints/http'
import { buildTaskDetail } from '../buildTaskDetail'

/**
 * GET /api/quota/task?task=<id>[&asOf=YYYY-MM-DD]: one task's targets with the items counted,
 * the late ones and the cumulative line. Same access as the plan report.
 */
export const getTaskAttainment: Endpoint = {
  path: '/quota/task',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const refused = refuseUnlessReportReader(req)
    if (refused) return refused
    const today = calendarDay(new Date(), countingTimeZone(req.payload))
    const parsed = parseTaskParams((req.query ?? {}) as Record<string, unknown>, today)
    if (!parsed.ok) return refuseWith(req, 400, parsed.problem.key, { field: parsed.field, vars: parsed.problem.vars })
    const detail = await buildTaskDetail(req, parsed.params)
    if (!detail) return refuseWith(req, 404, 'taskNotFound', { field: 'task', vars: { id: parsed.params.task } })
    return json(200, detail)
  },
}
