import type { PayloadRequest } from 'payload'
import { calendarDay } from '../../domain/calendar'
import { relId } from '../../domain/relations'
import type { QuotaReport } from '../../domain/reportAssembly'
import {
  nextReportPeriod,
  reportDocument,
  type AppendixItem,
  type DocumentSettings,
  type ReportDocument,
} from '../../domain/reportDocument'
import { appendixItems, countedItems } from '../../domain/reportEvidence'
import type { ReportingSchedule } from '../../domain/schedule'
import { SLUGS, type ContentType } from '../../domain/slugs'
import { expandItemUrl } from '../../domain/portalUrl'
import { listLedgerRows } from '../counting/engine/read'
import { feedSettings, itemUrlPatternFor } from '../feeds/feedSettings'
import { countingTimeZone, pluginUsersSlug } from '../counting/engine/settings'
import { reportDocx } from './reportDocx'

type Row = Record<string, unknown>
type Access = { overrideAccess?: boolean }

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null)

/** What the document needs of the plan besides the report: its header values and reporting schedule. */
export interface DocumentContext {
  settings: DocumentSettings
  schedule: ReportingSchedule
}

/**
 * The header and signature values of a plan's report document: the plan's "Báo cáo kết quả
 * thực hiện (văn bản)" settings, its issuing unit's letterhead (parent body, abbreviation,
 * place; the parent body defaults to the parent unit's name) and, when given, the signer's name
 * (a periodic report's chosen signer). Read as the requesting user unless the caller is the
 * system (`overrideAccess`, the scheduled report). Null when the plan is not there.
 */
export async function readDocumentContext(
  req: PayloadRequest,
  plan: number,
  signer: string | number | undefined,
  access: Access = {},
): Promise<DocumentContext | null> {
  const overrideAccess = access.overrideAccess === true
  const find = (collection: typeof SLUGS.plans | typeof SLUGS.units, id: string | number) =>
    req.payload.findByID({ collection, id, depth: 0, overrideAccess, req, disableErrors: true }) as Promise<Row | null>
  const planDoc = await find(SLUGS.plans, plan)
  if (!planDoc) return null
  const settings = (planDoc.reportDocument ?? {}) as Row
  const unitId = relId(settings.issuingUnit)
  const unit = unitId === undefined ? null : await find(SLUGS.units, unitId)
  const letterhead = (unit?.letterhead ?? {}) as Row
  const parentId = relId(unit?.parent)
  const parent = (text(letterhead.parentBody) ?? parentId === undefined) ? null : await find(SLUGS.units, parentId)
  const signerDoc =
    signer === undefined
      ? null
      : ((await req.payload.findByID({
          collection: pluginUsersSlug(req.payload) as typeof SLUGS.users,
          id: signer,
          depth: 0,
          overrideAccess,
          req,
          disableErrors: true,
        })) as Row | null)
  const reporting = (planDoc.reporting ?? {}) as Row
  const fixed = Array.isArray(reporting.fixedDates) ? (reporting.fixedDates as Row[]) : []
  return {
    settings: {
      parentBody: text(letterhead.parentBody) ?? text(parent?.name),
      unitName: text(unit?.name),
      unitCode: text(letterhead.code) ?? text(unit?.shortName),
      place: text(letterhead.place),
      signer: {
        authority: text(settings.signerAuthority),
        title: text(settings.signerTitle),
        name: signerDoc ? (text(signerDoc.name) ?? text(signerDoc.email)) : text(settings.signerName),
      },
      recipients: (text(settings.recipients) ?? '').split(/\r?\n/),
    },
    schedule: {
      monthlyDay: typeof reporting.monthlyDay === 'number' ? reporting.monthlyDay : null,
      fixedDates: fixed.map((f) => ({ day: Number(f.day), month: Number(f.month) })),
    },
  }
}

/**
 * The appendix: every item the report counts, with its title, type and the publications that
 * made it count (channel, day, link), from one read of the ledger and one query per content type.
 */
export async function readEvidence(
  req: PayloadRequest,
  report: QuotaReport,
  access: Access = {},
): Promise<AppendixItem[]> {
  const rows = await listLedgerRows(req.payload, { tasks: report.tasks.map((t) => t.id), to: report.asOf }, req)
  const items = countedItems(report, rows)
  const byType = new Map<string, number[]>()
  for (const it of items) byType.set(it.contentType, [...(byType.get(it.contentType) ?? []), it.item])
  const details = new Map<string, { title: string; urls: Map<number, string | null> }>()
  // A home-portal row an editor added by hand has no URL: give it the item's portal address, as
  // the feeds do (the feeds' item-URL pattern), so the evidence links every item it can.
  const home = await req.payload.find({
    collection: SLUGS.channels,
    where: { isHome: { equals: true } },
    depth: 0,
    limit: 1,
    select: { url: true },
    overrideAccess: access.overrideAccess === true,
    req,
  })
  const homeChannel = home.docs[0] ? Number(home.docs[0].id) : null
  const homeUrl = text((home.docs[0] as Row | undefined)?.url)
  const patternFor = itemUrlPatternFor(feedSettings(req.payload))
  for (const [type, ids] of byType) {
    const { docs } = await req.payload.find({
      collection: type as ContentType,
      where: { id: { in: ids } },
      depth: 0,
      pagination: false,
      select: { title: true, slug: true, publications: true },
      overrideAccess: access.overrideAccess === true,
      req,
    })
    for (const d of docs as unknown as Row[]) {
      const urls = new Map<number, string | null>()
      for (const p of (d.publications ?? []) as Row[]) {
        const channel = Number(relId(p.channel))
        if (!urls.get(channel)) urls.set(channel, text(p.url))
      }
      if (homeChannel !== null && urls.has(homeChannel) && !urls.get(homeChannel))
        urls.set(
          homeChannel,
          expandItemUrl(patternFor(type), { homeUrl, collection: type, id: Number(d.id), slug: text(d.slug) }),
        )
      details.set(`${type}:${String(d.id)}`, { title: String(d.title ?? `#${String(d.id)}`), urls })
    }
  }
  const channelNames = new Map(report.channels.map((c) => [c.id, c.name]))
  return appendixItems(report, items, details, channelNames)
}

/**
 * The report document of a report (the JSON of /api/quota/report) and its .docx: settings from
 * the plan, the counted items (given, as a periodic report stored them, or read now), the
 * manager's texts and the day it is dated.
 */
export async function buildReportDocument(
  req: PayloadRequest,
  args: {
    report: QuotaReport
    evidence?: AppendixItem[] | null
    narrative?: { issues?: string | null; directions?: string | null }
    signer?: string | number
    today?: string
  },
  access: Access = {},
): Promise<{ document: ReportDocument; docx: Buffer } | null> {
  const context = await readDocumentContext(req, args.report.plan.id, args.signer, access)
  if (!context) return null
  const items = args.evidence ?? (await readEvidence(req, args.report, access))
  const document = reportDocument({
    report: args.report,
    items,
    settings: context.settings,
    narrative: args.narrative,
    nextPeriod: nextReportPeriod(context.schedule, args.report.asOf),
    today: args.today ?? calendarDay(new Date(), countingTimeZone(req.payload)),
  })
  return { document, docx: await reportDocx(document) }
}
