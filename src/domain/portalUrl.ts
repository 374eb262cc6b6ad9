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
