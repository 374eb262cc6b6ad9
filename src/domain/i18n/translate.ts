import { en } from './en'
import { vi, type CatalogKey } from './vi'

export type { CatalogKey } from './vi'

/** The languages the catalog is written in; Vietnamese first. */
export type Lang = 'vi' | 'en'

/** Values for a message's `{{name}}` placeholders. */
export type Vars = Record<string, string | number>

export const CATALOGS: Readonly<Record<Lang, Readonly<Record<CatalogKey, string>>>> = { vi, en }

/** Any language tag to a catalog language: English when asked for, Vietnamese otherwise (the fallback). */
export function catalogLanguage(lang: string | null | undefined): Lang {
  return lang === 'en' ? 'en' : 'vi'
}

/**
 * Fills `{{name}}` placeholders the way Payload's own `t` does (@payloadcms/translations'
 * replaceVars: the name is trimmed, a missing value leaves the placeholder as it is), so a message
 * reads the same with a request (req.i18n.t) and without one (translate).
 */
export function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template
  return template.replace(/\{\{(.*?)\}\}/g, (whole, name: string) => {
    const value = vars[name.trim()]
    return value === undefined || value === null ? whole : String(value)
  })
}

/**
 * A message in a language, where there is no request to ask: mails, the CLI, pages that are
 * Vietnamese by design, and the domain's own formatting. With a request, use `t` from
 * src/plugin/i18n.ts, which goes through Payload's i18n.
 */
export function translate(lang: string | null | undefined, key: CatalogKey, vars?: Vars): string {
  return interpolate(CATALOGS[catalogLanguage(lang)][key], vars)
}

/**
 * A message in both languages at once, for results that must carry both (a video link's or an
 * upload's rejection is returned before anyone knows who will read it). `vars` may differ by
 * language: sizes and numbers are written the way each language writes them.
 */
export function inBoth(key: CatalogKey, vars?: Vars | ((lang: Lang) => Vars)): { vi: string; en: string } {
  const of = (lang: Lang) => translate(lang, key, typeof vars === 'function' ? vars(lang) : vars)
  return { vi: of('vi'), en: of('en') }
}
