import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fieldNamesOf, hostSlug, seed, startHost, targetOf, type Doc, type Host } from './hostHarness'

/**
 * The plugin in a host that is not our app (test/host-app/config.ts): its users are "members",
 * its content "posts" and "podcasts", and it wires nothing but the plugin's options. Over
 * Payload's own REST handlers (no guard of ours): publishing counts, the report answers, the
 * feed lists the items, and review works when on and stays out of the way when off.
 */
describe('the plugin in a second host app (members, posts, podcasts), review on', () => {
  let host: Host
  let world: Awaited<ReturnType<typeof seed>>
  beforeAll(async () => {
    host = await startHost(true)
    world = await seed(host)
  })
  afterAll(async () => {
    await host?.cleanup()
  })

  it('adds its fields to the host users and content, and names the task content types after them', async () => {
    const posts = fieldNamesOf(host.payload, 'posts')
    expect(posts).toEqual(expect.arrayContaining(['tasks', 'unit', 'publications', 'firstPublishedAt', 'review']))
    const roles = fieldNamesOf(host.payload, 'members')
    expect(roles).toEqual(expect.arrayContaining(['role', 'unit', 'reviewUnits']))
    const bad = await host.json('POST', 'tasks', {
      token: world.manager,
      body: {
        plan: world.plan.id,
        code: '2',
        title: 'x',
        timeframe: { kind: 'deadline', deadline: '2030-12-30T17:00:00.000Z' },
        targets: [{ kind: 'content', quantity: 1, contentTypes: ['articles'], channels: [world.home.id] }],
      },
    })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('contentTypes')
  })

  it('refuses an editor publishing past review, counts the item once a manager approves it', async () => {
    const draft = await host.json('POST', 'posts?draft=true', {
      token: world.editor,
      body: { title: 'Bài đầu tiên', slug: 'bai-dau-tien', excerpt: 'Tóm tắt bài đầu', tasks: [world.task.id] },
    })
    expect(draft.status, JSON.stringify(draft.body)).toBe(201)
    const id = (draft.body.doc as Doc).id
    const direct = await host.json('POST', `posts/${id}?draft=false`, {
      token: world.editor,
      body: { _status: 'published' },
    })
    expect(direct.status).toBeGreaterThanOrEqual(400)

    const submitted = await host.json('POST', `review/posts/${id}/submit`, { token: world.editor, body: {} })
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200)
    const before = await host.payload.findByID({ collection: hostSlug('posts'), id, draft: true, depth: 0 })
    const approved = await host.json('POST', `review/posts/${id}/approve`, {
      token: world.manager,
      body: { updatedAt: (before as unknown as Doc).updatedAt },
    })
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)
    const published = (await host.payload.findByID({ collection: hostSlug('posts'), id, depth: 0 })) as unknown as Doc
    expect(published._status).toBe('published')
    // The publishing stamp recorded the home-channel publication counting reads.
    expect(published.publications).toEqual([expect.objectContaining({ channel: world.home.id })])

    const report = await host.json('GET', `quota/report?plan=${world.plan.id}`, { token: world.manager })
    expect(report.status, JSON.stringify(report.body)).toBe(200)
    expect(targetOf(report.body)).toMatchObject({ target: 2, achieved: 1 })
  })

  it('counts a podcast a manager publishes, and the report answers only managers', async () => {
    const res = await host.json('POST', 'podcasts', {
      token: world.manager,
      body: {
        title: 'Podcast số 1',
        slug: 'podcast-so-1',
        showNotes: 'Ghi chú tập 1',
        tasks: [world.task.id],
        _status: 'published',
      },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const report = await host.json('GET', `quota/report?plan=${world.plan.id}`, { token: world.manager })
    expect(targetOf(report.body)).toMatchObject({ target: 2, achieved: 2, remaining: 0 })
    expect((await host.json('GET', `quota/report?plan=${world.plan.id}`, { token: world.editor })).status).toBe(403)
    expect((await host.json('GET', `quota/report?plan=${world.plan.id}`)).status).toBe(401)
    expect((await host.json('GET', `quota/report?plan=abc`, { token: world.manager })).status).toBe(400)
  })

  it('lists both kinds in the public feed with their own summary fields, filters by type, refuses unknown types', async () => {
    const feed = await host.call('GET', 'feeds/rss.xml')
    expect(feed.status).toBe(200)
    const xml = await feed.text()
    expect(xml).toContain('<title>Bài đầu tiên</title>')
    expect(xml).toContain('<title>Podcast số 1</title>')
    expect(xml).toContain('Tóm tắt bài đầu')
    expect(xml).toContain('Ghi chú tập 1')
    expect(xml).toContain('https://host.example.gov.vn/posts/bai-dau-tien')

    const onlyPodcasts = await (await host.call('GET', 'feeds/rss.xml?type=podcasts')).text()
    expect(onlyPodcasts).toContain('Podcast số 1')
    expect(onlyPodcasts).not.toContain('Bài đầu tiên')
    const byTask = await (await host.call('GET', `feeds/tasks/${world.task.id}.xml`)).text()
    expect(byTask).toContain('Podcast số 1')

    const unknown = await host.call('GET', 'feeds/rss.xml?type=articles')
    expect(unknown.status).toBe(400)
    expect(await unknown.json()).toEqual({
      errors: [expect.objectContaining({ field: 'type', message: expect.stringContaining('posts, podcasts') })],
    })
  })
})
