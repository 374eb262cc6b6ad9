import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { calendarDay, dayToInstant } from '../../src/domain/calendar'
import { emptyPng, file, htmlAsPng, mp4File, pixelBombPng, pngFile, svgWithScript } from '../fixtures/files'
import { createUser, rejectionOf, startTestPayload, type TestPayload } from './helpers/testPayload'

type Doc = Record<string, unknown> & { id: string | number }

let t: TestPayload
let payload: Payload
let unitA: Doc
let unitB: Doc
let editor: Doc
let editorB: Doc
let multimedia: Doc
let home: Doc
let vnexpress: Doc
let task: Doc

const as = (user: Doc) => ({ user, overrideAccess: false as const })
const today = () => calendarDay(new Date())

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  unitA = (await payload.create({
    collection: 'units',
    data: { name: 'Trung tâm Truyền thông', requiresReview: false },
  })) as unknown as Doc
  unitB = (await payload.create({
    collection: 'units',
    data: { name: 'Vụ Pháp chế', requiresReview: false },
  })) as unknown as Doc
  editor = await createUser(payload, { role: 'editor', unit: unitA.id })
  editorB = await createUser(payload, { role: 'editor', unit: unitB.id })
  multimedia = await createUser(payload, { role: 'multimedia', unit: unitA.id })
  home = (await payload.create({
    collection: 'channels',
    data: { name: 'Cổng TTĐT', kind: 'portal', isHome: true, url: 'https://portal.example.gov.vn' },
  })) as unknown as Doc
  vnexpress = (await payload.create({
    collection: 'channels',
    data: { name: 'VnExpress', kind: 'enewspaper' },
  })) as unknown as Doc
  const plan = await payload.create({ collection: 'plans', data: { code: 'KH-C', title: 'Kế hoạch' } })
  task = (await payload.create({
    collection: 'tasks',
    data: {
      plan: plan.id,
      code: '1',
      title: 'Nhiệm vụ 1',
      timeframe: { kind: 'deadline', deadline: dayToInstant('2030-12-31') },
    },
  })) as unknown as Doc
})

afterAll(async () => {
  await t?.cleanup()
})

async function expectFieldError(fn: () => Promise<unknown>, path: string, message: RegExp) {
  const err = await rejectionOf(fn)
  expect(err.status, err.message).toBe(400)
  const field = err.data?.errors?.find((e) => e.path === path)
  expect(field, `expected an error on "${path}", got ${JSON.stringify(err.data?.errors ?? err.message)}`).toBeDefined()
  expect(field?.message).toMatch(message)
}

const article = (title: string, extra: Record<string, unknown> = {}) =>
  payload.create({
    collection: 'articles',
    data: { title, tasks: [task.id], ...extra } as never,
    draft: true,
    ...as(editor),
  })

describe('articles: the newsroom workflow', () => {
  it('draft → autosave → publish → unpublish, with the home publication recorded on publish', async () => {
    const draft = await article('Chuyển đổi số đồng bộ', { summary: 'Tóm tắt' })
    expect(draft._status).toBe('draft')
    expect(draft.unit).toMatchObject({ id: unitA.id })
    expect(draft.publications ?? []).toEqual([])

    await payload.update({
      collection: 'articles',
      id: draft.id,
      data: { title: 'Chuyển đổi số đồng bộ (sửa)' },
      draft: true,
      autosave: true,
      ...as(editor),
    })
    // The public never sees a draft, even after autosaves.
    const anon = await payload.find({
      collection: 'articles',
      overrideAccess: false,
      where: { id: { equals: draft.id } },
    })
    expect(anon.totalDocs).toBe(0)

    const published = await payload.update({
      collection: 'articles',
      id: draft.id,
      data: {
        _status: 'published',
        publications: [{ channel: vnexpress.id, url: 'https://vnexpress.net/a-1', publishedAt: dayToInstant(today()) }],
      } as never,
      ...as(editor),
    })
    expect(published._status).toBe('published')
    expect(published.title).toBe('Chuyển đổi số đồng bộ (sửa)')
    expect(published.lastPublishedBy).toMatchObject({ id: editor.id })
    expect(published.firstPublishedAt).toBeTruthy()
    const rows = (published.publications ?? []).map((p) => ({
      channel: (p.channel as unknown as Doc).id,
      url: p.url,
      day: calendarDay(p.publishedAt as string),
    }))
    expect(rows).toEqual([
      { channel: vnexpress.id, url: 'https://vnexpress.net/a-1', day: today() },
      {
        channel: home.id,
        // Renamed before its first publish: the slug followed the title.
        url: 'https://portal.example.gov.vn/tin-bai/chuyen-doi-so-dong-bo-sua',
        day: calendarDay(published.firstPublishedAt as string),
      },
    ])
    const visible = await payload.find({
      collection: 'articles',
      overrideAccess: false,
      where: { id: { equals: draft.id } },
    })
    expect(visible.totalDocs).toBe(1)

    // Re-publishing keeps the first publish date and does not add a second home row.
    const again = await payload.update({
      collection: 'articles',
      id: draft.id,
      data: { _status: 'published', summary: 'Mới' },
      ...as(editor),
    })
    expect(again.firstPublishedAt).toBe(published.firstPublishedAt)
    expect((again.publications ?? []).filter((p) => (p.channel as unknown as Doc).id === home.id)).toHaveLength(1)

    const unpublished = await payload.update({
      collection: 'articles',
      id: draft.id,
      data: { _status: 'draft' },
      ...as(editor),
    })
    expect(unpublished._status).toBe('draft')
    const gone = await payload.find({
      collection: 'articles',
      overrideAccess: false,
      where: { id: { equals: draft.id } },
    })
    expect(gone.totalDocs).toBe(0)

    const versions = await payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: draft.id } },
      ...as(editor),
    })
    expect(versions.totalDocs).toBeGreaterThanOrEqual(4)
  })

  it('makes Vietnamese-aware, unique slugs that follow the title until the first publish, then stay', async () => {
    const a = await article('Hội nghị Khoa học & Công nghệ 2025!')
    expect(a.slug).toBe('hoi-nghi-khoa-hoc-cong-nghe-2025')
    const b = await article('Hội nghị khoa học, công nghệ 2025')
    expect(b.slug).toBe('hoi-nghi-khoa-hoc-cong-nghe-2025-2')
    const rename = (id: number | string, data: Record<string, unknown>) =>
      payload.update({ collection: 'articles', id, data, draft: true, ...as(editor) })
    // Never published: the automatic slug follows a new title, even when the form sends it back.
    const draftRenamed = await rename(a.id, { title: 'Tiêu đề khác', slug: a.slug })
    expect(draftRenamed.slug).toBe('tieu-de-khac')
    // The admin autosaves a draft before a title is typed: it must not keep the fallback slug.
    const untitled = await payload.create({
      collection: 'articles',
      data: { title: '' } as never,
      draft: true,
      ...as(editor),
    })
    expect(untitled.slug).toBe('bai-viet')
    expect((await rename(untitled.id, { title: 'Bản tin chuyển đổi số', slug: 'bai-viet' })).slug).toBe(
      'ban-tin-chuyen-doi-so',
    )
    // Published once: renaming keeps the link that is out.
    const published = await payload.update({
      collection: 'articles',
      id: b.id,
      data: { _status: 'published' },
      ...as(editor),
    })
    expect(published.slug).toBe('hoi-nghi-khoa-hoc-cong-nghe-2025-2')
    expect((await rename(b.id, { title: 'Đổi tên sau khi đăng', slug: published.slug })).slug).toBe(
      'hoi-nghi-khoa-hoc-cong-nghe-2025-2',
    )
    // A slug the editor chose is kept when the title changes.
    const typed = await article('X', { slug: 'Đường dẫn Tự Chọn' })
    expect(typed.slug).toBe('duong-dan-tu-chon')
    expect((await rename(typed.id, { title: 'Tiêu đề mới', slug: typed.slug })).slug).toBe('duong-dan-tu-chon')
  })

  it('publishes at the scheduled time, through the job runner', async () => {
    const draft = await article('Bài hẹn giờ')
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: 'articles', value: draft.id },
        user: { relationTo: 'users', value: editor.id },
      },
      waitUntil: new Date(Date.now() + 1500),
    } as never)
    await payload.jobs.run()
    expect((await payload.findByID({ collection: 'articles', id: draft.id }))._status).toBe('draft')
    await new Promise((r) => setTimeout(r, 1700))
    await payload.jobs.run()
    const done = await payload.findByID({ collection: 'articles', id: draft.id, depth: 0 })
    expect(done._status).toBe('published')
    expect(done.lastPublishedBy).toBe(editor.id)
    expect((done.publications ?? []).map((p) => p.channel)).toEqual([home.id])
  })
})

describe('infographics and videos go through the same workflow', () => {
  const make = async (collection: 'infographics' | 'videos') =>
    collection === 'infographics'
      ? payload.create({
          collection,
          data: { title: 'Số liệu', alt: 'Biểu đồ', tasks: [task.id] } as never,
          file: await pngFile(600, 400),
          draft: true,
          ...as(multimedia),
        })
      : payload.create({
          collection,
          data: {
            title: 'Video',
            source: 'external',
            externalUrl: 'https://www.youtube.com/watch?v=M7lc1UVf-VE',
            tasks: [task.id],
          } as never,
          draft: true,
          ...as(multimedia),
        })

  for (const collection of ['infographics', 'videos'] as const) {
    it(`${collection}: draft → autosave → publish (home publication) → unpublish → scheduled publish`, async () => {
      const doc = await make(collection)
      expect(doc._status).toBe('draft')
      await payload.update({
        collection,
        id: doc.id,
        data: { title: 'Sửa tự động' },
        draft: true,
        autosave: true,
        ...as(multimedia),
      })
      expect(
        (await payload.find({ collection, overrideAccess: false, where: { id: { equals: doc.id } } })).totalDocs,
      ).toBe(0)

      const published = await payload.update({
        collection,
        id: doc.id,
        data: { _status: 'published' },
        ...as(multimedia),
      })
      expect(published.title).toBe('Sửa tự động')
      expect((published.publications ?? []).map((p) => (p.channel as unknown as Doc).id)).toEqual([home.id])
      expect(published.lastPublishedBy).toMatchObject({ id: multimedia.id })
      expect(
        (await payload.find({ collection, overrideAccess: false, where: { id: { equals: doc.id } } })).totalDocs,
      ).toBe(1)

      await payload.update({ collection, id: doc.id, data: { _status: 'draft' }, ...as(multimedia) })
      expect(
        (await payload.find({ collection, overrideAccess: false, where: { id: { equals: doc.id } } })).totalDocs,
      ).toBe(0)

      await payload.jobs.queue({
        task: 'schedulePublish',
        input: {
          type: 'publish',
          doc: { relationTo: collection, value: doc.id },
          user: { relationTo: 'users', value: multimedia.id },
        },
        waitUntil: new Date(Date.now() - 1000),
      } as never)
      await payload.jobs.run()
      expect((await payload.findByID({ collection, id: doc.id }))._status).toBe('published')
    })
  }
})

describe('publications: bad input is refused with the row and field named', () => {
  const publish = (publications: unknown[]) => async () => {
    const a = await article(`Bài ${Math.random()}`)
    return payload.update({
      collection: 'articles',
      id: a.id,
      data: { _status: 'published', publications } as never,
      ...as(editor),
    })
  }
  it('a malformed URL', async () => {
    await expectFieldError(
      publish([{ channel: vnexpress.id, url: 'vnexpress.net/bai', publishedAt: dayToInstant(today()) }]),
      'publications.0.url',
      /URL http\(s\)/,
    )
    await expectFieldError(
      publish([{ channel: vnexpress.id, url: 'javascript:alert(1)', publishedAt: dayToInstant(today()) }]),
      'publications.0.url',
      /URL http\(s\)/,
    )
  })
  it('a publication date in the future', async () => {
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString()
    await expectFieldError(
      publish([{ channel: vnexpress.id, publishedAt: future }]),
      'publications.0.publishedAt',
      /không được sau hôm nay/,
    )
  })
  it('the same channel twice, or a row without channel or date', async () => {
    const row = { channel: vnexpress.id, publishedAt: dayToInstant(today()) }
    await expectFieldError(publish([row, row]), 'publications.1.channel', /dòng 1/)
    await expectFieldError(publish([{ publishedAt: dayToInstant(today()) }]), 'publications.0.channel', /bắt buộc/)
    await expectFieldError(publish([{ channel: vnexpress.id }]), 'publications.0.publishedAt', /bắt buộc/)
  })
})

describe('search ignores Vietnamese diacritics and case', () => {
  it('finds "Chuyển đổi số" by "chuyen doi so", "CHUYỂN ĐỔI SỐ" and đ as d', async () => {
    const a = await article('Chuyển đổi số ở Quảng Ngãi', { summary: 'Đồng bộ dữ liệu dân cư' })
    const search = async (q: string) =>
      (
        await payload.find({ collection: 'articles', where: { or: [{ searchText: { like: q } }] }, ...as(editor) })
      ).docs.map((d) => d.id)
    for (const q of ['chuyen doi so', 'CHUYỂN ĐỔI SỐ', 'Chuyển đổi số', 'quang ngai', 'dong bo du lieu', 'đồng bộ']) {
      expect(await search(q), q).toContain(a.id)
    }
    expect(await search('khong co bai nay')).not.toContain(a.id)
  })
})

describe('infographics: real uploads through sharp', () => {
  const dir = () => path.join(t.uploadsDir, 'infographics')
  const filesOnDisk = () => (existsSync(dir()) ? readdirSync(dir()).sort() : [])
  const create = (f: Awaited<ReturnType<typeof pngFile>>, data: Record<string, unknown> = {}) =>
    payload.create({
      collection: 'infographics',
      data: { title: 'Số liệu', alt: 'Biểu đồ', tasks: [task.id], ...data } as never,
      file: f,
      draft: data._status !== 'published',
      ...as(multimedia),
    })

  it('stores the original and every declared derivative with its size and format', async () => {
    const doc = await create(await pngFile(2400, 1600, 'so lieu 2025.png'))
    expect(doc.filename).toBe('so-lieu-2025.png')
    const sizes = doc.sizes as Record<
      string,
      { filename?: string | null; width?: number | null; height?: number | null; mimeType?: string | null }
    >
    const expected: Record<string, [number, number, string]> = {
      thumbnail: [300, 200, 'image/png'],
      card: [640, 360, 'image/png'],
      cardWebp: [640, 360, 'image/webp'],
      web: [1280, 853, 'image/png'],
      webWebp: [1280, 853, 'image/webp'],
      og: [1200, 630, 'image/png'],
      square: [1080, 1080, 'image/png'],
    }
    for (const [name, [w, h, mime]] of Object.entries(expected)) {
      const size = sizes[name]
      expect(size?.mimeType, name).toBe(mime)
      const meta = await sharp(path.join(dir(), size!.filename!)).metadata()
      expect([meta.width, meta.height, meta.format], name).toEqual([w, h, mime.split('/')[1]])
      expect([size?.width, size?.height], name).toEqual([w, h])
    }
  })

  it('refuses bad files with a 4xx naming the file, and leaves no row and no file behind', async () => {
    const before = { rows: (await payload.count({ collection: 'infographics' })).totalDocs, files: filesOnDisk() }
    const bad: Array<[string, () => Promise<unknown>, RegExp]> = [
      ['svg with script', () => create(svgWithScript() as never), /SVG/],
      ['html renamed .png', () => create(htmlAsPng() as never), /HTML|không phải ảnh|not an image/i],
      [
        'text renamed .png',
        () =>
          create(
            file(Buffer.from('Báo cáo tiến độ tháng 8\nSố liệu: 20 tin bài\n'), 'notes.png', 'image/png') as never,
          ),
        /văn bản|text|không phải ảnh/i,
      ],
      ['zero bytes', () => create(emptyPng() as never), /rỗng|empty|0 byte/i],
      ['pixel bomb', async () => create(await pixelBombPng()), /megapixel/],
      [
        'over the size limit',
        async () =>
          create(
            file(Buffer.concat([(await pngFile(10, 10)).data, Buffer.alloc(21 * 1024 * 1024)]), 'big.png', 'image/png'),
          ),
        /MB/,
      ],
    ]
    for (const [name, fn, message] of bad) {
      const err = await rejectionOf(fn)
      expect(err.status, `${name}: ${err.message}`).toBe(400)
      const fileError = err.data?.errors?.find((e) => e.path === 'file')
      expect(fileError?.message, name).toMatch(message)
    }
    expect((await payload.count({ collection: 'infographics' })).totalDocs).toBe(before.rows)
    expect(filesOnDisk()).toEqual(before.files)
  })

  it('sanitises hostile file names', async () => {
    const doc = await create(await pngFile(400, 300, '../../etc/\u0007passwd\u0000.png'))
    expect(doc.filename).toMatch(/^[a-z0-9-]+\.png$/)
    expect(doc.filename).not.toMatch(/\.\.|\//)
    expect(existsSync(path.join(dir(), doc.filename as string))).toBe(true)
  })

  it('requires alt text to publish', async () => {
    const err = await rejectionOf(async () => create(await pngFile(100, 100), { alt: '', _status: 'published' }))
    expect(err.status).toBe(400)
    expect(JSON.stringify(err.data)).toMatch(/alt/)
  })
})

describe('videos', () => {
  const create = (data: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    payload.create({
      collection: 'videos',
      data: { title: 'Video', tasks: [task.id], ...data } as never,
      ...as(multimedia),
      ...extra,
    })

  it('stores an external link under its canonical form with provider and id', async () => {
    const v = await create({
      source: 'external',
      externalUrl: 'https://youtu.be/dQw4w9WgXcQ?si=tracking',
      _status: 'published',
    })
    expect(v).toMatchObject({
      provider: 'youtube',
      videoId: 'dQw4w9WgXcQ',
      externalUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    })
  })

  it('refuses a link from an unsupported host or a malformed one', async () => {
    await expectFieldError(
      () => create({ source: 'external', externalUrl: 'https://vimeo.com/123', _status: 'published' }),
      'externalUrl',
      /YouTube, Facebook hoặc TikTok/,
    )
    await expectFieldError(
      () =>
        create({
          source: 'external',
          externalUrl: 'https://youtube.com.evil.com/watch?v=dQw4w9WgXcQ',
          _status: 'published',
        }),
      'externalUrl',
      /YouTube, Facebook hoặc TikTok/,
    )
  })

  it('accepts an uploaded MP4 and refuses a disguised file', async () => {
    const v = await create({ source: 'upload', _status: 'published' }, { file: mp4File() })
    expect(v.mimeType).toBe('video/mp4')
    const err = await rejectionOf(() => create({ source: 'upload' }, { file: htmlAsPng() }))
    expect(err.status).toBe(400)
  })

  it('refuses to publish an upload-sourced video without its file', async () => {
    await expectFieldError(() => create({ source: 'upload', _status: 'published' }), 'file', /MP4\/WebM/)
  })
})

describe('access to content (baseline)', () => {
  it('a multimedia user cannot write articles; an editor cannot edit another unit’s article', async () => {
    const err = await rejectionOf(() =>
      payload.create({ collection: 'articles', data: { title: 'x' } as never, ...as(multimedia) }),
    )
    expect(err.status).toBe(403)
    const a = await article('Của đơn vị A')
    const denied = await rejectionOf(() =>
      payload.update({ collection: 'articles', id: a.id, data: { title: 'hack' }, draft: true, ...as(editorB) }),
    )
    expect([403, 404]).toContain(denied.status)
  })
  it('a producer cannot file an item under another unit, nor move it there: 400 on unit', async () => {
    await expectFieldError(() => article('Đơn vị bị ép', { unit: unitB.id }), 'unit', /nội dung của đơn vị mình/)
    const a = await article('Đơn vị của mình')
    expect((a.unit as unknown as Doc).id).toBe(unitA.id)
    await expectFieldError(
      () =>
        payload.update({
          collection: 'articles',
          id: a.id,
          data: { unit: unitB.id } as never,
          draft: true,
          ...as(editor),
        }),
      'unit',
      /nội dung của đơn vị mình/,
    )
    const kept = await payload.findByID({ collection: 'articles', id: a.id, depth: 0, draft: true })
    expect(kept.unit).toBe(unitA.id)
  })
})
