import { GRAPHQL_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { authorization } from './rest'
import { guardApiRequest } from '../../../src/http/guardApiRequest'

export interface GraphQLResponse {
  status: number
  text: string
  json: {
    data?: Record<string, unknown> | null
    errors?: Array<{ message: string; extensions?: { statusCode?: number; data?: unknown } }>
  }
}

/** POST /api/graphql through the route's own handler and guard, as the Next.js route mounts it. */
export function graphqlClient(payload: Payload) {
  const config = Promise.resolve(payload.config)
  const handler = guardApiRequest(GRAPHQL_POST(config), { config })
  return async (query: string, init: { token?: string; variables?: Record<string, unknown> } = {}) => {
    const headers = new Headers({ 'Content-Type': 'application/json' })
    if (init.token) headers.set('Authorization', authorization(init.token))
    const res = await handler(
      new Request('http://localhost/api/graphql', {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables: init.variables }),
      }),
      undefined,
    )
    const text = await res.text()
    return { status: res.status, text, json: JSON.parse(text) as GraphQLResponse['json'] } satisfies GraphQLResponse
  }
}
