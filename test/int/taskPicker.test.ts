import { REST_GET, REST_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { guardApiRequest } from '../../src/http/guardApiRequest'
import { restClient } from './helpers/rest'
import { createUser, startTestPayload, type TestPayload } from './helpers/testPayload'

/**
 * Issue 21 point 2 over the guarded REST routes, with the queries the admin itself sends: the
 * task picker (a method-override POST searching the title field, `pickerLabel`, sorted by the
 * field's `sortOptions`) and the task list's search (`searchText`).
 */
let t: TestPayload
let payload: Payload
let token: string
let oldPlan: number
let runningPlan: number

const day = (d: string) => `${d}T12:00:00.000Z`

async function task(plan: number, code: string, title: string, deadline: string) {
  return payload.create({
    collection: 'tasks',
    data: { plan, code, title, timeframe: { kind: 'deadline', deadline: day(deadline) } } as never,
  })
}

function routes() {
  const config = Promise.resolve(payload.config)
  const get = guardApiRequest(REST_GET(config), { config })
  const post = guardApiRequest(REST_POST(config), { config })
  const call = async (handler: typeof get, path: string, init: RequestInit) => {
    const url = new URL(`http://localhost:3000/api/${path}`)
    const slug = url.pathname
      .replace(/^\/api\//, '')
      .split('/')
      .filter(Boolean)
    const headers = { ...(init.headers as Record<string, string>), Authorization: `JWT ${token}` }
    const res = await handler(new Request(url, { ...init, headers }), { params: Promise.resolve({ slug }) })
    return { status: res.status, json: (await res.json()) as { docs: Array<Record<string, unknown>> } }
  }
  return {
    get: (path: string) => call(get, path, { method: 'GET' }),
    /** What @payloadcms/ui's relationship input sends when the picker opens or is searched. */
    picker: (search?: string) =>
      call(post, 'tasks', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Payload-HTTP-Method-Override': 'GET' },
        body: new URLSearchParams({
          depth: '0',
          draft: 'true',
          limit: '10',
          page: '1',
          'select[pickerLabel]': 'true',
          sort: 'pickerSort',
          'where[and][0][id][not_in][0]': '999999',
          ...(search ? { 'where[and][1][pickerLabel][like]': search } : {}),
        }).toString(),
      }),
  }
}

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  const unit = await payload.create({ collection: 'units', data: { name: 'Đơn vị P', requiresReview: false } })
  const editor = await createUser(payload, { role: 'editor', unit: unit.id as number })
  token = await restClient(payload).login(editor.email as string, 'test-Password-1')
  const period = (from: string, to: string) => ({ from: day(from), to: day(to) })
  oldPlan = (
    await payload.create({
      collection: 'plans',
      data: { code: 'KH-CU', title: 'Kế hoạch cũ', status: 'closed', period: period('2025-01-01', '2025-12-31') },
    })
  ).id as number
  runningPlan = (
    await payload.create({
      collection: 'plans',
      data: { code: 'KH-MOI', title: 'Kế hoạch mới', status: 'active', period: period('2026-01-01', '2026-12-31') },
    })
  ).id as number
  await task(oldPlan, '1', 'Truyền thông kết quả kết nối hệ thống', '2025-08-30')
  await task(runningPlan, '1', 'Truyền thông kết quả kết nối hệ thống', '2026-03-30')
  await task(runningPlan, '2', 'Tổng kết chuyển đổi số', '2026-11-30')
})

afterAll(async () => {
  await t?.cleanup()
})

describe('the task picker', () => {
  it('shows plan code, STT and deadline, running plan first and open tasks before expired ones', async () => {
    const res = await routes().picker()
    expect(res.status).toBe(200)
    expect(res.json.docs.map((d) => d.pickerLabel)).toEqual([
      'KH-MOI · 2. Tổng kết chuyển đổi số · hạn 30/11/2026',
      'KH-MOI · 1. Truyền thông kết quả kết nối hệ thống · hạn 30/3/2026',
      'KH-CU · 1. Truyền thông kết quả kết nối hệ thống · hạn 30/8/2025',
    ])
  })

  it('finds "kết nối" when typed "ket noi", and by plan code', async () => {
    const folded = await routes().picker('ket noi')
    expect(folded.json.docs.map((d) => d.pickerLabel)).toHaveLength(2)
    const byPlan = await routes().picker('kh-moi tong ket')
    expect(byPlan.json.docs.map((d) => d.pickerLabel)).toEqual(['KH-MOI · 2. Tổng kết chuyển đổi số · hạn 30/11/2026'])
  })

  it('the task list search folds too: "truyen thong" finds the tasks', async () => {
    const res = await routes().get('tasks?depth=0&limit=10&where[or][0][searchText][like]=truyen%20thong')
    expect(res.status).toBe(200)
    expect(res.json.docs).toHaveLength(2)
  })

  it('a plan’s new code reaches its tasks’ labels', async () => {
    await payload.update({ collection: 'plans', id: oldPlan, data: { code: 'KH-2025' } })
    const res = await routes().picker('ket noi')
    expect(res.json.docs.map((d) => d.pickerLabel)).toContain(
      'KH-2025 · 1. Truyền thông kết quả kết nối hệ thống · hạn 30/8/2025',
    )
  })
})
