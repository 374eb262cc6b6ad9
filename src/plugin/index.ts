import type { CollectionConfig, Config, Plugin } from 'payload'
import { calendarCollections, calendarEndpoints, calendarNavLinks, calendarViews, planContent } from './calendar'
import { countContent, countingCollections, forgetCountsOf } from './counting'
import { assertPostgresAdapter } from './db/postgres'
import { ensureFirstDayTables } from './counting/engine/firstDays'
import { ensureWriteCountsFunction } from './counting/engine/pendingTallies'
import { ensureCountFunction, ensureLedgerFunction } from './counting/engine/recountItem'
import { hasTrash } from './counting/engine/settings'
import { feedEndpoints, feedsFor } from './feeds'
import { importCollections, importEndpoints, importNavLinks, importViews } from './import'
import { inboxActions, inboxBeforeDashboard, inboxEndpoints, inboxViews } from './inbox'
import { openApiEndpoints } from './openapi'
import { PluginConfigError, resolveOptions, type CommsQuotaOptions, type ResolvedOptions } from './options'
import { planCollections } from './plan'
import {
  reportBeforeDashboard,
  reportCollections,
  reportEndpoints,
  reportNavLinks,
  reportViews,
  retireReportsOnChange,
} from './report'
import { reviewContent, reviewEndpoints, reviewNavLinks, reviewViews } from './review'
import { guardScheduledPublishTask } from './review/guardScheduledPublishTask'
import { withTranslations } from './i18n'
import { schedulerCollections } from './scheduler'
import { startScheduler } from './scheduler/scheduler'
import { shareCollections, shareEndpoints } from './share'
import { missingFields } from './shared/extendCollection'
import { userFields } from './access/userFields'
import { withIntegrationKeys } from './access/integrationKeys'

export type { CommsQuotaOptions, ResolvedOptions, SchedulerOptions } from './options'
export { getScheduler, startScheduler, stopScheduler } from './scheduler/scheduler'
export { PluginConfigError } from './options'
export { t, translate, translations, type CommsQuotaTranslationKeys, type CommsQuotaTranslations } from './i18n'

/** The host's auth collection, with the role, unit and reviewed units the access rules read. */
function withUserFields(users: CollectionConfig, opts: ResolvedOptions): CollectionConfig {
  const added = missingFields(users, userFields)
  const withFields = added.length ? { ...users, fields: [...users.fields, ...added] } : users
  return opts.apiKeys ? withIntegrationKeys(withFields) : withFields
}

/** The collections the plugin adds, in the order the admin lists them. */
function addedCollections(opts: ResolvedOptions, content: readonly CollectionConfig[]): CollectionConfig[] {
  const [contributions, tallies, versions, reconcileRuns] = countingCollections()
  const [jobSlots, emailLog, notifications] = schedulerCollections(opts)
  const plan = planCollections(opts, content).map((c) => retireReportsOnChange(forgetCountsOf(c, opts)))
  return [
    ...plan,
    ...shareCollections(opts),
    ...calendarCollections(opts),
    ...[contributions, tallies, versions, jobSlots],
    ...reportCollections(opts),
    ...[reconcileRuns, emailLog, notifications],
    ...importCollections(opts),
  ].filter((c): c is CollectionConfig => c !== undefined)
}

/**
 * The communication-plan and quota plugin. A host gives options only; the plugin adds the plan
 * model and its own tables, attaches to every content collection what counting (and review, if
 * on) needs, and registers its endpoints, admin views, feeds and scheduled work. It extends the
 * host config and never replaces what is there, and never changes an object it was given or
 * imports; a misconfiguration stops start-up with a message naming the option.
 */
export const commsQuotaPlugin =
  (options?: CommsQuotaOptions): Plugin =>
  (config: Config): Config => {
    const opts = resolveOptions(options, process.cwd())
    const hostCollections = config.collections ?? []
    const bySlug = new Map(hostCollections.map((c) => [c.slug, c]))
    const users = bySlug.get(opts.usersSlug)
    if (!users) {
      throw new PluginConfigError(
        `usersSlug "${opts.usersSlug}" is not a collection of this config; add your users collection or set usersSlug.`,
      )
    }
    if (!users.auth) throw new PluginConfigError(`usersSlug "${opts.usersSlug}" must be an auth collection.`)
    const content = opts.contentCollections.map((slug) => {
      const c = bySlug.get(slug)
      if (!c)
        throw new PluginConfigError(`contentCollections names "${slug}", which is not a collection of this config.`)
      return c
    })
    const added = addedCollections(opts, content)
    for (const c of added) {
      if (bySlug.has(c.slug))
        throw new PluginConfigError(`the config already has a collection "${c.slug}", which this plugin adds.`)
    }
    // Review hooks run before the publishing stamp, which records the home channel counting reads.
    const extend = (c: CollectionConfig): CollectionConfig => {
      if (c.slug === opts.usersSlug) return withUserFields(c, opts)
      if (!opts.contentCollections.includes(c.slug)) return c
      return planContent(countContent(opts.review ? reviewContent(c, opts) : c, opts), opts)
    }
    const resolved: ResolvedOptions = { ...opts, feeds: feedsFor(opts.feeds, content) }
    const components = config.admin?.components
    return {
      ...config,
      collections: [...hostCollections.map(extend), ...added],
      endpoints: [
        ...(config.endpoints ?? []),
        ...reportEndpoints(),
        ...shareEndpoints(),
        ...importEndpoints(),
        ...(opts.review ? reviewEndpoints() : []),
        ...feedEndpoints(),
        ...inboxEndpoints(),
        ...calendarEndpoints(),
        ...openApiEndpoints(),
      ],
      admin: {
        ...config.admin,
        components: {
          ...components,
          views: {
            ...components?.views,
            ...reportViews,
            ...importViews,
            ...inboxViews,
            ...calendarViews,
            ...(opts.review ? reviewViews : {}),
          },
          actions: [...(components?.actions ?? []), ...inboxActions],
          afterNavLinks: [
            ...(components?.afterNavLinks ?? []),
            ...reportNavLinks,
            ...calendarNavLinks,
            ...importNavLinks,
            ...(opts.review ? reviewNavLinks : []),
          ],
          beforeDashboard: [...(components?.beforeDashboard ?? []), ...inboxBeforeDashboard, ...reportBeforeDashboard],
        },
      },
      custom: { ...config.custom, commsQuota: resolved },
      i18n: { ...config.i18n, translations: withTranslations(config.i18n?.translations) },
      onInit: async (payload) => {
        assertPostgresAdapter(payload)
        // Before anything saves or reports: the counts reports read live in these tables.
        if (opts.counting)
          await ensureFirstDayTables(payload, async (db) => {
            await ensureWriteCountsFunction(db)
            await ensureLedgerFunction(db)
            for (const slug of opts.contentCollections) await ensureCountFunction(db, slug, hasTrash(payload, slug))
          })
        await config.onInit?.(payload)
        // Payload adds its schedulePublish task while sanitizing the config, after plugins run.
        if (opts.review) guardScheduledPublishTask(payload)
        // Every instance may start it: the slot table lets one of them run each period.
        if (opts.scheduler.enabled) startScheduler(payload)
      },
    }
  }

export default commsQuotaPlugin
