import type { PayloadRequest } from 'payload'
import type { ImportProblem } from '../../../domain/planImport'
import { importMessageKey, type ImportMessage } from '../../../domain/i18n/messages'
import type { ErrorEntry } from '../../endpoints/http'
import { t } from '../../i18n'

/**
 * `{ field, message }` for API clients: the message names the field, in the request's language
 * ("tasks[0].title: bắt buộc…"), because import messages are fragments about one field of a
 * large draft and a client often shows them as a list.
 */
export function fieldError(req: PayloadRequest, field: string, message: ImportMessage | string): Required<ErrorEntry> {
  const text = typeof message === 'string' ? message : t(req, importMessageKey(message.key), message.vars)
  return { field, message: `${field}: ${text}` }
}

/** A draft's problems as errors, at most 100 (a pasted document can have thousands). */
export function problemErrors(req: PayloadRequest, problems: readonly ImportProblem[]): Required<ErrorEntry>[] {
  return problems.slice(0, 100).map((p) => fieldError(req, p.field, p.message))
}
