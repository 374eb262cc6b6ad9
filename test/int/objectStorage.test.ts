/**
 * Uploads on an S3-compatible bucket (s3rver from npm) through @payloadcms/storage-s3, as several
 * instances share them: every image size in the bucket and none on local disk, served back
 * through Payload with our upload headers and access control; /api/health checks the bucket.
 * The three-process run is test/scale/run.ts (`npm run test:scale`).
 */
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import S3rver from 's3rver'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { S3Settings } from '../../src/config/env'
import { UPLOAD_RESPONSE_HEADERS } from '../../src/security/hardeningPlugin'
import { migrations } from '../../src/migrations'
import { createUser, startTestPayload, type TestPayload } from './helpers/testPayload'
import { restClient } from './helpers/rest'

const BUCKET = 'scale-int'
let server: S3rver
let settings: S3Settings
let s3: S3Client
let remote: TestPayload

const png = (w: number, h: number) =>
  sharp({ create: { width: w, height: h, channels: 3, background: { r: 10, g: 120, b: 200 } } })
    .png()
    .toBuffer()

beforeAll(async () => {
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory: path.join(process.cwd(), '.data', `s3rver-${process.pid}`),
    silent: true,
  })
  const { port } = await server.run()
  settings = {
    bucket: BUCKET,
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${port}`,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  }
  s3 = new S3Client({
    ...settings,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }))
  remote = await startTestPayload({ s3: settings })
}, 60_000)

afterAll(async () => {
  await remote?.cleanup()
  await server?.close()
  await rm(path.join(process.cwd(), '.data', `s3rver-${process.pid}`), { recursive: true, force: true })
})

describe('GET /api/health with S3', () => {
  it('checks the bucket when S3 is configured: 200, and 503 when the bucket does not exist', async () => {
    const ok = await restClient(remote.payload).get('health')
    expect(ok.status).toBe(200)
    expect(ok.json.storage).toBe('ok (s3)')
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: '.health/' }))
    expect(listed.KeyCount ?? 0).toBe(0)
    const { healthEndpoint } = await import('../../src/health/healthEndpoint')
    const wrong = healthEndpoint({
      uploadsDir: remote.uploadsDir,
      s3: { ...settings, bucket: 'no-such-bucket' },
      migrations: migrations.map((m) => m.name),
    })
    const res = (await wrong.handler({ payload: remote.payload } as never)) as Response
    expect(res.status).toBe(503)
    expect(await res.json()).toMatchObject({ failed: ['storage'], storage: 'fail: the bucket is not writable' })
  })
})

describe('uploads on S3-compatible storage', () => {
  it('puts the original and every image size in the bucket and serves them through Payload with our headers', async () => {
    const { payload } = remote
    const editor = await createUser(payload, { role: 'editor' })
    const rest = restClient(payload)
    const token = await rest.login(String(editor.email), 'test-Password-1')
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await png(1400, 900))], { type: 'image/png' }), 'Ảnh bìa.png')
    form.append('_payload', JSON.stringify({ alt: 'bìa' }))
    const created = await rest.post('media?depth=0', form, { token })
    expect(created.status).toBe(201)
    const doc = created.json.doc as {
      filename: string
      prefix: string
      _objectKey?: string | null
      sizes: Record<string, { filename: string | null }>
    }
    expect(doc.prefix).toBe('media')
    const folder = [doc.prefix, doc._objectKey].filter(Boolean).join('/')
    const names = [doc.filename, ...Object.values(doc.sizes).flatMap((s) => (s.filename ? [s.filename] : []))]
    expect(names.length).toBeGreaterThan(3)
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'media/' }))
    const keys = new Set((listed.Contents ?? []).map((o) => o.Key))
    for (const name of names) expect(keys, name).toContain(`${folder}/${name}`)
    // Nothing on this instance's disk: another instance could not serve it.
    await expect(rm(path.join(remote.uploadsDir, 'media'), { recursive: false })).rejects.toMatchObject({
      code: 'ENOENT',
    })

    for (const name of names) {
      const res = await rest.raw(`media/file/${name}`)
      expect(res.status, name).toBe(200)
      for (const [h, v] of Object.entries(UPLOAD_RESPONSE_HEADERS)) expect(res.headers.get(h), `${name} ${h}`).toBe(v)
      const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata()
      expect(meta.width, name).toBeGreaterThan(0)
    }
    const missing = await rest.raw('media/file/not-there.png')
    expect(missing.status).toBe(404)
  })

  it('keeps access control on files from the bucket: a draft infographic’s file is not public', async () => {
    const { payload } = remote
    const producer = await createUser(payload, { role: 'multimedia' })
    const rest = restClient(payload)
    const token = await rest.login(String(producer.email), 'test-Password-1')
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await png(800, 600))], { type: 'image/png' }), 'nhap.png')
    form.append('_payload', JSON.stringify({ title: 'Nháp', alt: 'nháp', _status: 'draft' }))
    const created = await rest.post('infographics?depth=0&draft=true', form, { token })
    expect(created.status).toBe(201)
    const filename = (created.json.doc as { filename: string }).filename
    expect((await rest.raw(`infographics/file/${filename}`, { token })).status).toBe(200)
    const anonymous = await rest.raw(`infographics/file/${filename}`)
    expect([401, 403, 404]).toContain(anonymous.status)
  })
})
