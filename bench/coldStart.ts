/**
 * Cold start, as a new user meets the product: a fresh clone of the current commit, `npm ci`,
 * then `npm start` (first build, embedded Postgres initialised, migrations, demo seed) until
 * `/admin` answers 200; then a second start of the same clone (build current, data present);
 * optionally the whole test suite in the clone.
 *
 *   npm run bench:cold                       # clone + npm ci + first start + restart
 *   npm run bench:cold -- --with-tests       # … and `npm test` in the clone
 *   npm run bench:cold -- --with-feeds       # … and the feeds benchmark in the clone, which has a
 *                                            #     production build, so it includes Next's routing
 *   npm run bench:cold -- --quick            # node_modules hard-linked from this checkout instead of npm ci
 *   npm run bench:cold -- --keep             # leave the clone (path printed) for a look
 *
 * The clone is of the committed HEAD: uncommitted changes are not in it. `npm ci` uses the npm
 * cache of this machine; its size before the install is recorded (a warm cache is not a cold
 * network). Writes bench/results/cold-start[-quick].json and its section of RESULTS.md.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { BENCH_DIR, REPO_DIR, machineInfo, updateResultsSection, writeJson } from './lib'

const say = (msg: string) => process.stdout.write(`[bench:cold] ${msg}\n`)

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

/** Runs a command to completion, its output kept (tail) and echoed with a prefix; wall time in ms. */
function timedRun(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number | null; ms: number; output: string }> {
  const start = performance.now()
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-200_000)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('exit', (code) => resolve({ code, ms: performance.now() - start, output }))
  })
}

function du(dir: string): number | null {
  if (!existsSync(dir)) return null
  try {
    return Number(execFileSync('du', ['-sk', dir], { encoding: 'utf8' }).split('\t')[0]) * 1024
  } catch (err) {
    say(`du ${dir}: ${(err as Error).message}`)
    return null
  }
}

interface StartTiming {
  /** spawn → `/admin` 200. */
  adminMs: number
  /** spawn → end of the build, when one ran (from the app's log). */
  buildMs: number | null
  /** spawn → "Ready on" in the app's log. */
  readyMs: number | null
  status: number
}

/**
 * `npm start` in the clone until GET /admin answers 200, then SIGTERM to its process group
 * (npm and the app; the app stops its own Postgres on SIGTERM).
 */
async function startOnce(dir: string, timeoutMs: number): Promise<StartTiming> {
  const port = await freePort()
  const start = performance.now()
  let buildMs: number | null = null
  let readyMs: number | null = null
  let log = ''
  const child: ChildProcess = spawn('npm', ['start'], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URI: '', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const onData = (chunk: Buffer) => {
    const text = chunk.toString('utf8')
    log = (log + text).slice(-50_000)
    const now = performance.now() - start
    // `next build` ends with its route table; the app's log says when it is serving.
    if (buildMs === null && /Building the app/.test(log) && /Route \(app\)|First Load JS|ƒ \(Dynamic\)/.test(text))
      buildMs = now
    if (readyMs === null && /\[start\] Ready on/.test(text)) readyMs = now
  }
  child.stdout?.on('data', onData)
  child.stderr?.on('data', onData)
  let exited = false
  child.on('exit', () => {
    exited = true
  })
  try {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      if (exited) throw new Error(`npm start exited before /admin answered; log tail:\n${log.slice(-4000)}`)
      if (Date.now() > deadline)
        throw new Error(`/admin did not answer 200 within ${timeoutMs / 1000} s; log tail:\n${log.slice(-4000)}`)
      try {
        const res = await fetch(`http://127.0.0.1:${port}/admin`, { redirect: 'manual' })
        await res.arrayBuffer()
        // /admin redirects an anonymous visitor to the login page (or the first-user form): follow
        // it once, as a browser would, and count the 200 of the page the user lands on.
        const status =
          res.status >= 300 && res.status < 400 && res.headers.get('location')
            ? (await fetch(new URL(res.headers.get('location') ?? '', `http://127.0.0.1:${port}`))).status
            : res.status
        if (status === 200) return { adminMs: performance.now() - start, buildMs, readyMs, status }
      } catch (err) {
        // Not listening yet (ECONNREFUSED): keep polling until the deadline.
        if (!/fetch failed|ECONNREFUSED/.test(String((err as Error).message))) throw err
      }
      await new Promise((r) => setTimeout(r, 250))
    }
  } finally {
    // npm exits at once on SIGTERM; the app behind it then stops its Postgres: wait until the
    // whole process group is gone, so the next start does not find a live server on the data.
    if (child.pid) {
      const group = -child.pid
      const alive = () => {
        try {
          process.kill(group, 0)
          return true
        } catch (err) {
          // ESRCH: no process left in the group; anything else (EPERM) means someone is there.
          return (err as NodeJS.ErrnoException).code !== 'ESRCH'
        }
      }
      if (alive()) process.kill(group, 'SIGTERM')
      const deadline = Date.now() + 60_000
      while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
      if (alive()) process.kill(group, 'SIGKILL')
    }
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      'with-tests': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'with-feeds': { type: 'boolean', default: false },
    },
  })
  const quick = values.quick === true
  const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_DIR, encoding: 'utf8' }).trim()
  // Results the benchmarks themselves rewrite do not count as changes the clone would miss.
  const dirty =
    execFileSync(
      'git',
      ['status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench/RESULTS.md', ':!bench/results'],
      { cwd: REPO_DIR, encoding: 'utf8' },
    ).trim() !== ''
  const parent = await mkdtemp(path.join(os.tmpdir(), 'bench-cold-'))
  // mkdtemp makes it 0700; the embedded Postgres runs as its own user and must pass through it.
  await chmod(parent, 0o755)
  const dir = path.join(parent, 'app')
  const npmCache = execFileSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).trim()
  const cacheBytes = du(npmCache)
  try {
    say(`cloning ${commit.slice(0, 12)} into ${dir}`)
    const clone = await timedRun('git', ['clone', '--quiet', '--no-checkout', REPO_DIR, dir], parent)
    if (clone.code !== 0) throw new Error(`git clone failed:\n${clone.output}`)
    const checkout = await timedRun('git', ['checkout', '--quiet', '--detach', commit], dir)
    if (checkout.code !== 0) throw new Error(`git checkout failed:\n${checkout.output}`)
    const cloneMs = clone.ms + checkout.ms

    let install: { how: string; ms: number }
    if (quick) {
      // Hard links: a real directory tree inside the clone (Next resolves it as its own), no copy
      // of the data and no network; the install step itself is therefore not measured.
      const source = path.join(REPO_DIR, 'node_modules')
      say(`hard-linking node_modules from ${source} (--quick: npm ci skipped)`)
      const r = await timedRun('cp', ['-al', `${source}/.`, path.join(dir, 'node_modules')], dir)
      if (r.code !== 0) throw new Error(`cp -al failed:\n${r.output}`)
      install = { how: 'hard-linked copy of this checkout’s node_modules (`cp -al`; npm ci not run)', ms: r.ms }
    } else {
      // `npm ci`, as the README's quick start and .ci/run say: exactly the locked versions.
      say(
        `npm ci (npm cache ${npmCache}: ${cacheBytes === null ? 'absent' : `${(cacheBytes / 1024 ** 2).toFixed(0)} MiB`})`,
      )
      const r = await timedRun('npm', ['ci', '--no-audit', '--no-fund'], dir)
      if (r.code !== 0) throw new Error(`npm ci failed:\n${r.output.slice(-4000)}`)
      install = {
        how: `\`npm ci\` from the lockfile with the machine’s npm cache (${cacheBytes === null ? 'empty' : `${(cacheBytes / 1024 ** 2).toFixed(0)} MiB before`})`,
        ms: r.ms,
      }
    }
    const nodeModulesBytes = du(path.join(dir, 'node_modules'))
    say(`install: ${(install.ms / 1000).toFixed(1)} s`)

    say('npm start (first build, embedded Postgres, migrations, demo seed) until /admin answers 200')
    const first = await startOnce(dir, 900_000)
    say(
      `first /admin 200 after ${(first.adminMs / 1000).toFixed(1)} s (build ${first.buildMs === null ? '?' : (first.buildMs / 1000).toFixed(1)} s)`,
    )
    const second = await startOnce(dir, 300_000)
    say(`restart: /admin 200 after ${(second.adminMs / 1000).toFixed(1)} s`)

    let tests: { ms: number; code: number | null; summary: string } | null = null
    if (values['with-tests']) {
      say('npm test in the clone')
      const r = await timedRun('npm', ['test'], dir, { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' })
      const summary = r.output
        .split('\n')
        .filter((l) => /^\s*(Test Files|Tests)\s/.test(l))
        .map((l) => l.trim())
        .join('; ')
      tests = { ms: r.ms, code: r.code, summary }
      say(`npm test: exit ${r.code} in ${(r.ms / 1000).toFixed(1)} s — ${summary}`)
    }

    // The feeds benchmark needs a production build to measure through Next; this clone has one.
    // Its section and JSON are brought back under their own name (feeds-next…).
    let feedsNext: { code: number | null; ms: number } | null = null
    if (values['with-feeds']) {
      const feedsArgs = quick ? ['--quick'] : []
      say(
        `npm run bench:feeds${feedsArgs.length > 0 ? ` -- ${feedsArgs.join(' ')}` : ''} in the clone (it has a production build)`,
      )
      const r = await timedRun('npm', ['run', 'bench:feeds', '--', ...feedsArgs], dir)
      feedsNext = { code: r.code, ms: r.ms }
      if (r.code !== 0) throw new Error(`the feeds benchmark failed in the clone:\n${r.output.slice(-4000)}`)
      const from = quick ? 'feeds-quick' : 'feeds'
      const to = quick ? 'feeds-next-quick' : 'feeds-next'
      await writeFile(
        path.join(BENCH_DIR, 'results', `${to}.json`),
        await readFile(path.join(dir, 'bench', 'results', `${from}.json`)),
      )
      const md = await readFile(path.join(dir, 'bench', 'RESULTS.md'), 'utf8')
      const section = md.slice(
        md.indexOf(`<!-- ${from}:start -->`) + `<!-- ${from}:start -->`.length,
        md.indexOf(`<!-- ${from}:end -->`),
      )
      await updateResultsSection(
        to,
        section
          .replace(
            /^## RSS feeds over HTTP.*$/m,
            `## RSS feeds over HTTP, through the built app too${quick ? ' (quick)' : ''}`,
          )
          .replace(
            /^`npm run bench:feeds[^`]*`/m,
            `\`npm run bench:cold${quick ? ' -- --quick' : ''} --with-feeds\` ran \`npm run bench:feeds${quick ? ' -- --quick' : ''}\` in the cold-start clone after its build`,
          )
          .replace(`bench/results/${from}.json`, `bench/results/${to}.json`),
      )
      say(`feeds in the clone: done in ${(r.ms / 1000).toFixed(1)} s`)
    }

    const coldMs = cloneMs + install.ms + first.adminMs
    const report = {
      date: new Date().toISOString(),
      machine: await machineInfo({ loadAverage1m: Number(os.loadavg()[0]?.toFixed(2)) }),
      commit,
      uncommittedChangesLeftOut: dirty,
      quick,
      npmCache: { path: npmCache, bytesBefore: cacheBytes },
      cloneMs,
      install: { ...install, nodeModulesBytes },
      firstStart: first,
      restart: second,
      coldTotalMs: coldMs,
      tests,
      feedsNext,
    }
    const name = quick ? 'cold-start-quick' : 'cold-start'
    await writeJson(name, report)
    const s = (ms: number | null) => (ms === null ? '–' : (ms / 1000).toFixed(1))
    const m = report.machine
    const flags = [
      quick && '--quick',
      values['with-tests'] && '--with-tests',
      values['with-feeds'] && '--with-feeds',
    ].filter(Boolean)
    const cmd = `npm run bench:cold${flags.length > 0 ? ` -- ${flags.join(' ')}` : ''}`
    await updateResultsSection(
      name,
      [
        `## Cold start${quick ? ' (quick: node_modules hard-linked, not installed)' : ''}`,
        '',
        `\`${cmd}\` — ${report.date}, ${String(m.cpu)}, ${String(m.cores)} cores, Node ${String(m.node)}; load average at the end ${String(m.loadAverage1m)} (machine shared with other agents' work). Commit \`${commit.slice(0, 12)}\`${dirty ? ' (uncommitted changes of the checkout are not in the clone)' : ''}.`,
        '',
        '| step | seconds |',
        '|---|---:|',
        `| git clone + checkout | ${s(cloneMs)} |`,
        `| install: ${install.how} | ${s(install.ms)} |`,
        `| \`npm start\` → first \`/admin\` 200 (includes the build, Postgres initdb, migrations, demo seed) | ${s(first.adminMs)} |`,
        `|   of which \`next build\` (until its route table is printed) | ${s(first.buildMs)} |`,
        `|   of which until the app logs "Ready" | ${s(first.readyMs)} |`,
        `| **fresh clone → first \`/admin\` 200** | **${s(coldMs)}** |`,
        `| restart (build current, data present) → \`/admin\` 200 | ${s(second.adminMs)} |`,
        ...(tests
          ? [
              `| \`npm test\` in the clone (exit ${tests.code}; ${tests.summary || 'no summary line'}) | ${s(tests.ms)} |`,
            ]
          : []),
        '',
        `node_modules: ${nodeModulesBytes === null ? '?' : `${(nodeModulesBytes / 1024 ** 2).toFixed(0)} MiB`}${quick ? ' (hard links: no extra disk)' : ''}. The issue sets no numeric goal for this figure; it is reported as measured.`,
        '',
        `Raw numbers: \`bench/results/${name}.json\`.`,
      ].join('\n'),
    )
    if (values.keep) say(`clone kept at ${dir}`)
  } finally {
    if (!values.keep) await rm(parent, { recursive: true, force: true })
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`)
    process.exit(1)
  },
)
