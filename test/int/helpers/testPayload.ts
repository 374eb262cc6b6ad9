import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import path from 'node:path'
import type pg from 'pg'
import { getPayload, type Payload } from 'payload'
import { createAppConfig, type AppConfigOptions } from '../../../src/appConfig'
import { migrations } from '../../../src/migrations'
import { createTestDatabase } from './testDatabase'

export { createTestDatabase } from './testDatabase'

type MigrationList = NonNullable<Parameters<Payload['db']['migrate']>[0]>['migrations']

export interface TestPayload {
  payload: Payload
  databaseUri: string
  uploadsDir: string
  /** Destroys Payload, drops the database and removes uploaded files. */
  cleanup(): Promise<void>
}

/**
 * A real Payload on a real Postgres, on its own database and upload folder. The schema comes
 * from the committed migrations, as in production: no interactive push, and Payload's
 * per-process push cache cannot leave a second instance without tables.
 */
export async function startTestPayload(
  options: Pick<AppConfigOptions, 'mail' | 'scheduler' | 'plugins' | 's3'> = {},
): Promise<TestPayload> {
  const db = await createTestDatabase()
  const uploadsDir = await mkdtemp(path.join(process.cwd(), '.data', 'test-uploads-'))
  const config = await createAppConfig({
    ...options,
    databaseUri: db.uri,
    seedOnFirstStart: false,
    uploadsDir,
    push: false,
  })
  const payload = await getPayload({ config, key: db.uri })
  await payload.db.migrate({ migrations: migrations as unknown as MigrationList })
  return {
    payload,
    databaseUri: db.uri,
    uploadsDir,
    async cleanup() {
      // Every Payload this file created: ours, and the one the REST handlers create for
      // themselves (cached by Payload in global._payload).
      const cached = (globalThis as { _payload?: Map<string, { payload?: Payload | null }> })._payload
      const instances = new Set<Payload>([
        payload,
        ...[...(cached?.values() ?? [])].flatMap((c) => (c.payload ? [c.payload] : [])),
      ])
      for (const instance of instances) {
        // Payload's postgres connect() checks out one client it never releases, so pool.end()
        // would wait forever. The forced DROP below terminates every connection instead; those
        // terminations (57P01) are expected here and only those are ignored.
        const pool = (instance.db as unknown as { pool?: pg.Pool }).pool
        pool?.on('error', (err: Error & { code?: string }) => {
          if (err.code !== '57P01') throw err
        })
        await instance.destroy()
      }
      await db.drop()
      await rm(uploadsDir, { recursive: true, force: true })
    },
  }
}

let counter = 0
export async function createUser(
  payload: Payload,
  data: {
    role: 'admin' | 'manager' | 'editor' | 'multimedia' | 'integration'
    unit?: string | number
    name?: string
    /** An API key for the account (as an administrator gives one). */
    apiKey?: string
  },
): Promise<Record<string, unknown> & { id: string | number }> {
  counter += 1
  const user = await payload.create({
    collection: 'users',
    data: {
      email: `${data.role}-${counter}-${randomBytes(3).toString('hex')}@test.gov.vn`,
      password: 'test-Password-1',
      name: data.name ?? `${data.role} ${counter}`,
      role: data.role,
      unit: data.unit,
      ...(data.apiKey ? { enableAPIKey: true, apiKey: data.apiKey } : {}),
    } as never,
  })
  return user as unknown as Record<string, unknown> & { id: string | number }
}

/** Runs `fn`, expecting Payload to reject it; returns the error for assertions. */
export async function rejectionOf(
  fn: () => Promise<unknown>,
): Promise<{ status?: number; message: string; data?: { errors?: Array<{ path: string; message: string }> } }> {
  try {
    await fn()
  } catch (err) {
    return err as { status?: number; message: string; data?: { errors?: Array<{ path: string; message: string }> } }
  }
  throw new Error('Expected the operation to be rejected, but it succeeded')
}
