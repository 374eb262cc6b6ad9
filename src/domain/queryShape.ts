/**
 * Shapes of query and document input that Payload passes on to SQL, where they fail as a 500
 * (issue 20): a document id that is not one, a geo operator on a field that is not a point,
 * an object where an operator takes a value, a date that does not parse in a draft save (drafts
 * skip field validation). Pure: callers pass the collection's field tree and the request's input,
 * and get the paths at fault, to answer 400 naming them.
 */
import { hasRealDay } from './calendar'

/** The part of a Payload field config these checks read. */
export interface FieldShape {
  type: string
  name?: string
  fields?: FieldShape[]
  tabs?: Array<{ name?: string; fields: FieldShape[] }>
}

const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])
/** Operators whose operand is one value (a list is `in`/`not_in`/`all`; objects only for geo). */
const VALUE_OPERATORS = new Set([
  'equals',
  'not_equals',
  'like',
  'not_like',
  'contains',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'exists',
])

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date)

/** Whether `id` can name a document of a collection whose ids are numbers (or any non-empty text). */
export function isDocumentId(id: unknown, idType: 'number' | 'text'): boolean {
  if (idType === 'text') return (typeof id === 'string' && id !== '') || typeof id === 'number'
  if (typeof id === 'number') return Number.isSafeInteger(id) && id > 0
  return typeof id === 'string' && /^\d{1,15}$/.test(id)
}

/** The data fields at the top of a field tree (rows, collapsibles and unnamed tabs are see-through). */
function dataFields(fields: readonly FieldShape[]): FieldShape[] {
  const out: FieldShape[] = []
  for (const f of fields) {
    if (f.type === 'tabs') {
      for (const tab of f.tabs ?? []) {
        if (tab.name) out.push({ type: 'group', name: tab.name, fields: tab.fields })
        else out.push(...dataFields(tab.fields))
      }
    } else if (!f.name && f.fields) out.push(...dataFields(f.fields))
    else if (f.name) out.push(f)
  }
  return out
}

/** The type of the field a dotted query path names, when the path resolves; undefined otherwise. */
function fieldTypeAt(fields: readonly FieldShape[], path: string): string | undefined {
  let level = dataFields(fields)
  const parts = path.split('.')
  for (let i = 0; i < parts.length; i += 1) {
    const f = level.find((x) => x.name === parts[i])
    if (!f) return undefined
    if (i === parts.length - 1) return f.type
    if (!f.fields) return undefined
    level = dataFields(f.fields)
  }
  return undefined
}

/** The `where` paths (as `where.<field>.<operator>`) whose operator or operand cannot be queried. */
export function malformedWherePaths(where: unknown, fields: readonly FieldShape[], prefix = 'where'): string[] {
  if (!isPlainObject(where)) return []
  const out: string[] = []
  for (const [key, value] of Object.entries(where)) {
    if (key === 'and' || key === 'or') {
      if (Array.isArray(value)) value.forEach((w) => out.push(...malformedWherePaths(w, fields, prefix)))
      continue
    }
    if (!isPlainObject(value)) continue
    for (const [operator, operand] of Object.entries(value)) {
      const at = `${prefix}.${key}.${operator}`
      if (GEO_OPERATORS.has(operator) && fieldTypeAt(fields, key) !== 'point') out.push(at)
      else if (VALUE_OPERATORS.has(operator) && isPlainObject(operand)) out.push(at)
    }
  }
  return out
}

function isUnparsableDate(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return false
  if (value instanceof Date) return Number.isNaN(value.getTime())
  if (typeof value !== 'string') return true
  return Number.isNaN(Date.parse(value)) || !hasRealDay(value)
}

/** Paths (`publications.0.publishedAt`) of the date fields in `data` whose value is not a date. */
export function unparsableDatePaths(fields: readonly FieldShape[], data: unknown, prefix = ''): string[] {
  if (!isPlainObject(data)) return []
  const out: string[] = []
  for (const f of dataFields(fields)) {
    const name = f.name as string
    if (!(name in data)) continue
    const value = data[name]
    const path = `${prefix}${name}`
    if (f.type === 'date' && isUnparsableDate(value)) out.push(path)
    else if (f.type === 'group' && f.fields) out.push(...unparsableDatePaths(f.fields, value, `${path}.`))
    else if (f.type === 'array' && f.fields && Array.isArray(value))
      value.forEach((row, i) => out.push(...unparsableDatePaths(f.fields!, row, `${path}.${i}.`)))
  }
  return out
}
