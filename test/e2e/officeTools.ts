/**
 * Debian packages the app shells out to, installed with apt-get when a clean machine lacks them.
 *
 * LibreOffice Writer (the app's `?format=pdf` converter, and the e2e check that a report .docx
 * renders as a page), poppler's `pdftoppm` (PDF → PNG for a person to look at) and the
 * Liberation fonts (Liberation Serif is metric-compatible with Times New Roman, the report's
 * font, and fontconfig substitutes it; without it the page is set in DejaVu and reflows). Like
 * Chromium (browser.ts), they come from Debian's packages and are installed when a clean machine
 * lacks them.
 *
 * Reading scanned plans (src/plugin/import/ocrScan.ts): poppler's `pdftoppm` and Tesseract with
 * its Vietnamese model; the int tests of the plan import OCR a page, so .ci/run installs them
 * before `npm test` (`node --import ./src/cli/register.mjs test/e2e/officeTools.ts ocr`).
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { findOnPath } from '../../src/plugin/report/pdf/findOffice'

/** A Debian package and what shows it is there: a program on the PATH, a file, or a check. */
interface Tool {
  pkg: string
  programs?: readonly string[]
  file?: string
  check?: () => boolean
}

const OFFICE_TOOLS: readonly Tool[] = [
  { pkg: 'libreoffice-writer', programs: ['soffice', 'libreoffice'] },
  { pkg: 'poppler-utils', programs: ['pdftoppm'] },
  { pkg: 'fonts-liberation2', file: '/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf' },
]

/** Tesseract lists the models it can load; `vie` is what tesseract-ocr-vie adds. */
const hasVietnameseModel = (): boolean => {
  const res = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' })
  return res.status === 0 && /^vie$/m.test(`${res.stdout}\n${res.stderr}`)
}

const OCR_TOOLS: readonly Tool[] = [
  { pkg: 'poppler-utils', programs: ['pdftoppm'] },
  { pkg: 'tesseract-ocr', programs: ['tesseract'] },
  { pkg: 'tesseract-ocr-vie', check: hasVietnameseModel },
]

const present = (t: Tool): boolean =>
  t.check
    ? t.check()
    : t.file
      ? existsSync(t.file)
      : (t.programs ?? []).some((p) => findOnPath(p, process.env.PATH ?? '') !== null)

function aptInstall(pkgs: string[]): number | null {
  return spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...pkgs], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  }).status
}

const missing = (tools: readonly Tool[]): string[] => tools.filter((t) => !present(t)).map((t) => t.pkg)

/** Installs what is missing of `tools` (CI runs as root); refreshes the lists only if needed. */
function ensureTools(tools: readonly Tool[], log: (msg: string) => void): void {
  const pkgs = missing(tools)
  if (pkgs.length === 0) return
  log(`${pkgs.join(', ')} missing: installing Debian's packages`)
  if (aptInstall(pkgs) !== 0) {
    log('apt-get install failed; updating the package lists and trying again')
    const update = spawnSync('apt-get', ['update'], { stdio: 'inherit' })
    if (update.status !== 0 || aptInstall(pkgs) !== 0) {
      throw new Error(`Could not install ${pkgs.join(', ')} with apt-get (run as root)`)
    }
  }
  const still = missing(tools)
  if (still.length > 0) throw new Error(`${still.join(', ')} installed but is still not found`)
}

/** Installs `libreoffice-writer`, `poppler-utils` and `fonts-liberation2` when missing. */
export const ensureOfficeTools = (log: (msg: string) => void): void => ensureTools(OFFICE_TOOLS, log)

/** Installs `poppler-utils`, `tesseract-ocr` and `tesseract-ocr-vie` when missing. */
export const ensureOcrTools = (log: (msg: string) => void): void => ensureTools(OCR_TOOLS, log)

// `node --import ./src/cli/register.mjs test/e2e/officeTools.ts ocr|office`: what .ci/run calls before `npm test`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const log = (msg: string) => process.stdout.write(`${msg}\n`)
  for (const what of process.argv.slice(2)) (what === 'ocr' ? ensureOcrTools : ensureOfficeTools)(log)
}
