import config from '@payload-config'
import { getPayload } from 'payload'
import { serveFeed } from '../../../../plugin/feeds/serveFeed'

// Feeds answer each request from the database (with ETag/304); nothing is prerendered at build.
export const dynamic = 'force-dynamic'

/** GET /feeds/rss.xml?plan=&task=&channel=&unit=&type=&limit= */
export async function GET(request: Request): Promise<Response> {
  return serveFeed(await getPayload({ config }), request)
}
