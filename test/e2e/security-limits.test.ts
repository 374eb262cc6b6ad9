/**
 * Issue 20's black-box findings 3–6 and the account/origin/header items, reproduced over real HTTP
 * against the built app (`npm run test:e2e`, see run.ts): only a real socket goes through Next's
 * own body handling, and only the app's process shows what a request costs in memory.
 *
 * The app's process id comes from run.ts (E2E_APP_PID); its resident memory is read from
 * /proc/<pid>/status while the requests run. These tests must leave the demo data alone (the
 * journeys assert numbers on it, and file order is not fixed): they read, send refused requests,
 * preview a plan import (saves nothing) and create throw-away users of their own; they never
 * send a wrong password for a demo account.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import net from 'node:net'
import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/seed/planData'

const BASE = process.env.E2E_BASE_URL ?? ''
const APP_PID = Number(process.env.E2E_APP_PID)
const MiB = 1024 * 1024

const demoEmail = (role: string): string => {
  const user = DEMO_USERS.find((u) => u.role === role)
  if (!user) throw new Error(`no demo ${role} in the seed`)
  return user.email
}

/** Resident memory of the app's process, in bytes. */
function appRss(): number {
  const status = readFileSync(`/proc/${APP_PID}/status`, 'utf8')
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]
  if (!kb) throw new Error(`no VmRSS in /proc/${APP_PID}/status`)
  return Number(kb) * 1024
}

/** Runs `work` while sampling the app's memory; the peak growth over the baseline before it. */
async function measure<T>(work: () => Promise<T>): Promise<{ result: T; growth: number; ms: number }> {
  const baseline = appRss()
  let peak = baseline
  const timer = setInterval(() => {
    peak = Math.max(peak, appRss())
  }, 20)
  const started = performance.now()
  try {
    const result = await work()
    const ms = performance.now() - started
    // Memory that stays after the answer counts too (the finding: "never released").
    await new Promise((r) => setTimeout(r, 300))
    peak = Math.max(peak, appRss())
    return { result, growth: peak - baseline, ms }
  } finally {
    clearInterval(timer)
  }
}

async function login(email: string, password: string): Promise<{ token: string; cookie: string }> {
  const res = await fetch(`${BASE}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const body = (await res.json()) as { token?: string }
  if (res.status !== 200 || !body.token) throw new Error(`login ${email}: ${res.status}`)
  const cookie = (res.headers.getSetCookie().find((c) => c.startsWith('payload-token=')) ?? '').split(';')[0] ?? ''
  return { token: body.token, cookie }
}

interface Answer {
  status: number
  body: string
  /** Milliseconds from the first byte sent to the answer's headers. */
  ms: number
}

/**
 * A multipart upload of `bytes` zero bytes, generated while it is sent (the test never holds it):
 * with a declared Content-Length, or chunked. Written on a raw socket, because a server that
 * refuses early closes the connection while the body is still being sent: Node's HTTP client then
 * reports EPIPE and drops the answer it had already received. Stops sending once answered.
 */
function sendUpload(
  path: string,
  bytes: number,
  { chunked = false, token }: { chunked?: boolean; token?: string } = {},
): Promise<Answer> {
  const boundary = `----sec${randomBytes(8).toString('hex')}`
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"alt":"x"}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`,
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  const url = new URL(path, BASE)
  const lines = [
    `POST ${url.pathname}${url.search} HTTP/1.1`,
    `Host: ${url.host}`,
    `Content-Type: multipart/form-data; boundary=${boundary}`,
    chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${head.length + bytes + tail.length}`,
    ...(token ? [`Authorization: JWT ${token}`] : []),
  ]
  const frame = (b: Buffer) =>
    chunked ? Buffer.concat([Buffer.from(`${b.length.toString(16)}\r\n`), b, Buffer.from('\r\n')]) : b
  const chunk = frame(Buffer.alloc(MiB))
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const socket = net.connect(Number(url.port), url.hostname)
    const received: Buffer[] = []
    let ms = 0
    let done = false
    const finish = () => {
      if (done) return
      done = true
      const text = Buffer.concat(received).toString('utf8')
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0)
      if (!status) return reject(new Error(`no HTTP answer: ${text.slice(0, 200)}`))
      resolve({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4), ms })
    }
    socket.on('data', (d: Buffer) => {
      if (received.length === 0) {
        ms = performance.now() - started
        // The answer is small: whatever follows within a moment is all of it.
        setTimeout(() => {
          socket.destroy()
          finish()
        }, 300)
      }
      received.push(d)
    })
    socket.on('end', finish)
    socket.on('close', finish)
    // EPIPE / ECONNRESET while sending: the server stopped reading, its answer is in `received`.
    socket.on('error', () => finish())
    let sent = 0
    const pump = () => {
      while (!socket.destroyed && received.length === 0) {
        let piece: Buffer
        if (sent === 0) piece = Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`), frame(head)])
        else if (sent - 1 < bytes) piece = chunk
        else {
          socket.end(Buffer.concat([frame(tail), chunked ? Buffer.from('0\r\n\r\n') : Buffer.alloc(0)]))
          return
        }
        sent = sent === 0 ? 1 : sent + MiB
        if (!socket.write(piece)) {
          socket.once('drain', pump)
          return
        }
      }
    }
    socket.once('connect', pump)
  })
}

let admin: { token: string }
let unitId: number | string
const emails: string[] = []

/** A throw-away account of our own (never a demo account: those must not get locked). */
async function createUser(role: string): Promise<{ email: string; password: string; id: number | string }> {
  const email = `sec-${randomBytes(5).toString('hex')}@e2e.test`
  const password = `Sec-${randomBytes(6).toString('hex')}-9`
  const res = await fetch(`${BASE}/api/users`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${admin.token}` },
    body: JSON.stringify({ email, password, name: `E2E ${role}`, role, unit: unitId }),
  })
  const body = (await res.json()) as { doc?: { id: number | string } }
  if (res.status !== 201 || !body.doc) throw new Error(`create ${role}: ${res.status} ${JSON.stringify(body)}`)
  emails.push(email)
  return { email, password, id: body.doc.id }
}

beforeAll(async () => {
  expect(BASE, 'E2E_BASE_URL').not.toBe('')
  expect(Number.isInteger(APP_PID) && APP_PID > 0, 'E2E_APP_PID (set by test/e2e/run.ts)').toBe(true)
  admin = await login(demoEmail('admin'), DEMO_PASSWORD)
  const units = (await (
    await fetch(`${BASE}/api/units?limit=1&depth=0`, { headers: { Authorization: `JWT ${admin.token}` } })
  ).json()) as { docs: Array<{ id: number | string }> }
  const first = units.docs[0]
  if (!first) throw new Error('the demo seed has no unit')
  unitId = first.id
})

describe('finding 3: GraphQL query cost', () => {
  it('300 aliases of Articles(limit: 200) are refused with 400 in under a second; the server stays responsive', async () => {
    const query = `{ ${Array.from({ length: 300 }, (_, i) => `a${i}: Articles(limit: 200) { totalDocs }`).join(' ')} }`
    const started = performance.now()
    const res = await fetch(`${BASE}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(30_000),
    })
    const ms = performance.now() - started
    const text = await res.text()
    console.info(`[security] GraphQL 300 aliases: ${res.status} in ${ms.toFixed(0)} ms`)
    expect(res.status, text.slice(0, 300)).toBe(400)
    expect(ms).toBeLessThan(1000)
    const body = JSON.parse(text) as { errors?: Array<{ data?: { errors?: Array<{ path: string }> } }> }
    expect(body.errors?.[0]?.data?.errors?.[0]?.path).toBe('query')
    const health = await fetch(`${BASE}/api/articles?limit=1`, { signal: AbortSignal.timeout(5_000) })
    expect(health.status).toBe(200)
  })

  it('a cost that grows with limit: a few large lists are refused, the same lists with small limits pass', async () => {
    const q = (limit: number) =>
      `{ ${Array.from({ length: 10 }, (_, i) => `a${i}: Articles(limit: ${limit}) { docs { id title } }`).join(' ')} }`
    const big = await fetch(`${BASE}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: q(200) }),
      signal: AbortSignal.timeout(30_000),
    })
    expect(big.status).toBe(400)
    const small = await fetch(`${BASE}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: q(5) }),
    })
    expect(small.status, (await small.text()).slice(0, 300)).toBe(200)
  })
})

describe('finding 4: REST caps through the method override', () => {
  const override = (body: string, type = 'application/x-www-form-urlencoded') =>
    fetch(`${BASE}/api/articles`, {
      method: 'POST',
      headers: { 'Content-Type': type, 'X-Payload-HTTP-Method-Override': 'GET' },
      body,
      signal: AbortSignal.timeout(30_000),
    })

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
  ])('a form body with %s is refused with 400', async (_label, body, param) => {
    const res = await override(body)
    const json = (await res.json()) as { errors?: Array<{ data?: { errors?: Array<{ path: string }> } }> }
    expect(res.status, JSON.stringify(json).slice(0, 300)).toBe(400)
    expect(json.errors?.[0]?.data?.errors?.[0]?.path).toBe(param)
  })

  it('an ordinary override read (the admin’s relationship picker) still works', async () => {
    const res = await override('limit=10&depth=0&where[_status][equals]=published')
    expect(res.status).toBe(200)
  })
})

describe('finding 5: uploads are refused before they are read', () => {
  it('200 MB to /api/media as anonymous: 403 at once, memory flat (declared length and chunked)', async () => {
    for (const chunked of [false, true]) {
      const { result, growth } = await measure(() => sendUpload('/api/media', 200 * MiB, { chunked }))
      console.info(
        `[security] anonymous 200 MB ${chunked ? 'chunked' : 'declared'} → ${result.status} in ${result.ms.toFixed(0)} ms, RSS +${(growth / MiB).toFixed(0)} MB`,
      )
      expect(result.status, result.body.slice(0, 200)).toBe(403)
      expect(result.ms).toBeLessThan(1000)
      expect(growth).toBeLessThan(100 * MiB)
    }
  })

  it('four in parallel: memory flat', async () => {
    const { result, growth } = await measure(() =>
      Promise.all([0, 1, 2, 3].map((i) => sendUpload('/api/media', 200 * MiB, { chunked: i % 2 === 1 }))),
    )
    console.info(
      `[security] 4 × anonymous 200 MB → ${result.map((r) => r.status).join(',')}, RSS +${(growth / MiB).toFixed(0)} MB`,
    )
    expect(result.map((r) => r.status)).toEqual([403, 403, 403, 403])
    expect(growth).toBeLessThan(100 * MiB)
  })

  it('the same body to /api/users (no uploads, anonymous) is a 403 before it is read', async () => {
    const { result, growth } = await measure(() => sendUpload('/api/users', 200 * MiB))
    expect(result.status).toBe(403)
    expect(result.ms).toBeLessThan(1000)
    expect(growth).toBeLessThan(100 * MiB)
  })

  it('a signed-in uploader over the collection’s own limit (images: 20 MB) is a 413 while streaming, memory flat', async () => {
    const user = await createUser('multimedia')
    const { token } = await login(user.email, user.password)
    for (const chunked of [false, true]) {
      const { result, growth } = await measure(() => sendUpload('/api/media', 150 * MiB, { chunked, token }))
      console.info(
        `[security] multimedia 150 MB ${chunked ? 'chunked' : 'declared'} → ${result.status} in ${result.ms.toFixed(0)} ms, RSS +${(growth / MiB).toFixed(0)} MB`,
      )
      expect(result.status, result.body.slice(0, 200)).toBe(413)
      expect(result.body).toMatch(/MB/)
      expect(growth).toBeLessThan(100 * MiB)
    }
  })
})

describe('finding 6: zip bomb in plan import', () => {
  it('an 80 KB .docx expanding to 20 MB of XML is refused with 413 naming the limit, before conversion', async () => {
    const manager = await login(demoEmail('manager'), DEMO_PASSWORD)
    const para = '<w:p><w:r><w:t>Nhiệm vụ truyền thông</w:t></w:r></w:p>'
    const xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
      para.repeat(Math.ceil((20 * MiB) / para.length)) +
      '</w:body></w:document>'
    const zip = new JSZip()
    zip.file(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    )
    zip.file(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    )
    zip.file('word/document.xml', xml)
    const docx = await zip.generateAsync({
      type: 'nodebuffer',
      compression: 'DEFLATE',
      compressionOptions: { level: 9 },
    })
    expect(docx.length).toBeLessThan(200 * 1024)
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(docx)]), 'bom.docx')
    const { result, growth, ms } = await measure(async () => {
      const res = await fetch(`${BASE}/api/plan-import/preview`, {
        method: 'POST',
        headers: { Authorization: `JWT ${manager.token}` },
        body: form,
        signal: AbortSignal.timeout(60_000),
      })
      return { status: res.status, text: await res.text() }
    })
    console.info(
      `[security] zip bomb ${(docx.length / 1024).toFixed(0)} KB → ${result.status} in ${ms.toFixed(0)} ms, RSS +${(growth / MiB).toFixed(0)} MB`,
    )
    expect(result.status, result.text.slice(0, 300)).toBe(413)
    expect(result.text).toMatch(/MB/)
    expect(ms).toBeLessThan(1000)
    expect(growth).toBeLessThan(100 * MiB)
  })
})

describe('accounts, origin and headers', () => {
  const attempt = async (email: string, password: string) => {
    const started = performance.now()
    const res = await fetch(`${BASE}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
    const body = await res.text()
    return { ms: performance.now() - started, status: res.status, message: body }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0

  it('a wrong password for an existing account and an unknown e-mail take about the same time', async () => {
    const user = await createUser('editor')
    const known: number[] = []
    const unknown: number[] = []
    // Four wrong passwords: one short of the lockout.
    for (let i = 0; i < 4; i++) {
      known.push((await attempt(user.email, `wrong-${i}`)).ms)
      unknown.push((await attempt(`nobody-${randomBytes(4).toString('hex')}@e2e.test`, `wrong-${i}`)).ms)
    }
    console.info(
      `[security] login median: existing ${median(known).toFixed(0)} ms, unknown ${median(unknown).toFixed(0)} ms`,
    )
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.6)
    expect(median(unknown)).toBeLessThan(median(known) / 0.6)
  })

  it('a locked account answers exactly like an unknown e-mail', async () => {
    const user = await createUser('editor')
    for (let i = 0; i < 5; i++) await attempt(user.email, `wrong-${i}`)
    const locked = await attempt(user.email, user.password)
    const unknown = await attempt(`nobody-${randomBytes(4).toString('hex')}@e2e.test`, user.password)
    expect(locked.status).toBe(401)
    expect(locked.status).toBe(unknown.status)
    expect(locked.message).toBe(unknown.message)
  })

  it('a cookie-authenticated PATCH from another origin is refused without SERVER_URL; the same origin works', async () => {
    const user = await createUser('editor')
    const { cookie } = await login(user.email, user.password)
    expect(cookie).toMatch(/^payload-token=/)
    const patch = (origin: string, name: string) =>
      fetch(`${BASE}/api/users/${user.id}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: origin },
        body: JSON.stringify({ name }),
      })
    const evil = await patch('https://evil.example', 'Evil')
    expect(evil.status).toBeGreaterThanOrEqual(400)
    const same = await patch(new URL(BASE).origin, 'Same origin')
    expect(same.status, (await same.text()).slice(0, 200)).toBe(200)
    const me = (await (
      await fetch(`${BASE}/api/users/${user.id}?depth=0`, { headers: { Authorization: `JWT ${admin.token}` } })
    ).json()) as { name: string }
    expect(me.name).toBe('Same origin')
  })

  it('no X-Powered-By header', async () => {
    for (const path of ['/api/articles?limit=1', '/admin/login']) {
      const res = await fetch(`${BASE}${path}`, { redirect: 'manual' })
      expect(res.headers.get('x-powered-by'), path).toBeNull()
    }
  })
})
