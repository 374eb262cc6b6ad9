import type { Payload } from 'payload'
import { retryAfterSeconds } from '../domain/databaseErrors'
import { translate } from '../domain/i18n/translate'
import { databaseDownReason } from '../health/probes'
import { requestLanguage } from '../domain/i18n/requestLanguage'

type RouteHandler = (request: Request, context: { params: Promise<{ slug: string[] }> }) => Promise<Response>

const hasCredentials = (request: Request) =>
  /^(JWT|Bearer) /i.test(request.headers.get('authorization') ?? '') ||
  /(?:^|;\s*)payload-token=/.test(request.headers.get('cookie') ?? '')

/**
 * Payload's JWT strategy swallows every error while it looks the user up, so with the database
 * down a signed-in user's request runs as anonymous and is refused (401/403): the editor is told
 * they may not do what they did a minute ago. Only on that path — a refusal of a request that
 * carried credentials — this asks the database whether it is there, and answers 503 with
 * Retry-After when it is not. The happy path costs nothing.
 */
export function answerWhenDatabaseDown(handler: RouteHandler, payload: () => Promise<Payload>): RouteHandler {
  return async (request, context) => {
    const credentials = hasCredentials(request)
    const response = await handler(request, context)
    if ((response.status !== 401 && response.status !== 403) || !credentials) return response
    const reason = await databaseDownReason(await payload())
    if (!reason) return response
    const retryAfter = retryAfterSeconds(reason)
    const message = translate(requestLanguage(request), 'databaseUnavailable', { seconds: retryAfter })
    return Response.json(
      { errors: [{ message, data: { reason } }] },
      { status: 503, headers: { 'Retry-After': String(retryAfter), 'Cache-Control': 'no-store' } },
    )
  }
}
