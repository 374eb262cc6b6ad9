import { deflateRawSync } from 'node:zlib'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { checkDocxSizes, entryDataOffset, readZipDirectory } from '../../src/domain/zipDirectory'

describe('zip central directory (finding 6)', () => {
  async function docx(xmlBytes: number, compression: 'STORE' | 'DEFLATE' = 'DEFLATE'): Promise<Uint8Array> {
    const zip = new JSZip()
    zip.file('[Content_Types].xml', '<Types/>')
    zip.file('word/document.xml', '<w:p/>'.repeat(Math.ceil(xmlBytes / 6)))
    zip.file('word/media/image1.png', new Uint8Array(1000))
    return zip.generateAsync({ type: 'uint8array', compression })
  }

  it('reads every entry’s sizes without unpacking', async () => {
    const bytes = await docx(20 * 1024 * 1024)
    expect(bytes.length).toBeLessThan(200 * 1024)
    const dir = readZipDirectory(bytes)
    expect(dir.ok).toBe(true)
    if (!dir.ok) return
    const doc = dir.entries.find((e) => e.name === 'word/document.xml')!
    expect(doc.uncompressedSize).toBeGreaterThanOrEqual(20 * 1024 * 1024)
    expect(doc.method).toBe(8)
    expect(entryDataOffset(bytes, doc)).toBeGreaterThan(0)
    expect(checkDocxSizes(dir.entries)).toMatchObject({ kind: 'xml', max: 6 * 1024 * 1024 })
  })

  it('an ordinary document passes; a comment after the directory is allowed', async () => {
    const bytes = await docx(300 * 1024)
    const dir = readZipDirectory(bytes)
    expect(dir.ok && checkDocxSizes(dir.entries)).toBeNull()
    const zip = new JSZip()
    zip.file('a.xml', '<a/>')
    const commented = await zip.generateAsync({ type: 'uint8array', comment: 'x'.repeat(500) })
    expect(readZipDirectory(commented).ok).toBe(true)
  })

  it('refuses what is not a zip, a truncated one and ZIP64', async () => {
    expect(readZipDirectory(new Uint8Array(100))).toEqual({ ok: false, reason: 'notZip' })
    const bytes = await docx(1000, 'STORE')
    expect(readZipDirectory(bytes.subarray(0, bytes.length - 10)).ok).toBe(false)
    const zip64 = new Uint8Array(bytes)
    const view = new DataView(zip64.buffer)
    view.setUint32(zip64.length - 22 + 16, 0xffffffff, true)
    expect(readZipDirectory(zip64)).toEqual({ ok: false, reason: 'zip64' })
  })

  it('checks the entry count and unknown methods', () => {
    expect(
      checkDocxSizes(
        Array.from({ length: 1001 }, (_, i) => ({
          name: `${i}`,
          method: 0,
          compressedSize: 0,
          uncompressedSize: 0,
          localHeaderOffset: 0,
        })),
      )?.kind,
    ).toBe('entries')
    expect(
      checkDocxSizes([{ name: 'a.xml', method: 12, compressedSize: 0, uncompressedSize: 0, localHeaderOffset: 0 }])
        ?.kind,
    ).toBe('method')
    expect(deflateRawSync(Buffer.from('x')).length).toBeGreaterThan(0)
  })
})
