/**
 * Vietnamese text folding for slugs and search. NFD strips the combining marks (ắ → a), but
 * đ/Đ are letters of their own, not d + mark, so they are mapped explicitly (Ð, the Icelandic
 * eth, appears in OCR'd documents in place of Đ).
 */
const D_LETTERS = /[đĐÐð]/g
const D_FOLD: Record<string, string> = { đ: 'd', ð: 'd', Đ: 'D', Ð: 'D' }

export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(D_LETTERS, (c) => D_FOLD[c] ?? 'd')
    .normalize('NFC')
}

/** Lower-case, accent-free, single-spaced: what search compares. */
export function normalizeForSearch(text: string | null | undefined): string {
  if (!text) return ''
  return foldVietnamese(text).toLowerCase().replace(/\s+/g, ' ').trim()
}

/** "Chuyển đổi số đồng bộ" → "chuyen-doi-so-dong-bo"; never empty (falls back to `fallback`). */
export function slugify(text: string | null | undefined, fallback = 'bai-viet', maxLength = 96): string {
  const slug = normalizeForSearch(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '')
  return slug || fallback
}

/**
 * The slug of an item saved before it has a title: named after its kind, so an untitled video is
 * "video", not "bai-viet" (an article) as before.
 */
export function slugFallback(collection: string): string {
  const byKind: Record<string, string> = { articles: 'bai-viet', infographics: 'infographic', videos: 'video' }
  return byKind[collection] ?? 'noi-dung'
}

/** The next free slug: base, base-2, base-3, … given the slugs already taken. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`
    if (!taken.has(candidate)) return candidate
  }
}

/**
 * Whether a save should derive the slug from the (new) title again: only while the item has
 * never been published (no link is out yet), and only when its current slug is still the one
 * derived from its previous title (the editor did not choose one). Admin drafts are autosaved
 * before a title is typed, so without this every item would keep the fallback slug.
 */
export function slugFollowsTitle(input: {
  everPublished: boolean
  currentSlug: string | null | undefined
  previousTitle: string | null | undefined
  newTitle: string | null | undefined
  requestedSlug: string | undefined
  /** The slug of an untitled item of this kind (slugFallback). */
  fallback?: string
}): boolean {
  const { currentSlug, newTitle } = input
  if (input.everPublished || !currentSlug || typeof newTitle !== 'string' || newTitle.trim() === '') return false
  if (input.requestedSlug !== undefined && input.requestedSlug !== currentSlug) return false
  const auto = slugify(input.previousTitle, input.fallback)
  const derived = currentSlug === auto || new RegExp(`^${auto}-\\d+$`).test(currentSlug)
  return derived && slugify(newTitle) !== auto
}
