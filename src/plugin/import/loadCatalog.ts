import type { PayloadRequest } from 'payload'
import type { ImportCatalog } from '../../domain/planImport'
import { SLUGS } from '../../domain/slugs'

export interface ImportAccess {
  /** False on behalf of a user (their access rules apply); true only for the system (CLI). */
  overrideAccess: boolean
}

/**
 * The records plan text is matched against: units (name and short name), active channels (the
 * home channel wins a tie, so a bare "Cổng TTĐT" means this CMS's portal) and existing plans.
 */
export async function loadImportCatalog(req: PayloadRequest, access: ImportAccess): Promise<ImportCatalog> {
  const common = { depth: 0, pagination: false, req, overrideAccess: access.overrideAccess } as const
  // One after another: the request may carry a transaction, whose single connection runs one query at a time.
  const units = await req.payload.find({ collection: SLUGS.units, ...common, sort: 'name' })
  const channels = await req.payload.find({
    collection: SLUGS.channels,
    ...common,
    sort: 'name',
    where: { active: { not_equals: false } },
  })
  const plans = await req.payload.find({ collection: SLUGS.plans, ...common, sort: 'code', select: { code: true } })
  return {
    units: units.docs.map((u) => ({ id: u.id, name: u.name, aliases: u.shortName ? [u.shortName] : [] })),
    channels: channels.docs.map((c) => ({ id: c.id, name: c.name, aliases: [], preferred: c.isHome === true })),
    plans: plans.docs.map((p) => ({ id: p.id, code: p.code })),
  }
}
