import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { restClient } from './helpers/rest'
import { createUser, startTestPayload, type TestPayload } from './helpers/testPayload'

/**
 * Issue 20, accounts: failed logins must not tell an unknown e-mail, a wrong password and a
 * locked account apart, by message or by time. Over a real socket: test/e2e/security-limits.test.ts.
 */

let t: TestPayload
let payload: Payload
let rest: ReturnType<typeof restClient>
let unitId: number
let editorEmail: string

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  rest = restClient(payload)
  const unit = await payload.create({ collection: 'units', data: { name: 'Đơn vị S', requiresReview: false } })
  unitId = unit.id as number
  const editor = await createUser(payload, { role: 'editor', unit: unitId })
  editorEmail = editor.email as string
})

afterAll(async () => {
  await t?.cleanup()
})

describe('accounts', () => {
  it('a locked account answers like an unknown e-mail, after the same hashing work', async () => {
    const victim = await createUser(payload, { role: 'editor', unit: unitId })
    const email = victim.email as string
    for (let i = 0; i < 5; i++) await rest.post('users/login', { email, password: `wrong-${i}` })
    const time = async (e: string) => {
      const started = performance.now()
      const res = await rest.post('users/login', { email: e, password: 'test-Password-1' })
      return { res, ms: performance.now() - started }
    }
    const locked = await time(email)
    const unknown = await time('nobody-here@example.test')
    expect(locked.res.status).toBe(401)
    expect(unknown.res.status).toBe(401)
    expect(locked.res.json).toEqual(unknown.res.json)
    expect(locked.res.json.errors?.[0]?.message).toMatch(/khóa|locked/i)
    // Neither skips the password hash a wrong password for an open account costs.
    const wrong = await time(editorEmail.replace('@', '+no@'))
    const open = await createUser(payload, { role: 'editor', unit: unitId })
    const started = performance.now()
    await rest.post('users/login', { email: open.email, password: 'not-it' })
    const hashed = performance.now() - started
    for (const ms of [locked.ms, unknown.ms, wrong.ms]) expect(ms).toBeGreaterThan(hashed * 0.5)
  })
})
