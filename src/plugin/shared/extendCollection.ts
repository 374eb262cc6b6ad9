import type { CollectionConfig, Field } from 'payload'

type Hooks = NonNullable<CollectionConfig['hooks']>
type HookKind = keyof Hooks
export type HookAdditions = { [K in HookKind]?: NonNullable<Hooks[K]> }

/**
 * A copy of the collection with hooks appended after the host's own. Nothing is assigned on the
 * object passed in: collections are often module constants, and a second application of the
 * plugin (tests, benchmarks building two configs) must not find the first one's hooks on them.
 */
export function withHooks(collection: CollectionConfig, add: HookAdditions): CollectionConfig {
  const hooks: Record<string, unknown[]> = { ...(collection.hooks as Record<string, unknown[]> | undefined) }
  for (const [kind, list] of Object.entries(add) as Array<[string, unknown[] | undefined]>) {
    if (list && list.length > 0) hooks[kind] = [...(hooks[kind] ?? []), ...list]
  }
  return { ...collection, hooks: hooks as Hooks }
}

/** Top-level field names, looking through rows, collapsibles and unnamed tabs (they share the data). */
export function fieldNames(fields: readonly Field[]): Set<string> {
  const names = new Set<string>()
  for (const f of fields) {
    if ('name' in f && typeof f.name === 'string') names.add(f.name)
    else if ('fields' in f && Array.isArray(f.fields)) for (const n of fieldNames(f.fields as Field[])) names.add(n)
    else if (f.type === 'tabs')
      for (const tab of f.tabs) {
        if ('name' in tab && tab.name) names.add(tab.name)
        else for (const n of fieldNames(tab.fields)) names.add(n)
      }
  }
  return names
}

/** The field of that name and type at the top level (through presentational wrappers), if any. */
export function findField(fields: readonly Field[], name: string): Field | undefined {
  for (const f of fields) {
    if ('name' in f && f.name === name) return f
    if (!('name' in f) && 'fields' in f && Array.isArray(f.fields)) {
      const inner = findField(f.fields as Field[], name)
      if (inner) return inner
    }
  }
  return undefined
}

/**
 * The plugin's fields the collection does not have yet, by name. A host that declares one of
 * them itself (to place it, or to label it) keeps its own; the type is checked by the caller.
 */
export function missingFields(collection: CollectionConfig, wanted: readonly Field[]): Field[] {
  const have = fieldNames(collection.fields)
  return wanted.filter((f) => !('name' in f) || !have.has(f.name))
}

/** Points every relationship to the plugin's default users slug at the host's auth collection. */
export function retargetUsers(fields: readonly Field[], from: string, usersSlug: string): Field[] {
  if (from === usersSlug) return [...fields]
  return fields.map((field) => {
    // The casts are safe: only relationTo changes, from one single-collection slug to another.
    if ((field.type === 'relationship' || field.type === 'upload') && field.relationTo === from)
      return { ...field, relationTo: usersSlug } as Field
    if ('fields' in field && Array.isArray(field.fields))
      return { ...field, fields: retargetUsers(field.fields as Field[], from, usersSlug) } as Field
    return field
  })
}
