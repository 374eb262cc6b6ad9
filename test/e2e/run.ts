/**
 * `npm run test:e2e`: the users' journeys in a real Chromium against the built app.
 *
 * Installs Debian's Chromium, and LibreOffice Writer, poppler-utils and the Liberation fonts (the
 * report document rendered to PDF and PNG, reportDocument.test.ts), when missing, builds the app
 * when the code changed, starts it
 * (src/cli/start.ts, as `npm start` does) on a fresh embedded database in `.data/e2e` with the
 * demo seed, runs the vitest project `e2e` (test/e2e/*.test.ts) against it, and stops it.
 * Screenshots, downloads and the app's log go to test/e2e/artifacts/. Exits with vitest's code.
 *
 *   E2E_PORT (default 3910), CHROMIUM_PATH (default /usr/bin/chromium)
 *
 * Arguments after `--` go to vitest (e.g. `npm run test:e2e -- test/e2e/security-limits.test.ts`
 * runs one file). The tests get E2E_BASE_URL, E2E_ARTIFACTS and E2E_APP_PID (the app's process,
 * whose memory the security tests read from /proc).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { build } from '../../src/cli/build'
import { ROOT, postgresPids, startApp, waitForExit, waitForReady } from '../helpers/appServer'
import { ensureChromium } from './browser'
import { ensureOcrTools, ensureOfficeTools } from './officeTools'

const log = (msg: string) => process.stderr.write(`[e2e] ${msg}\n`)
const port = Number(process.env.E2E_PORT ?? 3910)
const base = `http://127.0.0.1:${port}`
const dataDir = path.join(ROOT, '.data', 'e2e')
const artifacts = path.join(ROOT, 'test', 'e2e', 'artifacts')
const appLog = path.join(artifacts, 'app.log')
/** Passed through to vitest: file filters, `-t <name>`. */
const vitestArgs = process.argv.slice(2).filter((a) => a !== '--')

let app: ChildProcess | undefined
let tests: ChildProcess | undefined

/** A run killed earlier may have left its Postgres behind on the data dir we are about to delete. */
async function stopLeftoverPostgres(): Promise<void> {
  const pids = postgresPids(path.join(dataDir, 'app'))
  for (const pid of pids) process.kill(pid, 'SIGINT')
  const until = Date.now() + 15_000
  while (postgresPids(path.join(dataDir, 'app')).length > 0 && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200))
  }
  if (pids.length > 0) log(`stopped a leftover Postgres (${pids.join(', ')}) of an earlier run`)
}

async function stopApp(): Promise<void> {
  if (!app || app.exitCode !== null || app.signalCode !== null) return
  app.kill('SIGTERM')
  if ((await waitForExit(app, 30_000)) === 'timeout') {
    log('the app did not stop within 30 s of SIGTERM; killing it')
    app.kill('SIGKILL')
    await waitForExit(app, 5_000)
    await stopLeftoverPostgres()
  }
}

function runVitest(): Promise<number> {
  return new Promise((resolve) => {
    tests = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--project', 'e2e', ...vitestArgs],
      {
        cwd: ROOT,
        stdio: 'inherit',
        env: {
          ...process.env,
          E2E_BASE_URL: base,
          E2E_ARTIFACTS: artifacts,
          // start.ts serves Next in its own process: this pid is the server whose memory counts.
          E2E_APP_PID: String(app?.pid ?? ''),
        },
      },
    )
    tests.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n')
  } catch {
    return '(no app log)'
  }
}

async function main(): Promise<number> {
  const started = Date.now()
  ensureChromium(log)
  ensureOfficeTools(log)
  ensureOcrTools(log)
  build(ROOT, true)

  await stopLeftoverPostgres()
  rmSync(dataDir, { recursive: true, force: true })
  rmSync(artifacts, { recursive: true, force: true })
  mkdirSync(artifacts, { recursive: true })

  const out = openSync(appLog, 'a')
  app = startApp({ port, dataDir, output: out })
  closeSync(out)
  log(`starting the app on ${base} (data in ${path.relative(ROOT, dataDir)}, log in ${path.relative(ROOT, appLog)})`)
  if (!(await waitForReady(base, 240_000, app))) {
    log(`the app did not become ready; last lines of its log:\n${tail(appLog, 40)}`)
    await stopApp()
    return 1
  }
  log(`app ready after ${Math.round((Date.now() - started) / 1000)} s`)

  const code = await runVitest()
  await stopApp()
  if (code !== 0) log(`failed; screenshots and the app log are in ${path.relative(ROOT, artifacts)}/`)
  log(`done in ${Math.round((Date.now() - started) / 1000)} s`)
  return code
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    tests?.kill(signal)
    void stopApp().then(() => process.exit(130))
  })
}

main().then(
  (code) => process.exit(code),
  async (err: unknown) => {
    log((err as Error).stack ?? String(err))
    await stopApp()
    process.exit(1)
  },
)
