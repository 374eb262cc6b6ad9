import fc from 'fast-check'
import { createLocalReq, type Payload } from 'payload'
import { applyReviewStep } from '../../../src/plugin/review/applyReviewStep'
import type { ReviewAction } from '../../../src/domain/slugs'
import type pg from 'pg'
import {
  AT,
  DAYS,
  TYPES,
  baseData,
  copyFile,
  futureInstant,
  publicationInstant,
  type At,
  type ContentType,
  type ItemState,
  type Universe,
  type World,
} from './modelWorld'

/**
 * The operations of the model-based counting test, as plain data (so fast-check can generate,
 * print and replay them) plus the code that applies one against a real Payload.
 *
 * Targets are drawn as small numbers (`pick`) and resolved against the items that exist when the
 * step runs (index modulo count), so a generated sequence stays meaningful whatever earlier
 * steps created, trashed or deleted.
 */

/** Indexes into Universe.channels / Universe.tasks / DAYS: small, so values collide. */
export interface PubSpec {
  channel: number
  day: number
  at: At
  url: boolean
}
export interface EditSpec {
  tasks: number[]
  pubs: PubSpec[]
}

export type BulkChange = 'publish' | 'unpublish' | 'publishWith' | 'draftWith' | 'trash' | 'restore'
export type Invalid = 'duplicateChannel' | 'futureDate'

export type Op =
  | { kind: 'create'; type: ContentType; publish: boolean; edit: EditSpec }
  | { kind: 'draftSave'; type: ContentType; pick: number; edit: EditSpec }
  | { kind: 'autosave'; type: ContentType; pick: number; edit: EditSpec }
  | { kind: 'publish'; type: ContentType; pick: number }
  | { kind: 'republish'; type: ContentType; pick: number; edit: EditSpec }
  | { kind: 'unpublish'; type: ContentType; pick: number }
  | { kind: 'schedule'; type: ContentType; pick: number; action: 'publish' | 'unpublish' }
  | { kind: 'restoreVersion'; type: ContentType; pick: number; version: number; asDraft: boolean }
  | { kind: 'trash'; type: ContentType; pick: number }
  | { kind: 'untrash'; type: ContentType; pick: number }
  | { kind: 'delete'; type: ContentType; pick: number; trashFlag: boolean }
  | {
      kind: 'bulkUpdate'
      type: ContentType
      picks: number[]
      change: BulkChange
      edit: EditSpec
      includeTrashed: boolean
    }
  | { kind: 'bulkDelete'; type: ContentType; picks: number[]; includeTrashed: boolean }
  | { kind: 'invalid'; type: ContentType; pick: number; onCreate: boolean; problem: Invalid; edit: EditSpec }
  /** An editorial review step (approve = publish); refused steps (wrong state, no reason) change nothing. */
  | { kind: 'review'; type: ContentType; pick: number; action: ReviewAction; reason: boolean; stale: boolean }

export type OpKind = Op['kind']

// ---------------------------------------------------------------------------------------------
// Arbitraries

const typeArb = fc.constantFrom<ContentType>(...TYPES)
// Infographic creates upload a file and make 7 derivatives: keep them rarer than the others.
const createTypeArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant<ContentType>('articles') },
  { weight: 3, arbitrary: fc.constant<ContentType>('videos') },
  { weight: 2, arbitrary: fc.constant<ContentType>('infographics') },
)
const pickArb = fc.nat(31)

const pubArb: fc.Arbitrary<PubSpec> = fc.record({
  channel: fc.nat(3),
  day: fc.nat(DAYS.length - 1),
  at: fc.constantFrom<At>(...AT),
  url: fc.boolean(),
})

/**
 * Valid tags and publications: each channel at most once (the validator refuses repeats). Tasks
 * may repeat: the relationship field stores a repeated id twice, and an item must still count
 * once per task.
 */
export const editArb: fc.Arbitrary<EditSpec> = fc.record({
  tasks: fc.array(fc.nat(3), { maxLength: 3 }),
  pubs: fc.uniqueArray(pubArb, { maxLength: 3, selector: (p) => p.channel }),
})

const bulkPicksArb = fc.uniqueArray(pickArb, { minLength: 2, maxLength: 4 })

/** One operation; the weights follow what an editorial team does most (create, edit, publish). */
export const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 14,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      type: createTypeArb,
      publish: fc.boolean(),
      edit: editArb,
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({ kind: fc.constant('draftSave' as const), type: typeArb, pick: pickArb, edit: editArb }),
  },
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant('autosave' as const), type: typeArb, pick: pickArb, edit: editArb }),
  },
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('publish' as const), type: typeArb, pick: pickArb }) },
  {
    weight: 8,
    arbitrary: fc.record({ kind: fc.constant('republish' as const), type: typeArb, pick: pickArb, edit: editArb }),
  },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('unpublish' as const), type: typeArb, pick: pickArb }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('schedule' as const),
      type: typeArb,
      pick: pickArb,
      action: fc.constantFrom('publish' as const, 'unpublish' as const),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('restoreVersion' as const),
      type: typeArb,
      pick: pickArb,
      version: fc.nat(15),
      asDraft: fc.boolean(),
    }),
  },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('trash' as const), type: typeArb, pick: pickArb }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('untrash' as const), type: typeArb, pick: pickArb }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      type: typeArb,
      pick: pickArb,
      trashFlag: fc.boolean(),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('bulkUpdate' as const),
      type: typeArb,
      picks: bulkPicksArb,
      change: fc.constantFrom<BulkChange>('publish', 'unpublish', 'publishWith', 'draftWith', 'trash', 'restore'),
      edit: editArb,
      includeTrashed: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('bulkDelete' as const),
      type: typeArb,
      picks: bulkPicksArb,
      includeTrashed: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('invalid' as const),
      type: typeArb,
      pick: pickArb,
      onCreate: fc.boolean(),
      problem: fc.constantFrom<Invalid>('duplicateChannel', 'futureDate'),
      edit: editArb,
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('review' as const),
      type: typeArb,
      pick: pickArb,
      action: fc.constantFrom<ReviewAction>('submit', 'submit', 'approve', 'approve', 'return', 'withdraw'),
      // mostly with a reason; a return without one must be refused whole
      reason: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      // now and then an approval of a draft the reviewer no longer has before them: refused whole (409)
      stale: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    }),
  },
)

const GENERATED = Symbol('generated at full length')

/**
 * Exactly `length` operations per run (so the operation budget is met whatever the bias), but
 * shrinking like a free-length array: a failing sequence loses whole chunks of steps first,
 * which a fixed-length array cannot do (its shrink only simplifies each step in place, leaving
 * 100+ steps to read). The array shrinker works from the value alone (no context needed).
 */
export function opSequenceArb(length: number): fc.Arbitrary<Op[]> {
  const fixed = fc.array(opArb, { minLength: length, maxLength: length })
  const free = fc.array(opArb, { minLength: 0, maxLength: length })
  return new (class extends fc.Arbitrary<Op[]> {
    generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<Op[]> {
      return new fc.Value(fixed.generate(mrng, biasFactor).value, GENERATED)
    }
    canShrinkWithoutContext(value: unknown): value is Op[] {
      return free.canShrinkWithoutContext(value)
    }
    shrink(value: Op[], context: unknown): fc.Stream<fc.Value<Op[]>> {
      return free.shrink(value, context === GENERATED ? undefined : context)
    }
  })()
}

// ---------------------------------------------------------------------------------------------
// Applying an operation

/**
 * What the step did, and what the harness must check besides I1–I3:
 * - `changed`: a regular save (or a no-op such as publishing an already published item);
 * - `draft`: a draft save, autosave or restore-as-draft: I4, tallies and ledger unchanged;
 * - `rejected`: Payload refused it as it must: nothing at all may have changed;
 * - `skipped`: nothing to act on (no item at all yet, no version, a trashed item to schedule).
 */
export type StepClass = 'changed' | 'draft' | 'rejected' | 'skipped'

export interface StepResult {
  cls: StepClass
  /** The op with the ids it resolved to, for the failure log. */
  text: string
}

export interface ModelContext {
  payload: Payload
  pool: pg.Pool
  u: Universe
  /**
   * Restores a version as a draft through REST (`POST /api/<type>/versions/<id>?draft=true`,
   * what the admin's "restore as draft" sends): the local API's restoreVersion drops its
   * `draft` option (payload 3.90) and would publish the version instead.
   */
  restoreAsDraft(type: ContentType, versionId: number | string): Promise<void>
  /** Titles stay unique per run (a counter), which keeps slugs from colliding. */
  seq: { n: number }
}

const as = (ctx: ModelContext) => ({ user: ctx.u.user, overrideAccess: false as const })

function publications(ctx: ModelContext, pubs: PubSpec[]): Array<Record<string, unknown>> {
  return pubs.map((p) => ({
    channel: ctx.u.channels[p.channel],
    publishedAt: publicationInstant(DAYS[p.day] ?? DAYS[0], p.at),
    url: p.url ? `https://example.vn/bai-${p.channel}-${p.day}` : null,
  }))
}

function tagsAndPubs(ctx: ModelContext, edit: EditSpec): Record<string, unknown> {
  return { tasks: edit.tasks.map((t) => ctx.u.tasks[t]), publications: publications(ctx, edit.pubs) }
}

export function describeEdit(ctx: ModelContext, edit: EditSpec): string {
  const tasks = edit.tasks.map((t) => ctx.u.tasks[t]).join(',')
  const pubs = edit.pubs
    .map((p) => `${ctx.u.channels[p.channel]}@${DAYS[p.day]}${p.at === 'noon' ? '' : `/${p.at}`}`)
    .join(',')
  return `tasks[${tasks}] pubs[${pubs}]`
}

function pickItem(world: World, type: ContentType, pick: number): ItemState | undefined {
  const items = world[type]
  return items.length === 0 ? undefined : items[pick % items.length]
}

const label = (type: ContentType, item: ItemState) =>
  `${type}#${item.id}(${item.status}${item.trashed ? ',trashed' : ''})`

/**
 * Runs `fn`, which Payload must refuse with the given HTTP status (400: validation, 403: a
 * forbidden restore); any other outcome, a crash included, fails the step.
 */
async function mustReject(status: number, fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn()
  } catch (err) {
    const e = err as { status?: number; message?: string }
    if (e.status !== status)
      throw new Error(`expected a ${status} rejection, got ${e.status ?? 'no status'}: ${e.message ?? String(err)}`)
    return e.message ?? ''
  }
  throw new Error(`expected Payload to refuse the operation with ${status}, but it succeeded`)
}

/** Bulk operations report per-document failures instead of throwing: surface them. */
function checkBulk(result: { errors?: unknown[] }, what: string): void {
  if (result.errors && result.errors.length > 0)
    throw new Error(`${what} reported errors: ${JSON.stringify(result.errors)}`)
}

/**
 * The type an op on existing items acts on: its own, or, when no item of that type exists (early
 * in a run, or after deletes), the next type in TYPES order that has items. Without this about a
 * fifth of all steps found no target and did nothing.
 */
function targetType(world: World, wanted: ContentType): ContentType | undefined {
  const start = TYPES.indexOf(wanted)
  return [...TYPES.slice(start), ...TYPES.slice(0, start)].find((t) => world[t].length > 0)
}

export async function applyOp(ctx: ModelContext, world: World, generated: Op): Promise<StepResult> {
  const { payload } = ctx
  let op = generated
  if (op.kind !== 'create' && !(op.kind === 'invalid' && op.onCreate)) {
    const type = targetType(world, op.type)
    if (!type) return { cls: 'skipped', text: `${op.kind}: no items of any type` }
    op = { ...op, type }
  }
  const collection = op.type
  if (op.kind === 'create') {
    ctx.seq.n += 1
    const data = {
      ...baseData(op.type, ctx.seq.n),
      ...tagsAndPubs(ctx, op.edit),
      ...(op.publish ? { _status: 'published' } : {}),
    }
    const doc = await payload.create({
      collection,
      data: data as never,
      draft: !op.publish,
      ...(op.type === 'infographics' ? { file: copyFile(ctx.u.png) } : {}),
      ...as(ctx),
    })
    return {
      cls: 'changed',
      text: `create ${op.type}#${doc.id} ${op.publish ? 'published' : 'draft'} ${describeEdit(ctx, op.edit)}`,
    }
  }

  if (op.kind === 'bulkUpdate' || op.kind === 'bulkDelete') {
    const items = [
      ...new Set(op.picks.map((p) => pickItem(world, op.type, p)).filter((x): x is ItemState => x !== undefined)),
    ]
    if (items.length === 0) return { cls: 'skipped', text: `${op.kind} ${op.type}: no items` }
    const ids = items.map((i) => i.id)
    const where = { id: { in: ids } }
    const trash = op.includeTrashed
    const targets = `${op.type}[${items.map((i) => label(op.type, i)).join(' ')}]${trash ? ' incl. trashed' : ''}`
    if (op.kind === 'bulkDelete') {
      checkBulk(await payload.delete({ collection, where, trash, ...as(ctx) }), 'bulk delete')
      return { cls: 'changed', text: `bulkDelete ${targets}` }
    }
    switch (op.change) {
      case 'publish':
      case 'unpublish': {
        const _status = op.change === 'publish' ? 'published' : 'draft'
        checkBulk(
          await payload.update({ collection, where, trash, data: { _status } as never, ...as(ctx) }),
          `bulk ${op.change}`,
        )
        return { cls: 'changed', text: `bulkUpdate ${op.change} ${targets}` }
      }
      case 'publishWith':
        // The same tags and publications on several items: they all land on the same tallies.
        checkBulk(
          await payload.update({
            collection,
            where,
            trash,
            data: { _status: 'published', ...tagsAndPubs(ctx, op.edit) } as never,
            ...as(ctx),
          }),
          'bulk publish with data',
        )
        return { cls: 'changed', text: `bulkUpdate publishWith ${describeEdit(ctx, op.edit)} ${targets}` }
      case 'draftWith':
        checkBulk(
          await payload.update({
            collection,
            where,
            trash,
            data: tagsAndPubs(ctx, op.edit) as never,
            draft: true,
            ...as(ctx),
          }),
          'bulk draft save',
        )
        return { cls: 'draft', text: `bulkUpdate draftWith ${describeEdit(ctx, op.edit)} ${targets}` }
      case 'trash':
        checkBulk(
          await payload.update({
            collection,
            where,
            trash,
            data: { deletedAt: new Date().toISOString() } as never,
            ...as(ctx),
          }),
          'bulk trash',
        )
        return { cls: 'changed', text: `bulkUpdate trash ${targets}` }
      case 'restore':
        checkBulk(
          await payload.update({ collection, where, trash: true, data: { deletedAt: null } as never, ...as(ctx) }),
          'bulk restore',
        )
        return { cls: 'changed', text: `bulkUpdate restore ${op.type}[${ids.join(',')}]` }
    }
  }

  if (op.kind === 'invalid' && op.onCreate) {
    ctx.seq.n += 1
    const data = {
      ...baseData(op.type, ctx.seq.n),
      _status: 'published',
      ...invalidTagsAndPubs(ctx, op.edit, op.problem),
    }
    const message = await mustReject(400, () =>
      payload.create({
        collection,
        data: data as never,
        ...(op.type === 'infographics' ? { file: copyFile(ctx.u.png) } : {}),
        ...as(ctx),
      }),
    )
    return { cls: 'rejected', text: `invalid create ${op.type} (${op.problem}) -> rejected: ${message.slice(0, 120)}` }
  }

  const item = pickItem(world, op.type, op.pick)
  if (!item) return { cls: 'skipped', text: `${op.kind} ${op.type}: no items` }
  const id = item.id
  const target = label(op.type, item)
  // A trashed item is only reachable with `trash: true`; the admin UI passes it in the trash view.
  const reach = item.trashed ? { trash: true } : {}

  switch (op.kind) {
    case 'draftSave':
      await payload.update({
        collection,
        id,
        data: tagsAndPubs(ctx, op.edit) as never,
        draft: true,
        ...reach,
        ...as(ctx),
      })
      return { cls: 'draft', text: `draftSave ${target} ${describeEdit(ctx, op.edit)}` }
    case 'autosave':
      await payload.update({
        collection,
        id,
        data: { title: `${op.type} ${id} (autosave)`, ...tagsAndPubs(ctx, op.edit) } as never,
        draft: true,
        autosave: true,
        ...reach,
        ...as(ctx),
      })
      return { cls: 'draft', text: `autosave ${target} ${describeEdit(ctx, op.edit)}` }
    case 'publish':
      await payload.update({ collection, id, data: { _status: 'published' } as never, ...reach, ...as(ctx) })
      return { cls: 'changed', text: `publish ${target}` }
    case 'republish':
      await payload.update({
        collection,
        id,
        data: { _status: 'published', ...tagsAndPubs(ctx, op.edit) } as never,
        ...reach,
        ...as(ctx),
      })
      return { cls: 'changed', text: `republish ${target} ${describeEdit(ctx, op.edit)}` }
    case 'unpublish':
      await payload.update({ collection, id, data: { _status: 'draft' } as never, ...reach, ...as(ctx) })
      return { cls: 'changed', text: `unpublish ${target}` }
    case 'schedule': {
      if (item.trashed) {
        // The job finds no (untrashed) document and fails; that is Payload's business, not ours.
        return { cls: 'skipped', text: `schedule ${op.action} ${target}: trashed` }
      }
      const job = await payload.jobs.queue({
        task: 'schedulePublish',
        input: {
          type: op.action,
          doc: { relationTo: collection, value: String(id) },
          user: { relationTo: 'users', value: ctx.u.user.id },
        } as never,
        waitUntil: new Date(Date.now() - 1000),
      })
      await payload.jobs.run()
      const { rows } = await ctx.pool.query('select has_error, completed_at, error from payload_jobs where id = $1', [
        job.id,
      ])
      // Payload deletes a job once it completes (deleteJobOnComplete); a row left means it failed or never ran.
      const row = rows[0]
      if (row && (row.has_error || !row.completed_at))
        throw new Error(`scheduled ${op.action} job ${job.id} did not complete: ${JSON.stringify(row)}`)
      return { cls: 'changed', text: `schedule ${op.action} ${target} (job ${job.id})` }
    }
    case 'restoreVersion': {
      const versions = await payload.findVersions({
        collection,
        where: { parent: { equals: id } },
        sort: 'createdAt',
        limit: 100,
        depth: 0,
        ...as(ctx),
      })
      const version = versions.docs[op.version % Math.max(1, versions.docs.length)]
      if (!version) return { cls: 'skipped', text: `restoreVersion ${target}: no versions` }
      const status = (version.version as { _status?: string })._status
      const what = `restoreVersion ${target} v${version.id}(${status})${op.asDraft ? ' as draft' : ''}`
      const restore = () =>
        op.asDraft
          ? ctx.restoreAsDraft(collection, version.id)
          : payload.restoreVersion({ collection, id: version.id, ...as(ctx) })
      if (item.trashed) {
        // Payload refuses to restore a version of a trashed document: it must change nothing.
        const message = await mustReject(403, restore)
        return { cls: 'rejected', text: `${what} -> rejected: ${message.slice(0, 120)}` }
      }
      await restore()
      return { cls: op.asDraft ? 'draft' : 'changed', text: what }
    }
    case 'trash':
      await payload.update({
        collection,
        id,
        data: { deletedAt: new Date().toISOString() } as never,
        ...reach,
        ...as(ctx),
      })
      return { cls: 'changed', text: `trash ${target}` }
    case 'untrash':
      await payload.update({ collection, id, data: { deletedAt: null } as never, trash: true, ...as(ctx) })
      return { cls: 'changed', text: `untrash ${target}` }
    case 'delete':
      await payload.delete({ collection, id, trash: item.trashed || op.trashFlag, ...as(ctx) })
      return { cls: 'changed', text: `delete ${target}` }
    case 'review': {
      // The author (the universe's manager) submits and withdraws; a second manager reviews.
      const actor = op.action === 'submit' || op.action === 'withdraw' ? ctx.u.user : ctx.u.reviewer
      const req = await createLocalReq({ user: { ...actor, collection: 'users' } as never }, payload)
      const reason = op.reason ? 'Cần bổ sung nguồn' : undefined
      // The reviewer approves the draft they read (its updatedAt), or one from a second before it.
      const seen = (await payload.findByID({ collection, id, draft: true, depth: 0, disableErrors: true, trash: true }))
        ?.updatedAt
      const updatedAt = seen && op.stale ? new Date(new Date(seen).getTime() - 1000).toISOString() : seen
      const result = await applyReviewStep(req, { collection, id: String(id), action: op.action, reason, updatedAt })
      const what = `review ${op.action}${reason ? '' : ' (no reason)'}${op.stale ? ' (stale)' : ''} ${target}`
      if (result.status !== 200) {
        // 404: a trashed item is out of the review's reach; 409: not from this state; 400: no reason.
        if (![400, 404, 409].includes(result.status))
          throw new Error(`${what}: unexpected ${result.status} ${JSON.stringify(result.body)}`)
        return { cls: 'rejected', text: `${what} -> ${result.status}` }
      }
      return { cls: op.action === 'approve' ? 'changed' : 'draft', text: `${what} -> ${result.body.state}` }
    }
    case 'invalid': {
      // A published save of the existing item with bad publications: refused whole.
      const data = { _status: 'published', ...invalidTagsAndPubs(ctx, op.edit, op.problem) }
      const message = await mustReject(400, () =>
        payload.update({ collection, id, data: data as never, ...reach, ...as(ctx) }),
      )
      return { cls: 'rejected', text: `invalid update ${target} (${op.problem}) -> rejected: ${message.slice(0, 120)}` }
    }
  }
}

/** Valid tags with publications made invalid in exactly one way. */
function invalidTagsAndPubs(ctx: ModelContext, edit: EditSpec, problem: Invalid): Record<string, unknown> {
  const base = tagsAndPubs(ctx, edit)
  const pubs = base.publications as Array<Record<string, unknown>>
  const first = pubs[0] ?? { channel: ctx.u.channels[1], publishedAt: publicationInstant(DAYS[0], 'noon'), url: null }
  const bad =
    problem === 'duplicateChannel'
      ? [...(pubs.length > 0 ? pubs : [first]), { ...first, publishedAt: publicationInstant(DAYS[1], 'noon') }]
      : [
          ...pubs,
          {
            channel: ctx.u.channels.find((c) => !pubs.some((p) => p.channel === c)) ?? ctx.u.channels[0],
            publishedAt: futureInstant(),
            url: null,
          },
        ]
  return { ...base, publications: bad }
}
