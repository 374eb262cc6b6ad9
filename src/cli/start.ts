/**
 * `npm start`: the ready-to-run app. Builds when the code changed, starts an embedded Postgres
 * unless DATABASE_URI is set, then serves Next.js (admin + API) in this same process, so that
 * stopping this process stops everything and a SIGKILL leaves at most an orphan Postgres, which
 * the next start detects and stops.
 *
 *   PORT (default 3000), HOST (default 127.0.0.1 — set 0.0.0.0 to listen on all interfaces),
 *   DATA_DIR (default .data: the embedded database in DATA_DIR/app, the secret, the uploads)
 */
import { createServer } from 'node:http'
import path from 'node:path'
import type { Payload } from 'payload'
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../db/embeddedPostgres'
import { dataDir, shutdownGraceMs } from '../config/env'
import { ensureLocalSecret } from '../config/localSecret'
import { findPool } from '../plugin/db/postgres'
import { build } from './build'

const root = path.resolve(import.meta.dirname, '..', '..')
const log = (msg: string) => process.stderr.write(`[start] ${msg}\n`)

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`PORT must be a TCP port, got "${process.env.PORT}"`)
  // Not HOSTNAME: containers export it as the machine name.
  const hostname = process.env.HOST ?? '127.0.0.1'

  build(root, true)

  const dbDir = path.join(dataDir(root), 'app')
  let db: EmbeddedPostgres | undefined
  if (!process.env.DATABASE_URI) {
    db = await startEmbeddedPostgres({
      dataDir: dbDir,
      log: (m) => process.stderr.write(`[db] ${m}\n`),
    })
    process.env.DATABASE_URI = db.uri
    process.env.DATABASE_ADMIN_URI = db.adminUri
    process.env.EMBEDDED_DB = '1'
  }
  ensureLocalSecret(root, Boolean(db))
  Object.assign(process.env, { NODE_ENV: 'production' })

  const { default: next } = await import('next')
  const app = next({ dev: false, dir: root, hostname, port })
  const handle = app.getRequestHandler()
  await app.prepare()
  const server = createServer((req, res) => {
    void handle(req, res)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, hostname, resolve)
  })
  log(`Ready on http://${hostname}:${port}/admin${db ? ` (embedded Postgres in ${path.relative(root, dbDir)})` : ''}`)
  await warmUp(hostname, port)

  const graceMs = shutdownGraceMs()
  let stopping = false
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    log(`${signal}: finishing in-flight requests and stopping…`)
    // No new connections from here (the load balancer's health checks fail and it moves traffic
    // away); requests already received finish. Keep-alive connections are closed as soon as they
    // fall idle rather than after their timeout, and whatever still runs after the grace period
    // is cut off so that a stuck client cannot hold the shutdown.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    const idle = setInterval(() => server.closeIdleConnections(), 100)
    const cutOff = setTimeout(() => {
      log(`requests still running after ${graceMs} ms; closing their connections`)
      server.closeAllConnections()
    }, graceMs)
    await closed
    clearInterval(idle)
    clearTimeout(cutOff)
    // Stops the scheduler (a run in progress finishes or hands its slot back) and the pools.
    await releasePayloadConnections()
    await db?.stop()
    process.exit(signal === 'SIGINT' ? 130 : 0)
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, (s) => void stop(s))
}

/**
 * Payload initialises inside the Next.js server bundle on its first request, and its onInit
 * starts the scheduler (reports, alerts, reconciliation, scheduled publishing). One request of
 * our own right away makes that happen at start-up rather than whenever somebody first calls.
 */
async function warmUp(hostname: string, port: number): Promise<void> {
  const host = hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname
  try {
    const res = await fetch(`http://${host.includes(':') ? `[${host}]` : host}:${port}/api/users/me`)
    await res.arrayBuffer()
    if (!res.ok) log(`warm-up request answered ${res.status}; Payload starts on the first request instead`)
  } catch (err) {
    log(`warm-up request failed (${(err as Error).message}); Payload starts on the first request instead`)
  }
}

/**
 * Payload's postgres adapter keeps one pool client checked out for its whole life, so its pool
 * cannot be ended; stopping Postgres terminates that connection (57P01), which pg reports as an
 * error. Expected on shutdown, so exactly that error is absorbed on every Payload pool here.
 * Payload keeps its instances in `global._payload`, shared with the Next.js server bundle.
 */
async function releasePayloadConnections(): Promise<void> {
  const cache = (globalThis as { _payload?: Map<string, { payload?: Payload }> })._payload
  for (const entry of cache?.values() ?? []) {
    if (!entry.payload) continue
    findPool(entry.payload)?.on('error', (err: Error & { code?: string }) => {
      if (err.code !== '57P01') log(`database pool error during shutdown: ${err.message}`)
    })
    await entry.payload.destroy()
  }
}

main().catch((err: unknown) => {
  log((err as Error).stack ?? String(err))
  process.exit(1)
})
