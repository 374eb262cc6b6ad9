import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dayToInstant } from '../../src/domain/calendar'
import { createCountingFixtures, type CountingFixtures } from './helpers/countingFixtures'
import { restClient } from './helpers/rest'
import { createUser, startTestPayload, type TestPayload } from './helpers/testPayload'

/**
 * Trash, restore and delete as an integrating client does them over REST (docs/content.md,
 * "Trash over REST"), and what each does to the counts: trash and a permanent delete take the
 * item out of every quota, a restore brings it back.
 */
type Doc = Record<string, unknown> & { id: number }

let t: TestPayload
let rest: ReturnType<typeof restClient>
let f: CountingFixtures
let token: string

beforeAll(async () => {
  t = await startTestPayload()
  rest = restClient(t.payload)
  f = await createCountingFixtures(t.payload, { planCode: 'KH-TRASH', deadline: '2030-12-31' })
  await t.payload.update({
    collection: 'tasks',
    id: f.task1.id,
    data: {
      targets: [
        {
          kind: 'content',
          quantity: 5,
          contentTypes: ['articles'],
          channels: [f.vnexpress.id],
          mode: 'pooled',
          windowStart: dayToInstant('2026-01-01'),
        },
      ],
    } as never,
  })
  const unit = await t.payload.create({ collection: 'units', data: { name: 'Ban biên tập', requiresReview: false } })
  const editor = await createUser(t.payload, { role: 'editor', unit: unit.id })
  token = await rest.login(String(editor.email), 'test-Password-1')
})

afterAll(async () => {
  await t?.cleanup()
})

const achieved = async (): Promise<number> => {
  const manager = await createUser(t.payload, { role: 'manager' })
  const managerToken = await rest.login(String(manager.email), 'test-Password-1')
  const res = await rest.get(`quota/report?plan=${f.plan.id}&asOf=2026-06-01`, { token: managerToken })
  const report = res.json as unknown as { tasks: Array<{ id: number; targets: Array<{ achieved: number }> }> }
  return report.tasks.find((x) => x.id === f.task1.id)?.targets[0]?.achieved ?? -1
}

describe('trash, restore and delete over REST', () => {
  it('PATCH deletedAt trashes, PATCH ?trash=true with deletedAt null restores, DELETE deletes for good', async () => {
    const created = await rest.post(
      'articles?depth=0',
      {
        title: 'Bài để bỏ vào thùng rác',
        _status: 'published',
        tasks: [f.task1.id],
        publications: [{ channel: f.vnexpress.id, publishedAt: dayToInstant('2026-03-01') }],
      },
      { token },
    )
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    const id = (created.json.doc as Doc).id
    expect(await achieved()).toBe(1)

    const trashed = await rest.patch(`articles/${id}?depth=0`, { deletedAt: new Date().toISOString() }, { token })
    expect(trashed.status, JSON.stringify(trashed.json)).toBe(200)
    expect(await achieved()).toBe(0)
    // A trashed item is found only when the request asks for the trash.
    expect((await rest.get(`articles/${id}`, { token })).status).toBe(404)
    expect((await rest.get(`articles/${id}?trash=true`, { token })).status).toBe(200)
    // Without ?trash=true Payload refuses the restore (403) and the item stays in the trash.
    expect((await rest.patch(`articles/${id}`, { deletedAt: null }, { token })).status).toBe(403)
    expect((await rest.get(`articles/${id}`, { token })).status).toBe(404)

    const restored = await rest.patch(`articles/${id}?trash=true&depth=0`, { deletedAt: null }, { token })
    expect(restored.status, JSON.stringify(restored.json)).toBe(200)
    expect((restored.json.doc as Doc).deletedAt ?? null).toBeNull()
    expect(await achieved()).toBe(1)

    const deleted = await rest.delete(`articles/${id}`, { token })
    expect(deleted.status, JSON.stringify(deleted.json)).toBe(200)
    expect((await rest.get(`articles/${id}?trash=true`, { token })).status).toBe(404)
    expect(await achieved()).toBe(0)
  })
})
