import { MEDIA_EXTENSIONS, type MediaMimeType } from './limits'

export const FALLBACK_FILENAME_STEM = 'file'

/** Room for Payload's `-1280x960` size suffix and `-2` de-duplication within a 255-byte name. */
const MAX_STEM_LENGTH = 100

/** Extensions kept when no detected type is given; anything else is folded into the stem. */
const SAFE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'webp', 'mp4', 'webm'])

/** Windows refuses these as file names whatever the extension, and Payload's own sanitizer empties them. */
const RESERVED_STEMS = /^(?:con|prn|aux|nul|com\d|lpt\d)$/

export type SanitizeFilenameOptions = {
  /** Detected type; when given, its canonical extension replaces whatever the uploader wrote. */
  mime?: MediaMimeType
  /** Stem used when nothing usable is left; itself sanitized. Defaults to `file`. */
  fallbackStem?: string
}

/**
 * Turns an uploader-supplied name into a lowercase ASCII slug that is safe on every filesystem
 * and in URLs: `Ảnh bìa.png` → `anh-bia.png`, `../../etc/passwd.png` → `passwd.png`. Vietnamese
 * is transliterated (diacritics dropped, đ → d) because names with combining marks have several
 * Unicode spellings and would otherwise yield different files and URLs for the same visible name.
 * Never returns an empty string or a name starting with a dot.
 */
export function sanitizeFilename(name: string, options: SanitizeFilenameOptions = {}): string {
  // Control and format characters go first so they cannot hide a separator or, like U+202E
  // (right-to-left override), make `gnp.exe` display as `exe.png`.
  const visible = String(name)
    .replace(/[\t\n\v\f\r]/g, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
  const base = visible.split(/[/\\]/).pop() ?? ''
  const latin = transliterate(base)
    .toLowerCase()
    .replace(/^[\s.]+|[\s.]+$/g, '')

  const dot = latin.lastIndexOf('.')
  const rawStem = dot > 0 ? latin.slice(0, dot) : latin
  const rawExt = dot > 0 ? slug(latin.slice(dot + 1)) : ''

  let stem = slug(rawStem)
  let ext: string
  if (options.mime !== undefined) {
    ext = MEDIA_EXTENSIONS[options.mime]
  } else if (SAFE_EXTENSIONS.has(rawExt)) {
    ext = rawExt
  } else {
    // `report.html` becomes `report-html`: the information survives, the active extension doesn't.
    stem = slug(`${stem}-${rawExt}`)
    ext = ''
  }

  stem = stem.slice(0, MAX_STEM_LENGTH).replace(/[-_]+$/, '')
  const fallback = slug(transliterate(options.fallbackStem ?? '').toLowerCase()) || FALLBACK_FILENAME_STEM
  if (stem === '') stem = fallback
  else if (RESERVED_STEMS.test(stem)) stem = `${fallback}-${stem}`

  return ext ? `${stem}.${ext}` : stem
}

function transliterate(value: string): string {
  // NFD splits "ả" into "a" + a combining mark; đ/Đ are separate letters with no decomposition.
  return value.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
}

/** Anything outside [a-z0-9_] becomes a single hyphen; dots included, to avoid `x.php.png`. */
function slug(value: string): string {
  return value.replace(/[^a-z0-9_]+/g, '-').replace(/^[-_]+|[-_]+$/g, '')
}
