import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { dayToInstant } from '../../src/domain/calendar'
import { formatViNumber, STATUS_VI } from '../../src/domain/mailText'
import type { QuotaReport } from '../../src/domain/reportAssembly'
import { storeReportSnapshot } from '../../src/plugin/scheduler/reportSnapshot'
import {
  appendixRows,
  expectedResultRows,
  readDocx,
  resultNumbers,
  resultRows,
  totalsRow,
  type ReadBack,
} from '../fixtures/reportDocument'
import { restClient } from './helpers/rest'
import { createUser, startTestPayload, type TestPayload } from './helpers/testPayload'

/**
 * The report document (.docx) on a real Postgres, read back with mammoth: its table has the
 * numbers of the JSON report for the same plan and day, its appendix exactly the items the
 * drill-down says are counted, with their links; a plan written in Vietnamese in every field
 * comes back as written; bad input is refused with the field named; PDF is 501 without
 * LibreOffice and never a broken file.
 */

type Doc = Record<string, unknown> & { id: number }

let t: TestPayload
let payload: Payload
let rest: ReturnType<typeof restClient>
let managerToken: string
let editorToken: string
let plan: Doc
let bare: Doc
let tasks: Doc[]
let center: Doc
let signerHere: Doc
let signerElsewhere: Doc
const urls: Record<string, string> = {}

const AS_OF = '2025-08-20'

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  rest = restClient(payload)
  const unit = async (data: Record<string, unknown>) =>
    (await payload.create({ collection: 'units', data: { requiresReview: false, ...data } as never })) as unknown as Doc
  const ministry = await unit({ name: 'Bộ Khoa học và Công nghệ', kind: 'ministry' })
  center = await unit({
    name: 'Trung tâm Truyền thông Khoa học và Công nghệ',
    kind: 'center',
    parent: ministry.id,
    letterhead: { code: 'TTTT', place: 'Hà Nội' },
  })
  const other = await unit({ name: 'Vụ Pháp chế', parent: ministry.id })
  const channel = async (name: string, kind: string, isHome = false) =>
    (await payload.create({ collection: 'channels', data: { name, kind, isHome } as never })) as unknown as Doc
  await channel('Cổng Thông tin điện tử Bộ', 'portal', true)
  const vnexpress = await channel('Báo điện tử VnExpress', 'enewspaper')
  const facebook = await channel('Trang Facebook "Khoa học & Đời sống"', 'social')
  signerHere = (await createUser(payload, { role: 'manager', unit: center.id, name: 'Nguyễn Thị Hồng Nhung' })) as Doc
  signerElsewhere = (await createUser(payload, { role: 'manager', unit: other.id, name: 'Trần Văn Bình' })) as Doc
  plan = (await payload.create({
    collection: 'plans',
    data: {
      code: '02-KH/BKHCN',
      title: 'Kế hoạch truyền thông về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số năm 2025',
      period: { from: dayToInstant('2025-01-01'), to: dayToInstant('2025-12-31') },
      reporting: { monthlyDay: 20 },
      reportDocument: {
        issuingUnit: center.id,
        signerAuthority: 'KT. Giám đốc',
        signerTitle: 'Phó Giám đốc',
        signerName: 'Lê Quốc Hùng',
        recipients: 'Lãnh đạo Bộ (để báo cáo);\nVăn phòng Bộ;\nLưu: VT, TTTT.',
      },
    } as never,
  })) as unknown as Doc
  const task = async (code: string, title: string, deadline: string, targets: unknown[]) =>
    (await payload.create({
      collection: 'tasks',
      data: {
        plan: plan.id,
        code,
        title,
        sortOrder: Number(code.replace(/\D/g, '')),
        leadUnits: [center.id],
        timeframe: { kind: 'deadline', deadline: dayToInstant(deadline) },
        targets,
      } as never,
    })) as unknown as Doc
  const channels = [vnexpress.id, facebook.id]
  tasks = [
    await task('III.1', 'Tuyên truyền Nghị quyết 57-NQ/TW về đột phá phát triển khoa học, công nghệ', '2025-08-30', [
      {
        kind: 'content',
        quantity: 4,
        contentTypes: ['articles'],
        channels,
        mode: 'pooled',
        label: 'Tin bài, phóng sự',
      },
    ]),
    await task('III.2', 'Sản xuất infographic "Chuyển đổi số" <b>quốc gia</b>', '2025-09-15', [
      { kind: 'content', quantity: 1, contentTypes: ['articles'], channels, mode: 'perChannel' },
      { kind: 'deliverable', label: 'Báo cáo sơ kết 6 tháng' },
    ]),
  ]
  const editor = (await createUser(payload, { role: 'editor', unit: center.id })) as Doc
  const publish = async (title: string, on: Doc[], pubs: Array<[Doc, string]>) => {
    const doc = await payload.create({
      collection: 'articles',
      data: {
        title,
        _status: 'published',
        tasks: on.map((x) => x.id),
        publications: pubs.map(([c, day], i) => {
          const url = `https://vnexpress.net/${encodeURIComponent(title.slice(0, 12))}-${i}.html`
          urls[`${title}|${String(c.name)}`] = url
          return { channel: c.id, publishedAt: dayToInstant(day), url }
        }),
      } as never,
      user: editor,
      overrideAccess: false,
    })
    return doc
  }
  await publish(
    'Hội thảo "Đổi mới sáng tạo" <b>2025</b> & chuyển đổi số',
    [tasks[0]!],
    [
      [vnexpress, '2025-08-01'],
      [facebook, '2025-08-02'],
    ],
  )
  await publish(
    'Phóng sự: Nhà khoa học trẻ Việt Nam',
    [tasks[0]!, tasks[1]!],
    [
      [vnexpress, '2025-08-10'],
      [facebook, '2025-08-11'],
    ],
  )
  await publish('Bài đăng sau ngày báo cáo', [tasks[0]!], [[facebook, '2025-09-05']])
  bare = (await payload.create({
    collection: 'plans',
    data: { code: 'KH-TRỐNG', title: 'Kế hoạch chưa giao chỉ tiêu' },
  })) as unknown as Doc
  await payload.create({
    collection: 'tasks',
    data: {
      plan: bare.id,
      code: '1',
      title: 'Nhiệm vụ chưa có chỉ tiêu',
      timeframe: { kind: 'deadline', deadline: dayToInstant('2025-12-31') },
    } as never,
  })
  const manager = await createUser(payload, { role: 'manager', unit: center.id })
  managerToken = await rest.login(manager.email as string, 'test-Password-1')
  editorToken = await rest.login(editor.email as string, 'test-Password-1')
})

afterAll(async () => {
  await t?.cleanup()
})

afterEach(() => {
  delete process.env.OFFICE_PATH
})

async function download(query: string, token = managerToken): Promise<{ res: Response; back: ReadBack | null }> {
  const res = await rest.raw(query, { token })
  if (res.status !== 200 || !res.headers.get('content-type')?.includes('wordprocessingml')) return { res, back: null }
  return { res, back: await readDocx(Buffer.from(await res.arrayBuffer())) }
}

/** What the drill-down says is counted for every task of the plan as of the day: title → channel names. */
async function drillDownCounted(): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>()
  for (const task of tasks) {
    const res = await rest.get(`quota/task?task=${task.id}&asOf=${AS_OF}`, { token: managerToken })
    const targets = res.json.targets as Array<{
      items: Array<{ title: string; counted: boolean; channels: Array<{ name: string }> }>
    }>
    for (const target of targets)
      for (const item of target.items) {
        if (!item.counted) continue
        const set = out.get(item.title) ?? new Set<string>()
        for (const c of item.channels) set.add(c.name)
        out.set(item.title, set)
      }
  }
  return out
}

describe('GET /api/quota/report?format=docx', () => {
  it('has the JSON report’s numbers in its table and exactly the counted items, with links, in its appendix', async () => {
    const json = (await rest.get(`quota/report?plan=${plan.id}&asOf=${AS_OF}`, { token: managerToken }))
      .json as unknown as QuotaReport
    const { res, back } = await download(`quota/report?plan=${plan.id}&asOf=${AS_OF}&format=docx`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="bao-cao-02-kh-bkhcn-${AS_OF}.docx"`)
    expect(back).not.toBeNull()
    const doc = back!
    expect(resultNumbers(resultRows(doc))).toEqual(expectedResultRows(json, formatViNumber, STATUS_VI))
    const totals = totalsRow(doc)!
    expect(totals.slice(1)).toEqual([
      formatViNumber(json.totals.target),
      formatViNumber(json.totals.achieved),
      `${formatViNumber(json.totals.percent)}%`,
    ])

    const counted = await drillDownCounted()
    const rows = appendixRows(doc)
    const listed = new Map<string, Set<string>>()
    for (const [, title, , channel] of rows) {
      const set = listed.get(title!) ?? new Set<string>()
      set.add(channel!)
      listed.set(title!, set)
    }
    expect(listed).toEqual(counted)
    expect([...listed.keys()]).not.toContain('Bài đăng sau ngày báo cáo')
    // Every publication row links where the item was published, and only those links are there.
    for (const [, title, , channel, , link] of rows) expect(link).toBe(urls[`${title}|${channel}`])
    expect(doc.links.sort()).toEqual(rows.map((r) => r[5]).sort())
  })

  it('keeps the Vietnamese of every field as written: header, subject, tasks, items, signature', async () => {
    const { back } = await download(`quota/report?plan=${plan.id}&asOf=${AS_OF}&format=docx`)
    const text = back!.text
    for (const expected of [
      'BỘ KHOA HỌC VÀ CÔNG NGHỆ',
      'TRUNG TÂM TRUYỀN THÔNG KHOA HỌC VÀ CÔNG NGHỆ',
      '/BC-TTTT',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BÁO CÁO',
      'Kết quả thực hiện Kế hoạch số 02-KH/BKHCN tháng 08/2025',
      'Tuyên truyền Nghị quyết 57-NQ/TW về đột phá phát triển khoa học, công nghệ',
      'Sản xuất infographic "Chuyển đổi số" <b>quốc gia</b>',
      'Hội thảo "Đổi mới sáng tạo" <b>2025</b> & chuyển đổi số',
      'Trang Facebook "Khoa học & Đời sống"',
      '- Lãnh đạo Bộ (để báo cáo);',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Lê Quốc Hùng',
      'Phụ lục: Danh sách tin bài, sản phẩm truyền thông',
    ])
      expect(text).toContain(expected)
    expect(back!.paragraphs.some((p) => /^Hà Nội, ngày \d{2} tháng \d{1,2} năm \d{4}$/.test(p))).toBe(true)
  })

  it('a plan without targets says so instead of an empty table', async () => {
    const { res, back } = await download(`quota/report?plan=${bare.id}&asOf=${AS_OF}&format=docx`)
    expect(res.status).toBe(200)
    expect(back!.text).toContain('chưa được giao chỉ tiêu')
    expect(resultRows(back!)).toEqual([])
    expect(back!.tables.some((tb) => tb[0]?.[0] === 'STT' && tb[0]?.[1] === 'Nhiệm vụ')).toBe(false)
  })

  it('refuses: unknown plan 404, bad parameters 400 naming them, other roles 403', async () => {
    const unknown = await rest.get(`quota/report?plan=987654&asOf=${AS_OF}&format=docx`, { token: managerToken })
    expect(unknown.status).toBe(404)
    const badFormat = await rest.get(`quota/report?plan=${plan.id}&format=doc`, { token: managerToken })
    expect(badFormat.status).toBe(400)
    expect(badFormat.json.errors?.[0]).toMatchObject({ field: 'format' })
    const badDay = await rest.get(`quota/report?plan=${plan.id}&asOf=20-08-2025&format=docx`, { token: managerToken })
    expect(badDay.json.errors?.[0]).toMatchObject({ field: 'asOf' })
    expect((await rest.get(`quota/report?plan=${plan.id}&format=docx`, { token: editorToken })).status).toBe(403)
    expect((await rest.get(`quota/report?plan=${plan.id}&format=docx`)).status).toBe(401)
  })
})

describe('the periodic report record', () => {
  let record: number

  beforeAll(async () => {
    const snapshot = await storeReportSnapshot(payload, {
      slot: `quota-report:plan-${plan.id}:${AS_OF}`,
      plan: plan.id,
      day: AS_OF,
      labels: ['Báo cáo tháng 8/2025'],
    })
    record = snapshot!.id
  })

  it('keeps the counted items of its day, the same the on-demand document lists', async () => {
    const stored = await payload.findByID({ collection: 'quota-reports', id: record, depth: 0 })
    const evidence = stored.evidence as Array<{ title: string }>
    expect(new Set(evidence.map((e) => e.title))).toEqual(new Set((await drillDownCounted()).keys()))
  })

  it('takes a signer of the issuing unit only: another unit’s is a 400 naming the field', async () => {
    const wrong = await rest.patch(`quota-reports/${record}`, { signer: signerElsewhere.id }, { token: managerToken })
    expect(wrong.status).toBe(400)
    const detail = (wrong.json.errors?.[0] as { data?: { errors?: Array<{ path: string; message: string }> } }).data
    expect(detail?.errors?.[0]?.path).toBe('signer')
    expect(detail?.errors?.[0]?.message).toContain('Trung tâm Truyền thông Khoa học và Công nghệ')
    const right = await rest.patch(
      `quota-reports/${record}`,
      {
        signer: signerHere.id,
        issues: 'Một số đơn vị chưa cập nhật đường dẫn.\n<script>alert("x")</script> & <b>đậm</b>',
        directions: 'Đẩy mạnh truyền thông trên nền tảng số.',
        report: { tampered: true },
      },
      { token: managerToken },
    )
    expect(right.status).toBe(200)
    const saved = await payload.findByID({ collection: 'quota-reports', id: record, depth: 0 })
    // The numbers of the day are not the user's to change.
    expect((saved.report as unknown as QuotaReport).plan.id).toBe(plan.id)
  })

  it('downloads with its texts (markup shown as text) and signer, and is marked sent', async () => {
    const { res, back } = await download(`quota/periodic-report?id=${record}&format=docx`)
    expect(res.status).toBe(200)
    expect(back!.paragraphs).toContain('<script>alert("x")</script> & <b>đậm</b>')
    expect(back!.html).toContain('&lt;script&gt;')
    expect(back!.text).toContain('Đẩy mạnh truyền thông trên nền tảng số.')
    expect(back!.text).toContain('Nguyễn Thị Hồng Nhung')
    expect(back!.text).not.toContain('Lê Quốc Hùng')
    const sent = await rest.patch(`quota-reports/${record}`, { sent: true }, { token: managerToken })
    expect(sent.status).toBe(200)
    const doc = await payload.findByID({ collection: 'quota-reports', id: record, depth: 0 })
    expect(doc.sent).toBe(true)
    expect(Date.parse(String(doc.sentAt))).toBeGreaterThan(Date.now() - 60_000)
    expect((await rest.get(`quota/periodic-report?id=987654`, { token: managerToken })).status).toBe(404)
    const bad = await rest.get(`quota/periodic-report?id=${record}&format=odt`, { token: managerToken })
    expect(bad.json.errors?.[0]).toMatchObject({ field: 'format' })
  })
})

describe('?format=pdf', () => {
  let dir: string

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'fake-office-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  /** A stand-in `soffice` that writes `body` where LibreOffice writes the PDF (after --outdir). */
  async function fakeOffice(name: string, body: string): Promise<string> {
    const bin = path.join(dir, name)
    await mkdir(bin, { recursive: true })
    const script = `#!/bin/sh\nwhile [ "$1" != "--outdir" ]; do shift; done\nprintf '%s' '${body}' > "$2/report.pdf"\n`
    await writeFile(path.join(bin, 'soffice'), script)
    await chmod(path.join(bin, 'soffice'), 0o755)
    return bin
  }

  it('answers 501 naming the Debian package where LibreOffice is not installed', async () => {
    process.env.OFFICE_PATH = ''
    const res = await rest.get(`quota/report?plan=${plan.id}&asOf=${AS_OF}&format=pdf`, { token: managerToken })
    expect(res.status).toBe(501)
    expect(res.json.errors?.[0]?.message).toContain('libreoffice-writer')
    const stored = await rest.get(`quota/periodic-report?id=1&format=pdf`, { token: managerToken })
    expect(stored.status).toBe(501)
  })

  it('sends the converter’s PDF, and never a file that is not a complete PDF', async () => {
    process.env.OFFICE_PATH = await fakeOffice('good', '%PDF-1.7\\n1 0 obj<<>>endobj\\ntrailer<<>>\\n%%EOF\\n')
    const ok = await rest.raw(`quota/report?plan=${plan.id}&asOf=${AS_OF}&format=pdf`, { token: managerToken })
    expect(ok.status).toBe(200)
    expect(ok.headers.get('content-type')).toBe('application/pdf')
    expect(
      Buffer.from(await ok.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')
    process.env.OFFICE_PATH = await fakeOffice('broken', '%PDF-1.7 truncated')
    const broken = await rest.get(`quota/report?plan=${plan.id}&asOf=${AS_OF}&format=pdf`, { token: managerToken })
    expect(broken.status).toBe(500)
    expect(broken.json.errors?.[0]?.message).toContain('.docx')
  })
})

describe('the appendix links home-portal publications an editor recorded without a URL', () => {
  it('gives them the item’s portal address, as the feeds do', async () => {
    const home = (await payload.find({ collection: 'channels', where: { isHome: { equals: true } }, limit: 1 }))
      .docs[0]!
    await payload.update({ collection: 'channels', id: home.id, data: { url: 'https://mst.gov.vn/' } as never })
    try {
      const own = (await payload.create({
        collection: 'plans',
        data: {
          code: 'KH-CONG',
          title: 'Tin trên cổng',
          period: { from: dayToInstant('2025-01-01'), to: dayToInstant('2025-12-31') },
        } as never,
      })) as unknown as Doc
      const onPortal = (await payload.create({
        collection: 'tasks',
        data: {
          plan: own.id,
          code: '1',
          title: 'Tin trên cổng',
          timeframe: { kind: 'deadline', deadline: dayToInstant('2025-12-31') },
          targets: [{ kind: 'content', quantity: 2, contentTypes: ['articles'], channels: [home.id], mode: 'pooled' }],
        } as never,
      })) as unknown as Doc
      const article = await payload.create({
        collection: 'articles',
        data: {
          title: 'Ra mắt Cổng dữ liệu khoa học',
          _status: 'published',
          tasks: [onPortal.id],
          // Entered by hand on the home channel, without its address.
          publications: [{ channel: home.id, publishedAt: dayToInstant('2025-08-10') }],
        } as never,
      })
      const { back } = await download(`quota/report?plan=${own.id}&asOf=${AS_OF}&format=docx`)
      const rows = appendixRows(back!)
      expect(rows.map((r) => [r[1], r[5]])).toEqual([
        ['Ra mắt Cổng dữ liệu khoa học', `https://mst.gov.vn/tin-bai/${String(article.slug)}`],
      ])
    } finally {
      await payload.update({ collection: 'channels', id: home.id, data: { url: null } as never })
    }
  })
})
