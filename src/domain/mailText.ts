/**
 * The Vietnamese e-mails the scheduled work sends, as pure functions: subject, plain text and
 * HTML from the numbers, so the wording can be tested without a mail server and every number in
 * a mail is one the report computed.
 */
import { formatViDay } from './calendar'
import { summarizeReport } from './dashboardModel'
import type { TargetStatus } from './quota'
import type { DeadlineAlert } from './schedule'
import { assignmentNotice, reminderNotice } from './plannedItems'

export interface MailText {
  subject: string
  text: string
  html: string
}

export const STATUS_VI: Record<TargetStatus, string> = {
  done: 'Hoàn thành',
  'on-track': 'Đúng tiến độ',
  'at-risk': 'Có nguy cơ chậm',
  behind: 'Chậm tiến độ',
  overdue: 'Quá hạn',
}

const STATUS_ORDER: TargetStatus[] = ['done', 'on-track', 'at-risk', 'behind', 'overdue']

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** 1234.5 → "1.234,5" (Vietnamese separators), at most one decimal. */
export function formatViNumber(n: number): string {
  const rounded = Math.round(n * 10) / 10
  const [int = '0', frac] = Math.abs(rounded).toFixed(1).replace(/\.0$/, '').split('.')
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.')
  return `${rounded < 0 ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`
}

/** What a report mail needs of the report (QuotaReport, src/domain/reportAssembly.ts). */
export interface ReportMailInput {
  plan: { code: string; title: string }
  asOf: string
  labels: string[]
  tasks: Array<{
    code: string
    title: string
    deadline: string | null
    targets: Array<{ status: TargetStatus; kind: string; achieved: number; target: number }>
  }>
  /** Where the stored report can be opened, when the server URL is known. */
  link: string | null
}

/** Targets per status, and the tasks that need attention (any target at risk, behind or overdue). */
export function reportHeadline(input: Pick<ReportMailInput, 'tasks'>): {
  byStatus: Record<TargetStatus, number>
  targets: number
  attention: Array<{ code: string; title: string; deadline: string | null; status: TargetStatus }>
} {
  const byStatus: Record<TargetStatus, number> = { done: 0, 'on-track': 0, 'at-risk': 0, behind: 0, overdue: 0 }
  const attention: Array<{ code: string; title: string; deadline: string | null; status: TargetStatus }> = []
  let targets = 0
  for (const task of input.tasks) {
    let worst: TargetStatus | null = null
    for (const t of task.targets) {
      targets += 1
      byStatus[t.status] += 1
      if (
        (t.status === 'at-risk' || t.status === 'behind' || t.status === 'overdue') &&
        (worst === null || STATUS_ORDER.indexOf(t.status) > STATUS_ORDER.indexOf(worst))
      )
        worst = t.status
    }
    if (worst) attention.push({ code: task.code, title: task.title, deadline: task.deadline, status: worst })
  }
  return { byStatus, targets, attention }
}

/**
 * The plan's attainment, each kind of target in its own unit (never articles added to reports):
 * a short form for the subject ("26/100 sản phẩm, 1/7 báo cáo đã nộp") and sentences for the body.
 */
export function attainmentByKind(tasks: ReportMailInput['tasks']): { short: string; lines: string[] } {
  const s = summarizeReport(tasks)
  const short: string[] = []
  const lines: string[] = []
  if (s.content.targets > 0) {
    const percent = s.content.target > 0 ? Math.floor((s.content.achieved / s.content.target) * 100) : 0
    short.push(`${formatViNumber(s.content.achieved)}/${formatViNumber(s.content.target)} sản phẩm`)
    lines.push(
      `Sản phẩm truyền thông (tin bài, infographic, video): đã đạt ${formatViNumber(s.content.achieved)}/${formatViNumber(s.content.target)} (${percent}%).`,
    )
  }
  if (s.deliverables.total > 0) {
    short.push(`${s.deliverables.done}/${s.deliverables.total} báo cáo đã nộp`)
    lines.push(`Báo cáo, văn bản đã nộp: ${s.deliverables.done}/${s.deliverables.total}.`)
  }
  if (s.indicators.total > 0) {
    short.push(`${s.indicators.done}/${s.indicators.total} chỉ số đạt`)
    lines.push(`Chỉ số đã đạt mục tiêu: ${s.indicators.done}/${s.indicators.total}.`)
  }
  return { short: short.join(', '), lines }
}

export function reportMail(input: ReportMailInput): MailText {
  const day = formatViDay(input.asOf)
  const h = reportHeadline(input)
  const what = input.labels.join(', ') || 'Báo cáo định kỳ'
  const kinds = attainmentByKind(input.tasks)
  const subject = `[${input.plan.code}] ${what} — tiến độ đến ngày ${day}${kinds.short ? `: ${kinds.short}` : ''}`
  const statusLines = STATUS_ORDER.map((s) => `${STATUS_VI[s]}: ${h.byStatus[s]}`)
  const attentionLines = h.attention.map(
    (a) => `${a.code}. ${a.title} — ${STATUS_VI[a.status]}${a.deadline ? ` (hạn ${formatViDay(a.deadline)})` : ''}`,
  )
  const text = [
    'Kính gửi lãnh đạo, người phụ trách kế hoạch,',
    '',
    `Hệ thống gửi ${what.toLowerCase()} của kế hoạch ${input.plan.code} — ${input.plan.title}, số liệu đến hết ngày ${day}.`,
    '',
    ...kinds.lines,
    `Số chỉ tiêu theo trạng thái (${h.targets} chỉ tiêu): ${statusLines.join('; ')}.`,
    ...(attentionLines.length > 0
      ? ['', `Nhiệm vụ cần chú ý (${attentionLines.length}):`, ...attentionLines.map((l) => `- ${l}`)]
      : ['', 'Không có nhiệm vụ chậm tiến độ.']),
    '',
    'Chi tiết từng nhiệm vụ, chỉ tiêu và kênh trong tệp Excel đính kèm.',
    ...(input.link ? [`Xem trên hệ thống: ${input.link}`] : []),
  ].join('\n')
  const html = [
    '<p>Kính gửi lãnh đạo, người phụ trách kế hoạch,</p>',
    `<p>Hệ thống gửi ${escapeHtml(what.toLowerCase())} của kế hoạch <strong>${escapeHtml(input.plan.code)}</strong> — ${escapeHtml(input.plan.title)}, số liệu đến hết ngày ${day}.</p>`,
    ...kinds.lines.map((l) => `<p>${escapeHtml(l)}</p>`),
    `<p>Số chỉ tiêu theo trạng thái (${h.targets} chỉ tiêu):</p><ul>${statusLines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
    attentionLines.length > 0
      ? `<p>Nhiệm vụ cần chú ý (${attentionLines.length}):</p><ul>${attentionLines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`
      : '<p>Không có nhiệm vụ chậm tiến độ.</p>',
    '<p>Chi tiết từng nhiệm vụ, chỉ tiêu và kênh trong tệp Excel đính kèm.</p>',
    ...(input.link ? [`<p><a href="${escapeHtml(input.link)}">Xem trên hệ thống</a></p>`] : []),
  ].join('\n')
  return { subject, text, html }
}

export function deadlineAlertTitle(alert: DeadlineAlert): string {
  const when =
    alert.daysLeft > 0
      ? `còn ${alert.daysLeft} ngày đến hạn ${formatViDay(alert.due)}`
      : alert.daysLeft === 0
        ? `đến hạn hôm nay (${formatViDay(alert.due)})`
        : `quá hạn ${-alert.daysLeft} ngày (hạn ${formatViDay(alert.due)})`
  return `Nhiệm vụ ${alert.code} ${STATUS_VI[alert.status].toLowerCase()}, ${when}`
}

export function deadlineAlertMail(alert: DeadlineAlert, planCode: string, link: string | null): MailText {
  const title = deadlineAlertTitle(alert)
  const targetLines = alert.targets.map((t) => {
    const name =
      t.label ?? (t.kind === 'content' ? 'Chỉ tiêu nội dung' : t.kind === 'indicator' ? 'Chỉ số' : 'Sản phẩm')
    return `${name}: đạt ${formatViNumber(t.achieved)}/${formatViNumber(t.target)} — ${STATUS_VI[t.status]}${t.window ? ` (hạn ${formatViDay(t.window.to)})` : ''}`
  })
  const units = alert.leadUnits.map((u) => u.name).join(', ')
  const text = [
    `Kính gửi ${units || 'đơn vị chủ trì'},`,
    '',
    `Kế hoạch ${planCode}, nhiệm vụ ${alert.code}. ${alert.title}`,
    `${title[0]?.toUpperCase() ?? ''}${title.slice(1)}.`,
    '',
    'Chỉ tiêu cần đẩy nhanh:',
    ...targetLines.map((l) => `- ${l}`),
    ...(link ? ['', `Xem trên hệ thống: ${link}`] : []),
  ].join('\n')
  const html = [
    `<p>Kính gửi ${escapeHtml(units || 'đơn vị chủ trì')},</p>`,
    `<p>Kế hoạch <strong>${escapeHtml(planCode)}</strong>, nhiệm vụ <strong>${escapeHtml(alert.code)}</strong>. ${escapeHtml(alert.title)}</p>`,
    `<p><strong>${escapeHtml(title)}</strong>.</p>`,
    `<p>Chỉ tiêu cần đẩy nhanh:</p><ul>${targetLines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
    ...(link ? [`<p><a href="${escapeHtml(link)}">Xem trên hệ thống</a></p>`] : []),
  ].join('\n')
  return { subject: `[${planCode}] Cảnh báo hạn: ${title}`, text, html }
}

export interface DriftSummary {
  day: string
  tallies: number
  ledgerMissing: number
  ledgerExtra: number
  /** (spec, year) rows of the first-publication counts that differed from the ledger. */
  firstDays?: number
  repaired: boolean
}

export const driftTotal = (d: Pick<DriftSummary, 'tallies' | 'ledgerMissing' | 'ledgerExtra' | 'firstDays'>) =>
  d.tallies + d.ledgerMissing + d.ledgerExtra + (d.firstDays ?? 0)

export function driftAlertMail(d: DriftSummary, link: string | null): MailText {
  const lines = [
    `Số khóa số liệu (nhiệm vụ × kênh × loại × ngày) lệch: ${d.tallies}`,
    `Bản ghi đóng góp thiếu: ${d.ledgerMissing}`,
    `Bản ghi đóng góp thừa: ${d.ledgerExtra}`,
    ...(d.firstDays ? [`Dòng đếm lần đăng đầu tiên (chỉ tiêu × năm) lệch: ${d.firstDays}`] : []),
    d.repaired ? 'Hệ thống đã tự sửa về số đúng.' : 'Chưa sửa.',
  ]
  const subject = `Đối soát số liệu ngày ${formatViDay(d.day)}: phát hiện ${driftTotal(d)} sai lệch`
  const text = [
    'Kính gửi quản trị hệ thống,',
    '',
    `Lượt đối soát số liệu chỉ tiêu ngày ${formatViDay(d.day)} phát hiện sai lệch giữa số đã đếm và nội dung thực tế:`,
    ...lines.map((l) => `- ${l}`),
    '',
    'Sai lệch cho thấy có lỗi cần tìm nguyên nhân (ghi lỗi của máy chủ quanh thời điểm đó).',
    ...(link ? [`Chi tiết: ${link}`] : []),
  ].join('\n')
  const html = [
    '<p>Kính gửi quản trị hệ thống,</p>',
    `<p>Lượt đối soát số liệu chỉ tiêu ngày ${formatViDay(d.day)} phát hiện sai lệch giữa số đã đếm và nội dung thực tế:</p>`,
    `<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
    '<p>Sai lệch cho thấy có lỗi cần tìm nguyên nhân (ghi lỗi của máy chủ quanh thời điểm đó).</p>',
    ...(link ? [`<p><a href="${escapeHtml(link)}">Chi tiết</a></p>`] : []),
  ].join('\n')
  return { subject, text, html }
}

/** A planned item as its assignee's mails name it (issue #22). */
export interface PlannedMailItem {
  collection: string
  title: string
  plannedDay: string | null
  /** The task codes it is tagged with (with their plan), e.g. "1 (02-KH)". */
  tasks: string[]
}

function plannedMail(
  notice: { title: string; body: string },
  item: PlannedMailItem,
  to: string,
  link: string | null,
  closing: string,
): MailText {
  const tasks = item.tasks.length > 0 ? `Nhiệm vụ: ${item.tasks.join(', ')}.` : null
  const text = [
    `Kính gửi ${to},`,
    '',
    notice.body,
    ...(tasks ? [tasks] : []),
    closing,
    ...(link ? ['', `Mở trên hệ thống: ${link}`] : []),
  ].join('\n')
  const html = [
    `<p>Kính gửi ${escapeHtml(to)},</p>`,
    `<p>${escapeHtml(notice.body)}</p>`,
    ...(tasks ? [`<p>${escapeHtml(tasks)}</p>`] : []),
    `<p>${escapeHtml(closing)}</p>`,
    ...(link ? [`<p><a href="${escapeHtml(link)}">Mở trên hệ thống</a></p>`] : []),
  ].join('\n')
  return { subject: notice.title, text, html }
}

/** The e-mail an assignee gets when given a planned item (the same words as the in-app notice). */
export function plannedAssignmentMail(item: PlannedMailItem, by: string, to: string, link: string | null): MailText {
  return plannedMail(
    assignmentNotice(item, by),
    item,
    to,
    link,
    'Lịch đăng của bạn có trên trang Lịch kế hoạch và trong lịch đăng ký (iCalendar).',
  )
}

/** The e-mail the day before an item's planned day, while it is still a draft. */
export function plannedReminderMail(
  item: PlannedMailItem & { plannedDay: string },
  to: string,
  link: string | null,
): MailText {
  return plannedMail(
    reminderNotice(item),
    item,
    to,
    link,
    'Nếu không kịp, hãy dời ngày dự kiến đăng (kéo trên Lịch kế hoạch) để kế hoạch và dự báo chỉ tiêu luôn đúng.',
  )
}
