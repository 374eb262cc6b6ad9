import type { CollectionBeforeChangeHook } from 'payload'
import { relId } from '../../../domain/relations'
import { throwFieldError } from '../../shared/validation'
import { SLUGS } from '../../../domain/slugs'

/** Task codes ("3", "III.1.a") identify a task inside its plan: reports and imports rely on it. */
export const ensureUniqueTaskCode: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const plan = relId(data.plan ?? originalDoc?.plan)
  const code = typeof data.code === 'string' ? data.code.trim() : undefined
  if (plan === undefined || !code) return data
  data.code = code
  // An integrity check across the whole plan, including tasks this user may not see.
  const clash = await req.payload.find({
    collection: SLUGS.tasks,
    where: {
      and: [
        { plan: { equals: plan } },
        { code: { equals: code } },
        ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : []),
      ],
    },
    limit: 1,
    depth: 0,
    pagination: false,
    req,
  })
  if (clash.docs.length > 0) throwFieldError(req, SLUGS.tasks, 'code', { key: 'duplicateTaskCode', vars: { code } })
  return data
}
