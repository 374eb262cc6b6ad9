import { accessSync, constants, statSync } from 'node:fs'
import path from 'node:path'

/** The programs LibreOffice installs for its command line, in the order they are tried. */
export const OFFICE_PROGRAMS = ['soffice', 'libreoffice'] as const

/** The first executable file called `program` in the directories of a PATH-like string, or null. */
export function findOnPath(program: string, searchPath: string): string | null {
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue
    const candidate = path.join(dir, program)
    try {
      if (!statSync(candidate).isFile()) continue
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // not there, or not executable: try the next directory
    }
  }
  return null
}

/**
 * Where LibreOffice's command line is: `soffice` or `libreoffice` on `OFFICE_PATH` when that is
 * set (a PATH-like list; empty means "nowhere", which turns PDF off), else on `PATH`.
 */
export function findOffice(env: Record<string, string | undefined> = process.env): string | null {
  const searchPath = env.OFFICE_PATH ?? env.PATH ?? ''
  for (const program of OFFICE_PROGRAMS) {
    const found = findOnPath(program, searchPath)
    if (found) return found
  }
  return null
}
