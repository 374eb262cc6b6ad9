import { describe, expect, it } from 'vitest'
import { jsonOnce } from '../../src/plugin/endpoints/http'

describe('jsonOnce', () => {
  it('answers JSON that is never cached by the browser', async () => {
    const res = jsonOnce(200, { a: 1 })
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/json')
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(await res.json()).toEqual({ a: 1 })
  })

  it('a value that is not frozen is serialized as it is now, every time', async () => {
    const body: { n: number } = { n: 1 }
    await jsonOnce(200, body).text()
    body.n = 2
    expect(await jsonOnce(200, body).json()).toEqual({ n: 2 })
  })

  it('a frozen value is serialized once and answers the same bytes after', async () => {
    const body = Object.freeze({ tasks: Object.freeze([{ id: 1 }]) })
    const first = await jsonOnce(200, body).text()
    const original = JSON.stringify
    let calls = 0
    JSON.stringify = ((...args: Parameters<typeof JSON.stringify>) => {
      calls++
      return original(...args)
    }) as typeof JSON.stringify
    try {
      expect(await jsonOnce(200, body).text()).toBe(first)
    } finally {
      JSON.stringify = original
    }
    expect(calls).toBe(0)
  })
})
