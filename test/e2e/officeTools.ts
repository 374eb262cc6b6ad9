/**
 * LibreOffice Writer (the app's `?format=pdf` converter, and the e2e check that a report .docx
 * renders as a page), poppler's `pdftoppm` (PDF → PNG for a person to look at) and the
 * Liberation fonts (Liberation Serif is metric-compatible with Times New Roman, the report's
 * font, and fontconfig substitutes it; without it the page is set in DejaVu and reflows). Like
 * Chromium (browser.ts), they come from Debian's packages and are installed when a clean machine
 * lacks them.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { findOnPath } from '../../src/plugin/report/pdf/findOffice'

/** The Debian packages and what shows each one is there: a program on the PATH, or a file. */
const TOOLS: ReadonlyArray<{ pkg: string; programs?: readonly string[]; file?: string }> = [
  { pkg: 'libreoffice-writer', programs: ['soffice', 'libreoffice'] },
  { pkg: 'poppler-utils', programs: ['pdftoppm'] },
  { pkg: 'fonts-liberation2', file: '/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf' },
]

const present = (t: (typeof TOOLS)[number]): boolean =>
  t.file ? existsSync(t.file) : (t.programs ?? []).some((p) => findOnPath(p, process.env.PATH ?? '') !== null)

function aptInstall(pkgs: string[]): number | null {
  return spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...pkgs], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  }).status
}

const missing = (): string[] => TOOLS.filter((t) => !present(t)).map((t) => t.pkg)

/** Installs `libreoffice-writer`, `poppler-utils` and `fonts-liberation2` when missing (CI runs as root); refreshes the lists only if needed. */
export function ensureOfficeTools(log: (msg: string) => void): void {
  const pkgs = missing()
  if (pkgs.length === 0) return
  log(`${pkgs.join(', ')} missing: installing Debian's packages`)
  if (aptInstall(pkgs) !== 0) {
    log('apt-get install failed; updating the package lists and trying again')
    const update = spawnSync('apt-get', ['update'], { stdio: 'inherit' })
    if (update.status !== 0 || aptInstall(pkgs) !== 0) {
      throw new Error(`Could not install ${pkgs.join(', ')} with apt-get (run as root)`)
    }
  }
  const still = missing()
  if (still.length > 0) throw new Error(`${still.join(', ')} installed but is still not found`)
}
