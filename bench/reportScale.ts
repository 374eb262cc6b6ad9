/**
 * The full-plan quota report at scale: the product's report (GET /api/quota/report, through
 * Payload's real REST handler, signed in as a manager) against two ways of getting the same
 * numbers without the counting engine:
 *   - Payload's own `count` for every (task, channel) pair, and
 *   - one raw `GROUP BY` over the content tables.
 * Goals (issue #24, at 1M published items, 200 tasks × 12 channels): cold median ≤ 50 ms and
 * ≥ 50× faster than the raw GROUP BY; after one publish ≤ 10 ms; warm ≤ 5 ms; a past report
 * day, a unit's roll-up and a task's drill-down cold ≤ 50 ms.
 *
 *   npm run bench:report                      # 1,000,000 items
 *   npm run bench:report -- --quick           # 100,000 items, fewer repetitions
 *   npm run bench:report -- --items 300000 --reps 15 --count-sample 48
 *
 * The dataset is built in SQL (generate_series straight into Payload's tables), then the
 * counting engine's own rebuild (reconcile with repair) fills the ledger and tallies, exactly as
 * it would after a restore. Variants are measured alternately in the same run.
 * Writes bench/results/report-scale.json and the report-scale section of RESULTS.md.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import path from 'node:path'
import { isDeepStrictEqual, parseArgs } from 'node:util'
import { REST_GET } from '@payloadcms/next/routes'
import { getPayload, type Payload } from 'payload'
import { createAppConfig } from '../src/appConfig'
import { dayToInstant } from '../src/domain/calendar'
import { migrations } from '../src/migrations'
import { reconcile } from '../src/plugin/counting/engine/reconcile'
import { clearReportCache } from '../src/plugin/report/reportCache'
import {
  BENCH_DIR,
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

const PASSWORD = 'bench-Password-1'

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint()
  const value = await fn()
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value }
}

function options() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      items: { type: 'string' },
      tasks: { type: 'string', default: '200' },
      channels: { type: 'string', default: '12' },
      reps: { type: 'string' },
      'count-sample': { type: 'string' },
    },
  })
  const num = (name: string, v: string | undefined, fallback: number, min: number) => {
    const n = v === undefined ? fallback : Number(v)
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}`)
    return n
  }
  return {
    quick: values.quick === true,
    items: num('items', values.items, values.quick ? 100_000 : 1_000_000, 1000),
    tasks: num('tasks', values.tasks, 200, 1),
    channels: num('channels', values.channels, 12, 3),
    reps: num('reps', values.reps, values.quick ? 7 : 15, 3),
    countSample: num('count-sample', values['count-sample'], values.quick ? 12 : 24, 1),
  }
}

async function main(): Promise<void> {
  const opts = options()
  Object.assign(process.env, { JOBS_AUTORUN: '0' })
  const db = await freshDatabase('bench_report')
  const uploads = await mkdtemp(path.join(BENCH_DIR, '.uploads-'))
  const config = await createAppConfig({
    databaseUri: db.uri,
    seedOnFirstStart: false,
    uploadsDir: uploads,
    push: false,
  })
  const payload = await getPayload({ config, key: 'bench-report' })
  const sqlRunner = (payload.db as unknown as { drizzle: Sql }).drizzle
  const { sql } = await import('drizzle-orm')
  const exec = (q: ReturnType<typeof sql>) => sqlRunner.execute(q)
  try {
    await payload.db.migrate({ migrations: migrations as unknown as MigrationList })
    process.stdout.write(
      `[bench:report] building ${opts.items} items, ${opts.tasks} tasks × ${opts.channels} channels\n`,
    )

    // --- the plan, through the local API, as a manager would enter it -------------------------
    const manager = await payload.create({
      collection: 'users',
      data: { email: 'manager@bench.gov.vn', password: PASSWORD, name: 'Bench', role: 'manager' } as never,
    })
    const channels: number[] = []
    for (let i = 0; i < opts.channels; i++) {
      const c = await payload.create({
        collection: 'channels',
        data: { name: `Kênh ${i + 1}`, kind: i === 0 ? 'portal' : 'other', isHome: i === 0 } as never,
      })
      channels.push(Number(c.id))
    }
    const plan = await payload.create({
      collection: 'plans',
      data: {
        code: 'BENCH-1M',
        title: 'Kế hoạch đo hiệu năng',
        period: { from: dayToInstant('2025-01-01'), to: dayToInstant('2025-12-31') },
      } as never,
    })
    // A ministry and eight departments under it: the unit report rolls a department's tasks up.
    const ministry = await payload.create({ collection: 'units', data: { name: 'Bộ' } as never })
    const departments: number[] = []
    for (let i = 0; i < 8; i++) {
      const d = await payload.create({
        collection: 'units',
        data: { name: `Vụ ${i + 1}`, parent: ministry.id } as never,
      })
      departments.push(Number(d.id))
    }
    const perTask = Math.max(1, Math.round((opts.items * 1.2) / opts.tasks))
    const tasks: number[] = []
    for (let i = 0; i < opts.tasks; i++) {
      const month = 1 + (i % 12)
      const deadline = `2025-${String(month).padStart(2, '0')}-28`
      const own = [0, 1, 2].map((k) => channels[(i + k * 4) % channels.length]!)
      const t = await payload.create({
        collection: 'tasks',
        data: {
          plan: plan.id,
          code: String(i + 1),
          title: `Nhiệm vụ ${i + 1}`,
          sortOrder: i + 1,
          leadUnits: [departments[i % departments.length]!],
          timeframe: { kind: 'deadline', deadline: dayToInstant(deadline) },
          targets: [
            { kind: 'content', quantity: perTask, contentTypes: ['articles'], channels, mode: 'pooled' },
            {
              kind: 'content',
              quantity: Math.max(1, Math.round(perTask / 6)),
              contentTypes: ['articles'],
              channels: own,
              mode: 'perChannel',
            },
          ],
        } as never,
      })
      tasks.push(Number(t.id))
    }

    // --- the content, straight into Payload's tables --------------------------------------------
    const taskArr = sql.raw(`array[${tasks.join(',')}]`)
    const chanArr = sql.raw(`array[${channels.join(',')}]`)
    // Independent pseudo-random streams per property (hashint4 of offset seeds), so tasks,
    // channels and days are not correlated through the item number.
    const pick = (seed: number, n: number) => `(abs(hashint4(g + ${seed * 1_000_003})) % ${n})`
    const day = sql.raw(`(timestamptz '2025-01-01 09:00+07' + ${pick(1, 360)} * interval '1 day')`)
    const task1 = sql.raw(`1 + ${pick(2, opts.tasks)}`)
    const task2 = sql.raw(`1 + (${pick(2, opts.tasks)} + 1 + ${pick(3, opts.tasks - 1 || 1)}) % ${opts.tasks}`)
    const channel = sql.raw(`1 + (${pick(4, opts.channels)} + k * 5) % ${opts.channels}`)
    const build = await timed(async () => {
      await exec(sql`insert into articles (id, title, slug, search_text, _status, first_published_at, last_published_at, created_at, updated_at)
        select g, 'Bài số ' || g, 'bai-so-' || g, 'bai so ' || g, 'published', ${day}, ${day}, ${day}, ${day}
        from generate_series(1, ${opts.items}) g`)
      await exec(sql`select setval(pg_get_serial_sequence('articles', 'id'), ${opts.items})`)
      await exec(sql`insert into articles_rels ("order", parent_id, path, tasks_id)
        select 1, g, 'tasks', (${taskArr})[${task1}] from generate_series(1, ${opts.items}) g
        union all
        select 2, g, 'tasks', (${taskArr})[${task2}] from generate_series(1, ${opts.items}) g where g % 5 = 0`)
      await exec(sql`insert into articles_publications (_order, _parent_id, id, channel_id, published_at)
        select k + 1, g, md5(g || ':' || k), (${chanArr})[${channel}], ${day} + k * interval '1 day'
        from generate_series(1, ${opts.items}) g cross join generate_series(0, 2) k where k < 1 + g % 3`)
      await exec(sql`analyze`)
    })
    const rebuild = await timed(() => reconcile(payload, { repair: true, maxRows: 0 }))
    await exec(sql`analyze`)
    const sizes = (
      await exec(sql`select (select count(*) from quota_contributions)::int as ledger,
        (select count(*) from quota_tallies)::int as tallies,
        (select count(*) from articles_publications)::int as publications`)
    ).rows[0]!
    process.stdout.write(
      `[bench:report] content ${(build.ms / 1000).toFixed(1)} s, engine rebuild ${(rebuild.ms / 1000).toFixed(1)} s; ` +
        `ledger ${String(sizes.ledger)} rows, tallies ${String(sizes.tallies)} rows\n`,
    )

    // --- the three ways ---------------------------------------------------------------------------
    const { token } = await payload.login({
      collection: 'users',
      data: { email: 'manager@bench.gov.vn', password: PASSWORD },
    })
    const get = REST_GET(Promise.resolve(payload.config))
    const fetchJson = async (slug: string[], query: string) => {
      const url = `http://localhost/api/${slug.join('/')}?${query}`
      const res = await get(new Request(url, { headers: { Authorization: `JWT ${token}` } }), {
        params: Promise.resolve({ slug }),
      })
      if (res.status !== 200) throw new Error(`${slug.join('/')} answered ${res.status}: ${await res.text()}`)
      return (await res.json()) as { totals: { achieved: number } }
    }
    const product = (asOf = '2025-12-31') => fetchJson(['quota', 'report'], `plan=${String(plan.id)}&asOf=${asOf}`)
    // Another report day each time, never asked before: the day is no longer part of any cost.
    let pastDays = 0
    const pastDay = () => {
      pastDays++
      return new Date(Date.UTC(2025, 5, 30) - pastDays * 86_400_000).toISOString().slice(0, 10)
    }
    const unitReport = () =>
      fetchJson(['quota', 'report'], `plan=${String(plan.id)}&asOf=2025-12-31&unit=${String(departments[0])}`)
    let drilled = 0
    const drillDown = () =>
      fetchJson(['quota', 'task'], `task=${String(tasks[drilled++ % tasks.length])}&asOf=2025-12-31`)
    // The REST handler runs on the Payload instance Payload caches for this config; its report
    // cache is the one to empty for the cold variant.
    const restPayload = async () => getPayload({ config: payload.config })
    const coldly =
      <T>(fn: () => Promise<T>) =>
      async () => {
        clearReportCache(await restPayload())
        return fn()
      }
    const cold = coldly(() => product())
    const coldPast = coldly(() => product(pastDay()))
    const coldUnit = coldly(unitReport)
    const coldDrill = coldly(drillDown)
    // One more published item on one task, through the engine (untimed), then the report: the
    // cache recounts that task's targets only.
    let published = 0
    const afterPublish = async () => {
      const task = tasks[published % tasks.length]!
      published++
      await payload.create({
        collection: 'articles',
        data: {
          title: `Bài mới ${published}`,
          _status: 'published',
          tasks: [task],
          publications: [{ channel: channels[0]!, publishedAt: dayToInstant('2025-06-15') }],
        } as never,
      })
      return (await timed(() => product())).ms
    }
    const groupBy = () =>
      exec(sql`select r.tasks_id as task, p.channel_id as channel, count(distinct c.id)::int as n
        from articles c
        join articles_rels r on r.parent_id = c.id and r.path = 'tasks'
        join articles_publications p on p._parent_id = c.id
        where c._status = 'published' and c.deleted_at is null
          and p.published_at >= timestamptz '2025-01-01 00:00+07' and p.published_at < timestamptz '2026-01-01 00:00+07'
        group by 1, 2`)
    const pairs = tasks.flatMap((t) => channels.map((c) => [t, c] as const))
    const sample = Array.from({ length: opts.countSample }, (_, i) => pairs[(i * 7919) % pairs.length]!)
    const countSample = async () => {
      for (const [task, channel] of sample) {
        await payload.count({
          collection: 'articles',
          where: {
            and: [
              { tasks: { equals: task } },
              { 'publications.channel': { equals: channel } },
              { 'publications.publishedAt': { greater_than_equal: '2024-12-31T17:00:00.000Z' } },
              { 'publications.publishedAt': { less_than: '2025-12-31T17:00:00.000Z' } },
            ],
          },
          overrideAccess: false,
          user: manager,
        })
      }
    }

    // Warm-up, then rounds in rotating order.
    // The first report builds the first-publication counts of every target window (kept after).
    const firstBuild = await timed(() => product())
    const checkProduct = firstBuild.value
    process.stdout.write(`[bench:report] first report (builds every target's counts) ${firstBuild.ms.toFixed(0)} ms\n`)
    const checkGroup = (await groupBy()).rows.length
    await countSample()
    if (process.env.BENCH_PROFILE) {
      // Where a cold report's time goes: shape, questions, counts, assembly, JSON.
      {
        const { readReportShape, reportQuestions, assembleReport } = await import('../src/plugin/report/buildReport')
        const { countTargets } = await import('../src/plugin/counting/engine/read')
        const { createLocalReq: localReq } = await import('payload')
        const asManager = await localReq({ user: manager as never }, payload)
        for (let k = 0; k < 8; k++) {
          const params = { plan: Number(plan.id), asOf: '2025-12-31', unit: null }
          const sh = await timed(() => readReportShape(asManager, params))
          const qs = await timed(async () => reportQuestions(sh.value!, params.asOf))
          const ct = await timed(() => countTargets(payload, qs.value.queries))
          const as = await timed(async () => assembleReport(sh.value!, qs.value, ct.value, params))
          const js = await timed(async () => JSON.stringify(as.value).length)
          process.stdout.write(
            `[profile] steps: shape ${sh.ms.toFixed(1)}, questions ${qs.ms.toFixed(1)}, count ${ct.ms.toFixed(1)}, ` +
              `assemble ${as.ms.toFixed(1)}, JSON ${js.ms.toFixed(1)} ms (${js.value} bytes)\n`,
          )
        }
      }
      const { buildReport } = await import('../src/plugin/report/buildReport')
      const { createLocalReq } = await import('payload')
      const req = await createLocalReq({ user: manager as never }, payload)
      // The report's shape both ways (buildReport takes the SQL one for a manager), before the
      // EXPLAIN wrapper below slows every statement down.
      const { readReportShapeThroughPayload } = await import('../src/plugin/report/buildReport')
      const { readReportShapeSql } = await import('../src/plugin/report/readReportShapeSql')
      const shapeParams = { plan: Number(plan.id), asOf: '2025-12-31', unit: null }
      const shapeWays = {
        payload: () => readReportShapeThroughPayload(req, shapeParams),
        sql: () => readReportShapeSql(req, shapeParams),
      }
      const shapeMs: Record<keyof typeof shapeWays, number[]> = { payload: [], sql: [] }
      for (let round = 0; round < 11; round++)
        for (const way of ['payload', 'sql'] as const) {
          const r = await timed(shapeWays[way])
          if (round > 0) shapeMs[way].push(r.ms) // round 0 warms both up
        }
      const [viaPayload, viaSql] = [await shapeWays.payload(), await shapeWays.sql()]
      const sameTasks = isDeepStrictEqual(viaPayload?.tasks, viaSql?.tasks)
      for (const way of ['payload', 'sql'] as const) {
        const s = stats(shapeMs[way])
        process.stdout.write(
          `[profile] readShape ${way}: median ${s.median.toFixed(1)} ms, min ${s.min.toFixed(1)} ms, max ${s.max.toFixed(1)} ms (${String(viaSql?.tasks.length)} tasks)\n`,
        )
      }
      process.stdout.write(`[profile] readShape tasks equal: ${String(sameTasks)}\n`)
      const origExecute = sqlRunner.execute.bind(sqlRunner)
      const dialect = (sqlRunner as unknown as { dialect: { sqlToQuery(q: unknown): { sql: string } } }).dialect
      const profiled =
        (run: Sql['execute']): Sql['execute'] =>
        async (q: unknown) => {
          const r = await timed(() => run(q))
          process.stdout.write(`[profile] raw sql ${r.ms.toFixed(1)} ms\n`)
          // `set local` has no plan, and a failed EXPLAIN would abort the report's transaction.
          const text = dialect.sqlToQuery(q).sql.trimStart().toLowerCase()
          if (text.startsWith('set ')) return r.value
          const plan = await run(sql`explain (analyze, costs off) ${q as ReturnType<typeof sql>}`)
          process.stdout.write(plan.rows.map((row) => `   ${String(Object.values(row)[0])}`).join('\n') + '\n')
          return r.value
        }
      ;(sqlRunner as { execute: Sql['execute'] }).execute = profiled(origExecute)
      // The report counts inside a read transaction of its own (countTargets): profile those too.
      type Tx = <T>(fn: (tx: Sql) => Promise<T>) => Promise<T>
      const holder = sqlRunner as unknown as { transaction: Tx }
      const origTransaction = holder.transaction.bind(sqlRunner)
      holder.transaction = (fn) => origTransaction((tx) => fn({ execute: profiled(tx.execute.bind(tx)) } as Sql))
      const tasksFind = await timed(() =>
        payload.find({
          collection: 'tasks',
          where: { plan: { equals: plan.id } },
          depth: 1,
          pagination: false,
          overrideAccess: false,
          req,
        }),
      )
      process.stdout.write(`[profile] tasks find ${tasksFind.ms.toFixed(1)} ms\n`)
      const whole = await timed(() => buildReport(req, { plan: Number(plan.id), asOf: '2025-12-31', unit: null }))
      process.stdout.write(`[profile] buildReport ${whole.ms.toFixed(1)} ms\n`)
      ;(sqlRunner as { execute: Sql['execute'] }).execute = origExecute
      holder.transaction = origTransaction
    }
    const samples = {
      product: [] as number[],
      past: [] as number[],
      unit: [] as number[],
      drill: [] as number[],
      warm: [] as number[],
      afterPublish: [] as number[],
      groupBy: [] as number[],
      countAll: [] as number[],
    }
    const order = ['product', 'groupBy', 'count', 'warm', 'afterPublish', 'past', 'unit', 'drill'] as const
    for (let rep = 0; rep < opts.reps; rep++) {
      for (let k = 0; k < order.length; k++) {
        const which = order[(rep + k) % order.length]!
        if (which === 'product') samples.product.push((await timed(cold)).ms)
        if (which === 'past') samples.past.push((await timed(coldPast)).ms)
        if (which === 'unit') samples.unit.push((await timed(coldUnit)).ms)
        if (which === 'drill') samples.drill.push((await timed(coldDrill)).ms)
        if (which === 'warm') {
          await product() // whatever ran before, the next call finds nothing changed
          samples.warm.push((await timed(() => product())).ms)
        }
        if (which === 'afterPublish') {
          await product()
          samples.afterPublish.push(await afterPublish())
        }
        if (which === 'groupBy') samples.groupBy.push((await timed(groupBy)).ms)
        // Payload's count is timed on a sample of pairs and scaled to all of them.
        if (which === 'count') samples.countAll.push(((await timed(countSample)).ms * pairs.length) / sample.length)
      }
    }
    // The nightly check: ledger, tallies and every kept first-day count recomputed (dry run).
    const rssBefore = process.memoryUsage().rss
    const nightly = await timed(() => reconcile(payload, { repair: false, maxRows: 0 }))
    const nightlyRssMiB = process.resourceUsage().maxRSS / 1024
    process.stdout.write(
      `[bench:report] nightly reconcile ${(nightly.ms / 1000).toFixed(1)} s, ${nightly.value.firstDays.specs} specs, drift ${nightly.value.counts.tallies + nightly.value.firstDays.drift.length}\n`,
    )
    const result = {
      product: stats(samples.product),
      warm: stats(samples.warm),
      afterPublish: stats(samples.afterPublish),
      past: stats(samples.past),
      unit: stats(samples.unit),
      drill: stats(samples.drill),
      groupBy: stats(samples.groupBy),
      countAll: stats(samples.countAll),
    } satisfies Record<string, Stats>
    const ratio = {
      countVsProduct: result.countAll.median / result.product.median,
      groupByVsProduct: result.groupBy.median / result.product.median,
      countVsWarm: result.countAll.median / result.warm.median,
      groupByVsWarm: result.groupBy.median / result.warm.median,
      countVsAfterPublish: result.countAll.median / result.afterPublish.median,
      groupByVsAfterPublish: result.groupBy.median / result.afterPublish.median,
    }
    const report = {
      date: new Date().toISOString(),
      machine: await machineInfo(),
      options: opts,
      dataset: {
        items: opts.items,
        tasks: opts.tasks,
        channels: opts.channels,
        pairs: pairs.length,
        publications: Number(sizes.publications),
        ledgerRows: Number(sizes.ledger),
        tallyRows: Number(sizes.tallies),
        buildSeconds: build.ms / 1000,
        rebuildSeconds: rebuild.ms / 1000,
        firstReportMs: firstBuild.ms,
        nightlyReconcileSeconds: nightly.ms / 1000,
        nightlyReconcileSpecs: nightly.value.firstDays.specs,
        nodeRssBeforeReconcileMiB: rssBefore / 1024 / 1024,
        nodePeakRssMiB: nightlyRssMiB,
        totalAchieved: checkProduct.totals.achieved,
        groupByRows: checkGroup,
      },
      result,
      ratio,
    }
    await writeJson(opts.quick ? 'report-scale-quick' : 'report-scale', report)
    const f = (s: Stats) => `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})`
    const goal = (ok: boolean) => (ok ? 'met' : '**missed**')
    const ms = (v: number) => `${v.toFixed(1)} ms`
    // The last figures before the first-publication store (bench/RESULTS.md of 2026-11-23, same
    // dataset and machine kind), kept beside the new ones as issue #24 asks.
    const before = opts.quick
      ? { cold: 2110.9, warm: 7.2, afterPublish: 32.8, groupBy: 'cold 0.16×', date: '2026-11-23' }
      : { cold: 25951.2, warm: 8.8, afterPublish: 157.0, groupBy: 'cold 0.10×', date: '2026-11-23' }
    await updateResultsSection(
      opts.quick ? 'report-scale-quick' : 'report-scale',
      [
        `## Full-plan report at scale${opts.quick ? ' (quick)' : ''}`,
        '',
        `\`npm run bench:report${opts.quick ? ' -- --quick' : ''}\` — ${report.date.slice(0, 10)}, ${String(report.machine.cpu)}, ${String(report.machine.cores)} cores, Node ${String(report.machine.node)}, Payload ${String(report.machine.payload)}.`,
        '',
        `Dataset: ${opts.items.toLocaleString('en')} published articles, ${opts.tasks} tasks × ${opts.channels} channels (2 targets per task: pooled over all channels, per-channel over 3; each task led by one of 8 departments of one ministry), ` +
          `${Number(sizes.publications).toLocaleString('en')} publications, ledger ${Number(sizes.ledger).toLocaleString('en')} rows, tallies ${Number(sizes.tallies).toLocaleString('en')} rows. ` +
          `Built in ${(build.ms / 1000).toFixed(1)} s (SQL), engine rebuild ${(rebuild.ms / 1000).toFixed(1)} s. ${opts.reps} rounds, variants alternated.`,
        '',
        'Reports read the first-publication counts the engine keeps at write time (src/domain/firstDays.ts): ' +
          `the first report of a target window builds them once from the ledger (here every window of the plan: ${(firstBuild.ms / 1000).toFixed(1)} s); ` +
          'after that a report reads one array element per (spec, year), whatever the number of items. Variants:',
        '- **cold**: the report cache emptied first, as after a restart, on another instance, or after an edit of a plan, task, unit or channel;',
        '- **cold, past day**: the same for a report day never asked before (each round another day of June 2025);',
        "- **cold, unit roll-up**: one department's tasks; **cold, task drill-down**: GET /api/quota/task, one task's targets with their cumulative lines and the first page of their items (100 each);",
        '- **warm**: nothing changed since the last report; **after one publish**: an article published on one task just before (untimed).',
        '',
        '| variant | median ms (min–max) | vs raw GROUP BY | goal | met |',
        '| --- | --- | --- | --- | --- |',
        `| cold (REST, manager) | ${f(result.product)} | ${ratio.groupByVsProduct.toFixed(1)}× | ≤ 50 ms and ≥ 50× | ${goal(result.product.median <= 50 && ratio.groupByVsProduct >= 50)} |`,
        `| cold, past day | ${f(result.past)} | ${(result.groupBy.median / result.past.median).toFixed(1)}× | ≤ 50 ms | ${goal(result.past.median <= 50)} |`,
        `| cold, unit roll-up | ${f(result.unit)} | | ≤ 50 ms | ${goal(result.unit.median <= 50)} |`,
        `| cold, task drill-down | ${f(result.drill)} | | ≤ 50 ms | ${goal(result.drill.median <= 50)} |`,
        `| after one publish | ${f(result.afterPublish)} | ${ratio.groupByVsAfterPublish.toFixed(1)}× | ≤ 10 ms | ${goal(result.afterPublish.median <= 10)} |`,
        `| warm | ${f(result.warm)} | ${ratio.groupByVsWarm.toFixed(1)}× | ≤ 5 ms | ${goal(result.warm.median <= 5)} |`,
        `| Payload \`count\` × ${pairs.length} pairs (from ${sample.length} timed) | ${f(result.countAll)} | | | |`,
        `| one raw GROUP BY over content tables | ${f(result.groupBy)} | | | |`,
        '',
        `Before the first-publication store (${before.date}, same dataset): cold ${ms(before.cold)} (${before.groupBy} of the raw GROUP BY), after one publish ${ms(before.afterPublish)}, warm ${ms(before.warm)}. ` +
          `Now: cold ${ms(result.product.median)}, ${(before.cold / result.product.median).toFixed(0)}× faster.`,
        '',
        `Nightly reconciliation (dry run, after the rounds): ${(nightly.ms / 1000).toFixed(1)} s for the ledger, the tallies and ${nightly.value.firstDays.specs} kept specs; ` +
          `bench process peak RSS ${nightlyRssMiB.toFixed(0)} MiB (the recomputation runs in Postgres; the first-day vectors are compared in Node).`,
      ].join('\n'),
    )
    process.stdout.write(
      `[bench:report] product cold ${f(result.product)} ms, warm ${f(result.warm)} ms, after one publish ${f(result.afterPublish)} ms; count ${f(result.countAll)} ms (${ratio.countVsProduct.toFixed(1)}×); ` +
        `group by ${f(result.groupBy)} ms (${ratio.groupByVsProduct.toFixed(1)}×)\n`,
    )
  } finally {
    await destroyPayloads(payload)
    await db.drop()
    await rm(uploads, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})
