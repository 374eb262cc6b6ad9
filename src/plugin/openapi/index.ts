import type { Endpoint } from 'payload'
import { getOpenApiDocument } from './endpoints/getOpenApiDocument'

export const openApiEndpoints = (): Endpoint[] => [getOpenApiDocument]

export { openApiDocument, openApiPath, PAYLOAD_REST_DOCS } from './document'
export type { HostOperation, Json, JsonObject, OpenApiSettings, Operation, Schema } from './document'
