/**
 * Parses the link of a video that communication staff published on YouTube, Facebook or TikTok.
 * The result is either the provider, its video id and one canonical link (so the same video pasted
 * as youtu.be/…, m.youtube.com/… or a link with tracking parameters is recorded once), or a reason
 * with a bilingual message the admin can show as is.
 *
 * Pure and synchronous on purpose: Payload field validators, the browser and unit tests all call it,
 * and a validator must not wait on the network. Short links (fb.watch, vm.tiktok.com, …) are
 * therefore kept as they are rather than resolved to the numeric id they redirect to.
 */

export type VideoProvider = 'youtube' | 'facebook' | 'tiktok'

export type VideoUrlResult =
  | { ok: true; provider: VideoProvider; videoId: string; canonicalUrl: string }
  | {
      ok: false
      reason: 'empty' | 'malformed' | 'not-https' | 'unsupported-host' | 'missing-id'
      message: { vi: string; en: string }
    }

type Failure = Extract<VideoUrlResult, { ok: false }>
type Message = Failure['message']

// Long enough for any real share link with its tracking parameters; bounds the work on pasted junk.
const MAX_LENGTH = 2048

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/
// Facebook ids are 15–17 digits today; the upper bound only keeps absurd input out of the canonical link.
const FACEBOOK_ID = /^[0-9]{1,25}$/
const TIKTOK_ID = /^[0-9]{15,25}$/
const SHORT_CODE = /^[A-Za-z0-9_-]{1,64}$/
// TikTok handles are letters, digits, "_" and "."; anything else is not put into the canonical link.
const TIKTOK_USER = /^[A-Za-z0-9_.]{1,64}$/
const TIKTOK_V_HTML = /^([0-9]{15,25})\.html$/

type HostKind = 'youtube' | 'youtu.be' | 'youtube-nocookie' | 'facebook' | 'fb.watch' | 'tiktok' | 'tiktok-short'

/**
 * Exact host names, not suffix matches: a suffix or substring test is what lets
 * youtube.com.evil.com or evilyoutube.com through. Only the subdomains the providers actually
 * serve videos on are listed.
 */
const HOSTS: ReadonlyMap<string, HostKind> = new Map<string, HostKind>([
  ['youtube.com', 'youtube'],
  ['www.youtube.com', 'youtube'],
  ['m.youtube.com', 'youtube'],
  ['music.youtube.com', 'youtube'],
  ['youtu.be', 'youtu.be'],
  ['youtube-nocookie.com', 'youtube-nocookie'],
  ['www.youtube-nocookie.com', 'youtube-nocookie'],
  ['facebook.com', 'facebook'],
  ['www.facebook.com', 'facebook'],
  ['m.facebook.com', 'facebook'],
  ['mobile.facebook.com', 'facebook'],
  ['web.facebook.com', 'facebook'],
  ['fb.watch', 'fb.watch'],
  ['tiktok.com', 'tiktok'],
  ['www.tiktok.com', 'tiktok'],
  ['m.tiktok.com', 'tiktok'],
  ['vm.tiktok.com', 'tiktok-short'],
  ['vt.tiktok.com', 'tiktok-short'],
])

const PROVIDER_OF: Record<HostKind, VideoProvider> = {
  youtube: 'youtube',
  'youtu.be': 'youtube',
  'youtube-nocookie': 'youtube',
  facebook: 'facebook',
  'fb.watch': 'facebook',
  tiktok: 'tiktok',
  'tiktok-short': 'tiktok',
}

const PROVIDER_NAME: Record<VideoProvider, string> = { youtube: 'YouTube', facebook: 'Facebook', tiktok: 'TikTok' }

const MESSAGES = {
  empty: { vi: 'Vui lòng dán liên kết video.', en: 'Please paste the video link.' },
  malformed: {
    vi: 'Liên kết không hợp lệ. Hãy dán đầy đủ địa chỉ, bắt đầu bằng https://.',
    en: 'This is not a valid link. Paste the full address, starting with https://.',
  },
  credentials: {
    vi: 'Liên kết không được chứa tên đăng nhập hoặc mật khẩu.',
    en: 'The link must not contain a user name or password.',
  },
  port: {
    vi: 'Liên kết không được chỉ định cổng (port) riêng.',
    en: 'The link must not specify a port.',
  },
  notHttps: {
    vi: 'Chỉ chấp nhận liên kết web bắt đầu bằng https://.',
    en: 'Only web links starting with https:// are accepted.',
  },
  unsupportedHost: {
    vi: 'Chỉ hỗ trợ liên kết YouTube, Facebook hoặc TikTok.',
    en: 'Only YouTube, Facebook or TikTok links are supported.',
  },
} as const satisfies Record<string, Message>

function fail(reason: Failure['reason'], message: Message): Failure {
  // A fresh object each time, so a caller that edits the message cannot change the next result.
  return { ok: false, reason, message: { vi: message.vi, en: message.en } }
}

function missingId(provider: VideoProvider): Failure {
  const name = PROVIDER_NAME[provider]
  return fail('missing-id', {
    vi: `Liên kết ${name} này không trỏ tới một video cụ thể. Hãy mở video rồi sao chép liên kết của video.`,
    en: `This ${name} link does not point to a specific video. Open the video and copy its own link.`,
  })
}

function ok(provider: VideoProvider, videoId: string, canonicalUrl: string): VideoUrlResult {
  return { ok: true, provider, videoId, canonicalUrl }
}

// Characters a copy from Word, Zalo or a chat app leaves around a link that String#trim keeps.
const INVISIBLE_EDGES = /^[\s\u200b-\u200d\u2060\ufeff]+|[\s\u200b-\u200d\u2060\ufeff]+$/g

export function parseVideoUrl(input: string): VideoUrlResult {
  // Payload hands an unset field to validators as null/undefined despite the string type.
  const raw = typeof input === 'string' ? input.replace(INVISIBLE_EDGES, '') : ''
  if (raw === '') return fail('empty', MESSAGES.empty)
  if (raw.length > MAX_LENGTH) return fail('malformed', MESSAGES.malformed)

  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return fail('malformed', MESSAGES.malformed)
  }

  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('not-https', MESSAGES.notHttps)

  // A fully qualified name with its root dot ("youtube.com.") is the same host.
  const host = url.hostname.endsWith('.') ? url.hostname.slice(0, -1) : url.hostname
  const kind = HOSTS.get(host)
  // Host before credentials: for https://youtube.com@evil.com/… the real host is evil.com, and
  // "not a supported site" is the truthful answer.
  if (kind === undefined) return fail('unsupported-host', MESSAGES.unsupportedHost)
  if (url.username !== '' || url.password !== '') return fail('malformed', MESSAGES.credentials)
  // URL drops default ports (443 for https, 80 for http), so any port left is a non-default one.
  if (url.port !== '') return fail('malformed', MESSAGES.port)

  // Empty segments come from trailing or doubled slashes, which the providers ignore too.
  const segments = url.pathname.split('/').filter((s) => s !== '')
  const provider = PROVIDER_OF[kind]
  const result = matchPath(kind, host, segments, url.searchParams)
  return result ?? missingId(provider)
}

function matchPath(kind: HostKind, host: string, segments: string[], query: URLSearchParams): VideoUrlResult | null {
  switch (kind) {
    case 'youtube':
    case 'youtu.be':
    case 'youtube-nocookie':
      return matchYouTube(kind, segments, query)
    case 'facebook':
    case 'fb.watch':
      return matchFacebook(kind, segments, query)
    case 'tiktok':
    case 'tiktok-short':
      return matchTikTok(kind, host, segments)
  }
}

/** Path keywords are compared case-insensitively (the sites accept /Shorts/); ids never are. */
function is(segment: string | undefined, keyword: string): boolean {
  return segment !== undefined && segment.toLowerCase() === keyword
}

function youtube(id: string | null | undefined): VideoUrlResult | null {
  if (id == null || !YOUTUBE_ID.test(id)) return null
  return ok('youtube', id, `https://www.youtube.com/watch?v=${id}`)
}

function matchYouTube(kind: HostKind, s: string[], query: URLSearchParams): VideoUrlResult | null {
  const [first, second] = s
  if (kind === 'youtu.be') return s.length === 1 ? youtube(first) : null
  if (kind === 'youtube-nocookie') return s.length === 2 && is(first, 'embed') ? youtube(second) : null
  if (s.length === 1 && is(first, 'watch')) return youtube(query.get('v'))
  if (s.length === 2 && (is(first, 'shorts') || is(first, 'embed') || is(first, 'live'))) return youtube(second)
  return null
}

function facebookNumeric(id: string | null | undefined): VideoUrlResult | null {
  if (id == null || !FACEBOOK_ID.test(id)) return null
  return ok('facebook', id, `https://www.facebook.com/watch/?v=${id}`)
}

function matchFacebook(kind: HostKind, s: string[], query: URLSearchParams): VideoUrlResult | null {
  const [first, second, third, fourth] = s
  if (kind === 'fb.watch') {
    return s.length === 1 && first !== undefined && SHORT_CODE.test(first)
      ? ok('facebook', first, `https://fb.watch/${first}/`)
      : null
  }
  // /watch/?v=, /watch?v= and the live player /watch/live/?v= all carry the id in the query.
  if ((s.length === 1 && is(first, 'watch')) || (s.length === 2 && is(first, 'watch') && is(second, 'live'))) {
    return facebookNumeric(query.get('v'))
  }
  // The legacy player link still circulates in older posts and reports.
  if (s.length === 1 && is(first, 'video.php')) return facebookNumeric(query.get('v'))
  if (s.length === 2 && is(first, 'reel')) return facebookNumeric(second)
  // The mobile app's "Share → Copy link" now yields /share/v/<code>/ (videos) and /share/r/<code>/
  // (reels); the code is opaque like fb.watch, so it is kept rather than resolved.
  if (s.length === 3 && is(first, 'share') && (second === 'v' || second === 'r') && third !== undefined) {
    return SHORT_CODE.test(third) ? ok('facebook', third, `https://www.facebook.com/share/${second}/${third}/`) : null
  }
  // /<page>/videos/<id> and /<page>/videos/<slug or vb.<page id>>/<id>.
  if (s.length === 3 && is(second, 'videos')) return facebookNumeric(third)
  if (s.length === 4 && is(second, 'videos')) return facebookNumeric(fourth)
  return null
}

function tiktokNumeric(id: string | undefined, user?: string): VideoUrlResult | null {
  if (id === undefined || !TIKTOK_ID.test(id)) return null
  const path = user !== undefined && TIKTOK_USER.test(user) ? `@${user}/video/${id}` : `video/${id}`
  return ok('tiktok', id, `https://www.tiktok.com/${path}`)
}

function matchTikTok(kind: HostKind, host: string, s: string[]): VideoUrlResult | null {
  const [first, second, third] = s
  if (kind === 'tiktok-short') {
    // Nothing guarantees a vt. code resolves on vm. (or the reverse), so the canonical link keeps
    // the host that was pasted.
    return s.length === 1 && first !== undefined && SHORT_CODE.test(first)
      ? ok('tiktok', first, `https://${host}/${first}/`)
      : null
  }
  if (s.length === 3 && first !== undefined && first.startsWith('@') && is(second, 'video')) {
    return tiktokNumeric(third, first.slice(1))
  }
  // The user-less form is what this parser emits when the handle is unknown, so it must parse back.
  if (s.length === 2 && is(first, 'video')) return tiktokNumeric(second)
  if (s.length === 2 && is(first, 'v')) {
    const m = second === undefined ? null : TIKTOK_V_HTML.exec(second)
    return tiktokNumeric(m?.[1])
  }
  // www.tiktok.com/t/<code>/ is the short form the web "Share" button copies.
  if (s.length === 2 && is(first, 't') && second !== undefined && SHORT_CODE.test(second)) {
    return ok('tiktok', second, `https://www.tiktok.com/t/${second}/`)
  }
  return null
}
