import { randomBytes } from 'node:crypto'
import pg from 'pg'

function adminUri(): string {
  const base = process.env.DATABASE_URI
  if (!base) {
    throw new Error('Int tests need a Postgres: run them with `npm test` (it starts one) or set DATABASE_URI.')
  }
  if (process.env.DATABASE_ADMIN_URI) return process.env.DATABASE_ADMIN_URI
  const url = new URL(base)
  url.pathname = '/postgres'
  return url.toString()
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUri() })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** A fresh, empty database on the test server, so test files never see each other's rows. */
export async function createTestDatabase(): Promise<{ uri: string; drop(): Promise<void> }> {
  const name = `t_${process.pid}_${randomBytes(4).toString('hex')}`
  await adminQuery(`CREATE DATABASE "${name}"`)
  const url = new URL(adminUri())
  url.pathname = `/${name}`
  return {
    uri: url.toString(),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  }
}
