import { translate, type CatalogKey, type Vars } from './translate'

/**
 * The domain's side of messages: rules name a message (a key of the catalog, vi.ts/en.ts) and its
 * values, never its text, because they do not know who will read it. The boundary turns the
 * reference into text: `t(req, …)` (src/plugin/i18n.ts) with a request, `formatMessage` without.
 */

export type MessageKey = CatalogKey
export type { Lang } from './translate'

/** A message reference: what the domain returns; the boundary turns it into text. */
export interface Problem {
  key: MessageKey
  vars?: Vars
}

export function formatMessage(problem: Problem, lang: string | null | undefined): string {
  return translate(lang, problem.key, problem.vars)
}

/**
 * The plan import's field messages: the catalog's `import*` keys without the prefix (`required`
 * is `importRequired`). They read after the field they are about ("tasks[0].title: bắt buộc…"),
 * and the short keys are part of the import's JSON (problems, notes), so they stay short.
 */
export type ImportMessageKey = CatalogKey extends infer K
  ? K extends `import${infer Rest}`
    ? Uncapitalize<Rest>
    : never
  : never

/** A message reference: the domain returns these, the boundary formats them in the user's language. */
export interface ImportMessage {
  key: ImportMessageKey
  vars?: Vars
}

/** The catalog key of an import message. */
export function importMessageKey(key: ImportMessageKey): CatalogKey {
  return `import${key.charAt(0).toUpperCase()}${key.slice(1)}` as `import${Capitalize<ImportMessageKey>}`
}

export function formatImportMessage(message: ImportMessage, lang: string | null | undefined): string {
  return translate(lang, importMessageKey(message.key), message.vars)
}
