/** Where an item lives on the home portal, for its home-channel publication and feeds. */
const SEGMENTS: Record<string, string> = { articles: 'tin-bai', infographics: 'infographic', videos: 'video' }

export function portalItemUrl(
  homeUrl: string | null | undefined,
  collection: string,
  doc: { id: string | number; slug?: string | null },
): string | null {
  if (!homeUrl) return null
  let base: URL
  try {
    base = new URL(homeUrl)
  } catch {
    // A home channel without a usable URL simply gets no link.
    return null
  }
  const segment = SEGMENTS[collection] ?? collection
  const key = doc.slug || String(doc.id)
  return new URL(`${base.pathname.replace(/\/+$/, '')}/${segment}/${encodeURIComponent(key)}`, base).toString()
}

/** Placeholders an item-URL pattern may use. */
export const ITEM_URL_PLACEHOLDERS = ['homeUrl', 'segment', 'collection', 'slug', 'id'] as const

/** The default pattern: the same address the home-channel publication records. */
export const DEFAULT_ITEM_URL_PATTERN = '{homeUrl}/{segment}/{slug}'

const PLACEHOLDER = /\{([^{}]*)\}/g

/**
 * Why a pattern cannot make item links, or null when it can: unknown placeholders, and a result
 * that is not an absolute http(s) URL (checked with sample values), are start-up errors.
 */
export function checkItemUrlPattern(pattern: unknown): string | null {
  if (typeof pattern !== 'string' || pattern.trim() === '') return 'must be a non-empty string'
  for (const m of pattern.matchAll(PLACEHOLDER)) {
    if (!(ITEM_URL_PLACEHOLDERS as readonly string[]).includes(m[1] ?? ''))
      return `uses the unknown placeholder {${m[1]}} (known: ${ITEM_URL_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')})`
  }
  const sample = expandItemUrl(pattern, {
    homeUrl: 'https://portal.example.gov.vn',
    collection: 'articles',
    id: 1,
    slug: 'vi-du',
  })
  if (sample === null) return 'does not give an absolute http(s) URL'
  return null
}

/**
 * An item's portal address from a pattern such as "https://mst.gov.vn/{segment}/{slug}".
 * `{slug}` falls back to the id; `{homeUrl}` is the home channel's URL without a trailing slash.
 * Null when the pattern needs a home URL that is missing, or gives no absolute http(s) URL.
 */
export function expandItemUrl(
  pattern: string,
  vars: { homeUrl: string | null | undefined; collection: string; id: string | number; slug?: string | null },
): string | null {
  const home = vars.homeUrl ? vars.homeUrl.trim().replace(/\/+$/, '') : ''
  if (pattern.includes('{homeUrl}') && !home) return null
  const values: Record<string, string> = {
    homeUrl: home,
    segment: SEGMENTS[vars.collection] ?? vars.collection,
    collection: vars.collection,
    slug: encodeURIComponent(vars.slug || String(vars.id)),
    id: encodeURIComponent(String(vars.id)),
  }
  const text = pattern.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole)
  try {
    const url = new URL(text)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null
  } catch {
    // A home channel URL that is not a URL gives no link, as for the home publication.
    return null
  }
}
