import type { Endpoint, PayloadRequest } from 'payload'
import type { ResolvedOptions } from '../../options'
import { openApiDocument, type HostOperation, type Operation } from '../document'

/** The document holds no data and changes only with a deploy: caches may keep it a few minutes. */
const HEADERS = { 'Cache-Control': 'public, max-age=300' }

/** Endpoints of the config that carry their own description in `custom.openapi` (the app's /health). */
function hostOperations(req: PayloadRequest): HostOperation[] {
  return (req.payload.config.endpoints ?? []).flatMap((e) => {
    const operation = (e.custom as { openapi?: Operation } | undefined)?.openapi
    return operation ? [{ path: e.path, method: e.method, operation }] : []
  })
}

/**
 * GET /api/openapi.json — the OpenAPI 3.1 description of the plugin's endpoints and of the
 * host's that describe themselves. Public: it describes the contract and contains no data.
 */
export const getOpenApiDocument: Endpoint = {
  path: '/openapi.json',
  method: 'get',
  handler: (req: PayloadRequest) => {
    const { config } = req.payload
    const opts = config.custom?.commsQuota as ResolvedOptions
    const origin = req.url ? new URL(req.url).origin : ''
    const document = openApiDocument({
      apiRoute: config.routes.api,
      serverUrl: config.serverURL || origin,
      usersSlug: opts.usersSlug,
      cookiePrefix: config.cookiePrefix,
      contentCollections: opts.contentCollections,
      review: opts.review,
      feeds: { defaultLimit: opts.feeds.defaultLimit, maxLimit: opts.feeds.maxLimit },
      hostOperations: hostOperations(req),
    })
    return Response.json(document, { status: 200, headers: HEADERS })
  },
}
