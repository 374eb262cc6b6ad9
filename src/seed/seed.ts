import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'
import { Document, Packer, Paragraph, TextRun } from 'docx'
import { calendarDay, dayToInstant } from '../domain/calendar'
import { SLUGS } from '../domain/slugs'
import sharp from 'sharp'
import { demoToday } from '../config/env'
import { getScheduler } from '../plugin/scheduler/scheduler'
import { demoOffset, demoReportDay, shiftedDemo } from './demoDates'
import { CHANNELS, DEMO_PASSWORD, DEMO_USERS, PARENT_PLAN, PLAN, UNITS, type DemoItemSeed } from './planData'

export interface SeedOptions {
  /** Also create the demo accounts (one per role) and demo content. */
  demo?: boolean
  /**
   * The day the plan is dated around (YYYY-MM-DD); default demoToday(): DEMO_TODAY, else today.
   * A plan seeded before keeps its dates whatever this is.
   */
  today?: string
}

export interface SeedSummary {
  created: Record<
    | 'units'
    | 'channels'
    | 'plans'
    | 'tasks'
    | 'users'
    | 'articles'
    | 'infographics'
    | 'videos'
    | 'planDocuments'
    | 'periodicReports',
    number
  >
  /** Days the written data was moved by (see demoDates.ts). */
  offset: number
}

type Id = string | number
type Where = Record<string, unknown>

/**
 * Loads the reference plan, its units and channels (and demo users on request). Idempotent:
 * each record is keyed by its natural key and only created when missing, so a re-run never
 * duplicates and never overwrites what people have edited since. All of it runs in one
 * transaction: a failure leaves the database as it was.
 *
 * The plan's dates are moved to the day it is loaded (`today`, see demoDates.ts) so the plan is
 * running rather than long over; a plan seeded before keeps the dates it was given then.
 *
 * This is system set-up, not an action on behalf of a user, so it runs with Payload's default
 * access override.
 */
export async function seed(payload: Payload, options: SeedOptions = {}): Promise<SeedSummary> {
  const req = await createLocalReq({}, payload)
  const created: SeedSummary['created'] = {
    units: 0,
    channels: 0,
    plans: 0,
    tasks: 0,
    users: 0,
    articles: 0,
    infographics: 0,
    videos: 0,
    planDocuments: 0,
    periodicReports: 0,
  }
  // Read before the transaction: a bad DEMO_TODAY stops the seed before it writes anything.
  const today = options.today ?? demoToday()
  let offset = 0
  let demoPlan: Id | undefined
  await initTransaction(req)
  try {
    const ensure = async (
      collection: Exclude<keyof typeof created, 'periodicReports'>,
      where: Where,
      data: Record<string, unknown>,
    ): Promise<Id> => {
      const slug = SLUGS[collection]
      const found = await payload.find({ collection: slug, where: where as never, limit: 1, depth: 0, req })
      const existing = found.docs[0] as { id: Id } | undefined
      if (existing) return existing.id
      const doc = (await payload.create({ collection: slug, data: data as never, depth: 0, req })) as { id: Id }
      created[collection] += 1
      return doc.id
    }

    const unitIds = new Map<string, Id>()
    for (const u of UNITS) {
      const parent = u.parent ? unitIds.get(u.parent) : undefined
      unitIds.set(
        u.key,
        await ensure(
          'units',
          { name: { equals: u.name } },
          // The reference units publish directly, as they did before review existed; an admin
          // ticks "requires review" per unit to turn the approval workflow on.
          {
            name: u.name,
            shortName: u.shortName,
            kind: u.kind,
            parent,
            requiresReview: false,
            ...(u.letterhead ? { letterhead: u.letterhead } : {}),
          },
        ),
      )
    }
    const unit = (key: string): Id => {
      const id = unitIds.get(key)
      if (id === undefined) throw new Error(`Seed data names an unknown unit "${key}"`)
      return id
    }

    const channelIds = new Map<string, Id>()
    for (const c of CHANNELS) {
      channelIds.set(
        c.key,
        await ensure(
          'channels',
          { name: { equals: c.name } },
          {
            name: c.name,
            kind: c.kind,
            platform: c.platform,
            group: c.group,
            url: c.url,
            unit: c.unit ? unit(c.unit) : undefined,
            isHome: c.isHome ?? false,
          },
        ),
      )
    }
    const channel = (key: string): Id => {
      const id = channelIds.get(key)
      if (id === undefined) throw new Error(`Seed data names an unknown channel "${key}"`)
      return id
    }

    const userIds = new Map<string, Id>()
    if (options.demo) {
      for (const u of DEMO_USERS) {
        userIds.set(
          u.email,
          await ensure(
            'users',
            { email: { equals: u.email } },
            { email: u.email, password: DEMO_PASSWORD, name: u.name, role: u.role, unit: unit(u.unit) },
          ),
        )
      }
    }
    const managers = DEMO_USERS.filter((u) => u.role === 'manager')
      .map((u) => userIds.get(u.email))
      .filter((id): id is Id => id !== undefined)

    const parentPlan = await ensure(
      'plans',
      { code: { equals: PARENT_PLAN.code } },
      {
        code: PARENT_PLAN.code,
        title: PARENT_PLAN.title,
        issuer: PARENT_PLAN.issuer,
        issueDate: dayToInstant(PARENT_PLAN.issueDate),
        reporting: { monthlyDay: null },
      },
    )
    // The dates of a plan seeded before, not today's: re-seeding must not move them.
    const seeded = await payload.find({
      collection: SLUGS.plans,
      where: { code: { equals: PLAN.code } },
      limit: 1,
      depth: 0,
      req,
    })
    const seededFrom = (seeded.docs[0] as { period?: { from?: string | null } } | undefined)?.period?.from
    offset = demoOffset(today, seededFrom ? calendarDay(seededFrom) : null)
    const demo = shiftedDemo(offset)

    const plan = await ensure(
      'plans',
      { code: { equals: PLAN.code } },
      {
        code: PLAN.code,
        title: PLAN.title,
        issuer: PLAN.issuer,
        basedOn: [parentPlan],
        basisDocuments: PLAN.basisDocuments.map((d) => ({ ...d, date: dayToInstant(d.date) })),
        period: { from: dayToInstant(demo.plan.period.from), to: dayToInstant(demo.plan.period.to) },
        reporting: { monthlyDay: PLAN.monthlyDay },
        reportDocument: { ...PLAN.reportDocument, issuingUnit: unit(PLAN.reportDocument.issuingUnit) },
        managers,
      },
    )

    const taskIds = new Map<string, Id>()
    for (const [index, t] of demo.plan.tasks.entries()) {
      const target =
        t.target.kind === 'content'
          ? { ...t.target, channels: t.target.channels.map(channel) }
          : { kind: 'deliverable', label: t.target.label, submitted: false }
      const taskId = await ensure(
        'tasks',
        { and: [{ plan: { equals: plan } }, { code: { equals: t.code } }] },
        {
          plan,
          code: t.code,
          sortOrder: index + 1,
          title: t.title,
          content: t.content,
          leadUnits: t.leads.map(unit),
          timeframe: { kind: 'deadline', deadline: dayToInstant(t.deadline) },
          expectedResult: t.expectedResult,
          targets: [target],
        },
      )
      taskIds.set(t.code, taskId)
    }

    if (options.demo) {
      const author = (role: 'editor' | 'multimedia') =>
        userIds.get(DEMO_USERS.find((u) => u.role === role)?.email ?? '')
      for (const item of demo.items) {
        const taken = await payload.find({
          collection: item.collection,
          where: { slug: { equals: item.slug } },
          limit: 1,
          depth: 0,
          draft: true,
          req,
        })
        if (taken.docs.length > 0) continue
        await payload.create({
          collection: item.collection,
          data: demoItemData(item, {
            task: taskIds.get(item.task),
            unit: unit('tttt'),
            channel,
            author: author(item.collection === 'articles' ? 'editor' : 'multimedia'),
          }) as never,
          draft: item.status === 'draft',
          file: item.collection === 'infographics' ? await demoInfographic(item.slug) : undefined,
          depth: 0,
          req,
        })
        created[item.collection] += 1
      }
      const report = demo.submittedReport
      const reportTask = taskIds.get(report.task)
      if (reportTask === undefined) throw new Error(`Seed data names an unknown task "${report.task}"`)
      created.planDocuments += await submitDemoReport(payload, req, reportTask, report)
      demoPlan = plan
    }
    await commitTransaction(req)
  } catch (err) {
    await killTransaction(req)
    throw err
  }
  if (demoPlan !== undefined) created.periodicReports = await runDemoReport(payload, demoPlan, offset)
  return { created, offset }
}

/**
 * The demo's sample periodic report (the last monthly reporting day before the demo's today),
 * run through the scheduler's own job as `npm run job` does, after the seed is committed: the
 * job reads the plan through its own requests. Its slot makes it once only; a failure leaves the
 * seeded plan as it is (the report is a sample) and is logged. Returns the reports made (0 or 1).
 */
async function runDemoReport(payload: Payload, plan: Id, offset: number): Promise<number> {
  const day = demoReportDay(offset, PLAN.monthlyDay)
  if (!day) return 0
  try {
    const run = await getScheduler(payload).runSlot('quota-report', `quota-report:plan-${plan}:${day}`, { force: true })
    if (run.outcome === 'failed')
      payload.logger.error({ msg: `The demo's sample report ${run.slot} failed: ${run.error}` })
    return run.outcome === 'done' ? 1 : 0
  } catch (err) {
    payload.logger.error({ err, msg: `The demo's sample report of ${day} could not be run` })
    return 0
  }
}

type LocalReq = Awaited<ReturnType<typeof createLocalReq>>
interface DeliverableRow {
  id?: string | null
  kind: string
  document?: unknown
  submitted?: boolean | null
}

/**
 * Hands in the demo's report task: its report (a real .docx) uploaded as a plan document and
 * attached to the deliverable target, ticked submitted. Only a target nobody has touched (not
 * submitted, no document) is changed, and the document is keyed by its title, so a re-run or a
 * plan someone works on is left alone. Returns the documents created (0 or 1).
 */
async function submitDemoReport(
  payload: Payload,
  req: LocalReq,
  taskId: Id,
  report: { title: string; filename: string; submittedOn: string },
): Promise<number> {
  const task = (await payload.findByID({ collection: SLUGS.tasks, id: taskId, depth: 0, req })) as {
    targets?: DeliverableRow[] | null
  }
  const targets = task.targets ?? []
  const index = targets.findIndex((t) => t.kind === 'deliverable')
  const target = targets[index]
  if (!target || target.submitted || target.document) return 0
  const existing = await payload.find({
    collection: SLUGS.planDocuments,
    where: { title: { equals: report.title } },
    limit: 1,
    depth: 0,
    req,
  })
  let documentId = (existing.docs[0] as { id: Id } | undefined)?.id
  let created = 0
  if (documentId === undefined) {
    const doc = (await payload.create({
      collection: SLUGS.planDocuments,
      data: { title: report.title } as never,
      file: await demoReportFile(report.title, report.filename),
      depth: 0,
      req,
    })) as { id: Id }
    documentId = doc.id
    created = 1
  }
  // The whole row goes back (its id keeps it the same row): the "submitted" check reads the
  // document from the row itself (siblingData), so both must be in the same row of the update.
  const rows = targets.map((t, i) =>
    i === index ? { ...t, document: documentId, submitted: true, submittedAt: dayToInstant(report.submittedOn) } : t,
  )
  await payload.update({ collection: SLUGS.tasks, id: taskId, data: { targets: rows } as never, depth: 0, req })
  return created
}

/** A one-page Word document standing in for the unit's report: a real .docx, as users attach. */
async function demoReportFile(title: string, filename: string) {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: title, bold: true })] }),
          new Paragraph('Tài liệu minh họa của bản demo: báo cáo thực hiện nhiệm vụ của đơn vị chủ trì.'),
        ],
      },
    ],
  })
  const data = await Packer.toBuffer(doc)
  return {
    data,
    mimetype: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    name: filename,
    size: data.length,
  }
}

function demoItemData(
  item: DemoItemSeed,
  refs: { task: Id | undefined; unit: Id; channel: (key: string) => Id; author: Id | undefined },
): Record<string, unknown> {
  const common = {
    title: item.title,
    slug: item.slug,
    tasks: refs.task === undefined ? [] : [refs.task],
    unit: refs.unit,
    _status: item.status,
    publications: item.publications.map((p) => ({
      channel: refs.channel(p.channel),
      publishedAt: dayToInstant(p.day),
      url: p.url,
    })),
  }
  if (item.collection === 'articles') {
    return { ...common, summary: item.summary, authors: refs.author === undefined ? [] : [refs.author] }
  }
  if (item.collection === 'infographics')
    return { ...common, alt: item.title, dataSource: 'Bộ Khoa học và Công nghệ (số liệu minh họa)' }
  return { ...common, source: 'external', externalUrl: item.externalUrl, summary: item.summary }
}

/** A plain bar-chart image (no text, so no fonts are needed) for the demo infographics. */
async function demoInfographic(slug: string) {
  const bars = [0.45, 0.7, 0.55, 0.9, 0.65].map((h, i) => ({
    input: {
      create: {
        width: 180,
        height: Math.round(700 * h),
        channels: 3 as const,
        background: { r: 200, g: 40 + i * 30, b: 40 },
      },
    },
    left: 160 + i * 260,
    top: 900 - Math.round(700 * h),
  }))
  const data = await sharp({
    create: { width: 1600, height: 1000, channels: 3, background: { r: 245, g: 247, b: 250 } },
  })
    .composite(bars)
    .png()
    .toBuffer()
  return { data, mimetype: 'image/png', name: `${slug}.png`, size: data.length }
}
