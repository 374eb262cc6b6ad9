import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { REST_POST } from '@payloadcms/next/routes'
import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { dayToInstant } from '../../src/domain/calendar'
import { guardApiRequest } from '../../src/http/guardApiRequest'
import {
  emptyPng,
  file,
  htmlAsPng,
  mp4File,
  pdfFile,
  pixelBombPng,
  pngFile,
  svgWithScript,
  type UploadFile,
} from '../fixtures/files'
import { graphqlClient } from './helpers/graphql'
import { restClient, type RestResponse } from './helpers/rest'
import { createUser, startTestPayload, type TestPayload } from './helpers/testPayload'

/**
 * Hostile input, end to end: every case gets a clear 4xx naming what was wrong, and nothing is
 * stored. Requests go through the route's own guard and Payload's REST/GraphQL handlers.
 */

type Doc = Record<string, unknown> & { id: number | string }

let t: TestPayload
let payload: Payload
let rest: ReturnType<typeof restClient>
let gql: ReturnType<typeof graphqlClient>
let tokens: { admin: string; manager: string; editor: string; multimedia: string }
let emails: { editor: string; multimedia: string }
let plan: Doc
let task: Doc

const firstPath = (res: RestResponse) => res.json.errors?.[0]?.data?.errors?.[0]?.path
const filesIn = (slug: string) => {
  const dir = path.join(t.uploadsDir, slug)
  return existsSync(dir) ? readdirSync(dir).sort() : []
}
const snapshot = async (slug: CollectionSlug) => ({
  rows: (await payload.count({ collection: slug })).totalDocs,
  files: filesIn(slug),
})

async function upload(slug: string, f: UploadFile, data: Record<string, unknown>, token: string) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(f.data)], { type: f.mimetype }), f.name)
  form.append('_payload', JSON.stringify(data))
  return rest.post(`${slug}${slug === 'media' || slug === 'plan-documents' ? '' : '?draft=true'}`, form, { token })
}

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  rest = restClient(payload)
  gql = graphqlClient(payload)
  const unit = await payload.create({ collection: 'units', data: { name: 'Đơn vị H', requiresReview: false } })
  await payload.create({ collection: 'channels', data: { name: 'Cổng TTĐT', kind: 'portal', isHome: true } })
  const users = {
    admin: await createUser(payload, { role: 'admin', unit: unit.id }),
    manager: await createUser(payload, { role: 'manager', unit: unit.id }),
    editor: await createUser(payload, { role: 'editor', unit: unit.id }),
    multimedia: await createUser(payload, { role: 'multimedia', unit: unit.id }),
  }
  emails = { editor: users.editor.email as string, multimedia: users.multimedia.email as string }
  tokens = {
    admin: await rest.login(users.admin.email as string, 'test-Password-1'),
    manager: await rest.login(users.manager.email as string, 'test-Password-1'),
    editor: await rest.login(emails.editor, 'test-Password-1'),
    multimedia: await rest.login(emails.multimedia, 'test-Password-1'),
  }
  plan = (await payload.create({ collection: 'plans', data: { code: 'KH-H', title: 'Kế hoạch' } })) as unknown as Doc
  task = (await payload.create({
    collection: 'tasks',
    data: {
      plan: plan.id as number,
      code: '1',
      title: 'N',
      timeframe: { kind: 'deadline', deadline: dayToInstant('2030-12-31') },
    },
  })) as unknown as Doc
  for (let i = 0; i < 3; i++)
    await payload.create({ collection: 'articles', data: { title: `Bài ${i}`, _status: 'published' } as never })
})

afterAll(async () => {
  await t?.cleanup()
})

describe('uploads', () => {
  it('refuses SVG, HTML, text, empty, pixel-bomb and oversized files with 400 on "file", storing nothing', async () => {
    const bad: Array<[string, UploadFile]> = [
      ['svg with script', svgWithScript()],
      ['html renamed .png', htmlAsPng()],
      ['text renamed .png', file(Buffer.from('Báo cáo tháng 8\n20 tin bài\n'), 'notes.png', 'image/png')],
      ['zero bytes', emptyPng()],
      ['pixel bomb', await pixelBombPng()],
      [
        'over the 20 MB image limit',
        file(Buffer.concat([(await pngFile(10, 10)).data, Buffer.alloc(21 * 1024 * 1024)]), 'big.png', 'image/png'),
      ],
      // An HTML page with a PNG behind it: the bytes decide, and they start as HTML.
      [
        'html first, png after',
        file(Buffer.concat([htmlAsPng().data, (await pngFile(8, 8)).data]), 'x.png', 'image/png'),
      ],
      ['rtl-override name, html content', file(htmlAsPng().data, 'anh\u202Egnp.html', 'image/png')],
    ]
    for (const slug of ['media', 'infographics'] as const) {
      const before = await snapshot(slug)
      for (const [name, f] of bad) {
        const res = await upload(slug, f, { title: 'X', alt: 'X' }, tokens.multimedia)
        expect(res.status, `${slug} ${name}: ${JSON.stringify(res.json)}`).toBe(400)
        expect(firstPath(res), `${slug} ${name}`).toBe('file')
      }
      expect(await snapshot(slug)).toEqual(before)
    }
  })

  it('a PNG carrying an HTML payload is re-encoded: the script never reaches the disk; served as image/png with nosniff', async () => {
    const polyglot = Buffer.concat([
      (await pngFile(64, 48)).data,
      Buffer.from('<html><script>alert(document.cookie)</script></html>'),
    ])
    const res = await upload('media', file(polyglot, 'poly.png', 'image/png'), { alt: 'Đa định dạng' }, tokens.editor)
    expect(res.status, JSON.stringify(res.json)).toBe(201)
    const doc = res.json.doc as Doc
    for (const name of filesIn('media')) {
      expect(readFileSync(path.join(t.uploadsDir, 'media', name)).includes('<script')).toBe(false)
    }
    const served = await rest.raw(`media/file/${String(doc.filename)}`)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
    expect(served.headers.get('content-security-policy')).toMatch(/sandbox/)
  })

  it('a right-to-left-override file name with real image bytes is stored under a safe name', async () => {
    const res = await upload(
      'media',
      await pngFile(32, 32, 'ho-so\u202Egnp.exe'),
      { alt: 'Tên tệp đảo chiều' },
      tokens.multimedia,
    )
    expect(res.status, JSON.stringify(res.json)).toBe(201)
    const name = String((res.json.doc as Doc).filename)
    expect(name).toMatch(/^[a-z0-9-]+\.png$/)
    expect(name).not.toContain('\u202E')
    expect(name).not.toMatch(/\.exe$/)
  })

  it('PDF and MP4 files carrying HTML are served with their own type, nosniff and a sandbox, so the HTML never runs', async () => {
    const pdf = pdfFile('bao-cao.pdf', '<html><script>alert(1)</script></html>')
    const doc = await upload('plan-documents', pdf, { title: 'Báo cáo' }, tokens.manager)
    expect(doc.status, JSON.stringify(doc.json)).toBe(201)
    // A well-formed MP4 whose media data box is an HTML page: a valid video and a valid page.
    const mp4 = mp4File().data
    const html = Buffer.from('<html><script>alert(1)</script></html>')
    const mdat = mp4.length - 4096
    const video = file(
      Buffer.concat([mp4.subarray(0, mdat), html, Buffer.alloc(4096 - html.length, 0x20)]),
      'clip.mp4',
      'video/mp4',
    )
    const vid = await upload('videos', video, { title: 'Video', source: 'upload', tasks: [task.id] }, tokens.multimedia)
    expect(vid.status, JSON.stringify(vid.json)).toBe(201)
    for (const [slug, res, type] of [
      ['plan-documents', doc, 'application/pdf'],
      ['videos', vid, 'video/mp4'],
    ] as const) {
      const served = await rest.raw(`${slug}/file/${String((res.json.doc as Doc).filename)}`, {
        token: tokens.manager,
      })
      expect(served.status, slug).toBe(200)
      expect(served.headers.get('content-type'), slug).toBe(type)
      expect(served.headers.get('x-content-type-options'), slug).toBe('nosniff')
      expect(served.headers.get('content-security-policy'), slug).toMatch(/default-src 'none'.*sandbox/)
    }
    // Plan documents are internal, the draft video too: the public gets neither file.
    expect((await rest.raw(`plan-documents/file/${String((doc.json.doc as Doc).filename)}`)).status).toBe(403)
    expect((await rest.raw(`videos/file/${String((vid.json.doc as Doc).filename)}`)).status).toBe(403)
  })

  it('an upload form whose "_payload" is not JSON is a 400, not a 500', async () => {
    const before = await snapshot('media')
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array((await pngFile(8, 8)).data)], { type: 'image/png' }), 'a.png')
    form.append('_payload', '{"alt": "x", ')
    const res = await rest.post('media', form, { token: tokens.editor })
    expect(res.status, JSON.stringify(res.json)).toBe(400)
    expect(res.json.errors?.[0]?.message).toMatch(/JSON/)
    expect(await snapshot('media')).toEqual(before)
  })
})

describe('query limits', () => {
  const cases: Array<[string, string]> = [
    ['limit=1000000', 'limit'],
    ['limit=0', 'limit'],
    ['limit=-1', 'limit'],
    ['limit=abc', 'limit'],
    ['pagination=false', 'pagination'],
    ['page=0', 'page'],
    ['page=1e9', 'page'],
    ['depth=100', 'depth'],
    ['depth=-1', 'depth'],
    ['depth=2.5', 'depth'],
    [`where[id][in]=${Array.from({ length: 5000 }, (_, i) => i + 1).join(',')}`, 'where.id.in'],
    [Array.from({ length: 201 }, (_, i) => `where[id][in][${i}]=${i + 1}`).join('&'), 'where.id.in'],
    [Array.from({ length: 201 }, (_, i) => `where[or][0][id][not_in][]=${i + 1}`).join('&'), 'where.or.0.id.not_in'],
    [
      `where=${encodeURIComponent(JSON.stringify({ id: { in: Array.from({ length: 300 }, (_, i) => i) } }))}`,
      'where.id.in',
    ],
    [`where=${encodeURIComponent('{"id": {"in": [1,2')}`, 'where'],
    [Array.from({ length: 150 }, (_, i) => `where[or][${i}][title][equals]=x${i}`).join('&'), 'where'],
  ]
  it.each(cases.map(([q, p]) => [q.length > 60 ? `${q.slice(0, 60)}…` : q, q, p]))(
    'GET /api/articles?%s is a 400 naming the parameter',
    async (_label, query, param) => {
      for (const token of [undefined, tokens.admin]) {
        const res = await rest.get(`articles?${query}`, token ? { token } : {})
        expect(res.status, JSON.stringify(res.json).slice(0, 300)).toBe(400)
        expect(firstPath(res)).toBe(param)
        expect(res.json.errors?.[0]?.message).toContain(param.split('.')[0]!)
      }
    },
  )

  it('the caps themselves are allowed, and the admin’s bulk delete (limit=0 with an id list) still works', async () => {
    expect((await rest.get('articles?limit=200&depth=3&page=1')).status).toBe(200)
    const ids = Array.from({ length: 200 }, (_, i) => i + 1).join(',')
    expect((await rest.get(`articles?where[id][in]=${ids}`)).status).toBe(200)
    const doomed = await Promise.all(
      [1, 2].map(() =>
        payload.create({ collection: 'units', data: { name: `Xoá ${Math.random()}`, requiresReview: false } }),
      ),
    )
    const res = await rest.delete(`units?limit=0&${doomed.map((d, i) => `where[id][in][${i}]=${d.id}`).join('&')}`, {
      token: tokens.manager,
    })
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    expect(
      (await payload.find({ collection: 'units', where: { id: { in: doomed.map((d) => d.id) } } })).totalDocs,
    ).toBe(0)
  })

  it('GraphQL arguments get the same caps', async () => {
    const big = Array.from({ length: 5000 }, (_, i) => i + 1)
    for (const [query, param] of [
      ['{ Articles(limit: 100000) { docs { id } } }', 'limit'],
      ['{ Articles(pagination: false) { docs { id } } }', 'pagination'],
      ['{ Articles(page: 0) { docs { id } } }', 'page'],
      [`{ Articles(where: { tasks: { in: [${big.join(',')}] } }) { docs { id } } }`, 'where.tasks.in'],
    ] as const) {
      const res = await gql(query)
      const error = res.json.errors?.[0]
      expect(error?.extensions?.statusCode, res.text.slice(0, 300)).toBe(400)
      expect(JSON.stringify(error?.extensions?.data)).toContain(`"path":"${param}"`)
    }
    const ok = await gql('{ Articles(limit: 200) { docs { id } } }')
    expect(ok.json.errors).toBeUndefined()
  })
})

describe('bodies and data', () => {
  it('malformed dates are a 400 on the field, never a 500, and nothing is stored', async () => {
    const before = (await payload.count({ collection: 'tasks' })).totalDocs
    const badTasks: Array<[Record<string, unknown>, string]> = [
      [{ timeframe: { kind: 'deadline', deadline: 'garbage' } }, 'timeframe.deadline'],
      [{ timeframe: { kind: 'deadline', deadline: '2025-13-45' } }, 'timeframe.deadline'],
      [
        {
          timeframe: { kind: 'deadline', deadline: dayToInstant('2030-12-31') },
          targets: [{ kind: 'content', quantity: 1, contentTypes: ['articles'], channels: [1], windowStart: 'abc' }],
        },
        'targets.0.windowStart',
      ],
      [
        {
          timeframe: { kind: 'deadline', deadline: dayToInstant('2030-12-31') },
          targets: [{ kind: 'indicator', targetValue: 50, progress: [{ date: 'not-a-day', value: 10 }] }],
        },
        'targets.0.progress.0.date',
      ],
    ]
    for (const [data, field] of badTasks) {
      const res = await rest.post(
        'tasks',
        { plan: plan.id, code: `D${Math.random()}`, title: 'x', ...data },
        {
          token: tokens.manager,
        },
      )
      expect(res.status, JSON.stringify(res.json)).toBe(400)
      expect(res.json.errors?.[0]?.data?.errors?.map((e) => e.path)).toContain(field)
    }
    expect((await payload.count({ collection: 'tasks' })).totalDocs).toBe(before)
    const planRes = await rest.post(
      'plans',
      { code: 'KH-D', title: 'x', period: { from: '2025-01-01', to: 'soon' } },
      {
        token: tokens.manager,
      },
    )
    expect(planRes.status).toBe(400)
    expect(firstPath(planRes)).toBe('period.to')
    const article = await rest.post(
      'articles',
      { title: 'x', _status: 'published', publications: [{ channel: 1, publishedAt: '31/02/2025' }] },
      { token: tokens.editor },
    )
    expect(article.status).toBe(400)
    expect(firstPath(article)).toBe('publications.0.publishedAt')
    // A malformed date in a filter finds nothing; it is not an error of the server.
    const filter = await rest.get('articles?where[lastPublishedAt][greater_than]=garbage')
    expect([200, 400]).toContain(filter.status)
  })

  it('rich text nested thousands of levels deep is a 400 on the field; ordinary nesting is fine', async () => {
    const nested = (levels: number) => {
      let node: Record<string, unknown> = {
        type: 'text',
        text: 'x',
        version: 1,
        format: 0,
        detail: 0,
        mode: 'normal',
        style: '',
      }
      for (let i = 0; i < levels; i++)
        node = { type: 'paragraph', children: [node], version: 1, direction: null, format: '', indent: 0 }
      return { root: { type: 'root', children: [node], version: 1, direction: null, format: '', indent: 0 } }
    }
    const before = (await payload.count({ collection: 'articles' })).totalDocs
    const deep = await rest.post('articles?draft=true', { title: 'Sâu', body: nested(2000) }, { token: tokens.editor })
    expect(deep.status, JSON.stringify(deep.json).slice(0, 300)).toBe(400)
    expect(firstPath(deep)).toBe('body')
    expect((await payload.count({ collection: 'articles' })).totalDocs).toBe(before)
    const fine = await rest.post('articles?draft=true', { title: 'Nông', body: nested(5) }, { token: tokens.editor })
    expect(fine.status, JSON.stringify(fine.json).slice(0, 300)).toBe(201)
  })

  it('oversized bodies are a 413 before parsing: declared, undeclared (chunked) and multipart', async () => {
    const before = (await payload.count({ collection: 'articles' })).totalDocs
    const huge = { title: 'To', summary: 'x'.repeat(3 * 1024 * 1024) }
    const res = await rest.post('articles?draft=true', huge, { token: tokens.editor })
    expect(res.status).toBe(413)
    expect(firstPath(res)).toBe('body')
    expect(res.json.errors?.[0]?.message).toMatch(/MB/)

    const post = guardApiRequest(REST_POST(Promise.resolve(payload.config)))
    const send = (init: RequestInit) =>
      post(new Request('http://localhost/api/articles', { method: 'POST', ...init }), {
        params: Promise.resolve({ slug: ['articles'] }),
      })
    const declared = await send({
      headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(600 * 1024 * 1024) },
      body: '--x--',
    })
    expect(declared.status).toBe(413)
    const chunk = new Uint8Array(1024 * 1024).fill(0x61)
    let sent = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 5) controller.enqueue(chunk)
        else controller.close()
      },
    })
    const chunked = await send({
      headers: { 'Content-Type': 'application/json', Authorization: `JWT ${tokens.editor}` },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect(chunked.status).toBe(413)
    expect((await payload.count({ collection: 'articles' })).totalDocs).toBe(before)
  })

  it('a body that is not JSON is a 400', async () => {
    const post = guardApiRequest(REST_POST(Promise.resolve(payload.config)))
    const res = await post(
      new Request('http://localhost/api/articles', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `JWT ${tokens.editor}` },
        body: '{"title": "x",',
      }),
      { params: Promise.resolve({ slug: ['articles'] }) },
    )
    expect(res.status).toBe(400)
  })
})

describe('lockout', () => {
  it('after 5 wrong passwords the right one is refused too; other accounts are unaffected; an admin can unlock', async () => {
    const victim = await createUser(payload, { role: 'editor' })
    const email = victim.email as string
    for (let i = 0; i < 5; i++) {
      const res = await rest.post('users/login', { email, password: `wrong-${i}` })
      expect(res.status).toBe(401)
    }
    const locked = await rest.post('users/login', { email, password: 'test-Password-1' })
    expect(locked.status).toBe(401)
    expect(locked.json.errors?.[0]?.message).toMatch(/khóa|locked/i)
    expect(locked.json.token).toBeUndefined()
    const stored = (await payload.findByID({
      collection: 'users',
      id: victim.id,
      showHiddenFields: true,
    })) as unknown as {
      lockUntil?: string
    }
    // The production lock time (10 minutes) applies, not a shortened one.
    expect(new Date(stored.lockUntil!).getTime() - Date.now()).toBeGreaterThan(9 * 60 * 1000)
    // Someone else still signs in.
    expect(await rest.login(emails.multimedia, 'test-Password-1')).toBeTruthy()
    // Unlocking is an admin's act, not the user's.
    expect((await rest.post('users/unlock', { email }, { token: tokens.editor })).status).toBe(403)
    expect((await rest.post('users/unlock', { email }, { token: tokens.admin })).status).toBe(200)
    expect(await rest.login(email, 'test-Password-1')).toBeTruthy()
  })
})

describe('headers and cookies', () => {
  it('the app sends nosniff and frame-ancestors on every path', async () => {
    const nextConfig = (await import('../../next.config.mjs')).default as {
      headers: () => Promise<Array<{ source: string; headers: Array<{ key: string; value: string }> }>>
    }
    const rules = await nextConfig.headers()
    const all = rules.find((r) => r.source === '/:path*')?.headers ?? []
    expect(all).toContainEqual({ key: 'X-Content-Type-Options', value: 'nosniff' })
    expect(all.find((h) => h.key === 'Content-Security-Policy')?.value).toMatch(/frame-ancestors 'self'/)
  })

  it('auth cookies are Secure in production and SameSite=Lax', async () => {
    vi.resetModules()
    vi.stubEnv('NODE_ENV', 'production')
    try {
      const { Users } = await import('../../collections/Users')
      const auth = Users.auth as { cookies: { secure: boolean; sameSite: string } }
      expect(auth.cookies).toEqual({ secure: true, sameSite: 'Lax' })
    } finally {
      vi.unstubAllEnvs()
      vi.resetModules()
    }
  })
})
