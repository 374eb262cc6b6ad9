/**
 * Content sniffing from the first bytes of a file. The declared MIME type and the extension are
 * chosen by the uploader, so only the bytes decide what a file is. Besides the accepted formats,
 * a handful of common "wrong" formats are recognised so the editor gets a precise message
 * ("GIF files are not accepted") rather than a vague one.
 */

export type SniffedType = {
  mime: string
  /** Format name for messages, e.g. `PNG`, `GIF`, `HTML`. */
  label: string
  /**
   * `binary`: a recognised binary format. `svg`: SVG markup, refused on its own because it can
   * carry scripts. `text`: HTML, XML or plain text, i.e. not media at all.
   */
  family: 'binary' | 'svg' | 'text'
}

/** Enough for every signature below and for the opening tags of a markup file. */
export const SNIFF_BYTES = 4096

export function sniffFileType(data: Uint8Array): SniffedType | null {
  const head = data.subarray(0, SNIFF_BYTES)
  return sniffBinary(head) ?? sniffText(head)
}

function sniffBinary(b: Uint8Array): SniffedType | null {
  const bin = (mime: string, label: string): SniffedType => ({ mime, label, family: 'binary' })

  if (bytesAt(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return bin('image/png', 'PNG')
  if (bytesAt(b, 0, [0xff, 0xd8, 0xff])) return bin('image/jpeg', 'JPEG')
  if (asciiAt(b, 0, 'RIFF')) {
    const form = ascii(b, 8, 12)
    if (form === 'WEBP') return bin('image/webp', 'WebP')
    if (form === 'AVI ') return bin('video/x-msvideo', 'AVI')
    if (form === 'WAVE') return bin('audio/wav', 'WAV')
  }
  if (asciiAt(b, 0, 'GIF87a') || asciiAt(b, 0, 'GIF89a')) return bin('image/gif', 'GIF')
  if (asciiAt(b, 4, 'ftyp')) return sniffIsoBaseMedia(b)
  if (bytesAt(b, 0, [0x1a, 0x45, 0xdf, 0xa3])) return sniffEbml(b)
  if (bytesAt(b, 0, [0x49, 0x49, 0x2a, 0x00]) || bytesAt(b, 0, [0x4d, 0x4d, 0x00, 0x2a])) {
    return bin('image/tiff', 'TIFF')
  }
  // Two letters alone would misread any text starting "BM"; the DIB header size pins it down.
  if (asciiAt(b, 0, 'BM') && [12, 40, 52, 56, 108, 124].includes(uint32LE(b, 14))) {
    return bin('image/bmp', 'BMP')
  }
  if (bytesAt(b, 0, [0xff, 0x0a]) || (uint32BE(b, 0) === 12 && asciiAt(b, 4, 'JXL '))) {
    return bin('image/jxl', 'JPEG XL')
  }
  if (asciiAt(b, 0, '8BPS')) return bin('image/vnd.adobe.photoshop', 'PSD')
  if (asciiAt(b, 0, '%PDF-')) return bin('application/pdf', 'PDF')
  if (bytesAt(b, 0, [0x50, 0x4b, 0x03, 0x04])) return bin('application/zip', 'ZIP')
  // Also catches .svgz, which is a gzipped SVG.
  if (bytesAt(b, 0, [0x1f, 0x8b])) return bin('application/gzip', 'GZIP')
  if (asciiAt(b, 0, 'OggS')) return bin('application/ogg', 'Ogg')
  if (asciiAt(b, 0, 'ID3')) return bin('audio/mpeg', 'MP3')
  if (asciiAt(b, 0, 'MZ')) return bin('application/x-msdownload', 'Windows executable')
  if (bytesAt(b, 0, [0x7f, 0x45, 0x4c, 0x46])) return bin('application/x-elf', 'ELF executable')
  return null
}

const MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'iso8',
  'iso9',
  'mp41',
  'mp42',
  'mp71',
  'avc1',
  'dash',
  'M4V ',
  'M4VH',
  'M4VP',
  'MSNV',
  'mmp4',
  'msdh',
  'cmfc',
  'f4v ',
])
const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1'])

/**
 * ISO base media files share one container: MP4, QuickTime, 3GP, AVIF and HEIC all open with a
 * `ftyp` box, so the brand is what tells an MP4 from an iPhone HEIC photo or MOV clip.
 */
function sniffIsoBaseMedia(b: Uint8Array): SniffedType {
  const bin = (mime: string, label: string): SniffedType => ({ mime, label, family: 'binary' })
  const major = ascii(b, 8, 12)
  if (major === 'avif' || major === 'avis') return bin('image/avif', 'AVIF')
  if (HEIF_BRANDS.has(major)) return bin('image/heic', 'HEIC')
  if (major === 'qt  ') return bin('video/quicktime', 'QuickTime (MOV)')
  if (major.startsWith('3g')) return bin('video/3gpp', '3GP')
  if (MP4_BRANDS.has(major)) return bin('video/mp4', 'MP4')

  const boxEnd = Math.min(uint32BE(b, 0), b.length)
  const compatible: string[] = []
  for (let offset = 16; offset + 4 <= boxEnd && compatible.length < 64; offset += 4) {
    compatible.push(ascii(b, offset, offset + 4))
  }
  if (compatible.some((brand) => brand === 'avif' || brand === 'avis')) return bin('image/avif', 'AVIF')
  if (compatible.some((brand) => HEIF_BRANDS.has(brand))) return bin('image/heic', 'HEIC')
  if (compatible.some((brand) => MP4_BRANDS.has(brand))) return bin('video/mp4', 'MP4')
  return bin('application/octet-stream', 'ISO media container')
}

/**
 * WebM is Matroska with a different DocType, so the EBML header has to be walked to tell them
 * apart. The walk is bounded by the header size and an iteration cap, so crafted sizes cannot
 * make it loop.
 */
function sniffEbml(b: Uint8Array): SniffedType {
  const matroska: SniffedType = { mime: 'video/x-matroska', label: 'Matroska (MKV)', family: 'binary' }
  const headerSize = readVint(b, 4)
  if (!headerSize) return matroska
  let pos = 4 + headerSize.length
  const end = Math.min(b.length, pos + headerSize.value)
  for (let i = 0; i < 32 && pos < end; i++) {
    const idLength = vintLength(b[pos])
    if (idLength === 0 || idLength > 4) break
    const id = uintBE(b, pos, idLength)
    const size = readVint(b, pos + idLength)
    if (!size) break
    const dataStart = pos + idLength + size.length
    if (id === 0x4282) {
      const docType = ascii(b, dataStart, Math.min(dataStart + size.value, end))
      return docType === 'webm' ? { mime: 'video/webm', label: 'WebM', family: 'binary' } : matroska
    }
    pos = dataStart + size.value
  }
  return matroska
}

function sniffText(b: Uint8Array): SniffedType | null {
  const text = decodeText(b)
  if (text === null) return null
  const head = text.trimStart().toLowerCase()
  if (head.length === 0) return null
  // Searched anywhere in the head, not only at the start: a comment or DOCTYPE may come first.
  if (/<svg[\s/>:]/.test(head)) return { mime: 'image/svg+xml', label: 'SVG', family: 'svg' }
  if (head.startsWith('<?xml') && !/<html[\s>]/.test(head)) {
    return { mime: 'application/xml', label: 'XML', family: 'text' }
  }
  if (head.startsWith('<') || /<(?:html|script|body|iframe)[\s>]/.test(head)) {
    return { mime: 'text/html', label: 'HTML', family: 'text' }
  }
  return { mime: 'text/plain', label: 'text', family: 'text' }
}

/** Returns null when the bytes do not look like text (NULs or too many control characters). */
function decodeText(b: Uint8Array): string | null {
  let text: string
  if (bytesAt(b, 0, [0xff, 0xfe])) text = new TextDecoder('utf-16le').decode(b.subarray(2))
  else if (bytesAt(b, 0, [0xfe, 0xff])) text = new TextDecoder('utf-16be').decode(b.subarray(2))
  else {
    if (b.includes(0)) return null
    text = new TextDecoder('utf-8').decode(b)
  }
  let suspicious = 0
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffd) {
      suspicious++
    }
  }
  return suspicious > text.length / 10 ? null : text
}

function bytesAt(b: Uint8Array, offset: number, signature: readonly number[]): boolean {
  return signature.every((byte, i) => b[offset + i] === byte)
}

function asciiAt(b: Uint8Array, offset: number, signature: string): boolean {
  return ascii(b, offset, offset + signature.length) === signature
}

function ascii(b: Uint8Array, start: number, end: number): string {
  let out = ''
  for (let i = start; i < end && i < b.length; i++) out += String.fromCharCode(b[i] ?? 0)
  return out
}

function uintBE(b: Uint8Array, offset: number, length: number): number {
  let value = 0
  for (let i = 0; i < length; i++) value = value * 256 + (b[offset + i] ?? 0)
  return value
}

function uint32BE(b: Uint8Array, offset: number): number {
  return uintBE(b, offset, 4)
}

function uint32LE(b: Uint8Array, offset: number): number {
  return (
    (b[offset] ?? 0) + (b[offset + 1] ?? 0) * 0x100 + (b[offset + 2] ?? 0) * 0x10000 + (b[offset + 3] ?? 0) * 0x1000000
  )
}

/** Length in bytes of an EBML variable-length integer, from its leading zero bits; 0 if invalid. */
function vintLength(first: number | undefined): number {
  if (first === undefined || first === 0) return 0
  let length = 1
  for (let mask = 0x80; (first & mask) === 0; mask >>= 1) length++
  return length
}

function readVint(b: Uint8Array, offset: number): { length: number; value: number } | null {
  const length = vintLength(b[offset])
  if (length === 0 || offset + length > b.length) return null
  let value = (b[offset] ?? 0) & (0xff >> length)
  for (let i = 1; i < length; i++) value = value * 256 + (b[offset + i] ?? 0)
  return { length, value }
}
