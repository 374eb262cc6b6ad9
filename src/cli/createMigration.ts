/**
 * `npm run migrate:create -- <name>`: generates a migration from the difference between the
 * config's schema and the last migration's snapshot, on a throw-away embedded database, then
 * rewrites the generated type imports as type-only (this repo compiles with
 * verbatimModuleSyntax). The drift test in test/int/migrations.test.ts fails until this is run
 * after a schema change.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..', '..')
const name = process.argv.slice(2).find((a) => !a.startsWith('-')) ?? 'change'
const result = spawnSync(
  process.execPath,
  [
    '--import',
    './src/cli/register.mjs',
    'src/cli/withDatabase.ts',
    '--ephemeral',
    '--',
    'payload',
    'migrate:create',
    name,
  ],
  { cwd: root, stdio: 'inherit' },
)
if (result.status !== 0) process.exit(result.status ?? 1)

const dir = path.join(root, 'src', 'migrations')
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts')) {
  const full = path.join(dir, file)
  const text = readFileSync(full, 'utf8')
  const fixed = text.replace(
    /import \{ MigrateUpArgs, MigrateDownArgs, sql \} from '@payloadcms\/db-postgres'/,
    "import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'",
  )
  if (fixed !== text) writeFileSync(full, fixed)
}
