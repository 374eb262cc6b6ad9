/**
 * Debian's Chromium driven by playwright-core. Playwright's own browser download is not
 * reachable from these machines, so the suite uses the distribution's package and installs it
 * when a clean machine lacks it.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/**
 * Without the background-networking flags Chromium keeps calling Google services (component
 * updates, sync, variations), which on a closed network only adds noise and time.
 */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]

function aptInstall(): number | null {
  return spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  }).status
}

/** Installs Debian's `chromium` package when missing (CI runs as root); refreshes the lists only if needed. */
export function ensureChromium(log: (msg: string) => void): void {
  if (existsSync(CHROMIUM)) return
  if (process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH=${CHROMIUM} does not exist`)
  log(`${CHROMIUM} is missing: installing Debian's chromium package`)
  if (aptInstall() !== 0) {
    log('apt-get install failed; updating the package lists and trying again')
    const update = spawnSync('apt-get', ['update'], { stdio: 'inherit' })
    if (update.status !== 0 || aptInstall() !== 0) {
      throw new Error('Could not install chromium with apt-get (run as root, or set CHROMIUM_PATH)')
    }
  }
  if (!existsSync(CHROMIUM)) throw new Error(`chromium installed but ${CHROMIUM} is still missing`)
}

/** Each launch gets a fresh temporary profile (playwright creates and removes it). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 60_000 })
}
