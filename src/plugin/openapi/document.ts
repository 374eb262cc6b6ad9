import type { JsonObject, Operation } from './json'
import { pluginPaths, type PathSettings } from './paths'
import { componentSchemas } from './schemas'
import { ref } from './json'

export type { Json, JsonObject, Operation, Schema } from './json'

export const PAYLOAD_REST_DOCS = 'https://payloadcms.com/docs/rest-api/overview'

/** An endpoint a host registers and describes itself (the app's /api/health), as it appears in the config. */
export interface HostOperation {
  /** Payload's endpoint path, `/health` or `/things/:id`. */
  path: string
  method: string
  operation: Operation
}

/** What the document depends on; the endpoint reads it from the running config. */
export interface OpenApiSettings extends PathSettings {
  /** Payload's API route, `/api` unless the host changed `routes.api`. */
  apiRoute: string
  /** Where the API is reached: `serverURL`, else the origin of the request for the document. */
  serverUrl: string
  /** The auth collection (API keys are sent as `<usersSlug> API-Key <key>`). */
  usersSlug: string
  /** Payload's cookie prefix (the session cookie is `<prefix>-token`). */
  cookiePrefix: string
  /** Operations the host describes for its own endpoints; a path the plugin describes wins. */
  hostOperations?: readonly HostOperation[]
}

/** `/quota/shared/:token` → `/quota/shared/{token}`. */
export const openApiPath = (payloadPath: string): string => payloadPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}')

function securitySchemes(settings: OpenApiSettings): JsonObject {
  const login = `POST ${settings.apiRoute}/${settings.usersSlug}/login`
  return {
    payloadJwt: {
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
      description: `\`Authorization: JWT <token>\`, the \`token\` that ${login} returns.`,
    },
    bearerJwt: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: `The same token as \`Authorization: Bearer <token>\`.`,
    },
    payloadCookie: {
      type: 'apiKey',
      in: 'cookie',
      name: `${settings.cookiePrefix}-token`,
      description: `The session cookie ${login} sets (browsers; a cross-site request needs an allowed Origin).`,
    },
    apiKey: {
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
      description:
        `\`Authorization: ${settings.usersSlug} API-Key <key>\`: a user's API key, for integrations that pull ` +
        'reports unattended. The key acts as its user: the same role checks apply.',
    },
  }
}

function components(settings: OpenApiSettings): JsonObject {
  const errors = (description: string): JsonObject => ({
    description,
    content: { 'application/json': { schema: ref('Errors') } },
  })
  return {
    schemas: componentSchemas(settings.contentCollections),
    responses: {
      SignInRequired: errors('Not signed in (no valid token, cookie or API key).'),
      Forbidden: errors("Signed in, but the user's role may not use this endpoint."),
      Failure: errors(
        'Anything else, in the same shape: a request over the size limits (413), the database unavailable ' +
          '(503 with Retry-After), an unexpected error (500).',
      ),
    },
    securitySchemes: securitySchemes(settings),
  }
}

const TAGS = [
  { name: 'quota', description: 'Quota reports and the drill-down (docs/report.md).' },
  { name: 'share', description: 'Share links: a plan report without an account (docs/share-links.md).' },
  { name: 'calendar', description: 'Calendar subscriptions (iCalendar) of plans and users (docs/calendar.md).' },
  { name: 'review', description: 'Editorial review steps (docs/review.md).' },
  { name: 'plan-import', description: 'Plan import from a document (docs/plan-import.md).' },
  { name: 'feeds', description: 'RSS feeds of published content (docs/feeds.md).' },
  { name: 'operations', description: 'Health, for load balancers and orchestrators.' },
  { name: 'inbox', description: "The signed-in user's notifications (the admin's bell and inbox)." },
  { name: 'contract', description: 'This description.' },
]

/** Host operations under their OpenAPI paths; the plugin's own descriptions are never replaced. */
function hostPaths(settings: OpenApiSettings, own: Record<string, JsonObject>): Record<string, JsonObject> {
  const out: Record<string, JsonObject> = {}
  for (const { path, method, operation } of settings.hostOperations ?? []) {
    const key = openApiPath(path)
    const verb = method.toLowerCase()
    if (own[key]?.[verb] !== undefined) continue
    out[key] = { ...out[key], [verb]: operation }
  }
  return out
}

/**
 * The OpenAPI 3.1 description of the plugin's endpoints (and the host's own, when it describes
 * them), served at `<api>/openapi.json`. Plain data, built fresh on every call from the
 * settings; Payload's collection endpoints are linked to Payload's REST docs, not repeated.
 */
export function openApiDocument(settings: OpenApiSettings): JsonObject {
  const own = pluginPaths(settings)
  const collections = `${settings.apiRoute}/<collection-slug>`
  return {
    openapi: '3.1.0',
    info: {
      title: 'Communication plans and quotas: custom endpoints',
      version: '1',
      description:
        'The endpoints this app adds to Payload: quota reports and the drill-down, share links, editorial review, ' +
        'plan import, RSS feeds and health. Collections (plans, tasks, units, channels, content, users) are ' +
        `Payload's own REST API at \`${collections}\` (find, create, update, delete, versions, login): see ` +
        `${PAYLOAD_REST_DOCS}. Errors are Payload's shape, \`{ "errors": [{ "message", "field"? }] }\`, with ` +
        'messages in Vietnamese or, with `Accept-Language: en`, English. Calendar days are YYYY-MM-DD in the ' +
        "plan's time zone.",
      license: { name: 'MIT', identifier: 'MIT' },
    },
    externalDocs: { description: "Payload's REST API, for the collections", url: PAYLOAD_REST_DOCS },
    servers: [{ url: `${settings.serverUrl.replace(/\/$/, '')}${settings.apiRoute}` }],
    tags: TAGS,
    paths: { ...own, ...hostPaths(settings, own) },
    components: components(settings),
  }
}
