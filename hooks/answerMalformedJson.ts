import type { AfterErrorHook } from 'payload'
import { formatMessage } from '../src/domain/i18n/messages'

/**
 * Payload parses a multipart form's `_payload` (and `?data=`) with a bare JSON.parse, so a
 * malformed one surfaces as a SyntaxError and a 500. It is the client's mistake: answer 400.
 * Our own code throws no SyntaxError, so this matches request parsing only.
 */
export const answerMalformedJson: AfterErrorHook = ({ error, req }) => {
  if (!(error instanceof SyntaxError)) return
  const message = formatMessage({ key: 'invalidJsonBody' }, req.i18n?.language)
  return { status: 400, response: { errors: [{ message }] } }
}
