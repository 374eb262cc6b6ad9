import config from '@payload-config'
import { getPayload } from 'payload'
import { serveFeed } from '../../../../../plugin/feeds/serveFeed'

export const dynamic = 'force-dynamic'

/** GET /feeds/tasks/<id>[-words].xml — a task's feed; the query may narrow it further. */
export async function GET(request: Request, context: { params: Promise<{ task: string }> }): Promise<Response> {
  const { task } = await context.params
  return serveFeed(await getPayload({ config }), request, { task })
}
