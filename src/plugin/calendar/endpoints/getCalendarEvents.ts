import type { Endpoint, PayloadRequest } from 'payload'
import { calendarDay } from '../../../domain/calendar'
import { parseCalendarParams } from '../../../domain/calendarParams'
import { isStaffUser } from '../../access/roles'
import { countedCollections, countingTimeZone } from '../../counting/engine/settings'
import { json, refuseWith } from '../../endpoints/http'
import { loadCalendarView } from '../loadCalendarView'

/**
 * GET /api/calendar/events?from&to[&plan&unit&channel&type&assignee] — what the calendar view
 * shows in a range, read as the signed-in user (staff only: 401 anonymous, 403 integration
 * accounts). A bad parameter is a 400 naming it.
 */
export const getCalendarEvents: Endpoint = {
  path: '/calendar/events',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    if (!req.user) return refuseWith(req, 401, 'calendarSignIn')
    if (!isStaffUser(req.user)) return refuseWith(req, 403, 'calendarForStaff')
    const query = Object.fromEntries(req.searchParams?.entries() ?? [])
    const parsed = parseCalendarParams(query, countedCollections(req.payload))
    if (!parsed.ok) return refuseWith(req, 400, parsed.problem.key, { field: parsed.field, vars: parsed.problem.vars })
    const today = calendarDay(new Date(), countingTimeZone(req.payload))
    const events = await loadCalendarView(req, parsed.params, today)
    return json(200, { from: parsed.params.from, to: parsed.params.to, events })
  },
}
