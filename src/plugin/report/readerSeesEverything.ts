import type { Payload, PayloadRequest } from 'payload'
import { SLUGS } from '../../domain/slugs'

/** The collections a report's shape is read from (plan, tasks, lead unit and channel names). */
const SHAPE_COLLECTIONS = [SLUGS.plans, SLUGS.tasks, SLUGS.units, SLUGS.channels] as const

/** Collection hooks that can change or drop what a read returns. */
const READ_HOOKS = ['beforeRead', 'afterRead', 'afterOperation'] as const

interface FieldLike {
  access?: { read?: unknown }
  hooks?: { afterRead?: unknown[] }
  fields?: FieldLike[]
  flattenedFields?: FieldLike[]
}

interface CollectionLike {
  config: {
    access?: { read?: unknown }
    hooks?: Partial<Record<(typeof READ_HOOKS)[number], unknown[]>>
    flattenedFields?: FieldLike[]
  }
}

const plainRead = new WeakMap<Payload, boolean>()

/**
 * Whether this reader sees every plan, task, unit and channel exactly as stored, so that what a
 * report is built from cannot depend on who asks: the caller reads past access control or every
 * collection's read access answers `true` for this request, and no field hides itself from some
 * readers (field `access.read`) and no hook reshapes documents as they are read. The report
 * cache shares reports on this condition (reportCache.ts), and the report reads its shape in
 * plain SQL on it (readReportShapeSql.ts). A host that narrows reads in any of these ways keeps
 * Payload's reads, which apply its rules.
 */
export async function readerSeesEverything(
  req: PayloadRequest,
  access: { overrideAccess?: boolean },
): Promise<boolean> {
  if (!readsArePlain(req.payload)) return false
  if (access.overrideAccess === true) return true
  const collections = req.payload.collections as unknown as Record<string, CollectionLike | undefined>
  for (const slug of SHAPE_COLLECTIONS) {
    const read = collections[slug]?.config.access?.read
    if (typeof read !== 'function') return false
    if ((await (read as (args: { req: PayloadRequest }) => unknown)({ req })) !== true) return false
  }
  return true
}

/**
 * No field of the shape's collections has a read rule or an afterRead hook, and the collections
 * have no read hooks. Fixed by the config, so checked once per Payload.
 */
function readsArePlain(payload: Payload): boolean {
  const known = plainRead.get(payload)
  if (known !== undefined) return known
  const nonEmpty = (hooks: unknown[] | undefined): boolean => (hooks?.length ?? 0) > 0
  const shapedField = (fields: FieldLike[] | undefined): boolean =>
    (fields ?? []).some(
      (f) => f.access?.read !== undefined || nonEmpty(f.hooks?.afterRead) || shapedField(f.flattenedFields ?? f.fields),
    )
  const collections = payload.collections as unknown as Record<string, CollectionLike | undefined>
  const ok = SHAPE_COLLECTIONS.every((slug) => {
    const config = collections[slug]?.config
    return (
      config !== undefined &&
      !READ_HOOKS.some((hook) => nonEmpty(config.hooks?.[hook])) &&
      !shapedField(config.flattenedFields)
    )
  })
  plainRead.set(payload, ok)
  return ok
}
