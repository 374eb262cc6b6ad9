import type { PayloadRequest } from 'payload'
import { SLUGS } from '../../domain/slugs'
import { refuseWith } from '../endpoints/http'

/** Postgres ids: a serial integer. */
const MAX_ID = 2_147_483_647

/** The route's `id` as a record id, or the 400 naming the field. */
export function importIdOf(req: PayloadRequest): number | Response {
  const raw = String(req.routeParams?.id ?? '')
  const id = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN
  if (!Number.isInteger(id) || id < 1 || id > MAX_ID)
    return refuseWith(req, 400, 'planImportBadId', { field: 'id', vars: { value: raw.slice(0, 40) } })
  return id
}

/**
 * The import `id` as the signed-in user may see it (theirs, or any for an admin), with the fields
 * in `select`; the 404 when there is none (another manager's import is not found either).
 */
export async function findImport<S extends Record<string, boolean>>(
  req: PayloadRequest,
  id: number,
  select: S,
): Promise<Record<string, unknown> | Response> {
  const doc = await req.payload.findByID({
    collection: SLUGS.planImports,
    id,
    depth: 0,
    select,
    req,
    overrideAccess: false,
    disableErrors: true,
  })
  if (!doc) return refuseWith(req, 404, 'planImportNotFound', { field: 'id', vars: { id } })
  return doc as unknown as Record<string, unknown>
}
