import type { CollectionConfig, Config, Plugin } from 'payload'
import { answerFailedLogin } from '../../hooks/answerFailedLogin'
import { answerMalformedJson } from '../../hooks/answerMalformedJson'
import { hashForAbsentAccount } from '../../hooks/hashForAbsentAccount'
import { limitDataDepth } from '../../hooks/limitDataDepth'
import { limitGraphQLQuery } from '../../hooks/limitGraphQLQuery'
import { DEFAULT_REQUEST_LIMITS, type RequestLimits } from '../domain/requestLimits'

/**
 * Served uploads are data, never a page: the browser must not sniff another type from the bytes,
 * and whatever a file holds cannot run script or be framed as a document of this origin.
 */
export const UPLOAD_RESPONSE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox",
})

function withSafeFileHeaders(collection: CollectionConfig): CollectionConfig {
  if (!collection.upload) return collection
  const upload = typeof collection.upload === 'object' ? collection.upload : {}
  const previous = upload.modifyResponseHeaders
  return {
    ...collection,
    upload: {
      ...upload,
      modifyResponseHeaders: ({ headers }) => {
        const out = previous?.({ headers }) ?? headers
        for (const [name, value] of Object.entries(UPLOAD_RESPONSE_HEADERS)) out.set(name, value)
        return out
      },
    },
  }
}

function withInputLimits(collection: CollectionConfig): CollectionConfig {
  const hooks = collection.hooks ?? {}
  // Auth collections: a login Payload will refuse without hashing hashes anyway (same time).
  const login = collection.auth ? [hashForAbsentAccount] : []
  return {
    ...collection,
    hooks: {
      ...hooks,
      beforeOperation: [...login, limitGraphQLQuery, limitDataDepth, ...(hooks.beforeOperation ?? [])],
    },
  }
}

/**
 * The app's hardening, applied last so it covers the plugin's collections too: GraphQL query caps
 * and a nesting cap on written data for every collection, safe headers on every served upload,
 * Payload's own depth cap and multipart limits set to ours, malformed request JSON answered 400,
 * failed logins answered alike and after the same work, and CSRF origin checks for
 * cookie-authenticated requests when the public URL is known (without it, src/http/
 * guardApiRequest.ts holds them to the origin they reached).
 * See docs/SECURITY.md.
 */
export const hardeningPlugin =
  (limits: RequestLimits = DEFAULT_REQUEST_LIMITS): Plugin =>
  (config: Config): Config => {
    const serverURL = config.serverURL || undefined
    return {
      ...config,
      collections: (config.collections ?? []).map((c) => withSafeFileHeaders(withInputLimits(c))),
      // Local and GraphQL population is clamped here; REST asks above it get a 400 first.
      maxDepth: limits.maxDepth,
      upload: {
        ...config.upload,
        // Payload's defaults (20 MB per file, 50 MB per request) sit below the video limit and
        // come back as a 500; each collection's own hook enforces its real per-type limit.
        limits: { ...config.upload?.limits, fileSize: limits.maxMultipartBytes },
        requestSizeLimit: limits.maxMultipartBytes,
      },
      hooks: {
        ...config.hooks,
        afterError: [...(config.hooks?.afterError ?? []), answerMalformedJson, answerFailedLogin],
      },
      csrf: serverURL ? [...new Set([...(config.csrf ?? []), serverURL])] : config.csrf,
    }
  }
