import type { AfterErrorHook } from 'payload'
import { databaseUnavailableReason, retryAfterSeconds } from '../src/domain/databaseErrors'
import { t } from '../src/plugin/i18n'

/**
 * A request that could not get a database connection in time, or reached a database that is
 * down or restarting, is not a bug in the request or in our code: answer 503 with Retry-After so
 * clients and load balancers back off and retry, instead of a 500 (or, before the pool had an
 * acquire timeout, no answer at all).
 */
export const answerDatabaseUnavailable: AfterErrorHook = ({ error, req }) => {
  const reason = databaseUnavailableReason(error)
  if (!reason) return
  const retryAfter = retryAfterSeconds(reason)
  req.responseHeaders = new Headers(req.responseHeaders)
  req.responseHeaders.set('Retry-After', String(retryAfter))
  const message = t(req, 'databaseUnavailable', { seconds: retryAfter })
  return { status: 503, response: { errors: [{ message, data: { reason } }] } }
}
