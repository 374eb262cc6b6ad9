/**
 * `npm run test:scale`: three instances of the built app (src/cli/start.ts, as `npm start` runs
 * it: separate processes, different ports) on ONE Postgres and ONE S3-compatible bucket (s3rver
 * from npm), under concurrent traffic spread round-robin over them, one of them SIGKILLed in the
 * middle. Run by .ci/run after the build; exit code 0 when every check passes.
 *
 * Checks: every committed write (a 2xx before or after the kill) is there afterwards with the
 * state it was last given; the tallies hold I1–I3 (independent SQL) and `npm run quota:reconcile
 * -- --dry-run` finds no drift; every uploaded file and every image size is in the bucket and is
 * served, with our upload headers, by each instance (the killed one restarted); the report slot
 * due now ran exactly once across the instances; /api/health answers 200 with storage "s3"; a
 * SIGTERM lets an upload in flight finish and the instance exits 0.
 *
 *   SCALE_PORT (default 3930: the instances use 3930–3932), SCALE_OPS (default 60)
 */
import type { ChildProcess } from 'node:child_process'
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { ListObjectsV2Command, S3Client, CreateBucketCommand } from '@aws-sdk/client-s3'
import S3rver from 's3rver'
import sharp from 'sharp'
import { build } from '../../src/cli/build'
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/db/embeddedPostgres'
import { calendarDay } from '../../src/domain/calendar'
import { UPLOAD_RESPONSE_HEADERS } from '../../src/security/hardeningPlugin'
import { invariantViolations as violations, poolFor, snapshot } from '../int/helpers/groundTruth'
import { ROOT, runCli, startApp, waitForExit, waitForReady } from '../helpers/appServer'

const basePort = Number(process.env.SCALE_PORT ?? 3930)
const totalOps = Number(process.env.SCALE_OPS ?? 60)
const work = path.join(ROOT, '.data', 'scale')
const BUCKET = 'comms-scale'
const PASSWORD = 'demo-Password-2025'
const TZ = 'Asia/Ho_Chi_Minh'
const log = (msg: string) => process.stderr.write(`[scale] ${msg}\n`)

const results: Array<{ name: string; ok: boolean }> = []
function check(name: string, ok: boolean, detail?: string): void {
  results.push({ name, ok })
  process.stdout.write(`${ok ? '✓' : '✗'} ${name}${detail && !ok ? ` — ${detail}` : detail ? ` (${detail})` : ''}\n`)
}

type Doc = Record<string, unknown> & { id: number }
interface Instance {
  n: number
  port: number
  base: string
  child: ChildProcess
  alive: boolean
}

let db: EmbeddedPostgres | undefined
let s3server: S3rver | undefined
const instances: Instance[] = []
let sharedEnv: Record<string, string> = {}

function startInstance(n: number): Instance {
  const port = basePort + n - 1
  const out = openSync(path.join(work, `instance-${n}.log`), 'a')
  const child = startApp({
    port,
    // Each instance its own DATA_DIR: nothing on one instance's disk can help another.
    dataDir: path.join(work, `instance-${n}`),
    env: sharedEnv,
    output: out,
  })
  closeSync(out)
  const inst: Instance = { n, port, base: `http://127.0.0.1:${port}`, child, alive: true }
  child.once('exit', () => {
    inst.alive = false
  })
  return inst
}

async function api(
  inst: Instance,
  method: string,
  urlPath: string,
  token: string | undefined,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = {}
  if (token) headers.Authorization = `JWT ${token}`
  let payload: BodyInit | undefined
  if (body instanceof FormData) payload = body
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
    payload = JSON.stringify(body)
  }
  const res = await fetch(`${inst.base}${urlPath}`, { method, headers, body: payload })
  const text = await res.text()
  let json: Record<string, unknown> = {}
  try {
    json = JSON.parse(text) as Record<string, unknown>
  } catch {
    json = { text: text.slice(0, 300) }
  }
  return { status: res.status, json }
}

async function login(inst: Instance, email: string): Promise<string> {
  const { status, json } = await api(inst, 'POST', '/api/users/login', undefined, { email, password: PASSWORD })
  if (status !== 200 || typeof json.token !== 'string') throw new Error(`login ${email} on ${inst.n}: ${status}`)
  return json.token
}

/** A distinct real PNG, big enough for every image size (so each has a derivative to check). */
async function png(seed: number): Promise<Buffer> {
  return sharp({
    create: {
      width: 1400,
      height: 900,
      channels: 3,
      background: { r: (seed * 37) % 256, g: (seed * 91) % 256, b: (seed * 53) % 256 },
    },
  })
    .png()
    .toBuffer()
}

function vnDay(d: Date): string {
  return calendarDay(d, TZ)
}

/** The report day whose 08:00 (plan time) has passed within the last day: its slot is due now. */
function dueReportDay(now: Date): string {
  return vnDay(new Date(now.getTime() - 8 * 3_600_000 - 60_000))
}

async function pool<T>(items: T[], width: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++
        await fn(items[i] as T, i)
      }
    }),
  )
}

interface Tracked {
  collection: 'articles' | 'infographics' | 'media'
  id?: number
  /** The state the last committed (2xx) write gave it. */
  status?: 'published' | 'draft'
  /** A write whose answer never came (the instance died under it): its outcome is unknown. */
  uncertain: boolean
  upload?: boolean
}

async function main(): Promise<number> {
  const started = Date.now()
  build(ROOT, true)
  rmSync(work, { recursive: true, force: true })
  mkdirSync(work, { recursive: true })

  db = await startEmbeddedPostgres({ dataDir: path.join(work, 'pg'), ephemeral: true })
  s3server = new S3rver({ address: '127.0.0.1', port: 0, directory: path.join(work, 's3'), silent: true })
  const s3info = await s3server.run()
  const endpoint = `http://127.0.0.1:${s3info.port}`
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }
  const s3 = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }))
  sharedEnv = {
    DATABASE_URI: db.uri,
    PAYLOAD_SECRET: 'scale-test-secret-0123456789abcdef0123456789abcdef',
    S3_BUCKET: BUCKET,
    S3_REGION: 'us-east-1',
    S3_ENDPOINT: endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    S3_ACCESS_KEY_ID: credentials.accessKeyId,
    S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    DATABASE_POOL_MAX: '8',
    SCHEDULER: 'on',
    // Every instance looks for due work every second, so they race for each slot all the time.
    SCHEDULER_CRON: '* * * * * *',
    SHUTDOWN_GRACE_MS: '20000',
    SEED_ON_FIRST_START: '0',
    // The public address behind the load balancer: links in feeds and e-mails name it, not the
    // instance that happened to answer (without it each instance's feed differs by its own port).
    SERVER_URL: `http://127.0.0.1:${basePort}`,
  }
  log(`Postgres ${db.uri.replace(/\/\/[^@]*@/, '//')}, s3rver ${endpoint}`)

  // The deployment's migration step, then the demo accounts and reference plan, once.
  const env = { ...process.env, ...sharedEnv, NEXT_TELEMETRY_DISABLED: '1' }
  const migrate = await runCli(['src/cli/migrate.ts'], env)
  check(
    'npm run migrate applies the migrations once',
    migrate.status === 0,
    String(migrate.stdout).trim().split('\n').pop(),
  )
  const seed = await runCli(['src/cli/seed.ts', '--demo'], env)
  if (seed.status !== 0) throw new Error(`seed failed: ${String(seed.stderr).slice(-2000)}`)

  for (const n of [1, 2, 3]) instances.push(startInstance(n))
  const ready = await Promise.all(instances.map((i) => waitForReady(i.base, 120_000, i.child)))
  check('3 instances start on one database and one bucket', ready.every(Boolean), `ready: ${ready.join(',')}`)
  if (!ready.every(Boolean)) return 1
  log(`instances ready after ${Math.round((Date.now() - started) / 1000)} s`)

  for (const inst of instances) {
    const h = await api(inst, 'GET', '/api/health', undefined)
    check(
      `GET /api/health on instance ${inst.n}: 200, storage s3`,
      h.status === 200 && String(h.json.storage).includes('s3') && h.json.migrations !== undefined,
      JSON.stringify(h.json),
    )
  }

  // Sessions are not per instance: a token from one instance works on the others.
  const [i1, i2, i3] = instances as [Instance, Instance, Instance]
  const admin = await login(i1, 'admin@demo.gov.vn')
  const editor = await login(i2, 'editor@demo.gov.vn')
  const multimedia = await login(i3, 'multimedia@demo.gov.vn')
  const me = await api(i1, 'GET', '/api/users/me', multimedia)
  check(
    'a token issued by one instance is accepted by another',
    (me.json.user as Doc | undefined)?.role === 'multimedia',
  )

  const tasks = ((await api(i1, 'GET', '/api/tasks?limit=3&depth=0&sort=id', admin)).json.docs ?? []) as Doc[]
  const channels = ((await api(i2, 'GET', '/api/channels?limit=3&depth=0&sort=id', admin)).json.docs ?? []) as Doc[]
  if (tasks.length < 2 || channels.length < 2) throw new Error('the seed has no tasks or channels')

  // A plan with a report due now: every instance's next tick sees its slot; one must run it.
  const now = new Date()
  const reportDay = dueReportDay(now)
  const [, month, day] = reportDay.split('-').map(Number) as [number, number, number]
  const planRes = await api(i1, 'POST', '/api/plans?depth=0', admin, {
    code: `SCALE-${Date.now()}`,
    title: 'Kế hoạch kiểm thử mở rộng',
    status: 'active',
    period: {
      from: vnDay(new Date(now.getTime() - 40 * 86_400_000)),
      to: vnDay(new Date(now.getTime() + 40 * 86_400_000)),
    },
    // The report day comes after the task below: a plan without targets reports nothing, and an
    // instance's tick between the two saves would rightly skip the slot for good.
    reporting: { monthlyDay: null, fixedDates: [] },
    // Entered before its report day (before 08:00 in Vietnam that day is yesterday): a day before
    // a plan was entered is never reported.
    createdAt: new Date(now.getTime() - 40 * 86_400_000).toISOString(),
  })
  const reportPlan = planRes.json.doc as Doc | undefined
  const taskRes = await api(i1, 'POST', '/api/tasks?depth=0', admin, {
    plan: reportPlan?.id,
    code: '1',
    title: 'Nhiệm vụ kiểm thử',
    timeframe: { kind: 'deadline', deadline: vnDay(new Date(now.getTime() + 30 * 86_400_000)) },
    targets: [
      { kind: 'content', quantity: 5, contentTypes: ['articles'], channels: [(channels[0] as Doc).id], mode: 'pooled' },
    ],
  })
  check('the plan has a task with a target', taskRes.status === 201, JSON.stringify(taskRes.json).slice(0, 300))
  const dueRes = await api(i1, 'PATCH', `/api/plans/${reportPlan?.id}?depth=0`, admin, {
    reporting: { monthlyDay: null, fixedDates: [{ day, month, label: 'Báo cáo kiểm thử' }] },
  })
  check('the admin sets a report day that is due now', dueRes.status === 200, JSON.stringify(dueRes.json).slice(0, 300))
  check(
    'the admin creates a plan whose report is due now',
    planRes.status === 201,
    JSON.stringify(planRes.json).slice(0, 300),
  )
  const reportSlot = `quota-report:plan-${reportPlan?.id}:${reportDay}`

  // Traffic: creates (published), uploads, unpublishes and republishes, round-robin.
  const tracked: Tracked[] = []
  let rr = 0
  const pick = (): Instance => {
    for (let k = 0; k < instances.length; k++) {
      const inst = instances[rr++ % instances.length] as Instance
      if (inst.alive) return inst
    }
    throw new Error('no instance alive')
  }
  const publication = (k: number) => [
    { channel: (channels[k % channels.length] as Doc).id, publishedAt: `${vnDay(now)}T03:00:00.000Z` },
  ]
  let committed = 0
  let refused = 0
  let lost = 0
  let killedAt = -1
  const ops: Array<() => Promise<void>> = []
  const send = async (
    t: Tracked,
    run: (inst: Instance) => Promise<{ status: number; json: Record<string, unknown> }>,
    after: (json: Record<string, unknown>) => void,
  ) => {
    const inst = pick()
    try {
      const r = await run(inst)
      if (r.status >= 200 && r.status < 300) {
        committed += 1
        after(r.json)
      } else {
        refused += 1
        log(`instance ${inst.n} answered ${r.status}: ${JSON.stringify(r.json).slice(0, 300)}`)
      }
    } catch {
      // No answer: the instance died with the request in flight. It may or may not have committed.
      lost += 1
      t.uncertain = true
    }
  }
  for (let k = 0; k < totalOps; k++) {
    const kind = k % 3
    if (kind === 0) {
      const t: Tracked = { collection: 'articles', uncertain: false }
      tracked.push(t)
      ops.push(async () => {
        await send(
          t,
          (inst) =>
            api(inst, 'POST', '/api/articles?depth=0', editor, {
              title: `Bài ${k}`,
              _status: 'published',
              tasks: [(tasks[k % 2] as Doc).id],
              publications: publication(k),
            }),
          (json) => {
            t.id = (json.doc as Doc).id
            t.status = 'published'
          },
        )
        // Every other article is unpublished again, then every fourth republished, each on the next instance.
        if (t.id !== undefined && !t.uncertain && k % 2 === 0) {
          await send(
            t,
            (inst) => api(inst, 'PATCH', `/api/articles/${t.id}?depth=0`, editor, { _status: 'draft' }),
            () => {
              t.status = 'draft'
            },
          )
          if (!t.uncertain && t.status === 'draft' && k % 4 === 0)
            await send(
              t,
              (inst) => api(inst, 'PATCH', `/api/articles/${t.id}?depth=0`, editor, { _status: 'published' }),
              () => {
                t.status = 'published'
              },
            )
        }
      })
    } else {
      const collection = kind === 1 ? 'infographics' : 'media'
      const t: Tracked = { collection, uncertain: false, upload: true }
      tracked.push(t)
      ops.push(async () => {
        const image = await png(k)
        await send(
          t,
          (inst) => {
            const form = new FormData()
            form.append('file', new Blob([new Uint8Array(image)], { type: 'image/png' }), `Ảnh ${k}.png`)
            form.append(
              '_payload',
              JSON.stringify(
                collection === 'infographics'
                  ? {
                      title: `Infographic ${k}`,
                      alt: `alt ${k}`,
                      _status: 'published',
                      tasks: [(tasks[k % 2] as Doc).id],
                      publications: publication(k),
                    }
                  : { alt: `Ảnh ${k}` },
              ),
            )
            return api(inst, 'POST', `/api/${collection}?depth=0`, multimedia, form)
          },
          (json) => {
            t.id = (json.doc as Doc).id
            t.status = collection === 'infographics' ? 'published' : undefined
          },
        )
      })
    }
  }
  const trafficStart = Date.now()
  let done = 0
  await pool(ops, 6, async (op) => {
    await op()
    done += 1
    // Mid-traffic, instance 3 dies hard: no shutdown, requests in flight on it get no answer.
    if (killedAt < 0 && done >= Math.floor(totalOps * 0.4)) {
      killedAt = done
      i3.child.kill('SIGKILL')
      i3.alive = false
      log(`SIGKILLed instance 3 after ${done} operations`)
    }
  })
  const trafficMs = Date.now() - trafficStart
  log(
    `traffic: ${totalOps} operations in ${trafficMs} ms; ${committed} committed, ${refused} refused, ${lost} without answer`,
  )
  check('the traffic ran with no refused request', refused === 0, `${refused} refused`)
  check('instance 3 was killed mid-traffic', killedAt > 0 && killedAt < totalOps, `after ${killedAt} of ${totalOps}`)

  // The killed instance comes back (a load balancer's replacement).
  await waitForExit(i3.child, 10_000)
  const i3b = startInstance(3)
  instances[2] = i3b
  check('the killed instance restarts on the same database', await waitForReady(i3b.base, 120_000, i3b.child))

  // Every committed write is there, as last committed.
  let missing = 0
  let wrongState = 0
  for (const t of tracked) {
    if (t.id === undefined) continue
    const r = await api(i1, 'GET', `/api/${t.collection}/${t.id}?depth=0`, admin)
    if (r.status !== 200) {
      missing += 1
      continue
    }
    if (!t.uncertain && t.status && r.json._status !== t.status) wrongState += 1
  }
  const created = tracked.filter((t) => t.id !== undefined)
  check(`every committed create is there (${created.length} items)`, missing === 0, `${missing} missing`)
  check('every committed publish/unpublish left the state it answered', wrongState === 0, `${wrongState} differ`)

  // Feeds have no per-instance cache: every instance gives the same feed and ETag.
  const feeds = await Promise.all(
    instances.map(async (inst) => {
      const res = await fetch(`${inst.base}/feeds/rss.xml?limit=100`)
      return { status: res.status, etag: res.headers.get('etag'), body: await res.text() }
    }),
  )
  const f0 = feeds[0]
  check(
    'the RSS feed and its ETag are the same from every instance',
    feeds.every((f) => f.status === 200 && f.etag !== null && f.etag === f0?.etag && f.body === f0.body),
    feeds.map((f) => `${f.status} ${f.etag}`).join(', '),
  )
  const conditional = await fetch(`${i2.base}/feeds/rss.xml?limit=100`, {
    headers: { 'If-None-Match': f0?.etag ?? '' },
  })
  check(
    'a conditional GET with one instance’s ETag gets 304 from another',
    conditional.status === 304,
    `status ${conditional.status}`,
  )

  // Tallies: independent SQL (I1–I3) and the engine's own reconcile, which must find nothing to repair.
  const pg = poolFor(db.uri)
  try {
    const problems = violations(await snapshot(pg))
    check('I1–I3 hold after the traffic and the kill', problems.length === 0, problems.slice(0, 5).join('; '))
    const recon = await runCli(['src/cli/reconcile.ts', '--dry-run'], env)
    const summary =
      String(recon.stdout)
        .split('\n')
        .find((l) => l.startsWith('[reconcile]')) ?? String(recon.stderr).slice(-500)
    check('npm run quota:reconcile -- --dry-run finds no drift', recon.status === 0, summary)

    // The report slot: claimed by exactly one instance, run once, one report stored.
    const until = Date.now() + 30_000
    let slotRow: Record<string, unknown> | undefined
    while (Date.now() < until) {
      slotRow = (await pg.query('select status, attempts, instance from job_slots where slot = $1', [reportSlot]))
        .rows[0]
      if (slotRow?.status === 'done') break
      await new Promise((r) => setTimeout(r, 500))
    }
    const reports = (await pg.query('select id, filename, prefix from quota_reports where slot = $1', [reportSlot]))
      .rows
    check(
      `the due report slot ran exactly once across the instances (${reportSlot})`,
      slotRow?.status === 'done' && Number(slotRow.attempts) === 1 && reports.length === 1,
      `slot ${JSON.stringify(slotRow)}, ${reports.length} report(s)`,
    )
    const running = (await pg.query(`select slot from job_slots where status = 'running' and lease_expires_at > now()`))
      .rows
    log(
      `slots still running: ${running.length}; slots done: ${(await pg.query(`select count(*)::int n from job_slots where status = 'done'`)).rows[0]?.n}`,
    )

    // Files: every original and every image size in the bucket, and served by every instance.
    const keys = new Set<string>()
    let token: string | undefined
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, ContinuationToken: token }))
      for (const o of page.Contents ?? []) if (o.Key) keys.add(o.Key)
      token = page.NextContinuationToken
    } while (token)
    const expected: Array<{ collection: string; key: string; filename: string; mime: string }> = []
    for (const t of created.filter((x) => x.upload)) {
      const r = await api(i1, 'GET', `/api/${t.collection}/${t.id}?depth=0`, admin)
      const doc = r.json as {
        filename?: string
        prefix?: string
        mimeType?: string
        _objectKey?: string
        sizes?: Record<string, { filename?: string | null; mimeType?: string | null }>
      }
      const folder = [doc.prefix, doc._objectKey].filter(Boolean).join('/')
      if (doc.filename)
        expected.push({
          collection: t.collection,
          key: `${folder}/${doc.filename}`,
          filename: doc.filename,
          mime: doc.mimeType ?? '',
        })
      for (const size of Object.values(doc.sizes ?? {}))
        if (size.filename)
          expected.push({
            collection: t.collection,
            key: `${folder}/${size.filename}`,
            filename: size.filename,
            mime: size.mimeType ?? '',
          })
    }
    for (const r of reports) {
      const folder = [r.prefix].filter(Boolean).join('/')
      if (r.filename)
        expected.push({
          collection: 'quota-reports',
          key: `${folder}/${r.filename}`,
          filename: String(r.filename),
          mime: '',
        })
    }
    const absent = expected.filter((e) => !keys.has(e.key))
    const uploads = created.filter((x) => x.upload).length
    check(
      `every uploaded file and image size is in the bucket (${uploads} uploads, ${expected.length} objects, ${keys.size} keys listed)`,
      absent.length === 0 && expected.length > uploads,
      absent
        .slice(0, 3)
        .map((e) => e.key)
        .join(', '),
    )
    let served = 0
    const badServe: string[] = []
    for (const inst of instances) {
      for (const e of expected) {
        const res = await fetch(`${inst.base}/api/${e.collection}/file/${encodeURIComponent(e.filename)}`, {
          headers: { Authorization: `JWT ${admin}` },
        })
        const bytes = Buffer.from(await res.arrayBuffer())
        // next.config.mjs adds its site-wide nosniff and frame-ancestors CSP too, so a header may
        // carry both values (fetch joins them with ", "); browsers enforce every CSP they get.
        const headersOk = Object.entries(UPLOAD_RESPONSE_HEADERS).every(([h, v]) => res.headers.get(h)?.includes(v))
        const typeOk = !e.mime || res.headers.get('content-type') === e.mime
        const bytesOk = e.mime.startsWith('image/')
          ? (await sharp(bytes).metadata()).width !== undefined
          : bytes.length > 0
        if (res.status === 200 && headersOk && typeOk && bytesOk) served += 1
        else
          badServe.push(
            `${inst.n}:${e.key} ${res.status}${headersOk ? '' : ` headers ${JSON.stringify(Object.fromEntries(res.headers))}`}${typeOk ? '' : ' type'}`,
          )
      }
    }
    check(
      `each instance serves every file through Payload with nosniff + sandbox CSP (${served} responses)`,
      badServe.length === 0 && served === expected.length * instances.length,
      badServe.slice(0, 3).join('; '),
    )
    const anon = await fetch(
      `${i2.base}/api/quota-reports/file/${encodeURIComponent(String(reports[0]?.filename ?? 'x'))}`,
    )
    await anon.arrayBuffer()
    check(
      'access control still applies to files from the bucket (anonymous report download refused)',
      anon.status === 403 || anon.status === 401,
      `status ${anon.status}`,
    )
  } finally {
    await pg.end()
  }

  // Graceful shutdown: SIGTERM with an upload in flight; it finishes, the instance exits 0.
  const inFlight = (async () => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await png(9999))], { type: 'image/png' }), 'in-flight.png')
    form.append('_payload', JSON.stringify({ alt: 'in flight' }))
    return api(i2, 'POST', '/api/media?depth=0', multimedia, form)
  })()
  await new Promise((r) => setTimeout(r, 150))
  i2.child.kill('SIGTERM')
  const [flight, exit] = await Promise.all([
    inFlight.catch((err: Error) => ({ status: 0, json: { err: err.message } as Record<string, unknown> })),
    waitForExit(i2.child, 40_000),
  ])
  const inFlightId = (flight.json.doc as Doc | undefined)?.id
  const after = inFlightId ? await api(i1, 'GET', `/api/media/${inFlightId}?depth=0`, admin) : { status: 0 }
  check(
    'SIGTERM: the upload in flight completes and is stored, and the instance exits 0',
    flight.status === 201 && after.status === 200 && exit === 0,
    `upload ${flight.status}, read back ${after.status}, exit ${exit}`,
  )

  log(`total ${Math.round((Date.now() - started) / 1000)} s`)
  return results.every((r) => r.ok) ? 0 : 1
}

async function shutdown(): Promise<void> {
  for (const inst of instances) {
    if (inst.alive) inst.child.kill('SIGTERM')
  }
  await Promise.all(instances.map((i) => (i.alive ? waitForExit(i.child, 30_000) : Promise.resolve(null))))
  for (const inst of instances) if (inst.alive) inst.child.kill('SIGKILL')
  await s3server?.close().catch(() => undefined)
  await db?.stop()
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n')
  } catch {
    return ''
  }
}

main()
  .catch((err: unknown) => {
    log((err as Error).stack ?? String(err))
    for (const n of [1, 2, 3]) log(`instance ${n} log tail:\n${tail(path.join(work, `instance-${n}.log`))}`)
    return 1
  })
  .then(async (code) => {
    await shutdown()
    const failed = results.filter((r) => !r.ok).length
    process.stdout.write(`\n${results.length - failed}/${results.length} checks passed\n`)
    process.exit(failed > 0 ? 1 : code)
  })
