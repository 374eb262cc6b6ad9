import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { htmlAsPng, pngFile, svgWithScript } from '../fixtures/files'
import { restClient } from './helpers/rest'
import { createUser, startTestPayload, type TestPayload } from './helpers/testPayload'

let t: TestPayload
let rest: ReturnType<typeof restClient>

beforeAll(async () => {
  t = await startTestPayload()
  rest = restClient(t.payload)
})
afterAll(async () => {
  await t?.cleanup()
})

describe('first user (REST, as /admin/create-first-user does it)', () => {
  it('becomes admin whatever role was sent, and only the first', async () => {
    const first = await rest.post('users/first-register', {
      email: 'first@demo.gov.vn',
      password: 'Aa-123456789',
      name: 'Người đầu tiên',
      role: 'editor',
    })
    expect(first.status).toBe(200)
    expect((first.json.user as { role: string }).role).toBe('admin')
    const second = await rest.post('users/first-register', {
      email: 'second@demo.gov.vn',
      password: 'Aa-123456789',
      name: 'Thứ hai',
    })
    expect(second.status).toBe(403)
  })
})

describe('HTTP answers of the plan model', () => {
  it('anonymous gets 403 on plans; a manager gets the list', async () => {
    expect((await rest.get('plans')).status).toBe(403)
    const manager = await createUser(t.payload, { role: 'manager' })
    const token = await rest.login(manager.email as string, 'test-Password-1')
    const res = await rest.get('plans', { token })
    expect(res.status).toBe(200)
  })
  it('a validation error is a 400 whose errors name the field', async () => {
    const manager = await createUser(t.payload, { role: 'manager' })
    const token = await rest.login(manager.email as string, 'test-Password-1')
    const res = await rest.post('plans', { code: 'KH-R', title: 'x', reporting: { monthlyDay: 40 } }, { token })
    expect(res.status).toBe(400)
    expect(res.json.errors?.[0]?.data?.errors).toEqual([
      { label: expect.anything(), message: expect.stringMatching(/từ 1 đến 28/), path: 'reporting.monthlyDay' },
    ])
  })
})

describe('multipart uploads over REST', () => {
  const upload = async (file: { data: Buffer; name: string; mimetype: string }, token: string) => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(file.data)], { type: file.mimetype }), file.name)
    form.append('_payload', JSON.stringify({ title: 'Infographic', alt: 'Biểu đồ' }))
    return rest.post('infographics?draft=true', form, { token })
  }
  it('a PNG is created (201); an SVG or HTML disguised as PNG is a 400 on the file field', async () => {
    const unit = await t.payload.create({ collection: 'units', data: { name: 'Đơn vị R' } })
    const staff = await createUser(t.payload, { role: 'multimedia', unit: unit.id })
    const token = await rest.login(staff.email as string, 'test-Password-1')
    const ok = await upload(await pngFile(800, 600), token)
    expect(ok.status).toBe(201)
    for (const bad of [svgWithScript(), htmlAsPng()]) {
      const res = await upload(bad, token)
      expect(res.status, bad.name).toBe(400)
      expect(res.json.errors?.[0]?.data?.errors?.[0]?.path, bad.name).toBe('file')
    }
  })
})
