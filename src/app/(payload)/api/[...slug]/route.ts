import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'
import { guardApiRequest } from '../../../../http/guardApiRequest'

// Query caps, body size, upload access and cross-site cookies are checked before Payload parses
// anything (see docs/SECURITY.md).
export const GET = guardApiRequest(REST_GET(config), { config })
export const POST = guardApiRequest(REST_POST(config), { config })
export const DELETE = guardApiRequest(REST_DELETE(config), { config })
export const PATCH = guardApiRequest(REST_PATCH(config), { config })
export const PUT = guardApiRequest(REST_PUT(config), { config })
export const OPTIONS = REST_OPTIONS(config)
