import path from 'node:path'
import type { CollectionConfig, Config, Field, Plugin } from 'payload'
import { Channels } from '../../collections/Channels'
import { PlanDocuments } from '../../collections/PlanDocuments'
import { Plans } from '../../collections/Plans'
import { Tasks } from '../../collections/Tasks'
import { Units } from '../../collections/Units'
import { SLUGS } from '../slugs'
import {
  PluginConfigError,
  resolveOptions,
  type CommsQuotaOptions,
  type PlanCollectionKey,
  type ResolvedOptions,
} from './options'

export type { CommsQuotaOptions, ResolvedOptions } from './options'
export { PluginConfigError } from './options'

/** Points every relationship to the users collection at the host's auth collection. */
function retargetUsers(fields: Field[], usersSlug: string): Field[] {
  return fields.map((field) => {
    // The cast is safe: only relationTo changes, from one single-collection slug to another.
    if (field.type === 'relationship' && field.relationTo === SLUGS.users)
      return { ...field, relationTo: usersSlug } as Field
    if ('fields' in field && Array.isArray(field.fields))
      return { ...field, fields: retargetUsers(field.fields, usersSlug) } as Field
    return field
  })
}

function planCollections(opts: ResolvedOptions): CollectionConfig[] {
  const base: Record<PlanCollectionKey, CollectionConfig> = {
    units: Units,
    channels: Channels,
    plans: { ...Plans, fields: retargetUsers(Plans.fields, opts.usersSlug) },
    tasks: Tasks,
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

/**
 * The communication-plan and quota plugin: adds the plan model (units, channels, plans, tasks
 * with targets, plan documents) to a Payload config. It extends the host config and never
 * replaces what is there; a misconfiguration stops start-up with a message naming the option.
 */
export const commsQuotaPlugin =
  (options?: CommsQuotaOptions): Plugin =>
  (config: Config): Config => {
    const opts = resolveOptions(options, process.cwd())
    const existing = new Map((config.collections ?? []).map((c) => [c.slug, c]))
    const users = existing.get(opts.usersSlug)
    if (!users) {
      throw new PluginConfigError(
        `usersSlug "${opts.usersSlug}" is not a collection of this config; add your users collection or set usersSlug.`,
      )
    }
    if (!users.auth) throw new PluginConfigError(`usersSlug "${opts.usersSlug}" must be an auth collection.`)
    const added = planCollections(opts)
    for (const c of added) {
      if (existing.has(c.slug))
        throw new PluginConfigError(`the config already has a collection "${c.slug}", which this plugin adds.`)
    }
    return {
      ...config,
      collections: [...(config.collections ?? []), ...added],
      custom: { ...config.custom, commsQuota: opts },
    }
  }

export default commsQuotaPlugin
