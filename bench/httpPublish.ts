/**
 * Publishing over HTTP at 64 concurrent users, counting on vs off, in one run: two instances of
 * the built app (src/cli/start.ts, the default pool), one with QUOTA_COUNTING=0, each on its own
 * fresh database of one embedded Postgres. Rounds alternate between them so that both see the
 * same machine noise; only one takes traffic at a time. Each virtual user creates a draft article
 * (tagged, with a publication) and publishes it, again and again; the figure is publishes per
 * second and the publish request's p95 latency.
 * Goal (issue 19): with counting, ≥ 0.8 of the throughput without it, p95 under 500 ms.
 *
 *   npm run bench:http [-- --rounds 3 --seconds 30 --users 64]
 *   npm run bench:http -- --quick            # 1 round of 10 s
 *
 * Writes bench/results/http-publish[-quick].json and the http-publish section of RESULTS.md.
 */
import type { ChildProcess } from 'node:child_process'
import { closeSync, mkdirSync, openSync, rmSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { build } from '../src/cli/build'
import { startEmbeddedPostgres } from '../src/db/embeddedPostgres'
import { ROOT, runCli, startApp, waitForExit, waitForReady } from '../test/helpers/appServer'
import { LoadClient } from '../test/load/client'
import { percentile } from '../test/load/stats'
import { machineInfo, stats, updateResultsSection, writeJson } from './lib'

type Variant = 'on' | 'off'
const log = (msg: string) => process.stderr.write(`[bench:http] ${msg}\n`)

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '3' },
      seconds: { type: 'string', default: '30' },
      users: { type: 'string', default: '64' },
      quick: { type: 'boolean', default: false },
    },
  })
  const rounds = values.quick ? 1 : Number(values.rounds)
  const seconds = values.quick ? 10 : Number(values.seconds)
  const users = Number(values.users)
  for (const [name, n] of Object.entries({ rounds, seconds, users }))
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number ≥ 1`)

  build(ROOT, true)
  const work = path.join(ROOT, '.data', 'bench-http')
  rmSync(work, { recursive: true, force: true })
  mkdirSync(work, { recursive: true })
  const db = await startEmbeddedPostgres({ dataDir: path.join(work, 'pg'), ephemeral: true })
  const apps: Partial<Record<Variant, ChildProcess>> = {}
  const clients: Partial<Record<Variant, LoadClient>> = {}
  try {
    const admin = new pg.Client({ connectionString: db.adminUri })
    await admin.connect()
    const ports: Record<Variant, number> = { on: 3961, off: 3962 }
    for (const v of ['on', 'off'] as const) {
      await admin.query(`create database "bench_http_${v}"`)
      const uri = new URL(db.uri)
      uri.pathname = `/bench_http_${v}`
      const env = {
        DATABASE_URI: uri.toString(),
        PAYLOAD_SECRET: 'bench-http-secret-0123456789abcdef0123456789abcdef',
        SEED_ON_FIRST_START: '0',
        NODE_ENV: 'production' as const,
        QUOTA_COUNTING: v === 'on' ? '1' : '0',
        // Only publishing is measured: no scheduled work competes with it.
        SCHEDULER: 'off',
      }
      const cliEnv = { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: '1' }
      if ((await runCli(['src/cli/migrate.ts'], cliEnv)).status !== 0) throw new Error(`migrate (${v}) failed`)
      const seeded = await runCli(['src/cli/seed.ts', '--demo'], cliEnv)
      if (seeded.status !== 0) throw new Error(`seed (${v}) failed: ${seeded.stderr.slice(-1000)}`)
      const out = openSync(path.join(work, `app-${v}.log`), 'a')
      apps[v] = startApp({ port: ports[v], dataDir: path.join(work, `app-${v}`), env, output: out })
      closeSync(out)
      clients[v] = new LoadClient(`http://127.0.0.1:${ports[v]}`)
    }
    await admin.end()
    for (const v of ['on', 'off'] as const)
      if (!(await waitForReady(clients[v]!.base, 120_000, apps[v]))) throw new Error(`the ${v} app did not start`)

    const setup: Record<Variant, { token: string; tasks: number[]; channels: number[] }> = {} as never
    for (const v of ['on', 'off'] as const) {
      const c = clients[v]!
      const login = await c.call('setup', 'POST', '/api/users/login', {
        json: { email: 'editor@demo.gov.vn', password: 'demo-Password-2025' },
      })
      const token = String(login.body.token)
      const tasks = ((await c.call('setup', 'GET', '/api/tasks?limit=5&depth=0&sort=id', { token })).body.docs ??
        []) as Array<{ id: number }>
      const channels = ((await c.call('setup', 'GET', '/api/channels?limit=5&depth=0&sort=id', { token })).body.docs ??
        []) as Array<{ id: number }>
      setup[v] = { token, tasks: tasks.map((t) => t.id), channels: channels.map((ch) => ch.id) }
      if (v === 'on') {
        // A manager opens every plan's report first: its targets' first-publication counts now
        // exist, and every publish below moves them (without a report they would cost nothing).
        const manager = await c.call('setup', 'POST', '/api/users/login', {
          json: { email: 'manager@demo.gov.vn', password: 'demo-Password-2025' },
        })
        const managerToken = String(manager.body.token)
        const plans = ((await c.call('setup', 'GET', '/api/plans?limit=20&depth=0', { token: managerToken })).body
          .docs ?? []) as Array<{ id: number }>
        for (const plan of plans) {
          const res = await c.call('setup', 'GET', `/api/quota/report?plan=${plan.id}`, { token: managerToken })
          if (res.status !== 200) throw new Error(`the report of plan ${plan.id} answered ${res.status}`)
        }
      }
    }

    const perRound: Record<Variant, Array<{ publishes: number; perSecond: number; ms: number[] }>> = { on: [], off: [] }
    const day = new Date().toISOString().slice(0, 10)
    for (let r = 0; r < rounds; r++) {
      for (const v of r % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
        const c = clients[v]!
        const { token, tasks, channels } = setup[v]
        c.samples.length = 0
        const started = Date.now()
        const until = started + seconds * 1000
        let k = 0
        await Promise.all(
          Array.from({ length: users }, async () => {
            while (Date.now() < until) {
              const i = k++
              const draft = await c.call('create', 'POST', '/api/articles?draft=true&depth=0', {
                token,
                json: { title: `Bài đo ${v} ${r} ${i}`, tasks: [tasks[i % tasks.length]] },
              })
              const id = (draft.body.doc as { id?: number } | undefined)?.id
              if (!id) continue
              await c.call('publish', 'PATCH', `/api/articles/${id}?depth=0`, {
                token,
                json: {
                  _status: 'published',
                  publications: [{ channel: channels[i % channels.length], publishedAt: `${day}T03:00:00.000Z` }],
                },
                expect: [200],
              })
            }
          }),
        )
        const elapsed = (Date.now() - started) / 1000
        const publishes = c.samples.filter((s) => s.kind === 'publish' && !s.failed)
        const failed = c.samples.filter((s) => s.failed).length
        if (failed > 0) throw new Error(`${failed} requests failed in round ${r} (${v}): the figure would be wrong`)
        perRound[v].push({
          publishes: publishes.length,
          perSecond: publishes.length / elapsed,
          ms: publishes.map((s) => s.ms),
        })
        log(`round ${r + 1} counting ${v}: ${publishes.length} publishes, ${(publishes.length / elapsed).toFixed(1)}/s`)
      }
    }

    const summary = (v: Variant) => {
      const ms = perRound[v].flatMap((x) => x.ms).sort((a, b) => a - b)
      return {
        perSecond: stats(perRound[v].map((x) => x.perSecond)),
        publishes: perRound[v].reduce((a, x) => a + x.publishes, 0),
        p50: percentile(ms, 50),
        p95: percentile(ms, 95),
        p99: percentile(ms, 99),
      }
    }
    const on = summary('on')
    const off = summary('off')
    const ratio = on.perSecond.median / off.perSecond.median
    const report = {
      date: new Date().toISOString(),
      machine: await machineInfo({ load: (await import('node:os')).loadavg()[0]?.toFixed(2) ?? '?' }),
      users,
      rounds,
      seconds,
      on,
      off,
      throughputRatio: ratio,
      goals: { ratio: ratio >= 0.8, p95: on.p95 < 500 },
    }
    await writeJson(values.quick ? 'http-publish-quick' : 'http-publish', report)
    const m = report.machine
    await updateResultsSection(
      'http-publish',
      [
        '## Publishing over HTTP at 64 concurrent users: counting on vs off',
        '',
        `${report.date} · ${m.cpu} · ${m.cores} cores · ${m.totalMemoryGiB} GiB · Node ${m.node} · Payload ${m.payload} · load average at the end ${m.load} · ${users} users, ${rounds} round(s) of ${seconds} s per variant, alternating${values.quick ? ' (quick)' : ''}`,
        '',
        'Two built apps (`npm start`, default pool of 10), each on its own fresh database of one embedded Postgres; each user creates a tagged draft and publishes it with one publication, in a loop. Only one app takes traffic at a time.',
        '',
        '| variant | publishes/s (median of rounds) | publishes | p50 ms | p95 ms | p99 ms |',
        '|---|---:|---:|---:|---:|---:|',
        `| counting on | ${on.perSecond.median.toFixed(1)} | ${on.publishes} | ${on.p50.toFixed(0)} | ${on.p95.toFixed(0)} | ${on.p99.toFixed(0)} |`,
        `| counting off | ${off.perSecond.median.toFixed(1)} | ${off.publishes} | ${off.p50.toFixed(0)} | ${off.p95.toFixed(0)} | ${off.p99.toFixed(0)} |`,
        '',
        `Throughput with counting: **${ratio.toFixed(2)}×** of without (goal ≥ 0.8: ${report.goals.ratio ? '**met**' : '**not met**'}); p95 with counting ${on.p95.toFixed(0)} ms (goal < 500 ms: ${report.goals.p95 ? '**met**' : '**not met**'}).`,
        '',
        `Raw numbers: \`bench/results/${values.quick ? 'http-publish-quick' : 'http-publish'}.json\`.`,
      ].join('\n'),
    )
    process.stdout.write(
      `counting on: ${on.perSecond.median.toFixed(1)} publishes/s, p95 ${on.p95.toFixed(0)} ms; off: ${off.perSecond.median.toFixed(1)}/s, p95 ${off.p95.toFixed(0)} ms; ratio ${ratio.toFixed(2)}\n`,
    )
  } finally {
    for (const c of Object.values(clients)) await c?.close()
    for (const a of Object.values(apps)) {
      if (!a || a.exitCode !== null) continue
      a.kill('SIGTERM')
      if ((await waitForExit(a, 30_000)) === 'timeout') a.kill('SIGKILL')
    }
    await db.stop()
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    log((err as Error).stack ?? String(err))
    process.exit(1)
  },
)
