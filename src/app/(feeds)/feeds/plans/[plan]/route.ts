import config from '@payload-config'
import { getPayload } from 'payload'
import { serveFeed } from '../../../../../plugin/feeds/serveFeed'

export const dynamic = 'force-dynamic'

/** GET /feeds/plans/<id>[-words].xml — a plan's feed; the query may narrow it further. */
export async function GET(request: Request, context: { params: Promise<{ plan: string }> }): Promise<Response> {
  const { plan } = await context.params
  return serveFeed(await getPayload({ config }), request, { plan })
}
