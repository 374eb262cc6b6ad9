import { describe, expect, it } from 'vitest'
import { IMAGE_SIZE_NAMES, imageSizeRows } from '../../media'
import { en } from '../../src/domain/i18n/en'
import { vi } from '../../src/domain/i18n/vi'

const png = (width: number, height: number, bytes: number) => ({
  url: `/api/infographics/file/x-${width}x${height}.png`,
  width,
  height,
  mimeType: 'image/png',
  filesize: bytes,
})

describe('the image files listed in the edit view (issue 21 point 9)', () => {
  it('lists nothing before a file is uploaded', () => {
    expect(imageSizeRows(undefined)).toEqual([])
    expect(imageSizeRows({ title: 'Chưa có ảnh' })).toEqual([])
  })

  it('lists the original, then every configured size in order, a skipped size included', () => {
    const rows = imageSizeRows({
      filename: 'x.png',
      ...png(1600, 1900, 98_304),
      sizes: {
        thumbnail: png(300, 356, 10_000),
        cardWebp: { ...png(640, 360, 300), mimeType: 'image/webp' },
        // Payload writes nulls for a size it skipped (an original smaller than the box).
        square: { url: null, width: null, height: null, mimeType: null, filesize: null },
      },
    })
    expect(rows.map((r) => r.name)).toEqual(['original', ...IMAGE_SIZE_NAMES])
    expect(rows[0]).toEqual({
      name: 'original',
      url: '/api/infographics/file/x-1600x1900.png',
      width: 1600,
      height: 1900,
      format: 'PNG',
      kilobytes: 96,
    })
    expect(rows.find((r) => r.name === 'cardWebp')).toMatchObject({ format: 'WEBP', kilobytes: 1 })
    for (const name of ['card', 'square'] as const)
      expect(rows.find((r) => r.name === name)).toEqual({
        name,
        url: null,
        width: null,
        height: null,
        format: null,
        kilobytes: null,
      })
  })

  it('names every size for people in both languages, never by its code name', () => {
    for (const name of ['original', ...IMAGE_SIZE_NAMES]) {
      const key = `imageSize${name.charAt(0).toUpperCase()}${name.slice(1)}` as keyof typeof vi
      expect(vi[key], name).toBeTruthy()
      expect(en[key], name).toBeTruthy()
      expect(vi[key]).not.toMatch(new RegExp(`^${name}$`, 'i'))
    }
  })
})
