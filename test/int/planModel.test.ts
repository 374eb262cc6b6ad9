import { getLocalI18n, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dayToInstant } from '../../src/domain/calendar'
import { createUser, rejectionOf, startTestPayload, type TestPayload } from './helpers/testPayload'

type Doc = Record<string, unknown> & { id: string | number }

let t: TestPayload
let payload: Payload
let manager: Doc
let editor: Doc
let home: Doc
let vnexpress: Doc
let plan: Doc

/** Local-API calls on behalf of a user: access control on, as every real caller. */
const as = (user: Doc) => ({ user, overrideAccess: false as const })

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  manager = await createUser(payload, { role: 'manager' })
  editor = await createUser(payload, { role: 'editor' })
  home = (await payload.create({
    collection: 'channels',
    data: { name: 'Cổng TTĐT', kind: 'portal', isHome: true } as never,
    ...as(manager),
  })) as unknown as Doc
  vnexpress = (await payload.create({
    collection: 'channels',
    data: { name: 'VnExpress', kind: 'enewspaper' } as never,
    ...as(manager),
  })) as unknown as Doc
  plan = (await payload.create({
    collection: 'plans',
    data: {
      code: 'KH-TEST/2025',
      title: 'Kế hoạch thử',
      period: { from: dayToInstant('2025-07-01'), to: dayToInstant('2025-12-31') },
    } as never,
    ...as(manager),
  })) as unknown as Doc
})

afterAll(async () => {
  await t?.cleanup()
})

const contentTask = (overrides: Record<string, unknown> = {}, target: Record<string, unknown> = {}) => ({
  plan: plan.id,
  code: `T-${Math.random().toString(36).slice(2, 8)}`,
  title: 'Truyền thông về chuyển đổi số',
  timeframe: { kind: 'deadline', deadline: dayToInstant('2025-08-30') },
  targets: [
    {
      kind: 'content',
      quantity: 20,
      contentTypes: ['articles'],
      channels: [home.id, vnexpress.id],
      mode: 'pooled',
      ...target,
    },
  ],
  ...overrides,
})

async function createTask(data: Record<string, unknown>, user = manager) {
  return payload.create({ collection: 'tasks', data: data as never, ...as(user) })
}

async function expectFieldError(fn: () => Promise<unknown>, path: string, message: RegExp) {
  const err = await rejectionOf(fn)
  expect(err.status).toBe(400)
  const field = err.data?.errors?.find((e) => e.path === path)
  expect(field, `expected an error on "${path}", got ${JSON.stringify(err.data?.errors ?? err.message)}`).toBeDefined()
  expect(field?.message).toMatch(message)
}

describe('tasks and targets: valid input', () => {
  it('stores a pooled content target with a stable id that survives an edit', async () => {
    const task = (await createTask(contentTask())) as unknown as Doc & {
      targets: Array<{ id: string; quantity: number }>
    }
    const targetId = task.targets[0]?.id
    expect(targetId).toBeTruthy()
    const updated = (await payload.update({
      collection: 'tasks',
      id: task.id,
      data: { targets: task.targets.map((row) => ({ ...row, quantity: 25 })) } as never,
      ...as(manager),
    })) as unknown as { targets: Array<{ id: string; quantity: number }> }
    expect(updated.targets[0]).toMatchObject({ id: targetId, quantity: 25 })
  })

  it('stores recurring and by-year tasks, deliverables and indicators', async () => {
    const recurring = await createTask(
      contentTask({ timeframe: { kind: 'recurring', recurrence: 'month' } }, { mode: 'perChannel', quantity: 2 }),
    )
    expect(recurring.id).toBeDefined()
    const byYear = await createTask(
      contentTask(
        { timeframe: { kind: 'byYear', year: 2026 } },
        {
          kind: 'indicator',
          indicatorUnit: 'percent',
          targetValue: 80,
          progress: [{ date: dayToInstant('2025-09-01'), value: 40, evidence: 'Khảo sát' }],
        },
      ),
    )
    expect(byYear.id).toBeDefined()
    const deliverable = await createTask(contentTask({}, { kind: 'deliverable', label: 'Báo cáo thực hiện nhiệm vụ' }))
    expect(deliverable.id).toBeDefined()
  })
})

describe('tasks and targets: bad input is refused with the field named', () => {
  it('a content target with no channel', async () => {
    await expectFieldError(
      () => createTask(contentTask({}, { channels: [] })),
      'targets.0.channels',
      /ít nhất một kênh/,
    )
  })
  it('a content target with quantity 0 or a fraction', async () => {
    await expectFieldError(() => createTask(contentTask({}, { quantity: 0 })), 'targets.0.quantity', /từ 1 trở lên/)
    await expectFieldError(() => createTask(contentTask({}, { quantity: 2.5 })), 'targets.0.quantity', /từ 1 trở lên/)
  })
  it('a content target with no content type', async () => {
    await expectFieldError(
      () => createTask(contentTask({}, { contentTypes: [] })),
      'targets.0.contentTypes',
      /loại nội dung/,
    )
  })
  it('a deadline task without a deadline', async () => {
    await expectFieldError(
      () => createTask(contentTask({ timeframe: { kind: 'deadline' } })),
      'timeframe.deadline',
      /cần ngày hạn/,
    )
  })
  it('a recurring task without a period, a by-year task without a year', async () => {
    await expectFieldError(
      () => createTask(contentTask({ timeframe: { kind: 'recurring' } })),
      'timeframe.recurrence',
      /chu kỳ/,
    )
    await expectFieldError(
      () => createTask(contentTask({ timeframe: { kind: 'byYear', year: 99 } })),
      'timeframe.year',
      /năm hợp lệ/,
    )
  })
  it('a window start after the deadline', async () => {
    await expectFieldError(
      () => createTask(contentTask({}, { windowStart: dayToInstant('2025-09-15') })),
      'targets.0.windowStart',
      /2025-09-15.*2025-08-30/,
    )
  })
  it('a deliverable marked submitted without a document', async () => {
    await expectFieldError(
      () => createTask(contentTask({}, { kind: 'deliverable', submitted: true })),
      'targets.0.submitted',
      /đính kèm tài liệu/,
    )
  })
  it('an indicator over 100 % or with a negative or future progress entry', async () => {
    await expectFieldError(
      () => createTask(contentTask({}, { kind: 'indicator', indicatorUnit: 'percent', targetValue: 120 })),
      'targets.0.targetValue',
      /100/,
    )
    await expectFieldError(
      () =>
        createTask(
          contentTask(
            {},
            {
              kind: 'indicator',
              indicatorUnit: 'percent',
              targetValue: 80,
              progress: [{ date: dayToInstant('2025-09-01'), value: 130 }],
            },
          ),
        ),
      'targets.0.progress.0.value',
      /100/,
    )
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString()
    await expectFieldError(
      () =>
        createTask(
          contentTask(
            {},
            { kind: 'indicator', indicatorUnit: 'number', targetValue: 5, progress: [{ date: tomorrow, value: 1 }] },
          ),
        ),
      'targets.0.progress.0.date',
      /tương lai/,
    )
  })
  it('a duplicate task code within the plan (but the same code in another plan is fine)', async () => {
    await createTask(contentTask({ code: 'DUP-1' }))
    await expectFieldError(() => createTask(contentTask({ code: 'DUP-1' })), 'code', /đã có nhiệm vụ mã "DUP-1"/)
    const other = (await payload.create({
      collection: 'plans',
      data: { code: 'KH-OTHER', title: 'Khác' } as never,
      ...as(manager),
    })) as unknown as Doc
    await expect(createTask(contentTask({ code: 'DUP-1', plan: other.id }))).resolves.toBeDefined()
  })
  it('messages follow the request language', async () => {
    const i18n = await getLocalI18n({ config: payload.config, language: 'en' })
    const err = await rejectionOf(() =>
      payload.create({
        collection: 'tasks',
        data: contentTask({}, { channels: [] }) as never,
        ...as(manager),
        req: { i18n, t: i18n.t } as never,
      }),
    )
    expect(err.data?.errors?.find((e) => e.path === 'targets.0.channels')?.message).toBe(
      'A content target needs at least one channel.',
    )
  })
  it('nothing is stored after a refused save', async () => {
    const before = await payload.count({ collection: 'tasks' })
    await rejectionOf(() => createTask(contentTask({ code: 'NEVER' }, { channels: [] })))
    const after = await payload.count({ collection: 'tasks' })
    expect(after.totalDocs).toBe(before.totalDocs)
    const found = await payload.find({ collection: 'tasks', where: { code: { equals: 'NEVER' } } })
    expect(found.totalDocs).toBe(0)
  })
})

describe('plans', () => {
  it('refuses a period that ends before it starts', async () => {
    await expectFieldError(
      () =>
        payload.create({
          collection: 'plans',
          data: {
            code: 'KH-BAD',
            title: 'x',
            period: { from: dayToInstant('2025-12-31'), to: dayToInstant('2025-01-01') },
          } as never,
          ...as(manager),
        }),
      'period.to',
      /2025-01-01.*2025-12-31/,
    )
  })
  it('refuses a monthly report day of 31 and an impossible fixed date', async () => {
    await expectFieldError(
      () =>
        payload.create({
          collection: 'plans',
          data: { code: 'KH-BAD2', title: 'x', reporting: { monthlyDay: 31 } } as never,
          ...as(manager),
        }),
      'reporting.monthlyDay',
      /từ 1 đến 28/,
    )
    await expectFieldError(
      () =>
        payload.create({
          collection: 'plans',
          data: { code: 'KH-BAD3', title: 'x', reporting: { fixedDates: [{ day: 31, month: 6 }] } } as never,
          ...as(manager),
        }),
      'reporting.fixedDates.0.day',
      /31\/6/,
    )
  })
  it('refuses a duplicate plan code', async () => {
    const err = await rejectionOf(() =>
      payload.create({ collection: 'plans', data: { code: 'KH-TEST/2025', title: 'again' } as never, ...as(manager) }),
    )
    expect(err.status).toBe(400)
    expect(JSON.stringify(err.data)).toMatch(/code/)
  })
  it('refuses a basis chain that loops back', async () => {
    const a = (await payload.create({
      collection: 'plans',
      data: { code: 'A', title: 'A' } as never,
      ...as(manager),
    })) as unknown as Doc
    const b = (await payload.create({
      collection: 'plans',
      data: { code: 'B', title: 'B', basedOn: [a.id] } as never,
      ...as(manager),
    })) as unknown as Doc
    await expectFieldError(
      () => payload.update({ collection: 'plans', id: a.id, data: { basedOn: [b.id] } as never, ...as(manager) }),
      'basedOn',
      /vòng lặp/,
    )
    await expectFieldError(
      () => payload.update({ collection: 'plans', id: a.id, data: { basedOn: [a.id] } as never, ...as(manager) }),
      'basedOn',
      /chính nó/,
    )
  })
  it('shows its tasks through the join, in plan order', async () => {
    const p = (await payload.create({
      collection: 'plans',
      data: { code: 'KH-JOIN', title: 'j' } as never,
      ...as(manager),
    })) as unknown as Doc
    await createTask(contentTask({ plan: p.id, code: '2', sortOrder: 2 }))
    await createTask(contentTask({ plan: p.id, code: '1', sortOrder: 1 }))
    const read = (await payload.findByID({ collection: 'plans', id: p.id, depth: 1, ...as(editor) })) as unknown as {
      tasks: { docs: Array<{ code: string }> }
    }
    expect(read.tasks.docs.map((d) => d.code)).toEqual(['1', '2'])
  })
})

describe('units', () => {
  it('refuses a parent chain that loops back', async () => {
    const ministry = (await payload.create({
      collection: 'units',
      data: { name: 'Bộ' } as never,
      ...as(manager),
    })) as unknown as Doc
    const dept = (await payload.create({
      collection: 'units',
      data: { name: 'Vụ', parent: ministry.id } as never,
      ...as(manager),
    })) as unknown as Doc
    await expectFieldError(
      () =>
        payload.update({ collection: 'units', id: ministry.id, data: { parent: dept.id } as never, ...as(manager) }),
      'parent',
      /vòng lặp/,
    )
  })
})

describe('channels: exactly one home channel', () => {
  it('marking another channel as home moves the flag', async () => {
    const other = (await payload.create({
      collection: 'channels',
      data: { name: 'Cổng mới', kind: 'portal', isHome: true } as never,
      ...as(manager),
    })) as unknown as Doc
    const homes = await payload.find({ collection: 'channels', where: { isHome: { equals: true } } })
    expect(homes.docs.map((d) => d.id)).toEqual([other.id])
    // restore for the other tests
    await payload.update({ collection: 'channels', id: home.id, data: { isHome: true } as never, ...as(manager) })
    const again = await payload.find({ collection: 'channels', where: { isHome: { equals: true } } })
    expect(again.docs.map((d) => d.id)).toEqual([home.id])
  })
  it('refuses to unmark the home channel or delete it', async () => {
    await expectFieldError(
      () => payload.update({ collection: 'channels', id: home.id, data: { isHome: false } as never, ...as(manager) }),
      'isHome',
      /đúng một kênh chính/,
    )
    await expectFieldError(
      () => payload.delete({ collection: 'channels', id: home.id, ...as(manager) }),
      'isHome',
      /Không thể xóa kênh chính/,
    )
    const still = await payload.findByID({ collection: 'channels', id: home.id })
    expect(still.isHome).toBe(true)
  })
  it('refuses a malformed URL', async () => {
    await expectFieldError(
      () =>
        payload.create({
          collection: 'channels',
          data: { name: 'Bad', kind: 'other', url: 'javascript:alert(1)' } as never,
          ...as(manager),
        }),
      'url',
      /URL http\(s\)/,
    )
  })
})

describe('access (baseline; the full matrix belongs to the access-control issue)', () => {
  it('anonymous users read nothing of the plan model', async () => {
    for (const collection of ['plans', 'tasks', 'channels', 'units', 'users'] as const) {
      const err = await rejectionOf(() => payload.find({ collection, overrideAccess: false }))
      expect(err.status, collection).toBe(403)
    }
  })
  it('editors read plans but cannot create, change or delete them', async () => {
    const found = await payload.find({ collection: 'plans', ...as(editor) })
    expect(found.totalDocs).toBeGreaterThan(0)
    expect(
      (
        await rejectionOf(() =>
          payload.create({ collection: 'plans', data: { code: 'E', title: 'e' } as never, ...as(editor) }),
        )
      ).status,
    ).toBe(403)
    expect(
      (
        await rejectionOf(() =>
          payload.update({ collection: 'plans', id: plan.id, data: { title: 'x' } as never, ...as(editor) }),
        )
      ).status,
    ).toBe(403)
    expect((await rejectionOf(() => payload.delete({ collection: 'plans', id: plan.id, ...as(editor) }))).status).toBe(
      403,
    )
  })
  it('a user cannot raise their own role; an admin can set it', async () => {
    const self = (await payload.update({
      collection: 'users',
      id: editor.id,
      data: { role: 'admin', name: 'Renamed' } as never,
      ...as(editor),
    })) as unknown as Doc
    expect(self.role).toBe('editor')
    expect(self.name).toBe('Renamed')
    const admin = await createUser(payload, { role: 'admin' })
    const changed = (await payload.update({
      collection: 'users',
      id: editor.id,
      data: { role: 'multimedia' } as never,
      ...as(admin),
    })) as unknown as Doc
    expect(changed.role).toBe('multimedia')
    await payload.update({ collection: 'users', id: editor.id, data: { role: 'editor' } as never, ...as(admin) })
  })
  it('editors see only their own account', async () => {
    const users = await payload.find({ collection: 'users', ...as(editor) })
    expect(users.docs.map((u) => u.id)).toEqual([editor.id])
  })
})
