import type { Endpoint } from 'payload'
import type { S3Settings } from '../config/env'
import { poolVerdict } from '../domain/databaseErrors'
import { healthAnswer } from '../domain/health'
import { healthOperation } from './healthOpenApi'
import { poolStats, probeDatabase, probeMigrations, storageProbe, withTimeout } from './probes'

/**
 * GET /api/health, for load balancers and orchestrators: 200 when this instance can serve (the
 * database answers, the connection pool is not starved, every migration it ships has run, file
 * storage takes a write), else 503 naming what failed. The pool line shows busy, idle and waiting
 * connections, so an operator sees saturation before it becomes an outage. No sign-in, so it says nothing an outsider could use: no host names, no
 * error texts (those go to the log).
 */
export function healthEndpoint(args: { uploadsDir: string; s3: S3Settings | null; migrations: string[] }): Endpoint {
  const probeStorage = storageProbe(args)
  return {
    path: '/health',
    method: 'get',
    // Described here, where it is registered; /api/openapi.json includes it (src/plugin/openapi).
    custom: { openapi: healthOperation },
    handler: async (req) => {
      const { payload } = req
      const database = await withTimeout('the database', probeDatabase(payload))
      const [migrations, storage] = await Promise.all([
        database.ok
          ? withTimeout('the database', probeMigrations(payload, args.migrations))
          : Promise.resolve({ ok: false as const, problem: 'unknown (database not reachable)' }),
        withTimeout('the storage', probeStorage(payload)),
      ])
      const pool = poolVerdict(poolStats(payload))
      const answer = healthAnswer({ database, pool, migrations, storage })
      return Response.json(answer.body, { status: answer.status, headers: { 'Cache-Control': 'no-store' } })
    },
  }
}
