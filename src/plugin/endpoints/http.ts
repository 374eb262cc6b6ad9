import type { PayloadRequest } from 'payload'
import { hasRole } from '../access/roles'

/** A JSON answer that no cache keeps: quota numbers change with every publish. */
export const json = (status: number, body: unknown): Response =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })

/** The quota endpoints' own access check: 401 anonymous, 403 other roles, null when allowed. */
export function refuseUnlessManager(req: PayloadRequest): Response | null {
  if (!req.user) return json(401, { errors: [{ message: 'Sign in to see quota reports.' }] })
  if (!hasRole(req.user, 'admin', 'manager'))
    return json(403, { errors: [{ message: 'Quota reports are for managers and administrators.' }] })
  return null
}
