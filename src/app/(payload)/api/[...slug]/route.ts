import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'
import { getPayload } from 'payload'
import { answerWhenDatabaseDown } from '../../../../http/answerWhenDatabaseDown'
import { guardApiRequest } from '../../../../http/guardApiRequest'

const payload = () => getPayload({ config })

// Query caps, body size, upload access and cross-site cookies are checked before Payload parses
// anything (see docs/SECURITY.md); a refusal caused by the database being down becomes a 503
// (src/http/answerWhenDatabaseDown.ts).
export const GET = answerWhenDatabaseDown(guardApiRequest(REST_GET(config), { config }), payload)
export const POST = answerWhenDatabaseDown(guardApiRequest(REST_POST(config), { config }), payload)
export const DELETE = answerWhenDatabaseDown(guardApiRequest(REST_DELETE(config), { config }), payload)
export const PATCH = answerWhenDatabaseDown(guardApiRequest(REST_PATCH(config), { config }), payload)
export const PUT = answerWhenDatabaseDown(guardApiRequest(REST_PUT(config), { config }), payload)
export const OPTIONS = REST_OPTIONS(config)
