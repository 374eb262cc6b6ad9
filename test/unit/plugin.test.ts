import type { CollectionConfig, Config } from 'payload'
import { describe, expect, it } from 'vitest'
import { commsQuotaPlugin, PluginConfigError } from '../../src/plugin'
import { resolveOptions } from '../../src/plugin/options'
import { notifyAssigneeAfterChange } from '../../src/plugin/calendar/hooks/notifyAssigneeAfterChange'

const users: CollectionConfig = { slug: 'users', auth: true, fields: [] }
const posts: CollectionConfig = { slug: 'posts', fields: [{ name: 'title', type: 'text' }] }
const base = (collections: CollectionConfig[]): Config => ({ collections, secret: 'x' }) as unknown as Config

async function apply(config: Config, options?: Parameters<typeof commsQuotaPlugin>[0]): Promise<Config> {
  return commsQuotaPlugin(options)(config)
}

describe('commsQuotaPlugin', () => {
  it('adds the plan model and keeps every existing collection untouched', async () => {
    const out = await apply(base([users, posts]))
    const slugs = (out.collections ?? []).map((c) => c.slug)
    expect(slugs).toEqual([
      'users',
      'posts',
      'units',
      'channels',
      'plans',
      'tasks',
      'plan-documents',
      'share-links',
      'calendar-feeds',
      'quota-contributions',
      'quota-tallies',
      'quota-versions',
      'job-slots',
      'quota-reports',
      'quota-reconcile-runs',
      'email-log',
      'notifications',
      'plan-imports',
    ])
    expect(out.collections?.[1]).toBe(posts)
  })

  it('records its resolved options (defaults applied once) under config.custom', async () => {
    const out = await apply({ ...base([users]), custom: { mine: 1 } } as Config)
    expect(out.custom?.mine).toBe(1)
    expect(out.custom?.commsQuota).toMatchObject({ usersSlug: 'users', timeZone: 'Asia/Ho_Chi_Minh' })
  })

  it('fails fast when the users collection is missing or not an auth collection', async () => {
    await expect(apply(base([posts]))).rejects.toThrow(/usersSlug "users" is not a collection/)
    await expect(apply(base([{ slug: 'users', fields: [] }]))).rejects.toThrow(/must be an auth collection/)
  })

  it('fails fast on a slug clash instead of silently replacing the host collection', async () => {
    await expect(apply(base([users, { slug: 'plans', fields: [] }]))).rejects.toThrow(PluginConfigError)
    await expect(apply(base([users, { slug: 'plans', fields: [] }]))).rejects.toThrow(
      /already has a collection "plans"/,
    )
  })

  it('retargets manager relationships to a custom users slug', async () => {
    const out = await apply(base([{ slug: 'staff', auth: true, fields: [] }]), { usersSlug: 'staff' })
    const plans = out.collections?.find((c) => c.slug === 'plans')
    const managers = plans?.fields.find((f) => 'name' in f && f.name === 'managers')
    expect(managers && 'relationTo' in managers ? managers.relationTo : undefined).toBe('staff')
  })

  it('applies collection overrides', async () => {
    const out = await apply(base([users]), {
      collectionOverrides: { channels: (c) => ({ ...c, fields: [...c.fields, { name: 'extra', type: 'text' }] }) },
    })
    const channels = out.collections?.find((c) => c.slug === 'channels')
    expect(channels?.fields.some((f) => 'name' in f && f.name === 'extra')).toBe(true)
  })
})

describe('counted collections', () => {
  const counted: CollectionConfig = {
    slug: 'posts',
    versions: { drafts: true },
    fields: [
      { name: 'tasks', type: 'relationship', relationTo: 'tasks', hasMany: true },
      {
        name: 'publications',
        type: 'array',
        fields: [{ name: 'channel', type: 'relationship', relationTo: 'channels' }],
      },
    ],
  }
  const hooksOf = (out: Config, slug: string) => out.collections?.find((c) => c.slug === slug)?.hooks
  it('appends the recount hooks after the host hooks, and adds the ledger and tally collections', async () => {
    const own = () => undefined
    const out = await apply(base([users, { ...counted, hooks: { afterChange: [own] } }]), {
      contentCollections: ['posts'],
    })
    const hooks = hooksOf(out, 'posts')
    expect(hooks?.afterChange?.[0]).toBe(own)
    // The host's, the recount, the planned item's assignment notice.
    expect(hooks?.afterChange).toHaveLength(3)
    expect(hooks?.afterDelete).toHaveLength(1)
    expect((out.collections ?? []).map((c) => c.slug)).toEqual(
      expect.arrayContaining(['quota-contributions', 'quota-tallies']),
    )
  })
  it('counting: false keeps the tables but adds no counting hooks', async () => {
    const out = await apply(base([users, counted]), { contentCollections: ['posts'], counting: false })
    // Only the planned item's assignment notice, which is not counting.
    expect(hooksOf(out, 'posts')?.afterChange).toEqual([notifyAssigneeAfterChange])
    expect(hooksOf(out, 'posts')?.afterDelete).toBeUndefined()
    expect((out.collections ?? []).map((c) => c.slug)).toContain('quota-tallies')
  })
  it('fails fast on a counted collection that is missing or cannot be counted', async () => {
    await expect(apply(base([users]), { contentCollections: ['posts'] })).rejects.toThrow(
      /names "posts", which is not a collection/,
    )
    await expect(
      apply(base([users, { ...counted, versions: undefined }]), { contentCollections: ['posts'] }),
    ).rejects.toThrow(/needs versions with drafts/)
    await expect(
      apply(base([users, { ...counted, fields: [{ name: 'tasks', type: 'text' }] }]), {
        contentCollections: ['posts'],
      }),
    ).rejects.toThrow(/"tasks" field of type text; counting needs a relationship/)
    await expect(apply(base([users, counted]), { contentCollections: ['posts', 'posts'] })).rejects.toThrow(/twice/)
  })
})

describe('resolveOptions', () => {
  it('applies defaults', () => {
    expect(resolveOptions(undefined, '/srv/app')).toEqual({
      apiKeys: true,
      usersSlug: 'users',
      uploadsDir: '/srv/app/.data/uploads',
      timeZone: 'Asia/Ho_Chi_Minh',
      collectionOverrides: {},
      contentCollections: [],
      counting: true,
      feeds: {
        itemUrl: '{homeUrl}/{segment}/{slug}',
        itemUrlByCollection: {},
        siteTitle: null,
        defaultLimit: 50,
        maxLimit: 100,
        maxAge: 60,
        types: [],
        contents: {},
        fields: {},
      },
      // Scheduled work is off unless the host turns it on (the app does in production).
      scheduler: expect.objectContaining({ enabled: false, timeZone: 'Asia/Ho_Chi_Minh' }),
      review: true,
      reviewOverdueHours: 48,
    })
  })
  it('rejects bad options with a message naming the option', () => {
    expect(() => resolveOptions({ timeZone: 'Mars/Olympus' }, '/')).toThrow(/timeZone "Mars\/Olympus"/)
    expect(() => resolveOptions({ usersSlug: '' }, '/')).toThrow(/usersSlug/)
    expect(() => resolveOptions({ reviewOverdueHours: 0 }, '/')).toThrow(/reviewOverdueHours/)
    expect(() => resolveOptions({ review: 'yes' as never }, '/')).toThrow(/review must be true or false/)
    expect(() => resolveOptions({ feeds: { fields: [] as never } }, '/')).toThrow(/feeds.fields/)
    expect(() => resolveOptions({ reviewOverdueHours: 1.5 }, '/')).toThrow(/reviewOverdueHours/)
    expect(() => resolveOptions({ collectionOverrides: { plans: 'x' as never } }, '/')).toThrow(
      /collectionOverrides.plans/,
    )
    expect(() => resolveOptions({ feeds: { maxLimit: 5000 } }, '/')).toThrow(/feeds.maxLimit/)
  })
})

describe('a host that gives only options', () => {
  const names = (c: CollectionConfig | undefined): string[] =>
    (c?.fields ?? []).flatMap((f) => ('name' in f && typeof f.name === 'string' ? [f.name] : []))
  const podcasts: CollectionConfig = {
    slug: 'podcasts',
    upload: true,
    versions: { drafts: true },
    fields: [{ name: 'title', type: 'text' }],
  }
  const drafts: CollectionConfig = { ...posts, versions: { drafts: true } }

  it('gets the plan tags, publications, publishing stamps and review record on each content collection', async () => {
    const out = await apply(base([users, drafts, podcasts]), { contentCollections: ['posts', 'podcasts'] })
    for (const slug of ['posts', 'podcasts']) {
      const c = out.collections?.find((x) => x.slug === slug)
      expect(names(c)).toEqual(
        expect.arrayContaining([
          'tasks',
          'unit',
          'publications',
          'firstPublishedAt',
          'lastPublishedBy',
          'review',
          'reviewPanel',
        ]),
      )
      // review guard, review record, publishing stamp, the planned item's assignee check
      expect(c?.hooks?.beforeChange?.length).toBe(4)
      expect(c?.admin?.components?.edit?.PublishButton).toMatchObject({ serverProps: { collection: slug } })
    }
    expect(names(out.collections?.[0])).toEqual(['role', 'unit', 'reviewUnits', 'apiKey'])
    // API keys for integration accounts: on, given by administrators only, no admin panel for them.
    const usersOut = out.collections?.[0]
    expect(usersOut?.auth).toMatchObject({ useAPIKey: true })
    const isAdminUser = { req: { user: { id: 1, role: 'admin' } } } as never
    const isManagerUser = { req: { user: { id: 2, role: 'manager' } } } as never
    const apiKey = usersOut?.fields.find((f) => 'name' in f && f.name === 'apiKey') as {
      access: { update: (a: never) => unknown }
    }
    expect([apiKey.access.update(isAdminUser), apiKey.access.update(isManagerUser)]).toEqual([true, false])
    expect(await usersOut?.access?.admin?.({ req: { user: { id: 3, role: 'integration' } } } as never)).toBe(false)
    expect(await usersOut?.access?.admin?.(isManagerUser)).toBe(true)
    // The targets' content types are the host's collections.
    const tasks = out.collections?.find((c) => c.slug === 'tasks')
    const json = JSON.stringify(tasks?.fields)
    expect(json).toContain('"value":"posts"')
    expect(json).toContain('"value":"podcasts"')
    expect(json).not.toContain('"value":"articles"')
  })

  it('registers its views, nav links, endpoints and feeds without the host wiring anything', async () => {
    const out = await apply(base([users, drafts]), { contentCollections: ['posts'] })
    expect(Object.keys(out.admin?.components?.views ?? {})).toEqual([
      'quotaDashboard',
      'planImport',
      'inbox',
      'calendar',
      'reviewQueue',
    ])
    expect(out.admin?.components?.afterNavLinks).toHaveLength(4)
    // The notification bell in the header, the inbox block on every home page.
    expect(out.admin?.components?.actions).toEqual(['/plugin/inbox/admin/NotificationBell#NotificationBell'])
    expect(out.admin?.components?.beforeDashboard).toContain('/plugin/inbox/admin/InboxBlock#InboxBlock')
    expect((out.endpoints ?? []).map((e) => `${e.method} ${e.path}`)).toEqual(
      expect.arrayContaining([
        'get /quota/report',
        'post /review/:collection/:id/:action',
        'get /feeds/rss.xml',
        'get /inbox/open/:id',
        'post /inbox/read-all',
        'get /calendar/feeds/:token',
        'get /calendar/events',
      ]),
    )
    const feeds = (out.custom?.commsQuota as { feeds: { types: string[]; contents: Record<string, unknown> } }).feeds
    expect(feeds.types).toEqual(['posts'])
    expect(feeds.contents.posts).toMatchObject({ summary: null, image: null, imageIsSelf: false })
  })

  it('with review off adds no review fields, hooks, endpoint or view', async () => {
    const out = await apply(base([users, drafts]), { contentCollections: ['posts'], review: false })
    const c = out.collections?.find((x) => x.slug === 'posts')
    expect(names(c)).not.toContain('review')
    // The publishing stamp and the planned item's assignee check.
    expect(c?.hooks?.beforeChange).toHaveLength(2)
    expect(out.admin?.components?.views).not.toHaveProperty('reviewQueue')
    expect((out.endpoints ?? []).some((e) => e.path.startsWith('/review'))).toBe(false)
  })

  it('keeps a field the host placed itself instead of adding a second one', async () => {
    const own = { name: 'tasks', type: 'relationship', relationTo: 'tasks', hasMany: true, label: 'Mine' } as const
    const out = await apply(base([users, { ...drafts, fields: [...drafts.fields, own] }]), {
      contentCollections: ['posts'],
    })
    const c = out.collections?.find((x) => x.slug === 'posts')
    expect(names(c).filter((n) => n === 'tasks')).toHaveLength(1)
    expect(c?.fields).toContain(own)
  })

  it('applied twice to fresh configs gives identical, non-stacked hooks and changes no object it was given', async () => {
    const deepFreeze = <T>(o: T): T => {
      if (o && typeof o === 'object' && !Object.isFrozen(o)) {
        Object.freeze(o)
        for (const v of Object.values(o)) deepFreeze(v)
      }
      return o
    }
    // The plugin's own collection constants, frozen: any assignment on them throws.
    const modules = await Promise.all([
      import('../../src/plugin/plan/collections/Units'),
      import('../../src/plugin/plan/collections/Channels'),
      import('../../src/plugin/plan/collections/Tasks'),
      import('../../src/plugin/plan/collections/Plans'),
      import('../../src/plugin/share/collections/ShareLinks'),
      import('../../src/plugin/scheduler/collections/Notifications'),
    ])
    for (const m of modules) for (const v of Object.values(m)) if (typeof v === 'object') deepFreeze(v)
    const host = () => deepFreeze(base([{ ...users }, { ...drafts }]))
    const hookCounts = (config: Config) =>
      Object.fromEntries(
        (config.collections ?? []).map((c) => [
          c.slug,
          Object.fromEntries(Object.entries(c.hooks ?? {}).map(([k, v]) => [k, (v as unknown[]).length])),
        ]),
      )
    const first = await apply(host(), { contentCollections: ['posts'] })
    const second = await apply(host(), { contentCollections: ['posts'] })
    const third = await apply(host(), { contentCollections: ['posts'] })
    expect(hookCounts(second)).toEqual(hookCounts(first))
    expect(hookCounts(third)).toEqual(hookCounts(first))
    expect(hookCounts(first)).toMatchObject({
      units: { beforeChange: 1, afterChange: 1, afterDelete: 1 },
      tasks: { beforeChange: 2, afterChange: 1, afterDelete: 2 }, // + the task picker's label, search and order
      posts: { beforeChange: 4, afterChange: 2, afterDelete: 1, beforeOperation: 1, afterOperation: 1 },
    })
    // The imported constant still carries only its own hook.
    expect(modules[0].Units.hooks).toEqual({ beforeChange: [expect.any(Function)] })
  })
})

describe('API keys for integration accounts', () => {
  it('can be turned off, and a non-boolean is refused at start-up', async () => {
    const out = await apply(base([users]), { apiKeys: false })
    expect(out.collections?.[0]?.auth).toBe(true)
    expect(() => resolveOptions({ apiKeys: 'yes' as never }, '/srv/app')).toThrow(/apiKeys must be true or false/)
  })

  it("keeps a host's own apiKey field and its own admin rule, adding only the integration refusal", async () => {
    const own = { name: 'apiKey', type: 'text', access: { update: () => true } } as const
    const hostUsers: CollectionConfig = {
      ...users,
      fields: [own],
      access: { admin: ({ req }) => (req.user as { role?: string } | null)?.role === 'admin' },
    }
    const out = (await apply(base([hostUsers]))).collections?.[0]
    expect(out?.fields.filter((f) => 'name' in f && f.name === 'apiKey')).toEqual([own])
    const as = (role: string) => ({ req: { user: { id: 1, role } } }) as never
    expect(await out?.access?.admin?.(as('admin'))).toBe(true)
    expect(await out?.access?.admin?.(as('manager'))).toBe(false)
    expect(await out?.access?.admin?.(as('integration'))).toBe(false)
    expect(hostUsers.auth).toBe(true)
  })
})
