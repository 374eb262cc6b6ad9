import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseVideoUrl } from '../../src/domain/videoUrl'
import type { VideoProvider, VideoUrlResult } from '../../src/domain/videoUrl'
import { rng } from '../helpers/rng'

type Reason = Extract<VideoUrlResult, { ok: false }>['reason']
type Valid = [input: string, provider: VideoProvider, videoId: string, canonicalUrl: string]
type Invalid = [input: string, reason: Reason]

const YT = 'dQw4w9WgXcQ'
const YT_CANON = `https://www.youtube.com/watch?v=${YT}`
const FB = '1234567890123456'
const FB_CANON = `https://www.facebook.com/watch/?v=${FB}`
const TT = '7234567890123456789'

const VALID: Valid[] = [
  // YouTube
  [`https://www.youtube.com/watch?v=${YT}`, 'youtube', YT, YT_CANON],
  [`https://youtube.com/watch?v=${YT}&t=30s`, 'youtube', YT, YT_CANON],
  [`https://www.youtube.com/watch?v=${YT}&list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG&index=3`, 'youtube', YT, YT_CANON],
  [`https://www.youtube.com/watch?feature=share&v=${YT}`, 'youtube', YT, YT_CANON],
  [`https://m.youtube.com/watch?v=${YT}`, 'youtube', YT, YT_CANON],
  [`https://music.youtube.com/watch?v=${YT}&si=abc`, 'youtube', YT, YT_CANON],
  [`https://youtu.be/${YT}`, 'youtube', YT, YT_CANON],
  [`https://youtu.be/${YT}?si=Xy_12abcDEF-ghij`, 'youtube', YT, YT_CANON],
  [`https://youtu.be/${YT}/`, 'youtube', YT, YT_CANON],
  [`https://www.youtube.com/shorts/${YT}`, 'youtube', YT, YT_CANON],
  [`https://youtube.com/shorts/${YT}?feature=share`, 'youtube', YT, YT_CANON],
  [`https://www.youtube.com/embed/${YT}?autoplay=1`, 'youtube', YT, YT_CANON],
  [`https://www.youtube.com/live/${YT}?si=abc`, 'youtube', YT, YT_CANON],
  [`https://www.youtube-nocookie.com/embed/${YT}`, 'youtube', YT, YT_CANON],
  [`https://youtube-nocookie.com/embed/${YT}/`, 'youtube', YT, YT_CANON],
  [`http://www.youtube.com/watch?v=${YT}`, 'youtube', YT, YT_CANON],
  [`HTTPS://WWW.YOUTUBE.COM/watch?v=${YT}`, 'youtube', YT, YT_CANON],
  [`https://www.YouTube.com/Shorts/${YT}`, 'youtube', YT, YT_CANON],
  [`  https://youtu.be/${YT}\n`, 'youtube', YT, YT_CANON],
  [`\u200bhttps://youtu.be/${YT}\ufeff`, 'youtube', YT, YT_CANON],
  [`https://www.youtube.com./watch?v=${YT}`, 'youtube', YT, YT_CANON],
  [`https://www.youtube.com:443/watch?v=${YT}`, 'youtube', YT, YT_CANON],
  [`https://www.youtube.com/watch?v=${YT}#t=1m`, 'youtube', YT, YT_CANON],
  ['https://youtu.be/a-b_c-d_e-f', 'youtube', 'a-b_c-d_e-f', 'https://www.youtube.com/watch?v=a-b_c-d_e-f'],
  // Facebook
  [`https://www.facebook.com/BoKHCN/videos/${FB}`, 'facebook', FB, FB_CANON],
  [`https://www.facebook.com/BoKHCN/videos/${FB}/?mibextid=rS40aB7S9Ucbxw6v`, 'facebook', FB, FB_CANON],
  [`https://www.facebook.com/BoKHCN/videos/ngay-chuyen-doi-so/${FB}/`, 'facebook', FB, FB_CANON],
  [`https://www.facebook.com/BoKHCN/videos/vb.100064/${FB}/?type=3`, 'facebook', FB, FB_CANON],
  [`https://www.facebook.com/watch/?v=${FB}`, 'facebook', FB, FB_CANON],
  [`https://www.facebook.com/watch?v=${FB}&fbclid=IwAR0abc`, 'facebook', FB, FB_CANON],
  [`https://www.facebook.com/watch/live/?ref=watch_permalink&v=${FB}`, 'facebook', FB, FB_CANON],
  [`https://www.facebook.com/video.php?v=${FB}`, 'facebook', FB, FB_CANON],
  [`https://www.facebook.com/reel/${FB}`, 'facebook', FB, FB_CANON],
  [`https://www.facebook.com/reel/${FB}?fs=e&s=cl&igshid=MzRlODBiNWFlZA==`, 'facebook', FB, FB_CANON],
  [`https://m.facebook.com/watch/?v=${FB}`, 'facebook', FB, FB_CANON],
  [`https://web.facebook.com/BoKHCN/videos/${FB}`, 'facebook', FB, FB_CANON],
  [`https://mobile.facebook.com/reel/${FB}/`, 'facebook', FB, FB_CANON],
  [`https://FACEBOOK.COM/watch/?v=${FB}`, 'facebook', FB, FB_CANON],
  ['https://fb.watch/nX4bQ_9-Zk/', 'facebook', 'nX4bQ_9-Zk', 'https://fb.watch/nX4bQ_9-Zk/'],
  ['https://fb.watch/nX4bQ_9-Zk?mibextid=Nif5oz', 'facebook', 'nX4bQ_9-Zk', 'https://fb.watch/nX4bQ_9-Zk/'],
  [
    'https://www.facebook.com/share/v/1AbCdEfGhI/',
    'facebook',
    '1AbCdEfGhI',
    'https://www.facebook.com/share/v/1AbCdEfGhI/',
  ],
  [
    'https://www.facebook.com/share/r/15xYz/?mibextid=x',
    'facebook',
    '15xYz',
    'https://www.facebook.com/share/r/15xYz/',
  ],
  // TikTok
  [`https://www.tiktok.com/@bokhcn/video/${TT}`, 'tiktok', TT, `https://www.tiktok.com/@bokhcn/video/${TT}`],
  [
    `https://www.tiktok.com/@bo.khcn_vn/video/${TT}?is_from_webapp=1&sender_device=pc&_r=1`,
    'tiktok',
    TT,
    `https://www.tiktok.com/@bo.khcn_vn/video/${TT}`,
  ],
  [`https://tiktok.com/@bokhcn/video/${TT}/`, 'tiktok', TT, `https://www.tiktok.com/@bokhcn/video/${TT}`],
  [`https://m.tiktok.com/v/${TT}.html`, 'tiktok', TT, `https://www.tiktok.com/video/${TT}`],
  [`https://www.tiktok.com/video/${TT}`, 'tiktok', TT, `https://www.tiktok.com/video/${TT}`],
  // A handle that is not a TikTok handle must not end up in the canonical link.
  [`https://www.tiktok.com/@bad%22handle/video/${TT}`, 'tiktok', TT, `https://www.tiktok.com/video/${TT}`],
  ['https://vm.tiktok.com/ZMhvqKXYZ/', 'tiktok', 'ZMhvqKXYZ', 'https://vm.tiktok.com/ZMhvqKXYZ/'],
  ['https://vt.tiktok.com/ZSjAbC123/?igshid=x', 'tiktok', 'ZSjAbC123', 'https://vt.tiktok.com/ZSjAbC123/'],
  ['https://www.tiktok.com/t/ZTRabc123/', 'tiktok', 'ZTRabc123', 'https://www.tiktok.com/t/ZTRabc123/'],
  [`https://WWW.TIKTOK.COM/@bokhcn/video/${TT}`, 'tiktok', TT, `https://www.tiktok.com/@bokhcn/video/${TT}`],
]

const INVALID: Invalid[] = [
  // empty
  ['', 'empty'],
  ['   \t\n ', 'empty'],
  ['\u200b\u00a0', 'empty'],
  // malformed
  ['youtube.com/watch?v=dQw4w9WgXcQ', 'malformed'],
  ['www.youtube.com/watch?v=dQw4w9WgXcQ', 'malformed'],
  ['not a link', 'malformed'],
  ['https://', 'malformed'],
  ['https://exa mple.com/', 'malformed'],
  [`https://user:pass@youtube.com/watch?v=${YT}`, 'malformed'],
  [`https://user@www.facebook.com/watch/?v=${FB}`, 'malformed'],
  [`https://www.youtube.com:8443/watch?v=${YT}`, 'malformed'],
  [`http://www.youtube.com:443/watch?v=${YT}`, 'malformed'],
  [`https://youtu.be/${YT}?x=${'a'.repeat(3000)}`, 'malformed'],
  // not-https
  ['javascript:alert(document.cookie)//https://youtu.be/dQw4w9WgXcQ', 'not-https'],
  ['data:text/html,<script>alert(1)</script>', 'not-https'],
  [`ftp://youtube.com/watch?v=${YT}`, 'not-https'],
  ['file:///etc/passwd', 'not-https'],
  ['mailto:someone@youtube.com', 'not-https'],
  // unsupported-host, including spoofs of the supported ones
  [`https://youtube.com.evil.com/watch?v=${YT}`, 'unsupported-host'],
  [`https://evilyoutube.com/watch?v=${YT}`, 'unsupported-host'],
  [`https://youtube.com@evil.com/watch?v=${YT}`, 'unsupported-host'],
  [`https://www.youtube.com%2F@evil.com/watch?v=${YT}`, 'unsupported-host'],
  [`https://evil.com\\@youtube.com/watch?v=${YT}`, 'unsupported-host'],
  [`https://evil.com#@youtu.be/${YT}`, 'unsupported-host'],
  [`https://youtu.be.evil.com/${YT}`, 'unsupported-host'],
  [`https://www.facebook.com.vn/watch/?v=${FB}`, 'unsupported-host'],
  [`https://fakefacebook.com/watch/?v=${FB}`, 'unsupported-host'],
  [`https://tiktok.com.evil.com/@x/video/${TT}`, 'unsupported-host'],
  [`https://evil.vm.tiktok.com/ZMhvqKXYZ/`, 'unsupported-host'],
  [`https://gaming.youtube.com/watch?v=${YT}`, 'unsupported-host'],
  [`https://vimeo.com/123456789`, 'unsupported-host'],
  [`https://zalo.me/123`, 'unsupported-host'],
  [`https://142.250.72.14/watch?v=${YT}`, 'unsupported-host'],
  [`https://xn--youtube-9ya.com/watch?v=${YT}`, 'unsupported-host'],
  // missing-id on a known host
  ['https://www.youtube.com/', 'missing-id'],
  ['https://www.youtube.com/@BoKHCN', 'missing-id'],
  ['https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv', 'missing-id'],
  ['https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG', 'missing-id'],
  ['https://www.youtube.com/watch?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG', 'missing-id'],
  ['https://www.youtube.com/watch?v=dQw4w9WgXc', 'missing-id'],
  ['https://www.youtube.com/watch?v=dQw4w9WgXcQQ', 'missing-id'],
  ['https://www.youtube.com/watch?v=dQw4w9WgX%21Q', 'missing-id'],
  ['https://youtu.be/', 'missing-id'],
  [`https://youtu.be/${YT}/extra`, 'missing-id'],
  [`https://www.youtube-nocookie.com/watch?v=${YT}`, 'missing-id'],
  ['https://www.facebook.com/BoKHCN', 'missing-id'],
  ['https://www.facebook.com/BoKHCN/videos/', 'missing-id'],
  ['https://www.facebook.com/BoKHCN/videos/not-a-number/', 'missing-id'],
  ['https://www.facebook.com/watch/', 'missing-id'],
  ['https://www.facebook.com/watch/?v=abc', 'missing-id'],
  ['https://www.facebook.com/reel/', 'missing-id'],
  ['https://www.facebook.com/BoKHCN/posts/pfbid02abc', 'missing-id'],
  ['https://fb.watch/', 'missing-id'],
  ['https://fb.watch/a.b/', 'missing-id'],
  ['https://www.tiktok.com/@bokhcn', 'missing-id'],
  ['https://www.tiktok.com/@bokhcn/video/123', 'missing-id'],
  [`https://www.tiktok.com/@bokhcn/photo/${TT}`, 'missing-id'],
  [`https://m.tiktok.com/v/${TT}`, 'missing-id'],
  ['https://vm.tiktok.com/', 'missing-id'],
  ['https://vm.tiktok.com/ZMh/extra/', 'missing-id'],
]

describe('parseVideoUrl: accepted forms', () => {
  it.each(VALID)('%s', (input, provider, videoId, canonicalUrl) => {
    expect(parseVideoUrl(input)).toEqual({ ok: true, provider, videoId, canonicalUrl })
  })
})

describe('parseVideoUrl: rejected input', () => {
  it.each(INVALID)('%s → %s', (input, reason) => {
    const result = parseVideoUrl(input)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.reason).toBe(reason)
    expect(result.message.vi).not.toBe('')
    expect(result.message.en).not.toBe('')
  })
})

describe('parseVideoUrl: messages', () => {
  it('lists the supported providers for an unsupported host, in Vietnamese and English', () => {
    const result = parseVideoUrl('https://vimeo.com/1')
    expect(result).toMatchObject({
      ok: false,
      reason: 'unsupported-host',
      message: { vi: 'Chỉ hỗ trợ liên kết YouTube, Facebook hoặc TikTok.' },
    })
    if (!result.ok) expect(result.message.en).toMatch(/YouTube.*Facebook.*TikTok/)
  })

  it('names the provider when a known host has no video id', () => {
    const result = parseVideoUrl('https://www.tiktok.com/@bokhcn')
    if (result.ok) throw new Error('expected a failure')
    expect(result.message.vi).toContain('TikTok')
    expect(result.message.en).toContain('TikTok')
  })

  it('gives each result its own message object', () => {
    const a = parseVideoUrl('')
    if (a.ok) throw new Error('expected a failure')
    a.message.vi = 'changed'
    const b = parseVideoUrl('')
    if (b.ok) throw new Error('expected a failure')
    expect(b.message.vi).not.toBe('changed')
  })

  it('treats null/undefined from an unset form field as empty instead of throwing', () => {
    expect(parseVideoUrl(null as unknown as string)).toMatchObject({ ok: false, reason: 'empty' })
    expect(parseVideoUrl(undefined as unknown as string)).toMatchObject({ ok: false, reason: 'empty' })
  })
})

describe('parseVideoUrl: canonical links', () => {
  it('parse back to themselves (the canonical form is a fixed point)', () => {
    for (const [input] of VALID) {
      const first = parseVideoUrl(input)
      if (!first.ok) throw new Error(`expected ${input} to parse`)
      expect(parseVideoUrl(first.canonicalUrl), input).toEqual(first)
    }
  })
})

describe('videoUrl module', () => {
  it('stays pure: no imports, so validators and the browser can use it without Payload', () => {
    const source = readFileSync(path.resolve(import.meta.dirname, '../../src/domain/videoUrl.ts'), 'utf8')
    expect(source).not.toMatch(/^\s*import\s/m)
    expect(source).not.toMatch(/\b(fetch|require)\s*\(/)
  })
})

// A token list reads better packed than one token per line.
// prettier-ignore
const NOISE = [
  '/', '//', '\\', '@', ':', '::', '?', '&', '#', '%', '%2F', '%00', '%zz', '%E0%A4%A', '.', '..', '-', '_', ' ', '\t', '\n',
  'v=', '?v=', '&v=', 'www.', 'm.', 'evil.com', '.evil.com', 'user:pass@', ':8080', ':443', 'javascript:', 'data:',
  'https://', 'http://', '[::1]', '[', ']', 'xn--', 'ü', 'ệ', '\u200b', '\ufeff', '\ud83d', '\ude00', '\ud83d\ude00',
  '\u0000', '\u00a0', 'İ', 'ß', 'ｙｏｕｔｕｂｅ', '．', '。', YT, FB, TT, 'dQw4w9WgXcQ'.repeat(3),
]

const REASONS: ReadonlySet<string> = new Set(['empty', 'malformed', 'not-https', 'unsupported-host', 'missing-id'])
const PROVIDERS: ReadonlySet<string> = new Set(['youtube', 'facebook', 'tiktok'])

function mutate(base: string, r: () => number): string {
  let s = base
  const edits = 1 + Math.floor(r() * 4)
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(r() * (s.length + 1))
    const op = r()
    const piece =
      r() < 0.8 ? (NOISE[Math.floor(r() * NOISE.length)] ?? '') : String.fromCharCode(Math.floor(r() * 0x10000))
    if (op < 0.4) s = s.slice(0, at) + piece + s.slice(at)
    else if (op < 0.7) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(r() * 6))
    else if (op < 0.9) s = s.slice(0, at) + piece + s.slice(at + piece.length)
    else s = s.slice(at) + s.slice(0, at)
  }
  return s
}

describe('parseVideoUrl: robustness', () => {
  it('never throws on mutated links and always returns a well-formed result', () => {
    const bases = [...VALID.map(([input]) => input), ...INVALID.map(([input]) => input)]
    const seed = 20250830
    const r = rng(seed)
    for (let n = 0; n < 5000; n++) {
      const base = bases[Math.floor(r() * bases.length)] ?? ''
      const input = mutate(base, r)
      const where = `seed ${seed}, case ${n}: ${JSON.stringify(input)}`
      let result: VideoUrlResult
      try {
        result = parseVideoUrl(input)
      } catch (error) {
        throw new Error(`threw on ${where}: ${String(error)}`)
      }
      if (result.ok) {
        expect(PROVIDERS.has(result.provider), where).toBe(true)
        expect(result.videoId, where).toMatch(/^[A-Za-z0-9_-]+$/)
        const canonical = new URL(result.canonicalUrl)
        expect(canonical.protocol, where).toBe('https:')
        expect(canonical.username + canonical.password + canonical.port, where).toBe('')
        // Whatever was pasted, the stored link may only point at the providers' own hosts.
        expect(canonical.hostname, where).toMatch(
          /^(www\.youtube\.com|www\.facebook\.com|fb\.watch|www\.tiktok\.com|v[mt]\.tiktok\.com)$/,
        )
        expect(parseVideoUrl(result.canonicalUrl), where).toEqual(result)
      } else {
        expect(REASONS.has(result.reason), where).toBe(true)
        expect(result.message.vi.length, where).toBeGreaterThan(0)
        expect(result.message.en.length, where).toBeGreaterThan(0)
      }
    }
  })
})
