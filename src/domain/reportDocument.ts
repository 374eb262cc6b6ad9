/**
 * The periodic report as the administrative document a manager signs and sends ("Báo cáo kết
 * quả thực hiện Kế hoạch …", laid out as Decree 30/2020/NĐ-CP requires), as plain data: every
 * line and table cell of the document, from the same report object GET /api/quota/report
 * returns, the counted items, the plan's and unit's document settings and the manager's texts.
 * Pure: the renderer (src/plugin/report/reportDocx.ts) only lays this out, so what the document
 * says can be tested without Word, and every number in it is one the report computed.
 */
import { formatViDay } from './calendar'
import { formatViNumber, STATUS_VI } from './mailText'
import type { DayWindow, TargetStatus } from './quota'
import type { QuotaReport, ReportTarget } from './reportAssembly'
import { addDays, reportOccasions, type ReportingSchedule } from './schedule'
import { slugify } from './vietnamese'

/** The header and signature values, from the plan's and its issuing unit's settings. */
export interface DocumentSettings {
  /** Cơ quan, tổ chức chủ quản: "Bộ Khoa học và Công nghệ" (shown upper case). */
  parentBody: string | null
  /** The issuing unit: "Trung tâm Truyền thông KH&CN" (shown upper case, bold). */
  unitName: string | null
  /** Its abbreviation on documents: "TTTT" in "Số: …/BC-TTTT". */
  unitCode: string | null
  /** Địa danh: "Hà Nội" in "Hà Nội, ngày … tháng … năm …". */
  place: string | null
  signer: {
    /** Quyền hạn: "KT. GIÁM ĐỐC", "TL. BỘ TRƯỞNG"; empty when the head signs. */
    authority: string | null
    /** Chức vụ: "PHÓ GIÁM ĐỐC". */
    title: string | null
    name: string | null
  }
  /** Nơi nhận, one recipient a line ("Như trên;", "Lưu: VT, TTTT."). */
  recipients: string[]
}

/** A counted item of the appendix (the evidence): what it is, where and when it was published. */
export interface AppendixItem {
  title: string
  /** Content collection slug: articles, infographics, videos (or a host's own). */
  type: string
  /** Its publications on the channels of the targets it counted for, up to the report day. */
  publications: Array<{ channel: string; day: string; url: string | null }>
  /** Codes of the tasks it counted for. */
  tasks: string[]
}

export interface ReportDocumentInput {
  report: QuotaReport
  items: AppendixItem[]
  settings: DocumentSettings
  /** The manager's own texts for sections II and III; plain text, one paragraph a line. */
  narrative?: { issues?: string | null; directions?: string | null }
  /** Section III lists the deadlines falling in this window (nextReportPeriod). */
  nextPeriod: DayWindow
  /** The day the document is dated (its "ngày … tháng … năm …"). */
  today: string
}

/** One target's row of the results table. `target` and `achieved` are numbers as the report has them. */
export interface ResultTargetRow {
  /** What the target asks for: "Tin bài; 4 kênh", a deliverable's or indicator's label. */
  description: string
  target: string
  achieved: string
  percent: string
  status: string
}

/** A task of the results table: its own cells once, then one row per target. */
export interface ResultTaskRows {
  stt: string
  task: string
  leadUnits: string
  targets: ResultTargetRow[]
}

export interface AppendixRow {
  stt: string
  title: string
  type: string
  /** One entry per publication: channel, day and link line up. */
  channels: string[]
  days: string[]
  links: string[]
  tasks: string
}

export interface ReportDocument {
  header: {
    parentBody: string
    unitName: string
    /** "Số:      /BC-TTTT": the number is left for the clerk who registers the document. */
    number: string
    nation: string
    motto: string
    placeDate: string
  }
  kind: string
  subject: string
  intro: string
  results: {
    heading: string
    summary: string[]
    /** When the plan has no targets: the sentence that says so, and no table. */
    noTargets: string | null
    columns: string[]
    tasks: ResultTaskRows[]
    totals: { label: string; target: string; achieved: string; percent: string } | null
  }
  issues: { heading: string; listed: string[]; text: string[] }
  directions: { heading: string; listed: string[]; text: string[] }
  recipients: { heading: string; lines: string[] }
  signature: { authority: string; title: string; name: string }
  appendix: {
    heading: string
    subtitle: string
    columns: string[]
    rows: AppendixRow[]
    empty: string | null
  }
  /** File name without extension: bao-cao-<plan code>-<day>, as the stored XLSX is named. */
  filename: string
}

export const CONTENT_TYPE_VI: Record<string, string> = {
  articles: 'Tin bài',
  infographics: 'Infographic',
  videos: 'Video',
}

const KIND_VI: Record<ReportTarget['kind'], string> = {
  content: 'Nội dung',
  deliverable: 'Sản phẩm, báo cáo',
  indicator: 'Chỉ số',
}

/** Targets needing attention in section II (the issue: "behind or overdue"). */
const LAGGING: ReadonlySet<TargetStatus> = new Set<TargetStatus>(['behind', 'overdue'])

/**
 * Text as it may stand in a document: characters XML 1.0 forbids (controls other than tab and
 * line breaks, lone surrogates, U+FFFE/U+FFFF) are dropped, since one of them makes Word refuse
 * the whole file. Markup is not interpreted anywhere: "<b>" stays the three characters.
 */
export function documentText(value: unknown): string {
  if (value === null || value === undefined) return ''
  return String(value).replace(
    // eslint-disable-next-line no-control-regex -- exactly the characters XML cannot carry
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '',
  )
}

/** A manager's text as paragraphs: one a line, blank lines and surrounding spaces dropped. */
export function paragraphsOf(text: string | null | undefined): string[] {
  return documentText(text)
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
}

const upper = (text: string | null | undefined): string => documentText(text).trim().toLocaleUpperCase('vi')

/**
 * "Hà Nội, ngày 05 tháng 02 năm 2026": Decree 30 (Appendix I, II.5) writes a day below 10 and
 * the months 1 and 2 with a leading zero, so nobody can add a digit after signing.
 */
export function placeDateLine(place: string | null, day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const dd = d < 10 ? `0${d}` : String(d)
  const mm = m <= 2 ? `0${m}` : String(m)
  const where = documentText(place).trim()
  return `${where ? `${where}, ` : ''}ngày ${dd} tháng ${mm} năm ${y}`
}

/** The period section III looks ahead to: from the day after the report to the next reporting day. */
export function nextReportPeriod(schedule: ReportingSchedule, asOf: string): DayWindow {
  const from = addDays(asOf, 1)
  const next = reportOccasions(schedule, from, addDays(asOf, 400))[0]?.day
  if (next) return { from, to: next }
  // No schedule: a month ahead.
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number]
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate()
  const to = new Date(Date.UTC(y, m, Math.min(d, last)))
  return { from, to: to.toISOString().slice(0, 10) }
}

const percentText = (n: number): string => `${formatViNumber(n)}%`

function describeTarget(t: ReportTarget, channelName: Map<number, string>): string {
  if (t.kind !== 'content') return documentText(t.label).trim() || KIND_VI[t.kind]
  const types = t.contentTypes.map((c) => CONTENT_TYPE_VI[c] ?? c).join(', ') || 'Nội dung'
  const channels =
    t.channels.length === 0
      ? ''
      : t.channels.length <= 3
        ? t.channels.map((c) => channelName.get(c) ?? `#${c}`).join(', ')
        : `${t.channels.length} kênh`
  const label = documentText(t.label).trim()
  return [label, types, channels && (t.mode === 'perChannel' ? `mỗi kênh: ${channels}` : channels)]
    .filter(Boolean)
    .join('; ')
}

const taskName = (task: QuotaReport['tasks'][number]): string =>
  `${task.code ? `${documentText(task.code)}. ` : ''}${documentText(task.title)}`

/**
 * The whole document as data. Texts are plain strings: whatever a plan, task, item or manager
 * wrote is shown as written (markup included), never interpreted.
 */
export function reportDocument(input: ReportDocumentInput): ReportDocument {
  const { report, settings, today } = input
  const channelName = new Map(report.channels.map((c) => [c.id, documentText(c.name)]))
  const unitCode = documentText(settings.unitCode).trim()
  const unitName = documentText(settings.unitName).trim()
  const planCode = documentText(report.plan.code)
  const asOfText = formatViDay(report.asOf)
  const month = `${report.asOf.slice(5, 7)}/${report.asOf.slice(0, 4)}`
  const allTargets = report.tasks.flatMap((t) => t.targets)

  const counts: Record<TargetStatus, number> = { done: 0, 'on-track': 0, 'at-risk': 0, behind: 0, overdue: 0 }
  for (const t of allTargets) counts[t.status] += 1
  const summary =
    allTargets.length === 0
      ? []
      : [
          `Kế hoạch có ${report.tasks.length} nhiệm vụ với ${allTargets.length} chỉ tiêu; số liệu tính đến hết ngày ${asOfText}.`,
          `Tổng hợp các chỉ tiêu nội dung và sản phẩm: đã đạt ${formatViNumber(report.totals.achieved)}/${formatViNumber(report.totals.target)} (${percentText(report.totals.percent)}).`,
          `Tình trạng các chỉ tiêu: ${(Object.keys(counts) as TargetStatus[]).map((s) => `${STATUS_VI[s]} ${counts[s]}`).join('; ')}.`,
          `Số tin bài, sản phẩm truyền thông được tính: ${formatViNumber(input.items.length)} (danh sách tại Phụ lục kèm theo).`,
        ]

  const tasks: ResultTaskRows[] = report.tasks
    .filter((task) => task.targets.length > 0)
    .map((task, i) => ({
      stt: documentText(task.code).trim() || String(i + 1),
      task: documentText(task.title),
      leadUnits: task.leadUnits.map((u) => documentText(u.name)).join(', '),
      targets: task.targets.map((t) => ({
        description: describeTarget(t, channelName),
        target: formatViNumber(t.target),
        achieved: formatViNumber(t.achieved),
        percent: percentText(t.percent),
        status: STATUS_VI[t.status],
      })),
    }))

  const lagging = report.tasks.flatMap((task) =>
    task.targets
      .filter((t) => LAGGING.has(t.status))
      .map((t) => {
        const due = t.window?.to ?? task.deadline
        return (
          `Nhiệm vụ ${taskName(task)}: ${describeTarget(t, channelName)} — đạt ${formatViNumber(t.achieved)}/` +
          `${formatViNumber(t.target)} (${percentText(t.percent)}), ${STATUS_VI[t.status].toLocaleLowerCase('vi')}` +
          `${due ? `, hạn ${formatViDay(due)}` : ''}.`
        )
      }),
  )

  const { nextPeriod } = input
  const upcoming = report.tasks
    .flatMap((task) =>
      task.targets
        .filter(
          (t) => t.status !== 'done' && t.window && t.window.to >= nextPeriod.from && t.window.to <= nextPeriod.to,
        )
        .map((t) => ({ task, t, due: t.window!.to })),
    )
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))
    .map(
      ({ task, t, due }) =>
        `Nhiệm vụ ${taskName(task)}: ${describeTarget(t, channelName)} — hạn ${formatViDay(due)}, ` +
        `còn phải thực hiện ${formatViNumber(t.remaining)}/${formatViNumber(t.target)}.`,
    )

  const recipients = settings.recipients
    .map((r) => documentText(r).trim())
    .filter(Boolean)
    .map((r) => (r.startsWith('-') ? r : `- ${r}`))
  const signer = settings.signer

  const appendixRows: AppendixRow[] = input.items.map((item, i) => ({
    stt: String(i + 1),
    title: documentText(item.title),
    type: CONTENT_TYPE_VI[item.type] ?? documentText(item.type),
    channels: item.publications.map((p) => documentText(p.channel)),
    days: item.publications.map((p) => formatViDay(p.day)),
    links: item.publications.map((p) => documentText(p.url ?? '')),
    tasks: item.tasks.map(documentText).join(', '),
  }))

  return {
    header: {
      parentBody: upper(settings.parentBody),
      unitName: upper(unitName),
      number: `Số:        /BC-${unitCode}`,
      nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      motto: 'Độc lập - Tự do - Hạnh phúc',
      placeDate: placeDateLine(settings.place, today),
    },
    kind: 'BÁO CÁO',
    subject: `Kết quả thực hiện Kế hoạch số ${planCode} tháng ${month}`,
    intro:
      `Thực hiện Kế hoạch số ${planCode} (${documentText(report.plan.title).trim()}), ` +
      `${unitName || 'đơn vị'} báo cáo kết quả thực hiện đến ngày ${asOfText} như sau:`,
    results: {
      heading: 'I. KẾT QUẢ THỰC HIỆN',
      summary,
      noTargets:
        allTargets.length === 0
          ? report.tasks.length === 0
            ? 'Kế hoạch chưa có nhiệm vụ nào nên chưa có kết quả để báo cáo.'
            : 'Các nhiệm vụ của kế hoạch chưa được giao chỉ tiêu nên chưa có số liệu để báo cáo.'
          : null,
      columns: ['STT', 'Nhiệm vụ', 'Chỉ tiêu', 'Đã đạt', 'Tỷ lệ', 'Tình trạng', 'Đơn vị chủ trì'],
      tasks,
      totals:
        allTargets.length === 0
          ? null
          : {
              label: 'Tổng cộng (chỉ tiêu nội dung và sản phẩm)',
              target: formatViNumber(report.totals.target),
              achieved: formatViNumber(report.totals.achieved),
              percent: percentText(report.totals.percent),
            },
    },
    issues: {
      heading: 'II. TỒN TẠI, HẠN CHẾ',
      listed: lagging.length > 0 ? lagging : [`Đến ngày ${asOfText} không có nhiệm vụ nào chậm tiến độ hoặc quá hạn.`],
      text: paragraphsOf(input.narrative?.issues),
    },
    directions: {
      heading: 'III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI',
      listed:
        upcoming.length > 0
          ? [
              `Các chỉ tiêu đến hạn từ ngày ${formatViDay(nextPeriod.from)} đến ngày ${formatViDay(nextPeriod.to)}:`,
              ...upcoming,
            ]
          : [
              `Không có chỉ tiêu nào đến hạn từ ngày ${formatViDay(nextPeriod.from)} đến ngày ${formatViDay(nextPeriod.to)}.`,
            ],
      text: paragraphsOf(input.narrative?.directions),
    },
    recipients: {
      heading: 'Nơi nhận:',
      lines: recipients.length > 0 ? recipients : [`- Lưu: VT${unitCode ? `, ${unitCode}` : ''}.`],
    },
    signature: {
      authority: upper(signer.authority),
      title: upper(signer.title),
      name: documentText(signer.name).trim(),
    },
    appendix: {
      heading: 'Phụ lục: Danh sách tin bài, sản phẩm truyền thông',
      subtitle: `(Kèm theo Báo cáo kết quả thực hiện Kế hoạch số ${planCode}, số liệu đến ngày ${asOfText})`,
      columns: ['STT', 'Tiêu đề', 'Loại', 'Kênh đăng', 'Ngày đăng', 'Đường dẫn', 'Nhiệm vụ'],
      rows: appendixRows,
      empty: appendixRows.length === 0 ? 'Chưa có tin bài, sản phẩm nào được tính vào chỉ tiêu.' : null,
    },
    filename: `bao-cao-${slugify(report.plan.code, 'ke-hoach', 60)}-${report.asOf}`,
  }
}
