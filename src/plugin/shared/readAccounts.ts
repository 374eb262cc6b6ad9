import type { Payload, PayloadRequest } from 'payload'
import { SLUGS } from '../../domain/slugs'
import { pluginUsersSlug } from '../counting/engine/settings'

export interface Account {
  id: string | number
  email: string
  name: string
}

/**
 * A user's address, read by the system: whoever caused a notice may not read other accounts'
 * e-mail, yet the system tells the person concerned. Null when the account is gone.
 */
export async function readAccount(req: PayloadRequest, id: string | number): Promise<Account | null> {
  const u = (await req.payload.findByID({
    collection: pluginUsersSlug(req.payload) as 'users',
    id,
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
    req,
  })) as unknown as { id: string | number; email?: string; name?: string } | null
  return u ? { id: u.id, email: u.email ?? '', name: u.name || u.email || '' } : null
}

/**
 * "1 (02-KH)" per task id: how a notice names the tasks an item is tagged with. With `req`, read
 * as that user (a saver names only the tasks they may read); without, as the system (a job).
 */
export async function taskCodeLabels(
  payload: Payload,
  ids: ReadonlyArray<string | number>,
  req?: PayloadRequest,
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const { docs } = await payload.find({
    collection: SLUGS.tasks,
    where: { id: { in: [...ids] } },
    depth: 1,
    pagination: false,
    select: { code: true, plan: true },
    populate: { [SLUGS.plans]: { code: true } } as never,
    ...(req ? { overrideAccess: false, req } : {}),
  })
  return new Map(
    (docs as unknown as Array<{ id: number; code?: string; plan?: unknown }>).map((t) => {
      const plan = t.plan && typeof t.plan === 'object' ? (t.plan as { code?: string }).code : undefined
      return [String(t.id), plan ? `${t.code ?? ''} (${plan})` : String(t.code ?? '')]
    }),
  )
}
