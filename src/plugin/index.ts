import path from 'node:path'
import type { CollectionConfig, Config, Field, Plugin } from 'payload'
import { Channels } from './plan/collections/Channels'
import { QuotaContributions } from './counting/collections/QuotaContributions'
import { QuotaTallies } from './counting/collections/QuotaTallies'
import { QuotaVersions } from './counting/collections/QuotaVersions'
import { bumpReportStructure } from './report/hooks/bumpReportStructure'
import { flushTalliesAfterOperation } from './counting/hooks/flushTalliesAfterOperation'
import { forgetCountsAfterDelete } from './counting/hooks/forgetCountsAfterDelete'
import { openCountingScope } from './counting/hooks/openCountingScope'
import { recountItemAfterChange } from './counting/hooks/recountItemAfterChange'
import { recountItemAfterDelete } from './counting/hooks/recountItemAfterDelete'
import { PlanDocuments } from './plan/collections/PlanDocuments'
import { ShareLinks } from './share/collections/ShareLinks'
import { Plans } from './plan/collections/Plans'
import { Tasks } from './plan/collections/Tasks'
import { Units } from './plan/collections/Units'
import { EmailLog } from './email/collections/EmailLog'
import { JobSlots } from './scheduler/collections/JobSlots'
import { Notifications } from './scheduler/collections/Notifications'
import { QuotaReports } from './report/collections/QuotaReports'
import { ReconcileRuns } from './counting/collections/ReconcileRuns'
import { SCHEDULE_SLUGS, SLUGS } from '../domain/slugs'
import { startScheduler } from './scheduler/scheduler'
import { getQuotaReport } from './report/endpoints/getQuotaReport'
import { getSharedReport } from './share/endpoints/getSharedReport'
import { getTaskAttainment } from './report/endpoints/getTaskAttainment'
import { commitPlanImport } from './import/endpoints/commitPlanImport'
import { previewPlanImport } from './import/endpoints/previewPlanImport'
import { postReviewStep } from './review/endpoints/postReviewStep'
import { guardScheduledPublishTask } from './review/guardScheduledPublishTask'
import { withTranslations } from './i18n'
import {
  PluginConfigError,
  resolveOptions,
  type CommsQuotaOptions,
  type PlanCollectionKey,
  type ResolvedOptions,
} from './options'

export type { CommsQuotaOptions, ResolvedOptions, SchedulerOptions } from './options'
export { getScheduler, startScheduler, stopScheduler } from './scheduler/scheduler'
export { PluginConfigError } from './options'
export { t, translate, translations, type CommsQuotaTranslationKeys, type CommsQuotaTranslations } from './i18n'

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

/** What a quota report is made of besides the counts; changing any of them retires cached reports. */
const REPORT_SHAPE = new Set<string>([SLUGS.plans, SLUGS.tasks, SLUGS.units, SLUGS.channels])

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
  const plan = (Object.keys(base) as PlanCollectionKey[]).map((key) => {
    const override = opts.collectionOverrides[key]
    return override ? override(base[key]) : base[key]
  })
  if (opts.counting) {
    for (const c of plan) {
      if (c.slug === SLUGS.tasks) appendHook(c, 'afterDelete', forgetCountsAfterDelete('task'))
      if (c.slug === SLUGS.channels) appendHook(c, 'afterDelete', forgetCountsAfterDelete('channel'))
    }
  }
  for (const c of plan) {
    if (!REPORT_SHAPE.has(c.slug)) continue
    appendHook(c, 'afterChange', bumpReportStructure)
    appendHook(c, 'afterDelete', bumpReportStructure)
  }
  const scheduled: CollectionConfig[] = [
    JobSlots,
    {
      ...QuotaReports,
      upload: {
        ...(typeof QuotaReports.upload === 'object' ? QuotaReports.upload : {}),
        staticDir: path.join(opts.uploadsDir, SCHEDULE_SLUGS.quotaReports),
      },
    },
    ReconcileRuns,
    EmailLog,
    { ...Notifications, fields: retargetUsers(Notifications.fields, opts.usersSlug) },
  ]
  return [
    ...plan,
    { ...ShareLinks, fields: retargetUsers(ShareLinks.fields, opts.usersSlug) },
    QuotaContributions,
    QuotaTallies,
    QuotaVersions,
    ...scheduled,
  ]
}

function appendHook<K extends 'afterChange' | 'afterDelete' | 'beforeOperation' | 'afterOperation'>(
  collection: CollectionConfig,
  kind: K,
  hook: NonNullable<NonNullable<CollectionConfig['hooks']>[K]>[number],
): void {
  const hooks = { ...collection.hooks }
  hooks[kind] = [...((hooks[kind] ?? []) as NonNullable<(typeof hooks)[K]>), hook] as (typeof hooks)[K]
  collection.hooks = hooks
}

function hasField(fields: Field[], name: string, type: Field['type']): boolean {
  return fields.some(
    (f) =>
      ('name' in f && f.name === name && f.type === type) ||
      ('fields' in f && !('name' in f) && hasField(f.fields as Field[], name, type)),
  )
}

/** The counted collections get the recount hooks; anything they lack is a start-up error. */
function withCounting(collections: CollectionConfig[], opts: ResolvedOptions): CollectionConfig[] {
  const wanted = new Set(opts.contentCollections)
  for (const slug of wanted) {
    const c = collections.find((x) => x.slug === slug)
    if (!c) throw new PluginConfigError(`contentCollections names "${slug}", which is not a collection of this config.`)
    if (!c.versions || typeof c.versions !== 'object' || !c.versions.drafts) {
      throw new PluginConfigError(
        `contentCollections: "${slug}" needs versions with drafts (counting follows the published state).`,
      )
    }
    if (!hasField(c.fields, 'tasks', 'relationship'))
      throw new PluginConfigError(`contentCollections: "${slug}" has no "tasks" relationship field.`)
    if (!hasField(c.fields, 'publications', 'array'))
      throw new PluginConfigError(`contentCollections: "${slug}" has no "publications" array field.`)
  }
  if (!opts.counting) return collections
  return collections.map((c) => {
    if (!wanted.has(c.slug)) return c
    const copy: CollectionConfig = { ...c }
    appendHook(copy, 'beforeOperation', openCountingScope)
    appendHook(copy, 'afterChange', recountItemAfterChange)
    appendHook(copy, 'afterDelete', recountItemAfterDelete)
    appendHook(copy, 'afterOperation', flushTalliesAfterOperation)
    return copy
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
      collections: withCounting([...(config.collections ?? []), ...added], opts),
      endpoints: [
        ...(config.endpoints ?? []),
        getQuotaReport,
        getTaskAttainment,
        getSharedReport,
        previewPlanImport,
        commitPlanImport,
        postReviewStep,
      ],
      admin: {
        ...config.admin,
        components: {
          ...config.admin?.components,
          beforeDashboard: [
            ...(config.admin?.components?.beforeDashboard ?? []),
            '/plugin/report/admin/QuotaAttentionWidget#QuotaAttentionWidget',
          ],
        },
      },
      custom: { ...config.custom, commsQuota: opts },
      i18n: { ...config.i18n, translations: withTranslations(config.i18n?.translations) },
      onInit: async (payload) => {
        await config.onInit?.(payload)
        // Payload adds its schedulePublish task while sanitizing the config, after plugins run.
        guardScheduledPublishTask(payload)
        // Every instance may start it: the slot table lets one of them run each period.
        if (opts.scheduler.enabled) startScheduler(payload)
      },
    }
  }

export default commsQuotaPlugin
