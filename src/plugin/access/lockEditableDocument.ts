import { docAccessOperation, docAccessOperationGlobal, type Access, type PayloadRequest } from 'payload'

type LockTarget = { document?: unknown; globalSlug?: unknown }

/** Whether the signed-in user may update the document or global a lock names (false for anything else). */
async function mayUpdateTarget(req: PayloadRequest, target: LockTarget): Promise<boolean> {
  const { payload } = req
  const doc = target.document as { relationTo?: unknown; value?: unknown } | null | undefined
  if (doc && typeof doc === 'object') {
    const collection =
      typeof doc.relationTo === 'string' ? payload.collections[doc.relationTo as 'articles'] : undefined
    const value = doc.value && typeof doc.value === 'object' ? (doc.value as { id?: unknown }).id : doc.value
    if (!collection || collection.config.lockDocuments === false) return false
    if (typeof value !== 'string' && typeof value !== 'number') return false
    const id = (collection.customIDType ?? payload.db.defaultIDType) === 'number' ? Number(value) : String(value)
    if (typeof id === 'number' && !Number.isSafeInteger(id)) return false
    return Boolean((await docAccessOperation({ id, collection, req })).update)
  }
  if (typeof target.globalSlug === 'string' && target.globalSlug !== '') {
    const globalConfig = payload.config.globals.find((g) => g.slug === target.globalSlug)
    if (!globalConfig || globalConfig.lockDocuments === false) return false
    return Boolean((await docAccessOperationGlobal({ globalConfig, req })).update)
  }
  return false
}

/**
 * Payload's `payload-locked-documents` lets any signed-in user write any lock, for any document
 * and in anyone's name (issue 20: an editor locked the admin's own account with no expiry). A
 * user may create, take over (update) or release (delete) a lock only of a document they may
 * edit: the lock as stored and, when the request re-points it, the new target too. The admin
 * writes its own locks on the server (form state), not through this access. Bulk writes (no id)
 * are refused: the admin never makes them.
 */
export const lockEditableDocument: Access = async ({ req, id, data }) => {
  if (!req.user) return false
  const sent = (data ?? {}) as LockTarget
  const repoints = sent.document !== undefined || sent.globalSlug !== undefined
  if (id === undefined || id === null) {
    // Create (no id): the target is what the request names. Payload also asks without id to
    // build the admin's collection permissions: nothing to show for a hidden collection.
    return repoints ? mayUpdateTarget(req, sent) : false
  }
  const stored = (await req.payload.findByID({
    collection: 'payload-locked-documents',
    id,
    depth: 0,
    disableErrors: true,
    // A lookup for the check: which document the lock holds.
    overrideAccess: true,
    req,
  })) as LockTarget | null
  if (!stored || !(await mayUpdateTarget(req, stored))) return false
  return repoints ? mayUpdateTarget(req, sent) : true
}
