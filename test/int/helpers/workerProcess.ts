import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

export interface WorkerRun {
  child: ChildProcess
  /** Every stdout line so far. */
  lines: string[]
  /** Writes to the process's stdin (workers wait there for their start signal). */
  send(text: string): void
  stderr(): string
  /** Resolves on the first stdout line matching, or rejects when the process ends first. */
  waitForLine(test: (line: string) => boolean, timeoutMs: number): Promise<string>
  /** Resolves when the process has exited; kills it and rejects after timeoutMs (a hang). */
  exited(timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; wallMs: number }>
}

/**
 * Starts `node --import ./src/cli/register.mjs <script> ...args` from the repository root: a separate OS process
 * with its own Payload, as another app instance would be. Its stdout is read line by line.
 */
export function startWorker(script: string, args: string[], env: Record<string, string> = {}): WorkerRun {
  const started = Date.now()
  const child = spawn(process.execPath, ['--import', './src/cli/register.mjs', path.join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  // A worker that has already exited closes its stdin; a late write must not crash the test.
  child.stdin?.on('error', () => undefined)
  const lines: string[] = []
  const listeners = new Set<(line: string) => void>()
  let partial = ''
  child.stdout?.setEncoding('utf8')
  child.stdout?.on('data', (chunk: string) => {
    partial += chunk
    let nl = partial.indexOf('\n')
    while (nl !== -1) {
      const line = partial.slice(0, nl)
      partial = partial.slice(nl + 1)
      lines.push(line)
      for (const l of listeners) l(line)
      nl = partial.indexOf('\n')
    }
  })
  let err = ''
  child.stderr?.setEncoding('utf8')
  child.stderr?.on('data', (chunk: string) => {
    // Keep the tail only: Payload logs every failed operation with a stack.
    err = (err + chunk).slice(-20_000)
  })
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; wallMs: number }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal, wallMs: Date.now() - started }))
  })

  return {
    child,
    lines,
    send: (text) => {
      child.stdin?.write(text)
    },
    stderr: () => err,
    waitForLine(test, timeoutMs) {
      const seen = lines.find(test)
      if (seen !== undefined) return Promise.resolve(seen)
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(onLine)
          reject(new Error(`${script}: no matching line within ${timeoutMs} ms; stderr tail:\n${err.slice(-3000)}`))
        }, timeoutMs)
        const onLine = (line: string) => {
          if (!test(line)) return
          clearTimeout(timer)
          listeners.delete(onLine)
          resolve(line)
        }
        listeners.add(onLine)
        void exit.then(({ code, signal }) => {
          clearTimeout(timer)
          if (!listeners.delete(onLine)) return
          reject(
            new Error(
              `${script} exited (code ${code}, signal ${signal}) before the expected line; stderr tail:\n${err.slice(-3000)}`,
            ),
          )
        })
      })
    },
    async exited(timeoutMs) {
      let timer: NodeJS.Timeout | undefined
      const hang = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          child.kill('SIGKILL')
          reject(
            new Error(
              `${script} ${args.join(' ')} did not finish within ${timeoutMs} ms (killed); stderr tail:\n${err.slice(-3000)}`,
            ),
          )
        }, timeoutMs)
      })
      try {
        return await Promise.race([exit, hang])
      } finally {
        clearTimeout(timer)
      }
    },
  }
}

/** Node's exit code for a top-level await that can never settle. */
const UNSETTLED_TOP_LEVEL_AWAIT = 13

/**
 * Starts a worker and waits for its ready line. Workers used to exit with code 13 while booting
 * Payload under heavy load: Lexical's top-level `await import()` lost a round trip to Node 20's
 * module-hooks thread. src/cli/register.mjs now resolves Lexical's builds directly (0 such exits
 * in 48 stressed boots, against 7 to 15 before). The single retry on code 13, said on stdout,
 * stays as a guard for another package doing the same; any other exit, or a second 13, fails.
 */
export async function startReadyWorker(
  script: string,
  args: string[],
  env: Record<string, string>,
  isReady: (line: string) => boolean,
  timeoutMs: number,
): Promise<WorkerRun> {
  for (let attempt = 1; ; attempt++) {
    const worker = startWorker(script, args, env)
    try {
      await worker.waitForLine(isReady, timeoutMs)
      return worker
    } catch (err) {
      const code = worker.child.exitCode
      if (attempt >= 2 || code !== UNSETTLED_TOP_LEVEL_AWAIT || worker.lines.some(isReady)) throw err
      process.stdout.write(`[worker] ${script} exited with code 13 while booting; starting it again once\n`)
    }
  }
}
