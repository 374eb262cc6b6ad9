/**
 * An OpenAPI document is plain JSON; these are its building blocks as the builder writes them.
 * Not the full OpenAPI types (those live in dev-only packages a host would not have): the
 * validator in the tests is what holds the document to the OpenAPI 3.1 schema.
 */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json }
export type JsonObject = { [key: string]: Json }

/** A JSON Schema (2020-12, OpenAPI 3.1's dialect). */
export type Schema = JsonObject

/** An OpenAPI Operation Object (summary, parameters, requestBody, responses, security…). */
export type Operation = JsonObject

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` })
export const responseRef = (name: string): JsonObject => ({ $ref: `#/components/responses/${name}` })

/** `schema` or null (OpenAPI 3.1 has no `nullable`: null is a type). */
export const nullable = (schema: Schema): Schema => ({ anyOf: [schema, { type: 'null' }] })

/** An object whose listed properties are all present and which has no others. */
export function closed(properties: Record<string, Schema>, optional: readonly string[] = []): Schema {
  return {
    type: 'object',
    required: Object.keys(properties).filter((name) => !optional.includes(name)),
    properties,
    additionalProperties: false,
  }
}
