/**
 * `npm run bench`: every benchmark, one after the other, each in its own process (and, where it
 * needs a database, under its own throw-away embedded Postgres, exactly as its npm script runs
 * it), so one benchmark's memory or leftover connections never colour the next one's numbers.
 *
 *   npm run bench                         # full sizes; includes the cold start (clone + npm ci + build)
 *   npm run bench -- --quick              # small sizes, no cold start; < 10 min on 2 quiet cores
 *   npm run bench -- --quick --cold       # quick, plus the cold start (hard-linked node_modules)
 *   npm run bench -- --only feeds,concurrency
 *
 * A benchmark that crashes (exit ≠ 0) is reported and makes this command exit 1; a missed goal is
 * not a crash: it is written in RESULTS.md by the benchmark itself. Writes the run summary
 * section of RESULTS.md and bench/results/run[-quick].json.
 */
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { BENCH_DIR, REPO_DIR, machineInfo, updateResultsSection, writeJson } from './lib'

interface Bench {
  name: string
  script: string
  database: boolean
  /** Arguments for a full run and for --quick. */
  full: string[]
  quick: string[]
  what: string
}

const BENCHES: Bench[] = [
  {
    name: 'report',
    script: 'bench/reportScale.ts',
    database: true,
    full: [],
    quick: ['--quick'],
    what: 'full-plan report vs Payload count vs raw GROUP BY (1)',
  },
  {
    name: 'publish',
    script: 'bench/publishLatency.ts',
    database: true,
    full: [],
    quick: ['--reps', '60'],
    what: 'publish latency, counting on vs off (2)',
  },
  {
    name: 'concurrency',
    script: 'bench/concurrency.ts',
    database: true,
    full: [],
    quick: ['--quick'],
    what: '64 writers in 3 processes, counting on vs off, drift (3)',
  },
  {
    name: 'image',
    script: 'bench/imagePipeline.ts',
    database: false,
    full: [],
    quick: ['--reps', '3'],
    what: 'image pipeline vs plain sharp, peak memory, pixel bomb (4)',
  },
  {
    name: 'feeds',
    script: 'bench/feeds.ts',
    database: true,
    full: [],
    quick: ['--quick'],
    what: 'RSS 50-item feed and 304 over HTTP (5)',
  },
  {
    name: 'cold',
    script: 'bench/coldStart.ts',
    database: false,
    full: ['--with-tests', '--with-feeds'],
    quick: ['--quick', '--with-feeds'],
    what: 'fresh clone → install → first /admin 200; test-suite time (6); feeds through the built app (5)',
  },
]

function commandOf(b: Bench, quick: boolean): string[] {
  const args = ['--import', './src/cli/register.mjs', b.script, ...(quick ? b.quick : b.full)]
  return b.database
    ? ['--import', './src/cli/register.mjs', 'src/cli/withDatabase.ts', '--ephemeral', '--', 'node', ...args]
    : args
}

/** The npm command a reader can paste to rerun one benchmark as this run did. */
function npmCommandOf(b: Bench, quick: boolean): string {
  const args = quick ? b.quick : b.full
  const script = b.name === 'cold' ? 'bench:cold' : `bench:${b.name}`
  return `npm run ${script}${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`
}

function run(b: Bench, quick: boolean): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
  const start = performance.now()
  return new Promise((resolve) => {
    const child = spawn(process.execPath, commandOf(b, quick), { cwd: REPO_DIR, stdio: 'inherit', env: process.env })
    child.on('exit', (code, signal) => resolve({ code, signal, ms: performance.now() - start }))
    child.on('error', (err) => {
      process.stderr.write(`[bench] ${b.name}: ${err.message}\n`)
      resolve({ code: 1, signal: null, ms: performance.now() - start })
    })
  })
}

// `any`: the results files have several shapes, written by the scripts next to this one; a
// missing field shows up as a crash of this summary, not as a wrong figure.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the reason is above
type Json = Record<string, any>

async function readResult(name: string): Promise<Json | null> {
  try {
    return JSON.parse(await readFile(path.join(BENCH_DIR, 'results', `${name}.json`), 'utf8')) as Json
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
}

/**
 * Every figure of the benchmark issue with its ratio, its goal and the command that produced it,
 * read back from the results files (a figure from an earlier run says so by its date).
 */
async function goalsTable(quick: boolean): Promise<string[]> {
  const pick = async (full: string, short: string) =>
    quick
      ? ((await readResult(short)) ?? (await readResult(full)))
      : ((await readResult(full)) ?? (await readResult(short)))
  const yes = (ok: boolean) => (ok ? 'met' : '**missed**')
  const day = (r: Json) =>
    String(r.date ?? '')
      .slice(0, 16)
      .replace('T', ' ')
  const rows: string[] = []
  const row = (n: string, figure: string, measured: string, goal: string, met: string, command: string, date: string) =>
    rows.push(`| ${n} | ${figure} | ${measured} | ${goal} | ${met} | \`${command}\` | ${date} |`)

  const report = await pick('report-scale', 'report-scale-quick')
  if (report) {
    const o = report.options as Json
    const cmd = `npm run bench:report${o.quick ? ' -- --quick' : ''}`
    const items = `${Number(o.items).toLocaleString('en')} items`
    // Older result files have the cold variant only.
    const variants: Array<[string, string, string]> = [['cold', 'product', 'Product']]
    if (report.result.warm) variants.push(['warm, nothing changed', 'warm', 'Warm'])
    if (report.result.afterPublish) variants.push(['after one publish', 'afterPublish', 'AfterPublish'])
    for (const [label, key, suffix] of variants) {
      const median = report.result[key].median as number
      const vsCount = report.ratio[`countVs${suffix}`] as number
      const vsGroup = report.ratio[`groupByVs${suffix}`] as number
      row(
        '1',
        `full-plan report, ${label}, median (${items})`,
        `${median.toFixed(1)} ms`,
        '≤ 10 ms',
        yes(median <= 10),
        cmd,
        day(report),
      )
      row(
        '1',
        `— ${label}: vs Payload \`count\` per (task, channel)`,
        `${vsCount.toFixed(1)}× faster`,
        '≥ 200×',
        yes(vsCount >= 200),
        cmd,
        day(report),
      )
      row(
        '1',
        `— ${label}: vs one raw GROUP BY`,
        `${vsGroup.toFixed(2)}× faster`,
        '≥ 100×',
        yes(vsGroup >= 100),
        cmd,
        day(report),
      )
    }
  } else rows.push('| 1 | full-plan report | not run | | | `npm run bench:report` | |')

  const publish = await readResult('publish-latency')
  if (publish)
    row(
      '2',
      'publish latency, counting on vs off (median)',
      `${publish.timings.on.median.toFixed(1)} vs ${publish.timings.off.median.toFixed(1)} ms: ${publish.overheadAtMedian >= 0 ? '+' : '−'}${Math.abs(publish.overheadAtMedian * 100).toFixed(1)} %`,
      '≤ 10 % overhead',
      yes(publish.overheadAtMedian <= 0.1),
      `npm run bench:publish -- --reps ${publish.reps}`,
      day(publish),
    )
  else rows.push('| 2 | publish latency | not run | | | `npm run bench:publish` | |')

  const conc = await pick('concurrency', 'concurrency-quick')
  if (conc) {
    const cmd = `npm run bench:concurrency${conc.options.quick ? ' -- --quick' : ''}`
    row(
      '3',
      `throughput, ${conc.options.writers} writers / ${conc.options.processes} processes, ${Number(conc.options.ops).toLocaleString('en')} ops, counting on vs off`,
      `${conc.result.on.throughput.toFixed(1)} vs ${conc.result.off.throughput.toFixed(1)} ops/s: ${(conc.ratio * 100).toFixed(1)} %`,
      '≥ 80 %',
      yes(conc.ratio >= 0.8),
      cmd,
      day(conc),
    )
    const d = conc.after.on.drift as Json
    row(
      '3',
      'drift after the counting-on run',
      `${d.ledgerMissing + d.ledgerExtra + d.tallies} (reconcile), ${d.independent} (independent recount)`,
      '0',
      yes(conc.driftZero === true),
      cmd,
      day(conc),
    )
  } else rows.push('| 3 | concurrency | not run | | | `npm run bench:concurrency` | |')

  const image = await readResult('image-pipeline')
  if (image) {
    const cmd = `npm run bench:image -- --reps ${image.reps}`
    row(
      '4',
      '6000×4000 JPEG: pipeline vs plain sharp',
      `${image.ratios.pipelineToPlain.ofMedians.toFixed(2)}×`,
      '≤ 1.5×',
      yes(image.goals.ratio === true),
      cmd,
      day(image),
    )
    row(
      '4',
      'peak memory, pipeline',
      `${(image.peakRssKiB.pipeline / 1024).toFixed(0)} MiB`,
      '≤ 512 MB',
      yes(image.goals.peakRss === true),
      cmd,
      day(image),
    )
    row(
      '4',
      'pixel bomb rejected',
      `${image.bombRejection.median.toFixed(2)} ms (${image.bombRejection.code})`,
      '≤ 100 ms',
      yes(image.goals.bomb === true),
      cmd,
      day(image),
    )
  } else rows.push('| 4 | image pipeline | not run | | | `npm run bench:image` | |')

  const feeds = await pick('feeds', 'feeds-quick')
  if (feeds) {
    const cmd = `npm run bench:feeds${feeds.options.quick ? ' -- --quick' : ''}`
    const all = feeds.result['all-200'] as Json
    row(
      '5',
      '50-item RSS feed over HTTP, median',
      `${all.median.toFixed(1)} ms`,
      '≤ 15 ms',
      yes(all.median <= 15),
      cmd,
      day(feeds),
    )
    row(
      '5',
      '304 path (If-None-Match), median',
      `${feeds.result['all-304'].median.toFixed(1)} ms (${feeds.ratios.notModifiedVsFull.toFixed(2)}× the full answer)`,
      '≤ 15 ms',
      yes(feeds.result['all-304'].median <= 15),
      cmd,
      day(feeds),
    )
  } else rows.push('| 5 | RSS feeds | not run | | | `npm run bench:feeds` | |')
  const feedsNext = await pick('feeds-next', 'feeds-next-quick')
  if (feedsNext?.result['all-200-next'])
    row(
      '5',
      '50-item RSS feed through the built app (Next), median',
      `${feedsNext.result['all-200-next'].median.toFixed(1)} ms (${feedsNext.ratios.nextVsHandler.toFixed(2)}× the bare handler)`,
      '≤ 15 ms',
      yes(feedsNext.result['all-200-next'].median <= 15),
      `npm run bench:cold -- ${feedsNext.options.quick ? '--quick ' : ''}--with-feeds`,
      day(feedsNext),
    )

  const cold = await pick('cold-start', 'cold-start-quick')
  if (cold) {
    const flags = [cold.quick && '--quick', cold.tests && '--with-tests', cold.feedsNext && '--with-feeds']
      .filter(Boolean)
      .join(' ')
    const cmd = `npm run bench:cold${flags ? ` -- ${flags}` : ''}`
    row(
      '6',
      `fresh clone → ${cold.quick ? 'node_modules hard-linked (no install)' : 'npm ci'} → first /admin 200`,
      `${(cold.coldTotalMs / 1000).toFixed(1)} s (install ${(cold.install.ms / 1000).toFixed(1)} s, first start incl. build ${(cold.firstStart.adminMs / 1000).toFixed(1)} s)`,
      'no number set',
      '–',
      cmd,
      day(cold),
    )
    if (cold.tests)
      row(
        '6',
        'full test suite (`npm test`) in the clone',
        `${(cold.tests.ms / 1000).toFixed(1)} s (exit ${cold.tests.code})`,
        'no number set',
        '–',
        cmd,
        day(cold),
      )
    else
      rows.push(
        '| 6 | full test suite (`npm test`) | not measured in this run | | | `npm run bench:cold -- --with-tests` | |',
      )
  } else
    rows.push('| 6 | cold start | not run (`npm run bench -- --cold`, or the full run) | | | `npm run bench:cold` | |')
  return ['| # | figure | measured | goal | goal met | command | run (UTC) |', '|---|---|---|---|---|---|---|', ...rows]
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      cold: { type: 'boolean', default: false },
      only: { type: 'string' },
      skip: { type: 'string' },
    },
  })
  const quick = values.quick === true
  const names = new Set(BENCHES.map((b) => b.name))
  const list = (v: string | undefined) => {
    const out = (v ?? '').split(',').filter(Boolean)
    for (const n of out)
      if (!names.has(n)) throw new Error(`unknown benchmark "${n}" (known: ${[...names].join(', ')})`)
    return new Set(out)
  }
  const only = list(values.only)
  const skip = list(values.skip)
  const selected = BENCHES.filter((b) => {
    if (only.size > 0) return only.has(b.name)
    if (skip.has(b.name)) return false
    // The cold start clones, installs and builds: minutes of work, in the full run or on request.
    return b.name !== 'cold' || !quick || values.cold === true
  })

  const started = new Date()
  const results: Array<{ name: string; command: string; code: number | null; signal: string | null; seconds: number }> =
    []
  for (const b of selected) {
    process.stdout.write(`\n[bench] ── ${b.name}: ${b.what}\n[bench] ${npmCommandOf(b, quick)}\n`)
    const r = await run(b, quick)
    results.push({
      name: b.name,
      command: npmCommandOf(b, quick),
      code: r.code,
      signal: r.signal,
      seconds: r.ms / 1000,
    })
    process.stdout.write(
      `[bench] ${b.name}: ${r.code === 0 ? 'done' : `FAILED (exit ${r.code ?? r.signal})`} in ${(r.ms / 1000).toFixed(1)} s\n`,
    )
  }
  const total = results.reduce((s, r) => s + r.seconds, 0)
  const failed = results.filter((r) => r.code !== 0)
  const machine = await machineInfo({ loadAverage1m: Number(os.loadavg()[0]?.toFixed(2)) })
  const summary = {
    date: started.toISOString(),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    quick,
    machine,
    results,
    totalSeconds: total,
  }
  const name = quick ? 'run-quick' : 'run'
  await writeJson(name, summary)
  await updateResultsSection(
    name,
    [
      `## Run summary: \`${summary.command}\``,
      '',
      `${summary.date}, ${String(machine.cpu)}, ${String(machine.cores)} cores, ${String(machine.totalMemoryGiB)} GiB, ${String(machine.os)}, Node ${String(machine.node)}, Payload ${String(machine.payload)}. ` +
        `Load average (1 min) at the end: ${String(machine.loadAverage1m)}: the machine was shared with other agents' builds and tests during this run, so absolute times are inflated and noisy; the ratios within each benchmark are the numbers to read.`,
      '',
      '| benchmark | command | status | wall time s |',
      '|---|---|---|---:|',
      ...results.map(
        (r) =>
          `| ${r.name} | \`${r.command}\` | ${r.code === 0 ? 'ok' : `**crashed** (exit ${r.code ?? r.signal})`} | ${r.seconds.toFixed(1)} |`,
      ),
      `| **total** | | | **${total.toFixed(1)}** |`,
      '',
      '### Every figure of the benchmark issue',
      '',
      'Read back from `bench/results/*.json` after this run (a row whose date is older comes from an earlier run of that benchmark). Details, profiles of missed goals and raw numbers: the sections below.',
      '',
      ...(await goalsTable(quick)),
    ].join('\n'),
  )
  process.stdout.write(
    `\n[bench] summary (${path.relative(process.cwd(), path.join(REPO_DIR, 'bench', 'RESULTS.md')) || 'bench/RESULTS.md'}):\n`,
  )
  for (const r of results)
    process.stdout.write(
      `  ${r.name.padEnd(12)} ${r.code === 0 ? 'ok     ' : 'CRASHED'} ${r.seconds.toFixed(1).padStart(7)} s\n`,
    )
  process.stdout.write(`  ${'total'.padEnd(12)}         ${total.toFixed(1).padStart(7)} s\n`)
  if (failed.length > 0) {
    process.stderr.write(`[bench] ${failed.length} benchmark(s) crashed: ${failed.map((r) => r.name).join(', ')}\n`)
    process.exit(1)
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`)
  process.exit(1)
})
