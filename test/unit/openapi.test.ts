import type { CollectionConfig, Config, Endpoint } from 'payload'
import { describe, expect, it } from 'vitest'
import { commsQuotaPlugin } from '../../src/plugin'
import { openApiDocument, openApiPath, type OpenApiSettings } from '../../src/plugin/openapi'
import { healthOperation } from '../../src/health/healthOpenApi'
import { responseChecker, validateDocument } from '../helpers/openapi'

/**
 * The OpenAPI document as the plugin builds it, without a database: valid OpenAPI 3.1 by
 * @apidevtools/swagger-parser for every shape of host (review on and off, its own content
 * collections), its examples true to its own schemas, and every endpoint the plugin registers
 * described. Real answers are checked against it in test/int/openapi.test.ts.
 */

const settings = (over: Partial<OpenApiSettings> = {}): OpenApiSettings => ({
  apiRoute: '/api',
  serverUrl: 'https://cms.example.gov.vn',
  usersSlug: 'users',
  cookiePrefix: 'payload',
  contentCollections: ['articles', 'infographics', 'videos'],
  review: true,
  feeds: { defaultLimit: 50, maxLimit: 100 },
  hostOperations: [{ path: '/health', method: 'get', operation: healthOperation }],
  ...over,
})

const pathsOf = (doc: Record<string, unknown>) => Object.keys(doc.paths as Record<string, unknown>)

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 with review on, and describes the app health it is given', async () => {
    const doc = openApiDocument(settings())
    await validateDocument(doc)
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.servers).toEqual([{ url: 'https://cms.example.gov.vn/api' }])
    expect(pathsOf(doc)).toEqual(
      expect.arrayContaining(['/quota/report', '/review/{collection}/{id}/{action}', '/health', '/openapi.json']),
    )
  })

  it('is valid with review off, and leaves the review path out', async () => {
    const doc = openApiDocument(settings({ review: false, hostOperations: [] }))
    await validateDocument(doc)
    expect(pathsOf(doc).some((p) => p.startsWith('/review'))).toBe(false)
    expect(pathsOf(doc)).not.toContain('/health')
  })

  it("is valid for a host's own content collections, a custom API route and cookie prefix", async () => {
    const doc = openApiDocument(
      settings({
        contentCollections: ['posts', 'podcasts'],
        apiRoute: '/cms',
        cookiePrefix: 'host',
        usersSlug: 'staff',
        serverUrl: '',
      }),
    )
    await validateDocument(doc)
    expect(doc.servers).toEqual([{ url: '/cms' }])
    const json = JSON.stringify(doc)
    expect(json).toContain('"enum":["posts","podcasts"]')
    expect(json).not.toContain('"infographics"')
    const schemes = (doc.components as { securitySchemes: Record<string, { name?: string; description?: string }> })
      .securitySchemes
    expect(schemes.payloadCookie?.name).toBe('host-token')
    expect(schemes.apiKey?.description).toContain('staff API-Key <key>')
  })

  it("links Payload's REST docs for the collections instead of describing them", () => {
    const doc = openApiDocument(settings())
    expect(doc.externalDocs).toEqual(expect.objectContaining({ url: 'https://payloadcms.com/docs/rest-api/overview' }))
    expect(pathsOf(doc).filter((p) => /^\/(plans|tasks|units|channels|articles|users)\b/.test(p))).toEqual([])
  })

  it('has examples that match its own schemas', async () => {
    const checker = await responseChecker(openApiDocument(settings()))
    expect(checker.exampleProblems()).toEqual([])
  })

  it('never lets a host operation replace what the plugin describes', () => {
    const doc = openApiDocument(
      settings({
        hostOperations: [{ path: '/quota/report', method: 'get', operation: { summary: 'mine', responses: {} } }],
      }),
    )
    const report = (doc.paths as Record<string, { get: { summary: string } }>)['/quota/report']
    expect(report?.get.summary).not.toBe('mine')
  })

  it('describes every endpoint the plugin registers, with review on and off', async () => {
    const users: CollectionConfig = { slug: 'users', auth: true, fields: [] }
    const posts: CollectionConfig = { slug: 'posts', versions: { drafts: true }, fields: [] }
    for (const review of [true, false]) {
      const config = await commsQuotaPlugin({ contentCollections: ['posts'], review })({
        collections: [users, posts],
        secret: 'x',
      } as unknown as Config)
      const doc = openApiDocument(settings({ contentCollections: ['posts'], review, hostOperations: [] }))
      const paths = doc.paths as Record<string, Record<string, unknown>>
      const endpoints: Endpoint[] = config.endpoints ?? []
      const missing = endpoints.filter((e) => !paths[openApiPath(e.path)]?.[e.method])
      expect(missing.map((e) => `${e.method} ${e.path}`)).toEqual([])
    }
  })

  it("writes Payload's :params as OpenAPI {params}", () => {
    expect(openApiPath('/review/:collection/:id/:action')).toBe('/review/{collection}/{id}/{action}')
    expect(openApiPath('/feeds/rss.xml')).toBe('/feeds/rss.xml')
  })
})

describe('the rules the validator leaves to us (OpenAPI 3.x)', () => {
  it('refuses an undeclared path parameter and a duplicate operationId', async () => {
    const doc = openApiDocument(settings()) as { paths: Record<string, Record<string, Record<string, unknown>>> }
    const broken = structuredClone(doc)
    broken.paths['/quota/shared/{token}']!.get!.parameters = []
    broken.paths['/quota/task']!.get!.operationId = 'getQuotaReport'
    await expect(validateDocument(broken)).rejects.toThrow(
      /\{token\} is not declared[\s\S]*getQuotaReport is used twice|getQuotaReport is used twice[\s\S]*\{token\} is not declared/,
    )
  })
})
