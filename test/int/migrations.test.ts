import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrations } from '../../src/migrations'
import { startTestPayload, type TestPayload } from './helpers/testPayload'

/**
 * Production starts run the committed migrations, development pushes the schema from the
 * config. These tests fail as soon as the two drift apart: run `npm run migrate:create -- <name>`.
 */
interface DrizzleKit {
  generateDrizzleJson(schema: unknown): Promise<unknown> | unknown
  generateMigration(before: unknown, after: unknown): Promise<string[]>
  pushSchema(
    schema: unknown,
    db: unknown,
    schemaFilters?: string[],
  ): Promise<{ statementsToExecute: string[]; hasDataLoss: boolean }>
}

let t: TestPayload

beforeAll(async () => {
  // The harness builds the database from the committed migrations only (no push).
  t = await startTestPayload()
})

afterAll(async () => {
  await t?.cleanup()
})

const kit = () => (t.payload.db as unknown as { requireDrizzleKit(): DrizzleKit }).requireDrizzleKit()
const db = () => t.payload.db as unknown as { schema: unknown; drizzle: unknown }

describe('committed migrations', () => {
  it('the latest snapshot matches the config (nothing left to generate)', async () => {
    const dir = path.resolve(import.meta.dirname, '../../src/migrations')
    const latest = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .at(-1)
    expect(latest, 'no migration snapshot committed').toBeDefined()
    const before = JSON.parse(readFileSync(path.join(dir, latest!), 'utf8')) as unknown
    const after = await kit().generateDrizzleJson(db().schema)
    const pending = await kit().generateMigration(before, after)
    expect(pending, `schema changes without a migration:\n${pending.join('\n')}`).toEqual([])
  })

  it('a database built by the migrations has exactly the schema the config expects', async () => {
    const { statementsToExecute } = await kit().pushSchema(db().schema, db().drizzle, ['public'])
    // drizzle-kit re-emits numeric defaults it reads back as '20'::numeric; such a statement is
    // drift only if the column's actual default differs, so those are checked in the catalog.
    const remaining: string[] = []
    for (const statement of statementsToExecute) {
      const m = /^ALTER TABLE "(\w+)" ALTER COLUMN "(\w+)" SET DEFAULT (-?\d+(?:\.\d+)?);$/.exec(statement)
      if (!m) {
        remaining.push(statement)
        continue
      }
      const { rows } = await (
        t.payload.db as unknown as {
          pool: { query(q: string, v: unknown[]): Promise<{ rows: Array<{ d: string | null }> }> }
        }
      ).pool.query(
        `select column_default as d from information_schema.columns where table_schema = 'public' and table_name = $1 and column_name = $2`,
        [m[1], m[2]],
      )
      const actual = rows[0]?.d?.replace(/^'?(-?[\d.]+)'?(::\w+)?$/, '$1')
      if (actual === undefined || Number(actual) !== Number(m[3]))
        remaining.push(`${statement} (database has ${rows[0]?.d ?? 'no default'})`)
    }
    expect(remaining).toEqual([])
  })

  it('every migration file is listed in the index the production start runs', () => {
    const dir = path.resolve(import.meta.dirname, '../../src/migrations')
    const files = readdirSync(dir)
      .filter((f) => /^\d.*\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
    expect(migrations.map((m) => m.name).sort()).toEqual(files.sort())
  })

  it('the migrated database works: a plan can be written and read', async () => {
    const plan = await t.payload.create({ collection: 'plans', data: { code: 'MIG-1', title: 'Kế hoạch' } as never })
    const read = await t.payload.findByID({ collection: 'plans', id: plan.id })
    expect(read.code).toBe('MIG-1')
  })
})
