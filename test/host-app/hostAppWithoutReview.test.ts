import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fieldNamesOf, seed, startHost, targetOf, type Doc, type Host } from './hostHarness'

/** The second host with `review: false`: editors publish directly and nothing of review is added. */
describe('the plugin in the second host, review off', () => {
  let host: Host
  let world: Awaited<ReturnType<typeof seed>>
  beforeAll(async () => {
    host = await startHost(false)
    world = await seed(host)
  })
  afterAll(async () => {
    await host?.cleanup()
  })

  it('lets an editor publish directly, counts it, and has no review endpoint, field or view', async () => {
    const res = await host.json('POST', 'posts', {
      token: world.editor,
      body: { title: 'Tin trực tiếp', tasks: [world.task.id], _status: 'published' },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const report = await host.json('GET', `quota/report?plan=${world.plan.id}`, { token: world.manager })
    expect(targetOf(report.body)).toMatchObject({ target: 2, achieved: 1 })
    const id = (res.body.doc as Doc).id
    expect((await host.json('POST', `review/posts/${id}/submit`, { token: world.editor, body: {} })).status).toBe(404)
    expect(fieldNamesOf(host.payload, 'posts')).not.toContain('review')
    expect(host.payload.config.admin.components.views).not.toHaveProperty('reviewQueue')
  })
})
