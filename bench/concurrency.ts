/**
 * Concurrency: 64 concurrent writers spread over 3 OS processes (each its own Payload on one
 * database, as three app instances would be) run the same seeded sequence of mixed operations
 * with the counting engine on and with it off, each on a fresh copy of the same dataset. Both
 * variants' processes stay up side by side; the sequence is cut into blocks and every block runs
 * on one variant, then on the other, so a noisy machine's slow minutes fall on both. Reported: throughput (ops/s) of each, their ratio, and the drift the engine's own dry-run
 * reconciliation (and an independent SQL recount) finds after the counting-on run, which must be 0.
 * Goal (benchmark issue): counting on keeps ≥ 80 % of the no-counting throughput.
 *
 *   npm run bench:concurrency                 # 5,000 operations in 10 blocks
 *   npm run bench:concurrency -- --quick      # 1,000 operations in 4 blocks
 *   npm run bench:concurrency -- --ops 3000 --writers 64 --processes 3 --blocks 6 --seed 7
 *
 * The same file is the worker (`--worker`), started by the parent; it is not meant to be run
 * by hand. Writes bench/results/concurrency[-quick].json and its section of RESULTS.md.
 */
import { writeFile, mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { getPayload, type Payload } from 'payload'
import { createAppConfig } from '../src/appConfig'
import { migrations } from '../src/migrations'
import { reconcile } from '../src/plugin/counting/engine/reconcile'
import { rng } from '../test/helpers/rng'
import { invariantViolations, snapshot } from '../test/int/helpers/groundTruth'
import { startWorker, type WorkerRun } from '../test/int/helpers/workerProcess'
import { freshDatabase, machineInfo, stats, updateResultsSection, writeJson, type Stats } from './lib'

type MigrationList = NonNullable<Parameters<Payload['db']['migrate']>[0]>['migrations']
type Variant = 'on' | 'off'

/** One operation of the mix; ids refer to the dataset, which is identical for every run. */
export type Op =
  | { kind: 'create'; n: number; tasks: number[]; pubs: Array<[channel: number, day: string]> }
  | { kind: 'publications'; id: number; pubs: Array<[channel: number, day: string]> }
  | { kind: 'status'; id: number; status: 'published' | 'draft' }
  | { kind: 'retag'; id: number; tasks: number[] }
  | { kind: 'trash' | 'restore'; id: number }

interface Dataset {
  channels: number[]
  tasks: number[]
  /** Items any writer may edit, publish, unpublish or retag. */
  items: number[]
  /** Items only trashed and restored (an edit of a trashed item would be a 404, not a write). */
  trashable: number[]
}

interface WorkerResult {
  worker: string
  ops: number
  failed: number
  errors: string[]
  latencies: Record<Op['kind'], number[]>
  startedAt: number
  endedAt: number
}

const WORKER_SCRIPT = 'bench/concurrency.ts'
const at = (day: string) => `${day}T05:00:00.000Z`

function options() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      ops: { type: 'string' },
      writers: { type: 'string', default: '64' },
      processes: { type: 'string', default: '3' },
      blocks: { type: 'string' },
      items: { type: 'string' },
      seed: { type: 'string', default: '20250830' },
    },
  })
  const num = (name: string, v: string | undefined, fallback: number, min: number) => {
    const n = v === undefined ? fallback : Number(v)
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}`)
    return n
  }
  const quick = values.quick === true
  const processes = num('processes', values.processes, 3, 1)
  const writers = num('writers', values.writers, 64, processes)
  return {
    quick,
    ops: num('ops', values.ops, quick ? 1000 : 5000, writers),
    writers,
    processes,
    blocks: num('blocks', values.blocks, quick ? 4 : 10, 1),
    items: num('items', values.items, quick ? 1000 : 5000, 100),
    seed: num('seed', values.seed, 20250830, 0),
  }
}

// --- the operation mix -------------------------------------------------------------------------

/** Weights of the mix, in percent (create+publish, edit publications, (un)publish, retag, trash/restore). */
const MIX: Array<[Op['kind'] | 'statusPair' | 'trashPair', number]> = [
  ['create', 25],
  ['publications', 25],
  ['statusPair', 20],
  ['retag', 20],
  ['trashPair', 10],
]

export function opSequence(d: Dataset, count: number, seed: number): Op[] {
  const random = rng(seed)
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T
  const some = <T>(list: T[], n: number): T[] => {
    const out = new Set<T>()
    while (out.size < Math.min(n, list.length)) out.add(pick(list))
    return [...out]
  }
  const day = () => {
    const d0 = new Date(Date.UTC(2025, 0, 1) + Math.floor(random() * 360) * 86_400_000)
    return d0.toISOString().slice(0, 10)
  }
  const pubs = () => some(d.channels, 1 + Math.floor(random() * 3)).map((c) => [c, day()] as [number, string])
  const total = MIX.reduce((s, [, w]) => s + w, 0)
  const ops: Op[] = []
  for (let i = 0; i < count; i++) {
    let r = random() * total
    const kind = MIX.find(([, w]) => (r -= w) < 0)?.[0] ?? 'create'
    if (kind === 'create') ops.push({ kind, n: i, tasks: some(d.tasks, 1 + Math.floor(random() * 2)), pubs: pubs() })
    else if (kind === 'publications') ops.push({ kind, id: pick(d.items), pubs: pubs() })
    else if (kind === 'statusPair')
      ops.push({ kind: 'status', id: pick(d.items), status: random() < 0.5 ? 'draft' : 'published' })
    else if (kind === 'retag') ops.push({ kind, id: pick(d.items), tasks: some(d.tasks, 1 + Math.floor(random() * 2)) })
    else ops.push({ kind: random() < 0.5 ? 'trash' : 'restore', id: pick(d.trashable) })
  }
  return ops
}

function runOp(payload: Payload, op: Op): Promise<unknown> {
  const publications = (list: Array<[number, string]>) =>
    list.map(([channel, day]) => ({ channel, publishedAt: at(day) }))
  switch (op.kind) {
    case 'create':
      return payload.create({
        collection: 'articles',
        // Distinct titles: two creates with one title race for its slug (a unique index), which
        // is a real conflict but not the one measured here.
        data: {
          title: `Bài mới ${op.n}`,
          _status: 'published',
          tasks: op.tasks,
          publications: publications(op.pubs),
        } as never,
      })
    case 'publications':
      return payload.update({
        collection: 'articles',
        id: op.id,
        data: { publications: publications(op.pubs) } as never,
      })
    case 'status':
      return payload.update({ collection: 'articles', id: op.id, data: { _status: op.status } })
    case 'retag':
      return payload.update({ collection: 'articles', id: op.id, data: { tasks: op.tasks } as never })
    case 'trash':
    case 'restore':
      // `trash: true` finds the item whether or not it is in the trash already.
      return payload.update({
        collection: 'articles',
        id: op.id,
        data: { deletedAt: op.kind === 'trash' ? new Date().toISOString() : null } as never,
        trash: true,
      })
  }
}

// --- worker --------------------------------------------------------------------------------------

async function worker(): Promise<void> {
  const { values } = parseArgs({
    options: {
      worker: { type: 'string' },
      db: { type: 'string' },
      ops: { type: 'string' },
      writers: { type: 'string' },
      first: { type: 'string' },
      stride: { type: 'string' },
      counting: { type: 'string' },
    },
  })
  const index = String(values.worker)
  const all = JSON.parse(await readFile(String(values.ops), 'utf8')) as Op[]
  const writers = Number(values.writers)
  const first = Number(values.first)
  const stride = Number(values.stride)
  const uploads = await mkdtemp(path.join(os.tmpdir(), 'bench-conc-'))
  const uri = new URL(String(values.db))
  uri.searchParams.set('application_name', `bench-conc-${index}`)
  const config = await createAppConfig({
    databaseUri: uri.toString(),
    seedOnFirstStart: false,
    uploadsDir: uploads,
    push: false,
    counting: values.counting === 'on',
  })
  const payload = await getPayload({ config, key: `bench-conc-${index}` })
  // Warm-up (module loading, first-query planning) before the start line: reads only.
  await payload.find({ collection: 'articles', limit: 5, depth: 1 })
  await payload.find({ collection: 'tasks', limit: 5, depth: 0 })

  process.stdout.write('@@ready\n')

  // Blocks on command: "run <from> <to>" runs ops [from, to) of the sequence; "quit" ends. Within
  // a block global writer w runs ops from + w, from + w + stride, …: the same op always belongs
  // to the same writer, whichever variant runs it.
  const lines = createInterface({ input: process.stdin })
  for await (const line of lines) {
    if (line === 'quit') break
    const [, fromArg, toArg] = line.split(' ')
    const from = Number(fromArg)
    const block = all.slice(from, Number(toArg))
    const queues = Array.from({ length: writers }, (_, k) => block.filter((_, i) => i % stride === first + k))
    const latencies = {} as WorkerResult['latencies']
    const errors: string[] = []
    let failed = 0
    const startedAt = Date.now()
    await Promise.all(
      queues.map(async (queue) => {
        for (const op of queue) {
          const t0 = performance.now()
          try {
            await runOp(payload, op)
            ;(latencies[op.kind] ??= []).push(performance.now() - t0)
          } catch (err) {
            failed += 1
            const e = err as Error & { cause?: Error }
            if (errors.length < 20)
              errors.push(
                `${op.kind} ${'id' in op ? op.id : ''}: ${e.message}${e.cause ? ` ← ${e.cause.message}` : ''}`,
              )
          }
        }
      }),
    )
    const result: WorkerResult = {
      worker: index,
      ops: queues.reduce((s, q) => s + q.length, 0),
      failed,
      errors,
      latencies,
      startedAt,
      endedAt: Date.now(),
    }
    process.stdout.write(`@@done ${from} ${JSON.stringify(result)}\n`)
  }
  await rm(uploads, { recursive: true, force: true })
  // Payload keeps one pool client checked out for good; exiting is the way to let go of it.
  process.exit(0)
}

// --- parent --------------------------------------------------------------------------------------

async function adminQuery(statement: string): Promise<void> {
  const admin = new URL(String(process.env.DATABASE_ADMIN_URI ?? process.env.DATABASE_URI))
  admin.pathname = '/postgres'
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

async function openPayload(uri: string, key: string, uploads: string, counting = true): Promise<Payload> {
  const config = await createAppConfig({
    databaseUri: uri,
    seedOnFirstStart: false,
    uploadsDir: uploads,
    push: false,
    counting,
  })
  const payload = await getPayload({ config, key })
  // Payload keeps one client checked out for good (destroy() does not end the pool), so the
  // database drop WITH (FORCE) at the end terminates it (57P01): expected, and only that.
  ;(payload.db as unknown as { pool?: pg.Pool }).pool?.on('error', (err: Error & { code?: string }) => {
    if (err.code !== '57P01') process.stderr.write(`[bench:concurrency] database pool error: ${err.message}\n`)
  })
  return payload
}

const closePayload = (payload: Payload): Promise<void> => payload.destroy()

/** The dataset: plan, tasks and channels through the local API, the items in SQL, then the engine's rebuild. */
async function buildTemplate(uri: string, uploads: string, items: number): Promise<{ dataset: Dataset; ms: number }> {
  const t0 = performance.now()
  const payload = await openPayload(uri, 'bench-conc-template', uploads)
  try {
    await payload.db.migrate({ migrations: migrations as unknown as MigrationList })
    await payload.create({ collection: 'channels', data: { name: 'Cổng', kind: 'portal', isHome: true } as never })
    const channels: number[] = []
    for (let i = 0; i < 8; i++) {
      const c = await payload.create({
        collection: 'channels',
        data: { name: `Kênh ${i + 1}`, kind: 'other' } as never,
      })
      channels.push(Number(c.id))
    }
    const plan = await payload.create({
      collection: 'plans',
      data: { code: 'BENCH-CONC', title: 'Đo đồng thời' } as never,
    })
    const tasks: number[] = []
    for (let i = 0; i < 20; i++) {
      const t = await payload.create({
        collection: 'tasks',
        data: {
          plan: plan.id,
          code: String(i + 1),
          title: `Nhiệm vụ ${i + 1}`,
          timeframe: { kind: 'deadline', deadline: '2030-12-31T12:00:00.000Z' },
          targets: [
            { kind: 'content', quantity: 500, contentTypes: ['articles'], channels, mode: 'pooled' },
            {
              kind: 'content',
              quantity: 50,
              contentTypes: ['articles'],
              channels: channels.slice(0, 3),
              mode: 'perChannel',
            },
          ],
        } as never,
      })
      tasks.push(Number(t.id))
    }
    const { sql } = await import('drizzle-orm')
    const exec = (q: ReturnType<typeof sql>) =>
      (payload.db as unknown as { drizzle: { execute(q: unknown): Promise<unknown> } }).drizzle.execute(q)
    const pick = (seed: number, n: number) => `(abs(hashint4(g + ${seed * 1_000_003})) % ${n})`
    const day = sql.raw(`(timestamptz '2025-01-01 12:00+07' + ${pick(1, 360)} * interval '1 day')`)
    const taskArr = sql.raw(`array[${tasks.join(',')}]`)
    const chanArr = sql.raw(`array[${channels.join(',')}]`)
    await exec(sql`insert into articles (id, title, slug, search_text, _status, first_published_at, last_published_at, created_at, updated_at)
      select g, 'Bài số ' || g, 'bai-so-' || g, 'bai so ' || g, case when g % 4 = 0 then 'draft' else 'published' end::enum_articles_status,
        ${day}, ${day}, ${day}, ${day}
      from generate_series(1, ${items}) g`)
    await exec(sql`select setval(pg_get_serial_sequence('articles', 'id'), ${items})`)
    await exec(sql`insert into articles_rels ("order", parent_id, path, tasks_id)
      select 1, g, 'tasks', (${taskArr})[1 + ${sql.raw(pick(2, tasks.length))}] from generate_series(1, ${items}) g`)
    await exec(sql`insert into articles_publications (_order, _parent_id, id, channel_id, published_at)
      select k + 1, g, md5(g || ':' || k), (${chanArr})[1 + (${sql.raw(pick(3, channels.length))} + k * 3) % ${channels.length}], ${day}
      from generate_series(1, ${items}) g cross join generate_series(0, 1) k where k < 1 + g % 2`)
    await reconcile(payload, { repair: true, maxRows: 0 })
    // The plan's report once: its targets' first-publication counts exist from now on, and every
    // write with counting on moves them (they are part of what is measured).
    const { buildReport } = await import('../src/plugin/report/buildReport')
    const { createLocalReq } = await import('payload')
    await buildReport(
      await createLocalReq({}, payload),
      { plan: Number(plan.id), asOf: '2025-12-31', unit: null },
      { overrideAccess: true },
    )
    await exec(sql`analyze`)
    const ids = Array.from({ length: items }, (_, i) => i + 1)
    const cut = Math.floor(items * 0.9)
    return {
      dataset: { channels, tasks, items: ids.slice(0, cut), trashable: ids.slice(cut) },
      ms: performance.now() - t0,
    }
  } finally {
    await closePayload(payload)
  }
}

/** Per-operation latencies without the raw samples (thousands per run). */
type Summary = Omit<Stats, 'samples'> & { p95: number; n: number }
function summary(samples: number[]): Summary {
  const { median, min, max } = stats(samples)
  const sorted = [...samples].sort((a, b) => a - b)
  return { median, min, max, p95: sorted[Math.floor(sorted.length * 0.95)] ?? NaN, n: samples.length }
}

/** One variant's app instances (worker processes) on its own copy of the dataset. */
interface Fleet {
  variant: Variant
  database: string
  uri: string
  workers: WorkerRun[]
  initMs: number
  blocks: Array<{ block: number; from: number; to: number; wallMs: number; ops: number; failed: number }>
  latencies: Record<string, number[]>
  errors: string[]
}

async function startFleet(variant: Variant, templateName: string, opsFile: string, opts: Options): Promise<Fleet> {
  const database = `bench_conc_${variant}_${process.pid}`
  await adminQuery(`drop database if exists "${database}" with (force)`)
  // Payload keeps one pool client checked out even after destroy(); a template must be idle.
  await adminQuery(
    `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${templateName}' and pid <> pg_backend_pid()`,
  )
  await adminQuery(`create database "${database}" template "${templateName}"`)
  const uri = new URL(String(process.env.DATABASE_URI))
  uri.pathname = `/${database}`
  const t0 = Date.now()
  const workers: WorkerRun[] = []
  for (let p = 0; p < opts.processes; p++) {
    // Writers split as evenly as possible: 64 over 3 processes is 22 + 21 + 21.
    const first = Math.floor((p * opts.writers) / opts.processes)
    const next = Math.floor(((p + 1) * opts.writers) / opts.processes)
    workers.push(
      startWorker(
        WORKER_SCRIPT,
        [
          ...['--worker', `${variant}${p}`, '--db', uri.toString(), '--ops', opsFile],
          ...['--writers', String(next - first), '--first', String(first), '--stride', String(opts.writers)],
          ...['--counting', variant],
        ],
        // Each writer can hold a connection for its transaction, plus the one Payload keeps.
        {
          DATABASE_POOL_MAX: String(next - first + 2),
          JOBS_AUTORUN: '0',
          NODE_ENV: 'production',
          PAYLOAD_SECRET: 'bench-concurrency-secret',
        },
      ),
    )
  }
  await Promise.all(workers.map((w) => w.waitForLine((l) => l === '@@ready', 300_000)))
  return {
    variant,
    database,
    uri: uri.toString(),
    workers,
    initMs: Date.now() - t0,
    blocks: [],
    latencies: {},
    errors: [],
  }
}

/** Ops [from, to) on all of a fleet's writers at once; the wall time is the parent's. */
async function runBlock(fleet: Fleet, block: number, from: number, to: number): Promise<void> {
  const start = performance.now()
  for (const w of fleet.workers) w.send(`run ${from} ${to}\n`)
  const done = await Promise.all(
    fleet.workers.map((w) => w.waitForLine((l) => l.startsWith(`@@done ${from} `), 1_800_000)),
  )
  const wallMs = performance.now() - start
  const results = done.map((l) => JSON.parse(l.slice(`@@done ${from} `.length)) as WorkerResult)
  for (const r of results) {
    for (const [kind, list] of Object.entries(r.latencies)) (fleet.latencies[kind] ??= []).push(...list)
    fleet.errors.push(...r.errors.slice(0, Math.max(0, 20 - fleet.errors.length)))
  }
  fleet.blocks.push({
    block,
    from,
    to,
    wallMs,
    ops: results.reduce((s, r) => s + r.ops, 0),
    failed: results.reduce((s, r) => s + r.failed, 0),
  })
}

/** Stops the workers, then measures drift: the engine's dry-run reconcile and an independent recount. */
async function finishFleet(fleet: Fleet, uploads: string) {
  for (const w of fleet.workers) w.send('quit\n')
  await Promise.all(fleet.workers.map((w) => w.exited(120_000)))
  const payload = await openPayload(fleet.uri, `bench-conc-check-${fleet.variant}`, uploads)
  try {
    const report = await reconcile(payload, { repair: false, maxRows: 5 })
    const pool = new pg.Pool({ connectionString: fleet.uri, max: 2 })
    try {
      const content = await pool.query<{ published: number; trashed: number; total: number }>(
        `select count(*) filter (where _status = 'published' and deleted_at is null)::int as published,
                count(*) filter (where deleted_at is not null)::int as trashed, count(*)::int as total from articles`,
      )
      return {
        drift: {
          ...report.counts,
          firstDays: report.firstDays.drift.length,
          independent: invariantViolations(await snapshot(pool)).length,
        },
        sample: report.drift.tallies.slice(0, 3),
        content: content.rows[0],
      }
    } finally {
      await pool.end()
    }
  } finally {
    await closePayload(payload)
  }
}

type Options = ReturnType<typeof options>

async function main(): Promise<void> {
  const opts = options()
  Object.assign(process.env, { JOBS_AUTORUN: '0' })
  const template = await freshDatabase('bench_conc_tpl')
  const templateName = new URL(template.uri).pathname.slice(1)
  const uploads = await mkdtemp(path.join(os.tmpdir(), 'bench-conc-'))
  const opsFile = path.join(uploads, 'ops.json')
  const fleets: Fleet[] = []
  try {
    process.stdout.write(`[bench:concurrency] building ${opts.items} items\n`)
    const { dataset, ms: buildMs } = await buildTemplate(template.uri, uploads, opts.items)
    const ops = opSequence(dataset, opts.ops, opts.seed)
    await writeFile(opsFile, JSON.stringify(ops))
    const mix: Record<string, number> = {}
    for (const op of ops) mix[op.kind] = (mix[op.kind] ?? 0) + 1

    // Both variants' app instances stay up for the whole run; the sequence is cut into blocks
    // and each block runs on one variant, then on the other (order alternating), so both see
    // the same stretches of a busy machine's load.
    const on = await startFleet('on', templateName, opsFile, opts)
    fleets.push(on)
    const off = await startFleet('off', templateName, opsFile, opts)
    fleets.push(off)
    process.stdout.write(`[bench:concurrency] ${opts.processes} processes × 2 variants ready; ${opts.blocks} blocks\n`)
    const size = Math.ceil(opts.ops / opts.blocks)
    for (let b = 0; b < opts.blocks; b++) {
      const from = b * size
      const to = Math.min(opts.ops, from + size)
      for (const fleet of b % 2 === 0 ? [on, off] : [off, on]) await runBlock(fleet, b, from, to)
      const [x, y] = [on.blocks[b]!, off.blocks[b]!]
      process.stdout.write(
        `[bench:concurrency] block ${b + 1}/${opts.blocks} (${to - from} ops): on ${((x.ops / x.wallMs) * 1000).toFixed(1)} ops/s, ` +
          `off ${((y.ops / y.wallMs) * 1000).toFixed(1)} ops/s; failed ${x.failed}/${y.failed}\n`,
      )
    }
    const checks = { on: await finishFleet(on, uploads), off: await finishFleet(off, uploads) }

    const total = (f: Fleet) => {
      const ms = f.blocks.reduce((s, b) => s + b.wallMs, 0)
      const n = f.blocks.reduce((s, b) => s + b.ops, 0)
      return { ops: n, wallMs: ms, throughput: (n / ms) * 1000, failed: f.blocks.reduce((s, b) => s + b.failed, 0) }
    }
    const result = { on: total(on), off: total(off) }
    const ratio = result.on.throughput / result.off.throughput
    const perBlock = on.blocks.map((b, i) => off.blocks[i]!.wallMs / b.wallMs)
    const blockRatios = stats(perBlock)
    const d = checks.on.drift
    const onDrift = d.ledgerMissing + d.ledgerExtra + d.tallies + d.firstDays + d.independent
    const report = {
      date: new Date().toISOString(),
      machine: await machineInfo({ loadAverage1m: Number(os.loadavg()[0]?.toFixed(2)) }),
      options: opts,
      dataset: { items: opts.items, tasks: dataset.tasks.length, channels: dataset.channels.length + 1, buildMs },
      mix,
      result,
      ratio,
      blockRatios,
      fleets: fleets.map((f) => ({
        variant: f.variant,
        initMs: f.initMs,
        blocks: f.blocks,
        latency: Object.fromEntries([
          ['all', summary(Object.values(f.latencies).flat())],
          ...Object.entries(f.latencies).map(([k, v]) => [k, summary(v)]),
        ]),
        errors: f.errors,
      })),
      after: checks,
      driftZero: onDrift === 0,
      goalMet: ratio >= 0.8 && onDrift === 0,
    }
    const name = opts.quick ? 'concurrency-quick' : 'concurrency'
    await writeJson(name, report)
    const m = report.machine
    const cmd = `npm run bench:concurrency${opts.quick ? ' -- --quick' : ''}`
    const f1 = (n: number) => n.toFixed(1)
    const lat = (f: Fleet) => summary(Object.values(f.latencies).flat())
    const row = (f: Fleet, r: ReturnType<typeof total>, c: typeof checks.on) =>
      `| counting ${f.variant} | ${(r.wallMs / 1000).toFixed(1)} | **${f1(r.throughput)}** | ${f1(lat(f).median)} / ${f1(lat(f).p95)} | ${r.failed} | ` +
      `${c.drift.ledgerMissing} / ${c.drift.ledgerExtra} / ${c.drift.tallies} / ${c.drift.firstDays} | ${c.drift.independent} |`
    await updateResultsSection(
      name,
      [
        `## Concurrency: counting on vs off${opts.quick ? ' (quick)' : ''}`,
        '',
        `\`${cmd}\` — ${report.date}, ${String(m.cpu)}, ${String(m.cores)} cores, ${String(m.totalMemoryGiB)} GiB, Node ${String(m.node)}, Payload ${String(m.payload)}; load average at the end ${String(m.loadAverage1m)} (machine shared with other agents' work).`,
        '',
        `${opts.writers} concurrent writers in ${opts.processes} OS processes per variant (each process its own Payload, pool = its writers + 2), ` +
          `${opts.ops.toLocaleString('en')} operations: the same seeded sequence (seed ${opts.seed}) for both variants, each on its own copy of one dataset ` +
          `(${opts.items.toLocaleString('en')} articles, ${dataset.tasks.length} tasks, ${dataset.channels.length} channels + home). ` +
          `Mix: ${Object.entries(mix)
            .map(([k, n]) => `${k} ${n}`)
            .join(', ')}. ` +
          `Both variants' processes stay up; the sequence runs in ${opts.blocks} blocks, each block on one variant then the other (order alternating).`,
        '',
        '| variant | wall s (sum of blocks) | ops/s | op latency median / p95 ms | failed | drift after: ledger missing / extra / tallies / first-day rows (reconcile dry run) | independent SQL recount: differences |',
        '|---|---:|---:|---|---:|---|---:|',
        row(on, result.on, checks.on),
        row(off, result.off, checks.off),
        '',
        `- Throughput with counting: **${(ratio * 100).toFixed(1)} %** of without (goal ≥ 80 %: ${ratio >= 0.8 ? '**met**' : '**missed**'}); per block ${(blockRatios.min * 100).toFixed(0)}–${(blockRatios.max * 100).toFixed(0)} % (median ${(blockRatios.median * 100).toFixed(0)} %).`,
        `- Drift after the counting-on run: ${onDrift === 0 ? '**0** (goal 0: **met**)' : `**${onDrift}** (goal 0: **missed**)`}. ` +
          'The counting-off run drifts by design (nothing maintains the tallies): its figures show how much the engine keeps right.',
        `- Failed operations: ${result.on.failed} with counting, ${result.off.failed} without${result.on.failed + result.off.failed > 0 ? ' (messages in the JSON, `fleets[].errors`)' : ''}.`,
        '',
        `Raw numbers: \`bench/results/${name}.json\`.`,
      ].join('\n'),
    )
    process.stdout.write(
      `[bench:concurrency] counting on ${f1(result.on.throughput)} ops/s, off ${f1(result.off.throughput)} ops/s: ${(ratio * 100).toFixed(1)} %; drift after counting on: ${onDrift}\n`,
    )
  } finally {
    for (const f of fleets) for (const w of f.workers) if (w.child.exitCode === null) w.child.kill('SIGKILL')
    for (const f of fleets) await adminQuery(`drop database if exists "${f.database}" with (force)`)
    await template.drop()
    await rm(uploads, { recursive: true, force: true })
  }
}

const isWorker = process.argv.includes('--worker')
;(isWorker ? worker() : main()).then(
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`)
    process.exit(1)
  },
)
