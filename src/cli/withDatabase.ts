/**
 * Runs a command with a database:
 *
 *   tsx src/cli/withDatabase.ts [--data DIR | --app | --ephemeral] [--port N] -- <command> [args...]
 *
 * `--app` is the database `npm start` uses: DATA_DIR/app (DATA_DIR defaults to .data), so the
 * CLIs (seed, plan:import, job, quota:reconcile) follow a moved DATA_DIR like the app does.
 * With DATABASE_URI already set, the command simply runs against that database. Otherwise an
 * embedded Postgres is started (data in DIR, default .data/dev; or a throw-away cluster under
 * .data/tmp with --ephemeral) and the command gets DATABASE_URI, DATABASE_ADMIN_URI and
 * EMBEDDED_DB=1. The wrapper exits with the command's exit code (128+n if it died by signal n),
 * after stopping Postgres.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { dataDir as appDataDir } from '../config/env'
import { startEmbeddedPostgres } from '../db/embeddedPostgres'
import type { EmbeddedPostgres } from '../db/embeddedPostgres'

const USAGE = 'Usage: tsx src/cli/withDatabase.ts [--data DIR | --app | --ephemeral] [--port N] -- <command> [args...]'
const DEFAULT_DATA_DIR = '.data/dev'
const EPHEMERAL_PARENT_DIR = '.data/tmp'
const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

interface CliArgs {
  dataDir?: string
  ephemeral: boolean
  port?: number
  command: [string, ...string[]]
}

class UsageError extends Error {}

function parseArgs(argv: string[]): CliArgs {
  let dataDir: string | undefined
  let ephemeral = false
  let port: number | undefined
  let i = 0
  const valueOf = (flag: string, inline: string | undefined): string => {
    if (inline !== undefined) return inline
    const value = argv[++i]
    if (value === undefined) throw new UsageError(`${flag} needs a value`)
    return value
  }
  for (; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === '--') {
      i++
      break
    }
    // The command may also start without `--`, at the first non-option.
    if (!arg.startsWith('-')) break
    const eq = arg.indexOf('=')
    const flag = eq === -1 ? arg : arg.slice(0, eq)
    const inline = eq === -1 ? undefined : arg.slice(eq + 1)
    switch (flag) {
      case '--data':
        dataDir = valueOf(flag, inline)
        break
      case '--app':
        dataDir = path.join(appDataDir(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')), 'app')
        break
      case '--ephemeral':
        ephemeral = true
        break
      case '--port': {
        const raw = valueOf(flag, inline)
        port = Number(raw)
        if (!Number.isInteger(port) || port <= 0 || port > 65535) {
          throw new UsageError(`--port must be a TCP port number, got "${raw}"`)
        }
        break
      }
      case '-h':
      case '--help':
        process.stdout.write(`${USAGE}\n`)
        process.exit(0)
        break
      default:
        throw new UsageError(`unknown option ${arg}`)
    }
  }
  if (dataDir !== undefined && ephemeral) throw new UsageError('--data and --ephemeral exclude each other')
  const [command, ...args] = argv.slice(i)
  if (command === undefined) throw new UsageError('no command given')
  return { dataDir, ephemeral, port, command: [command, ...args] }
}

function say(msg: string): void {
  process.stderr.write(`[db] ${msg}\n`)
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

/** Like npm scripts: local binaries (next, payload, vitest, tsx) resolve without npx. */
function commandEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  // The project's own bin folder too, in case the CLI is started from another directory.
  const projectBin = fileURLToPath(new URL('../../node_modules/.bin', import.meta.url))
  const bins = [...new Set([path.resolve('node_modules/.bin'), projectBin])]
  const currentPath = process.env.PATH ?? ''
  return {
    ...process.env,
    PATH: [...bins, ...(currentPath ? [currentPath] : [])].join(path.delimiter),
    ...extra,
  }
}

function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (os.constants.signals[signal] ?? 0)
}

let child: ChildProcess | undefined
let signalBeforeChild: NodeJS.Signals | undefined

/**
 * Installed before Postgres starts, so a signal during startup is not fatal to the wrapper
 * (which would orphan the server); it is acted on once startup finished.
 */
function installSignalForwarding(): void {
  for (const signal of FORWARDED_SIGNALS) {
    process.on(signal, () => {
      if (child) {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      } else {
        signalBeforeChild ??= signal
      }
    })
  }
}

function runCommand(command: CliArgs['command'], env: NodeJS.ProcessEnv): Promise<number> {
  const [file, ...args] = command
  return new Promise((resolve) => {
    let settled = false
    const finish = (code: number): void => {
      if (settled) return
      settled = true
      resolve(code)
    }
    child = spawn(file, args, { stdio: 'inherit', env })
    child.once('error', (err: NodeJS.ErrnoException) => {
      say(`could not run "${file}": ${err.message}`)
      // The shell's conventions: 127 command not found, 126 found but not executable.
      finish(err.code === 'ENOENT' ? 127 : 126)
    })
    child.once('exit', (code, signal) => {
      finish(code ?? (signal ? signalExitCode(signal) : 1))
    })
  })
}

async function main(): Promise<number> {
  let args: CliArgs
  try {
    args = parseArgs(process.argv.slice(2))
  } catch (err) {
    if (!(err instanceof UsageError)) throw err
    say(err.message)
    process.stderr.write(`${USAGE}\n`)
    return 2
  }

  installSignalForwarding()

  if (process.env.DATABASE_URI) {
    return runCommand(args.command, commandEnv({}))
  }

  let db: EmbeddedPostgres
  try {
    db = await startEmbeddedPostgres({
      dataDir: args.ephemeral ? EPHEMERAL_PARENT_DIR : (args.dataDir ?? DEFAULT_DATA_DIR),
      ephemeral: args.ephemeral,
      port: args.port,
      log: say,
    })
  } catch (err) {
    // Ctrl-C during startup also reaches Postgres (same process group) and fails the start;
    // report that as the interruption it is.
    if (signalBeforeChild) return signalExitCode(signalBeforeChild)
    say(`could not start the embedded Postgres: ${errorMessage(err)}`)
    return 1
  }

  let code: number
  if (signalBeforeChild) {
    code = signalExitCode(signalBeforeChild)
  } else {
    code = await runCommand(
      args.command,
      commandEnv({ DATABASE_URI: db.uri, DATABASE_ADMIN_URI: db.adminUri, EMBEDDED_DB: '1' }),
    )
  }

  try {
    await db.stop()
  } catch (err) {
    say(`could not stop the embedded Postgres: ${errorMessage(err)}`)
    // Keep a failing command's own code; a clean run still must not report success.
    if (code === 0) code = 1
  }
  return code
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    say(err instanceof Error ? (err.stack ?? err.message) : String(err))
    process.exit(1)
  },
)
