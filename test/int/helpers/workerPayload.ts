import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { getPayload, type Payload, type Plugin } from 'payload'
import type pg from 'pg'
import { createAppConfig, type AppConfigOptions } from '../../../src/appConfig'
import { migrations } from '../../../src/migrations'

type MigrationList = NonNullable<Parameters<Payload['db']['migrate']>[0]>['migrations']

export interface PayloadOn {
  payload: Payload
  uploadsDir: string
  /** Destroys this Payload and removes its upload folder; the database is the caller's. */
  close(): Promise<void>
}

/**
 * A Payload on an existing database, as one app instance of several sharing it: the test
 * process (which also migrates) and each worker process call this with the same URI.
 * `instance` keys Payload's per-process cache, so one process may hold several instances.
 */
export async function startPayloadOn(
  databaseUri: string,
  options: {
    plugins?: Plugin[]
    migrate?: boolean
    instance?: string
    config?: Pick<AppConfigOptions, 'mail' | 'scheduler'>
  } = {},
): Promise<PayloadOn> {
  // These tests upload nothing; the folder only satisfies the config.
  const uploadsDir = await mkdtemp(path.join(os.tmpdir(), 'counting-uploads-'))
  const config = await createAppConfig({
    ...options.config,
    databaseUri,
    seedOnFirstStart: false,
    uploadsDir,
    push: false,
    plugins: options.plugins,
  })
  const payload = await getPayload({ config, key: `${databaseUri}#${options.instance ?? 'main'}` })
  if (options.migrate) await payload.db.migrate({ migrations: migrations as unknown as MigrationList })
  return {
    payload,
    uploadsDir,
    async close() {
      // The database is dropped WITH (FORCE) by the owner afterwards; the terminations that
      // causes (57P01) are expected on this pool and only those are ignored.
      const pool = (payload.db as unknown as { pool?: pg.Pool }).pool
      pool?.on('error', (err: Error & { code?: string }) => {
        if (err.code !== '57P01') throw err
      })
      await payload.destroy()
      await rm(uploadsDir, { recursive: true, force: true })
    },
  }
}
