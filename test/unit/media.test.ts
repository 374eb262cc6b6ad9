import { crc32 } from 'node:zlib'

import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'

import {
  DEFAULT_IMAGE_LIMITS,
  DEFAULT_VIDEO_LIMITS,
  IMAGE_SIZES,
  IMAGE_SIZE_NAMES,
  MEGABYTE,
  imageUploadConfig,
  inspectImageUpload,
  inspectVideoUpload,
  resolveImageLimits,
  resolveVideoLimits,
  sanitizeFilename,
  videoUploadConfig,
  type ImageUploadInspection,
  type UploadRejection,
  type VideoUploadInspection,
} from '../../media'

// ---------------------------------------------------------------------------------------------
// Fixtures, all generated here: real encoder output from sharp, plus hand-written headers.
// ---------------------------------------------------------------------------------------------

const solid = (width: number, height: number): sharp.Sharp =>
  sharp({ create: { width, height, channels: 3, background: { r: 20, g: 120, b: 200 } } })

/** Rewrites the IHDR width/height of a real PNG and fixes the chunk CRC, leaving the tiny IDAT. */
function patchPngDimensions(png: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(png)
  expect(out.toString('latin1', 12, 16)).toBe('IHDR')
  out.writeUInt32BE(width, 16)
  out.writeUInt32BE(height, 20)
  // CRC covers chunk type + data: bytes 12..29 of a PNG.
  out.writeUInt32BE(crc32(out.subarray(12, 29)) >>> 0, 29)
  return out
}

const mp4Header = Buffer.concat([
  // ftyp box: size 24, major brand isom, minor version 0x200, compatible isom + mp41
  Buffer.from([0x00, 0x00, 0x00, 0x18]),
  Buffer.from('ftypisom', 'latin1'),
  Buffer.from([0x00, 0x00, 0x02, 0x00]),
  Buffer.from('isommp41', 'latin1'),
  // free box, then the start of an mdat box, as ffmpeg writes them
  Buffer.from([0x00, 0x00, 0x00, 0x08]),
  Buffer.from('free', 'latin1'),
  Buffer.from([0x00, 0x00, 0x10, 0x00]),
  Buffer.from('mdat', 'latin1'),
])

function ftyp(major: string, ...compatible: string[]): Buffer {
  const size = 16 + 4 * compatible.length
  const box = Buffer.alloc(size)
  box.writeUInt32BE(size, 0)
  box.write(`ftyp${major}`, 4, 'latin1')
  box.write(compatible.join(''), 16, 'latin1')
  return box
}

/** A real EBML header as written by libwebm / ffmpeg, followed by the Segment element ID. */
function ebmlHeader(docType: string): Buffer {
  const doc = Buffer.from(docType, 'latin1')
  const body = Buffer.concat([
    Buffer.from([0x42, 0x86, 0x81, 0x01]), // EBMLVersion 1
    Buffer.from([0x42, 0xf7, 0x81, 0x01]), // EBMLReadVersion 1
    Buffer.from([0x42, 0xf2, 0x81, 0x04]), // EBMLMaxIDLength 4
    Buffer.from([0x42, 0xf3, 0x81, 0x08]), // EBMLMaxSizeLength 8
    Buffer.from([0x42, 0x82, 0x80 | doc.length]), // DocType
    doc,
    Buffer.from([0x42, 0x87, 0x81, 0x04]), // DocTypeVersion 4
    Buffer.from([0x42, 0x85, 0x81, 0x02]), // DocTypeReadVersion 2
  ])
  return Buffer.concat([
    Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x80 | body.length]),
    body,
    Buffer.from([0x18, 0x53, 0x80, 0x67]),
  ])
}

const evilSvg = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">\n' +
    '  <script type="text/javascript">fetch("/api/users/me").then(r => r.text()).then(alert)</script>\n' +
    '  <rect width="100" height="100" fill="red"/>\n' +
    '</svg>\n',
)
const html = Buffer.from('<!DOCTYPE html>\n<html><body><script>alert(document.cookie)</script></body></html>\n')

let png: Buffer
let jpeg: Buffer
let webp: Buffer
let gif: Buffer
let animatedWebp: Buffer
let rotatedJpeg: Buffer
let bomb: Buffer

beforeAll(async () => {
  png = await solid(64, 48).png().toBuffer()
  jpeg = await solid(64, 48).jpeg().toBuffer()
  webp = await solid(64, 48).webp().toBuffer()
  gif = await solid(64, 48).gif().toBuffer()
  // A different colour: the WebP encoder folds identical frames into one.
  const frame2 = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c00' } })
    .png()
    .toBuffer()
  animatedWebp = await sharp([png, frame2], { join: { animated: true } })
    .webp()
    .toBuffer()
  // EXIF orientation 6: stored 64 × 48, displayed 48 × 64.
  rotatedJpeg = await solid(64, 48).jpeg().withMetadata({ orientation: 6 }).toBuffer()
  bomb = patchPngDimensions(await solid(8, 8).png().toBuffer(), 30_000, 30_000)
})

function expectRejected(
  result: ImageUploadInspection | VideoUploadInspection,
  code: UploadRejection['code'],
): UploadRejection {
  expect(result.ok).toBe(false)
  if (result.ok) throw new Error('unreachable')
  expect(result.code).toBe(code)
  expect(result.field).toBe('file')
  expect(result.message.en).toMatch(/\S/)
  expect(result.message.vi).toMatch(/\S/)
  expect(result.message.vi).not.toBe(result.message.en)
  return result
}

// ---------------------------------------------------------------------------------------------

describe('resolveImageLimits / resolveVideoLimits', () => {
  it('applies defaults once and returns frozen limits', () => {
    const limits = resolveImageLimits()
    expect(limits).toEqual({
      maxBytes: 20 * MEGABYTE,
      limitInputPixels: 50_000_000,
      allowedMimeTypes: ['image/png', 'image/jpeg', 'image/webp'],
    })
    expect(Object.isFrozen(limits)).toBe(true)
    expect(Object.isFrozen(limits.allowedMimeTypes)).toBe(true)
    expect(resolveImageLimits(limits)).toEqual(limits)
    expect(resolveImageLimits({ maxBytes: 1000 })).toMatchObject({ maxBytes: 1000, limitInputPixels: 50_000_000 })
    expect(resolveVideoLimits()).toEqual({ maxBytes: 500 * MEGABYTE, allowedMimeTypes: ['video/mp4', 'video/webm'] })
    expect(DEFAULT_IMAGE_LIMITS).toEqual(resolveImageLimits())
    expect(DEFAULT_VIDEO_LIMITS).toEqual(resolveVideoLimits())
  })

  it('refuses nonsensical configuration at startup', () => {
    expect(() => resolveImageLimits({ maxBytes: 0 })).toThrow(RangeError)
    expect(() => resolveImageLimits({ maxBytes: -1 })).toThrow(/maxBytes/)
    expect(() => resolveImageLimits({ limitInputPixels: 1.5 })).toThrow(/limitInputPixels/)
    expect(() => resolveImageLimits({ limitInputPixels: Number.NaN })).toThrow(/limitInputPixels/)
    expect(() => resolveImageLimits({ allowedMimeTypes: [] })).toThrow(/empty/)
    // A JS caller (or a cast) trying to sneak SVG in.
    const svg = ['image/svg+xml'] as unknown as ['image/png']
    expect(() => resolveImageLimits({ allowedMimeTypes: svg })).toThrow(/image\/svg\+xml is not supported/)
    expect(() => resolveVideoLimits({ maxBytes: 0 })).toThrow(RangeError)
  })
})

describe('inspectImageUpload: accepted images', () => {
  it.each([
    ['png', 'image/png', 'diagram.png'],
    ['jpeg', 'image/jpeg', 'photo.jpg'],
    ['webp', 'image/webp', 'banner.webp'],
  ] as const)('accepts a real %s and reports its header dimensions', async (kind, mime, safeName) => {
    const data = { png, jpeg, webp }[kind]
    const result = await inspectImageUpload({ data, name: safeName, mimetype: mime, size: data.length })
    expect(result).toEqual({ ok: true, mime, width: 64, height: 48, safeName })
  })

  it('trusts the bytes, not the declared mimetype or extension', async () => {
    const result = await inspectImageUpload({ data: jpeg, name: 'Ảnh bìa.png', mimetype: 'image/png' })
    expect(result).toEqual({ ok: true, mime: 'image/jpeg', width: 64, height: 48, safeName: 'anh-bia.jpg' })
  })

  it('reports displayed dimensions for EXIF-rotated photos', async () => {
    const result = await inspectImageUpload({ data: rotatedJpeg, name: 'portrait.jpg' })
    expect(result).toMatchObject({ ok: true, width: 48, height: 64 })
  })
})

describe('inspectImageUpload: rejections', () => {
  it('rejects a zero-byte file', async () => {
    const r = expectRejected(await inspectImageUpload({ data: Buffer.alloc(0), name: 'empty.png', size: 0 }), 'empty')
    expect(r.message).toEqual({ en: 'The file is empty (0 bytes).', vi: 'Tệp trống (0 byte).' })
  })

  it('rejects a file over maxBytes, using the larger of size and data length', async () => {
    const limits = resolveImageLimits({ maxBytes: 100 })
    const r = expectRejected(await inspectImageUpload({ data: png, name: 'a.png' }, limits), 'too-large')
    expect(r.message.en).toBe(`The file is ${png.length} bytes, which exceeds the 100 bytes limit.`)
    expect(r.message.vi).toBe(`Tệp có dung lượng ${png.length} byte, vượt quá giới hạn 100 byte.`)

    const big = expectRejected(
      await inspectImageUpload({ data: png, name: 'a.png', size: 25.3 * MEGABYTE }),
      'too-large',
    )
    expect(big.message.en).toBe('The file is 25.3 MB, which exceeds the 20 MB limit.')
    expect(big.message.vi).toBe('Tệp có dung lượng 25,3 MB, vượt quá giới hạn 20 MB.')

    // Rounds to the same text as the limit, so exact byte counts are shown instead.
    const edge = expectRejected(
      await inspectImageUpload({ data: png, name: 'a.png', size: 20 * MEGABYTE + 1 }),
      'too-large',
    )
    expect(edge.message.en).toBe('The file is 20,971,521 bytes, which exceeds the 20,971,520 bytes limit.')
  })

  it('rejects an SVG that starts with <?xml and carries a <script>, even named .png', async () => {
    const r = expectRejected(
      await inspectImageUpload({ data: evilSvg, name: 'logo.png', mimetype: 'image/png' }),
      'svg',
    )
    expect(r.message.en).toBe(
      'SVG files are not accepted because they can contain scripts. Allowed formats: PNG, JPEG, WebP.',
    )
    expect(r.message.vi).toBe(
      'Không chấp nhận tệp SVG vì tệp này có thể chứa mã lệnh (script). Định dạng được phép: PNG, JPEG, WebP.',
    )
  })

  it('rejects SVG variants: no XML declaration, BOM, comment first, UTF-16', async () => {
    const plain = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>')
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain])
    const commented = Buffer.from(`<!-- ${'x'.repeat(500)} -->\n<!DOCTYPE svg>\n<svg viewBox="0 0 1 1"/>`)
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(evilSvg.toString(), 'utf16le')])
    for (const data of [plain, bom, commented, utf16]) {
      expectRejected(await inspectImageUpload({ data, name: 'icon.svg' }), 'svg')
    }
  })

  it('rejects an HTML page renamed x.png', async () => {
    const r = expectRejected(
      await inspectImageUpload({ data: html, name: 'x.png', mimetype: 'image/png' }),
      'not-media',
    )
    expect(r.message.en).toBe(
      'The file name ends in ".png" but its content is HTML, not an image. Allowed formats: PNG, JPEG, WebP.',
    )
    expect(r.message.vi).toBe(
      'Tên tệp có đuôi ".png" nhưng nội dung là HTML, không phải ảnh. Định dạng được phép: PNG, JPEG, WebP.',
    )
  })

  it('rejects plain text and XML that are not SVG', async () => {
    const text = expectRejected(await inspectImageUpload({ data: Buffer.from('hello\n'), name: 'notes' }), 'not-media')
    expect(text.message.en).toBe("The file's content is plain text, not an image. Allowed formats: PNG, JPEG, WebP.")
    const xml = Buffer.from('<?xml version="1.0"?><feed><script>x</script></feed>')
    const r = expectRejected(await inspectImageUpload({ data: xml, name: 'feed.jpg' }), 'not-media')
    expect(r.message.en).toContain('content is XML')
  })

  it('rejects recognised formats that are not allowed, naming them', async () => {
    const r = expectRejected(await inspectImageUpload({ data: gif, name: 'anim.gif' }), 'type-not-allowed')
    expect(r.message.en).toBe('GIF files are not accepted here. Allowed formats: PNG, JPEG, WebP.')
    expect(r.message.vi).toBe('Không chấp nhận tệp GIF tại đây. Định dạng được phép: PNG, JPEG, WebP.')

    const heic = Buffer.concat([ftyp('heic', 'mif1', 'heic'), Buffer.alloc(64)])
    expect(
      expectRejected(await inspectImageUpload({ data: heic, name: 'IMG_0001.jpg' }), 'type-not-allowed').message.en,
    ).toContain('HEIC files')
    const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n', 'latin1')
    expectRejected(await inspectImageUpload({ data: pdf, name: 'scan.png' }), 'type-not-allowed')
    expectRejected(await inspectImageUpload({ data: mp4Header, name: 'clip.png' }), 'type-not-allowed')
  })

  it('honours a narrower allow-list', async () => {
    const pngOnly = resolveImageLimits({ allowedMimeTypes: ['image/png'] })
    const r = expectRejected(await inspectImageUpload({ data: jpeg, name: 'a.jpg' }, pngOnly), 'type-not-allowed')
    expect(r.message.en).toBe('JPEG files are not accepted here. Allowed formats: PNG.')
    expect(await inspectImageUpload({ data: png, name: 'a.png' }, pngOnly)).toMatchObject({ ok: true })
  })

  it('rejects bytes that match no known format', async () => {
    const noise = Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 73 + 11) % 256))
    const r = expectRejected(await inspectImageUpload({ data: noise, name: 'a.png' }), 'unrecognised')
    expect(r.message.en).toBe("The file's content is not a recognised image format. Allowed formats: PNG, JPEG, WebP.")
  })

  it('rejects a truncated image whose header cannot be read', async () => {
    expectRejected(await inspectImageUpload({ data: png.subarray(0, 20), name: 'cut.png' }), 'unreadable')
    expectRejected(await inspectImageUpload({ data: jpeg.subarray(0, 3), name: 'cut.jpg' }), 'unreadable')
  })
})

describe('inspectImageUpload: decompression bombs', () => {
  it('rejects a PNG whose IHDR declares 30000 × 30000', async () => {
    const r = expectRejected(await inspectImageUpload({ data: bomb, name: 'bomb.png' }), 'too-many-pixels')
    expect(r.message.en).toBe(
      'The image is 30,000 × 30,000 pixels (900 megapixels), which exceeds the 50-megapixel limit. ' +
        'Please reduce its dimensions and upload it again.',
    )
    expect(r.message.vi).toBe(
      'Ảnh có kích thước 30.000 × 30.000 điểm ảnh (900 megapixel), vượt quá giới hạn 50 megapixel. ' +
        'Vui lòng giảm kích thước ảnh rồi tải lên lại.',
    )
  })

  it('reads only the header: the bomb cannot be decoded, yet its dimensions are known', async () => {
    // The fixture's IDAT holds 8 × 8 pixels, so any real decode would fail (or take gigabytes);
    // a correct verdict on it can only come from the header.
    await expect(sharp(bomb, { limitInputPixels: false }).raw().toBuffer()).rejects.toThrow()
    const lenient = resolveImageLimits({ limitInputPixels: 1_000_000_000 })
    expect(await inspectImageUpload({ data: bomb, name: 'bomb.png' }, lenient)).toEqual({
      ok: true,
      mime: 'image/png',
      width: 30_000,
      height: 30_000,
      safeName: 'bomb.png',
    })
  })

  it('applies limitInputPixels exactly, also to small real images', async () => {
    const tiny = resolveImageLimits({ limitInputPixels: 64 * 48 - 1 })
    const r = expectRejected(await inspectImageUpload({ data: png, name: 'a.png' }, tiny), 'too-many-pixels')
    expect(r.message.en).toContain('64 × 48 pixels')
    const exact = resolveImageLimits({ limitInputPixels: 64 * 48 })
    expect(await inspectImageUpload({ data: png, name: 'a.png' }, exact)).toMatchObject({ ok: true })
  })

  it('counts every frame of an animated WebP, as Payload decodes them all', async () => {
    const oneFrame = resolveImageLimits({ limitInputPixels: 64 * 48 })
    const r = expectRejected(
      await inspectImageUpload({ data: animatedWebp, name: 'a.webp' }, oneFrame),
      'too-many-pixels',
    )
    expect(r.message.en).toContain('64 × 48 pixels (0.0061 megapixels, 2 frames)')
    expect(r.message.vi).toContain('2 khung hình')
    const twoFrames = resolveImageLimits({ limitInputPixels: 64 * 48 * 2 })
    expect(await inspectImageUpload({ data: animatedWebp, name: 'a.webp' }, twoFrames)).toEqual({
      ok: true,
      mime: 'image/webp',
      width: 64,
      height: 48,
      safeName: 'a.webp',
    })
  })
})

describe('inspectVideoUpload', () => {
  it('accepts MP4 and WebM by their magic bytes', () => {
    expect(inspectVideoUpload({ data: mp4Header, name: 'Họp báo tháng 3.MP4', size: 40 * MEGABYTE })).toEqual({
      ok: true,
      mime: 'video/mp4',
      safeName: 'hop-bao-thang-3.mp4',
    })
    expect(inspectVideoUpload({ data: ftyp('mp42', 'mp42', 'isom'), name: 'b.mp4' })).toMatchObject({ ok: true })
    expect(inspectVideoUpload({ data: ftyp('XAVC', 'XAVC', 'mp42'), name: 'camera.mp4' })).toMatchObject({
      ok: true,
      mime: 'video/mp4',
    })
    expect(inspectVideoUpload({ data: ebmlHeader('webm'), name: 'clip.webm', mimetype: 'video/mp4' })).toEqual({
      ok: true,
      mime: 'video/webm',
      safeName: 'clip.webm',
    })
  })

  it('rejects other containers and non-video content with the same shape', () => {
    const mkv = expectRejected(inspectVideoUpload({ data: ebmlHeader('matroska'), name: 'a.webm' }), 'type-not-allowed')
    expect(mkv.message.en).toBe('Matroska (MKV) files are not accepted here. Allowed formats: MP4, WebM.')
    const mov = expectRejected(
      inspectVideoUpload({ data: ftyp('qt  ', 'qt  '), name: 'IMG_1.mp4' }),
      'type-not-allowed',
    )
    expect(mov.message.en).toContain('QuickTime (MOV) files')
    expect(
      expectRejected(inspectVideoUpload({ data: ftyp('avif', 'mif1', 'miaf'), name: 'a.mp4' }), 'type-not-allowed')
        .message.en,
    ).toContain('AVIF files')
    expectRejected(inspectVideoUpload({ data: png, name: 'poster.mp4' }), 'type-not-allowed')
    const page = expectRejected(inspectVideoUpload({ data: html, name: 'x.mp4' }), 'not-media')
    expect(page.message.en).toBe(
      'The file name ends in ".mp4" but its content is HTML, not a video. Allowed formats: MP4, WebM.',
    )
    expectRejected(inspectVideoUpload({ data: evilSvg, name: 'x.webm' }), 'svg')
    expectRejected(inspectVideoUpload({ data: Buffer.alloc(0), name: 'x.mp4' }), 'empty')
    const unknown = expectRejected(
      inspectVideoUpload({ data: Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]), name: 'x.mp4' }),
      'unrecognised',
    )
    expect(unknown.message.vi).toBe('Không nhận dạng được định dạng video của tệp. Định dạng được phép: MP4, WebM.')
  })

  it('checks size from the size field when data is only the head of the file', () => {
    const r = expectRejected(
      inspectVideoUpload({ data: mp4Header, name: 'long.mp4', size: 600 * MEGABYTE }),
      'too-large',
    )
    expect(r.message.en).toBe('The file is 600 MB, which exceeds the 500 MB limit.')
    const small = resolveVideoLimits({ maxBytes: 16 })
    expectRejected(inspectVideoUpload({ data: mp4Header, name: 'a.mp4' }, small), 'too-large')
  })
})

describe('sanitizeFilename', () => {
  it.each([
    ['../../etc/passwd.png', {}, 'passwd.png'],
    ['..\\..\\windows\\win.ini.png', {}, 'win-ini.png'],
    ['C:\\Users\\cb\\Desktop\\Ảnh bìa.png', {}, 'anh-bia.png'],
    ['Ảnh bìa.png', {}, 'anh-bia.png'],
    ['Đường Trường Sơn — 2025.JPG', {}, 'duong-truong-son-2025.jpg'],
    // NFC and NFD spellings of the same visible name give the same file.
    ['Ảnh bìa.png'.normalize('NFD'), {}, 'anh-bia.png'],
    ['a\u0000b\u0007c\u001f.png', {}, 'abc.png'],
    ['evil\u202Egnp.exe', {}, 'evilgnp-exe'],
    ['  multiple   spaces\there .png ', {}, 'multiple-spaces-here.png'],
    ['.htaccess', {}, 'htaccess'],
    ['...', {}, 'file'],
    ['..', {}, 'file'],
    ['', {}, 'file'],
    ['', { mime: 'image/png' }, 'file.png'],
    ['...', { mime: 'image/webp', fallbackStem: 'Ảnh tải lên' }, 'anh-tai-len.webp'],
    ['/', {}, 'file'],
    ['.png', {}, 'png'],
    ['shell.php.png', {}, 'shell-php.png'],
    ['index.html', {}, 'index-html'],
    ['photo.jpeg', {}, 'photo.jpeg'],
    ['photo.jpeg', { mime: 'image/jpeg' }, 'photo.jpg'],
    ['x.png', { mime: 'image/webp' }, 'x.webp'],
    ['con.png', {}, 'file-con.png'],
    ['漢字.png', {}, 'file.png'],
    [`${'a'.repeat(300)}.png`, {}, `${'a'.repeat(100)}.png`],
  ] as const)('%j → %s', (name, options, expected) => {
    expect(sanitizeFilename(name, options)).toBe(expected)
  })

  it('never returns an empty or dot-led name', () => {
    for (const name of ['', '.', '..', '/..', '\\', '\u0000', ' ', '.-_.', '😀']) {
      const safe = sanitizeFilename(name)
      expect(safe).not.toBe('')
      expect(safe.startsWith('.')).toBe(false)
      expect(safe).toMatch(/^[a-z0-9_-]+(\.[a-z0-9]+)?$/)
    }
  })
})

describe('imageUploadConfig / videoUploadConfig', () => {
  it('builds the Payload upload block from resolved limits', () => {
    const config = imageUploadConfig({
      staticDir: '/srv/uploads/infographics',
      limits: { limitInputPixels: 40_000_000 },
    })
    expect(config).toMatchObject({
      staticDir: '/srv/uploads/infographics',
      mimeTypes: ['image/png', 'image/jpeg', 'image/webp'],
      adminThumbnail: 'thumbnail',
      focalPoint: true,
      crop: true,
      constructorOptions: { limitInputPixels: 40_000_000 },
      withMetadata: false,
    })
    expect(config.mimeTypes).not.toContain('image/svg+xml')
    expect(config.imageSizes?.map((size) => size.name)).toEqual([...IMAGE_SIZE_NAMES])
    expect(IMAGE_SIZES.some((size) => size.name === config.adminThumbnail)).toBe(true)
    expect(imageUploadConfig()).not.toHaveProperty('staticDir')
  })

  it('hands Payload mutable copies, never the shared declarations', () => {
    const a = imageUploadConfig()
    const b = imageUploadConfig()
    expect(a.imageSizes).toEqual(IMAGE_SIZES)
    expect(a.imageSizes).not.toBe(b.imageSizes)
    expect(Object.isFrozen(IMAGE_SIZES[0])).toBe(true)
    const first = a.imageSizes?.[0]
    if (!first) throw new Error('no sizes')
    first.width = 1
    expect(IMAGE_SIZES[0]?.width).toBe(300)
    expect(b.imageSizes?.[0]?.width).toBe(300)
  })

  it('declares WebP variants with formatOptions', () => {
    const webpSizes = IMAGE_SIZES.filter((size) => size.formatOptions)
    expect(webpSizes.map((size) => size.name)).toEqual(['cardWebp', 'webWebp'])
    for (const size of webpSizes) expect(size.formatOptions).toEqual({ format: 'webp', options: { quality: 80 } })
  })

  it('builds a video upload block without image processing', () => {
    expect(videoUploadConfig({ staticDir: 'videos' })).toEqual({
      staticDir: 'videos',
      mimeTypes: ['video/mp4', 'video/webm'],
      focalPoint: false,
      crop: false,
    })
  })
})

describe('declared sizes through real sharp', () => {
  // What each size must produce from a 2000 × 1500 original.
  const expected: Record<string, { width: number; height: number; format: string }> = {
    thumbnail: { width: 300, height: 225, format: 'jpeg' },
    card: { width: 640, height: 360, format: 'jpeg' },
    cardWebp: { width: 640, height: 360, format: 'webp' },
    web: { width: 1280, height: 960, format: 'jpeg' },
    webWebp: { width: 1280, height: 960, format: 'webp' },
    og: { width: 1200, height: 630, format: 'jpeg' },
    square: { width: 1080, height: 1080, format: 'jpeg' },
  }

  it('each size, applied the way Payload applies it without a focal point, yields its box', async () => {
    const original = await solid(2000, 1500).jpeg().toBuffer()
    expect(Object.keys(expected).sort()).toEqual([...IMAGE_SIZE_NAMES].sort())
    for (const size of IMAGE_SIZES) {
      // Payload's createImageSizes: clone of sharp(original).rotate(), then .resize(the whole
      // size object), then toFormat(formatOptions) when given.
      let pipeline = sharp(original).rotate().resize(size)
      if (size.formatOptions) pipeline = pipeline.toFormat(size.formatOptions.format, size.formatOptions.options)
      const { data, info } = await pipeline.toBuffer({ resolveWithObject: true })
      const meta = await sharp(data).metadata()
      expect({ name: size.name, width: info.width, height: info.height, format: meta.format }).toEqual({
        name: size.name,
        ...expected[size.name],
      })
    }
  })

  it('does not upscale `web` or `thumbnail` for a small original', async () => {
    const small = await solid(200, 150).png().toBuffer()
    const web = IMAGE_SIZES.find((size) => size.name === 'web')
    if (!web) throw new Error('no web size')
    const info = (await sharp(small).resize(web).toBuffer({ resolveWithObject: true })).info
    expect([info.width, info.height]).toEqual([200, 150])
  })
})
