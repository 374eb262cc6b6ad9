import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

/** What a production build depends on; a change in any of these means the build is stale. */
// patches/: the fixes patch-package applies to dependencies are compiled into the build too.
const INPUT_DIRS = ['src', 'collections', 'hooks', 'jobs', 'media', 'patches']
const INPUT_FILES = ['package-lock.json', 'next.config.mjs', 'tsconfig.json']
const SKIP = new Set(['node_modules', '.next', '.data'])

function walk(dir: string, out: string[]): void {
  if (!existsSync(dir)) return
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) walk(full, out)
    else if (entry.isFile()) out.push(full)
  }
}

/** A content hash (not mtimes: a fresh clone has new mtimes but needs no rebuild twice). */
export function buildFingerprint(root: string): string {
  const files: string[] = []
  for (const d of INPUT_DIRS) walk(path.join(root, d), files)
  for (const f of INPUT_FILES)
    if (existsSync(path.join(root, f)) && statSync(path.join(root, f)).isFile()) files.push(path.join(root, f))
  files.sort()
  const hash = createHash('sha256')
  for (const f of files) {
    hash.update(path.relative(root, f))
    hash.update('\0')
    hash.update(readFileSync(f))
    hash.update('\0')
  }
  return hash.digest('hex')
}

export const FINGERPRINT_FILE = path.join('.next', 'comms-build-fingerprint')

export function isBuildCurrent(root: string): boolean {
  const file = path.join(root, FINGERPRINT_FILE)
  if (!existsSync(path.join(root, '.next', 'BUILD_ID')) || !existsSync(file)) return false
  return readFileSync(file, 'utf8').trim() === buildFingerprint(root)
}
