import type { Payload } from 'payload'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { calendarDay, dayToInstant } from '../../src/domain/calendar'
import { assertInvariants, poolFor, storedTallies } from './helpers/groundTruth'
import { createUser, rejectionOf, startTestPayload, type TestPayload } from './helpers/testPayload'
import { createCountingFixtures } from './helpers/countingFixtures'

type Doc = Record<string, unknown> & { id: number }

let t: TestPayload
let payload: Payload
let pool: pg.Pool
let editor: Doc
let home: Doc
let vnexpress: Doc
let social: Doc
let task1: Doc
let task2: Doc

const as = (user: Doc) => ({ user, overrideAccess: false as const })
const today = () => calendarDay(new Date())
const key = (task: Doc, channel: Doc, type: string, day: string) => `${task.id}|${channel.id}|${type}|${day}`

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  pool = poolFor(t.databaseUri)
  const unit = await payload.create({ collection: 'units', data: { name: 'Đơn vị', requiresReview: false } })
  editor = (await createUser(payload, { role: 'editor', unit: unit.id })) as Doc
  ;({ home, vnexpress, social, task1, task2 } = await createCountingFixtures(payload, { planCode: 'KH-CNT' }))
})

afterAll(async () => {
  await pool?.end()
  await t?.cleanup()
})

describe('counting: the basic paths', () => {
  it('publish counts on each channel, for each task; draft saves and autosaves change nothing; unpublish removes', async () => {
    const a = await payload.create({
      collection: 'articles',
      data: {
        title: 'A',
        tasks: [task1.id, task2.id],
        publications: [{ channel: vnexpress.id, publishedAt: dayToInstant('2025-08-05') }],
      } as never,
      draft: true,
      ...as(editor),
    })
    expect((await storedTallies(pool)).size).toBe(0)

    await payload.update({ collection: 'articles', id: a.id, data: { _status: 'published' }, ...as(editor) })
    const d = today()
    expect(Object.fromEntries(await storedTallies(pool))).toEqual({
      [key(task1, vnexpress, 'articles', '2025-08-05')]: 1,
      [key(task2, vnexpress, 'articles', '2025-08-05')]: 1,
      [key(task1, home, 'articles', d)]: 1,
      [key(task2, home, 'articles', d)]: 1,
    })
    await assertInvariants(pool)

    const before = await storedTallies(pool)
    await payload.update({
      collection: 'articles',
      id: a.id,
      data: { tasks: [], publications: [] } as never,
      draft: true,
      ...as(editor),
    })
    await payload.update({
      collection: 'articles',
      id: a.id,
      data: { title: 'A2' },
      draft: true,
      autosave: true,
      ...as(editor),
    })
    expect(await storedTallies(pool)).toEqual(before)

    await payload.update({ collection: 'articles', id: a.id, data: { _status: 'draft' }, ...as(editor) })
    expect((await storedTallies(pool)).size).toBe(0)
    await assertInvariants(pool)
  })

  it('editing tags and publications of a published item moves exactly its counts', async () => {
    const a = await payload.create({
      collection: 'articles',
      data: {
        title: 'B',
        _status: 'published',
        tasks: [task1.id],
        publications: [{ channel: social.id, publishedAt: dayToInstant('2025-09-01') }],
      } as never,
      ...as(editor),
    })
    await assertInvariants(pool)
    await payload.update({
      collection: 'articles',
      id: a.id,
      data: {
        _status: 'published',
        tasks: [task2.id],
        publications: [{ channel: social.id, publishedAt: dayToInstant('2025-09-02') }],
      } as never,
      ...as(editor),
    })
    const tallies = await storedTallies(pool)
    expect(tallies.get(key(task2, social, 'articles', '2025-09-02'))).toBe(1)
    expect(tallies.get(key(task1, social, 'articles', '2025-09-01'))).toBeUndefined()
    await assertInvariants(pool)
  })

  it('trash, restore and delete', async () => {
    const a = await payload.create({
      collection: 'articles',
      data: {
        title: 'C',
        _status: 'published',
        tasks: [task1.id],
        publications: [{ channel: vnexpress.id, publishedAt: dayToInstant('2025-10-01') }],
      } as never,
      ...as(editor),
    })
    const k = key(task1, vnexpress, 'articles', '2025-10-01')
    expect((await storedTallies(pool)).get(k)).toBe(1)
    await payload.update({
      collection: 'articles',
      id: a.id,
      data: { deletedAt: new Date().toISOString() } as never,
      ...as(editor),
    })
    expect((await storedTallies(pool)).get(k)).toBeUndefined()
    await payload.update({
      collection: 'articles',
      id: a.id,
      data: { deletedAt: null } as never,
      trash: true,
      ...as(editor),
    })
    expect((await storedTallies(pool)).get(k)).toBe(1)
    await payload.delete({ collection: 'articles', id: a.id, trash: true, ...as(editor) })
    expect((await storedTallies(pool)).get(k)).toBeUndefined()
    await assertInvariants(pool)
  })

  it('deleting a task or a channel forgets what was counted under it', async () => {
    const extra = (await payload.create({
      collection: 'channels',
      data: { name: 'Báo X', kind: 'print' },
    })) as unknown as Doc
    await payload.create({
      collection: 'articles',
      data: {
        title: 'D',
        _status: 'published',
        tasks: [task1.id],
        publications: [{ channel: extra.id, publishedAt: dayToInstant('2025-10-02') }],
      } as never,
      ...as(editor),
    })
    expect((await storedTallies(pool)).get(key(task1, extra, 'articles', '2025-10-02'))).toBe(1)
    await payload.delete({ collection: 'channels', id: extra.id })
    expect((await storedTallies(pool)).get(key(task1, extra, 'articles', '2025-10-02'))).toBeUndefined()
    await assertInvariants(pool)
  })

  it('refuses loudly to count outside a transaction (reconciliation repairs what such a save wrote)', async () => {
    const err = await rejectionOf(() =>
      payload.create({
        collection: 'articles',
        data: { title: 'E', _status: 'published', tasks: [task1.id] } as never,
        disableTransaction: true,
        ...as(editor),
      }),
    )
    expect(err.message).toMatch(/inside the saving transaction/)
  })
})
