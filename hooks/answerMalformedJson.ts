import type { AfterErrorHook } from 'payload'
import { t } from '../src/plugin/i18n'

/**
 * Payload parses a multipart form's `_payload` (and `?data=`) with a bare JSON.parse, so a
 * malformed one surfaces as a SyntaxError and a 500. It is the client's mistake: answer 400.
 * Our own code throws no SyntaxError, so this matches request parsing only.
 */
export const answerMalformedJson: AfterErrorHook = ({ error, req }) => {
  if (!(error instanceof SyntaxError)) return
  const message = t(req, 'invalidJsonBody')
  return { status: 400, response: { errors: [{ message }] } }
}
