import type { CollectionConfig, Config } from 'payload'
import { describe, expect, it } from 'vitest'
import { commsQuotaPlugin, PluginConfigError } from '../../src/plugin'
import { resolveOptions } from '../../src/plugin/options'

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
      'quota-contributions',
      'quota-tallies',
      'quota-versions',
      'job-slots',
      'quota-reports',
      'quota-reconcile-runs',
      'email-log',
      'notifications',
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
    expect(hooks?.afterChange).toHaveLength(2)
    expect(hooks?.afterDelete).toHaveLength(1)
    expect((out.collections ?? []).map((c) => c.slug)).toEqual(
      expect.arrayContaining(['quota-contributions', 'quota-tallies']),
    )
  })
  it('counting: false keeps the tables but adds no hooks', async () => {
    const out = await apply(base([users, counted]), { contentCollections: ['posts'], counting: false })
    expect(hooksOf(out, 'posts')?.afterChange).toBeUndefined()
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
      apply(base([users, { ...counted, fields: counted.fields.slice(1) }]), { contentCollections: ['posts'] }),
    ).rejects.toThrow(/no "tasks"/)
    await expect(
      apply(base([users, { ...counted, fields: counted.fields.slice(0, 1) }]), { contentCollections: ['posts'] }),
    ).rejects.toThrow(/no "publications"/)
    await expect(apply(base([users, counted]), { contentCollections: ['posts', 'posts'] })).rejects.toThrow(/twice/)
  })
})

describe('resolveOptions', () => {
  it('applies defaults', () => {
    expect(resolveOptions(undefined, '/srv/app')).toEqual({
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
      },
      // Scheduled work is off unless the host turns it on (the app does in production).
      scheduler: expect.objectContaining({ enabled: false, timeZone: 'Asia/Ho_Chi_Minh' }),
      reviewOverdueHours: 48,
    })
  })
  it('rejects bad options with a message naming the option', () => {
    expect(() => resolveOptions({ timeZone: 'Mars/Olympus' }, '/')).toThrow(/timeZone "Mars\/Olympus"/)
    expect(() => resolveOptions({ usersSlug: '' }, '/')).toThrow(/usersSlug/)
    expect(() => resolveOptions({ reviewOverdueHours: 0 }, '/')).toThrow(/reviewOverdueHours/)
    expect(() => resolveOptions({ reviewOverdueHours: 1.5 }, '/')).toThrow(/reviewOverdueHours/)
    expect(() => resolveOptions({ collectionOverrides: { plans: 'x' as never } }, '/')).toThrow(
      /collectionOverrides.plans/,
    )
    expect(() => resolveOptions({ feeds: { maxLimit: 5000 } }, '/')).toThrow(/feeds.maxLimit/)
  })
})
