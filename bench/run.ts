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
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { REPO_DIR, machineInfo, updateResultsSection, writeJson } from './lib'

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
  const args = ['--import', 'tsx', b.script, ...(quick ? b.quick : b.full)]
  return b.database ? ['--import', 'tsx', 'src/cli/withDatabase.ts', '--ephemeral', '--', 'node', ...args] : args
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
    for (const n of out) if (!names.has(n)) throw new Error(`unknown benchmark "${n}" (known: ${[...names].join(', ')})`)
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
  const results: Array<{ name: string; command: string; code: number | null; signal: string | null; seconds: number }> = []
  for (const b of selected) {
    process.stdout.write(`\n[bench] ── ${b.name}: ${b.what}\n[bench] ${npmCommandOf(b, quick)}\n`)
    const r = await run(b, quick)
    results.push({ name: b.name, command: npmCommandOf(b, quick), code: r.code, signal: r.signal, seconds: r.ms / 1000 })
    process.stdout.write(`[bench] ${b.name}: ${r.code === 0 ? 'done' : `FAILED (exit ${r.code ?? r.signal})`} in ${(r.ms / 1000).toFixed(1)} s\n`)
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
    ].join('\n'),
  )
  process.stdout.write(`\n[bench] summary (${path.relative(process.cwd(), path.join(REPO_DIR, 'bench', 'RESULTS.md')) || 'bench/RESULTS.md'}):\n`)
  for (const r of results)
    process.stdout.write(`  ${r.name.padEnd(12)} ${r.code === 0 ? 'ok     ' : 'CRASHED'} ${r.seconds.toFixed(1).padStart(7)} s\n`)
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
