import path from 'node:path'
import type { CollectionConfig, Field } from 'payload'
import { SLUGS } from '../../domain/slugs'
import type { PlanCollectionKey, ResolvedOptions } from '../options'
import { retargetUsers } from '../shared/extendCollection'
import { Channels } from './collections/Channels'
import { PlanDocuments } from './collections/PlanDocuments'
import { Plans } from './collections/Plans'
import { CONTENT_TYPE_LABELS, Tasks } from './collections/Tasks'
import { Units } from './collections/Units'

type Label = CollectionConfig['labels'] extends infer L ? (L extends { plural?: infer P } ? P : never) : never

/** A target's "content types" are the host's content collections, named as the host names them. */
function withContentTypes(fields: readonly Field[], types: ReadonlyArray<{ value: string; label: Label }>): Field[] {
  return fields.map((f) => {
    // The casts are safe: only the options of the one select field change.
    if (f.type === 'select' && f.name === 'contentTypes')
      return { ...f, options: types.map((t) => ({ value: t.value, label: t.label ?? t.value })) } as Field
    if ('fields' in f && Array.isArray(f.fields))
      return { ...f, fields: withContentTypes(f.fields as Field[], types) } as Field
    return f
  })
}

/**
 * Units, channels, plans, tasks with their targets, plan documents: the plan model, with the
 * host's overrides applied and its users and content collections wired in. Fresh objects each
 * time; the imported constants are never changed.
 */
export function planCollections(opts: ResolvedOptions, content: readonly CollectionConfig[]): CollectionConfig[] {
  const known = CONTENT_TYPE_LABELS as Record<string, Label>
  const types = content.map((c) => ({ value: c.slug, label: known[c.slug] ?? c.labels?.plural ?? c.slug }))
  const base: Record<PlanCollectionKey, CollectionConfig> = {
    units: Units,
    channels: Channels,
    plans: { ...Plans, fields: retargetUsers(Plans.fields, SLUGS.users, opts.usersSlug) },
    tasks: { ...Tasks, fields: withContentTypes(Tasks.fields, types) },
    planDocuments: {
      ...PlanDocuments,
      upload: {
        ...(typeof PlanDocuments.upload === 'object' ? PlanDocuments.upload : {}),
        staticDir: path.join(opts.uploadsDir, SLUGS.planDocuments),
      },
    },
  }
  return (Object.keys(base) as PlanCollectionKey[]).map((key) => {
    const override = opts.collectionOverrides[key]
    return override ? override(base[key]) : base[key]
  })
}
