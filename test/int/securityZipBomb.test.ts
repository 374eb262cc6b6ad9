import JSZip from 'jszip'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { restClient } from './helpers/rest'
import { createUser, startTestPayload, type TestPayload } from './helpers/testPayload'

/**
 * Issue 20, finding 6: a .docx zip bomb sent to the plan import. Over a real socket, with the
 * server's memory measured: test/e2e/security-limits.test.ts.
 */

let t: TestPayload
let payload: Payload
let rest: ReturnType<typeof restClient>
let token: string

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  rest = restClient(payload)
  const unit = await payload.create({ collection: 'units', data: { name: 'Đơn vị S', requiresReview: false } })
  const manager = await createUser(payload, { role: 'manager', unit: unit.id as number })
  token = await rest.login(manager.email as string, 'test-Password-1')
})

afterAll(async () => {
  await t?.cleanup()
})

describe('finding 6: zip bomb in plan import', () => {
  it('a .docx whose directory claims 20 MB of XML is a 413 naming the limit, before conversion', async () => {
    const para = '<w:p><w:r><w:t>Nhiệm vụ</w:t></w:r></w:p>'
    const zip = new JSZip()
    zip.file(
      '[Content_Types].xml',
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    )
    zip.file(
      '_rels/.rels',
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    )
    // A real Word body, so that without the check mammoth converts all of it (as in the finding).
    zip.file(
      'word/document.xml',
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
        para.repeat((20 * 1024 * 1024) / para.length) +
        '</w:body></w:document>',
    )
    const docx = await zip.generateAsync({
      type: 'uint8array',
      compression: 'DEFLATE',
      compressionOptions: { level: 9 },
    })
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(docx)]), 'bom.docx')
    const started = performance.now()
    const res = await rest.post('plan-import/preview', form, { token: token })
    const ms = performance.now() - started
    expect(res.status, JSON.stringify(res.json).slice(0, 300)).toBe(413)
    expect(JSON.stringify(res.json)).toMatch(/6 MB/)
    expect(ms).toBeLessThan(1000)
  })

  it('a .docx whose directory understates an entry is refused when the entry unpacks past its claim', async () => {
    const zip = new JSZip()
    zip.file('word/document.xml', `<w:document>${'<w:p/>'.repeat(200_000)}</w:document>`)
    const docx = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
    // Rewrite the central directory's uncompressed size of the entry to 100 bytes.
    const view = new DataView(docx.buffer, docx.byteOffset, docx.byteLength)
    const end = docx.byteLength - 22
    const dir = view.getUint32(end + 16, true)
    view.setUint32(dir + 24, 100, true)
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(docx)]), 'lie.docx')
    const res = await rest.post('plan-import/preview', form, { token: token })
    expect(res.status, JSON.stringify(res.json).slice(0, 300)).toBe(400)
    expect(JSON.stringify(res.json)).toMatch(/file/)
  })
})
