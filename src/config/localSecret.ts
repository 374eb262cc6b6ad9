import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { dataDir } from './env'

/**
 * The quick start needs a stable PAYLOAD_SECRET (sessions survive restarts) without asking the
 * user for one: it is generated once into DATA_DIR/secret (default .data/secret), next to the
 * embedded database it protects. With an external database the operator must provide PAYLOAD_SECRET.
 */
export function ensureLocalSecret(root: string, usingEmbeddedDb: boolean): string {
  if (process.env.PAYLOAD_SECRET) return process.env.PAYLOAD_SECRET
  if (!usingEmbeddedDb) {
    throw new Error('PAYLOAD_SECRET is required when DATABASE_URI points at your own Postgres (a long random string).')
  }
  const file = path.join(dataDir(root), 'secret')
  let secret: string
  try {
    secret = readFileSync(file, 'utf8').trim()
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
    secret = ''
  }
  if (secret.length < 32) {
    secret = randomBytes(32).toString('hex')
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, `${secret}\n`, { mode: 0o600 })
  }
  process.env.PAYLOAD_SECRET = secret
  return secret
}
