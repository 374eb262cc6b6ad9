import type { PayloadRequest } from 'payload'
import { hasRole } from '../access/roles'
import type { ImportProblem } from '../../domain/planImport'
import { formatImportMessage, type ImportMessage } from '../../domain/i18n/messages'

export const json = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })

/** Importing creates plans: managers and admins only. The answer to send, or null to go on. */
export function refuseNonImporter(req: PayloadRequest): Response | null {
  const en = req.i18n?.language === 'en'
  if (!req.user)
    return json(401, { errors: [{ message: en ? 'Sign in to import plans.' : 'Hãy đăng nhập để nhập kế hoạch.' }] })
  if (!hasRole(req.user, 'admin', 'manager'))
    return json(403, {
      errors: [
        {
          message: en
            ? 'Only managers and administrators can import plans.'
            : 'Chỉ lãnh đạo và quản trị viên được nhập kế hoạch.',
        },
      ],
    })
  return null
}

/** `{ field, message }` for API clients: the message names the field, in the request's language. */
export function fieldError(req: PayloadRequest, field: string, message: ImportMessage | string) {
  const text = typeof message === 'string' ? message : formatImportMessage(message, req.i18n?.language)
  return { field, message: `${field}: ${text}` }
}

export function problemErrors(req: PayloadRequest, problems: readonly ImportProblem[]) {
  return problems.slice(0, 100).map((p) => fieldError(req, p.field, p.message))
}
