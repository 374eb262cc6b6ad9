import type { Operation } from '../plugin/openapi'

const check = { type: 'string', description: '`ok`, `ok (<detail>)` or `fail: <problem>`.' }
const answer = {
  type: 'object',
  required: ['status', 'failed', 'database', 'pool', 'migrations', 'storage'],
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: ['ok', 'fail'] },
    failed: {
      type: 'array',
      description: 'The checks that failed, by name.',
      items: { type: 'string', enum: ['database', 'pool', 'migrations', 'storage'] },
    },
    database: check,
    pool: { ...check, description: 'Busy, idle and waiting connections: `ok (3/10 busy, 2 idle, 0 waiting)`.' },
    migrations: check,
    storage: check,
  },
}

/**
 * GET /api/health as OpenAPI: the app registers the endpoint, so the app describes it, and the
 * plugin's /api/openapi.json picks the description up from the endpoint's `custom.openapi`.
 */
export const healthOperation: Operation = {
  operationId: 'getHealth',
  tags: ['operations'],
  summary: 'Whether this instance can serve',
  description:
    'For load balancers: 200 when the database answers, the pool is not starved, every shipped migration has run ' +
    'and file storage takes a write; 503 naming what failed. No sign-in; no host names or error texts.',
  security: [],
  responses: {
    '200': {
      description: 'Healthy.',
      headers: { 'Cache-Control': { description: '`no-store`', schema: { type: 'string' } } },
      content: {
        'application/json': {
          schema: answer,
          example: {
            status: 'ok',
            failed: [],
            database: 'ok',
            pool: 'ok (1/10 busy, 1 idle, 0 waiting)',
            migrations: 'ok (24 applied)',
            storage: 'ok (local disk)',
          },
        },
      },
    },
    '503': {
      description: 'Unhealthy: `failed` names the checks.',
      content: { 'application/json': { schema: answer } },
    },
  },
}
