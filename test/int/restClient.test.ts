import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dayToInstant } from '../../src/domain/calendar'
import { createCountingFixtures, type CountingFixtures } from './helpers/countingFixtures'
import { restClient } from './helpers/rest'
import { createUser, startTestPayload, type TestPayload } from './helpers/testPayload'

/**
 * What an integrating client relies on over REST (docs/content.md):
 * - trash, restore and delete ("Trash over REST"), and what each does to the counts: trash and a
 *   permanent delete take the item out of every quota, a restore brings it back;
 * - publication days ("Publication days"): a bare YYYY-MM-DD is that day in the plan's time zone,
 *   an instant counts on the day it falls on there, and every publication says its day.
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

describe('publication days over REST', () => {
  type Publication = { channel: number; publishedAt: string; day: string | null }
  const publish = (title: string, publishedAt: string) =>
    rest.post(
      'articles?depth=0',
      { title, _status: 'published', tasks: [f.task1.id], publications: [{ channel: f.vnexpress.id, publishedAt }] },
      { token },
    )
  const publicationsOf = (res: { json: Record<string, unknown> }) =>
    ((res.json.doc as Doc).publications as Publication[]).filter((p) => p.channel === f.vnexpress.id)

  it('a bare day is that calendar day; an instant counts on its day in Vietnam; both say their day', async () => {
    const before = await achieved()
    const bare = await publish('Ngày không kèm giờ', '2026-05-31')
    expect(bare.status, JSON.stringify(bare.json)).toBe(201)
    expect(publicationsOf(bare)).toEqual([
      expect.objectContaining({ publishedAt: '2026-05-31T12:00:00.000Z', day: '2026-05-31' }),
    ])
    // 17:00 UTC on 31 May is 00:00 on 1 June in Vietnam: it counts on 1 June, and says so.
    const instant = await publish('Giờ UTC sang ngày hôm sau', '2026-05-31T17:00:00.000Z')
    expect(instant.status, JSON.stringify(instant.json)).toBe(201)
    expect(publicationsOf(instant)).toEqual([
      expect.objectContaining({ publishedAt: '2026-05-31T17:00:00.000Z', day: '2026-06-01' }),
    ])
    // The report as of 1 June counts both (achieved() reads it as of 2026-06-01); as of 31 May only
    // the bare day.
    expect(await achieved()).toBe(before + 2)
    const manager = await createUser(t.payload, { role: 'manager' })
    const managerToken = await rest.login(String(manager.email), 'test-Password-1')
    const may31 = await rest.get(`quota/report?plan=${f.plan.id}&asOf=2026-05-31`, { token: managerToken })
    const report = may31.json as unknown as { tasks: Array<{ id: number; targets: Array<{ achieved: number }> }> }
    expect(report.tasks.find((x) => x.id === f.task1.id)?.targets[0]?.achieved).toBe(before + 1)
    // A read gives the day too, and a PATCH with a bare day moves the publication to that day.
    const id = (instant.json.doc as Doc).id
    const read = await rest.get(`articles/${id}?depth=0`, { token })
    expect((read.json.publications as Publication[])[0]).toMatchObject({ day: '2026-06-01' })
    const moved = await rest.patch(
      `articles/${id}?depth=0`,
      { publications: [{ channel: f.vnexpress.id, publishedAt: '2026-05-30' }] },
      { token },
    )
    expect(moved.status, JSON.stringify(moved.json)).toBe(200)
    expect(publicationsOf(moved)).toEqual([
      expect.objectContaining({ publishedAt: '2026-05-30T12:00:00.000Z', day: '2026-05-30' }),
    ])
  })

  it('refuses a day that does not exist or is not a date, naming the field, and stores nothing', async () => {
    const before = await t.payload.count({ collection: 'articles', where: { title: { like: 'Ngày sai' } } })
    for (const publishedAt of ['2026-02-30', 'ngày 30/6', '30/06/2026x']) {
      const res = await publish(`Ngày sai ${publishedAt}`, publishedAt)
      expect(res.status, publishedAt).toBe(400)
      const fields = (res.json.errors ?? []).flatMap((e) => e.data?.errors?.map((x) => x.path) ?? [])
      expect(
        fields.some((p) => /publications\.0\.publishedAt/.test(p)),
        JSON.stringify(res.json),
      ).toBe(true)
    }
    const after = await t.payload.count({ collection: 'articles', where: { title: { like: 'Ngày sai' } } })
    expect(after.totalDocs).toBe(before.totalDocs)
  })
})
