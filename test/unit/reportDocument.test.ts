import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { formatViNumber } from '../../src/domain/mailText'
import type { QuotaReport } from '../../src/domain/reportAssembly'
import {
  documentText,
  nextReportPeriod,
  paragraphsOf,
  placeDateLine,
  reportDocument,
  type ReportDocumentInput,
} from '../../src/domain/reportDocument'
import { countedItems, type LedgerRow } from '../../src/domain/reportEvidence'
import { convertDocxToPdf } from '../../src/plugin/report/pdf/convertToPdf'
import { reportDocx } from '../../src/plugin/report/reportDocx'
import { readDocx, SETTINGS, syntheticReport } from '../fixtures/reportDocument'

/** The report document (Decree 30 layout) as data, and the .docx the renderer makes of it. */

const input = (over: Partial<ReportDocumentInput> = {}): ReportDocumentInput => {
  const { report, items } = syntheticReport(3, 4)
  return {
    report,
    items,
    settings: SETTINGS,
    nextPeriod: { from: '2025-11-21', to: '2025-12-20' },
    today: '2025-11-20',
    ...over,
  }
}

describe('the report document model', () => {
  it('has the header, number, place and date, type and subject of a Decree 30 report', () => {
    const doc = reportDocument(input())
    expect(doc.header.parentBody).toBe('BỘ KHOA HỌC VÀ CÔNG NGHỆ')
    expect(doc.header.unitName).toBe('TRUNG TÂM TRUYỀN THÔNG KH&CN')
    expect(doc.header.number).toMatch(/^Số: +\/BC-TTTT$/)
    expect(doc.header.nation).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    expect(doc.header.motto).toBe('Độc lập - Tự do - Hạnh phúc')
    expect(doc.header.placeDate).toBe('Hà Nội, ngày 20 tháng 11 năm 2025')
    expect(doc.kind).toBe('BÁO CÁO')
    expect(doc.subject).toBe('Kết quả thực hiện Kế hoạch số 02-KH/BKHCN tháng 11/2025')
    expect(doc.signature).toEqual({ authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Thị Hồng Nhung' })
    expect(doc.recipients.lines).toEqual(['- Lãnh đạo Bộ (để b/c);', '- Văn phòng Bộ;', '- Lưu: VT, TTTT.'])
  })

  it('writes days below 10 and the months 1 and 2 with a leading zero', () => {
    expect(placeDateLine('Hà Nội', '2026-02-05')).toBe('Hà Nội, ngày 05 tháng 02 năm 2026')
    expect(placeDateLine('Đà Nẵng', '2026-03-09')).toBe('Đà Nẵng, ngày 09 tháng 3 năm 2026')
    expect(placeDateLine(null, '2026-12-20')).toBe('ngày 20 tháng 12 năm 2026')
  })

  it('puts every target of every task in the results table, with the report numbers', () => {
    const i = input()
    const doc = reportDocument(i)
    expect(doc.results.noTargets).toBeNull()
    expect(doc.results.tasks.map((t) => t.stt)).toEqual(i.report.tasks.map((t) => t.code))
    const rows = doc.results.tasks.flatMap((t) => t.targets)
    const targets = i.report.tasks.flatMap((t) => t.targets)
    expect(rows.map((r) => [r.target, r.achieved, r.percent])).toEqual(
      targets.map((t) => [formatViNumber(t.target), formatViNumber(t.achieved), `${formatViNumber(t.percent)}%`]),
    )
    expect(doc.results.totals?.achieved).toBe(formatViNumber(i.report.totals.achieved))
  })

  it('a plan without targets gets a sentence saying so, not an empty table', () => {
    const { report } = syntheticReport(2, 0)
    const bare: QuotaReport = { ...report, tasks: report.tasks.map((t) => ({ ...t, targets: [] })) }
    const doc = reportDocument(input({ report: bare, items: [] }))
    expect(doc.results.noTargets).toMatch(/chưa được giao chỉ tiêu/)
    expect(doc.results.tasks).toEqual([])
    expect(doc.results.totals).toBeNull()
    expect(reportDocument(input({ report: { ...bare, tasks: [] }, items: [] })).results.noTargets).toMatch(
      /chưa có nhiệm vụ/,
    )
  })

  it('lists behind and overdue targets in section II and the next deadlines in section III', () => {
    const i = input()
    const doc = reportDocument(i)
    const lagging = i.report.tasks
      .flatMap((t) => t.targets)
      .filter((t) => t.status === 'behind' || t.status === 'overdue')
    expect(doc.issues.listed).toHaveLength(lagging.length)
    const { report } = syntheticReport(12, 0)
    const next = reportDocument(input({ report, nextPeriod: { from: '2025-11-21', to: '2025-12-31' } }))
    // Task 11 (index 11) has its window ending 2025-12-28; done targets are not listed.
    const due = report.tasks
      .flatMap((t) => t.targets)
      .filter((t) => t.status !== 'done' && t.window!.to >= '2025-11-21' && t.window!.to <= '2025-12-31')
    expect(next.directions.listed.slice(1)).toHaveLength(due.length)
  })

  it('shows markup in the narrative texts as text and drops what XML cannot carry', () => {
    const doc = reportDocument(
      input({ narrative: { issues: '<script>alert(1)</script>\n\n  <b>đậm</b> ', directions: 'a\u0000b\u0007c' } }),
    )
    expect(doc.issues.text).toEqual(['<script>alert(1)</script>', '<b>đậm</b>'])
    expect(doc.directions.text).toEqual(['abc'])
    expect(documentText('x\uD800y')).toBe('xy')
    expect(paragraphsOf(null)).toEqual([])
  })

  it('without recipients keeps the archive line; without a schedule looks a month ahead', () => {
    const doc = reportDocument(input({ settings: { ...SETTINGS, recipients: [] } }))
    expect(doc.recipients.lines).toEqual(['- Lưu: VT, TTTT.'])
    expect(nextReportPeriod({ monthlyDay: null, fixedDates: [] }, '2025-01-31')).toEqual({
      from: '2025-02-01',
      to: '2025-02-28',
    })
    expect(nextReportPeriod({ monthlyDay: 20, fixedDates: [{ day: 15, month: 12 }] }, '2025-11-20')).toEqual({
      from: '2025-11-21',
      to: '2025-12-15',
    })
  })
})

describe('the counted items (appendix)', () => {
  const { report } = syntheticReport(1, 0)
  const task = report.tasks[0]!
  const content = task.targets[0]!
  const [c1, c2] = content.channels as [number, number]
  const row = (item: number, channel: number, day: string, contentType = 'articles'): LedgerRow => ({
    task: task.id,
    contentType,
    item,
    channel,
    day,
  })

  it('lists exactly what the report counts: in the window, on its channels, of its types, once', () => {
    const win = content.window!
    const rows = [
      row(1, c1, win.from),
      row(1, c2, win.from), // same item on two channels: once, with both publications
      row(2, c1, '2025-11-21'), // after the report day
      row(3, 99, win.from), // not one of the target's channels
      row(4, c1, win.from, 'infographics'), // not one of its types
      row(5, c1, '2025-12-30'), // late and after the report day
    ]
    const items = countedItems(report, rows)
    expect(items.map((i) => i.item)).toEqual([1])
    expect(items[0]!.publications).toHaveLength(2)
    expect(items[0]!.tasks).toEqual([task.id])
  })
})

describe('the .docx', () => {
  it('is A4 with the Decree margins in Times New Roman, and reads back with the same texts', async () => {
    const i = input({ narrative: { issues: '<b>Tồn tại</b> & "hạn chế"', directions: null } })
    const buffer = await reportDocx(reportDocument(i))
    const zip = await JSZip.loadAsync(buffer)
    const xml = await zip.file('word/document.xml')!.async('string')
    // 210 × 297 mm; top 20, right 15, bottom 20, left 30 mm in twips.
    const sections = [...xml.matchAll(/<w:pgSz ([^>]*)\/><w:pgMar ([^>]*)\/>/g)].map((m) => `${m[1]} ${m[2]}`)
    expect(sections).toHaveLength(2)
    expect(sections[0]).toMatch(/^w:w="11906" w:h="16838" .*w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/)
    // The appendix is the same A4 sheet turned.
    expect(sections[1]).toMatch(/^w:w="16838" w:h="11906" w:orient="landscape"/)
    const styles = await zip.file('word/styles.xml')!.async('string')
    expect(styles.includes('w:ascii="Times New Roman"')).toBe(true)
    const back = await readDocx(buffer)
    expect(back.paragraphs).toContain('<b>Tồn tại</b> & "hạn chế"')
    expect(back.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    expect(back.text).toContain('Phụ lục: Danh sách tin bài, sản phẩm truyền thông')
    expect(back.links).toEqual(i.items.flatMap((it) => it.publications.flatMap((p) => (p.url ? [p.url] : []))))
  })
})

describe('PDF through LibreOffice', () => {
  /** A stand-in soffice: a shell script on a PATH of its own. */
  async function fake(script: string): Promise<{ env: Record<string, string>; dir: string }> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'fake-soffice-'))
    await writeFile(path.join(dir, 'soffice'), `#!/bin/sh\n${script}\n`)
    await chmod(path.join(dir, 'soffice'), 0o755)
    return { env: { OFFICE_PATH: dir }, dir }
  }

  it('is unavailable without soffice or libreoffice on the search path', async () => {
    expect(await convertDocxToPdf(Buffer.from('x'), { env: { OFFICE_PATH: '' } })).toEqual({
      ok: false,
      reason: 'unavailable',
    })
  })

  it('kills a conversion that runs past the timeout, and reports one that writes nothing', async () => {
    const slow = await fake('sleep 30')
    const started = Date.now()
    const timedOut = await convertDocxToPdf(Buffer.from('x'), { env: slow.env, timeoutMs: 300 })
    expect(timedOut).toMatchObject({ ok: false, reason: 'failed' })
    expect(Date.now() - started).toBeLessThan(10_000)
    const silent = await fake('exit 0')
    expect(await convertDocxToPdf(Buffer.from('x'), { env: silent.env })).toMatchObject({ ok: false, reason: 'failed' })
    const crashing = await fake('echo boom >&2; exit 3')
    const crashed = await convertDocxToPdf(Buffer.from('x'), { env: crashing.env })
    expect(crashed).toMatchObject({ ok: false, reason: 'failed' })
    expect(crashed.ok ? '' : 'detail' in crashed ? crashed.detail : '').toContain('boom')
    for (const f of [slow, silent, crashing]) await rm(f.dir, { recursive: true, force: true })
  })
})
