/**
 * The declared sizes run through Payload's own resizer. `createImageSizes` is internal (not in
 * the package's exports map), so it is imported by path; it lives in its own file so that a
 * Payload upgrade moving it fails only this file, loudly, and not the pipeline's own tests.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { crc32 } from 'node:zlib'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createImageSizes } from '../../node_modules/payload/dist/uploads/image-resizing/createImageSizes.js'
import { IMAGE_SIZE_NAMES, imageUploadConfig, type ImageKind } from '../../media'

type ResizeArgs = Parameters<typeof createImageSizes>[0]
type Box = { width: number; height: number; mimeType: string } | null

let staticPath: string

beforeAll(async () => {
  // createImageSizes only checks for (and unlinks) stale files here; it writes nothing itself.
  staticPath = await mkdtemp(path.join(tmpdir(), 'media-sizes-'))
})
afterAll(async () => {
  await rm(staticPath, { recursive: true, force: true })
})

async function payloadSizes(
  data: Buffer,
  mimeType: string,
  focalPoint: { x: number; y: number } | undefined,
): Promise<Record<string, Box>> {
  return (await payloadSizesWithFiles(data, mimeType, focalPoint)).boxes
}

async function payloadSizesWithFiles(
  data: Buffer,
  mimeType: string,
  focalPoint: { x: number; y: number } | undefined,
  kind: ImageKind = 'photo',
): Promise<{ boxes: Record<string, Box>; files: Record<string, Buffer> }> {
  const { width, height } = await sharp(data).metadata()
  const upload = imageUploadConfig({ kind })
  // Only the parts of the sanitized config, request and file that createImageSizes reads.
  const args = {
    config: { upload },
    dimensions: { width, height },
    file: { data, mimetype: mimeType, name: `original.${mimeType.split('/')[1]}`, size: data.length },
    focalPoint,
    mimeType,
    req: {},
    savedFilename: `original.${mimeType.split('/')[1]}`,
    sharp,
    staticPath,
    withMetadata: upload.withMetadata,
  } as unknown as ResizeArgs
  const { sizeData, sizesToSave } = await createImageSizes(args)
  const boxes: Record<string, Box> = {}
  const files: Record<string, Buffer> = {}
  for (const [name, size] of Object.entries(sizeData)) {
    boxes[name] =
      size.width === null || size.height === null || size.mimeType === null
        ? null
        : { width: size.width, height: size.height, mimeType: size.mimeType }
    const saved = sizesToSave.find((file) => path.basename(file.path) === size.filename)
    if (saved && 'buffer' in saved) files[name] = saved.buffer
  }
  return { boxes, files }
}

const box = (width: number, height: number, mimeType: string): Box => ({ width, height, mimeType })

describe('IMAGE_SIZES through Payload 3.90.1 createImageSizes', () => {
  const large = {
    thumbnail: box(300, 225, 'image/jpeg'),
    card: box(640, 360, 'image/jpeg'),
    cardWebp: box(640, 360, 'image/webp'),
    web: box(1280, 960, 'image/jpeg'),
    webWebp: box(1280, 960, 'image/webp'),
    og: box(1200, 630, 'image/jpeg'),
    square: box(1080, 1080, 'image/jpeg'),
  }

  it('2000 × 1500 JPEG on create (Payload sets the focal point to 50/50)', async () => {
    const original = await sharp({ create: { width: 2000, height: 1500, channels: 3, background: '#246' } })
      .jpeg()
      .toBuffer()
    const sizes = await payloadSizes(original, 'image/jpeg', { x: 50, y: 50 })
    expect(Object.keys(sizes).sort()).toEqual([...IMAGE_SIZE_NAMES].sort())
    expect(sizes).toEqual(large)
  })

  it('2000 × 1500 JPEG without a focal point (plain sharp resize path)', async () => {
    const original = await sharp({ create: { width: 2000, height: 1500, channels: 3, background: '#246' } })
      .jpeg()
      .toBuffer()
    expect(await payloadSizes(original, 'image/jpeg', undefined)).toEqual(large)
  })

  it('a small 200 × 150 PNG: no upscaling for thumbnail/web, exact boxes for card/og, square skipped', async () => {
    const original = await sharp({ create: { width: 200, height: 150, channels: 3, background: '#246' } })
      .png()
      .toBuffer()
    expect(await payloadSizes(original, 'image/png', { x: 50, y: 50 })).toEqual({
      thumbnail: box(200, 150, 'image/png'),
      card: box(640, 360, 'image/png'),
      cardWebp: box(640, 360, 'image/webp'),
      web: box(200, 150, 'image/png'),
      webWebp: box(200, 150, 'image/webp'),
      og: box(1200, 630, 'image/png'),
      square: null,
    })
  })

  it('a transparent PNG infographic keeps its alpha channel in derivatives', async () => {
    const original = await sharp({
      create: { width: 1600, height: 1200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer()
    const { boxes, files } = await payloadSizesWithFiles(original, 'image/png', { x: 50, y: 50 })
    expect(boxes.og).toEqual(box(1200, 630, 'image/png'))
    expect(boxes.cardWebp).toEqual(box(640, 360, 'image/webp'))
    for (const name of ['og', 'card', 'cardWebp', 'square'] as const) {
      const file = files[name]
      if (!file) throw new Error(`no ${name} output`)
      expect((await sharp(file).metadata()).hasAlpha).toBe(true)
    }
  })
})

describe('graphics (infographics): cover crops anchored to the top, no focal point', () => {
  it('keeps the top of a tall infographic (its title) in card, og and square', async () => {
    // 1000 × 4000: a red title band on top of a blue body.
    const red = await sharp({ create: { width: 1000, height: 400, channels: 3, background: '#f00' } })
      .png()
      .toBuffer()
    const original = await sharp({ create: { width: 1000, height: 4000, channels: 3, background: '#00f' } })
      .composite([{ input: red, top: 0, left: 0 }])
      .png()
      .toBuffer()
    const upload = imageUploadConfig({ kind: 'graphic' })
    expect(upload.focalPoint).toBe(false)
    // generateFileData passes no focal point when the collection has none.
    const { boxes, files } = await payloadSizesWithFiles(original, 'image/png', undefined, 'graphic')
    expect(boxes.og).toEqual(box(1200, 630, 'image/png'))
    for (const name of ['card', 'og', 'square'] as const) {
      const { data, info } = await sharp(files[name]!).raw().toBuffer({ resolveWithObject: true })
      const pixel = (y: number) => [
        ...data.subarray(y * info.width * info.channels, y * info.width * info.channels + 3),
      ]
      expect(pixel(0), `${name} top row`).toEqual([255, 0, 0])
      expect(pixel(info.height - 1), `${name} bottom row`).toEqual([0, 0, 255])
    }
    // A photo's centred crop of the same image shows no title at all.
    const photo = await payloadSizesWithFiles(original, 'image/png', { x: 50, y: 50 })
    const { data } = await sharp(photo.files.og!).raw().toBuffer({ resolveWithObject: true })
    expect([...data.subarray(0, 3)]).toEqual([0, 0, 255])
  })
})

describe('constructorOptions as Payload applies them to the original', () => {
  it('makes sharp refuse a header over limitInputPixels before decoding', async () => {
    const { constructorOptions } = imageUploadConfig({ limits: { limitInputPixels: 50_000_000 } })
    const png = Buffer.from(
      await sharp({ create: { width: 8, height: 8, channels: 3, background: '#246' } })
        .png()
        .toBuffer(),
    )
    png.writeUInt32BE(8000, 16)
    png.writeUInt32BE(8000, 20)
    png.writeUInt32BE(crc32(png.subarray(12, 29)) >>> 0, 29)
    // The same call generateFileData makes for the original when constructorOptions are set.
    await expect(
      sharp(png, { ...constructorOptions })
        .rotate()
        .toBuffer(),
    ).rejects.toThrow(/pixel limit/)
  })
})
