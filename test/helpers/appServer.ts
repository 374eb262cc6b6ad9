/**
 * The built app as a user runs it (`npm start`, i.e. src/cli/start.ts) in a child process, for the
 * tests that drive it from outside: the smoke test and the browser end-to-end suite.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { DEMO_ANCHOR } from '../../src/seed/planData'

export const ROOT = path.resolve(import.meta.dirname, '..', '..')

/**
 * The tests check numbers of the demo as written (as of 2025, e.g. "task 1: 2 of 20 by
 * 20/8/2025"), so every app or seed they start dates the demo at its anchor, not today.
 */
export const TEST_DEMO_ENV = { DEMO_TODAY: DEMO_ANCHOR } as const

export interface AppOptions {
  port: number
  /** DATA_DIR of the instance (embedded database, secret, uploads); default `.data`. */
  dataDir?: string
  env?: Record<string, string>
  /** A file descriptor for the app's output; default: this process's stdout/stderr. */
  output?: number
}

export function startApp({ port, dataDir, env, output }: AppOptions): ChildProcess {
  return spawn(process.execPath, ['--import', './src/cli/register.mjs', 'src/cli/start.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      // The embedded database, never a DATABASE_URI the caller's shell may carry.
      DATABASE_URI: '',
      NEXT_TELEMETRY_DISABLED: '1',
      ...(dataDir ? { DATA_DIR: dataDir } : {}),
      ...TEST_DEMO_ENV,
      ...env,
    },
    stdio: ['ignore', output ?? 'inherit', output ?? 'inherit'],
  })
}

/** Polls until the app answers (anything below 500), the child dies, or the deadline passes. */
export async function waitForReady(base: string, timeoutMs: number, child?: ChildProcess): Promise<boolean> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) return false
    try {
      const res = await fetch(`${base}/api/plans`)
      if (res.status < 500) return true
    } catch {
      // Not listening yet: keep polling until the deadline.
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  return false
}

export function waitForExit(child: ChildProcess, timeoutMs: number): Promise<number | null | 'timeout'> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode)
    const timer = setTimeout(() => resolve('timeout'), timeoutMs)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve(code)
    })
  })
}

/** Postgres servers whose data dir is `dbDir`, from /proc (no ps dependency). */
export function postgresPids(dbDir: string): number[] {
  const pids: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0')
      if (cmd[0]?.endsWith('/postgres') && cmd.includes(dbDir)) pids.push(Number(entry))
    } catch {
      // The process ended between readdir and read: not ours to count.
    }
  }
  return pids
}

/**
 * A CLI of the app (`src/cli/…`), asynchronously: the caller keeps serving its own event loop
 * (the scale test's s3rver, the load test's clients), which a spawnSync would block.
 */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', './src/cli/register.mjs', ...args], {
      cwd: ROOT,
      env: { ...env, ...TEST_DEMO_ENV },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.once('exit', (status) => resolve({ status, stdout, stderr }))
  })
}
