/**
 * `npm run build`: the production build (`next build`), recording a fingerprint of its inputs
 * so `npm start` rebuilds only when the code changed. `--if-needed` skips a current build.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { buildFingerprint, FINGERPRINT_FILE, isBuildCurrent } from './buildFingerprint'

export function build(root: string, ifNeeded: boolean): void {
  if (ifNeeded && isBuildCurrent(root)) return
  process.stderr.write('[build] Building the app (next build); this takes about a minute the first time…\n')
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'],
    {
      cwd: root,
      stdio: 'inherit',
      // The build needs no database; the config recognises the build phase and uses placeholders.
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    },
  )
  if (result.status !== 0) {
    throw new Error(`next build failed (exit ${result.status ?? result.signal})`)
  }
  // Taken after the build: next build may itself rewrite inputs such as tsconfig.json.
  const fingerprint = buildFingerprint(root)
  mkdirSync(path.join(root, '.next'), { recursive: true })
  writeFileSync(path.join(root, FINGERPRINT_FILE), `${fingerprint}\n`)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    build(path.resolve(import.meta.dirname, '..', '..'), process.argv.includes('--if-needed'))
  } catch (err) {
    process.stderr.write(`[build] ${(err as Error).message}\n`)
    process.exit(1)
  }
}
