/**
 * RSS feeds over real HTTP: the 50-item feed and its 304 path (If-None-Match), on a dataset of
 * thousands of published items. Goal (benchmark issue): median ≤ 15 ms for the 50-item feed.
 *
 *   npm run bench:feeds                   # 10,000 articles + 1,000 videos, 200 rounds
 *   npm run bench:feeds -- --quick        # 2,000 articles + 200 videos, 60 rounds
 *   npm run bench:feeds -- --items 50000 --reps 300
 *
 * The server is a small node:http server in this process that turns each request into a Web
 * `Request` and calls `serveFeed`, the handler the app's Next routes (src/app/(feeds)) call,
 * with the same route parameters. Next's own routing is therefore not included; when a
 * production build exists (`.next/BUILD_ID`), the same URLs are also fetched through Next
 * (`next({ dev: false })` on the same database, in this process) and reported alongside.
 * The client is `fetch` to 127.0.0.1 (keep-alive), variants alternating within each round.
 * Writes bench/results/feeds[-quick].json and its section of RESULTS.md.
 */
import { existsSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type pg from 'pg'
import { getPayload, type Payload } from 'payload'
import { createAppConfig } from '../src/appConfig'
import { dayToInstant } from '../src/domain/calendar'
import { migrations } from '../src/migrations'
import { reconcile } from '../src/plugin/counting/engine/reconcile'
import { serveFeed } from '../src/plugin/feeds/serveFeed'
import {
  BENCH_DIR,
  REPO_DIR,
  destroyPayloads,
  freshDatabase,
  machineInfo,
  stats,
  updateResultsSection,
  writeJson,
  type Stats,
} from './lib'

type MigrationList = NonNullable<Parameters<Payload['db']['migrate']>[0]>['migrations']
type Sql = { execute(q: unknown): Promise<{ rows: Array<Record<string, unknown>> }> }

function options() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      items: { type: 'string' },
      reps: { type: 'string' },
      next: { type: 'boolean', default: true },
    },
    allowNegative: true,
  })
  const num = (name: string, v: string | undefined, fallback: number, min: number) => {
    const n = v === undefined ? fallback : Number(v)
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}`)
    return n
  }
  const quick = values.quick === true
  return {
    quick,
    items: num('items', values.items, quick ? 2000 : 10_000, 1000),
    reps: num('reps', values.reps, quick ? 60 : 200, 5),
    next: values.next !== false,
  }
}

/** The routes of src/app/(feeds), mapped onto the handler they call, as Next would. */
function feedServer(payload: Payload): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`)
    const headers = new Headers()
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v)
    const plan = /^\/feeds\/plans\/([^/]+)$/.exec(url.pathname)?.[1]
    const task = /^\/feeds\/tasks\/([^/]+)$/.exec(url.pathname)?.[1]
    if (!plan && !task && url.pathname !== '/feeds/rss.xml') {
      res.writeHead(404).end()
      return
    }
    const route = plan ? { plan: decodeURIComponent(plan) } : task ? { task: decodeURIComponent(task) } : {}
    void serveFeed(payload, new Request(url, { headers }), route).then(async (response) => {
      const body = Buffer.from(await response.arrayBuffer())
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()))
      res.end(body)
    })
  })
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** The built app (next start's request handler) on the same database, when a build exists. */
async function nextServer(): Promise<{ base: string; close(): Promise<void> } | null> {
  if (!existsSync(path.join(REPO_DIR, '.next', 'BUILD_ID'))) return null
  const { default: next } = await import('next')
  const app = next({ dev: false, dir: REPO_DIR, hostname: '127.0.0.1', port: 0 })
  const handle = app.getRequestHandler()
  await app.prepare()
  const server = createServer((req, res) => void handle(req, res))
  const base = await listen(server)
  return {
    base,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await app.close()
    },
  }
}

/**
 * The V8 sampling profiler over a stretch of work, its self time summed by where the code lives:
 * an npm package, a source folder of ours, or V8's own buckets (GC, program, idle).
 */
async function startCpuProfile(): Promise<{
  stop(): Promise<{ idleShare: number; byPackage: Array<{ name: string; share: number }> }>
}> {
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 100 })
  await session.post('Profiler.start')
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop')
      session.disconnect()
      const byNode = new Map<number, string>()
      for (const node of profile.nodes) {
        const url = node.callFrame.url
        const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1]
        const ours = /\/(src\/[^/]+|collections|hooks|media)\//.exec(url)?.[1]
        byNode.set(
          node.id,
          pkg ??
            (ours
              ? `our ${ours}`
              : url.startsWith('node:')
                ? 'node core'
                : url
                  ? 'other'
                  : node.callFrame.functionName || 'native'),
        )
      }
      const counts = new Map<string, number>()
      const samples = profile.samples ?? []
      for (const id of samples) {
        const name = byNode.get(id) ?? 'unknown'
        counts.set(name, (counts.get(name) ?? 0) + 1)
      }
      // Shares of the busy samples: '(idle)' is the process waiting (for Postgres, mostly).
      const idle = counts.get('(idle)') ?? 0
      counts.delete('(idle)')
      const busy = Math.max(1, samples.length - idle)
      return {
        idleShare: idle / Math.max(1, samples.length),
        byPackage: [...counts.entries()]
          .map(([name, n]) => ({ name, share: n / busy }))
          .sort((a, b) => b.share - a.share),
      }
    },
  }
}

async function timedFetch(url: string, headers: Record<string, string> = {}) {
  const start = process.hrtime.bigint()
  const res = await fetch(url, { headers })
  const body = await res.arrayBuffer()
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, res, bytes: body.byteLength }
}

async function main(): Promise<void> {
  const opts = options()
  // As the app runs in production (and the built app requires it); no background jobs.
  // SERVER_URL as production sets it: the feed's self link (part of its ETag) then does not
  // depend on which server's port answered, so the handler and the built app agree byte for byte.
  Object.assign(process.env, {
    NODE_ENV: 'production',
    JOBS_AUTORUN: '0',
    PAYLOAD_SECRET: 'bench-feeds-secret',
    SERVER_URL: 'https://cong.bench.gov.vn',
  })
  const db = await freshDatabase('bench_feeds')
  process.env.DATABASE_URI = db.uri
  const uploads = await mkdtemp(path.join(BENCH_DIR, '.uploads-'))
  const config = await createAppConfig({
    databaseUri: db.uri,
    seedOnFirstStart: false,
    uploadsDir: uploads,
    push: false,
  })
  const payload = await getPayload({ config, key: 'bench-feeds' })
  const sqlRunner = (payload.db as unknown as { drizzle: Sql }).drizzle
  const { sql } = await import('drizzle-orm')
  const exec = (q: ReturnType<typeof sql>) => sqlRunner.execute(q)
  const servers: Array<() => Promise<void>> = []
  try {
    await payload.db.migrate({ migrations: migrations as unknown as MigrationList })
    const videos = Math.round(opts.items / 10)
    process.stdout.write(`[bench:feeds] building ${opts.items} articles + ${videos} videos\n`)
    const buildStart = performance.now()

    // --- reference data and a few items through the local API, as staff would enter them ---
    const ministry = await payload.create({ collection: 'units', data: { name: 'Bộ Khoa học và Công nghệ' } as never })
    const units = [Number(ministry.id)]
    for (const name of ['Trung tâm Truyền thông KH&CN', 'Vụ Pháp chế', 'Sở KH&CN Hà Nội'])
      units.push(
        Number((await payload.create({ collection: 'units', data: { name, parent: ministry.id } as never })).id),
      )
    await payload.create({
      collection: 'channels',
      data: { name: 'Cổng TTĐT Bộ KH&CN', kind: 'portal', isHome: true, url: 'https://mst.gov.vn/' } as never,
    })
    const channels: number[] = []
    for (const [name, kind] of [
      ['VnExpress', 'enewspaper'],
      ['Facebook', 'social'],
      ['Tạp chí KH&CN', 'magazine'],
      ['VTV1', 'tv'],
    ] as const)
      channels.push(Number((await payload.create({ collection: 'channels', data: { name, kind } as never })).id))
    const plans: number[] = []
    const tasks: number[] = []
    for (const code of ['02-KH/BCĐTW', '03-KH/BKHCN']) {
      const plan = await payload.create({
        collection: 'plans',
        data: { code, title: `Kế hoạch ${code} tuyên truyền chuyển đổi số`, status: 'active' } as never,
      })
      plans.push(Number(plan.id))
      for (let i = 1; i <= 10; i++) {
        const t = await payload.create({
          collection: 'tasks',
          data: {
            plan: plan.id,
            code: `III.${i}`,
            title: `Tuyên truyền nhiệm vụ ${i} của kế hoạch ${code}`,
            timeframe: { kind: 'deadline', deadline: dayToInstant('2030-12-31') },
          } as never,
        })
        tasks.push(Number(t.id))
      }
    }
    for (let i = 0; i < 20; i++) {
      await payload.create({
        collection: 'articles',
        data: {
          title: `Chuyển đổi số “toàn dân” & đổi mới sáng tạo — bài ${i + 1}`,
          summary: 'Sapo tiếng Việt có dấu, có <b>thẻ</b> & ký tự đặc biệt.',
          _status: 'published',
          unit: units[i % units.length],
          tasks: [tasks[i % tasks.length], tasks[(i + 7) % tasks.length]],
          publications: [{ channel: channels[i % channels.length], publishedAt: dayToInstant('2025-08-01') }],
        } as never,
      })
    }

    // --- the bulk, straight into the tables -----------------------------------------------------
    const base = 1000
    const pick = (seed: number, n: number) => `(abs(hashint4(g + ${seed * 1_000_003})) % ${n})`
    const day = sql.raw(
      `(timestamptz '2024-01-01 09:00+07' + ${pick(1, 700)} * interval '1 day' + ${pick(5, 600)} * interval '1 minute')`,
    )
    const taskArr = sql.raw(`array[${tasks.join(',')}]`)
    const chanArr = sql.raw(`array[${channels.join(',')}]`)
    const unitArr = sql.raw(`array[${units.join(',')}]`)
    const summary = `'Tóm tắt bài viết số ' || g || ': chuyển đổi số, khoa học, công nghệ và đổi mới sáng tạo trong cơ quan nhà nước.'`
    await exec(sql`insert into articles (id, title, slug, summary, unit_id, search_text, _status, first_published_at, last_published_at, created_at, updated_at)
      select ${base} + g, 'Bài số ' || g || ' về chuyển đổi số', 'bai-so-' || g, ${sql.raw(summary)}, (${unitArr})[1 + ${sql.raw(pick(4, units.length))}],
        'bai so ' || g, (case when g % 10 = 0 then 'draft' else 'published' end)::enum_articles_status, ${day}, ${day}, ${day}, ${day}
      from generate_series(1, ${opts.items}) g`)
    await exec(sql`select setval(pg_get_serial_sequence('articles', 'id'), ${base + opts.items})`)
    await exec(sql`insert into articles_rels ("order", parent_id, path, tasks_id)
      select 1, ${base} + g, 'tasks', (${taskArr})[1 + ${sql.raw(pick(2, tasks.length))}] from generate_series(1, ${opts.items}) g`)
    await exec(sql`insert into articles_publications (_order, _parent_id, id, channel_id, published_at)
      select 1, ${base} + g, md5('a' || g), (${chanArr})[1 + ${sql.raw(pick(3, channels.length))}], ${day}
      from generate_series(1, ${opts.items}) g`)
    await exec(sql`insert into videos (id, title, slug, summary, source, external_url, provider, video_id, unit_id, search_text, _status, first_published_at, last_published_at, created_at, updated_at)
      select ${base} + g, 'Video số ' || g, 'video-so-' || g, ${sql.raw(summary)}, 'external', 'https://www.youtube.com/watch?v=' || substr(md5(g::text), 1, 11),
        'youtube', substr(md5(g::text), 1, 11), (${unitArr})[1 + ${sql.raw(pick(4, units.length))}], 'video so ' || g, 'published', ${day}, ${day}, ${day}, ${day}
      from generate_series(1, ${videos}) g`)
    await exec(sql`select setval(pg_get_serial_sequence('videos', 'id'), ${base + videos})`)
    await exec(sql`insert into videos_rels ("order", parent_id, path, tasks_id)
      select 1, ${base} + g, 'tasks', (${taskArr})[1 + ${sql.raw(pick(2, tasks.length))}] from generate_series(1, ${videos}) g`)
    await reconcile(payload, { repair: true, maxRows: 0 })
    // Before statistics exist Postgres plans the feed's sort as if the tables were empty.
    await exec(sql`analyze`)
    const buildMs = performance.now() - buildStart
    const counts = (
      await exec(sql`select (select count(*) from articles where _status = 'published')::int as articles,
        (select count(*) from videos where _status = 'published')::int as videos`)
    ).rows[0]
    const publishedArticles = Number(counts?.articles)
    const publishedVideos = Number(counts?.videos)
    const published = publishedArticles + publishedVideos

    // --- servers and the URLs -------------------------------------------------------------------
    const server = feedServer(payload)
    const handlerBase = await listen(server)
    servers.push(async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    })
    let viaNext: Awaited<ReturnType<typeof nextServer>> = null
    let nextSkipped: string | null = opts.next ? null : 'disabled with --no-next'
    if (opts.next) {
      try {
        viaNext = await nextServer()
        if (!viaNext)
          nextSkipped = 'no production build (.next/BUILD_ID missing); run `npm run build` first to include it'
        else servers.push(viaNext.close)
      } catch (err) {
        nextSkipped = `the built app did not start: ${(err as Error).message}`
      }
    }
    const feeds = {
      all: '/feeds/rss.xml',
      plan: `/feeds/plans/${plans[0]}-ke-hoach.xml`,
    } as const
    type Feed = keyof typeof feeds
    const etags = {} as Record<Feed, string>
    const sizes = {} as Record<Feed, { bytes: number; items: number }>
    for (const [name, p] of Object.entries(feeds) as Array<[Feed, string]>) {
      const res = await fetch(handlerBase + p)
      const xml = await res.text()
      if (res.status !== 200) throw new Error(`${p} answered ${res.status}: ${xml.slice(0, 300)}`)
      etags[name] = res.headers.get('etag') ?? ''
      sizes[name] = { bytes: Buffer.byteLength(xml), items: xml.split('<item>').length - 1 }
      if (sizes[name].items !== 50) throw new Error(`${p} has ${sizes[name].items} items, expected 50`)
      if (viaNext) {
        const n = await fetch(viaNext.base + p)
        const nxml = await n.text()
        if (n.status !== 200 || n.headers.get('etag') !== etags[name])
          throw new Error(`through Next ${p} answered ${n.status}, ETag ${n.headers.get('etag')} vs ${etags[name]}`)
        if (nxml !== xml) throw new Error(`through Next ${p} differs from the handler's answer`)
      }
    }

    // --- the rounds -----------------------------------------------------------------------------
    type Variant = { key: string; label: string; run(): Promise<number> }
    const variants: Variant[] = []
    for (const name of Object.keys(feeds) as Feed[]) {
      const url = handlerBase + feeds[name]
      variants.push({
        key: `${name}-200`,
        label: `${feeds[name]} 200 (50 items, ${(sizes[name].bytes / 1024).toFixed(1)} KiB)`,
        run: async () => {
          const r = await timedFetch(url)
          if (r.res.status !== 200) throw new Error(`${url}: ${r.res.status}`)
          return r.ms
        },
      })
      variants.push({
        key: `${name}-304`,
        label: `${feeds[name]} 304 (If-None-Match)`,
        run: async () => {
          const r = await timedFetch(url, { 'If-None-Match': etags[name] })
          if (r.res.status !== 304) throw new Error(`${url} with If-None-Match: ${r.res.status}`)
          return r.ms
        },
      })
      if (viaNext) {
        const nurl = viaNext.base + feeds[name]
        variants.push({
          key: `${name}-200-next`,
          label: `${feeds[name]} 200 through the built app (Next)`,
          run: async () => {
            const r = await timedFetch(nurl)
            if (r.res.status !== 200) throw new Error(`${nurl}: ${r.res.status}`)
            return r.ms
          },
        })
        variants.push({
          key: `${name}-304-next`,
          label: `${feeds[name]} 304 through the built app (Next)`,
          run: async () => {
            const r = await timedFetch(nurl, { 'If-None-Match': etags[name] })
            if (r.res.status !== 304) throw new Error(`${nurl} with If-None-Match: ${r.res.status}`)
            return r.ms
          },
        })
      }
    }
    // In-process, no HTTP: what the handler itself costs (the HTTP layer is the difference).
    const direct = new Request(`http://127.0.0.1${feeds.all}`)
    variants.push({
      key: 'all-200-direct',
      label: `${feeds.all} 200, handler called in-process (no HTTP)`,
      run: async () => {
        const start = process.hrtime.bigint()
        const r = await serveFeed(payload, direct.clone())
        await r.arrayBuffer()
        return Number(process.hrtime.bigint() - start) / 1e6
      },
    })

    const warmup = 10
    const samples: Record<string, number[]> = Object.fromEntries(variants.map((v) => [v.key, []]))
    for (let rep = 0; rep < opts.reps + warmup; rep++) {
      for (let k = 0; k < variants.length; k++) {
        const v = variants[(rep + k) % variants.length]!
        const ms = await v.run()
        if (rep >= warmup) samples[v.key]!.push(ms)
      }
    }
    const result = Object.fromEntries(variants.map((v) => [v.key, stats(samples[v.key]!)])) as Record<string, Stats>

    // --- profile: where one 50-item feed's time goes (each SQL query, then the rest) ----------
    const pool = (payload.db as unknown as { pool: pg.Pool }).pool
    type QueryArgs = [string | { text: string; values?: unknown[] }, unknown[]?]
    const originalQuery = pool.query.bind(pool) as (...args: QueryArgs) => Promise<unknown>
    const perQuery = new Map<string, { n: number; ms: number; text: string; values: unknown[] }>()
    ;(pool as unknown as { query: typeof originalQuery }).query = async (...args: QueryArgs) => {
      const start = process.hrtime.bigint()
      try {
        return await originalQuery(...args)
      } finally {
        const text = typeof args[0] === 'string' ? args[0] : args[0].text
        const values = (typeof args[0] === 'string' ? args[1] : args[0].values) ?? []
        const e = perQuery.get(text) ?? { n: 0, ms: 0, text, values }
        e.n += 1
        e.ms += Number(process.hrtime.bigint() - start) / 1e6
        perQuery.set(text, e)
      }
    }
    const profileRuns = 20
    const cpuStart = process.cpuUsage()
    const profileStart = process.hrtime.bigint()
    for (let i = 0; i < profileRuns; i++) await (await serveFeed(payload, direct.clone())).arrayBuffer()
    const totalMs = Number(process.hrtime.bigint() - profileStart) / 1e6
    const cpu = process.cpuUsage(cpuStart)
    ;(pool as unknown as { query: typeof originalQuery }).query = originalQuery
    // A second pass under the sampling profiler (which costs CPU itself, so not in the figures above).
    const cpuProfile = await startCpuProfile()
    for (let i = 0; i < profileRuns; i++) await (await serveFeed(payload, direct.clone())).arrayBuffer()
    const cpuByPackage = await cpuProfile.stop()
    const queries = [...perQuery.values()].sort((a, b) => b.ms - a.ms)
    // Each query once more under EXPLAIN ANALYZE: Postgres's own execution time, to set against
    // what the client waited (the gap is the wire, the driver and a busy machine's run queue).
    const queryPlans: Array<{ sql: string; executionMs: number | null; plan: string[] }> = []
    for (const q of queries) {
      if (!/^\s*select/i.test(q.text)) continue
      const explained = (await originalQuery({ text: `explain (analyze, costs off) ${q.text}`, values: q.values })) as {
        rows: Array<Record<string, string>>
      }
      const plan = explained.rows.map((r) => String(Object.values(r)[0]))
      const exec = plan.map((l) => /Execution Time: ([\d.]+) ms/.exec(l)?.[1]).find(Boolean)
      queryPlans.push({
        sql: q.text.slice(0, 300),
        executionMs: exec ? Number(exec) * (q.n / profileRuns) : null,
        plan,
      })
    }
    const serverMsPerFeed = queryPlans.reduce((s, p) => s + (p.executionMs ?? 0), 0)
    const summedQueryMs = queries.reduce((s, q) => s + q.ms, 0)
    const profile = {
      runs: profileRuns,
      handlerMsPerFeed: totalMs / profileRuns,
      queriesPerFeed: queries.reduce((s, q) => s + q.n, 0) / profileRuns,
      // Queries run in parallel (Promise.all), so their summed time can exceed the wall time.
      summedQueryMsPerFeed: summedQueryMs / profileRuns,
      /** CPU time this Node process spent per feed (user + system): Payload, drizzle, pg, rendering. */
      nodeCpuMsPerFeed: (cpu.user + cpu.system) / 1000 / profileRuns,
      /** Postgres's own execution time per feed, summed over the feed's queries (EXPLAIN ANALYZE). */
      serverMsPerFeed,
      /** Where the Node CPU went (V8 sampling profiler, self time by package or source folder). */
      cpuByPackage,
      queries: queries.map((q) => ({
        perFeed: q.n / profileRuns,
        msPerFeed: q.ms / profileRuns,
        sql: q.text.slice(0, 300),
      })),
      plans: queryPlans,
    }

    const goalMs = 15
    const main200 = result['all-200']!
    const report = {
      date: new Date().toISOString(),
      machine: await machineInfo(),
      options: opts,
      dataset: { articles: opts.items + 20, videos, publishedArticles, publishedVideos, tasks: tasks.length, buildMs },
      feeds,
      sizes,
      viaNext: viaNext ? 'included' : nextSkipped,
      result,
      ratios: {
        notModifiedVsFull: result['all-304']!.median / main200.median,
        httpVsDirect: main200.median / result['all-200-direct']!.median,
        ...(viaNext ? { nextVsHandler: result['all-200-next']!.median / main200.median } : {}),
      },
      profile,
      goalMet: main200.median <= goalMs,
    }
    const name = opts.quick ? 'feeds-quick' : 'feeds'
    await writeJson(name, report)
    const m = report.machine
    const f = (s: Stats) => `${s.median.toFixed(2)} | ${s.min.toFixed(2)} | ${s.max.toFixed(2)}`
    await updateResultsSection(
      name,
      [
        `## RSS feeds over HTTP${opts.quick ? ' (quick)' : ''}`,
        '',
        `\`npm run bench:feeds${opts.quick ? ' -- --quick' : ''}\` — ${report.date}, ${String(m.cpu)}, ${String(m.cores)} cores, Node ${String(m.node)}, Payload ${String(m.payload)}; machine shared with other agents' work.`,
        '',
        `Dataset: ${published.toLocaleString('en')} published items: ${publishedArticles.toLocaleString('en')} articles (of ${(opts.items + 20).toLocaleString('en')}; 10 % of the SQL-inserted ones are drafts) and ${publishedVideos.toLocaleString('en')} videos; ${tasks.length} tasks in 2 plans, 4 channels + home, 4 units; ` +
          `built in ${(buildMs / 1000).toFixed(1)} s (local API for the reference data and 20 articles, SQL for the bulk, then the engine's rebuild and ANALYZE). ` +
          `${opts.reps} rounds after ${warmup} warm-up rounds, variants in rotating order; times are client-side (fetch to 127.0.0.1, keep-alive, body read).`,
        '',
        '| variant | median ms | min | max |',
        '|---|---:|---:|---:|',
        ...variants.map((v) => `| ${v.label} | ${f(result[v.key]!)} |`),
        '',
        `- 50-item feed (\`/feeds/rss.xml\`, all types) over HTTP: **${main200.median.toFixed(2)} ms** median (goal ≤ ${goalMs} ms: ${report.goalMet ? '**met**' : '**missed**'}).`,
        `- 304 path: ${result['all-304']!.median.toFixed(2)} ms, ${report.ratios.notModifiedVsFull.toFixed(2)}× the full answer (the 304 still loads the feed to compute its ETag; it saves rendering and transfer).`,
        `- HTTP layer: the full answer over HTTP is ${report.ratios.httpVsDirect.toFixed(2)}× the handler called in-process.`,
        viaNext
          ? `- Through the built app (Next's router and the route module): ${report.ratios.nextVsHandler!.toFixed(2)}× the bare handler over HTTP.`
          : `- Next's own routing is **not included**: ${nextSkipped}. The handler is the one the Next routes call, served by node:http.`,
        `- Profile (handler in-process, ${profileRuns} feeds one after another): ${profile.handlerMsPerFeed.toFixed(2)} ms wall per feed, of which ` +
          `**${profile.nodeCpuMsPerFeed.toFixed(2)} ms CPU in this Node process** (query building, pg parsing, the uploads' Payload find, shaping, the ETag hash, rendering; the package breakdown follows) ` +
          `and ${profile.queriesPerFeed.toFixed(0)} SQL queries that Postgres executes in **${profile.serverMsPerFeed.toFixed(2)} ms** summed (EXPLAIN ANALYZE; plans in the JSON) ` +
          `while the client sees ${profile.summedQueryMsPerFeed.toFixed(2)} ms summed over them (several run in parallel; the gap is the wire, the driver and the run queue of a busy machine). ` +
          `Node CPU by package (V8 sampling profile, self time as a share of the busy samples; idle ${(cpuByPackage.idleShare * 100).toFixed(0)} % of all): ${cpuByPackage.byPackage
            .slice(0, 8)
            .map((c) => `${c.name} ${(c.share * 100).toFixed(0)} %`)
            .join(', ')}. ` +
          `Client-side slowest: ${profile.queries
            .slice(0, 3)
            .map((q) => `${q.msPerFeed.toFixed(2)} ms \`${q.sql.replace(/\s+/g, ' ').slice(0, 70)}…\``)
            .join('; ')}.`,
        '',
        `Raw numbers: \`bench/results/${name}.json\`.`,
      ].join('\n'),
    )
    process.stdout.write(
      `[bench:feeds] 50-item feed ${main200.median.toFixed(2)} ms median over HTTP; 304 ${result['all-304']!.median.toFixed(2)} ms; ${viaNext ? 'Next included' : `Next not included (${nextSkipped})`}\n`,
    )
  } finally {
    for (const close of servers) await close()
    await destroyPayloads(payload)
    await db.drop()
    await rm(uploads, { recursive: true, force: true })
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`)
    process.exit(1)
  },
)
