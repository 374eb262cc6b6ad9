import SwaggerParser from '@apidevtools/swagger-parser'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020'
import addFormats from 'ajv-formats'

/**
 * Checking the OpenAPI document and answers against it, for the unit test (the built document)
 * and the int test (the served one and real answers). The document is validated by
 * @apidevtools/swagger-parser: the OpenAPI 3.1 schema, and every `$ref` resolved. Its rule
 * checks beyond the schema (operationIds unique, path parameters declared) run for Swagger 2.0
 * only, so those two are checked here (specRules). Answers are checked by Ajv in JSON Schema
 * 2020-12, OpenAPI 3.1's dialect.
 */

type Obj = Record<string, unknown>
type Api = Parameters<typeof SwaggerParser.validate>[0]

/** Resolves when the document is valid; throws the validator's error (listing every problem) otherwise. */
export async function validateDocument(document: unknown): Promise<void> {
  // The parser dereferences in place: give it a copy, so the caller's document stays as served.
  const api = (await SwaggerParser.validate(structuredClone(document) as Api)) as unknown as {
    paths: Record<string, Record<string, Obj>>
  }
  const problems = specRules(api)
  if (problems.length > 0) throw new SyntaxError(`OpenAPI rules broken:\n  ${problems.join('\n  ')}`)
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

/** The OpenAPI rules the schema cannot express: unique operationIds, path templates and their parameters agree. */
export function specRules(api: { paths: Record<string, Record<string, Obj>> }): string[] {
  const problems: string[] = []
  const ids = new Set<string>()
  for (const [path, item] of Object.entries(api.paths)) {
    const template = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1])
    for (const method of METHODS) {
      const op = item[method]
      if (!op) continue
      const id = op.operationId as string | undefined
      if (id && ids.has(id)) problems.push(`operationId ${id} is used twice`)
      if (id) ids.add(id)
      const params = [...((item.parameters ?? []) as Obj[]), ...((op.parameters ?? []) as Obj[])]
      const declared = params.filter((p) => p.in === 'path')
      for (const name of template) {
        const p = declared.find((d) => d.name === name)
        if (!p) problems.push(`${method} ${path}: path parameter {${name}} is not declared`)
        else if (p.required !== true) problems.push(`${method} ${path}: path parameter {${name}} must be required`)
      }
      for (const p of declared)
        if (!template.includes(p.name as string))
          problems.push(`${method} ${path}: ${String(p.name)} is not in the path`)
      const seen = new Set<string>()
      for (const p of params) {
        const key = `${String(p.in)}:${String(p.name)}`
        if (seen.has(key)) problems.push(`${method} ${path}: parameter ${key} is declared twice`)
        seen.add(key)
      }
    }
  }
  return problems
}

export interface ResponseChecker {
  /** The JSON schema the document gives for an answer, or undefined when it describes none. */
  schemaFor(path: string, method: string, status: number, mediaType?: string): Obj | undefined
  /** Ajv's errors for `body` against that schema ([] when it matches); throws when none is described. */
  check(path: string, method: string, status: number, body: unknown, mediaType?: string): string[]
  /** Every `examples`/`example` of a JSON request or answer, with the problems Ajv finds in it. */
  exampleProblems(): string[]
}

/** A checker over the document with every `$ref` resolved. */
export async function responseChecker(document: unknown): Promise<ResponseChecker> {
  const doc = (await SwaggerParser.dereference(structuredClone(document) as Api)) as unknown as {
    paths: Record<string, Record<string, Obj>>
  }
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true })
  addFormats(ajv)
  const compiled = new Map<Obj, ValidateFunction>()
  const validatorOf = (schema: Obj): ValidateFunction => {
    let v = compiled.get(schema)
    if (!v) compiled.set(schema, (v = ajv.compile(schema)))
    return v
  }
  const problems = (schema: Obj, value: unknown): string[] => {
    const validate = validatorOf(schema)
    return validate(value)
      ? []
      : (validate.errors ?? []).map(
          (e) => `${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
        )
  }
  const responseOf = (path: string, method: string, status: number): Obj | undefined => {
    const responses = doc.paths[path]?.[method.toLowerCase()]?.responses as Record<string, Obj> | undefined
    return responses?.[String(status)] ?? responses?.default
  }
  const schemaFor = (path: string, method: string, status: number, mediaType = 'application/json') =>
    ((responseOf(path, method, status)?.content as Record<string, Obj> | undefined)?.[mediaType]?.schema ??
      undefined) as Obj | undefined

  return {
    schemaFor,
    check(path, method, status, body, mediaType) {
      const schema = schemaFor(path, method, status, mediaType)
      if (!schema)
        throw new Error(`the document describes no ${mediaType ?? 'JSON'} answer ${status} of ${method} ${path}`)
      return problems(schema, body)
    },
    exampleProblems() {
      const out: string[] = []
      for (const [path, item] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(item)) {
          const bodies: Array<[string, Obj | undefined]> = [
            ['request', op.requestBody as Obj | undefined],
            ...Object.entries((op.responses ?? {}) as Record<string, Obj>),
          ]
          for (const [where, holder] of bodies) {
            const media = (holder?.content as Record<string, Obj> | undefined)?.['application/json']
            if (!media?.schema) continue
            const examples = [
              ...(media.example === undefined ? [] : [media.example]),
              ...Object.values((media.examples ?? {}) as Record<string, { value: unknown }>).map((e) => e.value),
            ]
            for (const example of examples)
              for (const p of problems(media.schema as Obj, example)) out.push(`${method} ${path} ${where}: ${p}`)
          }
        }
      }
      return out
    },
  }
}
