import { GRAPHQL_POST, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { guardApiRequest } from '../../src/http/guardApiRequest'
import { pngFile } from '../fixtures/files'
import { restClient, type RestResponse } from './helpers/rest'
import { createUser, startTestPayload, type TestPayload } from './helpers/testPayload'

/**
 * Issue 20, findings 3–5 and the origin item, in process: the route's own guard in
 * front of Payload's REST and GraphQL handlers. The same findings over a real socket, with the
 * server's memory measured, are in test/e2e/security-limits.test.ts; finding 6 is in
 * securityZipBomb.test.ts, the login items in securityLogin.test.ts.
 */

let t: TestPayload
let payload: Payload
let rest: ReturnType<typeof restClient>
let unitId: number
let tokens: { manager: string; multimedia: string; editor: string }
let editor: { id: number | string; email: string }

const firstPath = (json: RestResponse['json']) => json.errors?.[0]?.data?.errors?.[0]?.path

/** The guarded route handlers, as src/app/(payload)/api mounts them. */
function routes() {
  const config = Promise.resolve(payload.config)
  const post = guardApiRequest(REST_POST(config), { config })
  const patch = guardApiRequest(REST_PATCH(config), { config })
  const get = guardApiRequest(REST_GET(config), { config })
  const graphql = guardApiRequest(GRAPHQL_POST(config), { config })
  const call = async (handler: typeof post, path: string, init: RequestInit) => {
    const url = new URL(`http://localhost:3000/api/${path}`)
    const slug = url.pathname
      .replace(/^\/api\//, '')
      .split('/')
      .filter(Boolean)
    const res = await handler(new Request(url, init), { params: Promise.resolve({ slug }) })
    const text = await res.text()
    return { status: res.status, text, json: (text ? JSON.parse(text) : {}) as RestResponse['json'] }
  }
  return {
    post: (path: string, init: RequestInit) => call(post, path, { method: 'POST', ...init }),
    patch: (path: string, init: RequestInit) => call(patch, path, { method: 'PATCH', ...init }),
    get: (path: string, init: RequestInit = {}) => call(get as typeof post, path, { method: 'GET', ...init }),
    graphql: (query: string) =>
      call(graphql as typeof post, 'graphql', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query }),
      }),
  }
}

/** A multipart body that records whether anyone read it, and errors if read past `bytes`. */
function watchedMultipart(bytes: number) {
  const boundary = 'xxsecxx'
  const head = new TextEncoder().encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"alt":"x"}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
  )
  const chunk = new Uint8Array(1024 * 1024)
  let pulled = 0
  let sent = 0
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += 1
      if (sent === 0) {
        controller.enqueue(head)
        sent = 1
      } else if (sent < bytes) {
        controller.enqueue(chunk)
        sent += chunk.length
      } else {
        controller.enqueue(new TextEncoder().encode(`\r\n--${boundary}--\r\n`))
        controller.close()
      }
    },
  })
  return {
    init: { body, duplex: 'half', headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } },
    pulled: () => pulled,
    sent: () => sent,
  }
}

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  rest = restClient(payload)
  const unit = await payload.create({ collection: 'units', data: { name: 'Đơn vị S', requiresReview: false } })
  unitId = unit.id as number
  const users = {
    manager: await createUser(payload, { role: 'manager', unit: unitId }),
    editor: await createUser(payload, { role: 'editor', unit: unitId }),
    multimedia: await createUser(payload, { role: 'multimedia', unit: unitId }),
  }
  editor = { id: users.editor.id, email: users.editor.email as string }
  tokens = {
    manager: await rest.login(users.manager.email as string, 'test-Password-1'),
    editor: await rest.login(editor.email, 'test-Password-1'),
    multimedia: await rest.login(users.multimedia.email as string, 'test-Password-1'),
  }
  for (let i = 0; i < 3; i++)
    await payload.create({ collection: 'articles', data: { title: `Bài ${i}`, _status: 'published' } as never })
})

afterAll(async () => {
  await t?.cleanup()
})

describe('finding 3: GraphQL aliases and cost', () => {
  it('300 aliases of Articles(limit: 200) { totalDocs } are a 400 naming the query, in well under a second', async () => {
    const query = `{ ${Array.from({ length: 300 }, (_, i) => `a${i}: Articles(limit: 200) { totalDocs }`).join(' ')} }`
    const started = performance.now()
    const res = await routes().graphql(query)
    const ms = performance.now() - started
    expect(res.status, res.text.slice(0, 300)).toBe(400)
    expect(firstPath(res.json)).toBe('query')
    expect(ms).toBeLessThan(1000)
  })

  it('ten pages of 200 are refused on cost; ten pages of 5 run', async () => {
    const q = (limit: number) =>
      `{ ${Array.from({ length: 10 }, (_, i) => `a${i}: Articles(limit: ${limit}) { docs { id title } }`).join(' ')} }`
    expect((await routes().graphql(q(200))).status).toBe(400)
    const small = await routes().graphql(q(5))
    expect(small.status, small.text.slice(0, 300)).toBe(200)
    expect((small.json as { data?: { a0?: { docs: unknown[] } } }).data?.a0?.docs).toHaveLength(3)
  })
})

describe('issue 21 point 3: the admin’s own relationship lookups pass the row cap', () => {
  it('limit=250 bounded by an id list (a list cell’s lookup) answers the names; unbounded stays a 400', async () => {
    const ids = (await payload.find({ collection: 'articles', limit: 3, depth: 0 })).docs.map((d) => d.id)
    const auth = { headers: { Authorization: `JWT ${tokens.manager}` } }
    // The query @payloadcms/ui's RelationshipProvider builds, parameter for parameter.
    const lookup = await routes().get(
      `articles?depth=0&draft=true&limit=250&locale=vi&where[id][in]=${ids.join(',')}&select[title]=true`,
      auth,
    )
    expect(lookup.status, lookup.text.slice(0, 300)).toBe(200)
    expect((lookup.json as { docs: Array<{ title: string }> }).docs.map((d) => d.title).sort()).toEqual([
      'Bài 0',
      'Bài 1',
      'Bài 2',
    ])
    const unbounded = await routes().get('articles?depth=0&limit=250', auth)
    expect(unbounded.status).toBe(400)
    expect(firstPath(unbounded.json)).toBe('limit')
  })
})

describe('finding 4: the method override body gets the query caps', () => {
  const override = (body: string, type = 'application/x-www-form-urlencoded') =>
    routes().post('articles', { headers: { 'Content-Type': type, 'X-Payload-HTTP-Method-Override': 'GET' }, body })

  it.each([
    ['limit=0&depth=0', 'limit=0&depth=0', 'limit'],
    ['pagination=false', 'pagination=false', 'pagination'],
    ['page=999999999', 'page=999999999', 'page'],
    [
      'an in list of 5000 ids',
      Array.from({ length: 5000 }, (_, i) => `where[id][in][${i}]=${i + 1}`).join('&'),
      'where.id.in',
    ],
    [
      '300 where conditions',
      Array.from({ length: 300 }, (_, i) => `where[or][${i}][title][equals]=t${i}`).join('&'),
      'where',
    ],
  ])('a form body with %s → 400', async (_label, body, param) => {
    const res = await override(body)
    expect(res.status, res.text.slice(0, 300)).toBe(400)
    expect(firstPath(res.json)).toBe(param)
  })

  it('a JSON body and the URL of an override POST are read caps too', async () => {
    expect((await override('{"limit":0}', 'application/json')).status).toBe(400)
    const url = await routes().post('articles?limit=0', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Payload-HTTP-Method-Override': 'GET' },
      body: 'depth=0',
    })
    expect(url.status).toBe(400)
  })

  it('the admin’s ordinary override read still works', async () => {
    const res = await override('limit=10&depth=0&where[_status][equals]=published')
    expect(res.status, res.text.slice(0, 300)).toBe(200)
    expect((res.json as { docs: unknown[] }).docs).toHaveLength(3)
  })
})

describe('finding 5: multipart bodies are judged before they are read', () => {
  it('anonymous uploads to media and users are a 403 without reading the body', async () => {
    for (const path of ['media', 'users']) {
      const body = watchedMultipart(200 * 1024 * 1024)
      const res = await routes().post(path, body.init as RequestInit)
      expect(res.status, `${path}: ${res.text.slice(0, 200)}`).toBe(403)
      // A ReadableStream pulls once to fill its queue; nothing past that.
      expect(body.sent(), path).toBeLessThanOrEqual(1)
    }
  })

  it('an editor may not upload to infographics (multimedia only): 403 before reading', async () => {
    const body = watchedMultipart(50 * 1024 * 1024)
    const res = await routes().post('infographics?draft=true', {
      ...(body.init as RequestInit),
      headers: { ...(body.init.headers as Record<string, string>), Authorization: `JWT ${tokens.editor}` },
    })
    expect(res.status).toBe(403)
    expect(body.sent()).toBeLessThanOrEqual(1)
  })

  it('a signed-in uploader is held to the collection’s own limit while streaming: 413 after about 22 MB, not 500 MB', async () => {
    const before = (await payload.count({ collection: 'media' })).totalDocs
    const body = watchedMultipart(200 * 1024 * 1024)
    const res = await routes().post('media', {
      ...(body.init as RequestInit),
      headers: { ...(body.init.headers as Record<string, string>), Authorization: `JWT ${tokens.multimedia}` },
    })
    expect(res.status, res.text.slice(0, 300)).toBe(413)
    expect(res.text).toMatch(/MB/)
    expect(body.sent()).toBeLessThan(40 * 1024 * 1024)
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(before)
  })

  it('a declared length over the collection’s limit is a 413 at once', async () => {
    const res = await routes().post('media', {
      headers: {
        'Content-Type': 'multipart/form-data; boundary=x',
        'Content-Length': String(30 * 1024 * 1024),
        Authorization: `JWT ${tokens.multimedia}`,
      },
      body: '--x--',
    })
    expect(res.status).toBe(413)
  })

  it('a real image within the limit is still stored', async () => {
    const png = await pngFile(400, 300, 'anh.png')
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png.data)], { type: 'image/png' }), png.name)
    form.append('_payload', JSON.stringify({ alt: 'Ảnh' }))
    const res = await rest.post('media', form, { token: tokens.multimedia })
    expect(res.status, JSON.stringify(res.json).slice(0, 300)).toBe(201)
  })
})

describe('origin', () => {
  it('a cookie-authenticated PATCH from another origin is refused without SERVER_URL; the same origin works', async () => {
    const patch = (origin: string, name: string) =>
      routes().patch(`users/${editor.id}`, {
        headers: {
          'Content-Type': 'application/json',
          Cookie: `payload-token=${tokens.editor}`,
          Origin: origin,
          Host: 'localhost:3000',
        },
        body: JSON.stringify({ name }),
      })
    const evil = await patch('https://evil.example', 'Evil')
    expect(evil.status).toBe(403)
    expect(firstPath(evil.json)).toBe('Origin')
    const same = await patch('http://localhost:3000', 'Same')
    expect(same.status, same.text.slice(0, 300)).toBe(200)
    const stored = await payload.findByID({ collection: 'users', id: editor.id })
    expect(stored.name).toBe('Same')
  })
})
