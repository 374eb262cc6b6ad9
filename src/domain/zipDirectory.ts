/**
 * The central directory of a zip archive (a .docx is one), read without unpacking anything: the
 * name, method, compressed and uncompressed size and data offset of every entry. A .docx of 80 KB
 * can unpack to 20 MB of XML, which the converter then holds many times over (1.6 GB measured);
 * the sizes written here let the import refuse it before a byte is inflated. Pure: bytes in,
 * entries out. The sizes are the archive's claims; `inflateZipEntry` (src/plugin/import) holds
 * each entry to its claim when it is unpacked.
 *
 * Format: PKWARE APPNOTE 6.3.x, sections 4.3.12 (central directory header) and 4.3.16 (end of
 * central directory record). ZIP64 archives are refused: a document small enough to import
 * never needs them, and their 64-bit sizes would be another path to get right.
 */
export interface ZipEntry {
  name: string
  /** 0 stored, 8 deflated; anything else the converter cannot read either. */
  method: number
  compressedSize: number
  uncompressedSize: number
  /** Offset of the entry's local header. */
  localHeaderOffset: number
}

export type ZipDirectory =
  { ok: true; entries: ZipEntry[] } | { ok: false; reason: 'notZip' | 'zip64' | 'truncated' | 'tooManyEntries' }

const EOCD_SIGNATURE = 0x06054b50
const CENTRAL_SIGNATURE = 0x02014b50
const EOCD_SIZE = 22
const MAX_COMMENT = 0xffff
const U16_MAX = 0xffff
const U32_MAX = 0xffffffff

/** Finds the end-of-central-directory record: the last signature whose comment ends the file. */
function findEndRecord(view: DataView): number {
  const last = view.byteLength - EOCD_SIZE
  const first = Math.max(0, last - MAX_COMMENT)
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) !== EOCD_SIGNATURE) continue
    if (at + EOCD_SIZE + view.getUint16(at + 20, true) === view.byteLength) return at
  }
  return -1
}

export function readZipDirectory(bytes: Uint8Array, maxEntries = 10_000): ZipDirectory {
  if (bytes.byteLength < EOCD_SIZE) return { ok: false, reason: 'notZip' }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const end = findEndRecord(view)
  if (end < 0) return { ok: false, reason: 'notZip' }
  const count = view.getUint16(end + 10, true)
  const size = view.getUint32(end + 12, true)
  const offset = view.getUint32(end + 16, true)
  if (count === U16_MAX || size === U32_MAX || offset === U32_MAX) return { ok: false, reason: 'zip64' }
  if (count > maxEntries) return { ok: false, reason: 'tooManyEntries' }
  if (offset + size > end) return { ok: false, reason: 'truncated' }
  const decoder = new TextDecoder('utf-8')
  const entries: ZipEntry[] = []
  let at = offset
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_SIGNATURE) return { ok: false, reason: 'truncated' }
    const compressedSize = view.getUint32(at + 20, true)
    const uncompressedSize = view.getUint32(at + 24, true)
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    const localHeaderOffset = view.getUint32(at + 42, true)
    if (compressedSize === U32_MAX || uncompressedSize === U32_MAX || localHeaderOffset === U32_MAX) {
      return { ok: false, reason: 'zip64' }
    }
    const next = at + 46 + nameLength + extraLength + commentLength
    if (next > end) return { ok: false, reason: 'truncated' }
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    })
    at = next
  }
  return { ok: true, entries }
}

/** Where an entry's data starts: after its local header, whose name and extra lengths may differ. */
export function entryDataOffset(bytes: Uint8Array, entry: ZipEntry): number | null {
  const at = entry.localHeaderOffset
  if (at + 30 > bytes.byteLength) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (view.getUint32(at, true) !== 0x04034b50) return null
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
  return start + entry.compressedSize <= bytes.byteLength ? start : null
}

/** The parts a Word converter parses as XML (mammoth reads these; images it is told to skip). */
export const isXmlPart = (name: string): boolean => /\.(xml|rels)$/i.test(name)

export interface DocxLimits {
  /** Sum of the unpacked XML parts (what the converter parses and holds as a tree). */
  maxXmlBytes: number
  /** Sum of every unpacked entry (images included). */
  maxTotalBytes: number
  maxEntries: number
}

export const DEFAULT_DOCX_LIMITS: DocxLimits = Object.freeze({
  // A 60-page plan with tables is 0.3–2 MB of document.xml; the converter peaks at ~80× the XML
  // it parses (20 MB took 1.6 GB), so 6 MB bounds one import at about half a gigabyte.
  maxXmlBytes: 6 * 1024 * 1024,
  maxTotalBytes: 64 * 1024 * 1024,
  maxEntries: 1_000,
})

export type DocxSizeProblem =
  | { kind: 'xml'; size: number; max: number }
  | { kind: 'total'; size: number; max: number }
  | { kind: 'entries'; size: number; max: number }
  | { kind: 'method'; name: string }

/** Judges the directory's claims against the limits; the first problem, or null. */
export function checkDocxSizes(
  entries: readonly ZipEntry[],
  limits: DocxLimits = DEFAULT_DOCX_LIMITS,
): DocxSizeProblem | null {
  if (entries.length > limits.maxEntries) return { kind: 'entries', size: entries.length, max: limits.maxEntries }
  let xml = 0
  let total = 0
  for (const e of entries) {
    if (e.method !== 0 && e.method !== 8) return { kind: 'method', name: e.name }
    total += e.uncompressedSize
    if (isXmlPart(e.name)) xml += e.uncompressedSize
  }
  if (xml > limits.maxXmlBytes) return { kind: 'xml', size: xml, max: limits.maxXmlBytes }
  if (total > limits.maxTotalBytes) return { kind: 'total', size: total, max: limits.maxTotalBytes }
  return null
}
